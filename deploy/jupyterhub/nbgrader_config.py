"""nbgrader configuration for the facilitator on the course's JupyterHub.

`python -m course hub setup` copies this file, with hub-settings.json beside it, into the session's facilitator
configuration folder (the formgrader's JUPYTER_CONFIG_DIR, root-owned: nothing the facilitator's account can
write is ever run). It takes the course's own quiz settings (quizzes/nbgrader_config.py: how answers are graded,
stubs, feedback without hidden tests) and changes where things are and what is shown:

- the course root and the gradebook are in the facilitator's private home folder;
- the exchange is the hub's system directory, and the course list comes from the hub's groups;
- collecting refuses a submission not owned by the participant it names, and keeps only notebooks;
- autograded notebooks are sanitised before the formgrader shows them: no scripts, HTML or JavaScript outputs,
  raw HTML or widgets, so nothing a participant submits runs in the facilitator's browser.
"""
import json
from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides it)

here = Path(__file__).resolve().parent
hub = json.loads((here / "hub-settings.json").read_text()) if (here / "hub-settings.json").exists() else {}
if not hub:
    raise SystemExit(f"{here / 'hub-settings.json'} is missing: run `python -m course hub setup`")

load_subconfig(hub["quiz_config"])  # noqa: F821 (the course's quiz settings: one place for how grading works)

course_dir = Path(hub["course_dir"])
c.CourseDirectory.course_id = hub["course_id"]
c.CourseDirectory.root = str(course_dir)
c.CourseDirectory.db_url = f"sqlite:///{course_dir / 'gradebook.db'}"
c.Exchange.root = hub["exchange"]
c.Exchange.path_includes_course = True
c.Authenticator.plugin_class = "nbgrader.auth.JupyterHubAuthPlugin"
c.ExchangeFactory.collect = "course.classroom.ownership.OwnerCheckedCollect"
# The trusted grader reads the quiz specs: on the hub they are only in the facilitator's course folder.
c.GradeAnswers.spec_dir = str(course_dir / "specs")

# Last step of autograding, after the course's own: what the formgrader and the feedback show is inert.
c.Autograde.autograde_preprocessors.append("nbconvert.preprocessors.sanitize.SanitizeHTML")
c.SanitizeHTML.enabled = True
