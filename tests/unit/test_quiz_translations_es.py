"""The Spanish quiz specs (quizzes/specs/es/) keep the English spec's structure exactly, translate every text,
and keep the rules the English quizzes follow (short why-nots, no giveaway by length)."""
from __future__ import annotations

import pytest
import yaml

from course.paths import QUIZ_ROOT
from course.quiz.answers import canonical
from course.quiz.generate import load_spec

EN = QUIZ_ROOT / "specs"
ES = EN / "es"
IDS = sorted(p.stem for p in EN.glob("*.yml"))
SAME_KEYS = ("id", "kind", "skill", "objective", "answer_from", "points")
# Texts that may stay as in English: names and acronyms.
NAMES = {"APF", "ENNHRI", "NANHRI", "RINDHCA", "GANHRI", "UNICEF", "La CIDH", "El CPT", "El CPTA"}


def raw(folder, quiz_id):
    return yaml.safe_load((folder / f"{quiz_id}.yml").read_text(encoding="utf-8"))


def test_there_is_a_spanish_spec_for_every_english_one():
    assert sorted(p.stem for p in ES.glob("*.yml")) == IDS


@pytest.mark.parametrize("quiz_id", IDS)
def test_the_structure_is_the_english_one(quiz_id):
    en, es = raw(EN, quiz_id), raw(ES, quiz_id)
    assert list(es) == list(en), quiz_id
    assert (es["id"], es["module"]) == (en["id"], en["module"])
    assert len(es["objectives"]) == len(en["objectives"])
    assert [q["id"] for q in es["questions"]] == [q["id"] for q in en["questions"]]
    for qe, qs in zip(en["questions"], es["questions"]):
        here = f"{quiz_id}/{qe['id']}"
        assert sorted(qs) == sorted(qe), here
        for key in SAME_KEYS:
            assert qs.get(key) == qe.get(key), f"{here}: {key}"
        assert list(qs.get("choices") or {}) == list(qe.get("choices") or {}), here
        assert list(qs.get("why_not") or {}) == list(qe.get("why_not") or {}), here
        if qe["kind"] != "word":
            assert qs.get("answer") == qe.get("answer"), here
            assert qs.get("accept") == qe.get("accept"), here
    load_spec(ES / f"{quiz_id}.yml")


@pytest.mark.parametrize("quiz_id", IDS)
def test_every_text_is_translated(quiz_id):
    en, es = raw(EN, quiz_id), raw(ES, quiz_id)
    pairs = [(en["title"], es["title"]), (en["intro"], es["intro"]), (en["closing"], es["closing"]),
             *zip(en["objectives"], es["objectives"])]
    for qe, qs in zip(en["questions"], es["questions"]):
        pairs += [(qe["prompt"], qs["prompt"]), (qe["hint"], qs["hint"]), (qe["explanation"], qs["explanation"])]
        for part in ("choices", "why_not"):
            pairs += [(qe[part][k], qs[part][k]) for k in qe.get(part) or {}]
    for english, spanish in pairs:
        if str(english).strip() in NAMES or str(spanish).strip() in NAMES:
            continue
        assert str(english).strip() != str(spanish).strip(), f"{quiz_id}: left in English: {english!r}"


@pytest.mark.parametrize("quiz_id", IDS)
def test_the_quiz_rules_hold_in_spanish(quiz_id):
    en, es = load_spec(EN / f"{quiz_id}.yml"), load_spec(ES / f"{quiz_id}.yml")
    for qe, qs in zip(en.questions, es.questions):
        here = f"{quiz_id}/{qs.id}"
        for letter, text in qs.why_not.items():
            assert 10 <= len(text) <= 200, f"{here}/{letter}: a why-not is one short sentence"
            assert text[:40] not in qs.explanation and qs.explanation[:40] not in text, f"{here}/{letter}"
        if qs.kind == "letter":
            def longest(q):
                right = q.keys[0]
                return all(len(q.choices[right]) > len(t) for k, t in q.choices.items() if k != right)
            # The Spanish right option is not the longest unless the English one already was.
            assert not longest(qs) or longest(qe), f"{here}: the right option became the longest"
        if qs.kind == "word":
            # The answer is in Spanish (it differs from the English one, except names), and the English answer
            # is not silently the only key.
            assert qs.keys and all(canonical("word", a) for a in qs.answer), here
            if qe.answer[0] not in ("Robben Island", "Nelson Mandela", "AfCHPR"):
                assert canonical("word", qs.answer[0]) != canonical("word", qe.answer[0]), f"{here}: answer in English"


def test_the_spanish_practice_tasks_match_the_english_ones():
    import csv

    from course.paths import ROOT

    with open(ROOT / "data" / "tasks.csv", encoding="utf-8", newline="") as f:
        english = list(csv.DictReader(f))
    with open(ROOT / "data" / "es" / "tasks.csv", encoding="utf-8", newline="") as f:
        spanish = list(csv.DictReader(f))
    assert [r["id"] for r in spanish] == [r["id"] for r in english]
    for en, es in zip(english, spanish):
        assert all(es[c].strip() for c in ("title_es", "task_es", "model_answer_es", "rubric_es")), es["id"]
        assert len(es["rubric_es"].split("|")) == len(en["rubric_en"].split("|")), es["id"]
        assert es["title_es"] != en["title_en"] and es["model_answer_es"] != en["model_answer_en"], es["id"]
