/* Screen helpers (issue 14), no inline script (the CSP allows only files from /static/; see also app.js).
   - tables: each cell gets its column header as data-label, so app.css can stack rows into cards on phones;
   - a box that still scrolls sideways gets tabindex=0 (reachable by keyboard);
   - a link to a folded <details> section opens it. */
(function () {
  "use strict";
  function labelTables(root) {
    root.querySelectorAll("table").forEach(function (table) {
      var head = table.querySelector("thead tr");
      if (!head || table.classList.contains("stacked")) return;
      var labels = Array.prototype.map.call(head.children, function (th) { return th.textContent.trim(); });
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        var i = 0;
        Array.prototype.forEach.call(tr.children, function (cell) {
          if (!cell.hasAttribute("data-label") && labels[i] !== undefined) cell.setAttribute("data-label", labels[i]);
          i += cell.colSpan || 1;
        });
      });
      table.classList.add("stacked");
    });
  }
  function focusableScrollers(root) {
    // a box that still scrolls sideways (wide tables on desktop) must be reachable by keyboard
    root.querySelectorAll(".table-wrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) box.setAttribute("tabindex", "0");
    });
  }
  function openTarget() {
    // an in-page link to a folded section (<details id=...>) opens it
    var el = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (el && el.tagName === "DETAILS") el.open = true;
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", function () {
    openTarget();
    labelTables(document);
    focusableScrollers(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) { labelTables(event.target); });
})();
