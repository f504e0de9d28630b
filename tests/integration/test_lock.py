"""requirements.lock installs on every Python the README supports, the oldest one (Debian 12's 3.11.2) first.

pip evaluates a lock's environment markers against the Python that runs it, not the one named by
--python-version, so each check first picks the lines whose markers hold on the target Python, then lets pip
resolve exactly those pins for that Python (Requires-Python and wheel tags), with their dependencies. Needs PyPI.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from course.paths import ROOT

LOCK = ROOT / "requirements.lock"
# The README's supported range: Debian 12's python3 up to the newest release the course is tested on.
OLDEST, NEWEST = "3.11.2", "3.14.0"


def pins_for(python: str, lock: Path = LOCK) -> dict[str, Requirement]:
    """The lock's pins whose markers hold on that Python (on this machine's platform)."""
    env = {**default_environment(), "python_full_version": python,
           "python_version": ".".join(python.split(".")[:2])}
    pins = {}
    for number, line in enumerate(lock.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        req = Requirement(line)
        assert [str(s.operator) for s in req.specifier] == ["=="], f"{lock.name}:{number}: not one exact pin: {line}"
        if req.marker is None or req.marker.evaluate(env):
            name = canonicalize_name(req.name)
            assert name not in pins, f"{lock.name}:{number}: {req.name} pinned twice for Python {python}"
            pins[name] = req
    return pins


def test_markers_pick_one_pin_per_package():
    old, new = pins_for(OLDEST), pins_for(NEWEST)
    assert str(old["soupsieve"].specifier) == "==2.8.3"  # 4.x needs 3.11.5; 3.0.1 breaks the book's theme
    assert old.keys() == new.keys()


def pip_checks_other_pythons() -> bool:
    """Debian 12's pip (23.0.1) also holds each package's Requires-Python against the Python running it, so it
    cannot check a newer one; 23.2.1 (CI's) checks the target Python only."""
    from importlib.metadata import version

    return Version(version("pip")) >= Version("23.2")


@pytest.mark.parametrize("python", [OLDEST, NEWEST])
def test_lock_resolves_for_supported_python(python, tmp_path):
    running = ".".join(map(str, sys.version_info[:3]))
    if Version(python) > Version(running) and not pip_checks_other_pythons():
        pytest.skip(f"this pip checks Requires-Python against the running Python {running} too; "
                    f"checking {python} needs pip 23.2 or newer (CI has it)")
    pins = pins_for(python)
    chosen = tmp_path / "lock.txt"
    chosen.write_text("".join(f"{req.name}{req.specifier}\n" for req in pins.values()), encoding="utf-8")
    report = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
         "--disable-pip-version-check", "--python-version", python, "--only-binary=:all:",
         "--target", str(tmp_path / "target"), "-r", str(chosen), "-c", str(chosen), "--report", str(report)],
        capture_output=True, text=True)
    errors = "\n".join(line for line in result.stderr.splitlines() if "ERROR" in line)
    assert result.returncode == 0, f"requirements.lock does not install on Python {python}:\n{errors}"
    resolved = {canonicalize_name(item["metadata"]["name"]): item["metadata"]["version"]
                for item in json.loads(report.read_text(encoding="utf-8"))["install"]}
    unpinned = sorted(set(resolved) - set(pins))
    assert not unpinned, f"on Python {python} these dependencies are not in requirements.lock: {unpinned}"
