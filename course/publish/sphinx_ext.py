"""A small Sphinx extension for the book: keeps each page's scripts to what it needs, and puts each quiz's
notebook beside its page for download, links module and quiz pages to the downloads, and links the first
use of each acronym on a page to its glossary entry.

Jupyter Book 1 registers some scripts twice (a second copy of a `const` declaration is a console error), and
loads scripts the book does not need (see _unwanted). This removes both.
"""
from __future__ import annotations

import re


def _key(asset) -> tuple:
    return (str(asset.filename), tuple(sorted((k, str(v)) for k, v in asset.attributes.items())))


def _unwanted(asset) -> bool:
    """Thebe's configuration: the book has no live code cells."""
    name = str(asset.filename)
    return "thebe" in name or "THEBE" in str(asset.attributes.get("body", ""))


def tidy_assets(app, pagename, templatename, context, doctree) -> None:
    for name in ("script_files", "css_files"):
        seen, kept = set(), []
        for asset in context.get(name, []):
            if _key(asset) in seen or _unwanted(asset):
                continue
            seen.add(_key(asset))
            kept.append(asset)
        context[name] = kept


DOWNLOADS = ("downloads/npm-course-learner-kit.zip", "downloads/npm-course-site.zip")


def download_bar(app, pagename, templatename, context, doctree) -> None:
    """Every module and quiz page links to the learner kit and to the whole site as one archive."""
    if not pagename.startswith(("modules/", "quizzes/")) or "body" not in context:
        return
    kit, site = (context["pathto"](path, 1) for path in DOWNLOADS)
    context["body"] = (
        '<p class="course-downloads">'
        f'<a href="{kit}" download>Download the learner kit</a> (all notebooks, quizzes and data, to work in '
        f'JupyterLab) · <a href="{site}" download>Download this whole site</a> (to read offline)</p>'
        + context["body"])


# Fixes to what the theme's templates write, applied to every page once it is written:
FIXES = [
    # Font Awesome's script (1.5 MB, 0.5 MB compressed) is hard-coded; the theme's CSS already draws the icons.
    (re.compile(r'<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>\s*'), ""),
    # The search button's aria-label "Search" hides its visible text "Search Ctrl+K" from screen readers
    # (WCAG 2.5.3, label in name): let the visible text be its name.
    (re.compile(r'(<button[^>]*class="[^"]*search-button__button[^"]*"[^>]*?)\s+aria-label="Search"'), r"\1"),
    # The navigation's toggles for sub-pages are <summary> elements with only an icon: give them a name.
    (re.compile(r'<summary>(<span class="toctree-toggle")'), r'<summary aria-label="Show or hide the pages in this part">\1'),
]


def fix_pages(app, exception) -> None:
    if exception is not None or app.builder.format not in ("html", "singlehtml"):
        return
    from pathlib import Path

    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = text
        for pattern, replacement in FIXES:
            fixed = pattern.sub(replacement, fixed)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def copy_quiz_notebooks(app, exception) -> None:
    """Put each quiz's release notebook beside its page, where the page's download link points."""
    if exception is not None or app.builder.format != "html":
        return
    import shutil
    from pathlib import Path

    for docname in app.env.found_docs:
        if docname.startswith("quizzes/release/"):
            source = Path(app.srcdir) / f"{docname}.ipynb"
            target = Path(app.outdir) / f"{docname}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def link_acronyms(app, doctree, docname) -> None:
    """Link the first use of each glossary acronym on a page to its glossary entry."""
    if docname == "glossary" or "glossary" not in app.env.found_docs:
        return
    from docutils import nodes

    from ..glossary_page import acronym_links

    links = acronym_links()
    if not links:
        return
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, links), key=len, reverse=True)) + r")\b")
    target = app.builder.get_relative_uri(docname, "glossary")
    done: set[str] = set()
    skip = (nodes.reference, nodes.title, nodes.literal, nodes.literal_block, nodes.raw, nodes.FixedTextElement)
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or any(isinstance(a, skip) for a in _ancestors(text)):
            continue
        value, pieces, last = str(text), [], 0
        for match in pattern.finditer(value):
            term = match.group(1)
            if term in done:
                continue
            done.add(term)
            pieces += [nodes.Text(value[last: match.start()]),
                       nodes.reference("", term, refuri=f"{target}#{links[term]}", classes=["course-term"],
                                       reftitle=f"{term} in the glossary")]
            last = match.end()
        if pieces:
            parent.replace(text, pieces + [nodes.Text(value[last:])])


def _ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def kit_size_substitution(app, config) -> None:
    """The set-up page states the learner kit's size ({{ kit_size }}), measured when the kit is built."""
    from .build import kit_size

    config.myst_substitutions = {**config.myst_substitutions, "kit_size": kit_size()}


def setup(app):
    app.connect("config-inited", kit_size_substitution)
    # After every other handler, so that what they added is tidied too.
    app.connect("html-page-context", tidy_assets, priority=900)
    app.connect("html-page-context", download_bar)
    app.connect("doctree-resolved", link_acronyms)
    app.connect("build-finished", copy_quiz_notebooks)
    app.connect("build-finished", fix_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
