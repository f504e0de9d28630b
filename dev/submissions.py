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
