"""How long things take, computed from the content itself, never written by hand.

A module's time is its prose read at 120 words a minute (many learners read in a second language); a task's
time is what the tasks table gives; a quiz takes two minutes a question. (A minimal version: the practice
issue's branch holds the full one, with the tasks' minutes in the modules' times.)"""
from __future__ import annotations

import csv
import json
import math
import re

from ..errors import UserError
from ..paths import DATA_DIR, ROOT

WORDS_PER_MINUTE = 120
MODULE_DIR = ROOT / "modules"
# Markup that is not read: HTML tags, link targets, code spans, table rules.
_MARKUP = re.compile(r"<[^>]+>|\]\([^)]*\)|`[^`]*`|^\s*\|?[-:| ]+\|?\s*$", re.MULTILINE)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


class TimeError(UserError):
    pass


def module_minutes(module_id: str) -> int:
    """Reading time of the module notebook's markdown at 120 words a minute."""
    path = MODULE_DIR / f"{module_id}.ipynb"
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError) as exc:
        raise TimeError(f"cannot read the module {path.name}: {exc}") from None
    text = "\n\n".join("".join(c["source"]) for c in cells if c.get("cell_type") == "markdown")
    return math.ceil(len(_WORD.findall(_MARKUP.sub(" ", text))) / WORDS_PER_MINUTE)


def task_minutes(task_id: str) -> int:
    """The minutes a Your turn task takes, as the tasks table in data/ gives them."""
    path = DATA_DIR / "tasks.csv"
    if not path.is_file():
        raise TimeError(f"no tasks table ({path.name}) in {DATA_DIR}: the Your turn tasks are not there yet")
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["id"] == task_id:
                return int(row["minutes"])
    raise TimeError(f"no task {task_id!r} in {path.name}")


def quiz_minutes(quiz_id: str) -> int:
    """Two minutes a question."""
    from ..quiz.generate import SPEC_DIR, load_spec

    path = SPEC_DIR / f"{quiz_id}.yml"
    if not path.is_file():
        raise TimeError(f"no quiz spec {path.name} in {SPEC_DIR}")
    return 2 * len(load_spec(path).questions)
