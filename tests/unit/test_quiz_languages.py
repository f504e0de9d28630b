"""Quizzes in French and Spanish: a translated spec is its own assignment (ID_fr), checked question by question
against the English one; everything a learner reads (notebook, self-check, grader's feedback, book page and its
script, paper quiz, answer key) is in the quiz's language; answers typed the French or Spanish way are read.

The translated specs here are stand-ins made in a temporary folder from the English ones (the real ones live in
quizzes/specs/fr/ and quizzes/specs/es/)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from course.i18n import LANGUAGES, TranslationMissing
from course.paths import ROOT
from course.quiz import generate, pages
from course.quiz.answers import AnswerFormatError, describe, read, seal
from course.quiz.autograde import verdict
from course.quiz.learner import feedback
from course.quiz.strings import JS_KEYS, TEXT, page_strings

ENGLISH = ROOT / "quizzes" / "specs"


def stand_in(folder: Path, lang: str = "fr", edit=None) -> Path:
    """A specs folder: the English specs, and a LANG translation of each (text marked, word answers changed);
    edit(raw) may then break the treaty_bodies translation."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / lang).mkdir(exist_ok=True)
    for path in ENGLISH.glob("*.yml"):
        shutil.copy(path, folder / path.name)
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        raw["title"] = f"[{lang}] {raw['title']}"
        raw["intro"] = f"[{lang}] {raw['intro']}"
        if raw.get("closing"):
            raw["closing"] = f"## [{lang}]\n\n{raw['closing']}"
        for q in raw["questions"]:
            q["prompt"] = f"[{lang}] {q['prompt']}"
            q["hint"] = f"[{lang}] indice {q['id']}"
            q["explanation"] = f"[{lang}] explication {q['id']}"
            if q.get("choices"):
                q["choices"] = {k: f"[{lang}] {v}" for k, v in q["choices"].items()}
            if q["kind"] == "word":
                q["answer"], q["accept"] = "Réunion privée", ["séance privée"]
        if edit and raw["id"] == "treaty_bodies":
            edit(raw)
        (folder / lang / path.name).write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")
    return folder


def question(raw, qid):
    return next(q for q in raw["questions"] if q["id"] == qid)


# --- the string catalogues ----------------------------------------------------------------------------------
def test_every_quiz_string_exists_in_every_language_with_the_same_placeholders():
    for key, versions in TEXT.strings.items():
        assert set(versions) >= set(LANGUAGES), key
        fields = {lang: set(re.findall(r"{(\w+)}", versions[lang])) for lang in LANGUAGES}
        assert fields["fr"] == fields["en"] == fields["es"], key


def test_the_quiz_page_script_takes_every_string_it_shows_from_the_page():
    script = (ROOT / "js" / "quiz" / "quiz-page.js").read_text(encoding="utf-8")
    used = set(re.findall(r'\bt\("(\w+)"', script))
    for lang in LANGUAGES:
        assert used <= set(page_strings(lang)), used - set(page_strings(lang))
    assert len(JS_KEYS) == len(page_strings("fr"))
    # No English sentence of its own: every text node it makes comes from t(...), QuizSeal or the page.
    for literal in ("Right.", "Not yet.", "Hint:", "Why not", "Score:", "Choose an answer", "Course record"):
        assert literal not in script, literal


def test_the_answer_box_note_follows_the_page_language():
    script = (ROOT / "_static" / "course-answer.js").read_text(encoding="utf-8")
    assert "documentElement.lang" in script and "data-course-answer-note" in script
    assert "Ce navigateur" in script and "Este navegador" in script


# --- translated specs against the English ones --------------------------------------------------------------
def test_a_translation_is_its_own_assignment(tmp_path):
    specs = stand_in(tmp_path / "specs")
    quiz = generate.find("treaty_bodies_fr", specs)
    english = generate.find("treaty_bodies", specs)
    assert (quiz.id, quiz.base, quiz.lang) == ("treaty_bodies_fr", "treaty_bodies", "fr")
    assert quiz.notebook_name == "treaty_bodies_fr.ipynb"
    assert [q.id for q in quiz.questions] == [q.id for q in english.questions]
    assert generate.split_id("treaty_bodies_es") == ("treaty_bodies", "es")
    assert generate.assignment_id("upr", "en") == "upr"
    assert generate.spec_path("upr", "es") == generate.SPEC_DIR / "es" / "upr.yml"


@pytest.mark.parametrize("edit, message", [
    (lambda raw: question(raw, "who_sits").update(answer="c"), "question 1 (who_sits): the answer is c"),
    (lambda raw: raw["questions"].pop(4), "question 5 (private_meeting) of the English quiz is missing"),
    (lambda raw: raw["questions"].insert(0, raw["questions"].pop(1)), "question 1 should be who_sits"),
    (lambda raw: question(raw, "follow_up_years").update(answer=3), "(follow_up_years): the answer is 3"),
    (lambda raw: question(raw, "simplified_order").update(answer=["a", "b", "c", "d", "e"]),
     "(simplified_order): the answer is a,b,c,d,e"),
    (lambda raw: question(raw, "who_sits").update(kind="letters"), "(who_sits): kind is 'letters'"),
    (lambda raw: [question(raw, "who_sits")[k].pop("d") for k in ("choices", "why_not")],
     "(who_sits): the choices are a, b, c"),
    (lambda raw: question(raw, "who_sits").update(objective=2), "(who_sits): objective is 2"),
    (lambda raw: question(raw, "who_sits").update(id="qui_siege"), "question 1 (who_sits) of the English quiz"),
    (lambda raw: question(raw, "npm_itself").pop("hint"), "missing key 'hint'"),
    (lambda raw: question(raw, "npm_itself").update(hint=" "), "question 2 (npm_itself): hint is empty"),
    (lambda raw: question(raw, "npm_itself").update(explanation=yaml.safe_load(
        (ENGLISH / "treaty_bodies.yml").read_text(encoding="utf-8"))["questions"][1]["explanation"]),
     "question 2 (npm_itself): explanation is still the English text"),
    (lambda raw: raw.update(closing=""), "closing is missing"),
])
def test_a_translation_that_asks_something_else_fails_naming_file_and_question(tmp_path, edit, message):
    specs = stand_in(tmp_path / "specs", edit=edit)
    with pytest.raises((TranslationMissing, generate.SpecError)) as caught:  # both UserErrors, said plainly
        generate.find("treaty_bodies_fr", specs)
    assert "quizzes/specs/fr/treaty_bodies.yml" in str(caught.value) and message in str(caught.value)
    with pytest.raises((TranslationMissing, generate.SpecError)):
        generate.all_specs("fr", specs)


def test_word_answers_are_in_the_language_and_may_differ(tmp_path):
    quiz = generate.find("treaty_bodies_fr", stand_in(tmp_path / "specs"))
    q = next(q for q in quiz.questions if q.id == "private_meeting")
    assert q.keys == ["reunion privee", "seance privee"]


def test_a_missing_translation_fails_naming_the_file(tmp_path):
    specs = stand_in(tmp_path / "specs")
    (specs / "fr" / "upr.yml").unlink()
    with pytest.raises(TranslationMissing, match=r"quizzes/specs/fr/upr.yml is missing: it translates "
                                                 r"quizzes/specs/upr.yml into Français"):
        generate.all_specs("fr", specs)
    with pytest.raises(TranslationMissing, match="quizzes/specs/es/treaty_bodies.yml is missing"):
        generate.find("treaty_bodies_es", specs)


def test_check_is_what_the_build_calls(tmp_path, monkeypatch):
    specs = stand_in(tmp_path / "specs")
    monkeypatch.setattr(generate, "SPEC_DIR", specs)
    assert [q.id for q in generate.check("fr")] == [f"{p.stem}_fr" for p in sorted(ENGLISH.glob("*.yml"))]
    assert [q.id for q in generate.check("en")] == [p.stem for p in sorted(ENGLISH.glob("*.yml"))]
    with pytest.raises(TranslationMissing, match="quizzes/specs/es/"):
        generate.check("es")


# --- what the learner reads ---------------------------------------------------------------------------------
def test_the_french_notebook_speaks_french_and_its_checks_say_so(tmp_path):
    quiz = generate.find("treaty_bodies_fr", stand_in(tmp_path / "specs"))
    nb = generate.source_notebook(quiz)
    text = "\n".join(c.source for c in nb.cells)
    assert "**Avant de commencer :**" in text and "## Question 1 (1 point)" in text
    assert "**Comment répondre :**" in text and "Exécutez une fois la première cellule" in text
    assert "Le kit de l'apprenant du cours n'est pas installé ici" in nb.cells[1].source
    for english in ("How to answer", "Before you start", "How it works", "What this quiz checks"):
        assert english not in text
    checks = [c.source for c in nb.cells if c.metadata["nbgrader"].get("grade")]
    assert all(c.startswith('quiz.check("') and c.endswith('", lang="fr")') for c in checks)
    english = generate.source_notebook(generate.find("treaty_bodies", ENGLISH))
    assert all('lang=' not in c.source for c in english.cells if c.metadata["nbgrader"].get("grade"))


def test_answers_typed_the_french_or_spanish_way_are_read():
    assert read("number", "answer = 2,5", "fr") == read("number", "2.5") == "2.5"
    assert read("number", "answer = 1 234,5", "es") == "1234.5"
    assert read("word", "answer = RÉUNION Privée", "fr") == read("word", "reunion privee") == "reunion privee"
    assert read("letters", "answer = b et d", "fr") == read("letters", "b y d", "es") == "b,d"


def test_how_an_answer_was_read_and_why_it_could_not_be_are_in_the_language():
    assert describe("letters", "b,d", "fr") == "Vous avez choisi b et d."
    assert describe("number", "2.5", "es") == "Ha escrito el número 2,5."
    assert describe("letter", "b") == "You chose b."
    with pytest.raises(AnswerFormatError, match=r"^Vous n'avez pas encore répondu : après answer =, écrivez une "
                                                r"seule lettre"):
        read("letter", "answer = ...", "fr")
    with pytest.raises(AnswerFormatError, match=r"^He leído «bc», que no es una sola letra\. Escriba una sola"):
        read("letter", "answer = bc", "es")


def test_the_self_check_and_the_grader_speak_the_quiz_language():
    blob = seal("q", "letter", ["b"], "Relisez la section 2.", "B, parce que...", {"a": "A ne convient pas."},
                ["a", "b", "c"])
    ok, text = feedback(blob, "answer = a", "fr")
    assert ok is False and text.splitlines() == ["Vous avez choisi a.", "Pourquoi pas a : A ne convient pas.",
                                                  "Indice : Relisez la section 2.",
                                                  "Modifiez votre réponse au-dessus, exécutez-la, puis relancez "
                                                  "cette vérification."]
    ok, text = feedback(blob, "B", "es")
    assert ok is True and text == "Ha elegido b.\nB, parce que..."
    assert feedback(blob, None, "es")[1].startswith("Escriba su respuesta en la celda de arriba")
    q = generate.Question(id="q", kind="letter", prompt="?", answer=["b"], hint="h", explanation="Parce que.",
                          objective=1, choices={"a": "x", "b": "y"}, why_not={"a": "Non."})
    assert verdict(q, "answer = a", "fr") == (False, "q : pas juste",
                                              "Vous avez choisi a.\nPourquoi pas a : Non.\nExplication : Parce que.")
    assert verdict(q, "answer = b", "es")[1] == "q: correcta"
    assert verdict(q, None, "fr")[1] == "q : pas de réponse"
    assert verdict(q, "answer = ...", "es")[1] == "q: sin respuesta"


def test_the_book_page_paper_quiz_and_key_are_in_the_quiz_language(tmp_path):
    specs = stand_in(tmp_path / "specs", lang="es")
    quiz = generate.find("treaty_bodies_es", specs)
    page = pages.book_page(quiz, "../../setup.md")
    assert 'data-lang="es"' in page and "data-strings=" in page and "## Pregunta 1" in page
    assert ">Comprobar</button>" in page and ">Empezar de nuevo</button>" in page and "## Su puntuación" in page
    assert "treaty_bodies_es.ipynb" in page and "página de instalación" in page
    for english in (">Check<", "Your score", "Start again", "Answer the questions above", "Choose one answer",
                    "Move up", "&#8593; Up<"):
        assert english not in page, english
    for q in quiz.questions:  # sealed: nothing to read before answering
        assert q.hint not in page and q.explanation not in page
    paper = pages.paper_page(quiz)
    assert '<html lang="es">' in paper and "Nombre:" in paper and "versión en papel" in paper
    key = pages.answer_key(quiz)
    assert "clave de respuestas" in key and "Solo para la persona facilitadora" in key
    assert "Explicación: [es] explication who_sits" in key and "Pista: [es] indice who_sits" in key
    assert "Respuesta: reunion privee o seance privee" in key


def test_prepare_writes_an_editions_pages_with_the_english_file_names(tmp_path, monkeypatch):
    specs = stand_in(tmp_path / "specs")
    monkeypatch.setattr(generate, "SPEC_DIR", specs)
    sha = tmp_path / "sha256.min.js"
    sha.write_text("/* js-sha256 */", encoding="utf-8")
    written = pages.prepare(tmp_path / "generated", sha, lang="fr", pages_dir=tmp_path / "fr" / "quizzes" / "pages",
                            keys_dir=tmp_path / "keys")
    names = sorted(p.name for p in written)
    assert names == sorted(f"{p.stem}.md" for p in ENGLISH.glob("*.yml"))
    assert (tmp_path / "generated" / "quiz" / "quiz-page.js").is_file()
    assert (tmp_path / "generated" / "downloads" / "facilitator" / "quiz-treaty_bodies.html").is_file()
    assert (tmp_path / "keys" / "treaty_bodies_fr-key.html").is_file()
    assert not list((tmp_path / "generated").rglob("*key*"))  # keys are never in what is published
    assert 'data-lang="fr"' in (tmp_path / "fr" / "quizzes" / "pages" / "upr.md").read_text(encoding="utf-8")
    assert pages.pages_dir_of("fr") == ROOT / "translations" / "fr" / "quizzes" / "pages"
