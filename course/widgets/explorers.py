"""The body explorer and the cycle explorer.

The views (one per body, one per stage) are rendered up front; a control picks one (see common.Views), in the
browser alone. Filters need Python, so they are added only where a kernel runs; the book shows a searchable
table instead.
"""
from __future__ import annotations

import pandas as pd

from .. import i18n
from ..kb import KnowledgeBase
from . import views
from .common import WORDS, CourseWidget, Views, colon, knowledge, searchable_table, show_html, use_stylesheet

TEXT = i18n.Text(__name__, {
    "body": {"en": "Body", "fr": "Organe", "es": "Órgano"},
    "keyword_bodies": {"en": "e.g. torture, children, Geneva", "fr": "p. ex. torture, enfants, Genève",
                       "es": "p. ej., tortura, niños, Ginebra"},
    "shown": {"en": "{n} of {total} shown", "fr": "{n} affichés sur {total}", "es": "{n} de {total} mostrados"},
    "since": {"en": "Since", "fr": "Depuis", "es": "Desde"},
    "all_bodies": {"en": "All bodies in this module: search, or click a heading to sort",
                   "fr": "Tous les organes de ce module : cherchez, ou cliquez sur un en-tête pour trier",
                   "es": "Todos los órganos de este módulo: busque, o haga clic en un encabezado para ordenar"},
    "path": {"en": "Path", "fr": "Parcours", "es": "Vía"},
    "theme": {"en": "Theme", "fr": "Thème", "es": "Tema"},
    "all_themes": {"en": "all themes", "fr": "tous les thèmes", "es": "todos los temas"},
    "in_words": {"en": "The whole cycle in words", "fr": "Tout le cycle en mots", "es": "Todo el ciclo en palabras"},
    "every_opening": {"en": "Every opening for NPMs in this cycle: search, or click a heading to sort",
                      "fr": "Toutes les occasions pour les MNP dans ce cycle : cherchez, ou cliquez sur un en-tête "
                            "pour trier",
                      "es": "Todas las oportunidades para los MNP en este ciclo: busque, o haga clic en un "
                            "encabezado para ordenar"},
})


def _filters():
    return (("kind", WORDS("kind")), ("system", WORDS("system")), ("region", WORDS("region")))


class BodyExplorer(CourseWidget):
    """Pick a body from a list and read its card; live, narrow the list with filters and a keyword."""

    def __init__(self, bodies: pd.DataFrame, live: bool | None = None, kb: KnowledgeBase | None = None):
        super().__init__(live, kb)
        self.bodies = bodies.reset_index(drop=True)
        names = [f"{b['acronym']}{colon()} {b['name']}" for b in self.bodies.to_dict("records")]
        self.views = Views(TEXT("body"), names, [views.body_card(self.kb, body_id) for body_id in self.bodies["id"]])
        self.filters: dict = {}
        self.keyword = self.picker = self.stack = None
        if self.live:
            self._build_live()

    def _build_live(self):
        import ipywidgets as w

        self.stack = w.Stack([w.HTML(v) for v in self.views.views], selected_index=0)
        options = [(n, i) for i, n in enumerate(self.views.names)]
        self.picker = w.Select(options=options, value=0, rows=min(len(options), 8), description=TEXT("body"),
                               layout=w.Layout(width="100%"), style={"description_width": "initial"})
        for column, title in _filters():
            values = sorted(self.bodies[column].unique())
            if len(values) > 1:
                self.filters[column] = w.Dropdown(
                    options=[(WORDS("all"), None)] + [(views.label(column, v), v) for v in values], description=title)
        self.keyword = w.Text(placeholder=TEXT("keyword_bodies"), description=WORDS("keyword"))
        for control in [*self.filters.values(), self.keyword]:
            control.observe(self._refilter, names="value")
        self.picker.observe(self._show, names="value")
        self.count = w.HTML()
        self._refilter()

    def matches(self) -> list[int]:
        """Positions of the bodies that pass the current filters and keyword."""
        keep = pd.Series(True, index=self.bodies.index)
        for column, control in self.filters.items():
            if control.value is not None:
                keep &= self.bodies[column] == control.value
        word = (self.keyword.value if self.keyword else "").strip().casefold()
        if word:
            text = self.bodies[["acronym", "name", "functions", "npm_relevance", "seat"]]
            keep &= text.apply(lambda row: word in " ".join(map(str, row)).casefold(), axis=1)
        return list(self.bodies.index[keep])

    def _refilter(self, _change=None):
        shown = self.matches()
        self.picker.options = [(self.views.names[i], i) for i in shown]
        self.count.value = f"<span class='course-meta'>{TEXT('shown', n=len(shown), total=len(self.bodies))}</span>"
        if shown:
            self.picker.value = shown[0]
        self.stack.layout.display = "" if shown else "none"

    def _show(self, change):
        if change["new"] is not None:
            self.stack.selected_index = change["new"]

    def widget(self):
        import ipywidgets as w

        filters = w.HBox([*self.filters.values()], layout=w.Layout(flex_flow="row wrap"))
        return w.VBox([filters, self.keyword, self.count, self.picker, self.stack])

    def html(self) -> str:
        return self.views.html()

    def table(self) -> pd.DataFrame:
        """Every body of the explorer in one row each, in words (the book's searchable table)."""
        b = self.bodies
        return pd.DataFrame({WORDS("acronym"): b["acronym"], WORDS("name"): b["name"],
                             WORDS("what_it_is"): [views.what_it_is(r) for _, r in b.iterrows()],
                             TEXT("since"): b["established_year"], WORDS("seat"): b["seat"]})


def body_explorer(kind=None, system=None, region=None, module=None, kb: KnowledgeBase | None = None) -> None:
    """Show the explorer over the bodies that match, e.g. body_explorer(module="treaty_bodies")."""
    explorer = BodyExplorer(_bodies(kb, kind=kind, system=system, region=region, module=module), kb=kb)
    explorer.show()
    if not explorer.live:
        searchable_table(explorer.table(), caption=TEXT("all_bodies"))


def _bodies(kb: KnowledgeBase | None, **filters) -> pd.DataFrame:
    bodies = knowledge(kb).bodies(**filters)
    if bodies.empty:
        raise ValueError("no body matches those filters")
    return bodies


class CycleExplorer(CourseWidget):
    """Step through the stages of a cycle, one tab per path; live, choose the NPM's profile and theme."""

    def __init__(self, cycle_id: str, live: bool | None = None, kb: KnowledgeBase | None = None):
        super().__init__(live, kb)
        self.cycle_id = cycle_id
        self.paths = self.kb.paths(cycle_id).reset_index(drop=True)
        self.steps: list[Views] = []
        for path in self.paths.itertuples():
            stages = self.kb.stages(cycle_id, path.id)
            self.steps.append(Views(WORDS("stage"), [f"{i + 1}. {name}" for i, name in enumerate(stages["name"])],
                                    [views.stage_card(self.kb, cycle_id, path.id, i) for i in range(len(stages))],
                                    control="steps"))
        self.profile = self.theme = None
        self.sliders, self.stacks, self.links = [], [], []
        if self.live:
            self._box = self._build_live()

    def _rerender(self, _change=None):
        """Redraw every stage card with only the opportunities open to the chosen NPM and theme."""
        profile = views.profile_for(self.profile.value)
        themes = [self.theme.value] if self.theme.value else None
        for path, stack in zip(self.paths.itertuples(), self.stacks):
            for i, card in enumerate(stack.children):
                card.value = views.stage_card(self.kb, self.cycle_id, path.id, i, profile=profile, themes=themes)

    def widget(self):
        return self._box

    def _build_live(self):
        import ipywidgets as w

        panes = [step.widget() for step in self.steps]
        self.sliders = [step.picker for step in self.steps]
        self.stacks = [step.stack for step in self.steps]
        self.links = [link for step in self.steps for link in step.links]
        body = panes[0] if len(panes) == 1 else w.Tab(panes, titles=list(self.paths["name"]))
        self.profile = w.Dropdown(options=views.npm_kind_options(), description=WORDS("my_npm"),
                                  style={"description_width": "initial"})
        themes = self.kb["themes"]
        self.theme = w.Dropdown(options=[(TEXT("all_themes"), None)] + list(zip(themes["name"], themes["id"])),
                                description=TEXT("theme"))
        self.profile.observe(self._rerender, names="value")
        self.theme.observe(self._rerender, names="value")
        return w.VBox([w.HBox([self.profile, self.theme], layout=w.Layout(flex_flow="row wrap")), body])

    def html(self) -> str:
        if len(self.steps) == 1:
            return self.steps[0].html()
        return Views(TEXT("path"), list(self.paths["name"]), [step.html() for step in self.steps], control="tabs").html()

    def openings(self) -> pd.DataFrame:
        """Every opening of the cycle in stage order, in words (the book's searchable table)."""
        stages = self.kb.stages(self.cycle_id)
        rows = self.kb.opportunities(cycle_id=self.cycle_id).merge(
            stages[["id", "name", "order"]].rename(columns={"id": "stage_id", "name": "stage"}), on="stage_id")
        rows = rows.sort_values("order")
        return pd.DataFrame({WORDS("npm_can_do"): rows["name"],
                             WORDS("stage"): rows["order"].astype(str) + ". " + rows["stage"],
                             WORDS("who_may"): rows["who"].map(views.WHO_LABELS.words()),
                             WORDS("form"): rows["mode"].map(views.MODE_LABELS.words()),
                             WORDS("public"): rows["visibility"].map(views.VISIBILITY_LABELS.words()),
                             WORDS("staff_days"): rows["effort_days"]})


def cycle_explorer(cycle_id: str, kb: KnowledgeBase | None = None) -> None:
    """Show the cycle explorer, then the cycle in words (the text alternative of its timeline)."""
    explorer = CycleExplorer(cycle_id, kb=kb)
    explorer.show()
    use_stylesheet()
    words = "".join(f"<h4>{views.esc(p['name'])}</h4><p>{views.esc(p['summary'])}</p>"
                    f"{views.cycle_in_words(explorer.kb, cycle_id, p['id'])}" for p in explorer.paths.to_dict("records"))
    show_html(f'<details class="course-words"><summary>{views.esc(TEXT("in_words"))}</summary>{words}</details>')
    if not explorer.live:
        searchable_table(explorer.openings(), caption=TEXT("every_opening"))
