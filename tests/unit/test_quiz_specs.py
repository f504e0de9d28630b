"""The rules every quiz spec keeps (issue 12): judgement over recall, no test-wise guessing, every option explained."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from course.quiz.generate import all_specs

QUIZZES = all_specs()
SINGLE = [q for quiz in QUIZZES for q in quiz.questions if q.kind == "letter"]
SOFTWARE = re.compile(r"\b(csv|ics|icalendar|column|notebook|code cell|python|jupyter\w*|widget|the explorer|"
                      r"the planner|file format|traceback|error message|run (it|the cell|this cell))\b", re.I)
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
DATE = re.compile(rf"\b(1[89]\d\d|20\d\d)\b|\b\d{{1,2}} ({MONTHS})\b|\b({MONTHS}) \d", re.I)


def test_there_are_nine_quizzes_of_eight_to_twelve_questions():
    assert len(QUIZZES) == 9
    for quiz in QUIZZES:
        assert 8 <= len(quiz.questions) <= 12, quiz.id


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_most_questions_ask_for_judgement_in_a_situation(quiz):
    apply = [q for q in quiz.questions if q.skill == "apply"]
    assert len(apply) / len(quiz.questions) >= 0.6, f"{quiz.id}: {len(apply)}/{len(quiz.questions)} apply"
    for q in apply:
        # A situation: at least two sentences, or one long one, before the question.
        sentences = [s for s in re.split(r"(?<=[.?!:])\s+", q.prompt) if s.strip()]
        assert len(sentences) >= 2 or len(q.prompt) >= 140, f"{quiz.id}/{q.id}: no situation in the prompt"
        assert q.kind != "number", f"{quiz.id}/{q.id}: an apply question's answer is never a count"
        for key in q.keys:
            shown = ", ".join(q.choices.get(k, k) for k in key.split(","))
            assert not DATE.search(shown), f"{quiz.id}/{q.id}: an apply question's answer is never a date"


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_every_wrong_option_has_its_own_short_why_not(quiz):
    for q in quiz.questions:
        if q.kind not in ("letter", "letters"):
            continue
        right = set(",".join(q.keys).split(","))
        wrong = set(q.choices) - right
        assert set(q.why_not) == wrong, f"{quiz.id}/{q.id}: why_not for {sorted(q.why_not)}, wrong are {sorted(wrong)}"
        texts = list(q.why_not.values())
        assert len(set(texts)) == len(texts), f"{quiz.id}/{q.id}: two options share a why-not"
        for letter, text in q.why_not.items():
            assert 10 <= len(text) <= 200, f"{quiz.id}/{q.id}/{letter}: a why-not is one short sentence"
            # A wrong pick must not give away the explanation that only a right answer opens.
            assert text[:40] not in q.explanation and q.explanation[:40] not in text, f"{quiz.id}/{q.id}/{letter}"


def test_the_right_answer_is_rarely_the_longest_option():
    # Longest: longer than every other option (a tie gives nothing away).
    longest = [q for q in SINGLE if all(len(q.choices[q.keys[0]]) > len(text)
                                        for letter, text in q.choices.items() if letter != q.keys[0])]
    assert len(longest) <= len(SINGLE) / 3, f"{len(longest)} of {len(SINGLE)}: {[q.id for q in longest]}"


def test_each_letter_is_right_in_15_to_35_percent_of_single_choice_questions():
    counts = Counter(q.keys[0] for q in SINGLE)
    for letter in "abcd":
        share = counts[letter] / len(SINGLE)
        assert 0.15 <= share <= 0.35, f"{letter} is right in {counts[letter]} of {len(SINGLE)}: {dict(counts)}"


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_no_question_is_about_the_software(quiz):
    for q in quiz.questions:
        text = " ".join([q.prompt, *q.choices.values()])
        assert not SOFTWARE.search(text), f"{quiz.id}/{q.id}: asks about the software ({SOFTWARE.search(text)[0]})"


def test_a_figure_older_than_two_years_gets_a_build_warning_not_an_error():
    import datetime as dt

    from course.quiz.generate import stale_figures

    assert stale_figures(QUIZZES, today=dt.date(2026, 12, 1)) == []
    later = stale_figures(QUIZZES, today=dt.date(2031, 1, 1))
    assert any("upr, question cycle_years" in w and "check it against its source" in w for w in later)


def test_the_how_to_examples_give_no_answer_away():
    from course.quiz.answers import KINDS

    for quiz in QUIZZES:
        for q in quiz.questions:
            for key in q.keys:
                example = KINDS[q.kind].split("answer = ", 1)[1].split(" (")[0]
                assert example.replace(" ", "") != key.replace(" ", ""), f"{quiz.id}/{q.id}: the example is the answer"


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_hint_never_gives_away_the_explanation(lang):
    """A wrong answer shows the hint; the explanation opens only after a right one. In every language."""
    for quiz in all_specs(lang):
        for q in quiz.questions:
            hint, explanation = " ".join(q.hint.split()), " ".join(q.explanation.split())
            assert explanation[:40] not in hint and hint[:40] not in explanation, f"{quiz.id}/{q.id}"
