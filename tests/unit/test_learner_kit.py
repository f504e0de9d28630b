"""The learner kit stands on its own: the package, the pins, the notebooks and the data, with the book's set-up
page as its README (Windows, macOS and Linux, no make), and every module notebook pointing to it."""
from __future__ import annotations

import re
import tomllib
import zipfile

import nbformat
import pytest

from course.paths import ROOT
from course.publish import build

MODULE_NOTEBOOKS = sorted((ROOT / "modules").glob("*.ipynb"))


@pytest.fixture
def kit(tmp_path) -> zipfile.ZipFile:
    return zipfile.ZipFile(build.learner_kit(tmp_path))


def test_kit_holds_what_an_install_needs_and_no_development_code(kit):
    names = set(kit.namelist())
    needed = {"README.md", "pyproject.toml", "requirements.lock", "course/__init__.py", "course/__main__.py",
              "course/cli.py", "data/datapackage.json", *(f"modules/{nb.name}" for nb in MODULE_NOTEBOOKS)}
    assert not {f"npm-course/{name}" for name in needed} - names
    assert not [name for name in names if name.split("/")[1] in {"dev", "tests", "deploy", "Makefile", ".ci"}]
    # `pip install -e .` in the kit installs the course package only.
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["packages"]["find"]["include"] == ["course*"]


def test_kit_readme_is_the_set_up_page_for_three_systems(kit):
    readme = kit.read("npm-course/README.md").decode("utf-8")
    assert readme.startswith("# Set up the course on your computer")
    sections = re.split(r"^## ", readme, flags=re.M)
    for system in ("Windows", "macOS", "Linux"):
        [section] = [s for s in sections if s.startswith(f"{system}\n")]
        commands = re.findall(r"```\n(.*?)\n```", section, flags=re.S)
        assert len(commands) == 2, f"{system}: one install command and one to open the course"
        install, open_course = commands
        assert "-m venv" in install and "pip install -c requirements.lock -e ." in install
        assert open_course.endswith("-m course lab")
    assert "make " not in readme and "{{" not in readme and ")=" not in readme and "downloads/" not in readme


def test_kit_readme_states_the_kit_size(kit, tmp_path):
    readme = kit.read("npm-course/README.md").decode("utf-8")
    stated = re.search(r"\((\d+\.\d)\u00a0MB\)", readme)
    assert stated, "no download size in the README"
    assert float(stated.group(1)) == pytest.approx((tmp_path / "downloads" / build.KIT_NAME).stat().st_size / 1e6,
                                                   abs=0.051)


@pytest.mark.parametrize("path", MODULE_NOTEBOOKS, ids=lambda p: p.stem)
def test_module_notebook_opens_with_the_set_up_note(path):
    """The first cell, hidden in the book (where no cell runs), sends a learner without the course to the
    kit's README, which sits one folder up from modules/ in the kit."""
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "markdown" and first.metadata.get("tags") == ["remove-cell"]
    assert "No module named 'course'" in first.source and "](../README.md)" in first.source


def test_kit_holds_the_case_file_the_stylesheet_and_the_templates(tmp_path):
    from course.practice import templates

    generated = [path for path in templates.prepare(tmp_path, "en") if path.parent.name == "templates"]
    assert generated
    names = set(zipfile.ZipFile(build.learner_kit(tmp_path)).namelist())
    assert {"npm-course/case_file.ipynb", "npm-course/_static/course.css"} <= names
    # The templates sit in templates/, where the module notebooks link them (../templates/...).
    assert {f"npm-course/templates/{path.name}" for path in generated} <= names
    assert not [name for name in names if "_generated" in name]


def test_lab_opens_the_course_folder_and_passes_options_on(monkeypatch):
    from course import cli

    calls = []
    monkeypatch.setattr(cli.subprocess, "call", lambda command, cwd: calls.append((command, cwd)) or 0)
    assert cli.main(["lab", "--no-browser", "--port", "8899"]) == 0
    assert cli.main(["lab", "--", "--no-browser"]) == 0
    assert calls[0][0][-3:] == ["--no-browser", "--port", "8899"] and calls[0][1] == ROOT
    assert calls[1][0][-1] == "--no-browser"
