"""The facilitator's commands and kit in French and Spanish: the session's language is remembered, a quiz named
without its language is the session's, every message is in a catalogue, and the kit's pages read the edition's
session plans and the data in the language in use. (The nbgrader round trip in French is
tests/integration/test_class_french.py.)"""
from __future__ import annotations

import csv
import functools
import re

import pytest

import course.kb
from course import i18n
from course.classroom import common, kit
from course.classroom.strings import TEXT, status
from course.cli import main
from course.paths import ROOT


@pytest.fixture
def french():
    before = i18n.language()
    i18n.use("fr")
    yield
    i18n.use(before)


def test_every_class_string_exists_in_every_language_with_the_same_placeholders():
    for key, versions in TEXT.strings.items():
        fields = {lang: set(re.findall(r"{(\w+)(?:!r)?}", versions[lang])) for lang in i18n.LANGUAGES}
        assert fields["fr"] == fields["en"] == fields["es"], key


def test_the_session_remembers_its_language(tmp_path):
    assert common.session_lang(tmp_path) is None
    common.remember_lang(tmp_path, "es")
    assert common.session_lang(tmp_path) == "es"
    (tmp_path / common.SESSION).write_text("not json", encoding="utf-8")
    assert common.session_lang(tmp_path) is None
    with pytest.raises(i18n.UserError):
        common.remember_lang(tmp_path, "de")


def test_a_quiz_named_without_its_language_is_the_sessions():
    assert common.resolve("treaty_bodies", "fr") == "treaty_bodies_fr"
    assert common.resolve("treaty_bodies", "en") == "treaty_bodies"
    assert common.resolve("treaty_bodies_es", "fr") == "treaty_bodies_es"
    assert common.resolve(None, "fr") is None


def test_every_class_command_takes_lang(capsys):
    for command in ("roster", "release", "collect", "grade", "override", "feedback", "forget", "export", "report"):
        with pytest.raises(SystemExit):
            main(["class", command, "--help"])
        assert "--lang {en,fr,es}" in capsys.readouterr().out, command


def test_errors_are_in_the_sessions_language_and_the_language_in_use_is_restored(tmp_path, capsys):
    (tmp_path / "nbgrader_config.py").write_text("", encoding="utf-8")
    common.remember_lang(tmp_path, "fr")
    assert main(["class", "--root", str(tmp_path), "grade", "no_such_quiz"]) == 1
    assert "il n'y a pas de quiz 'no_such_quiz_fr'" in capsys.readouterr().err
    assert main(["class", "--root", str(tmp_path), "report", "no_such_quiz", "--lang", "es"]) == 1
    assert "no existe el cuestionario 'no_such_quiz_es'" in capsys.readouterr().err
    assert main(["class", "--root", str(tmp_path / "nowhere"), "export", "--lang", "es"]) == 1
    assert "no es la carpeta de cuestionarios del curso" in capsys.readouterr().err
    assert i18n.language() == "en"


def test_statuses_are_shown_in_the_language_in_use(french):
    assert status("graded") == "corrigé" and status("no submission") == "pas de copie"
    assert TEXT("why.empty", "es") == "el archivo está vacío (0 bytes)"


def test_the_debrief_reads_answers_as_the_grader_does():
    from course.classroom.report import BLANK, MALFORMED, read_answer

    assert read_answer("answer = b", "letter") == ("", "b")
    assert read_answer("answer = B et D", "letters") == ("", "b,d")
    assert read_answer("answer = 2,5", "number") == ("", "2.5")
    assert read_answer("answer = Réunion privée", "word") == ("", "reunion privee")
    assert read_answer("answer = ...", "word") == (BLANK, None)
    assert read_answer("def f(:", "letter") == (MALFORMED, None)


# --- the kit in French ----------------------------------------------------------------------------------------
@pytest.fixture
def french_data(data_copy, monkeypatch, french):
    """The data with a stand-in French translation of every text column ('FR ' + the English), loaded by
    default as course.kb.load() is in the kit."""
    (data_copy / "fr").mkdir(exist_ok=True)
    for path in sorted(data_copy.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        columns = [c for c in (rows[0] if rows else {}) if c.endswith("_en")]
        if not columns or path.stem == "sources":
            continue
        with (data_copy / "fr" / path.name).open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["id"] + [c[:-3] + "_fr" for c in columns])
            for row in rows:
                writer.writerow([row["id"]] + [f"FR {row[c]}" if row[c].strip() else "" for c in columns])
    import course.practice.times as times

    french_load = functools.partial(course.kb.load, data_copy)
    monkeypatch.setattr(course.kb, "load", french_load)
    monkeypatch.setattr(times, "load", french_load)  # the computed times read the data too
    return course.kb.load()


def test_the_plans_are_read_from_the_editions_tree():
    assert kit.plans_file("fr") == ROOT / "translations" / "fr" / "facilitator" / "session_plans.yml"
    assert kit.plans_file("en") == ROOT / "facilitator" / "session_plans.yml"


def test_the_session_plans_page_is_in_the_language_in_use(french_data):
    plans = kit.load_plans(ROOT / "facilitator" / "session_plans.yml", strict=False)
    page = kit.plans_markdown(plans)
    assert "**Format :**" in page and "pauses comprises" in page and "*Dans le cours :*" in page
    assert "le module *FR " in page or "le quiz du module *FR " in page
    for english in ("**Length:**", "From the course:", "breaks included", "Before the session"):
        assert english not in page


def test_the_handouts_are_in_the_language_in_use(french_data):
    page = kit.handouts_markdown()
    assert "### Quand" in page and "### Qui peut intervenir, et comment" in page and "### Où trouver l'échéance" in page
    for stage in french_data["stages"].to_dict("records"):
        assert stage["timing"] in page and stage["timing"].startswith("FR ")
    assert "tout MNP" in page
    assert "(en anglais)" in page  # an English source on a French page says so
    for english in ("### When", "any NPM", "set by the rules", "The body's own pages"):
        assert english not in page
