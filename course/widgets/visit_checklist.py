"""A before / during / after checklist of what an NPM can do around a visit, built from a cycle's opportunities.

Stages are put in a phase by their offset from the cycle's anchor, which for a visit cycle is the first day of
the visit: before it is "before"; from that day to a few weeks later (the visit and its closing statement) is
"during"; anything later is "after". One tab per phase, switched in the browser; where a kernel runs, the
learner can also say what kind of NPM theirs is and see only the actions open to it.
"""
from __future__ import annotations

import pandas as pd

from .. import i18n
from ..kb import WHO_LABELS, KnowledgeBase, Labels, Profile
from .common import WORDS, CourseWidget, Views, colon, searchable_table
from .views import MODE_LABELS, VISIBILITY_LABELS, esc, npm_kind_options, profile_for, staff_days

PHASE_TITLES = Labels(__name__ + ".PHASE_TITLES", {
    "before": {"en": "Before the visit", "fr": "Avant la visite", "es": "Antes de la visita"},
    "during": {"en": "During the visit", "fr": "Pendant la visite", "es": "Durante la visita"},
    "after": {"en": "After the visit", "fr": "Après la visite", "es": "Después de la visita"},
})


class _Phases(tuple):
    """((phase, title), ...) with each title in the language in use when read."""

    def __iter__(self):
        return iter([(phase, PHASE_TITLES[phase]) for phase in PHASE_TITLES])

    def __len__(self):
        return len(PHASE_TITLES)


PHASES = _Phases()
TEXT = i18n.Text(__name__, {
    "none": {"en": "No action in this phase is open to the kind of NPM chosen.",
             "fr": "Aucune action de cette phase n'est ouverte au type de MNP choisi.",
             "es": "Ninguna acción de esta fase está abierta al tipo de MNP elegido."},
    "meta": {"en": "Stage {order}: {stage}. Who may: {who}. Form: {mode}, {visibility}. Rough effort: {effort}.",
             "fr": "Étape {order} : {stage}. Qui peut le faire : {who}. Forme : {mode}, {visibility}. Effort "
                   "approximatif : {effort}.",
             "es": "Etapa {order}: {stage}. Quién puede: {who}. Forma: {mode}, {visibility}. Esfuerzo aproximado: "
                   "{effort}."},
    "actions_one": {"en": "{n} action, about {effort} in all.", "fr": "{n} action, environ {effort} au total.",
                    "es": "{n} acción, unos {effort} en total."},
    "actions": {"en": "{n} actions, about {effort} in all.", "fr": "{n} actions, environ {effort} au total.",
                "es": "{n} acciones, unos {effort} en total."},
    "tick": {"en": "Tick them off as you plan (ticks are not saved).",
             "fr": "Cochez-les au fil de votre planification (les coches ne sont pas enregistrées).",
             "es": "Márquelas a medida que planifica (las marcas no se guardan)."},
    "phase": {"en": "Phase", "fr": "Phase", "es": "Fase"},
    "caption": {"en": "Every action before, during and after the visit: search, or click a heading to sort",
                "fr": "Toutes les actions avant, pendant et après la visite : cherchez, ou cliquez sur un en-tête "
                      "pour trier",
                "es": "Todas las acciones antes, durante y después de la visita: busque, o haga clic en un "
                      "encabezado para ordenar"},
})
DAYS_PER_UNIT = {"days": 1, "weeks": 7, "months": 30, "years": 365}
# The visit itself and the statement that closes it: SP visits usually last one to two weeks.
DURING_DAYS = 21

def phase_of(offset: int, unit: str, during_days: int = DURING_DAYS) -> str:
    """'before', 'during' or 'after', from a stage's offset to the start of the visit."""
    days = offset * DAYS_PER_UNIT[unit]
    if days < 0:
        return "before"
    return "during" if days <= during_days else "after"


def checklist_items(kb: KnowledgeBase, cycle_id: str, profile: Profile | None = None) -> pd.DataFrame:
    """Every opportunity of the cycle with its stage and phase, in the order of the stages."""
    stages = kb.stages(cycle_id)[["id", "order", "name", "offset", "offset_unit"]]
    stages = stages.rename(columns={"id": "stage_id", "name": "stage_name"})
    items = kb.opportunities(cycle_id=cycle_id, profile=profile).merge(stages, on="stage_id")
    items["phase"] = [phase_of(o, u) for o, u in zip(items["offset"], items["offset_unit"])]
    return items.sort_values(["order", "id"]).reset_index(drop=True)


def phase_summary(items: pd.DataFrame) -> dict[str, tuple[int, float]]:
    """For each phase: how many actions, and their rough total in staff days."""
    return {phase: (int((items["phase"] == phase).sum()), float(items.loc[items["phase"] == phase, "effort_days"].sum()))
            for phase, _ in PHASES}


def phase_html(items: pd.DataFrame, phase: str, cycle_id: str) -> str:
    """One phase as a list of tickable actions, each with its stage, conditions and cost."""
    title = PHASE_TITLES[phase]
    rows = items[items["phase"] == phase]
    if rows.empty:
        return (f'<section class="course-card" aria-label="{esc(title)}"><h4>{esc(title)}</h4>'
                f"<p>{esc(TEXT('none'))}</p></section>")
    entries = []
    for o in rows.to_dict("records"):
        box = f"chk-{cycle_id}-{o['id']}"
        conditions = f" <em>{esc(o['conditions'])}</em>" if o["conditions"] else ""
        meta = TEXT("meta", order=o["order"], stage=o["stage_name"], who=WHO_LABELS[o["who"]],
                    mode=MODE_LABELS[o["mode"]], visibility=VISIBILITY_LABELS.get(o["visibility"], o["visibility"]),
                    effort=staff_days(o["effort_days"]))
        entries.append(f'<li><label for="{esc(box)}"><input type="checkbox" id="{esc(box)}">'
                       f"<strong>{esc(o['name'])}</strong></label>{colon()} {esc(o['description'])}{conditions}"
                       f'<span class="course-meta">{esc(meta)}</span></li>')
    total = float(rows["effort_days"].sum())
    count = TEXT("actions" if len(rows) != 1 else "actions_one", n=len(rows), effort=staff_days(total))
    return (f'<section class="course-card" aria-label="{esc(title)}"><h4>{esc(title)}</h4>'
            f"<p>{esc(count)} {esc(TEXT('tick'))}</p>"
            f'<ul class="course-checklist">{"".join(entries)}</ul></section>')


class VisitChecklist(CourseWidget):
    """Three tabs (before, during, after the visit); live, a dropdown narrows them to one kind of NPM."""

    def __init__(self, cycle_id: str, live: bool | None = None, kb: KnowledgeBase | None = None):
        super().__init__(live, kb)
        self.cycle_id = cycle_id
        self.kb.cycle(cycle_id)
        items = checklist_items(self.kb, cycle_id)
        self.views = Views(TEXT("phase"), [title for _, title in PHASES],
                           [phase_html(items, phase, cycle_id) for phase, _ in PHASES], control="tabs")
        self.profile = self.tabs = None
        self.panes: list = []
        if self.live:
            import ipywidgets as w

            self.tabs = self.views.widget()
            self.panes = list(self.tabs.children)
            self.profile = w.Dropdown(options=npm_kind_options(), description=WORDS("my_npm"),
                                      style={"description_width": "initial"})
            self.profile.observe(self._rerender, names="value")

    def chosen_profile(self) -> Profile | None:
        return profile_for(self.profile.value if self.profile else None)

    def _rerender(self, _change=None):
        items = checklist_items(self.kb, self.cycle_id, profile=self.chosen_profile())
        for pane, (phase, _) in zip(self.panes, PHASES):
            pane.value = phase_html(items, phase, self.cycle_id)

    def widget(self):
        import ipywidgets as w

        return w.VBox([self.profile, self.tabs])

    def html(self) -> str:
        return self.views.html()


def visit_checklist(cycle_id: str = "sp_visit", kb: KnowledgeBase | None = None) -> None:
    """Show the checklist; in the book, also every action in one searchable table."""
    checklist = VisitChecklist(cycle_id, kb=kb)
    checklist.show()
    if not checklist.live:
        items = checklist_items(checklist.kb, cycle_id)
        table = pd.DataFrame({WORDS("npm_can_do"): items["name"], WORDS("when"): items["phase"].map(PHASE_TITLES.words()),
                              WORDS("stage"): items["stage_name"], WORDS("who_may"): items["who"].map(WHO_LABELS.words()),
                              WORDS("form"): items["mode"].map(MODE_LABELS.words()),
                              WORDS("public"): items["visibility"].map(VISIBILITY_LABELS.words()),
                              WORDS("staff_days"): items["effort_days"]})
        searchable_table(table, caption=TEXT("caption"))
