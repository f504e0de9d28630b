"""The text of every learner page (modules, quizzes, start, glossary) speaks the reader's language: no file or code
names, no raw codes from the data, no numbers as a program prints them, and no sentence about JupyterLab except
on the start page, which says once what the notebooks add. The facilitator guide shows commands by design."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from course.i18n import LANGUAGES
from dev.toc import toc_pages

DEVELOPER = {
    "a file name": r"\b[\w-]+\.(?:csv|ipynb|py|yml|yaml|json)\b",
    "a folder of the project": r"\b(?:data|modules|quizzes|course)/",
    "a Python name": r"\bcourse\.[a-z_]+|\bimport (?:course|ipywidgets|pandas)\b",
    "a code from the data": r"\b[a-z]+_[a-z]+(?:_[a-z]+)*\b",
    "a number as a program prints it": r"\b\d+\.0\b",
    "a tool": r"\b(?:Python|pip|nbgrader|ipywidgets|kernel|Shift\+Enter)\b",
    "JupyterLab": r"\bJupyter(?:Lab)?\b|\bnotebooks?\b",
}
# The one page that says what the notebooks add, and where to get them.
ALLOWED = {"start": {"JupyterLab"}}


def learner_pages() -> list[str]:
    """The learner's pages in the book's contents: start, modules, quizzes, glossary."""
    return [p for p in toc_pages() if p in ("start", "glossary") or p.startswith(("modules/", "quizzes/"))]


class ArticleText(HTMLParser):
    """The text of the page's article, hidden views included; scripts, styles and the code cells a quiz shows
    for its answers left out."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, bool]] = []  # each open tag, and whether its text is left out
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            classes = (dict(attrs).get("class") or "").split()
            self.open.append((tag, tag in ("script", "style", "pre", "code") or "cell_input" in classes))

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        if any(tag == "article" for tag, _ in self.open) and not any(skip for _, skip in self.open):
            self.parts.append(data)


def page_text(path) -> str:
    reader = ArticleText()
    reader.feed(path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", " ".join(reader.parts))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", learner_pages())
def test_learner_page_speaks_the_readers_language(book_html, page, lang):
    """In every edition: the French and Spanish pages follow the same rule."""
    text = page_text((book_html if lang == "en" else book_html / lang) / f"{page}.html")
    assert len(text) > 200, f"{page}: no text found"
    problems = []
    for what, pattern in DEVELOPER.items():
        if what in ALLOWED.get(page, set()):
            continue
        for match in re.finditer(pattern, text):
            problems.append(f"{what}: …{text[max(0, match.start() - 60): match.end() + 40]}…")
    assert not problems, f"{page}:\n" + "\n".join(problems)


def test_the_checker_finds_developer_language():
    sample = "See data/figures.csv. Run import course.pages in JupyterLab: 8.0 staff days for treaty_body, UN."
    found = {what for what, pattern in DEVELOPER.items() if re.search(pattern, sample)}
    assert found == set(DEVELOPER) - {"a tool"}
    assert not any(re.search(p, "UN treaty body, global. 8 staff days, 1.5 at most.") for p in DEVELOPER.values())
