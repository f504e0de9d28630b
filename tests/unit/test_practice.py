"""Your turn tasks and computed times."""
from __future__ import annotations

import json
import math
import re

import pytest

import course.practice as practice
from course.kb import load
from course.paths import ROOT
from course.practice import times
from course.quiz.generate import SpecError, load_spec

BODY_MODULES = ["treaty_bodies", "upr", "special_procedures", "regional_monitoring", "networks", "courts",
                "other_bodies"]


def notebook(module_id):
    return json.loads((ROOT / "modules" / f"{module_id}.ipynb").read_text(encoding="utf-8"))


def cells_text(module_id):
    return ["".join(c["source"]) for c in notebook(module_id)["cells"]]


def test_each_body_module_has_two_tasks_and_orientation_and_planning_one():
    tasks = load()["tasks"]
    for module in BODY_MODULES:
        assert (tasks["module_id"] == module).sum() >= 2, module
    for module in ["orientation", "planning"]:
        assert (tasks["module_id"] == module).sum() >= 1, module


def test_each_task_is_placed_in_its_module_with_a_heading_an_answer_cell_and_a_model_answer():
    tasks = load()["tasks"]
    for t in tasks.itertuples():
        cells = notebook(t.module_id)["cells"]
        sources = ["".join(c["source"]) for c in cells]
        call = next(i for i, s in enumerate(sources) if f'practice.your_turn("{t.id}")' in s)
        assert sources[call - 1].startswith("## Your turn: "), t.id
        assert "Double-click to write your answer here" in sources[call + 1], t.id
        assert "remove-cell" in cells[call + 1]["metadata"].get("tags", []), t.id  # the book has its text area
        assert f'practice.model_answer("{t.id}")' in sources[call + 2], t.id
        # never right before the Summary (the How it's done section goes there)
        assert not sources[call + 3].lstrip().startswith("## Summary"), t.id


def shown(monkeypatch, call, *args, book=False) -> str:
    out = []
    monkeypatch.setattr(practice, "_show", lambda markdown=None, html_text=None: out.append((markdown or "") +
                                                                                          (html_text or "")))
    monkeypatch.setenv("COURSE_STATIC_BOOK", "1" if book else "0")
    call(*args)
    return "\n".join(out)


def test_in_the_book_the_learner_writes_in_a_labelled_text_area(monkeypatch):
    text = shown(monkeypatch, practice.your_turn, "cat_loipr", book=True)
    assert "**Fiction.**" in text
    box = re.search(r'<label for="(answer-cat_loipr)">[^<]+</label><textarea id="\1" data-course-answer="cat_loipr"',
                    text)
    assert box, text
    assert "Model answer" not in text and "model answer" not in text.split("</textarea>")[0].lower()


def test_in_jupyterlab_the_learner_writes_in_the_cell_below(monkeypatch):
    text = shown(monkeypatch, practice.your_turn, "cat_loipr", book=False)
    assert "<textarea" not in text and "cell below" in text


def test_the_model_answer_is_folded_with_its_rubric_and_template(monkeypatch):
    text = shown(monkeypatch, practice.model_answer, "cat_loipr", book=True)
    assert text.startswith('<details class="course-model-answer">') and "</details>" in text
    task = practice.task("cat_loipr")
    assert task["rubric_en"][0] in text.split("</details>")[0]
    assert "(../templates/cat-submission.docx)" in text


def test_an_unknown_task_is_a_clear_error():
    with pytest.raises(practice.PracticeError, match="no task 'nope'"):
        practice.your_turn("nope")


def test_task_text_is_reader_language():
    for t in load()["tasks"].itertuples():
        for text in (t.task_en, t.model_answer_en, *t.rubric_en):
            assert not re.search(r"`|\.ipynb|\.csv|\.py\b|import |\(\)", text), (t.id, text[:80])


def test_module_minutes_are_reading_time_plus_tasks():
    markdown = times.module_markdown("treaty_bodies")
    words = times.words(markdown)
    assert words > 1000
    own = load()["tasks"].query("module_id == 'treaty_bodies'")["minutes"].sum()
    assert times.module_minutes("treaty_bodies") == math.ceil(words / 120) + own
    assert times.task_minutes("cat_loipr") == 25


def test_words_skip_markup():
    assert times.words("## A heading\n\n| a | b |\n| --- | --- |\n[link text](http://x.org/y) `code` <b>bold</b>") == \
        len("A heading a b link text bold".split())


def test_quiz_minutes_count_recall_and_apply(tmp_path, monkeypatch):
    spec = tmp_path / "q.yml"
    question = "  - {{id: q{n}, kind: word, objective: 1, prompt: p, answer: x, hint: h, explanation: e{skill}}}\n"
    spec.write_text("id: q\ntitle: t\nmodule: m\nintro: i\nobjectives: [o]\nquestions:\n" +
                    question.format(n=1, skill=", skill: recall") + question.format(n=2, skill="") +
                    question.format(n=3, skill=", skill: apply"), encoding="utf-8")
    assert load_spec(spec).minutes == 1 + 2 + 2
    monkeypatch.setattr("course.quiz.generate.SPEC_DIR", tmp_path)
    assert times.quiz_minutes("q") == 5


def test_without_specs_the_quiz_time_comes_from_the_released_quiz(tmp_path, monkeypatch):
    """A learner kit ships the released quizzes, never the specs (they hold the answers)."""
    from course.quiz.generate import load_spec, source_notebook

    quiz = load_spec(ROOT / "quizzes" / "specs" / "upr.yml")
    folder = tmp_path / "release" / "upr"
    folder.mkdir(parents=True)
    (folder / "upr.ipynb").write_text(json.dumps(source_notebook(quiz)), encoding="utf-8")
    monkeypatch.setattr("course.quiz.generate.SPEC_DIR", tmp_path / "no-specs")
    monkeypatch.setattr(times, "QUIZ_ROOT", tmp_path)
    assert times.quiz_minutes("upr") == quiz.minutes
    with pytest.raises(times.TimeError, match="no released quiz"):
        times.quiz_minutes("courts")


def test_a_hand_written_quiz_time_is_refused(tmp_path):
    spec = tmp_path / "q.yml"
    spec.write_text("id: q\ntitle: t\nmodule: m\nminutes: 15\nintro: i\nobjectives: [o]\nquestions:\n"
                    "  - {id: q1, kind: word, objective: 1, prompt: p, answer: x, hint: h, explanation: e}\n")
    with pytest.raises(SpecError, match="computed from its questions"):
        load_spec(spec)


# A learning time written by hand: "45 min", "about 60 minutes", "fifteen minutes", "nine to ten hours". Legal
# time limits ("within 72 hours", "12 weeks") are facts with sources, not learning times, and are not matched.
HAND_TIME = re.compile(r"\b\d+\s*(?:min|mins|minutes)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                       r"fifteen|twenty|thirty|forty|fifty|sixty|ninety)(?:\s+to\s+\w+)?\s+(?:minutes|hours)\b",
                       re.IGNORECASE)


def test_the_time_check_catches_hand_written_times():
    assert HAND_TIME.search("**Time to learn:** about 60 minutes, plus 15 for the quiz.")
    assert HAND_TIME.search("| 1 | Orientation | about 45 min | 15 min |")
    assert HAND_TIME.search("count on roughly nine to ten hours with the quizzes")
    assert not HAND_TIME.search("reviewed by a judge within 72 hours; 12 weeks after the case was communicated")


def test_no_time_is_written_by_hand_in_modules_quiz_specs_or_pages():
    """Learning times are computed (course.practice.times); what the reader sees comes from the build."""
    found = {}
    for path in sorted((ROOT / "modules").glob("*.ipynb")):
        for text in cells_text(path.stem):
            found.setdefault(path.name, []).extend(m.group(0) for m in HAND_TIME.finditer(text))
    for path in sorted((ROOT / "quizzes" / "specs").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        found.setdefault(path.name, []).extend(m.group(0) for m in HAND_TIME.finditer(text))
        if re.search(r"^minutes:", text, re.MULTILINE):
            found[path.name].append("minutes:")
    for name in ["index.md", "start.md", "case_file.md"]:
        path = ROOT / name
        if path.exists():
            found.setdefault(name, []).extend(m.group(0) for m in HAND_TIME.finditer(path.read_text("utf-8")))
    found = {k: v for k, v in found.items() if v}
    assert not found, found


def test_the_case_file_page_says_it_is_fiction_and_shows_every_part(monkeypatch):
    text = shown(monkeypatch, practice.case_file)
    assert text.startswith("**Fiction.**")
    kb = load()
    for value in [*kb["case_themes"]["name_en"], *kb["case_regions"]["label_en"], "Mr D.K."]:
        assert value in text
