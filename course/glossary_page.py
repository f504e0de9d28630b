"""The glossary page: every term and acronym of the course, drawn from data/, each with an anchor other pages can
link to (`glossary.html#term-<id>`).

In French and Spanish each entry gives the term and its expansion in the language (EPU — Examen périodique
universel), then the English ones, marked as English (anglais : UPR, Universal Periodic Review), in the
language's alphabetical order, accents ignored. The anchors are the same in every edition: they come from the
entries' ids, made unique in the English order, so that links from any page keep working."""
from __future__ import annotations

import re
import unicodedata

import pandas as pd

from . import i18n
from .kb import KnowledgeBase, load
from .widgets.common import esc, knowledge, show_html, use_stylesheet

TEXT = i18n.Text(__name__, {
    "see_module": {"en": "See the module {link}.", "fr": "Voir le module {link}.", "es": "Vea el módulo {link}."},
    "source": {"en": "Source: {sources}.", "fr": "Source : {sources}.", "es": "Fuente: {sources}."},
    "letters": {"en": "Glossary letters", "fr": "Lettres du glossaire", "es": "Letras del glosario"},
    "count": {"en": "{n} entries: the course's terms, and the acronym of every body it covers, each with its source.",
              "fr": "{n} entrées : les termes du cours et le sigle de chaque organe qu'il présente, chacun avec sa "
                    "source.",
              "es": "{n} entradas: los términos del curso y la sigla de cada órgano que trata, cada una con su "
                    "fuente."},
    "english": {"en": "English", "fr": "anglais", "es": "inglés"},
    "in_english": {"en": "({english}: {words})", "fr": "({english} : {words})", "es": "({english}: {words})"},
})
ACRONYM = re.compile(r"[A-ZÀ-Ý][A-Za-zÀ-ÿ]*[A-ZÀ-Ý][A-Za-zÀ-ÿ]*")


def anchor(entry_id: str) -> str:
    """The HTML id of a glossary entry: term-<id>, with only characters safe in a URL fragment."""
    return "term-" + re.sub(r"[^a-z0-9_-]", "-", entry_id.lower())


def entry_anchors(entries) -> list[str]:
    """The HTML id of each entry, in order: its anchor, made unique where a glossary id and a body id coincide."""
    seen: set[str] = set()
    out = []
    for entry_id in entries["id"]:
        ident = anchor(entry_id)
        while ident in seen:
            ident += "-2"
        seen.add(ident)
        out.append(ident)
    return out


def sort_key(text: str) -> str:
    """The alphabetical order of the reader's language, accents and case ignored (É files with E)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.casefold()


def entries(kb: KnowledgeBase) -> pd.DataFrame:
    """Every entry of kb.glossary_entries() (same entries, same anchors in every language), with its term,
    expansion and definition in the reader's language (term, expansion, definition) beside the English ones,
    its HTML id (ident), sorted in the language's alphabetical order."""
    english = kb.glossary_entries()
    english = english.assign(ident=entry_anchors(english))
    glossary = kb["glossary"].set_index("id")
    bodies = kb["bodies"].set_index("id")
    terms, expansions, definitions = [], [], []
    for e in english.to_dict("records"):
        from_glossary = e["id"] in glossary.index and glossary.at[e["id"], "term_en"] == e["term_en"]
        if from_glossary:
            row = glossary.loc[e["id"]]
            terms.append(row["term"]), expansions.append(row["expansion"]), definitions.append(row["definition"])
        else:
            row = bodies.loc[e["body_id"]]
            terms.append(row["acronym"]), expansions.append(row["name"]), definitions.append(row["functions"])
    out = english.assign(term=terms, expansion=expansions, definition=definitions)
    if i18n.language() == "en":
        return out.reset_index(drop=True)
    return out.iloc[sorted(range(len(out)), key=lambda i: (sort_key(out["term"].iat[i]), i))].reset_index(drop=True)


def acronym_links(kb: KnowledgeBase | None = None, lang: str | None = None) -> dict[str, str]:
    """{acronym: its entry's HTML id} for every acronym in the glossary (terms written in capitals), in LANG
    (default: the language in use): EPU in French, EPU in Spanish, UPR in English, all to #term-upr."""
    lang = lang or i18n.language()
    kb = kb if kb is not None else load(lang=lang)
    before = i18n.language()
    i18n.use(lang)
    try:
        table = entries(kb)
    finally:
        i18n.use(before)
    return {term: ident for term, ident in zip(table["term"], table["ident"]) if ACRONYM.fullmatch(term)}


def _heading(e: dict) -> str:
    """The entry's term and expansion: as they are in English; in French and Spanish, followed by the English."""
    if i18n.language() == "en":
        expansion = f" <span>({esc(e['expansion'])})</span>" if e["expansion"] else ""
        return f"<strong>{esc(e['term'])}</strong>{expansion}"
    expansion = f" — {esc(e['expansion'])}" if e["expansion"] else ""
    english = [x for x in (e["term_en"], e["expansion_en"]) if x]
    if e["term_en"] == e["term"] and e["expansion_en"]:
        english = [e["expansion_en"]]
    words = f'<span lang="en">{esc(", ".join(english))}</span>'
    return (f"<strong>{esc(e['term'])}</strong>{expansion} "
            f"<span>{TEXT('in_english', english=esc(TEXT('english')), words=words)}</span>")


def glossary_html(kb: KnowledgeBase | None = None) -> str:
    kb = knowledge(kb)
    table = entries(kb)
    modules = kb["modules"].set_index("id")
    bodies = kb["bodies"].set_index("id")
    items, letters = [], []
    for e in table.to_dict("records"):
        letter = sort_key(e["term"][:1]).upper()
        heading = ""
        if letter not in letters:
            letters.append(letter)
            heading = f'<h2 id="letter-{esc(letter.lower())}">{esc(letter)}</h2>'
        more = []
        if e["body_id"] and e["body_id"] in bodies.index and bodies.at[e["body_id"], "module"]:
            m = bodies.at[e["body_id"], "module"]
            link = f'<a href="{esc(modules.at[m, "path"])}.html">{esc(modules.at[m, "title"])}</a>'
            more.append(TEXT("see_module", link=link))
        sources = "; ".join(f'<a href="{esc(s["url"])}"{_lang(s)}>{esc(s["title"])}</a>'
                            for s in kb.sources(e["source_ids"]).to_dict("records"))
        more.append(TEXT("source", sources=sources))
        items.append(f'{heading}<dl class="course-glossary"><dt id="{e["ident"]}">{_heading(e)}</dt>'
                     f'<dd>{esc(e["definition"])}<br><span class="course-meta">{" ".join(more)}'
                     f"</span></dd></dl>")
    nav = " · ".join(f'<a href="#letter-{esc(x.lower())}">{esc(x)}</a>' for x in letters)
    return (f'<nav aria-label="{esc(TEXT("letters"))}"><p>{nav}</p></nav>'
            f'<p class="course-meta">{esc(TEXT("count", n=len(table)))}</p>{"".join(items)}')


def _lang(source: dict) -> str:
    language = source.get("language", "")
    return f' lang="{esc(language)}"' if language and language != i18n.language() else ""


def glossary(kb: KnowledgeBase | None = None) -> None:
    """Show the whole glossary (the one line in glossary.ipynb)."""
    use_stylesheet()
    show_html(glossary_html(kb))


__all__ = ["acronym_links", "anchor", "entries", "entry_anchors", "glossary", "glossary_html", "sort_key"]
