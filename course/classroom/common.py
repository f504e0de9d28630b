"""What the facilitator's commands share: the error they raise, where things live, running nbgrader."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..errors import UserError
from ..i18n import LANGUAGES, check_language, language
from ..tools import tool_env
from .strings import TEXT

# What nbgrader itself puts beside a submitted notebook: when it was submitted, and the secret from which the
# name of the feedback page is made (without it, released feedback can never be fetched).
NBGRADER_FILES = ("timestamp.txt", "submission_secret.txt")


class ClassroomError(UserError):
    """A problem the facilitator can fix (bad roster, unknown quiz, missing folder); the message says how."""


def reports_dir(root: Path, quiz_id: str | None = None) -> Path:
    folder = Path(root) / "reports"
    return folder / quiz_id if quiz_id else folder


SESSION = "session.json"


def session_lang(root: Path) -> str | None:
    """The language a session was released in (class release --lang), or None if none was recorded."""
    import json

    path = Path(root) / SESSION
    try:
        lang = json.loads(path.read_text(encoding="utf-8")).get("lang")
    except (OSError, ValueError, AttributeError):
        return None
    return lang if lang in LANGUAGES else None


def remember_lang(root: Path, lang: str) -> None:
    """Record the session's language, so that collect, grade, feedback and report speak it."""
    import json

    path = Path(root) / SESSION
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data["lang"] = check_language(lang)
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def resolve(quiz_id: str | None, lang: str | None = None) -> str | None:
    """The nbgrader assignment a facilitator means: `treaty_bodies` in a French session is treaty_bodies_fr;
    an id that names its language (treaty_bodies_es) is taken as it is."""
    from ..quiz.generate import assignment_id, split_id

    if not quiz_id:
        return quiz_id
    base, named = split_id(quiz_id)
    return quiz_id if named != "en" else assignment_id(base, lang or language())


def spec(quiz_id: str):
    """The quiz of that assignment id (treaty_bodies, treaty_bodies_fr), or a ClassroomError naming the
    quizzes there are. A missing or mismatched translation raises TranslationMissing."""
    from ..quiz.generate import SpecError, all_specs, find, split_id

    try:
        return find(quiz_id)
    except SpecError:
        names = sorted(q.id for q in all_specs())
        lang = split_id(quiz_id)[1]
        names = [n if lang == "en" else f"{n}_{lang}" for n in names]
        raise ClassroomError(TEXT("err.no_quiz", quiz=quiz_id, quizzes=", ".join(names) or "-")) from None


def quiz_ids(quiz_id: str | None, lang: str | None = None) -> list[str]:
    """The assignment ids meant: the one given (in the session's language), or every quiz in that language."""
    from ..quiz.generate import all_specs

    lang = lang or language()
    return [spec(resolve(quiz_id, lang)).id] if quiz_id else [q.id for q in all_specs(lang)]


def all_assignment_ids() -> list[str]:
    """Every quiz in every language, as nbgrader assignments (no translation is read)."""
    from ..quiz.generate import all_specs, assignment_id

    return [assignment_id(q.base, lang) for q in all_specs() for lang in LANGUAGES]


def nbgrader(root: Path, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run one nbgrader app in the course root, its output captured."""
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=root, env=tool_env(),
                          capture_output=True, text=True, timeout=timeout)


def failed(what: str, result: subprocess.CompletedProcess) -> ClassroomError:
    """nbgrader's failure in one line (its last), not its traceback."""
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    return ClassroomError(TEXT("err.nbgrader", what=what, why=lines[-1].strip() if lines else TEXT("err.no_reason")))


def require_root(root: Path) -> Path:
    root = Path(root)
    if not (root / "nbgrader_config.py").is_file():
        raise ClassroomError(TEXT("err.not_root", root=root))
    return root
