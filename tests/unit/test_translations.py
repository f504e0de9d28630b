"""Every edition is complete, and a gap in a translation stops the build naming its place: the file, the row
and the column for a table; the file for a page; the key for a string."""
from __future__ import annotations

import csv
import shutil

import pytest

from course import i18n, kb
from course.publish import editions
from course.publish.build import check_edition

OTHERS = ["fr", "es"]


@pytest.mark.parametrize("lang", OTHERS)
def test_each_edition_is_complete(lang):
    check_edition(lang)


def _rewrite(path, change):
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    fields = list(rows[0])
    rows, fields = change(rows, fields)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def test_an_empty_cell_names_file_id_and_column(data_copy):
    def empty(rows, fields):
        rows[2]["name_fr"] = ""
        return rows, fields

    _rewrite(data_copy / "fr" / "themes.csv", empty)
    english = list(csv.DictReader((data_copy / "themes.csv").open(encoding="utf-8")))
    with pytest.raises(i18n.TranslationMissing, match=rf"data/fr/themes\.csv.*{english[2]['id']}.*row 4.*name_en"):
        kb.load(data_copy, lang="fr")


def test_a_missing_row_or_column_or_file_is_named(data_copy):
    _rewrite(data_copy / "es" / "cycles.csv", lambda rows, fields: (rows[1:], fields))
    with pytest.raises(i18n.TranslationMissing, match=r"data/es/cycles\.csv: has no row for id"):
        kb.load(data_copy, lang="es")
    shutil.copy(kb.DATA_DIR / "es" / "cycles.csv", data_copy / "es" / "cycles.csv")
    _rewrite(data_copy / "es" / "cycles.csv",
             lambda rows, fields: ([{k: v for k, v in r.items() if k != "summary_es"} for r in rows],
                                   [f for f in fields if f != "summary_es"]))
    with pytest.raises(i18n.TranslationMissing, match=r"data/es/cycles\.csv has no column summary_es"):
        kb.load(data_copy, lang="es")
    (data_copy / "es" / "cycles.csv").unlink()
    with pytest.raises(i18n.TranslationMissing, match=r"data/es/cycles\.csv is missing"):
        kb.load(data_copy, lang="es")


def test_the_reader_sees_the_language_and_the_english_stays_beside_it():
    bodies = kb.load(lang="fr")["bodies"].set_index("id")
    assert bodies.at["cat", "name"] == bodies.at["cat", "name_fr"] != bodies.at["cat", "name_en"]
    assert kb.load(lang="en")["bodies"].set_index("id").at["cat", "name"] == bodies.at["cat", "name_en"]


def test_a_missing_page_names_the_file(monkeypatch, tmp_path):
    shutil.copytree(editions.edition_root("fr"), tmp_path / "fr")
    (tmp_path / "fr" / "modules" / "upr.ipynb").unlink()
    monkeypatch.setattr(editions, "edition_root", lambda lang: tmp_path / lang)
    with pytest.raises(i18n.TranslationMissing, match=r"modules/upr\.ipynb is missing"):
        editions.check_pages("fr")


def test_a_string_without_a_language_fails_naming_its_place():
    with pytest.raises(i18n.TranslationMissing, match=r"here: the string 'close' has no Español \(es\) version"):
        i18n.Text("here", {"close": {"en": "Close", "fr": "Fermer"}})
    with pytest.raises(i18n.TranslationMissing, match="different placeholders"):
        i18n.Text("here", {"n": {"en": "{n} done", "fr": "{n} faits", "es": "hechos"}})


def test_dates_and_numbers_in_each_language():
    import datetime as dt

    day = dt.date(2020, 7, 1)
    assert [i18n.day(day, lang) for lang in ("en", "fr", "es")] == ["1 July 2020", "1er juillet 2020",
                                                                    "1 de julio de 2020"]
    assert [i18n.number(12345.5, 1, lang) for lang in ("en", "fr", "es")] == ["12,345.5", "12\u202f345,5", "12.345,5"]
    assert i18n.number(1234, lang="es") == "1234"
    assert i18n.parse_number("1,5") == 1.5 and i18n.parse_number("2\u202f000") == 2000
