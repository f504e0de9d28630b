"""Can an NPM go to this court? One view per regional court: who can be taken to it, who may bring a case,
and how a non-party such as an NPM may take part (amicus curiae or third-party intervention), all from data/.

A court's step-by-step openings come from the paths of its cycles: by convention a path's id starts with the
court's body id (`ecthr_third_party`, `iacthr_amicus`). A court with no such path (the African Court, whose amicus
practice has no confirmed time limits) shows its card text only. Like the other explorers, the views are
rendered up front into a Stack; the court picker is linked to it in the browser, and the "my NPM" control,
which needs Python, is offered only where a kernel runs.
"""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..kb import KnowledgeBase, Profile, load
from . import views
from .common import searchable_table, show_html, static_book
from .explorers import CSS

NPM_KINDS = [("any NPM (show everything)", None), ("an NPM that is not an NHRI", "none"),
             ("an NPM that is also a B-status NHRI", "B"), ("an NPM that is also an A-status NHRI", "A")]
# The actions that put a non-party's brief or written comments before the court in a case.
INTERVENE = ("amicus_brief",)


def profile_for(kind: str | None) -> Profile | None:
    """The knowledge base's Profile for an NPM_KINDS value (None means: show everything)."""
    if kind is None:
        return None
    return Profile(nhri_grade=None if kind == "none" else kind)


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
        for label, kind in NPM_KINDS[1:]:
            answer = may_intervene(kb, court.id, profile_for(kind))
            rows.append({"Court": court.acronym_en, "My NPM is": label,
                         "May file a brief or ask to intervene?": {True: "yes", False: "not on its own",
                                                                     None: "no path recorded: see the card"}[answer]})
    return pd.DataFrame(rows)


class CourtAccess:
    """Pick a court and read what an NPM can do there; live, say what kind of NPM yours is."""

    def __init__(self, courts: pd.DataFrame, live: bool):
        self.kb = load()
        self.courts = courts.reset_index(drop=True)
        self.views = [w.HTML(court_view(self.kb, body_id)) for body_id in self.courts["id"]]
        self.stack = w.Stack(self.views, selected_index=0)
        self.picker = w.Dropdown(options=[(f"{c.acronym_en}: {c.name_en}", i) for i, c in enumerate(self.courts.itertuples())],
                                 value=0, description="Court", layout=w.Layout(width="100%"),
                                 style={"description_width": "initial"})
        self.links = [w.jslink((self.picker, "index"), (self.stack, "selected_index"))]
        self.profile = None
        if live:
            self.profile = w.Dropdown(options=NPM_KINDS, description="My NPM is", style={"description_width": "initial"})
            self.profile.observe(self._rerender, names="value")

    def _rerender(self, _change=None):
        profile = profile_for(self.profile.value)
        for body_id, view in zip(self.courts["id"], self.views):
            view.value = court_view(self.kb, body_id, profile=profile)

    def widget(self) -> w.Widget:
        return w.VBox(([self.profile] if self.profile else []) + [self.picker, self.stack])


def court_access(module: str = "courts") -> None:
    """Show the court picker for the courts of a module, e.g. court_access(module="courts")."""
    kb = load()
    courts = kb.bodies(kind="court", module=module)
    if courts.empty:
        raise ValueError(f"no court in module {module!r}")
    live = not static_book()
    show_html(CSS)
    from IPython.display import display

    display(CourtAccess(courts, live).widget())
    if not live:
        searchable_table(summary_table(kb, courts),
                         caption="Who may file a brief or ask to intervene, by court and kind of NPM: search or sort")

