"""nbgrader configuration for the facilitator on the course's JupyterHub.

`python -m course hub setup` copies this file, with hub-settings.json beside it, into the session's
facilitator configuration folder (the formgrader's JUPYTER_CONFIG_DIR) and into the facilitator's course
folder (~/course). It takes the course's own quiz settings (quizzes/nbgrader_config.py: stubs, timeouts,
feedback without hidden tests) and changes where things are:

- the course root and the gradebook are in the facilitator's private home folder;
- the exchange is the hub's system directory, and the course list comes from the hub's groups;
- autograding runs every submission in the grading kernel, which starts under the unprivileged grader
  account: participants' code cannot read the sources with hidden tests nor write the gradebook.
"""
import json
from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides it)

here = Path(__file__).resolve().parent
hub = json.loads((here / "hub-settings.json").read_text()) if (here / "hub-settings.json").exists() else {}
if not hub:  # the copy in ~/course reads the one in the session's configuration folder
    raise SystemExit(f"{here / 'hub-settings.json'} is missing: run `python -m course hub setup`")

load_subconfig(hub["quiz_config"])  # noqa: F821 (the course's quiz settings)

course_dir = Path(hub["course_dir"])
c.CourseDirectory.course_id = hub["course_id"]
c.CourseDirectory.root = str(course_dir)
c.CourseDirectory.db_url = f"sqlite:///{course_dir / 'gradebook.db'}"
c.Exchange.root = hub["exchange"]
c.Exchange.path_includes_course = True
c.Authenticator.plugin_class = "nbgrader.auth.JupyterHubAuthPlugin"

# Participants' code runs only in the grading kernel (never as the facilitator).
c.Execute.kernel_name = hub["grader_kernel"]
c.ExecutePreprocessor.kernel_name = hub["grader_kernel"]
# Starting the kernel under another account takes a moment longer.
c.Execute.startup_timeout = 120
