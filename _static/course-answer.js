/* The Your turn answer boxes: what the learner writes stays in this browser (localStorage), one entry per
   task, so that it is still there when they come back. Nothing is sent anywhere. Runs once the page is parsed. */
(function () {
  var PREFIX = "npm-course-answer:";
  /* The note in the page's language: the box's data-course-answer-note if the page gives one, else by the
     page's lang attribute (each edition's pages say lang="en", "fr" or "es"). */
  var NOTES = {
    en: "This browser does not keep what you write here: copy it somewhere before you leave.",
    fr: "Ce navigateur ne garde pas ce que vous écrivez ici : copiez-le ailleurs avant de quitter la page.",
    es: "Este navegador no guarda lo que escribe aquí: cópielo en otro sitio antes de salir."
  };
  function note(box) {
    var given = box.getAttribute("data-course-answer-note");
    if (given) return given;
    var lang = (document.documentElement.lang || "en").slice(0, 2).toLowerCase();
    return NOTES[lang] || NOTES.en;
  }
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
        var para = document.createElement("p");
        para.id = box.id + "-note";
        para.className = "course-answer-note";
        para.textContent = note(box);
        box.parentNode.appendChild(para);
        return;
      }
      box.value = s.getItem(key) || "";
      box.addEventListener("input", function () { s.setItem(key, box.value); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
