"""A small Sphinx extension for the book: keeps each page's scripts and styles to what it needs, puts each
quiz's notebook beside its page for download, links module and quiz pages to the downloads and module pages to
"report an outdated fact", and links the first use of each acronym on a page to its glossary entry.

Jupyter Book 1 registers some scripts twice (a second copy of a `const` declaration is a console error), and
loads on every page scripts and styles that only some pages use (see _unwanted). This removes both.
"""
from __future__ import annotations

import re

from ..i18n import LANGUAGES, NAMES, Text

TEXT = Text(__name__, {
    "kit": {"en": "Download the learner kit", "fr": "Télécharger le kit de l'apprenant",
            "es": "Descargar el paquete del participante"},
    "kit_what": {"en": "the course to run on your own computer, with quizzes that give feedback",
                 "fr": "le cours à utiliser sur votre ordinateur, avec des quiz qui vous répondent",
                 "es": "el curso para usar en su propia computadora, con cuestionarios que le responden"},
    "site": {"en": "Download this whole site", "fr": "Télécharger tout le site",
             "es": "Descargar todo el sitio"},
    "site_what": {"en": "to read offline", "fr": "pour le lire hors ligne", "es": "para leerlo sin conexión"},
    "report_ask": {"en": "Is a fact on this page out of date?", "fr": "Un fait de cette page n'est plus à jour ?",
                   "es": "¿Algún dato de esta página está desactualizado?"},
    "report_link": {"en": "Report an outdated fact on this page", "fr": "Signalez-le",
                    "es": "Avísenos"},
    "report_after": {"en": "the course's authors check every report.",
                     "fr": "les auteurs du cours examinent chaque signalement.",
                     "es": "los autores del curso revisan cada aviso."},
    "languages": {"en": "Read this page in another language", "fr": "Lire cette page dans une autre langue",
                  "es": "Leer esta página en otro idioma"},
    "toggle": {"en": "Show or hide the pages in this part", "fr": "Afficher ou masquer les pages de cette partie",
               "es": "Mostrar u ocultar las páginas de esta parte"},
    "in_glossary": {"en": "{term} in the glossary", "fr": "{term} dans le glossaire", "es": "{term} en el glosario"},
})

# The theme's own labels that it leaves in English in a French or Spanish book (sphinx-book-theme #188), and
# one Spanish label it misspells: each English attribute value, and what it becomes in each language.
THEME = Text(__name__ + ".theme", {
    "Search this book...": {"en": "Search this book...", "fr": "Rechercher dans ce livre…",
                            "es": "Buscar en este libro…"},
    "Toggle primary sidebar": {"en": "Toggle primary sidebar", "fr": "Afficher ou masquer le menu des pages",
                               "es": "Mostrar u ocultar el menú de páginas"},
    "Toggle secondary sidebar": {"en": "Toggle secondary sidebar",
                                 "fr": "Afficher ou masquer le sommaire de la page",
                                 "es": "Mostrar u ocultar el índice de la página"},
    "Main": {"en": "Main", "fr": "Principal", "es": "Principal"},
    "Page": {"en": "Page", "fr": "Page", "es": "Página"},
    "Link to this heading": {"en": "Link to this heading", "fr": "Lien vers ce titre",
                             "es": "Enlace a este encabezado"},
    "Descarga esta pagina": {"en": "Download this page", "fr": "Télécharger cette page",
                             "es": "Descargar esta página"},
})


def theme_fixes(lang: str) -> list[tuple[re.Pattern, str]]:
    """The theme's English labels (as attribute values) in LANG."""
    if lang == "en":
        return []
    return [(re.compile(f'="{re.escape(english)}"'), f'="{THEME(english, lang)}"') for english in THEME.strings]


def _lang(app) -> str:
    return app.config.language if app.config.language in LANGUAGES else "en"


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

    lang = _lang(app)
    kit, site = (context["pathto"](path, 1) for path in DOWNLOADS)
    if lang != "en":
        site = "../" + site  # one archive holds every edition; it sits at the English edition's root
    context["body"] = (
        '<p class="course-downloads">'
        f'<a href="{kit}" download>{TEXT("kit", lang)}</a> ({TEXT("kit_what", lang)}) · '
        f'<a href="{site}" download>{TEXT("site", lang)}</a> ({TEXT("site_what", lang)})</p>'
        + context["body"])
    if pagename.startswith("modules/") and app.config.course_report_url:
        title = re.sub(r"<[^>]+>", "", context.get("title", pagename))
        url = app.config.course_report_url.replace("{page}", quote(f"{title} ({lang}/{pagename}.html)"))
        context["body"] += (f'<p class="course-report">{TEXT("report_ask", lang)} <a href="{url}">'
                            f'{TEXT("report_link", lang)}</a>; {TEXT("report_after", lang)}</p>')


def edition_links(pagename: str, lang: str) -> dict[str, str]:
    """The same page in every edition, as links relative to this page: English sits at the site's root, the
    others in fr/ and es/, page for page with the same names."""
    up = "../" * pagename.count("/") + ("" if lang == "en" else "../")
    return {other: f"{up}{'' if other == 'en' else other + '/'}{pagename}.html" for other in LANGUAGES}


def switch_html(pagename: str, lang: str) -> str:
    items = "".join(
        f'<li><a href="{href}" hreflang="{other}" lang="{other}">{NAMES[other]}</a></li>' if other != lang else
        f'<li><span aria-current="page" lang="{other}">{NAMES[other]}</span></li>'
        for other, href in edition_links(pagename, lang).items())
    return f'<nav class="course-languages" aria-label="{TEXT("languages", lang)}"><ul>{items}</ul></nav>'


def language_switch(app, pagename, templatename, context, doctree) -> None:
    """Every page links to itself in the other editions, at the top of the page and in the head (hreflang).
    The search and index pages, which have no body here, get the switch when the pages are written."""
    lang = _lang(app)
    links = edition_links(pagename, lang)
    if "body" in context:
        context["body"] = switch_html(pagename, lang) + context["body"]
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<link rel="alternate" hreflang="{other}" href="{href}" />' for other, href in links.items())


# Fixes to what the theme's templates write, applied to every page once it is written:
FIXES = [
    # Font Awesome's script (1.5 MB, 0.5 MB compressed) is hard-coded; the theme's CSS already draws the icons.
    (re.compile(r'<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>\s*'), ""),
    # The search button's aria-label ("Search", "Recherche", "Búsqueda") hides its visible text "Search Ctrl+K" from screen readers
    # (WCAG 2.5.3, label in name): let the visible text be its name.
    (re.compile(r'(<button[^>]*class="[^"]*search-button__button[^"]*"[^>]*?)\s+aria-label="[^"]*"'), r"\1"),
    # The navigation's toggles for sub-pages are <summary> elements with only an icon: give them a name.
    (re.compile(r'<summary>(<span class="toctree-toggle")'), r'<summary aria-label="{toggle}">\1'),
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

    fixes = [(pattern, replacement.replace("{toggle}", TEXT("toggle", _lang(app)))) for pattern, replacement in FIXES]
    fixes += theme_fixes(_lang(app))
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = text
        for pattern, replacement in fixes:
            fixed = pattern.sub(replacement, fixed)
        if page.name != "search.html":
            fixed = SEARCH_SCRIPTS.sub("", fixed)
        if 'class="course-languages"' not in fixed:
            pagename = page.relative_to(app.outdir).with_suffix("").as_posix()
            fixed = fixed.replace('<div class="bd-article-container">',
                                  '<div class="bd-article-container">' + switch_html(pagename, _lang(app)), 1)
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


def link_quiz_pages(app, doctree) -> None:
    """A module links to its quiz's release notebook (what JupyterLab opens); in the book the quiz is the page
    made from its spec (course/quiz/pages.py)."""
    from sphinx.addnodes import pending_xref

    for node in doctree.findall(pending_xref):
        # upr/upr in English, upr_fr/upr_fr in French: the page is quizzes/pages/upr in every edition.
        found = re.fullmatch(r"quizzes/release/(\w+?)((?:_fr|_es)?)/\1\2", node.get("reftarget", ""))
        if found:
            node["reftarget"] = f"quizzes/pages/{found.group(1)}"


def link_acronyms(app, doctree, docname) -> None:
    """Link the first use of each glossary acronym on a page to its glossary entry."""
    if docname == "glossary" or "glossary" not in app.env.found_docs:
        return
    from docutils import nodes

    from ..glossary_page import acronym_links

    links = acronym_links(lang=_lang(app))
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
                                       reftitle=TEXT("in_glossary", _lang(app), term=term))]
            last = match.end()
        if pieces:
            parent.replace(text, pieces + [nodes.Text(value[last:])])


def _ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def set_language(app, config) -> None:
    """Everything this build draws from the package (the glossary's acronyms, the kit's size) speaks the
    edition's language; the notebooks set theirs themselves."""
    from .. import i18n

    i18n.use(_lang(app))


def kit_size_substitution(app, config) -> None:
    """The set-up page states the learner kit's size ({{ kit_size }}), measured when the kit is built."""
    from pathlib import Path

    from .build import KIT_NAME, kit_size

    kit = Path(app.srcdir) / "_generated" / "downloads" / KIT_NAME
    config.myst_substitutions = {**config.myst_substitutions, "kit_size": kit_size(kit, _lang(app))}


def setup(app):
    app.add_config_value("course_report_url", "", "html")
    app.connect("config-inited", set_language)
    app.connect("config-inited", kit_size_substitution)
    # After every other handler, so that what they added is tidied too.
    app.connect("html-page-context", tidy_assets, priority=900)
    app.connect("html-page-context", download_bar)
    app.connect("html-page-context", language_switch, priority=600)  # after the download bar: it goes on top
    app.connect("doctree-read", link_quiz_pages)
    app.connect("doctree-resolved", link_acronyms)
    app.connect("build-finished", copy_quiz_notebooks)
    app.connect("build-finished", fix_pages)
    app.connect("build-finished", trim_icon_font)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
