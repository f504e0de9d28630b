"""How long things take, computed from the content itself, never written by hand.

A module's time is its prose read at 120 words a minute (many learners read in a second language) plus the
minutes of its Your turn tasks; a quiz's time comes from its questions (see course.quiz.generate)."""
from __future__ import annotations

import json
import math
import re

from .. import i18n
from ..errors import UserError
from ..kb import load
from ..paths import QUIZ_ROOT, ROOT, edition_root

WORDS_PER_MINUTE = 120
MODULE_DIR = ROOT / "modules"
# Markup that is not read: HTML tags, link targets, code spans, table rules, heading and list marks.
_MARKUP = re.compile(r"<[^>]+>|\]\([^)]*\)|`[^`]*`|^\s*\|?[-:| ]+\|?\s*$", re.MULTILINE)
RELEASED_TIME = re.compile(r"\*\*Time:\*\* about (\d+) minutes")  # the header course.quiz.generate writes
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


class TimeError(UserError):
    pass


def words(text: str) -> int:
    """The words a reader reads in a piece of markdown."""
    return len(_WORD.findall(_MARKUP.sub(" ", text)))


def reading_minutes(text: str) -> int:
    return math.ceil(words(text) / WORDS_PER_MINUTE)


def module_markdown(module_id: str, lang: str | None = None) -> str:
    """The markdown of a module's notebook in LANG's edition (default: the language in use): modules/ in English,
    translations/LANG/modules/ otherwise."""
    lang = lang or i18n.language()
    path = (MODULE_DIR if lang == "en" else edition_root(lang) / "modules") / f"{module_id}.ipynb"
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError) as exc:
        raise TimeError(f"cannot read the module {path.name}: {exc}") from None
    return "\n\n".join("".join(c["source"]) for c in cells if c.get("cell_type") == "markdown")


def task_minutes(task_id: str) -> int:
    """The minutes a Your turn task takes, as its table in data/ gives them."""
    tasks = load(lang="en")["tasks"]  # the minutes are the same in every language
    row = tasks[tasks["id"] == task_id]
    if row.empty:
        raise TimeError(f"no task {task_id!r} in the tasks table (known: {', '.join(tasks['id'])})")
    return int(row["minutes"].iloc[0])


def module_minutes(module_id: str, lang: str | None = None) -> int:
    """Reading time of the module's prose (in LANG's edition) at 120 words a minute, plus its tasks' minutes."""
    tasks = load(lang="en")["tasks"]  # the minutes are the same in every language
    own = tasks[tasks["module_id"] == module_id]
    return reading_minutes(module_markdown(module_id, lang)) + int(own["minutes"].sum())


def quiz_minutes(quiz_id: str) -> int:
    """A minute for each recall question of the quiz, two for each apply question.

    A learner kit has no quiz specs (they hold the answers): there the time is read from the released quiz,
    whose header the generator wrote from the same count."""
    from ..quiz.generate import SPEC_DIR, load_spec

    path = SPEC_DIR / f"{quiz_id}.yml"
    if path.is_file():  # the English spec: its questions, and so its time, are the same in every language
        before = i18n.language()
        i18n.use("en")
        try:
            return load_spec(path).minutes
        finally:
            i18n.use(before)
    released = QUIZ_ROOT / "release" / quiz_id / f"{quiz_id}.ipynb"
    try:
        header = json.loads(released.read_text(encoding="utf-8"))["cells"][0]["source"]
        return int(RELEASED_TIME.search("".join(header)).group(1))
    except (OSError, ValueError, KeyError, IndexError, AttributeError):
        raise TimeError(f"no quiz spec {path.name} in {SPEC_DIR}, and no released quiz with its time "
                        f"at {released}") from None
