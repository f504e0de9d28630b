"""`python -m course setup-browser`: installs only what is missing, quietly; says what to install when not root."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from course import cli


@pytest.fixture
def packages(monkeypatch):
    """Pretend Chromium is installed and libatomic1 is not, on Linux."""
    installed = {"chromium": True, "libatomic1": False}
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(cli, "BROWSER_PACKAGES", {name: (lambda name=name: installed[name]) for name in installed})
    return installed


def test_nothing_missing_does_nothing(packages, monkeypatch, capsys):
    packages["libatomic1"] = True
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("nothing to install"))
    assert cli.main(["setup-browser"]) == 0
    assert capsys.readouterr() == ("", "")


def test_not_root_says_what_to_install(packages, monkeypatch, capsys):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("must not run apt-get as a user"))
    assert cli.main(["setup-browser"]) == 0
    err = capsys.readouterr().err
    assert "sudo apt-get install libatomic1" in err and "chromium" not in err


def test_root_installs_only_the_missing_packages(packages, monkeypatch, capsys):
    calls = []

    def run(command, **kwargs):
        calls.append(command)
        if command[:2] == ["apt-get", "install"]:
            packages["libatomic1"] = True
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(os, "geteuid", lambda: 0)
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(subprocess, "run", run)
    assert cli.main(["setup-browser"]) == 0
    assert calls[-1][:2] == ["apt-get", "install"] and calls[-1][-1] == "libatomic1" and "chromium" not in calls[-1]
    assert capsys.readouterr().err == ""


def test_root_when_apt_fails_shows_its_reason_and_what_to_install(packages, monkeypatch, capsys):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(subprocess, "run", lambda command, **k: subprocess.CompletedProcess(
        command, 100, "", "E: Unable to locate package libatomic1\n"))
    assert cli.main(["setup-browser"]) == 0  # the browser tests are skipped, the rest still run
    err = capsys.readouterr().err
    assert "Unable to locate package libatomic1" in err and "sudo apt-get install libatomic1" in err
