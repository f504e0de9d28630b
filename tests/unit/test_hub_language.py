"""A hub session in French or Spanish: participants get that edition's modules and slips in that language."""
from __future__ import annotations

from course.hub import provision
from course.hub.environment import modules_folder
from course.hub.settings import Settings


def settings(tmp_path, lang) -> Settings:
    return Settings(name="s", prefix="npm-", state_dir=str(tmp_path), facilitator="npm-facilitator",
                    participants={"npm-p01": {"id": "p01", "name": "Ana Pérez", "institution": "MNP"}}, lang=lang)


def test_slips_speak_the_sessions_language(tmp_path):
    text = provision._write_slips(settings(tmp_path, "fr"), {"npm-facilitator": "x1", "npm-p01": "y2"}).read_text()
    assert "Mot de passe :" in text and "Identifiant :" in text and "Password" not in text
    assert "Ana Pérez" in text and "y2" in text
    assert (tmp_path / "slips.txt").stat().st_mode & 0o777 == 0o600


def test_each_edition_has_its_modules_folder():
    assert [modules_folder(lang) for lang in ("en", "fr", "es")] == ["modules", "modules-fr", "modules-es"]

