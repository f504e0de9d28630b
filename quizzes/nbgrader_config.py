"""nbgrader configuration for the course's quizzes (this folder is nbgrader's course root)."""
from pathlib import Path

here = Path(__file__).resolve().parent
c = get_config()  # noqa: F821 (nbgrader provides it)

c.CourseDirectory.course_id = "npm-engagement"
c.CourseDirectory.root = str(here)
c.CourseDirectory.db_url = f"sqlite:///{here / 'gradebook.db'}"
# The default exchange is /usr/local/share/nbgrader/exchange, outside the project and shared machine-wide.
c.Exchange.root = str(here / "exchange")

# What a learner sees in place of a solution: one line saying what to do.
c.ClearSolutions.code_stub = {"python": "answer = ...  # replace the three dots with your answer, written as the line above says"}
c.ClearSolutions.text_stub = "Write your answer here."

# A submission that loops forever must not hold up the class: stop each cell after this many seconds.
c.ExecutePreprocessor.timeout = 20
c.Execute.timeout = 20
c.Execute.interrupt_on_timeout = True
# A submission that prints megabytes must not bloat the gradebook or the feedback.
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 50

# Feedback shows each question's result and explanation (printed by the hidden `grade` call), never the
# hidden test code: clear those regions, and the tracebacks that would quote them, before the HTML is made.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "course.quiz.feedback.HideTestsInFeedback",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
