"""A small Sphinx extension for the book: keeps each page's scripts to what it needs, and puts each quiz's
notebook beside its page for download.

Jupyter Book 1 registers some scripts twice (a second copy of a `const` declaration is a console error), and
loads Thebe's configuration although the book has no live code cells. This removes the repeats and Thebe.
"""
from __future__ import annotations


def _key(asset) -> tuple:
    return (str(asset.filename), tuple(sorted((k, str(v)) for k, v in asset.attributes.items())))


def _is_thebe(asset) -> bool:
    return "thebe" in str(asset.filename) or "THEBE" in str(asset.attributes.get("body", ""))


def tidy_assets(app, pagename, templatename, context, doctree) -> None:
    for name in ("script_files", "css_files"):
        seen, kept = set(), []
        for asset in context.get(name, []):
            if _key(asset) in seen or _is_thebe(asset):
                continue
            seen.add(_key(asset))
            kept.append(asset)
        context[name] = kept


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
    app.connect("build-finished", copy_quiz_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
