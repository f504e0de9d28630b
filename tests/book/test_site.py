"""The whole built site: every page in a real browser (no outside request, no console error, no serious
accessibility violation), search by acronym and by full name, and the printable PDF."""
from __future__ import annotations

import json
import re

import pytest

from course.i18n import LANGUAGES
from course.kb import load
from course.publish.build import AXE

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def site_pages(book_html):
    return sorted(str(p.relative_to(book_html)) for p in book_html.rglob("*.html") if "_static" not in p.parts)


@pytest.mark.browser
def test_every_page_is_self_contained_error_free_and_accessible(book_html, watched_page):
    assert AXE.exists(), "axe-core missing: the build installs it from js/package-lock.json"
    page = watched_page.page
    problems = []
    for path in site_pages(book_html):
        before_out, before_err = len(watched_page.outside), len(watched_page.errors)
        page.goto(f"{watched_page.origin}/{path}", wait_until="networkidle")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
        serious = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in result["violations"]
                   if v["impact"] in ("serious", "critical")]
        if serious:
            problems.append(f"{path}: {serious}")
        if len(watched_page.outside) > before_out:
            problems.append(f"{path}: outside requests {watched_page.outside[before_out:]}")
        if len(watched_page.errors) > before_err:
            problems.append(f"{path}: console errors {watched_page.errors[before_err:]}")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_widgets_work_with_the_keyboard(watched_page):
    page = watched_page.page
    page.goto(f"{watched_page.origin}/modules/treaty_bodies.html", wait_until="networkidle")
    controls = page.evaluate("""() => [...document.querySelectorAll(
        '.course-switch select, .course-steps button, .course-tabs [aria-selected=true], table.course-data th button')]
        .map(e => e.tabIndex)""")
    assert controls and all(index >= 0 for index in controls), controls
    names = page.evaluate("() => [...document.querySelectorAll('.course-switch select')].map(s => s.labels.length)")
    assert names and all(names), "every list has a visible label"
    tab = page.locator(".course-tabs [aria-selected=true]").first
    first = tab.inner_text()
    tab.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    assert page.locator(".course-tabs [aria-selected=true]").first.inner_text() != first
    steps = page.locator(".course-steps:visible").first
    steps.locator("select").focus()
    page.keyboard.press("ArrowDown")
    assert page.locator(".course-stage-details h4:visible", has_text="Stage ").first.inner_text().startswith("Stage 2")


def search_index(book_html) -> dict:
    text = (book_html / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1: text.rindex(")")])


def test_search_finds_bodies_by_acronym_and_full_name(book_html):
    import snowballstemmer
    from sphinx.search.en import english_stopwords  # words the book's search leaves out

    stem = snowballstemmer.stemmer("porter").stemWord  # the stemmer Sphinx's English search uses
    index = search_index(book_html)
    docs = index["docnames"]

    def pages_for(word):
        """As the book's search does: a word in a page's text or in one of its headings finds the page."""
        found = set()
        for table in ("terms", "titleterms"):
            hits = index[table].get(stem(word.lower()), [])
            found |= {docs[i] for i in ([hits] if isinstance(hits, int) else hits)}
        return found

    kb = load()
    for module in kb["modules"].itertuples():
        if module.path not in docs:
            continue
        for body in kb.bodies(module=module.id).itertuples():
            acronym = re.sub(r"[^A-Za-z0-9]", "", body.acronym_en.split()[0])
            assert module.path in pages_for(acronym), f"search for {acronym} misses {module.path}"
            words = [w for w in re.findall(r"[A-Za-z]{3,}", body.name_en)
                     if w.lower() not in english_stopwords and len(stem(w.lower())) > 2]  # as Sphinx indexes
            found = set.intersection(*(pages_for(w) for w in words)) if words else {module.path}
            assert module.path in found, f"search for {body.name_en!r} misses {module.path}"


def test_module_pages_say_what_they_cover_and_how_old_the_figures_are(book_html):
    kb = load()
    for module in kb["modules"].itertuples():
        page = (book_html / f"{module.path}.html").read_text(encoding="utf-8")
        assert "Bodies covered:" in page and "as-of date" in page or "as of" in page, module.path
        assert "downloads/npm-course-learner-kit.zip" in page, f"{module.path}: no learner kit link"


def test_learner_kit_and_site_archive(book_html):
    import zipfile

    kit = zipfile.ZipFile(book_html / "downloads" / "npm-course-learner-kit.zip")
    names = set(kit.namelist())
    for module in load()["modules"].itertuples():
        assert f"npm-course/{module.path}.ipynb" in names
    assert any(n.startswith("npm-course/quizzes/release/") for n in names)
    assert not any("/quizzes/source/" in n or n.endswith("gradebook.db") for n in names)
    assert {"npm-course/pyproject.toml", "npm-course/requirements.lock", "npm-course/data/datapackage.json",
            "npm-course/course/__init__.py"} <= names
    site = zipfile.ZipFile(book_html / "downloads" / "npm-course-site.zip")
    assert "npm-course-site/index.html" in site.namelist()


@pytest.fixture(scope="session", params=LANGUAGES)
def pdf(book_html, request):
    """Each edition's PDF, built with the command a user runs (`python -m course pdf --lang LANG`), beside the
    book to reuse its executed notebooks; in a process of its own, since this session's browser already holds
    Playwright."""
    import subprocess
    import sys

    from course.publish.pdf import CHROMIUM, pdf_name

    if not CHROMIUM.exists():
        pytest.skip("the PDF is printed by Debian's Chromium, which is not installed")
    out = book_html.parent.parent
    result = subprocess.run([sys.executable, "-m", "course", "pdf", "--out-dir", str(out), "--lang", request.param],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return request.param, out / "_build" / "pdf" / pdf_name(request.param)


@pytest.mark.browser
def test_pdf_holds_every_module_in_its_language(pdf):
    import pypdf

    lang, path = pdf
    reader = pypdf.PdfReader(path)
    assert reader.trailer["/Root"]["/Lang"] == lang, "the PDF does not say its language"
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    text = text.replace("\u2019", "'")  # the book prints a typographic apostrophe where the data has a plain one
    for module in load(lang=lang)["modules"].itertuples():
        assert module.title in text, f"the {lang} PDF lacks {module.title!r}"
    if lang != "en":
        assert "Bodies covered" not in text, f"the {lang} PDF holds the English edition's text"


def test_acronyms_link_to_their_glossary_entries(book_html):
    glossary = (book_html / "glossary.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="(term-[^"]+)"', glossary))
    for module in load()["modules"].itertuples():
        page = (book_html / f"{module.path}.html").read_text(encoding="utf-8")
        links = re.findall(r'<a class="course-term[^"]*" href="\.\./glossary\.html#([^"]+)"[^>]*>([^<]+)</a>', page)
        assert links, f"{module.path}: no acronym linked to the glossary"
        for anchor, term in links:
            assert anchor in anchors, f"{module.path}: {term} links to a missing entry {anchor}"
        assert len({term for _, term in links}) == len(links), f"{module.path}: an acronym is linked twice"
