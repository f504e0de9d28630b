"""Where things live. One place, so that notebooks, tests and the command line agree."""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# In a source checkout the data sit beside the package; an installed learner kit ships them inside it.
ROOT = PACKAGE_DIR.parent
DATA_DIR = ROOT / "data" if (ROOT / "data" / "datapackage.json").exists() else PACKAGE_DIR / "data"
QUIZ_ROOT = ROOT / "quizzes"
# nbgrader's course id: the exchange's folder and the gradebook's course (quizzes/nbgrader_config.py says the same).
COURSE_ID = "npm-engagement"
# The French and Spanish editions' pages: one tree per language mirroring the English book's files
# (translations/fr/modules/upr.ipynb is the French modules/upr.ipynb). Their data are in data/fr/, data/es/.
TRANSLATIONS = ROOT / "translations"


def edition_root(lang: str) -> Path:
    """Where an edition's book pages live: the project root for English, translations/LANG otherwise."""
    return ROOT if lang == "en" else TRANSLATIONS / lang
