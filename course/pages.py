"""Page furniture drawn from data/: what a module covers, how old its figures are, and its sources."""
from __future__ import annotations

from . import i18n
from .kb import KnowledgeBase
from .widgets.common import day, knowledge
from .widgets.sources import module_source_ids, source_list

TEXT = i18n.Text(__name__, {
    "all_bodies": {"en": "**Bodies covered:** all {n} bodies in the course's tables. **Figures:** each shown beside "
                         "its as-of date.",
                   "fr": "**Organes couverts :** les {n} organes des tableaux du cours. **Chiffres :** chacun "
                         "présenté avec sa date de référence.",
                   "es": "**Órganos tratados:** los {n} órganos de las tablas del curso. **Cifras:** cada una "
                         "junto a su fecha de referencia."},
    "none_shown": {"en": "none shown", "fr": "aucun n'est présenté", "es": "no se muestra ninguna"},
    "as_of": {"en": "as of {date}", "fr": "au {date}", "es": "a fecha de {date}"},
    "range": {"en": "as of dates from {oldest} to {newest}, each given beside its figure",
              "fr": "à des dates allant de {oldest} à {newest}, chacune indiquée à côté de son chiffre",
              "es": "con fechas de referencia de {oldest} a {newest}, cada una indicada junto a su cifra"},
    "covers": {"en": "**Bodies covered:** {names}. **Figures:** {dates}.",
               "fr": "**Organes couverts :** {names}. **Chiffres :** {dates}.",
               "es": "**Órganos tratados:** {names}. **Cifras:** {dates}."},
})


def covers(module_id: str, kb: KnowledgeBase | None = None) -> None:
    """A line saying which bodies the module covers and the as-of dates of the figures it shows."""
    kb = knowledge(kb)
    bodies = kb.bodies(module=module_id)
    from IPython.display import Markdown, display

    if bodies.empty:  # orientation and planning draw on every body rather than a family of their own
        display(Markdown(TEXT("all_bodies", n=len(kb["bodies"]))))
        return
    display(Markdown(covers_text(kb, bodies)))


def covers_text(kb: KnowledgeBase, bodies) -> str:
    figures = kb.figures()[kb.figures()["body_id"].isin(bodies["id"])]
    # Full names and acronyms in the page text, so that the book's search finds the page by either.
    names = "; ".join(f"{b['name']} ({b['acronym']})" for b in bodies.to_dict("records"))
    if figures.empty:
        dates = TEXT("none_shown")
    else:
        oldest, newest = min(figures["as_of"]), max(figures["as_of"])
        dates = (TEXT("as_of", date=day(newest)) if oldest == newest
                 else TEXT("range", oldest=month(oldest), newest=month(newest)))
    # Markdown, not HTML: the book parses it into text that its search index holds.
    return TEXT("covers", names=names, dates=dates)


def month(date) -> str:
    """July 2020 (juillet 2020, julio de 2020)."""
    return i18n.month(date)


def sources(module_id: str, kb: KnowledgeBase | None = None) -> None:
    """Every source behind this module, as a list."""
    source_list(module_source_ids(module_id, kb), kb)
