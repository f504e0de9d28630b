"""An nbgrader feedback preprocessor: the learner's feedback never shows hidden test code.

nbgrader's own ClearHiddenTests removes the hidden region from each test cell's source, but a failed test's
traceback still quotes the failing lines, answer key included. This does both: it clears the hidden regions,
and keeps only the one-line summary of each error (the explanation was already printed above it by `grade`).
"""
from nbgrader.preprocessors import ClearHiddenTests
from traitlets import Bool


class HideTestsInFeedback(ClearHiddenTests):
    # A preprocessor named in config is registered disabled unless it says otherwise.
    enabled = Bool(True).tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        cell, resources = super().preprocess_cell(cell, resources, index)
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        return cell, resources
