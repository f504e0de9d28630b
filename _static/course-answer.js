/* The Your turn answer boxes: what the learner writes stays in this browser (localStorage), one entry per
   task, so that it is still there when they come back. Nothing is sent anywhere. Runs once the page is parsed. */
(function () {
  var PREFIX = "npm-course-answer:";
  function store() {
    try { var s = window.localStorage; s.setItem(PREFIX + "test", "1"); s.removeItem(PREFIX + "test"); return s; }
    catch (e) { return null; }  /* storage off (private mode, some file:// pages): the box still works */
  }
  function setUp() {
    var s = store();
    document.querySelectorAll("textarea[data-course-answer]").forEach(function (box) {
      var key = PREFIX + box.getAttribute("data-course-answer");
      if (!s) {
        box.setAttribute("aria-describedby", box.id + "-note");
        var note = document.createElement("p");
        note.id = box.id + "-note";
        note.className = "course-answer-note";
        note.textContent = "This browser does not keep what you write here: copy it somewhere before you leave.";
        box.parentNode.appendChild(note);
        return;
      }
      box.value = s.getItem(key) || "";
      box.addEventListener("input", function () { s.setItem(key, box.value); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
