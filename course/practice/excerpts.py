"""How it's done: short passages of real documents, each cited and worked through for an NPM.

The passages live in data/excerpts.csv, one row each, with the source in data/sources.csv. A module page shows
its own with one call, `how_its_done("treaty_bodies")`: the passage as a quotation with its symbol, date and
link, then what it does, why it matters to an NPM and how an NPM used it or can use it.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..kb import load
from ..widgets.common import show_html
from ..widgets.views import esc

# An attributed quotation stays brief: enough to show how the body writes, never a reproduction of the text.
MAX_QUOTE_WORDS = 80
NOTES = [("what_it_does", "What the passage does"),
         ("why_it_matters", "Why it matters to an NPM"),
         ("how_to_use", "How an NPM can use it")]


def quote_words(quote: str) -> int:
    """The words of a quotation, not counting the marks that stand for a cut."""
    return len([w for w in quote.split() if w not in ("[...]", "…")])


def excerpts(module_id: str) -> pd.DataFrame:
    table = load()["excerpts"]
    return table[table["module"] == module_id]


def document_date(excerpt, source) -> str:
    """The date the document bears, in words; an undated web page says so and gives the day it was read."""
    text = excerpt.date
    if not source.published and text == source.consulted.isoformat():
        return f"undated web page, read on {source.consulted:%d %B %Y}"
    for fmt, out in (("%Y-%m-%d", "%d %B %Y"), ("%Y-%m", "%B %Y")):
        try:
            return dt.datetime.strptime(text, fmt).strftime(out).lstrip("0")
        except ValueError:
            continue
    return text  # a year alone


def excerpt_html(excerpt, source) -> str:
    """One passage as a blockquote citing symbol, date and link, then its three notes."""
    label = ""
    if excerpt.kind == "model":
        label = ('<p><strong>Model text written for this course, not a real document.</strong> No suitable real '
                 'document could be confirmed for this step.</p>')
    paragraphs = "".join(f"<p>{esc(line)}</p>" for line in excerpt.quote.splitlines() if line.strip())
    cite = (f'<footer>— <cite><a href="{esc(source.url)}">{esc(excerpt.symbol)}</a></cite>, '
            f"{esc(document_date(excerpt, source))}</footer>")
    notes = "".join(f"<dt>{title}</dt><dd>{esc(getattr(excerpt, column))}</dd>" for column, title in NOTES)
    caveat = f"<p><em>{esc(excerpt.note_en)}</em></p>" if excerpt.note_en else ""
    return (f'<div class="how-its-done">{label}<blockquote>{paragraphs}{cite}</blockquote>'
            f"<dl>{notes}</dl>{caveat}</div>")


def how_its_done(module_id: str) -> None:
    """Show the module's real documents worked through, in the order of the table."""
    kb = load()
    rows = excerpts(module_id)
    if rows.empty:
        raise KeyError(f"data/excerpts.csv has no excerpt for module {module_id!r}")
    show_html("".join(excerpt_html(e, kb.sources(e.source_id).iloc[0]) for e in rows.itertuples()))
