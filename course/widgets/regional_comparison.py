"""The regional comparison: the CPT, the IACHR and the CPTA side by side, one aspect at a time.

The facts come from data/comparisons.csv (one row = one aspect of one body). In the static book a Dropdown of
aspects is linked in the browser (`jslink`) to a Stack holding one pre-rendered side-by-side view per aspect,
and a searchable table lists every aspect of every body. Where a kernel runs, the learner can pick several
aspects and bodies at once and narrow the view with a keyword.
"""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..kb import KnowledgeBase, load
from .common import searchable_table, show_html, static_book
from .views import esc, source_links

BODIES = ("cpt", "iachr", "cpta")
# Labels of the aspects, in the order the learner meets them (the allowed values are in datapackage.json).
ASPECT_LABELS = {
    "founding": "Founding instrument",
    "coverage": "Who and where it covers",
    "visits": "Visits",
    "publication": "Publication of findings",
    "npm_role": "What an NPM can do",
    "urgent": "Urgent measures",
}

CSS = """<style>
.course-compare{border-collapse:collapse;width:100%;table-layout:fixed}
.course-compare caption{text-align:left;font-weight:bold;font-size:1.1em;margin-bottom:.4em}
.course-compare th,.course-compare td{border:1px solid #c6c9cc;padding:.5em .6em;vertical-align:top;text-align:left}
.course-compare thead th{background:#e8f0fa;color:#0b3d6e}
.course-compare tbody th{background:#f4f5f6}
.course-compare thead th:first-child{width:9em}
.course-compare .course-meta{display:block;margin-top:.4em;font-size:.85em;color:#5f6368}
</style>"""


def aspect_label(aspect: str) -> str:
    return ASPECT_LABELS.get(aspect, aspect.replace("_", " ").capitalize())


def comparison_rows(kb: KnowledgeBase, aspects=None, bodies=None, keyword: str = "") -> pd.DataFrame:
    """The comparison rows for the chosen aspects and bodies, in the course's order of aspects and bodies.

    A keyword keeps the aspects in which any chosen body's text (or the aspect's label) contains it, so that a
    match always shows the whole row of the comparison."""
    df = kb["comparisons"]
    bodies = list(bodies) if bodies else list(BODIES)
    aspects = list(aspects) if aspects else aspect_order(kb)
    df = df[df["body_id"].isin(bodies) & df["aspect"].isin(aspects)]
    word = keyword.strip().casefold()
    if word:
        hit = df["text_en"].str.casefold().str.contains(word, regex=False) | df["aspect"].map(
            lambda a: word in aspect_label(a).casefold())
        df = df[df["aspect"].isin(set(df.loc[hit, "aspect"]))]
    order_a = {a: i for i, a in enumerate(aspect_order(kb))}
    order_b = {b: i for i, b in enumerate(bodies)}
    return df.assign(_a=df["aspect"].map(order_a), _b=df["body_id"].map(order_b)).sort_values(["_a", "_b"]).drop(
        columns=["_a", "_b"]).reset_index(drop=True)


def aspect_order(kb: KnowledgeBase) -> list[str]:
    """The aspects present in the table: first those with a label (in that order), then any others."""
    present = list(dict.fromkeys(kb["comparisons"]["aspect"]))
    return [a for a in ASPECT_LABELS if a in present] + [a for a in present if a not in ASPECT_LABELS]


def side_by_side(kb: KnowledgeBase, aspects=None, bodies=None, keyword: str = "", caption: str | None = None) -> str:
    """An accessible HTML table: one column per body, one row per aspect, each cell with its sources."""
    bodies = list(bodies) if bodies else list(BODIES)
    rows = comparison_rows(kb, aspects, bodies, keyword)
    if rows.empty:
        return '<p class="course-meta">Nothing matches: choose another aspect or clear the keyword.</p>'
    shown = [a for a in dict.fromkeys(rows["aspect"])]
    cells = {(r.aspect, r.body_id): r for r in rows.itertuples()}
    head = "".join(
        f'<th scope="col"><abbr title="{esc(kb.body(b)["name_en"])}">{esc(kb.body(b)["acronym_en"])}</abbr><br>'
        f'<span style="font-weight:normal">{esc(kb.body(b)["name_en"])}</span></th>' for b in bodies)
    body_rows = []
    for a in shown:
        tds = []
        for b in bodies:
            r = cells.get((a, b))
            if r is None:
                tds.append("<td>Not recorded in the course's tables.</td>")
            else:
                tds.append(f'<td>{esc(r.text_en)}<span class="course-meta">Sources: '
                           f'{source_links(kb, r.source_ids)}</span></td>')
        body_rows.append(f'<tr><th scope="row">{esc(aspect_label(a))}</th>{"".join(tds)}</tr>')
    title = caption or ("Compared: " + ", ".join(aspect_label(a) for a in shown))
    return (f'<table class="course-compare"><caption>{esc(title)}</caption>'
            f'<thead><tr><th scope="col">Aspect</th>{head}</tr></thead><tbody>{"".join(body_rows)}</tbody></table>')


def long_table(kb: KnowledgeBase, bodies=None) -> pd.DataFrame:
    """Every aspect of every body as one row each, for the searchable table of the static book."""
    rows = comparison_rows(kb, bodies=bodies)
    names = {b: kb.body(b)["acronym_en"] for b in rows["body_id"].unique()}
    return pd.DataFrame({
        "Aspect": rows["aspect"].map(aspect_label),
        "Body": rows["body_id"].map(names),
        "What we know": rows["text_en"],
        "Sources": rows["source_ids"].map(lambda ids: "; ".join(kb.sources(ids)["title"])),
    })


class RegionalComparison:
    """Static: a Dropdown of aspects jslinked to a Stack of side-by-side views. Live: pick several aspects,
    bodies and a keyword, and the view is redrawn."""

    def __init__(self, live: bool, bodies=BODIES):
        self.kb = load()
        self.bodies = list(bodies)
        self.aspects = aspect_order(self.kb)
        self.links: list = []
        self.picker = self.stack = None
        self.aspect_select = self.body_select = self.keyword = self.view = None
        if live:
            labels = [(aspect_label(a), a) for a in self.aspects]
            self.aspect_select = w.SelectMultiple(options=labels, value=tuple(self.aspects[:2]), rows=len(labels),
                                                  description="Aspects", style={"description_width": "initial"})
            self.body_select = w.SelectMultiple(
                options=[(f"{self.kb.body(b)['acronym_en']}: {self.kb.body(b)['name_en']}", b) for b in self.bodies],
                value=tuple(self.bodies), rows=len(self.bodies), description="Bodies",
                style={"description_width": "initial"}, layout=w.Layout(width="32em"))
            self.keyword = w.Text(placeholder="e.g. consent, publish, Robben", description="Keyword")
            self.help = w.HTML('<span class="course-meta">Hold Ctrl (Cmd on a Mac) or Shift to choose several; '
                               'with no aspect chosen, all are shown.</span>')
            self.view = w.HTML()
            for control in (self.aspect_select, self.body_select, self.keyword):
                control.observe(self._redraw, names="value")
            self._redraw()
        else:
            views = [w.HTML(side_by_side(self.kb, [a], self.bodies, caption=aspect_label(a))) for a in self.aspects]
            self.stack = w.Stack(views, selected_index=0)
            self.picker = w.Dropdown(options=[(aspect_label(a), i) for i, a in enumerate(self.aspects)], value=0,
                                     description="Compare", style={"description_width": "initial"})
            self.links.append(w.jslink((self.picker, "index"), (self.stack, "selected_index")))

    def _redraw(self, _change=None):
        bodies = [b for b in self.bodies if b in self.body_select.value] or self.bodies
        self.view.value = side_by_side(self.kb, list(self.aspect_select.value) or None, bodies, self.keyword.value)

    def widget(self) -> w.Widget:
        if self.view is not None:
            controls = w.HBox([self.aspect_select, self.body_select], layout=w.Layout(flex_flow="row wrap"))
            return w.VBox([controls, self.help, self.keyword, self.view])
        return w.VBox([self.picker, self.stack])


def regional_comparison(bodies=BODIES) -> None:
    """Show the comparison of regional monitoring bodies, e.g. regional_comparison()."""
    from IPython.display import display

    live = not static_book()
    show_html(CSS)
    display(RegionalComparison(live, bodies).widget())
    if not live:
        searchable_table(long_table(load(), bodies),
                         caption="Every aspect of every body: type in the search box to filter, click a heading to sort")
