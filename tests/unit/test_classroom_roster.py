"""Rosters as facilitators really have them: saved from Excel in French, Spanish or English settings."""
from __future__ import annotations

import pytest

from course.classroom.common import ClassroomError
from course.classroom.roster import read_rows, suggest_id


def write(tmp_path, data: bytes):
    path = tmp_path / "roster.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("sep", [",", ";"])
def test_excel_rosters_are_read_whatever_the_separator_and_encoding(tmp_path, encoding, sep):
    text = f"ID{sep}Name{sep}Institution{sep}E-mail\r\njose-perez{sep}José Pérez{sep}MNP España{sep}jp@example.org\r\n"
    rows = read_rows(write(tmp_path, text.encode(encoding)))
    assert rows == [{"id": "jose-perez", "name": "José Pérez", "institution": "MNP España",
                     "email": "jp@example.org"}]


def test_a_file_in_no_known_encoding_is_refused_with_advice(tmp_path):
    path = write(tmp_path, "id,name,institution\nx,Ab\x81c,N\n".encode("latin-1"))
    with pytest.raises(ClassroomError, match="CSV UTF-8"):
        read_rows(path)


def test_ids_are_suggested_from_names(tmp_path):
    assert suggest_id("José Pérez") == "jose-perez" and suggest_id("  Ngozi  O'Brien-Ade ") == "ngozi-o-brien-ade"
    with pytest.raises(ClassroomError, match="suggested from the name: 'jose-perez'"):
        read_rows(write(tmp_path, "id;name;institution\n;José Pérez;MNP\n".encode("utf-8")))
    with pytest.raises(ClassroomError, match="José Pérez -> jose-perez"):
        read_rows(write(tmp_path, "name;institution\nJosé Pérez;MNP\n".encode("utf-8")))
