"""What a quiz notebook calls: `check` for a learner checking an answer, `grade` inside the hidden tests.

`setup()` runs in the first cell of every quiz. It makes a wrongly typed answer (a letter without quotes,
a missing bracket) print how to write it instead of a Python error.
"""
from __future__ import annotations

import ast
import html
import os

from .answers import KINDS, AnswerFormatError, blob_kind, canonical, open_seal


class BadlyWritten:
    """Stands in for an answer line Python could not read, so the check can say how to write it."""

    def __init__(self, text: str):
        self.text = text.strip()

    def __repr__(self):
        return self.text


def _grading() -> bool:
    # nbgrader sets this while it autogrades or validates; the learner's self-check then stays quiet and
    # the hidden `grade` call reports instead.
    return os.environ.get("NBGRADER_EXECUTION") in ("autograde", "validate")


def _show(ok: bool | None, text: str) -> None:
    from IPython.display import HTML, display

    mark, colour, word = {True: ("✓", "#137333", "Right."), False: ("✗", "#a50e0e", "Not yet."),
                          None: ("!", "#7a4f01", "Check how you wrote it.")}[ok]
    display(HTML(f'<div role="status" style="border-left:4px solid {colour};padding:.3em .8em">'
                 f'<strong style="color:{colour}">{mark} {word}</strong> {html.escape(text)}</div>'))


def check(question_id: str, answer, blob: str) -> None:
    """Tell the learner whether the answer is right: the explanation if it is, a hint if it is not."""
    if _grading():
        return
    kind = blob_kind(blob)
    try:
        if isinstance(answer, BadlyWritten):
            raise AnswerFormatError(f"Python could not read the line {answer.text!r}. Write your answer as {KINDS[kind]}.")
        right, text = open_seal(blob, answer)
    except AnswerFormatError as exc:
        _show(None, str(exc))
        return
    _show(right, text if right else f"Hint: {text} Change your answer above, run it, then run this check again.")


def grade(question_id: str, answer, kind: str, accepted: list, explanation: str) -> None:
    """Hidden test: fail (no points) unless the answer is right; either way, print the explanation."""
    try:
        if isinstance(answer, BadlyWritten):
            raise AnswerFormatError(f"the answer line could not be read: {answer.text!r}")
        given = canonical(kind, answer)
    except AnswerFormatError as exc:
        _forget_answer()
        print(f"{question_id}: not graded as right. {exc}\nExplanation: {explanation}")
        raise AssertionError(f"{question_id}: answer not written as asked") from None
    right = given in {canonical(kind, a) for a in accepted}
    _forget_answer()
    print(f"{question_id}: {'right' if right else 'not right'} (your answer: {given}).\nExplanation: {explanation}")
    if not right:
        raise AssertionError(f"{question_id}: not right")


def _forget_answer() -> None:
    """After grading a question, forget its answer, so that a later question whose answer cell was deleted
    fails instead of being graded with this one."""
    try:
        get_ipython().user_ns.pop("answer", None)  # noqa: F821
    except NameError:
        pass


def answer_line(source: str) -> str | None:
    """The `answer = ...` line if the cell is an answer cell (that line and comments only), else None.

    Only such cells get the friendly treatment: an error anywhere else, above all in a test cell, must
    stay an error."""
    code = [line for line in source.splitlines() if line.strip() and not line.strip().startswith("#")]
    if len(code) == 1 and code[0].replace(" ", "").startswith("answer="):
        return code[0].strip()
    return None


def _answer_cell_transformer(lines: list[str]) -> list[str]:
    """If an answer cell is not valid Python, replace it by an assignment that records what was typed."""
    typed = answer_line("".join(lines))
    if typed is None:
        return lines
    try:
        ast.parse("".join(lines))
        return lines
    except SyntaxError:
        return [f"answer = __course_badly_written__({typed!r})\n"]


def _name_error_handler(shell, etype, evalue, tb, tb_offset=None):
    history = shell.user_ns.get("_ih") or [""]
    typed = answer_line(history[-1])
    if typed is not None:
        shell.user_ns["answer"] = BadlyWritten(typed)
        name = str(evalue).split("'")[1] if "'" in str(evalue) else "that word"
        _show(None, f"Python read {name} as a name, not as your answer. Put text answers between quotes, "
                    f'for example: answer = "{name}". Then run the check below.')
        return None
    return shell.showtraceback((etype, evalue, tb), tb_offset=tb_offset)


def setup() -> None:
    """Install the friendly handling of badly written answers in this kernel."""
    try:
        shell = get_ipython()  # noqa: F821 (defined inside IPython)
    except NameError:
        return
    shell.user_ns["__course_badly_written__"] = BadlyWritten
    if _answer_cell_transformer not in shell.input_transformers_post:
        shell.input_transformers_post.append(_answer_cell_transformer)
    shell.set_custom_exc((NameError,), _name_error_handler)
