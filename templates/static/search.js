/* Offline search over search-index.js (built by cchc-site): accent-free
   words, every query word must match, the last one (still being typed) as
   the start of a word; titles holding the words as written rank first, then
   results showing the words in their title or agency.
   No request leaves the site. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var script = document.getElementById("search-index");
  if (!form || !script) { return; }
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var root = form.getAttribute("data-root");
  var PAGE = 100;  // results shown at a time
  var index = null, keys, order, docs, found = [], shownCount = 0, pending = 0, asking = "";

  // runs before the index (a province's is 2 MB) has arrived: what is typed,
  // or given in the address, waits for it, and the reader is told
  function ready() {
    index = window.CCHC_SEARCH_INDEX;
    order = Object.keys(index.kinds);
    Object.keys(index.terms).forEach(function (key) {  // written as the gaps between numbers
      var numbers = index.terms[key];
      for (var i = 1; i < numbers.length; i++) { numbers[i] += numbers[i - 1]; }
    });
    // the words of what is shown under each result (its agency, its plan) find it too,
    // added here rather than written with each of thousands of tasks
    var detailWords = index.details.map(function (detail) {
      return Array.from(new Set(words(detail)));
    });
    index.docs.forEach(function (d, number) {
      detailWords[d[4]].forEach(function (word) {
        if (!has(word)) { index.terms[word] = []; }
        index.terms[word].push(number);
      });
    });
    keys = Object.keys(index.terms).sort();  // a word's completions are neighbours
    // a document: [kind, title, path, detail], from [kind number, title, folder, rest, detail]
    docs = index.docs.map(function (d) {
      return [order[d[0]], d[1], index.folders[d[2]] + d[3], index.details[d[4]]];
    });
    status.textContent = "";
    if (input.value) { show(input.value, true); }
  }

  function has(word) {  // a word of the index ('constructor' is no word of every object's)
    return Object.prototype.hasOwnProperty.call(index.terms, word);
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }
  function words(text) { return fold(text).match(/[a-z0-9]+/g) || []; }

  function matches(word, prefix) {
    var found = new Map();
    if (!prefix) {
      (has(word) ? index.terms[word] : []).forEach(function (doc) { found.set(doc, 2); });
      return found;
    }
    var low = 0, high = keys.length;  // the first key not before the word
    while (low < high) {
      var middle = (low + high) >> 1;
      if (keys[middle] < word) { low = middle + 1; } else { high = middle; }
    }
    for (var k = low; k < keys.length && keys[k].lastIndexOf(word, 0) === 0; k++) {
      var key = keys[k];
      index.terms[key].forEach(function (doc) {
        found.set(doc, Math.max(found.get(doc) || 0, key === word ? 2 : 1));
      });
    }
    return found;
  }

  function search(query) {
    var asked = words(query);
    if (!asked.length) { return []; }
    var typing = !/\s$/.test(query);  // the last word may not be whole yet
    var score = null;
    asked.forEach(function (word, number) {
      var found = matches(word, typing && number === asked.length - 1);
      var next = new Map();
      (score || found).forEach(function (value, doc) {
        if (found.has(doc)) { next.set(doc, (score ? value : 0) + found.get(doc)); }
      });
      score = next;
    });
    var phrase = " " + asked.join(" ");
    score.forEach(function (value, doc) {
      var entry = docs[doc];
      if ((" " + words(entry[1]).join(" ")).indexOf(phrase) >= 0) {
        value += asked.length * 2;  // the words in that order in the title
      }
      // each word shown in the result (its title, its agency), not only in its
      // text: 'ke hoach nghe an' puts Nghệ An's plan before a plan of the Sở Kế
      // hoạch whose targets say 'công nghệ… an toàn'; the kind's own name
      // ('kế hoạch' for a plan) says which kind is meant, not which one
      var shown = words(entry[1] + " " + entry[3]);
      var kind = words(index.kinds[entry[0]]);
      if (kind.every(function (word) { return asked.indexOf(word) >= 0; })) {
        value += kind.length;  // 'bao cao …' asks for a report
      }
      asked.forEach(function (word, number) {
        var last = typing && number === asked.length - 1;
        if (kind.indexOf(word) < 0 && shown.some(function (w) {
          return last ? w.lastIndexOf(word, 0) === 0 : w === word;
        })) { value += 1; }
      });
      score.set(doc, value);
    });
    return Array.from(score.keys()).sort(function (a, b) {
      return (score.get(b) - score.get(a)) ||
        (order.indexOf(docs[a][0]) - order.indexOf(docs[b][0])) ||
        (year(docs[b]) - year(docs[a])) ||  // of like plans or reports, the newest first
        docs[a][1].localeCompare(docs[b][1], "vi", {numeric: true});
    });
  }
  function year(doc) {  // a plan's or report's detail ends with its year
    var found = /(\d{4})$/.exec(doc[3]);
    return found ? Number(found[1]) : 0;
  }

  // 9272 as '9.272', as the build writes numbers (vietnamese.format_number): not left to the
  // browser's locale data, which some lack
  function number(n) { return String(n).replace(/\B(?=(\d{3})+$)/g, "."); }

  function showMore() {
    var first = null;
    found.slice(shownCount, shownCount + PAGE).forEach(function (number) {
      var doc = docs[number];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + doc[2] + "index.html";
      link.textContent = doc[1];
      var kind = document.createElement("span");
      kind.className = "tag";
      kind.textContent = index.kinds[doc[0]];
      var detail = document.createElement("span");
      detail.className = "meta";
      detail.textContent = doc[3];
      // named with its agency: out of context, thirty links 'Kế hoạch … năm 2024' tell nothing
      link.id = "ket-qua-" + number;
      detail.id = link.id + "-co-quan";
      link.setAttribute("aria-labelledby", link.id + " " + detail.id);
      item.append(link, " ", kind, document.createElement("br"), detail);
      list.appendChild(item);
      first = first || link;
    });
    shownCount = Math.min(found.length, shownCount + PAGE);
    var left = found.length - shownCount;
    more.hidden = left <= 0;
    more.textContent = "Hiện thêm " + Math.min(left, PAGE) + " kết quả (còn " + number(left) + ")";
    return first;
  }

  function summary() {  // of the results for ``asking``, as many as are shown
    if (!asking) { return ""; }
    if (!found.length) { return "Không tìm thấy kết quả nào cho “" + asking + "”."; }
    return "Tìm thấy " + number(found.length) + " kết quả cho “" + asking + "”" +
      (shownCount < found.length ? " (hiện " + number(shownCount) + " kết quả đầu)" : "") + ".";
  }

  function show(query, now) {
    found = search(query);
    asking = query.trim();
    list.textContent = "";
    shownCount = 0;
    showMore();
    var said = summary();
    // the count is announced (role=status) once typing pauses, not at every key
    window.clearTimeout(pending);
    if (now) { settle(said); } else {
      pending = window.setTimeout(function () { settle(said); }, 600);
    }
  }
  function settle(said) {
    status.textContent = said;
    // the query in the address: Back from a result comes back to it, and a copied link finds it
    var address = new URL(window.location.href);
    if (asking) { address.searchParams.set("q", asking); } else { address.searchParams.delete("q"); }
    try { window.history.replaceState(null, "", address.href); } catch (refused) { /* file: */ }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();  // the page is not loaded again: what is typed stays
    if (index) { show(input.value, true); } else {
      status.textContent = "Đang tải dữ liệu tìm kiếm; kết quả cho “" + input.value.trim() +
        "” sẽ hiện khi tải xong.";
    }
  });
  input.addEventListener("input", function () { if (index) { show(input.value, false); } });
  more.addEventListener("click", function () {
    var first = showMore();
    window.clearTimeout(pending);
    status.textContent = summary();
    if (first) { first.focus(); }  // on the first of the results just shown
  });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked && !input.value) { input.value = asked; }
  if (window.CCHC_SEARCH_INDEX) { ready(); } else {
    status.textContent = "Đang tải dữ liệu tìm kiếm…";
    script.addEventListener("load", ready);
    script.addEventListener("error", function () {
      status.textContent = "Không tải được dữ liệu tìm kiếm; hãy tải lại trang.";
    });
  }
}());
