"""The built book: every module executed, widgets embedded, quizzes shown as released, nothing secret."""
from __future__ import annotations

import os
import re

import nbformat
import pytest
from nbclient import NotebookClient

from course.kb import load
from course.quiz.generate import all_specs

MODULES = [m for m in load()["modules"].itertuples()]


def built_modules(book_html):
    return [m for m in MODULES if (book_html / f"{m.path}.html").exists()]


def test_every_module_in_the_toc_is_built(book_html, project_root):
    toc = (project_root / "_toc.yml").read_text(encoding="utf-8")
    listed = [m for m in MODULES if f"file: {m.path}\n" in toc]
    assert listed, "no module in _toc.yml"
    for module in listed:
        assert (book_html / f"{module.path}.html").exists(), module.path


def test_module_pages_hold_their_views_and_tables_as_html(book_html):
    """No widget renderer and no table library: the views are in the page's HTML, switched by course.js."""
    for module in built_modules(book_html):
        page = (book_html / f"{module.path}.html").read_text(encoding="utf-8")
        assert "data-course-switch" in page or "data-course-table" in page, module.path
        assert "widget-state+json" not in page and "embed.js" not in page and "itables" not in page, module.path
        assert "_static/course.js" in page
        assert "Bodies covered:" in page and "Figures:" in page


def test_search_index_only_on_the_search_page(book_html):
    assert "searchindex.js" not in (book_html / "modules" / "upr.html").read_text(encoding="utf-8")
    assert "searchindex.js" in (book_html / "search.html").read_text(encoding="utf-8")


def test_planner_script_and_rules_only_where_the_planner_is(book_html):
    planning = (book_html / "modules" / "planning.html").read_text(encoding="utf-8")
    assert 'src="../planner/rules.js"' in planning and 'src="../planner/planner.js"' in planning
    assert "planner.js" not in (book_html / "index.html").read_text(encoding="utf-8")
    rules = (book_html / "planner" / "rules.js").read_text(encoding="utf-8")
    assert rules.startswith("window.COURSE_PLANNER_RULES = {") and '"cat_review"' in rules


def test_quizzes_follow_their_modules_and_whats_next_links(book_html):
    """In the contents and in next/previous, each module is followed by its quiz, then the next module."""
    import re

    for module in built_modules(book_html):
        page = (book_html / f"{module.path}.html").read_text(encoding="utf-8")
        name = module.path.split("/")[-1]
        following = re.search(r'<a class="right-next"\s+href="([^"]+)"', page)
        assert following and following.group(1) == f"../quizzes/release/{name}/{name}.html", module.path
        whats_next = page[page.index('id="what-s-next"'):]
        whats_next = whats_next[:whats_next.index("</section>")]
        assert f'href="../quizzes/release/{name}/{name}.html"' in whats_next, f"{module.path}: quiz not linked"
        later = [m for m in MODULES if m.order > module.order]
        if later:
            assert f'href="{later[0].path.split("/")[-1]}.html"' in whats_next, f"{module.path}: next module not linked"


def test_module_pages_link_to_report_an_outdated_fact(book_html):
    for module in built_modules(book_html):
        page = (book_html / f"{module.path}.html").read_text(encoding="utf-8")
        assert "Report an outdated fact on this page" in page, module.path
        assert module.path.replace("/", "%2F") in page or module.path in page


def test_no_page_loads_anything_from_outside(book_html):
    loads = re.compile(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//', re.I)
    for page in book_html.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not loads.search(text), f"{page.relative_to(book_html)} loads from outside"


def secrets():
    """Text no learner may read before answering: answers (in code), hints, explanations, test code."""
    found = ["BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "quiz.grade("]
    for quiz in all_specs():
        for q in quiz.questions:
            found += [q.hint[:50], q.explanation[:50], f"answer = {q.answer[0]!r}"]
    return found


def test_no_solution_or_hidden_test_anywhere_in_the_site(book_html):
    texts = secrets()
    for path in book_html.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".ipynb", ".js", ".json", ".txt", ".md"}:
            content = path.read_text(encoding="utf-8", errors="replace")
            for secret in texts:  # a whole match: 'answer = 1' must not match the template's 'answer = 1234'
                assert not re.search(re.escape(secret) + r"(?![\w.])", content), \
                    f"{path.relative_to(book_html)} reveals {secret!r}"


def test_quiz_pages_show_the_release_read_only_with_a_download(book_html):
    for quiz in all_specs():
        page_path = book_html / "quizzes" / "release" / quiz.id / f"{quiz.id}.html"
        if not page_path.exists():
            continue
        page = page_path.read_text(encoding="utf-8")
        assert "replace the three dots with your answer" in page
        assert 'class="cell_output' not in page  # not executed
        link = re.search(r'href="([^"]*' + quiz.id + r'\.ipynb)"[^>]*download', page)
        assert link, f"{quiz.id}: no download link"
        assert (page_path.parent / link.group(1)).resolve().exists()


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.id)
def test_module_notebook_runs_live(module, project_root):
    """Executed with a kernel, as in JupyterLab: the live widgets with their filters must build too."""
    path = project_root / f"{module.path}.ipynb"
    if not path.exists():
        pytest.skip(f"{module.path} is not written yet")
    nb = nbformat.read(path, as_version=4)
    env = {k: v for k, v in os.environ.items() if k != "COURSE_STATIC_BOOK"}
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(path.parent)}}).execute(env=env)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)


def test_module_titles_come_from_the_modules_table(project_root):
    for module in MODULES:
        # cells[0] is the set-up note for learners (tests/unit/test_learner_kit.py); the title comes next.
        first = nbformat.read(project_root / f"{module.path}.ipynb", as_version=4).cells[1].source
        assert first.splitlines()[0] == f"# {module.title_en}", module.path


def test_module_notebooks_are_thin(project_root):
    """Prose and one-line calls into the package: every code cell is one line."""
    for module in MODULES:
        path = project_root / f"{module.path}.ipynb"
        if path.exists():
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.cell_type == "code":
                    assert len(cell.source.strip().splitlines()) == 1, f"{module.path}: {cell.source[:60]}"
                    assert not cell.get("outputs"), f"{module.path}: committed with outputs"


def test_search_snippets_keep_cells_and_items_apart(book_html):
    """Search results quote a page's text as the browser reads it (textContent): blocks must not run together."""
    import re

    for module in built_modules(book_html):
        page = (book_html / f"{module.path}.html").read_text(encoding="utf-8")
        main = page[page.index('role="main"'):]
        glued = re.findall(r"</(?:td|th|li|p|dd|option)><", main)
        assert not glued, f"{module.path}: {len(glued)} blocks with nothing between them"


def test_icon_font_holds_every_icon_the_pages_use_and_little_else(book_html):
    import re

    from fontTools.ttLib import TTFont

    from course.publish.sphinx_ext import ICON_FONT

    static = book_html / "_static"
    css = (static / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert f"{ICON_FONT}.book.woff" in css and f"{ICON_FONT}.woff2" not in css
    font = static / f"{ICON_FONT}.book.woff"
    assert font.stat().st_size < 20_000  # the whole font is 157 KB
    have = set(TTFont(font).getBestCmap())
    used = {n for page in book_html.rglob("*.html") for n in re.findall(r"\bfa-([a-z0-9-]+)", page.read_text(encoding="utf-8"))}
    for name in used:
        rule = re.search(r"\.fa-" + re.escape(name) + r'::?before\{content:"\\([0-9a-f]{4})"\}', css)
        if rule:  # a class that draws an icon (others size or turn it)
            assert int(rule.group(1), 16) in have, f"fa-{name} is missing from the book's icon font"
