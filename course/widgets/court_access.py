"""Can an NPM go to this court? One view per regional court: who can be taken to it, who may bring a case,
and how a non-party such as an NPM may take part (amicus curiae or third-party intervention), all from data/.

A court's step-by-step openings come from the paths of its cycles: by convention a path's id starts with the
court's body id (`ecthr_third_party`, `iacthr_amicus`). A court with no such path (the African Court, whose amicus
practice has no confirmed time limits) shows its card text only. Like the other explorers, the views are
rendered up front and the court picker switches them in the browser; the "my NPM" control, which needs
Python, is offered only where a kernel runs.
"""
from __future__ import annotations

import pandas as pd

from ..kb import KnowledgeBase, Profile
from . import views
from .common import CourseWidget, Views, knowledge, searchable_table
from .views import NPM_KINDS, npm_kind_options, profile_for

# The actions that put a non-party's brief or written comments before the court in a case.
INTERVENE = ("amicus_brief",)


def court_paths(kb: KnowledgeBase, body_id: str) -> pd.DataFrame:
    """The paths (of any cycle) that belong to a court: their id starts with the court's id and '_'."""
    paths = kb["paths"]
    return paths[paths["id"].str.startswith(f"{body_id}_")]


def court_openings(kb: KnowledgeBase, body_id: str, profile: Profile | None = None) -> pd.DataFrame:
    """Every opening on the court's paths, in stage order, with the stage's name and order; with a profile,
    only those open to that NPM."""
    paths = court_paths(kb, body_id)
    frames = []
    for path in paths.itertuples():
        stages = kb.stages(path.cycle_id, path.id)[["id", "name_en", "order"]]
        opportunities = kb.opportunities(cycle_id=path.cycle_id, profile=profile)
        merged = opportunities.merge(stages.rename(columns={"id": "stage_id", "name_en": "stage"}), on="stage_id")
        frames.append(merged.assign(path_id=path.id))
    if not frames:
        return pd.DataFrame(columns=[*kb["opportunities"].columns, "stage", "order", "path_id"])
    return pd.concat(frames, ignore_index=True).sort_values(["path_id", "order", "id"]).reset_index(drop=True)


def may_intervene(kb: KnowledgeBase, body_id: str, profile: Profile | None) -> bool | None:
    """Whether an NPM of this profile has at least one way to file a brief or comments in a case before the
    court, according to the data; None when the course has no step-by-step path for the court."""
    if court_paths(kb, body_id).empty:
        return None
    everything = court_openings(kb, body_id)
    briefs = everything[everything["action"].isin(INTERVENE)]
    if profile is None:
        return not briefs.empty
    return bool(briefs["who"].apply(profile.may).any())


def _figure_items(kb: KnowledgeBase, body_id: str) -> str:
    wanted = kb.figures(body_id)
    wanted = wanted[wanted["metric"].isin(["states_parties", "states_accepting_jurisdiction"])]
    if wanted.empty:
        return "<p>No count recorded.</p>"
    items = []
    for f in wanted.itertuples():
        note = f' <span class="course-meta">{views.esc(f.note_en)}</span>' if f.note_en else ""
        items.append(f"<li><strong>{views.format_number(f.value)}</strong> {views.esc(f.unit_en)} "
                     f"(as of {f.as_of:%d %B %Y}).{note}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _verdict(kb: KnowledgeBase, body_id: str, profile: Profile | None, acronym: str) -> str:
    answer = may_intervene(kb, body_id, profile)
    if answer is None:
        return (f"<p><strong>No step-by-step path in this course for the {views.esc(acronym)}.</strong> "
                "Read the note above on what is known, and check the court's own rules before you act.</p>")
    who = "an NPM" if profile is None else "an NPM of your kind"
    if answer:
        return f"<p><strong>Yes: {who} can ask to bring its expertise into a case before the {views.esc(acronym)}</strong>, as below.</p>"
    return (f"<p><strong>Not on its own: the data record no brief or intervention open to {who} before the "
            f"{views.esc(acronym)}.</strong> Look at the other openings below, or work with a partner that has standing.</p>")


def court_view(kb: KnowledgeBase, body_id: str, profile: Profile | None = None, heading_level: int = 4) -> str:
    """One court as an HTML card: who can be taken to it, who may bring a case, and how an NPM can take part."""
    b = kb.body(body_id)
    h, h2 = f"h{heading_level}", f"h{heading_level + 1}"
    openings = court_openings(kb, body_id, profile)
    if openings.empty:
        steps = "<p>No opening recorded for this kind of NPM.</p>" if not court_paths(kb, body_id).empty else ""
    else:
        themes = kb["themes"]
        parts = []
        for stage, group in openings.groupby(["path_id", "order", "stage"], sort=True):
            parts.append(f"<li><strong>{views.esc(stage[2])}</strong>{views.opportunity_list(group, themes)}</li>")
        steps = f"<ol>{''.join(parts)}</ol>"
    terms = kb["glossary"][kb["glossary"]["body_id"] == body_id]
    term_items = "".join(f"<dt>{views.esc(t.term_en)}</dt><dd>{views.esc(t.definition_en)}</dd>" for t in terms.itertuples())
    note = f"<p><strong>Note:</strong> {views.esc(b['note_en'])}</p>" if b["note_en"] else ""
    return (f'<section class="course-card" aria-label="Can an NPM go to the {views.esc(b["acronym_en"])}?">'
            f'<{h}>{views.esc(b["name_en"])} ({views.esc(b["acronym_en"])})</{h}>'
            f"<{h2}>Which States can be taken to it</{h2}>{_figure_items(kb, body_id)}"
            f"<{h2}>Who may bring a case, and what the court does</{h2}><p>{views.esc(b['functions_en'])}</p>"
            f"<{h2}>Can an NPM take part in a case?</{h2}><p>{views.esc(b['npm_relevance_en'])}</p>{note}"
            f"{_verdict(kb, body_id, profile, b['acronym_en'])}{steps}"
            + (f"<{h2}>Terms to know</{h2}><dl>{term_items}</dl>" if term_items else "")
            + f'<p class="course-meta">Sources: {views.source_links(kb, b["source_ids"])}</p></section>')


def summary_table(kb: KnowledgeBase, courts: pd.DataFrame) -> pd.DataFrame:
    """One row per court and kind of NPM: may it file a brief or ask to intervene? (for the static book)"""
    rows = []
    for court in courts.itertuples():
        for kind in NPM_KINDS:
            answer = may_intervene(kb, court.id, kind.profile)
            rows.append({"Court": court.acronym_en, "My NPM is": kind.label,
                         "May file a brief or ask to intervene?": {True: "yes", False: "not on its own",
                                                                     None: "no path recorded: see the card"}[answer]})
    return pd.DataFrame(rows)


class CourtAccess(CourseWidget):
    """Pick a court and read what an NPM can do there; live, say what kind of NPM yours is."""

    def __init__(self, courts: pd.DataFrame, live: bool | None = None, kb: KnowledgeBase | None = None):
        super().__init__(live, kb)
        self.courts = courts.reset_index(drop=True)
        self.views = Views("Court", [f"{c.acronym_en}: {c.name_en}" for c in self.courts.itertuples()],
                           [court_view(self.kb, body_id) for body_id in self.courts["id"]])
        self.profile = None
        if self.live:
            import ipywidgets as w

            self._box = self.views.widget()
            self.picker, self.stack, self.links = self.views.picker, self.views.stack, self.views.links
            self.profile = w.Dropdown(options=npm_kind_options(), description="My NPM is",
                                      style={"description_width": "initial"})
            self.profile.observe(self._rerender, names="value")

    def _rerender(self, _change=None):
        profile = profile_for(self.profile.value)
        for body_id, view in zip(self.courts["id"], self.stack.children):
            view.value = court_view(self.kb, body_id, profile=profile)

    def widget(self):
        import ipywidgets as w

        return w.VBox([self.profile, self._box])

    def html(self) -> str:
        return self.views.html()


def court_access(module: str = "courts", kb: KnowledgeBase | None = None) -> None:
    """Show the court picker for the courts of a module, e.g. court_access(module="courts")."""
    kb = knowledge(kb)
    courts = kb.bodies(kind="court", module=module)
    if courts.empty:
        raise ValueError(f"no court in module {module!r}")
    access = CourtAccess(courts, kb=kb)
    access.show()
    if not access.live:
        searchable_table(summary_table(kb, courts),
                         caption="Who may file a brief or ask to intervene, by court and kind of NPM: search, or "
                                 "click a heading to sort")
