"""The glossary page: every term and acronym of the course, drawn from data/, each with an anchor other pages can
link to (`glossary.html#term-<id>`)."""
from __future__ import annotations

import re

from .kb import KnowledgeBase
from .widgets.common import esc, knowledge, show_html, use_stylesheet


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


def acronym_links(kb: KnowledgeBase | None = None) -> dict[str, str]:
    """{acronym: its entry's HTML id} for every acronym in the glossary (terms written in capitals)."""
    entries = knowledge(kb).glossary_entries()
    return {term: ident for term, ident in zip(entries["term_en"], entry_anchors(entries))
            if re.fullmatch(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*", term)}


def glossary_html(kb: KnowledgeBase | None = None) -> str:
    kb = knowledge(kb)
    entries = kb.glossary_entries()
    modules = kb["modules"].set_index("id")
    bodies = kb["bodies"].set_index("id")
    items, letters = [], []
    for e, ident in zip(entries.itertuples(), entry_anchors(entries)):
        letter = e.term_en[:1].upper()
        heading = ""
        if letter not in letters:
            letters.append(letter)
            heading = f'<h2 id="letter-{esc(letter.lower())}">{esc(letter)}</h2>'
        expansion = f" <span>({esc(e.expansion_en)})</span>" if e.expansion_en else ""
        more = []
        if e.body_id and e.body_id in bodies.index and bodies.at[e.body_id, "module"]:
            m = bodies.at[e.body_id, "module"]
            more.append(f'See the module <a href="{esc(modules.at[m, "path"])}.html">{esc(modules.at[m, "title_en"])}</a>.')
        sources = "; ".join(f'<a href="{esc(s.url)}">{esc(s.title)}</a>' for s in kb.sources(e.source_ids).itertuples())
        more.append(f"Source: {sources}.")
        items.append(f'{heading}<dl class="course-glossary"><dt id="{ident}"><strong>{esc(e.term_en)}</strong>'
                     f'{expansion}</dt><dd>{esc(e.definition_en)}<br><span class="course-meta">{" ".join(more)}'
                     f"</span></dd></dl>")
    nav = " · ".join(f'<a href="#letter-{esc(x.lower())}">{esc(x)}</a>' for x in letters)
    return (f'<nav aria-label="Glossary letters"><p>{nav}</p></nav>'
            f'<p class="course-meta">{len(entries)} entries: the course\'s terms, and the acronym of every body it '
            f'covers, each with its source.</p>{"".join(items)}')


def glossary(kb: KnowledgeBase | None = None) -> None:
    """Show the whole glossary (the one line in glossary.ipynb)."""
    use_stylesheet()
    show_html(glossary_html(kb))
