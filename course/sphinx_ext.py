"""A small Sphinx extension for the book: keeps each page's scripts to what it needs, and puts each quiz's
notebook beside its page for download, and links module and quiz pages to the downloads.

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


FONTAWESOME_SCRIPT = re.compile(r'<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>\s*')


def drop_fontawesome_script(app, exception) -> None:
    """The theme's template hard-codes Font Awesome's script (1.5 MB); its CSS already draws the icons."""
    if exception is not None or app.builder.format != "html":
        return
    from pathlib import Path

    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        lighter = FONTAWESOME_SCRIPT.sub("", text)
        if lighter != text:
            page.write_text(lighter, encoding="utf-8")


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


def setup(app):
    # After every other handler, so that what they added is tidied too.
    app.connect("html-page-context", tidy_assets, priority=900)
    app.connect("html-page-context", download_bar)
    app.connect("build-finished", copy_quiz_notebooks)
    app.connect("build-finished", drop_fontawesome_script)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
