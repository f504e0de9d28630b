"""The templates to take to work open as documents and spreadsheets, with their headings and columns."""
from __future__ import annotations

import subprocess

import pytest
from docx import Document
from openpyxl import load_workbook

from course.kb import load
from course.paths import ROOT
from course.practice import TEMPLATES, templates


@pytest.mark.parametrize("template_id", sorted(templates.DOCUMENTS))
def test_each_document_opens_with_its_headings(template_id, tmp_path):
    path = templates.write_document(template_id, tmp_path)
    doc = Document(str(path))
    name, title, _, sections = templates.DOCUMENTS[template_id]
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == [title] + [heading for heading, _ in sections]
    assert path.name == TEMPLATES[template_id][1]


def test_the_upr_template_states_the_verified_word_limits(tmp_path):
    text = "\n".join(p.text for p in Document(str(templates.write_document("upr_submission", tmp_path))).paragraphs)
    assert "2,815 words" in text and "5,630 words" in text


def test_the_tracker_has_its_columns_and_fiction_examples(tmp_path):
    book = load_workbook(templates.write_tracker(tmp_path))
    sheet = book["Tracker"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == templates.TRACKER_COLUMNS
    examples = rows[1:]
    assert 3 <= len(examples) <= 10
    recommendations = set(load()["case_recommendations"]["recommendation_en"])
    assert all(row[4] in recommendations for row in examples)
    assert any("fiction" in str(c.value) for c in book["Read me"]["A"])
    assert TEMPLATES["recommendations_tracker"][1] == templates.TRACKER_FILE


def test_every_template_a_task_names_exists():
    for template in filter(None, load()["tasks"]["template"]):
        assert template in TEMPLATES
    assert set(TEMPLATES) == set(templates.DOCUMENTS) | {"recommendations_tracker"}


def test_generated_files_are_never_committed():
    ignored = subprocess.run(["git", "check-ignore", "-q", str(templates.TEMPLATE_DIR / "x.docx")], cwd=ROOT)
    assert ignored.returncode == 0


def test_the_start_page_table_is_computed():
    table = templates.times_table()
    for m in load()["modules"].itertuples():
        from course.practice import module_minutes
        assert f"| {m.title_en} | about {module_minutes(m.id)} min |" in table
    assert "_generated/module_times.md" in (ROOT / "start.md").read_text(encoding="utf-8")


def test_a_missing_template_library_is_a_clear_error(monkeypatch, tmp_path):
    import sys

    from course.errors import UserError

    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    with pytest.raises(UserError, match="python-docx is needed"):
        templates.write_document("cat_submission", tmp_path)
