"""The French and Spanish quiz specs (quizzes/specs/fr/, quizzes/specs/es/) keep the English spec's structure
exactly, translate every text, and keep the rules the English quizzes follow (short why-nots, no giveaway by
length); and the practice tasks are translated row for row."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from course.quiz.answers import canonical
from course.quiz.generate import load_spec

SPECS = Path(__file__).resolve().parents[2] / "quizzes" / "specs"
ENGLISH = sorted(p.name for p in SPECS.glob("*.yml"))
LANGS = ["fr", "es"]
TOP = ["id", "title", "module", "intro", "objectives", "closing", "questions"]
SAME = ["id", "kind", "skill", "objective", "answer_from", "points"]
# Words that may stay as in English: names and acronyms.
# Word answers that are names, the same in every language (AfCHPR: the African Court has no Spanish acronym).
SAME_WORD_ANSWERS = ("Robben Island", "Nelson Mandela", "AfCHPR")
SAME_TEXT = {"Norvalia", "La CIDH", "El CPT", "El CPTA", *SAME_WORD_ANSWERS}
# Where the options are official names that cannot be reworded, a translation may make the right one the longest.
LONGEST_BY_OFFICIAL_NAMES = {
    ("fr", "special_procedures.yml", "which_mandate"): "the French official name of the right mandate is one "
                                                       "character longer than the longest other one",
}
ACRONYM = re.compile(r"^[A-Z]{2,8}$")


def _same_allowed(text: str) -> bool:
    return text in SAME_TEXT or bool(ACRONYM.match(text))


def _raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _pairs(lang):
    return [(name, lang) for name in ENGLISH]


def compare(en: dict, tr: dict, where: str) -> list[str]:
    """Every way the translated spec's structure differs from the English one, or a text left in English."""
    problems = []
    if list(en) != list(tr):
        problems.append(f"{where}: top-level keys {list(tr)}, English has {list(en)}")
    for key in ("id", "module"):
        if en.get(key) != tr.get(key):
            problems.append(f"{where}: {key} is {tr.get(key)!r}, English has {en.get(key)!r}")
    for key in ("title", "intro", "closing"):
        if key in en and str(en[key]).strip() == str(tr.get(key, "")).strip():
            problems.append(f"{where}: {key} is still the English text")
    if len(en.get("objectives", [])) != len(tr.get("objectives", [])):
        problems.append(f"{where}: {len(tr.get('objectives', []))} objectives, English has {len(en['objectives'])}")
    for a, b in zip(en.get("objectives", []), tr.get("objectives", [])):
        if a == b:
            problems.append(f"{where}: objective {a!r} is still in English")
    en_ids = [q["id"] for q in en["questions"]]
    tr_ids = [q.get("id") for q in tr.get("questions", [])]
    if en_ids != tr_ids:
        problems.append(f"{where}: question ids {tr_ids}, English has {en_ids}")
        return problems
    for qe, qt in zip(en["questions"], tr["questions"]):
        here = f"{where}/{qe['id']}"
        if list(qe) != list(qt):
            problems.append(f"{here}: keys {list(qt)}, English has {list(qe)}")
        for key in SAME:
            if qe.get(key) != qt.get(key):
                problems.append(f"{here}: {key} is {qt.get(key)!r}, English has {qe.get(key)!r}")
        if qe["kind"] in ("letter", "letters", "order", "number") and "answer" in qe:
            if qe["answer"] != qt.get("answer") or \
                    canonical(qe["kind"], qe["answer"]) != canonical(qe["kind"], qt.get("answer", "")):
                problems.append(f"{here}: answer {qt.get('answer')!r}, English has {qe['answer']!r}")
            if qe.get("accept") != qt.get("accept"):
                problems.append(f"{here}: accept {qt.get('accept')!r}, English has {qe.get('accept')!r}")
        if qe["kind"] == "word":
            if not qt.get("answer"):
                problems.append(f"{here}: no answer")
            elif qt["answer"] == qe["answer"] and not _same_allowed(str(qt["answer"])):
                problems.append(f"{here}: the word answer {qt['answer']!r} is still the English one")
        for key in ("choices", "why_not"):
            ce, ct = qe.get(key) or {}, qt.get(key) or {}
            if list(ce) != list(ct):
                problems.append(f"{here}: {key} letters {list(ct)}, English has {list(ce)}")
            for letter in ce:
                if letter in ct and str(ce[letter]).strip() == str(ct[letter]).strip() \
                        and not _same_allowed(str(ce[letter]).strip()):
                    problems.append(f"{here}: {key} {letter} is still the English text")
        for key in ("prompt", "hint", "explanation"):
            if str(qe.get(key, "")).strip() == str(qt.get(key, "")).strip():
                problems.append(f"{here}: {key} is still the English text")
        # The English specs' rules (tests/unit/test_quiz_specs.py) hold in translation too.
        why_not = {k: str(v).strip() for k, v in (qt.get("why_not") or {}).items()}
        explanation = str(qt.get("explanation", "")).strip()
        if len(set(why_not.values())) != len(why_not):
            problems.append(f"{here}: two options share a why-not")
        for letter, text in why_not.items():
            if not 10 <= len(text) <= 200:
                problems.append(f"{here}/{letter}: a why-not is one short sentence ({len(text)} characters)")
            if text[:40] in explanation or explanation[:40] in text:
                problems.append(f"{here}/{letter}: the why-not gives away the explanation")
    return problems


@pytest.mark.parametrize("lang", LANGS)
def test_every_english_quiz_has_a_translation(lang):
    missing = [name for name in ENGLISH if not (SPECS / lang / name).exists()]
    extra = sorted(p.name for p in (SPECS / lang).glob("*.yml") if p.name not in ENGLISH)
    assert not missing and not extra, f"{lang}: missing {missing}, extra {extra}"


@pytest.mark.parametrize("name,lang", [p for lang in LANGS for p in _pairs(lang)])
def test_the_translation_keeps_the_structure_and_translates_every_text(name, lang):
    path = SPECS / lang / name
    if not path.exists():
        pytest.fail(f"{lang}/{name} is missing")
    problems = compare(_raw(SPECS / name), _raw(path), f"{lang}/{name}")
    assert not problems, "\n".join(problems)
    load_spec(path)  # the generator's own checks: answers well formed, among the choices


def test_the_check_fails_on_a_changed_letter_or_a_missing_question():
    import copy

    en = _raw(SPECS / ENGLISH[0])
    tr = _raw(SPECS / "fr" / ENGLISH[0])
    assert compare(en, tr, "x") == []
    letter = next(i for i, q in enumerate(tr["questions"]) if q["kind"] == "letter")
    wrong = copy.deepcopy(tr)
    right = wrong["questions"][letter]["answer"]
    wrong["questions"][letter]["answer"] = next(k for k in wrong["questions"][letter]["choices"] if k != right)
    assert any("answer" in p for p in compare(en, wrong, "x"))
    shorter = copy.deepcopy(tr)
    del shorter["questions"][-1]
    assert any("question ids" in p for p in compare(en, shorter, "x"))
    english_hint = copy.deepcopy(tr)
    english_hint["questions"][0]["hint"] = en["questions"][0]["hint"]
    assert any("hint is still the English" in p for p in compare(en, english_hint, "x"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_answer_is_rarely_the_longest_option_in_translation_either(lang):
    # As in English (tests/unit/test_quiz_specs.py): a translation must not make the key stand out by its length.
    single = [q for name in ENGLISH if (SPECS / lang / name).exists()
              for q in _raw(SPECS / lang / name)["questions"] if q["kind"] == "letter"]
    longest = [q["id"] for q in single if all(len(str(q["choices"][q["answer"]])) > len(str(text))
                                              for letter, text in q["choices"].items() if letter != q["answer"])]
    assert len(longest) <= len(single) / 3, f"{lang}: {len(longest)} of {len(single)}: {longest}"


@pytest.mark.parametrize("name,lang", [p for lang in LANGS for p in _pairs(lang)])
def test_no_right_option_becomes_the_longest_and_word_answers_are_translated(name, lang):
    en, tr = load_spec(SPECS / name), load_spec(SPECS / lang / name)
    for qe, qt in zip(en.questions, tr.questions):
        here = f"{lang}/{name}/{qt.id}"
        if qt.kind == "letter":
            def longest(q):
                right = q.keys[0]
                return all(len(q.choices[right]) > len(t) for k, t in q.choices.items() if k != right)
            # The translated right option is not the longest unless the English one already was.
            if (lang, name, qt.id) not in LONGEST_BY_OFFICIAL_NAMES:
                assert not longest(qt) or longest(qe), f"{here}: the right option became the longest"
        if qt.kind == "word":
            # The answer is in the language (it differs from the English one, except names).
            assert qt.keys and all(canonical("word", a) for a in qt.answer), here
            if qe.answer[0] not in SAME_WORD_ANSWERS:
                assert canonical("word", qt.answer[0]) != canonical("word", qe.answer[0]), f"{here}: answer in English"


@pytest.mark.parametrize("lang", LANGS)
def test_the_practice_tasks_are_translated_row_for_row(lang):
    import csv

    data = SPECS.parents[1] / "data"
    english = list(csv.DictReader((data / "tasks.csv").open(encoding="utf-8")))
    path = data / lang / "tasks.csv"
    assert path.exists(), f"data/{lang}/tasks.csv is missing"
    translated = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [r["id"] for r in translated] == [r["id"] for r in english], "same ids, same order"
    for en, tr in zip(english, translated):
        for column in ("title", "task", "model_answer", "rubric"):
            text = tr[f"{column}_{lang}"].strip()
            assert text and text != en[f"{column}_en"].strip(), f"{tr['id']}: {column}_{lang} is empty or English"
        assert len(tr[f"rubric_{lang}"].split("|")) == len(en["rubric_en"].split("|")), f"{tr['id']}: rubric items"
