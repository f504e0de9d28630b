"""The landscape explorer: every body in data/, with a keyword box and filters by kind, system, region and type
of engagement, each body linked to the module that covers it.

Live (a kernel), the filters and the keyword narrow the list at once. In the static book there is no kernel: a
"Show" list, linked to a Stack of pre-rendered tables with `jslink`, picks one system at a time in the browser,
and a searchable, sortable table holds every body with the same links.
"""
from __future__ import annotations

import posixpath

import ipywidgets as w
import pandas as pd

from ..kb import KnowledgeBase, load
from ..planner import ACTION_LABELS, path_body
from .common import show_html, static_book
from .views import esc

CSS = """<style>
.course-landscape table{border-collapse:collapse;width:100%;font-size:.92em}
.course-landscape th,.course-landscape td{border-bottom:1px solid #dadce0;padding:.3em .5em;text-align:left;vertical-align:top}
.course-landscape .course-meta{color:#5f6368;font-size:.9em}
</style>"""

FILTERS = (("kind", "Kind"), ("system", "System"), ("region", "Region"), ("engagement", "Type of engagement"))
SYSTEM_NAMES = {"un": "United Nations", "coe": "Council of Europe", "oas": "Organization of American States",
                "au": "African Union", "network": "Networks of oversight bodies"}


def label(column: str, value: str) -> str:
    if column == "system":
        return SYSTEM_NAMES.get(value, value.upper())
    if column == "engagement":
        return ACTION_LABELS.get(value, value.replace("_", " "))
    if column == "region":
        return {"asia_pacific": "Asia-Pacific"}.get(value, value.capitalize())
    text = value.replace("_", " ")
    return "UN entity" if text == "un entity" else text


def engagement_types(kb: KnowledgeBase) -> dict[str, list[str]]:
    """For each body, the types of engagement (opportunities.action) that the course's cycles offer with it.

    A body gets the actions of the cycle paths it runs, and of those its parent runs (a Special Rapporteur takes
    part in the Special Procedures' country visits; the IACHR's rapporteurship in the IACHR's work)."""
    stages, opportunities = kb["stages"], kb["opportunities"]
    own: dict[str, set[str]] = {}
    for path in kb["paths"].itertuples():
        body = path_body(kb, path.id).name
        stage_ids = stages[stages["path_ids"].apply(lambda ps: path.id in ps)]["id"]
        own.setdefault(body, set()).update(opportunities[opportunities["stage_id"].isin(stage_ids)]["action"])
    out = {}
    for b in kb["bodies"].itertuples():
        actions = set(own.get(b.id, set())) | (own.get(b.parent_id, set()) if b.parent_id else set())
        out[b.id] = sorted(actions, key=lambda a: label("engagement", a))
    return out


def module_link(kb: KnowledgeBase, module_id: str, live: bool, here: str = "modules") -> str:
    """A link from a page in `here` to the module's page: <id>.html in the book, <id>.ipynb in JupyterLab."""
    if not module_id:
        return ""
    row = kb["modules"].set_index("id").loc[module_id]
    target = posixpath.relpath(row["path"], here) + (".ipynb" if live else ".html")
    return f'<a href="{esc(target)}">{esc(row["title_en"])}</a>'


def landscape_table(kb: KnowledgeBase, live: bool) -> pd.DataFrame:
    """One row per body with everything the explorer filters on and shows."""
    bodies = kb["bodies"].reset_index(drop=True)
    types = engagement_types(kb)
    return pd.DataFrame({
        "id": bodies["id"], "acronym": bodies["acronym_en"], "name": bodies["name_en"], "kind": bodies["kind"],
        "system": bodies["system"], "region": bodies["region"],
        "engagement": [types[b] for b in bodies["id"]],
        "text": (bodies["acronym_en"] + " " + bodies["name_en"] + " " + bodies["functions_en"] + " "
                 + bodies["npm_relevance_en"] + " " + bodies["seat_en"]).str.casefold(),
        "relevance": bodies["npm_relevance_en"],
        "module": [module_link(kb, m, live) for m in bodies["module"]],
    })


def rows_html(table: pd.DataFrame, caption: str) -> str:
    if table.empty:
        return "<p>No body matches: clear a filter or try another word.</p>"
    rows = "".join(
        f'<tr><th scope="row">{esc(r.acronym)}</th><td>{esc(r.name)}<br><span class="course-meta">{esc(r.relevance)}'
        f'</span></td><td>{esc(label("kind", r.kind))}</td><td>{esc(label("system", r.system))}</td>'
        f'<td>{esc(label("region", r.region))}</td>'
        f'<td>{esc(", ".join(label("engagement", a) for a in r.engagement)) or "—"}</td><td>{r.module}</td></tr>'
        for r in table.itertuples())
    return (f'<table><caption>{esc(caption)}</caption><thead><tr><th scope="col">Acronym</th>'
            '<th scope="col">Body and why it matters to an NPM</th><th scope="col">Kind</th><th scope="col">System</th>'
            '<th scope="col">Region</th><th scope="col">Ways to engage (in the course\'s cycles)</th>'
            f'<th scope="col">Module</th></tr></thead><tbody>{rows}</tbody></table>')


class LandscapeExplorer:
    """Live: keyword and four filters over every body. Static: a list of systems jslinked to a Stack of tables."""

    def __init__(self, live: bool):
        self.kb = load()
        self.live = live
        self.table = landscape_table(self.kb, live)
        self.filters: dict[str, w.Dropdown] = {}
        self.keyword = None
        self.links: list = []
        if live:
            for column, title in FILTERS:
                if column == "engagement":
                    values = sorted({a for actions in self.table["engagement"] for a in actions},
                                    key=lambda a: label(column, a))
                else:
                    values = sorted(self.table[column].unique(), key=lambda v: label(column, v))
                self.filters[column] = w.Dropdown(options=[("all", None)] + [(label(column, v), v) for v in values],
                                                  description=title, style={"description_width": "initial"})
            self.keyword = w.Text(placeholder="e.g. children, visits, Geneva", description="Keyword")
            self.count = w.HTML()
            self.results = w.HTML()
            for control in [*self.filters.values(), self.keyword]:
                control.observe(self._refilter, names="value")
            self._refilter()
        else:
            groups = [("All bodies", None)] + [(SYSTEM_NAMES.get(s, s), s) for s in
                                               sorted(self.table["system"].unique(), key=lambda s: label("system", s))]
            self.views = [w.HTML(f'<div class="course-landscape">{rows_html(self._group(s), name)}</div>')
                          for name, s in groups]
            self.stack = w.Stack(self.views, selected_index=0)
            self.picker = w.Dropdown(options=[(name, i) for i, (name, _) in enumerate(groups)], value=0,
                                     description="Show", style={"description_width": "initial"})
            self.links.append(w.jslink((self.picker, "index"), (self.stack, "selected_index")))

    def _group(self, system):
        return self.table if system is None else self.table[self.table["system"] == system]

    def matches(self) -> pd.DataFrame:
        keep = pd.Series(True, index=self.table.index)
        for column, control in self.filters.items():
            if control.value is not None:
                if column == "engagement":
                    keep &= self.table["engagement"].apply(lambda actions, v=control.value: v in actions)
                else:
                    keep &= self.table[column] == control.value
        word = (self.keyword.value if self.keyword else "").strip().casefold()
        if word:
            keep &= self.table["text"].str.contains(word, regex=False)
        return self.table[keep]

    def _refilter(self, _change=None):
        shown = self.matches()
        self.count.value = f"<span class='course-meta' role='status'>{len(shown)} of {len(self.table)} bodies shown</span>"
        self.results.value = f'<div class="course-landscape">{rows_html(shown, "Bodies that match")}</div>'

    def widget(self) -> w.Widget:
        if self.live:
            return w.VBox([w.HBox(list(self.filters.values()), layout=w.Layout(flex_flow="row wrap")),
                           self.keyword, self.count, self.results])
        return w.VBox([self.picker, self.stack])


def landscape_explorer() -> None:
    """Show the landscape of actors: live filters in a kernel; in the book, views by system plus a searchable table."""
    from IPython.display import display

    live = not static_book()
    show_html(CSS)
    explorer = LandscapeExplorer(live)
    display(explorer.widget())
    if not live:
        t = explorer.table
        table = pd.DataFrame({"Acronym": t["acronym"].map(esc), "Name": t["name"].map(esc),
                              "Kind": [esc(label("kind", v)) for v in t["kind"]],
                              "System": [esc(label("system", v)) for v in t["system"]],
                              "Region": [esc(label("region", v)) for v in t["region"]],
                              "Ways to engage": [esc(", ".join(label("engagement", a) for a in e))
                                                 for e in t["engagement"]],
                              "Module": t["module"]})
        searchable_html_table(table, caption="Every body in the course: type in the search box to filter by any "
                                             "word (a kind, a region, a way to engage), click a heading to sort")


def searchable_html_table(df: pd.DataFrame, caption: str) -> None:
    """A searchable table whose (already escaped) cells carry links."""
    from .common import searchable_table

    searchable_table(df, caption, allow_html=True)


def sources() -> None:
    """The sources behind the reasons to engage and the bodies of the landscape."""
    from .sources import source_list, table_source_ids

    source_list(table_source_ids("reasons", "bodies"))


def reasons() -> None:
    """The reasons for an NPM to engage, from data/reasons.csv, as a list (own objectives first)."""
    kb = load()
    items = "".join(f"<li><strong>{esc(r.name_en)}.</strong> {esc(r.description_en)}</li>"
                    for r in kb["reasons"].itertuples())
    show_html(f'<ol class="course-reasons">{items}</ol>')
