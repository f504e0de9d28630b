"""How it's done: short passages of real documents, each cited and worked through for an NPM.

The passages live in data/excerpts.csv, one row each, with the source in data/sources.csv. A module page shows
its own with one call, `how_its_done("treaty_bodies")`: the passage as a quotation with its symbol, date and
link, then what it does, why it matters to an NPM and how an NPM used it or can use it.

In French and Spanish the passage is the official version of the same document in that language (quote_lang),
cited from its own source (quote_source_id); where it could not be checked, the English original is quoted and
marked as English."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import i18n
from ..kb import KnowledgeBase, Labels, load
from ..widgets.common import show_html
from ..widgets.views import esc

# An attributed quotation stays brief: enough to show how the body writes, never a reproduction of the text.
MAX_QUOTE_WORDS = 80
NOTE_TITLES = Labels(__name__ + ".NOTE_TITLES", {
    "what_it_does": {"en": "What the passage does", "fr": "Ce que fait le passage", "es": "Qué hace el pasaje"},
    "why_it_matters": {"en": "Why it matters to an NPM", "fr": "Pourquoi il compte pour un MNP",
                       "es": "Por qué importa a un MNP"},
    "how_to_use": {"en": "How an NPM can use it", "fr": "Comment un MNP peut s'en servir",
                   "es": "Cómo puede usarlo un MNP"},
})
TEXT = i18n.Text(__name__, {
    "undated": {"en": "undated web page, read on {date}", "fr": "page web non datée, consultée le {date}",
                "es": "página web sin fecha, consultada el {date}"},
    "model": {"en": "Model text written for this course, not a real document.",
              "fr": "Texte modèle rédigé pour ce cours, pas un document réel.",
              "es": "Texto modelo redactado para este curso, no un documento real."},
    "model_why": {"en": "No suitable real document could be confirmed for this step.",
                  "fr": "Aucun document réel adapté n'a pu être confirmé pour cette étape.",
                  "es": "No se pudo confirmar ningún documento real adecuado para esta etapa."},
})


class _Notes:
    """((column, title), ...) of the three notes, each title in the language in use when read."""

    def __iter__(self):
        return iter([(column, NOTE_TITLES[column]) for column in NOTE_TITLES])

    def __len__(self):
        return len(NOTE_TITLES)


NOTES = _Notes()


def quote_words(quote: str) -> int:
    """The words of a quotation, not counting the marks that stand for a cut."""
    return len([w for w in quote.split() if w not in ("[...]", "…")])


def excerpts(module_id: str, kb: KnowledgeBase | None = None) -> pd.DataFrame:
    table = (kb or load())["excerpts"]
    return table[table["module"] == module_id]


def document_date(excerpt, source) -> str:
    """The date the document bears, in words; an undated web page says so and gives the day it was read."""
    text = excerpt.date
    if not source.published and text == source.consulted.isoformat():
        return TEXT("undated", date=i18n.day(source.consulted))
    for fmt, words in (("%Y-%m-%d", i18n.day), ("%Y-%m", i18n.month)):
        try:
            return words(dt.datetime.strptime(text, fmt).date())
        except ValueError:
            continue
    return text  # a year alone


def excerpt_html(excerpt, source, quoted_from=None) -> str:
    """One passage as a blockquote citing symbol, date and link, then its three notes. quoted_from: the source of
    the passage's official version in the reader's language, when it has its own (excerpts.quote_source_id)."""
    page = i18n.language()
    label = ""
    if excerpt.kind == "model":
        label = f"<p><strong>{esc(TEXT('model'))}</strong> {esc(TEXT('model_why'))}</p>"
    quote_lang = getattr(excerpt, "quote_lang", "") or page
    marked = f' lang="{esc(quote_lang)}"' if quote_lang != page else ""
    paragraphs = "".join(f"<p>{esc(line)}</p>" for line in excerpt.quote.splitlines() if line.strip())
    url = (quoted_from if quoted_from is not None else source).url
    back = f' lang="{esc(page)}"' if marked else ""  # the citation is in the page's language
    # data/excerpts.csv writes the symbol in English (CAT/C/NOR/CO/8, para. 14; a statement's description)
    symbol_lang = ' lang="en"' if page != "en" else ""
    cite = (f'<footer{back}>— <cite{symbol_lang}><a href="{esc(url)}">{esc(excerpt.symbol)}</a></cite>, '
            f"{esc(document_date(excerpt, source))}</footer>")
    notes = "".join(f"<dt>{title}</dt><dd>{esc(getattr(excerpt, column))}</dd>" for column, title in NOTES)
    note = getattr(excerpt, "note", None)
    note = excerpt.note_en if note is None else note
    caveat = f"<p><em>{esc(note)}</em></p>" if note else ""
    return (f'<div class="how-its-done">{label}<blockquote{marked}>{paragraphs}{cite}</blockquote>'
            f"<dl>{notes}</dl>{caveat}</div>")


def how_its_done(module_id: str, kb: KnowledgeBase | None = None) -> None:
    """Show the module's real documents worked through, in the order of the table."""
    kb = kb or load()
    rows = excerpts(module_id, kb)
    if rows.empty:
        raise KeyError(f"data/excerpts.csv has no excerpt for module {module_id!r}")
    parts = []
    for e in rows.itertuples():
        official = getattr(e, "quote_source_id", "")
        quoted_from = kb.sources(official).iloc[0] if official else None
        parts.append(excerpt_html(e, kb.sources(e.source_id).iloc[0], quoted_from))
    show_html("".join(parts))
