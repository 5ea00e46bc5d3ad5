/* Small screen helpers, no inline script (the CSP allows only files from /static/).
   - tables: each cell gets its column header as data-label, so app.css can stack rows into cards on phones;
   - select[data-autosubmit]: submits its form on change (the language switch). */
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
  function checkAll(root) {
    // input[data-check-all=NAME] ticks or clears every checkbox named NAME (campaign assignment lists)
    root.querySelectorAll("input[data-check-all]").forEach(function (box) {
      box.addEventListener("change", function () {
        var name = box.getAttribute("data-check-all");
        document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (c) { c.checked = box.checked; });
      });
    });
  }
  function autosubmit(root) {
    root.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
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
    autosubmit(document);
    checkAll(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) { labelTables(event.target); });
})();
