"""Exports that Excel opens safely: UTF-8 with a BOM, and no participant-chosen text run as a formula."""
from __future__ import annotations

from openpyxl import load_workbook

from course.classroom.report import write_csv, write_xlsx


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    rows = [["=HYPERLINK(\"http://example.org\")", 3.0, "José"], ["plain", 2.5, "-1+1"]]
    write_csv(tmp_path / "g.csv", ["reason", "score", "name"], rows)
    data = (tmp_path / "g.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "José".encode() in data
    text = data.decode("utf-8-sig").splitlines()
    assert text[1].startswith("\"'=HYPERLINK") and ",3," in text[1] and text[2].endswith(",'-1+1")
    write_xlsx(tmp_path / "g.xlsx", ["reason", "score", "name"], rows, "grades")
    sheet = load_workbook(tmp_path / "g.xlsx").active
    assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("=HYPERLINK")
    assert sheet["C3"].data_type == "s" and sheet["B2"].value == 3
