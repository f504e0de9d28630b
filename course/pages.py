"""Page furniture drawn from data/: what a module covers, how old its figures are, and its sources."""
from __future__ import annotations

from .kb import KnowledgeBase
from .widgets.common import knowledge
from .widgets.sources import module_source_ids, source_list


def covers(module_id: str, kb: KnowledgeBase | None = None) -> None:
    """A line saying which bodies the module covers and the as-of dates of the figures it shows."""
    kb = knowledge(kb)
    bodies = kb.bodies(module=module_id)
    from IPython.display import Markdown, display

    if bodies.empty:  # orientation and planning draw on every body rather than a family of their own
        display(Markdown(f"**Bodies covered:** all {len(kb['bodies'])} bodies in the course's tables. "
                         "**Figures:** each shown beside its as-of date."))
        return
    figures = kb.figures()[kb.figures()["body_id"].isin(bodies["id"])]
    # Full names and acronyms in the page text, so that the book's search finds the page by either.
    names = "; ".join(f"{b.name_en} ({b.acronym_en})" for b in bodies.itertuples())
    if figures.empty:
        dates = "none shown"
    else:
        oldest, newest = min(figures["as_of"]), max(figures["as_of"])
        dates = (f"as of {newest:%d %B %Y}" if oldest == newest
                 else f"as of dates from {oldest:%B %Y} to {newest:%B %Y}, each given beside its figure")
    # Markdown, not HTML: the book parses it into text that its search index holds.
    display(Markdown(f"**Bodies covered:** {names}. **Figures:** {dates}."))


def sources(module_id: str, kb: KnowledgeBase | None = None) -> None:
    """Every source behind what this module shows, as a list."""
    source_list(module_source_ids(module_id, kb), kb)
