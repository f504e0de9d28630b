"""Page furniture drawn from data/: what a module covers, how old its figures are, and its sources."""
from __future__ import annotations

from .data import load
from .widgets.common import show_html
from .widgets.views import esc


def covers(module_id: str) -> None:
    """A line saying which bodies the module covers and the as-of dates of the figures it shows."""
    kb = load()
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


def module_source_ids(module_id: str) -> set[str]:
    """The sources of every row the module shows: its bodies, and every row that hangs from them by
    body_id, cycle_id or stage_id in any table (figures, comparisons, cycles, paths, stages, opportunities)."""
    kb = load()
    keys = {"body_id": set(kb.bodies(module=module_id)["id"])}
    keys["cycle_id"] = set(kb["cycles"][kb["cycles"]["body_id"].isin(keys["body_id"])]["id"])
    keys["stage_id"] = set(kb["stages"][kb["stages"]["cycle_id"].isin(keys["cycle_id"])]["id"])
    ids: set[str] = set()
    for name, table in kb.tables.items():
        rows = table[table["id"].isin(keys["body_id"])] if name == "bodies" else None
        for key, wanted in keys.items():
            if key in table.columns and name != "glossary":
                hit = table[table[key].isin(wanted)]
                rows = hit if rows is None else rows.combine_first(hit)
        if rows is None or rows.empty:
            continue
        if "source_ids" in rows.columns:
            for cell in rows["source_ids"]:
                ids.update(cell)
        if "source_id" in rows.columns:
            ids.update(rows["source_id"].dropna())
    return ids


def table_source_ids(*tables: str) -> set[str]:
    """The sources cited by every row of the given tables."""
    kb = load()
    ids: set[str] = set()
    for table in tables:
        for cell in kb[table]["source_ids"]:
            ids.update(cell)
    return ids


def sources(module_id: str) -> None:
    """Every source behind what this module shows, as a list."""
    source_list(module_source_ids(module_id))


def source_list(ids) -> None:
    """The given sources as a list, by title, each with its publisher and the date we consulted it."""
    if not ids:
        return
    rows = load().sources(sorted(ids)).sort_values("title")
    items = "".join(f'<li><a href="{esc(s.url)}">{esc(s.title)}</a>, {esc(s.publisher)}'
                    f'{", " + esc(s.published) if s.published else ""} (consulted {s.consulted:%d %B %Y}).</li>'
                    for s in rows.itertuples())
    show_html(f"<ul>{items}</ul>")
