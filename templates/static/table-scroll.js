/* A table's scrolling box is a Tab stop, so that the keyboard can scroll it, only while its
   table is wider than it: the page gives every box tabindex=0 (without JavaScript each stays
   reachable), and here the boxes with nothing to scroll leave the Tab order. Watched as they
   change size (a phone turned, a filter's results shown). */
(function () {
  "use strict";
  if (!window.ResizeObserver) { return; }
  var watch = new ResizeObserver(function (changes) {
    changes.forEach(function (change) {
      var box = change.target.closest(".table-scroll");
      if (box.scrollWidth > box.clientWidth) { box.tabIndex = 0; } else { box.removeAttribute("tabindex"); }
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".table-scroll[tabindex]"), function (box) {
    watch.observe(box);
    if (box.firstElementChild) { watch.observe(box.firstElementChild); }  // its table, filled anew
  });
}());
