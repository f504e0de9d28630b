# Two commands do everything: `make book` (build the course and say where to open it) and `make test`.
# Each sets up .venv first if needed; a fresh machine needs only Python 3.11.2+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: book preview pdf test test-fast lint bench setup clean lab fresh-check

# Reinstall when the pins change. The lock file pins every package, the direct and the indirect ones.
$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11, 2) else "Python 3.11.2 or newer is needed: this is " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

# Always from a clean _build: a rebuild over an old one hides notebook failures.
book: $(STAMP)
	$(BIN)/python -m course build
	@echo
	@echo "The course is built. Open $(CURDIR)/_build/html/index.html in a browser"
	@echo "(en français : _build/html/fr/index.html; en español: _build/html/es/index.html)."

# For an author editing a module: rebuild on Jupyter Book's cache, re-running only the notebooks that changed.
# LANG_ONLY=fr (or en, es) rebuilds one edition only.
preview: $(STAMP)
	$(BIN)/python -m course build --incremental $(if $(LANG_ONLY),--lang $(LANG_ONLY))

# One PDF of the whole course per edition, printed by Debian's Chromium (apt-get install chromium).
pdf: $(STAMP)
	$(BIN)/python -m course pdf --lang en
	$(BIN)/python -m course pdf --lang fr
	$(BIN)/python -m course pdf --lang es

# Every tier (unit, nbgrader, book, browser, hub): what CI runs. Lint first: it takes seconds.
test: $(STAMP)
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m course setup-browser
	$(BIN)/python -m pytest

# Everyday work: the unit tier only (no book build, browser, nbgrader run or hub).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m unit -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m dev notebooks

bench: $(STAMP)
	$(BIN)/python -m dev bench

# A new user's first run, timed: a minimal Debian 12 (debootstrap), a clean clone of this commit, then
# `make book` and `make test`. As root; not part of `make test`.
fresh-check:
	bash dev/fresh_check.sh

lab: $(STAMP)
	$(BIN)/python -m course lab

clean:
	rm -rf _build _generated js/node_modules quizzes/source quizzes/release quizzes/submitted \
	       quizzes/autograded quizzes/feedback quizzes/exchange quizzes/gradebook.db quizzes/reports \
	       quizzes/roster.csv
