"""nbgrader's course id is written in two places that must agree: the package (exchange folders, gradebook)
and quizzes/nbgrader_config.py (which nbgrader reads on its own)."""
import re

from course.paths import COURSE_ID, QUIZ_ROOT


def test_nbgrader_config_names_the_same_course():
    config = (QUIZ_ROOT / "nbgrader_config.py").read_text(encoding="utf-8")
    assert re.findall(r'c\.CourseDirectory\.course_id = "([^"]+)"', config) == [COURSE_ID]
