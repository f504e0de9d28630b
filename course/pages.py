"""Page furniture drawn from data/: what a module covers, how old its figures are, and its sources."""
from __future__ import annotations

from .data import load
from .widgets.common import show_html
from .widgets.views import esc


def covers(module_id: str) -> None:
    """A line saying which bodies the module covers and the as-of dates of the figures it shows."""
    kb = load()
    bodies = kb.bodies(module=module_id)
    figures = kb.figures()[kb.figures()["body_id"].isin(bodies["id"])]
    names = ", ".join(f'<abbr title="{esc(b.name_en)}">{esc(b.acronym_en)}</abbr>' for b in bodies.itertuples())
    if figures.empty:
        dates = "no counts"
    else:
        oldest, newest = min(figures["as_of"]), max(figures["as_of"])
        dates = (f"figures as of {newest:%d %B %Y}" if oldest == newest
                 else f"figures as of dates from {oldest:%B %Y} to {newest:%B %Y}, each given beside its figure")
    show_html(f'<p class="course-meta"><strong>Bodies covered:</strong> {names}. <strong>Figures:</strong> {dates}.</p>')


def sources(module_id: str) -> None:
    """Every source behind the bodies, figures and cycles this module shows, as a list."""
    kb = load()
    bodies = kb.bodies(module=module_id)
    ids = set()
    for cell in bodies["source_ids"]:
        ids.update(cell)
    ids.update(kb.figures()[kb.figures()["body_id"].isin(bodies["id"])]["source_id"])
    cycles = kb["cycles"][kb["cycles"]["body_id"].isin(bodies["id"])]
    for table, key in (("cycles", "id"), ("paths", "cycle_id"), ("stages", "cycle_id")):
        rows = kb[table][kb[table][key].isin(cycles["id"])]
        for cell in rows["source_ids"]:
            ids.update(cell)
    stages = kb["stages"][kb["stages"]["cycle_id"].isin(cycles["id"])]
    for cell in kb["opportunities"][kb["opportunities"]["stage_id"].isin(stages["id"])]["source_ids"]:
        ids.update(cell)
    rows = kb.sources(sorted(ids)).sort_values("title")
    items = "".join(f'<li><a href="{esc(s.url)}">{esc(s.title)}</a>, {esc(s.publisher)}'
                    f'{", " + esc(s.published) if s.published else ""} (consulted {s.consulted:%d %B %Y}).</li>'
                    for s in rows.itertuples())
    show_html(f"<ul>{items}</ul>")
