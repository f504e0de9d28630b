/* The book's quiz pages: each question is answered in the page and checked here, with QuizSeal (quiz-seal.js)
 * opening the same sealed blob the notebook uses. Progress stays in this browser (localStorage). A classic
 * script: it works from disk, over https and on plain http (no WebCrypto). */
(function () {
  "use strict";
  var Q = window.QuizSeal;
  var PREFIX = "npm-course-quiz:";
  if (!Q || !document.querySelector(".npm-q")) return;
  document.documentElement.classList.add("npm-js");
  // Every string shown comes from the page, in its language (course/quiz/strings.py writes them).
  var QUIZ = document.querySelector(".npm-quiz");
  var STRINGS = {};
  try { STRINGS = JSON.parse(QUIZ.dataset.strings || "{}"); } catch (e) { STRINGS = {}; }
  var LANG = QUIZ.dataset.lang || document.documentElement.lang || "en";
  function t(key, values) {
    var text = STRINGS[key] === undefined ? key : STRINGS[key];
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? String(values[name]) : all;
    });
  }
  // How an answer was read, in the page's language (QuizSeal.describe speaks English).
  function said(kind, key) {
    var items = key.split(",");
    if (kind === "letter") return t("said_letter", {answer: key});
    if (kind === "letters") {
      return items.length === 1 ? t("said_letter", {answer: items[0]})
        : t("said_letters", {first: items.slice(0, -1).join(", "), last: items[items.length - 1]});
    }
    if (kind === "order") return t("said_order", {answer: items.join(", ")});
    if (kind === "number") return t("said_number", {answer: LANG === "en" ? key : key.replace(".", ",")});
    return t("said_answer", {answer: key});
  }

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }
  function load(quiz) {
    var s = storage();
    try { return JSON.parse((s && s.getItem(PREFIX + quiz)) || "null") || {answers: {}}; } catch (e) { return {answers: {}}; }
  }
  function save(quiz, state) {
    var s = storage();
    state.updated = new Date().toISOString();
    if (s) { try { s.setItem(PREFIX + quiz, JSON.stringify(state)); } catch (e) { /* private mode: no memory */ } }
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // What the learner has entered, as text QuizSeal.read understands.
  function entered(box) {
    var kind = box.dataset.kind;
    if (kind === "letter" || kind === "letters") {
      return Array.prototype.map.call(box.querySelectorAll("input:checked"), function (i) { return i.value; }).join(", ");
    }
    if (kind === "order") {
      return Array.prototype.map.call(box.querySelectorAll(".npm-order li"), function (li) { return li.dataset.letter; }).join(", ");
    }
    return box.querySelector("input").value;
  }

  function restore(box, key) {
    var kind = box.dataset.kind, items = key.split(",");
    if (kind === "letter" || kind === "letters") {
      box.querySelectorAll("input").forEach(function (i) { i.checked = items.indexOf(i.value) >= 0; });
    } else if (kind === "order") {
      var list = box.querySelector(".npm-order");
      items.forEach(function (letter) {
        var li = list.querySelector('li[data-letter="' + letter + '"]');
        if (li) list.appendChild(li);
      });
    } else {
      box.querySelector("input").value = key;
    }
  }

  function show(box, cls, paragraphs) {
    var out = box.querySelector(".npm-feedback");
    out.className = "npm-feedback " + cls;
    out.textContent = "";
    paragraphs.forEach(function (p) { out.appendChild(el("p", p[0], p[1])); });
  }

  function check(box, quietly) {
    var quiz = box.dataset.quiz, id = box.dataset.q, kind = box.dataset.kind;
    var key;
    try {
      key = Q.read(kind, entered(box));
    } catch (e) {
      if (!(e instanceof Q.FormatError)) throw e;
      var typed = entered(box).trim(), advice;
      if (kind === "letter" || kind === "letters") advice = t("choose_first");
      else if (e.blank) advice = kind === "number" ? t("number_first") : t("answer_first");
      else if (kind === "number") advice = t("not_number", {typed: typed});
      else advice = t("not_words", {typed: typed});
      show(box, "npm-unread", [["", advice.trim()]]);
      return;
    }
    var result = Q.open(box.dataset.blob, key);
    var read = said(kind, key);
    if (result.right) {
      show(box, "npm-right", [["npm-verdict", t("right", {said: read})], ["npm-explanation", result.text]]);
    } else {
      var lines = [["npm-verdict", t("wrong", {said: read})]];
      result.why.forEach(function (w) { lines.push(["npm-why", t("why_not", {letter: w[0], text: w[1]})]); });
      lines.push(["npm-hint", t("hint", {text: result.text})]);
      lines.push(["", t("again")]);
      show(box, "npm-wrong", lines);
    }
    if (quietly) return;
    var state = load(quiz), previous = state.answers[id] || {tries: 0, right: false};
    state.answers[id] = {key: key, right: result.right || previous.right,
                         tries: previous.tries + 1, first: previous.tries === 0 ? result.right : previous.first,
                         rightKey: result.right ? key : previous.rightKey};
    state.title = document.querySelector(".npm-quiz").dataset.title;
    state.total = Number(document.querySelector(".npm-quiz").dataset.total);
    save(quiz, state);
    score(quiz);
  }

  function score(quiz) {
    var state = load(quiz), total = Number(document.querySelector(".npm-quiz").dataset.total);
    var ids = Object.keys(state.answers), right = 0, first = 0;
    ids.forEach(function (id) { if (state.answers[id].right) right++; if (state.answers[id].first) first++; });
    var out = document.querySelector(".npm-score");
    if (!ids.length) { out.textContent = t("score_none"); return; }
    out.textContent = t("score", {right: right, total: total, first: first}) +
      (right === total ? " " + t("finished") : "");
  }

  function move(li, up) {
    var list = li.parentNode, other = up ? li.previousElementSibling : li.nextElementSibling;
    if (!other) return;
    if (up) list.insertBefore(li, other); else list.insertBefore(other, li);
    li.querySelector(up ? ".npm-up" : ".npm-down").focus();
  }

  function record() {
    var sheet = document.querySelector(".npm-record-sheet") || document.body.appendChild(el("div", "npm-record-sheet"));
    sheet.textContent = "";
    sheet.appendChild(el("h1", "", t("record_title")));
    var today;
    try { today = new Date().toLocaleDateString(LANG, {day: "numeric", month: "long", year: "numeric"}); }
    catch (e) { today = new Date().toLocaleDateString(); }
    sheet.appendChild(el("p", "", t("record_as_of", {date: today})));
    var table = el("table"), head = el("tr");
    [t("col_quiz"), t("col_right"), t("col_first"), t("col_last")].forEach(function (h) { head.appendChild(el("th", "", h)); });
    table.appendChild(head);
    var s = storage();
    for (var i = 0; s && i < s.length; i++) {
      var name = s.key(i);
      if (name.indexOf(PREFIX) !== 0) continue;
      var st = JSON.parse(s.getItem(name) || "{}"), ids = Object.keys(st.answers || {}), right = 0, first = 0;
      ids.forEach(function (id) { if (st.answers[id].right) right++; if (st.answers[id].first) first++; });
      var row = el("tr");
      [st.title || name.slice(PREFIX.length), t("of", {right: right, total: st.total || ids.length}), String(first),
       (st.updated || "").slice(0, 10)].forEach(function (c) { row.appendChild(el("td", "", c)); });
      table.appendChild(row);
    }
    sheet.appendChild(table);
    document.body.classList.add("npm-printing");
    window.print();
    document.body.classList.remove("npm-printing");
  }

  document.querySelectorAll(".npm-q").forEach(function (box) {
    box.querySelector(".npm-check").addEventListener("click", function () { check(box, false); });
    box.querySelectorAll("input[type=text]").forEach(function (input) {
      input.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); check(box, false); } });
    });
    box.querySelectorAll(".npm-up, .npm-down").forEach(function (button) {
      button.addEventListener("click", function () { move(button.closest("li"), button.classList.contains("npm-up")); });
    });
    var saved = load(box.dataset.quiz).answers[box.dataset.q];
    if (saved && saved.key) {
      restore(box, saved.right && saved.rightKey ? saved.rightKey : saved.key);
      check(box, true);
    }
  });
  var end = document.querySelector(".npm-end");
  if (end) {
    score(end.dataset.quiz);
    end.querySelector(".npm-restart").addEventListener("click", function () {
      var s = storage();
      if (s) s.removeItem(PREFIX + end.dataset.quiz);
      document.querySelectorAll(".npm-q").forEach(function (box) {
        box.querySelectorAll("input").forEach(function (i) { i.checked = false; if (i.type === "text") i.value = ""; });
        var list = box.querySelector(".npm-order");
        if (list) Array.prototype.slice.call(list.children).sort(function (x, y) {
          return x.dataset.letter < y.dataset.letter ? -1 : 1;
        }).forEach(function (li) { list.appendChild(li); });
        show(box, "", []);
      });
      score(end.dataset.quiz);
      document.querySelector(".npm-quiz").scrollIntoView();
    });
    end.querySelector(".npm-record").addEventListener("click", record);
  }
})();
