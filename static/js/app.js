/* Behaviour that used to sit in inline handlers, which the Content Security Policy now blocks
   (script-src 'self': only files from /static/ run).
   - form[data-confirm]: asks before submitting (deleting a candidate pair);
   - select[data-autosubmit]: submits its form on change (the language switch);
   - input[data-check-all=NAME]: ticks or clears every checkbox named NAME;
   - [data-countdown]: counts the seconds in its text down to 0 as m:ss (the quiz timer). */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches && form.matches("form[data-confirm]") && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  }, true);
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("select[data-autosubmit]")) el.form.submit();
    if (el.matches && el.matches("input[data-check-all]")) {
      var name = el.getAttribute("data-check-all");
      document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (c) { c.checked = el.checked; });
    }
  });
  function countdown(el) {
    var s = parseInt(el.getAttribute("data-countdown"), 10);
    if (isNaN(s)) return;
    setInterval(function () {
      s = Math.max(0, s - 1);
      var m = Math.floor(s / 60), r = s % 60;
      el.textContent = m + ":" + (r < 10 ? "0" : "") + r;
    }, 1000);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-countdown]").forEach(countdown);
  });
  // The people picker (cases/includes/people_picker.html): a search result that arrives after the user ticked
  // someone must not drop that tick. Remember the ticked rows before the list is replaced; afterwards tick them
  // again, putting back at the top any row the new results do not contain. (hx-sync also drops stale searches.)
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "people-options") return;
    target.keptRows = Array.prototype.map.call(
      target.querySelectorAll("input[name=employees]:checked"), function (box) { return box.closest("li"); });
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "people-options" || !target.keptRows) return;
    var list = target.querySelector("ul");
    target.keptRows.reverse().forEach(function (row) {
      var value = row.querySelector("input").value;
      var box = target.querySelector("input[name=employees][value='" + CSS.escape(value) + "']");
      if (box) box.checked = true;
      else if (list) list.insertBefore(row, list.firstChild);
    });
    target.keptRows = null;
  });
})();
