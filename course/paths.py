"""Where things live. One place, so that notebooks, tests and the command line agree."""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# In a source checkout the data sit beside the package; an installed learner kit ships them inside it.
ROOT = PACKAGE_DIR.parent
DATA_DIR = ROOT / "data" if (ROOT / "data" / "datapackage.json").exists() else PACKAGE_DIR / "data"
QUIZ_ROOT = ROOT / "quizzes"
