/* The book's quiz pages: each question is answered in the page and checked here, with QuizSeal (quiz-seal.js)
 * opening the same sealed blob the notebook uses. Progress stays in this browser (localStorage). A classic
 * script: it works from disk, over https and on plain http (no WebCrypto). */
(function () {
  "use strict";
  var Q = window.QuizSeal;
  var PREFIX = "npm-course-quiz:";
  if (!Q || !document.querySelector(".npm-q")) return;
  document.documentElement.classList.add("npm-js");

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
      if (kind === "letter" || kind === "letters") advice = "Choose an answer first.";
      else if (e.blank) advice = kind === "number" ? "Type a number first." : "Type your answer first.";
      else if (kind === "number") advice = "I could not read \u201c" + typed + "\u201d as one number. Type a number, such as 2.75 or 2,75.";
      else advice = "I could not read \u201c" + typed + "\u201d as words. Type a word or a few words.";
      show(box, "npm-unread", [["", advice.trim()]]);
      return;
    }
    var result = Q.open(box.dataset.blob, key);
    var said = Q.describe(kind, key).replace(/^You wrote: /, "Your answer: ");
    if (result.right) {
      show(box, "npm-right", [["npm-verdict", "Right. " + said], ["npm-explanation", result.text]]);
    } else {
      var lines = [["npm-verdict", "Not yet. " + said]];
      result.why.forEach(function (w) { lines.push(["npm-why", "Why not " + w[0] + ": " + w[1]]); });
      lines.push(["npm-hint", "Hint: " + result.text]);
      lines.push(["", "Change your answer and check again."]);
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
    if (!ids.length) { out.textContent = "Answer the questions above to see your score."; return; }
    out.textContent = "Score: " + right + " of " + total + " questions answered right (" + first +
      " at the first try)." + (right === total ? " You have finished this quiz." : "");
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
    sheet.appendChild(el("h1", "", "Course record: engaging with international and regional bodies"));
    sheet.appendChild(el("p", "", "Quizzes answered in this browser, as of " + new Date().toLocaleDateString() + "."));
    var table = el("table"), head = el("tr");
    ["Quiz", "Answered right", "At the first try", "Last activity"].forEach(function (h) { head.appendChild(el("th", "", h)); });
    table.appendChild(head);
    var s = storage();
    for (var i = 0; s && i < s.length; i++) {
      var name = s.key(i);
      if (name.indexOf(PREFIX) !== 0) continue;
      var st = JSON.parse(s.getItem(name) || "{}"), ids = Object.keys(st.answers || {}), right = 0, first = 0;
      ids.forEach(function (id) { if (st.answers[id].right) right++; if (st.answers[id].first) first++; });
      var row = el("tr");
      [st.title || name.slice(PREFIX.length), right + " of " + (st.total || ids.length), String(first),
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
