"""A small Sphinx extension for the book: keeps each page's scripts and styles to what it needs, puts each
quiz's notebook beside its page for download, links module and quiz pages to the downloads and module pages to
"report an outdated fact", and links the first use of each acronym on a page to its glossary entry.

Jupyter Book 1 registers some scripts twice (a second copy of a `const` declaration is a console error), and
loads on every page scripts and styles that only some pages use (see _unwanted). This removes both.
"""
from __future__ import annotations

import re


def _key(asset) -> tuple:
    return (str(asset.filename), tuple(sorted((k, str(v)) for k, v in asset.attributes.items())))


# Files only some pages use, each with the mark in the page's body that shows the page needs it: code blocks
# (highlighting and copy buttons), toggled cells, sphinx-design's tabs and cards.
ONLY_WHERE_USED = {"pygments.css": 'class="highlight', "copybutton": 'class="highlight', "clipboard": 'class="highlight',
                   "togglebutton": "toggle", "design-tabs": 'class="sd-', "sphinx-design": 'class="sd-'}


def _unwanted(asset, body: str) -> bool:
    """Thebe's configuration (the book has no live code cells), and files this page does not use."""
    name = str(asset.filename)
    if "thebe" in name or "THEBE" in str(asset.attributes.get("body", "")):
        return True
    return any(key in name and mark not in body for key, mark in ONLY_WHERE_USED.items())


def tidy_assets(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    for name in ("script_files", "css_files"):
        seen, kept = set(), []
        for asset in context.get(name, []):
            if _key(asset) in seen or _unwanted(asset, body):
                continue
            seen.add(_key(asset))
            kept.append(asset)
        context[name] = kept


DOWNLOADS = ("downloads/npm-course-learner-kit.zip", "downloads/npm-course-site.zip")


def download_bar(app, pagename, templatename, context, doctree) -> None:
    """Every module and quiz page links to the learner kit and to the whole site as one archive; every module
    page ends with a link to report an outdated fact, naming the page."""
    if not pagename.startswith(("modules/", "quizzes/")) or "body" not in context:
        return
    from urllib.parse import quote

    kit, site = (context["pathto"](path, 1) for path in DOWNLOADS)
    context["body"] = (
        '<p class="course-downloads">'
        f'<a href="{kit}" download>Download the learner kit</a> (the course to run on your own computer, with '
        f'quizzes that give feedback) · <a href="{site}" download>Download this whole site</a> (to read offline)</p>'
        + context["body"])
    if pagename.startswith("modules/") and app.config.course_report_url:
        title = re.sub(r"<[^>]+>", "", context.get("title", pagename))
        url = app.config.course_report_url.replace("{page}", quote(f"{title} ({pagename}.html)"))
        context["body"] += (f'<p class="course-report">Is a fact on this page out of date? <a href="{url}">Report an '
                            f'outdated fact on this page</a>; the course\'s authors check every report.</p>')


# Fixes to what the theme's templates write, applied to every page once it is written:
FIXES = [
    # Font Awesome's script (1.5 MB, 0.5 MB compressed) is hard-coded; the theme's CSS already draws the icons.
    (re.compile(r'<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>\s*'), ""),
    # The search button's aria-label "Search" hides its visible text "Search Ctrl+K" from screen readers
    # (WCAG 2.5.3, label in name): let the visible text be its name.
    (re.compile(r'(<button[^>]*class="[^"]*search-button__button[^"]*"[^>]*?)\s+aria-label="Search"'), r"\1"),
    # The navigation's toggles for sub-pages are <summary> elements with only an icon: give them a name.
    (re.compile(r'<summary>(<span class="toctree-toggle")'), r'<summary aria-label="Show or hide the pages in this part">\1'),
    # Search results quote a page's text (its textContent): a line break after each block, so that table cells
    # and list items do not run together ("CATCommittee against Torture").
    (re.compile(r"(</(?:td|th|tr|li|p|h[1-6]|dt|dd|caption|option|button|label|section|table|ul|ol)>)(?=<)"), "\\1\n"),
]


# The theme loads the search index (the text of the whole book) on every page for a search-as-you-type it leaves
# off; searching opens search.html, which loads it there. Every other page drops it.
SEARCH_SCRIPTS = re.compile(r'<script src="[^"]*(?:searchtools|language_data|searchindex)\.js[^"]*"></script>\s*')


def fix_pages(app, exception) -> None:
    if exception is not None or app.builder.format not in ("html", "singlehtml"):
        return
    from pathlib import Path

    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = text
        for pattern, replacement in FIXES:
            fixed = pattern.sub(replacement, fixed)
        if page.name != "search.html":
            fixed = SEARCH_SCRIPTS.sub("", fixed)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


# The theme draws its icons with Font Awesome's solid font: 1,400 icons, 157 KB compressed, half of what a first
# visit loads. The book shows about twenty: keep those (and those the theme's own styles name) in a small WOFF.
ICON_FONT = "vendor/fontawesome/webfonts/fa-solid-900"
ICON_FACE = re.compile(r'url\(\.\./' + re.escape(ICON_FONT) + r'\.woff2\) format\("woff2"\),url\(\.\./'
                       + re.escape(ICON_FONT) + r'\.ttf\) format\("truetype"\)')
CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
GLYPH = re.compile(r'"(?:\\([0-9a-f]{4})|([\ue000-\uf8ff]))"')  # "\f078", or the private-use character itself


def icons_used(css: str, pages) -> set[int]:
    """The code points of the icons the pages use: each `fa-<name>` class found in a page, and every glyph a rule
    of the theme names other than the icon classes themselves."""
    names = set()
    for page in pages:
        names.update(re.findall(r"\bfa-([a-z0-9-]+)", page.read_text(encoding="utf-8")))
    found = set()
    for selectors, body in CSS_RULE.findall(css):
        glyphs = GLYPH.findall(body)
        if not glyphs:
            continue
        classes = [re.fullmatch(r"\s*\.fa-([a-z0-9-]+)::?before\s*", s) for s in selectors.split(",")]
        if not all(classes) or any(c.group(1) in names for c in classes):
            found.update(int(code, 16) if code else ord(char) for code, char in glyphs)
    return found


def trim_icon_font(app, exception) -> None:
    if exception is not None or app.builder.format not in ("html", "singlehtml"):
        return
    from pathlib import Path

    try:
        from fontTools import subset
    except ImportError:  # fontTools comes with matplotlib; without it the book keeps the whole font
        return
    static = Path(app.outdir) / "_static"
    css_path, ttf = static / "styles" / "pydata-sphinx-theme.css", static / f"{ICON_FONT}.ttf"
    if not css_path.exists() or not ttf.exists():
        return
    css = css_path.read_text(encoding="utf-8")
    if not ICON_FACE.search(css):
        return
    options = subset.Options()
    options.flavor = "woff"
    font = subset.load_font(str(ttf), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=icons_used(css, Path(app.outdir).rglob("*.html")))
    subsetter.subset(font)
    subset.save_font(font, str(static / f"{ICON_FONT}.book.woff"), options)
    css_path.write_text(ICON_FACE.sub(f'url(../{ICON_FONT}.book.woff) format("woff")', css), encoding="utf-8")


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
    app.add_config_value("course_report_url", "", "html")
    app.connect("config-inited", kit_size_substitution)
    # After every other handler, so that what they added is tidied too.
    app.connect("html-page-context", tidy_assets, priority=900)
    app.connect("html-page-context", download_bar)
    app.connect("doctree-resolved", link_acronyms)
    app.connect("build-finished", copy_quiz_notebooks)
    app.connect("build-finished", fix_pages)
    app.connect("build-finished", trim_icon_font)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
