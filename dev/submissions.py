"""Filling in a release notebook as a learner would: used by the tests, the benchmark and the facilitator's
practice runs."""
from __future__ import annotations

import nbformat

STUB_PREFIX = "answer = ..."


def answer_cells(nb) -> dict[str, nbformat.NotebookNode]:
    """The answer cell of each question, by question id."""
    cells = {}
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id.endswith("_answer"):
            cells[grade_id[: -len("_answer")]] = cell
    return cells


def fill(nb, answers: dict[str, str]) -> nbformat.NotebookNode:
    """A copy of nb with each question's stub replaced by the given source, e.g. {"who_sits": 'answer = "b"'}.

    The source is put in as typed, so it can be anything a learner might write, broken or hostile."""
    nb = nbformat.from_dict(nb)
    cells = answer_cells(nb)
    unknown = set(answers) - set(cells)
    if unknown:
        raise KeyError(f"no such question(s): {', '.join(sorted(unknown))}")
    for question, source in answers.items():
        lines = cells[question].source.splitlines()
        cells[question].source = "\n".join(source if line.startswith(STUB_PREFIX) else line for line in lines)
    return nb


def released(root, quiz_id: str) -> nbformat.NotebookNode:
    """The quiz as a learner gets it, from a course root where it was released."""
    return nbformat.read(root / "release" / quiz_id / f"{quiz_id}.ipynb", as_version=4)


def right_answers(quiz) -> dict[str, str]:
    """Every question of a quiz spec answered right, as a learner would type it."""
    return {q.id: f"answer = {q.answer[0]!r}" for q in quiz.questions}
