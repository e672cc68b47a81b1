/* TTHC catalogue: filter by words of the name (with or without accents) or the code, by
   field and online level, sort by name (Vietnamese
   order) or processing time. Without JavaScript the full list stays,
   grouped by field. */
(function () {
  "use strict";
  var form = document.getElementById("tthc-filters");
  var groups = document.getElementById("tthc-groups");
  if (!form || !groups) { return; }
  var words = document.getElementById("loc-ten");
  var field = document.getElementById("loc-linh-vuc");
  var level = document.getElementById("loc-muc-do");
  var sort = document.getElementById("sap-xep");
  var count = document.getElementById("tthc-count");
  var view = document.getElementById("tthc-filtered");
  var region = view.parentNode;
  var rows = Array.prototype.slice.call(groups.querySelectorAll("tbody tr"));
  var headers = Array.prototype.map.call(view.querySelectorAll("thead th"), function (th) {
    return th.textContent;
  });

  function copy(row) {  // the row of its field's table (the code too), and its field
    var line = document.createElement("tr");
    var cells = Array.prototype.map.call(row.children, function (cell) { return cell.cloneNode(true); });
    var fieldCell = document.createElement("td");
    fieldCell.textContent = row.dataset.field;
    cells.splice(cells.length - 2, 0, fieldCell);  // before the processing time and level
    line.append.apply(line, cells);
    Array.prototype.forEach.call(line.children, function (cell, i) {
      cell.dataset.label = headers[i];  // a phone shows each row as a card: name each fact
    });
    return line;
  }

  function byName(a, b) {  // numbers by their value, as the tables by field ('nhóm 2' before 'nhóm 10')
    return a.querySelector("th").textContent.localeCompare(b.querySelector("th").textContent, "vi",
      {numeric: true});
  }
  function byDays(a, b) {
    var x = a.dataset.days === "" ? Infinity : Number(a.dataset.days);
    var y = b.dataset.days === "" ? Infinity : Number(b.dataset.days);
    // as many working days take longer than as many days
    return (x - y) || (("working" in a.dataset) - ("working" in b.dataset)) || byName(a, b);
  }

  // accents dropped, đ as d, lower case: 'giay phep x quang' and 'xquang' both find 'X-quang'
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase();
  }
  rows.forEach(function (row) {  // its name, and its code: '2.003' as the national portal shows it
    var name = fold(row.querySelector("th").textContent + " " + (row.dataset.code || ""));
    row.folded = [name.replace(/[^a-z0-9]+/g, " "), name.replace(/[^a-z0-9 ]+/g, "")];
  });
  function named(row, asked) {
    return row.folded.some(function (name) {
      return asked.every(function (word) { return name.indexOf(word) >= 0; });
    });
  }

  // 1234 as '1.234', as the build writes numbers (vietnamese.format_number) and search.js does
  function number(n) { return String(n).replace(/\B(?=(\d{3})+$)/g, "."); }

  var pending = 0;
  function update(event) {
    var asked = fold(words.value).match(/[a-z0-9]+/g) || [];
    var active = asked.length || field.value || level.value || sort.value !== "ten";
    groups.hidden = !!active;
    region.hidden = !active;
    var chosen = rows.filter(function (row) {
      return (!field.value || row.dataset.field === field.value) &&
        (!level.value || row.dataset.level === level.value) && named(row, asked);
    });
    chosen.sort(sort.value === "ngay" ? byDays : byName);
    var body = view.querySelector("tbody");
    body.textContent = "";
    chosen.forEach(function (row) { body.appendChild(copy(row)); });
    var said = active ? "Đang hiện " + number(chosen.length) + " trên " + number(rows.length) +
      " thủ tục." : "";
    // announced (role=status) once typing pauses, not at every key, as the search page does
    window.clearTimeout(pending);
    if (event && event.type === "input") {
      pending = window.setTimeout(function () { count.textContent = said; }, 600);
    } else { count.textContent = said; }
  }

  form.hidden = false;
  form.addEventListener("change", update);
  words.addEventListener("input", update);
  form.addEventListener("reset", function () { window.setTimeout(update, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
}());
