"""The quiz pages and paper versions in the built book: answerable, and nothing secret anywhere in the site,
its search index, its sources or its archives."""
from __future__ import annotations

import re
import zipfile

from course.paths import QUIZ_ROOT
from course.quiz.generate import all_specs

QUIZZES = all_specs()


def secrets(project_root):
    """What no learner may read before answering: hints, explanations and every option's why-not (less any
    sentence the modules themselves teach openly)."""
    taught = " ".join(" ".join(p.read_text(encoding="utf-8").split())
                      for folder in ("modules", "data") for p in (project_root / folder).glob("*.*")
                      if p.suffix in (".ipynb", ".csv", ".md"))
    found = set()
    for quiz in QUIZZES:
        for q in quiz.questions:
            found |= {q.hint[:40], q.explanation[:40], *(w[:40] for w in q.why_not.values())}
    return sorted(s for s in found if " ".join(s.split()) not in taught)


def site_texts(book_html):
    """Every text file of the site, and every text file inside its downloadable archives."""
    for path in book_html.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    if name.endswith((".html", ".js", ".txt", ".md", ".ipynb", ".json", ".yml", ".csv", ".py")):
                        yield f"{path.name}!{name}", archive.read(name).decode("utf-8", errors="replace")
        elif path.suffix in {".html", ".js", ".txt", ".md", ".ipynb", ".json", ".yml", ".py"}:
            yield str(path.relative_to(book_html)), path.read_text(encoding="utf-8", errors="replace")


def test_no_hint_explanation_or_why_not_anywhere_in_the_site_or_its_archives(book_html, project_root):
    texts = secrets(project_root)
    assert len(texts) > 200
    seen = set()
    for where, content in site_texts(book_html):
        seen.add(where.split("!")[0].split("/")[0])
        content = " ".join(content.split())
        for secret in texts:
            assert " ".join(secret.split()) not in content, f"{where} reveals {secret!r}"
    assert {"searchindex.js", "_sources", "downloads", "quizzes"} <= seen


def test_the_answer_keys_stay_with_the_facilitator(book_html):
    assert not list(book_html.rglob("*-key.html"))
    for quiz in QUIZZES:
        assert (QUIZ_ROOT / "keys" / f"{quiz.id}-key.html").is_file()
        for archive in book_html.rglob("*.zip"):
            assert not any("keys/" in n for n in zipfile.ZipFile(archive).namelist())


def test_each_quiz_page_asks_every_question_with_no_code_and_links_its_notebook(book_html):
    for quiz in QUIZZES:
        page_path = book_html / "quizzes" / "pages" / f"{quiz.id}.html"
        page = page_path.read_text(encoding="utf-8")
        assert page.count('class="npm-q"') == len(quiz.questions), quiz.id
        for machinery in ("quiz.check(", "answer = ...", "Run this cell", "run the cell", "highlight-ipython"):
            assert machinery not in page, f"{quiz.id}: shows {machinery!r}"
        assert "quiz-seal.js" in page and "sha256.min.js" in page
        link = re.search(r'href="([^"]*' + quiz.id + r'\.ipynb)"[^>]*download', page)
        assert link and (page_path.parent / link.group(1)).resolve().is_file(), f"{quiz.id}: no notebook download"
        assert "learner kit" in page and re.search(r'href="[^"]*(setup|start)\.html', page)


def test_each_quiz_has_a_printable_paper_version_without_answers(book_html):
    for quiz in QUIZZES:
        paper = (book_html / "downloads" / "facilitator" / f"quiz-{quiz.id}.html").read_text(encoding="utf-8")
        assert paper.count("<h2>Question ") == len(quiz.questions)
        assert "@media print" in paper and "data-blob" not in paper
