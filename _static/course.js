/* The course's few lines of script in the book: switch the views of a widget (a list, tabs, numbered steps),
   and sort and search tables. The views and tables are plain HTML made by course/widgets; without this script
   the first view of each widget and every table still read as they are. */
(function () {
  "use strict";
  function each(root, selector, fn) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); }
  function own(box, selector) {  // children of this switch, not of a switch inside one of its views
    return Array.prototype.filter.call(box.querySelectorAll(selector), function (el) {
      return el.closest("[data-course-switch]") === box;
    });
  }

  function setUpSwitch(box) {
    var views = Array.prototype.filter.call(box.children, function (el) { return el.classList.contains("course-view"); });
    var select = own(box, "select")[0], tabs = own(box, '[role="tab"]');
    function show(i, focus) {
      i = Math.max(0, Math.min(views.length - 1, i));
      views.forEach(function (view, j) { view.hidden = j !== i; });
      if (select) select.selectedIndex = i;
      tabs.forEach(function (tab, j) {
        tab.setAttribute("aria-selected", j === i ? "true" : "false");
        tab.tabIndex = j === i ? 0 : -1;
        if (j === i && focus) tab.focus();
      });
    }
    function current() { return views.findIndex(function (v) { return !v.hidden; }); }
    if (select) select.addEventListener("change", function () { show(select.selectedIndex); });
    tabs.forEach(function (tab, j) {
      tab.addEventListener("click", function () { show(j, true); });
      tab.addEventListener("keydown", function (e) {
        var to = {ArrowRight: j + 1, ArrowLeft: j - 1, Home: 0, End: tabs.length - 1}[e.key];
        if (to !== undefined) { e.preventDefault(); show((to + tabs.length) % tabs.length, true); }
      });
    });
    own(box, "[data-course-step]").forEach(function (button) {
      button.addEventListener("click", function () { show(current() + Number(button.dataset.courseStep)); });
    });
    views.forEach(function (view) {  // a click on a stage of the timeline shows that stage
      each(view, "[data-course-go]", function (step) {
        if (step.closest("[data-course-switch]") !== box) return;
        step.addEventListener("click", function () { show(Number(step.dataset.courseGo)); });
      });
    });
  }

  function cellValue(row, i) {
    var cell = row.children[i], text = cell ? cell.textContent.trim() : "";
    var number = /^-?\d+([.,]\d+)?/.exec(text);  // 1.5 in English, 1,5 in French and Spanish
    return number && /^-?\d+([.,]\d+)?(\D|$)/.test(text) ? parseFloat(number[0].replace(",", ".")) : text.toLowerCase();
  }

  function setUpTable(box) {
    var table = box.querySelector("table"), body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows), input = box.querySelector("input[type=search]");
    var count = box.querySelector(".course-count");
    // the words come from the page, in its language (course/widgets/common.py writes them)
    var countText = box.dataset.courseCount || "{shown} / {total}";
    var lang = (document.documentElement.lang || "").slice(0, 2);
    each(table, "thead th", function (th, i) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        each(table, "thead th", function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        rows.slice().sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          if (typeof x !== typeof y) { x = String(x); y = String(y); }
          var order = typeof x === "string" && lang && lang !== "en" ? x.localeCompare(y, lang)  // é with e
                                                                      : (x < y ? -1 : x > y ? 1 : 0);
          return order * (up ? 1 : -1);
        }).forEach(function (row) { body.appendChild(row); });
      });
    });
    if (!input) return;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
        if (!row.hidden) shown += 1;
      });
      count.textContent = words.length ? countText.replace("{shown}", shown).replace("{total}", rows.length) : "";
    });
  }

  function init() {
    each(document, "[data-course-switch]", setUpSwitch);
    each(document, "[data-course-table]", setUpTable);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
