"""The quiz pages and paper versions in the built book: answerable, and nothing secret anywhere in the site,
its search index, its sources or its archives."""
from __future__ import annotations

import re
import zipfile

from course.i18n import LANGUAGES
from course.paths import QUIZ_ROOT
from course.quiz.generate import all_specs

QUIZZES = [quiz for lang in LANGUAGES for quiz in all_specs(lang)]  # every edition's quizzes


def secrets(project_root):
    """What no learner may read before answering: hints, explanations and every option's why-not (less any
    sentence the modules themselves teach openly)."""
    folders = ("modules", "data", "translations/fr/modules", "translations/es/modules", "data/fr", "data/es")
    taught = " ".join(" ".join(p.read_text(encoding="utf-8").split())
                      for folder in folders for p in (project_root / folder).glob("*.*")
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


def edition(book_html, quiz):
    return book_html if quiz.lang == "en" else book_html / quiz.lang


def test_each_quiz_page_asks_every_question_with_no_code_and_links_its_notebook(book_html):
    for quiz in QUIZZES:
        page_path = edition(book_html, quiz) / "quizzes" / "pages" / f"{quiz.base}.html"
        page = page_path.read_text(encoding="utf-8")
        assert page.count('class="npm-q"') == len(quiz.questions), quiz.id
        for machinery in ("quiz.check(", "answer = ...", "Run this cell", "run the cell", "highlight-ipython"):
            assert machinery not in page, f"{quiz.id}: shows {machinery!r}"
        assert "quiz-seal.js" in page and "sha256.min.js" in page
        link = re.search(r'href="([^"]*' + quiz.id + r'\.ipynb)"[^>]*download', page)
        assert link and (page_path.parent / link.group(1)).resolve().is_file(), f"{quiz.id}: no notebook download"
        assert re.search(r'href="[^"]*(setup|start)\.html', page), quiz.id
        if quiz.lang == "en":
            assert "learner kit" in page
        else:
            assert "downloads/npm-course-learner-kit.zip" in page, quiz.id


def test_each_quiz_has_a_printable_paper_version_without_answers(book_html):
    from course.quiz.strings import TEXT

    for quiz in QUIZZES:
        folder = edition(book_html, quiz) / "downloads" / "facilitator"
        paper = (folder / f"quiz-{quiz.base}.html").read_text(encoding="utf-8")
        heading = TEXT("page.question", quiz.lang, n="")
        assert paper.count(f"<h2>{heading}") == len(quiz.questions), quiz.id
        assert "@media print" in paper and "data-blob" not in paper
