/* Checks quiz-seal.js against tests/quiz_vectors.json (the vectors course/quiz/answers.py passes too).
 * Run by tests/unit/test_quiz_vectors.py: node js/quiz/test-vectors.js tests/quiz_vectors.json */
"use strict";
var fs = require("fs");
var path = require("path");
module.paths.push(path.join(__dirname, "..", "node_modules"));
var QuizSeal = require("./quiz-seal.js");
var vectors = JSON.parse(fs.readFileSync(process.argv[2], "utf-8"));
var failures = [];
function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
vectors.read.forEach(function (v) {
  var got;
  try {
    got = {key: QuizSeal.read(v.kind, v.typed)};
  } catch (e) {
    if (!(e instanceof QuizSeal.FormatError)) throw e;
    got = {error: e.message, blank: e.blank};
  }
  var want = "key" in v ? {key: v.key} : {error: v.error, blank: v.blank};
  if (!same(got, want)) failures.push("read " + JSON.stringify([v.kind, v.typed]) + ": " + JSON.stringify(got) + " != " + JSON.stringify(want));
});
vectors.seal.forEach(function (v) {
  v.opens.forEach(function (o) {
    var got = QuizSeal.open(v.blob, o.key);
    if (!same(got, o.result)) failures.push("open " + v.args.question_id + " " + o.key + ": " + JSON.stringify(got) + " != " + JSON.stringify(o.result));
  });
});
if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log("ok " + vectors.read.length + " readings, " + vectors.seal.length + " seals");
