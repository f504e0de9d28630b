"""An nbgrader feedback preprocessor: the learner's feedback shows results and explanations, not machinery.

Each check cell's source (a call with a long sealed blob) is replaced by a one-line label, and each error
output is reduced to the grader's own lines (course.quiz.autograde writes them; there is never a Python
traceback to show). nbgrader's ClearHiddenTests still runs first, for any hidden region.
"""
from nbgrader.preprocessors import ClearHiddenTests
from traitlets import Bool

from .generate import split_id
from .strings import TEXT


class HideTestsInFeedback(ClearHiddenTests):
    # A preprocessor named in config is registered disabled unless it says otherwise.
    enabled = Bool(True).tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        cell, resources = super().preprocess_cell(cell, resources, index)
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            lang = split_id(str(resources.get("nbgrader", {}).get("assignment", "")))[1]
            cell.source = TEXT("feedback.label", lang, q=meta.get("grade_id", ""))
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [output.get("ename", "Error"), *str(output.get("evalue", "")).splitlines()]
        return cell, resources
