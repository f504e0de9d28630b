"""The body explorer and the cycle explorer.

Both are built so that they also work in the static book: the views (one per body, one per stage) are
rendered up front into a Stack, and the control that picks one is linked to the Stack in the browser with
`jslink`, which needs no kernel. Filters need Python, so they are added only where a kernel runs; the static
book shows a searchable table instead.
"""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..kb import Profile, load
from . import views
from .common import searchable_table, show_html, static_book

CSS = """<style>
.course-card table.course-facts th{text-align:left;vertical-align:top;padding-right:1em;white-space:nowrap}
.course-card table.course-facts td{vertical-align:top}
.course-meta{color:#5f6368;font-size:.9em}
.course-card h4{font-size:1.2em;margin:.2em 0 .5em}
.course-card h5{font-size:1.05em;margin:.8em 0 .3em}
.course-stage{display:flex;flex-wrap:wrap;gap:1.2em;align-items:flex-start}
.course-stage-timeline{flex:0 0 270px}
.course-stage-details{flex:1 1 320px;min-width:0}
</style>"""

FILTERS = (("kind", "Kind"), ("system", "System"), ("region", "Region"))


def _label(column: str, value: str) -> str:
    return value.upper() if column == "system" and value != "network" else value.replace("_", " ")


class BodyExplorer:
    """Pick a body from a list and read its card; live, narrow the list with filters and a keyword."""

    def __init__(self, bodies: pd.DataFrame, live: bool):
        kb = load()
        self.bodies = bodies.reset_index(drop=True)
        self.cards = [w.HTML(views.body_card(kb, body_id)) for body_id in self.bodies["id"]]
        self.stack = w.Stack(self.cards, selected_index=0)
        options = [(f"{b.acronym_en}: {b.name_en}", i) for i, b in enumerate(self.bodies.itertuples())]
        self.picker = w.Select(options=options, value=0, rows=min(len(options), 8), description="Body",
                               layout=w.Layout(width="100%"), style={"description_width": "initial"})
        self.filters: dict[str, w.Dropdown] = {}
        self.keyword = None
        self.links: list = []
        if live:
            for column, title in FILTERS:
                values = sorted(self.bodies[column].unique())
                if len(values) > 1:
                    self.filters[column] = w.Dropdown(options=[("all", None)] + [(_label(column, v), v) for v in values],
                                                      description=title)
            self.keyword = w.Text(placeholder="e.g. torture, children, Geneva", description="Keyword")
            for control in [*self.filters.values(), self.keyword]:
                control.observe(self._refilter, names="value")
            self.picker.observe(self._show, names="value")
            self.count = w.HTML()
            self._refilter()
        else:
            # No kernel in the book: the browser moves the Stack when the picker moves.
            self.links.append(w.jslink((self.picker, "index"), (self.stack, "selected_index")))

    def matches(self) -> list[int]:
        """Positions of the bodies that pass the current filters and keyword."""
        keep = pd.Series(True, index=self.bodies.index)
        for column, control in self.filters.items():
            if control.value is not None:
                keep &= self.bodies[column] == control.value
        word = (self.keyword.value if self.keyword else "").strip().casefold()
        if word:
            text = self.bodies[["acronym_en", "name_en", "functions_en", "npm_relevance_en", "seat_en"]]
            keep &= text.apply(lambda row: word in " ".join(map(str, row)).casefold(), axis=1)
        return list(self.bodies.index[keep])

    def _refilter(self, _change=None):
        shown = self.matches()
        self.picker.options = [(f"{self.bodies.at[i, 'acronym_en']}: {self.bodies.at[i, 'name_en']}", i) for i in shown]
        self.count.value = f"<span class='course-meta'>{len(shown)} of {len(self.bodies)} shown</span>"
        if shown:
            self.picker.value = shown[0]
        self.stack.layout.display = "" if shown else "none"

    def _show(self, change):
        if change["new"] is not None:
            self.stack.selected_index = change["new"]

    def widget(self) -> w.Widget:
        parts = []
        if self.filters or self.keyword:
            parts += [w.HBox([*self.filters.values()], layout=w.Layout(flex_flow="row wrap")), self.keyword, self.count]
        return w.VBox(parts + [self.picker, self.stack])


def body_explorer(kind=None, system=None, region=None, module=None) -> None:
    """Show the explorer over the bodies that match, e.g. body_explorer(module="treaty_bodies")."""
    kb = load()
    bodies = kb.bodies(kind=kind, system=system, region=region, module=module)
    if bodies.empty:
        raise ValueError("no body matches those filters")
    live = not static_book()
    show_html(CSS)
    from IPython.display import display

    display(BodyExplorer(bodies, live).widget())
    if not live:
        table = bodies[["acronym_en", "name_en", "kind", "system", "region", "established_year", "seat_en"]].assign(
            kind=bodies["kind"].str.replace("_", " "), region=bodies["region"].str.replace("_", "-"),
            system=[_label("system", v) for v in bodies["system"]])
        searchable_table(table.rename(columns={"acronym_en": "Acronym", "name_en": "Name", "kind": "Kind",
                                               "system": "System", "region": "Region",
                                               "established_year": "Since", "seat_en": "Seat"}),
                         caption="All bodies in this module: type in the search box to filter, click a heading to sort")


class CycleExplorer:
    """Step through the stages of a cycle, one tab per path; live, choose the NPM's profile and theme."""

    NPM_KINDS = [("any NPM (show everything)", None), ("an NPM that is not an NHRI", "none"),
                 ("an NPM that is also a B-status NHRI", "B"), ("an NPM that is also an A-status NHRI", "A")]

    def __init__(self, cycle_id: str, live: bool):
        self.kb = load()
        self.cycle_id = cycle_id
        self.paths = self.kb.paths(cycle_id).reset_index(drop=True)
        self.sliders, self.stacks, self.links = [], [], []
        for path in self.paths.itertuples():
            stages = self.kb.stages(cycle_id, path.id)
            cards = [w.HTML(views.stage_card(self.kb, cycle_id, path.id, i)) for i in range(len(stages))]
            stack = w.Stack(cards, selected_index=0)
            slider = w.SelectionSlider(options=[f"{i + 1}. {name}" for i, name in enumerate(stages["name_en"])],
                                       description="Stage", continuous_update=True, readout=False,
                                       layout=w.Layout(width="95%"), style={"description_width": "initial"})
            self.links.append(w.jslink((slider, "index"), (stack, "selected_index")))
            self.sliders.append(slider)
            self.stacks.append(stack)
        self.profile = self.theme = None
        if live:
            self.profile = w.Dropdown(options=self.NPM_KINDS, description="My NPM is",
                                      style={"description_width": "initial"})
            themes = self.kb["themes"]
            self.theme = w.Dropdown(options=[("all themes", None)] + list(zip(themes["name_en"], themes["id"])),
                                    description="Theme")
            self.profile.observe(self._rerender, names="value")
            self.theme.observe(self._rerender, names="value")

    def _rerender(self, _change=None):
        """Redraw every stage card with only the opportunities open to the chosen NPM and theme."""
        grade = self.profile.value
        profile = None if grade is None else Profile(nhri_grade=None if grade == "none" else grade)
        themes = [self.theme.value] if self.theme.value else None
        for path, stack in zip(self.paths.itertuples(), self.stacks):
            for i, card in enumerate(stack.children):
                card.value = views.stage_card(self.kb, self.cycle_id, path.id, i, profile=profile, themes=themes)

    def widget(self) -> w.Widget:
        panes = [w.VBox([slider, stack]) for slider, stack in zip(self.sliders, self.stacks)]
        body = panes[0] if len(panes) == 1 else w.Tab(panes, titles=list(self.paths["name_en"]))
        controls = [w.HBox([self.profile, self.theme], layout=w.Layout(flex_flow="row wrap"))] if self.profile else []
        return w.VBox(controls + [body])


def cycle_explorer(cycle_id: str) -> None:
    """Show the cycle explorer, then the cycle in words (the text alternative of its timeline)."""
    kb = load()
    live = not static_book()
    show_html(CSS)
    from IPython.display import display

    explorer = CycleExplorer(cycle_id, live)
    display(explorer.widget())
    words = "".join(f"<h4>{views.esc(p.name_en)}</h4><p>{views.esc(p.summary_en)}</p>"
                    f"{views.cycle_in_words(kb, cycle_id, p.id)}" for p in explorer.paths.itertuples())
    show_html(f"<details><summary>The whole cycle in words</summary>{words}</details>")
    if not live:
        stages = kb.stages(cycle_id)
        opportunities = kb.opportunities(cycle_id=cycle_id).merge(
            stages[["id", "name_en", "order"]].rename(columns={"id": "stage_id", "name_en": "stage"}), on="stage_id")
        table = opportunities.sort_values("order")[["order", "stage", "name_en", "who", "mode", "visibility", "effort_days"]]
        table = table.assign(who=table["who"].map(views.WHO_LABELS))
        searchable_table(table.rename(columns={"order": "Step", "stage": "Stage", "name_en": "What an NPM can do",
                                               "who": "Who may", "mode": "Form", "visibility": "Public?",
                                               "effort_days": "Staff days"}),
                         caption="Every opening for NPMs in this cycle: search or sort")
