"""What a quiz notebook calls in JupyterLab: `setup()` in its first cell, `check()` under each answer.

The learner types `answer = b`, `answer = b, d` or `answer = 4,5`: not Python. `setup()` registers an IPython
input transformer that turns such a cell, before Python sees it, into `answer = Typed("<what was typed>")`, so
it never raises a NameError or SyntaxError; `check()` then reads the text exactly as the grader will
(course.quiz.answers.read) and says how it read it. Grading never runs any of this: see course.quiz.autograde.
"""
from __future__ import annotations

import ast
import html
import os
import re

from .answers import KINDS, AnswerFormatError, describe, open_seal, read, unseal
from .strings import TEXT


class Typed(str):
    """The text of an answer cell, kept as typed."""


def _grading() -> bool:
    # nbgrader validating or autograding: the learner's self-check stays quiet.
    return os.environ.get("NBGRADER_EXECUTION") in ("autograde", "validate")


def _show(ok: bool | None, text: str, lang: str = "en") -> None:
    from IPython.display import HTML, display

    mark, colour, word = {True: ("✓", "#137333", TEXT("check.right", lang)),
                          False: ("✗", "#a50e0e", TEXT("check.wrong", lang)),
                          None: ("!", "#7a4f01", TEXT("check.unread", lang))}[ok]
    body = html.escape(text).replace("\n", "<br>")
    display(HTML(f'<div role="status" style="border-left:4px solid {colour};padding:.3em .8em">'
                 f'<strong style="color:{colour}">{mark} {word}</strong> {body}</div>'),
            metadata={"text/plain": f"{word} {text}"})


def is_answer_cell(source: str) -> bool:
    """Is this cell an answer as a learner types it (one line, `answer = ...` or a bare letter/number/word
    list), rather than Python the learner meant to run?"""
    lines = [line for line in source.splitlines() if line.strip() and not line.strip().startswith("#")]
    if len(lines) != 1:
        return False
    line = lines[0].strip()
    if line.replace(" ", "").lower().startswith(("answer=", "answer:")) and not line.replace(" ", "").startswith("answer=="):
        return True
    try:
        tree = ast.parse(line)
    except SyntaxError:
        # `b d` or `b, d,` typed without `answer =`: words, numbers and separators only.
        return bool(re.fullmatch(r"[\w\s,;.'\"\[\]()\-]+", line))
    # A bare `b` or `b, d` (names and constants only) is an answer typed without `answer =`.
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return False
    value = tree.body[0].value
    parts = value.elts if isinstance(value, (ast.Tuple, ast.List)) else [value]
    return all(isinstance(p, ast.Constant) or (isinstance(p, ast.Name) and p.id not in ("answer", "quiz"))
               for p in parts) and not (isinstance(value, ast.Name) and value.id in _known_names())


def _known_names() -> set[str]:
    try:
        return set(get_ipython().user_ns)  # noqa: F821 (defined inside IPython)
    except NameError:
        return set()


def answer_cell_transformer(lines: list[str]) -> list[str]:
    """IPython cleanup transformer: an answer cell becomes the assignment of the text typed."""
    source = "".join(lines)
    if not is_answer_cell(source):
        return lines
    return [f"answer = __course_typed__({source!r})\n"]


def setup() -> None:
    """Let this kernel read answer cells as text (run once, in the quiz's first cell)."""
    try:
        shell = get_ipython()  # noqa: F821
    except NameError:
        return
    shell.user_ns["__course_typed__"] = Typed
    if answer_cell_transformer not in shell.input_transformers_cleanup:
        shell.input_transformers_cleanup.append(answer_cell_transformer)


def _typed_answer() -> str | None:
    """The learner's last answer: the `answer` the answer cell set, as text."""
    try:
        namespace = get_ipython().user_ns  # noqa: F821
    except NameError:
        return None
    if "answer" not in namespace:
        return None
    value = namespace["answer"]
    if isinstance(value, str):
        return value
    if value is ...:
        return "..."
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def feedback(blob: str, typed: str | None, lang: str = "en") -> tuple[bool | None, str]:
    """(right, or None when the answer could not be read; the message in LANG) for what was typed."""
    kind = unseal(blob)["k"]
    if typed is None:
        return None, TEXT("check.nothing", lang)
    try:
        key = read(kind, typed, lang)
    except AnswerFormatError as exc:
        return None, str(exc)
    result = open_seal(blob, key)
    said = describe(kind, key, lang)
    if result["right"]:
        return True, f"{said}\n{result['text']}"
    lines = [said] + [TEXT("check.why_not", lang, letter=letter, text=text) for letter, text in result["why"]]
    lines.append(TEXT("check.hint", lang, text=result["text"]))
    lines.append(TEXT("check.again", lang))
    return False, "\n".join(lines)


def check(question_id: str, blob: str, lang: str = "en") -> None:
    """Tell the learner how their answer was read, and whether it is right: the explanation if it is; the
    chosen option's "why not" and a hint if it is not; advice on how to write it if it cannot be read. LANG is
    the quiz's language (a French quiz's check cells say lang="fr")."""
    if _grading():
        return
    setup()
    ok, message = feedback(blob, _typed_answer(), lang)
    _show(ok, message, lang)


__all__ = ["KINDS", "check", "setup"]
