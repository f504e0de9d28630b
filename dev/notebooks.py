"""`python -m dev notebooks`: every committed notebook is kept without outputs, so that a diff shows prose and
calls only and no learner's run (or answer) is committed by accident."""
from __future__ import annotations

import json
import subprocess

from course.paths import ROOT


def notebooks_with_outputs() -> list[str]:
    tracked = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    problems = []
    for name in tracked:
        try:
            cells = json.loads((ROOT / name).read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError) as exc:
            problems.append(f"{name}: not a readable notebook ({exc})")
            continue
        for number, cell in enumerate(cells, 1):
            if cell.get("outputs") or cell.get("execution_count"):
                problems.append(f"{name}: cell {number} has outputs; clear them before committing "
                                "(in JupyterLab: Edit > Clear Outputs of All Cells)")
    return problems
