"""nbgrader configuration for the course's quizzes (this folder is nbgrader's course root)."""
from pathlib import Path

here = Path(__file__).resolve().parent
c = get_config()  # noqa: F821 (nbgrader provides it)

c.CourseDirectory.course_id = "npm-engagement"
c.CourseDirectory.root = str(here)
c.CourseDirectory.db_url = f"sqlite:///{here / 'gradebook.db'}"
# The default exchange is /usr/local/share/nbgrader/exchange, outside the project and shared machine-wide.
c.Exchange.root = str(here / "exchange")

# What a learner sees in place of a solution (the question above it says what to type).
c.ClearSolutions.code_stub = {"python": "answer = ..."}
c.ClearSolutions.text_stub = "Write your answer here."

# Grading never runs learner code: answers are read as text and compared with the spec (course.quiz.autograde)
# in place of nbgrader's Execute. The rest is nbgrader's own pipeline: grades into the gradebook, feedback.
c.Autograde.autograde_preprocessors = [
    "course.quiz.autograde.GradeAnswers",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# Kept for `nbgrader validate` and any notebook still executed by hand.
c.ExecutePreprocessor.timeout = 20
c.Execute.timeout = 20
c.Execute.interrupt_on_timeout = True
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 50

# Feedback shows each question's result and explanation (written by the grader), never the sealed blobs.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "course.quiz.feedback.HideTestsInFeedback",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
