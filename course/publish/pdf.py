"""One PDF of the whole course, built offline: a single-page HTML build printed by Debian's Chromium.

(Jupyter Book's own HTML-to-PDF downloads a browser, and its LaTeX route needs TeX Live.)"""
from __future__ import annotations

from pathlib import Path

from ..i18n import NAMES
from ..paths import ROOT
from ..tools import tool, tool_env
from . import editions
from .build import BuildError, _run, check_edition, edition_paths, node_modules, prepare_edition

CHROMIUM = Path("/usr/bin/chromium")


def pdf_name(lang: str) -> str:
    return "npm-engagement-course.pdf" if lang == "en" else f"npm-engagement-course-{lang}.pdf"


def build_pdf(out_dir: Path | None = None, lang: str = "en") -> Path:
    """Build one edition as a single HTML page (in its language, like the site) and print it to
    OUT_DIR/_build/pdf: npm-engagement-course.pdf, -fr.pdf, -es.pdf."""
    from ..quiz.generate import generate_all

    if not CHROMIUM.exists():
        raise BuildError("the PDF is printed by Chromium, which is not installed at /usr/bin/chromium: "
                         "on Debian or Ubuntu run `sudo apt-get install chromium`")
    check_edition(lang)
    out_dir = Path(out_dir or ROOT)
    source, output = edition_paths(lang, out_dir)
    node_modules()
    generate_all()
    prepare_edition(lang, source)
    _run([tool("jupyter-book"), "build", str(source), "--path-output", str(output), "--builder", "singlehtml",
          "-n", "--keep-going"], source, env=tool_env(COURSE_STATIC_BOOK="1"),
         what=f"jupyter-book build (single page, {NAMES[lang]})")
    page = output / "_build" / "singlehtml" / "index.html"
    target = out_dir / "_build" / "pdf" / pdf_name(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    print_to_pdf(page, target)
    mark_language(target, lang, editions.config(lang)["title"])
    return target


def mark_language(pdf: Path, lang: str, title: str) -> None:
    """Chromium's PDF says neither its language nor its title: a screen reader then reads French with English
    rules. Set both (the catalog's /Lang, the document's /Title)."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=str(pdf))
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    writer.add_metadata({"/Title": title})
    with open(pdf, "wb") as out:
        writer.write(out)


def print_to_pdf(page: Path, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
        try:
            tab = browser.new_page()
            tab.goto(page.as_uri(), wait_until="load")
            tab.wait_for_timeout(500)  # let the views and tables set themselves up
            # Paper cannot be clicked: open every "in words" section so that the text alternatives print.
            tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            tab.emulate_media(media="print")
            tab.pdf(path=str(target), format="A4", print_background=True,
                    margin={"top": "18mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
        finally:
            browser.close()
