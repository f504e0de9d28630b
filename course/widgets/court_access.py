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

from .. import i18n
from ..kb import KnowledgeBase, Profile
from . import views
from .common import WORDS, CourseWidget, Views, colon, day, knowledge, searchable_table
from .views import NPM_KINDS, npm_kind_options, profile_for

TEXT = i18n.Text(__name__, {
    "no_count": {"en": "No count recorded.", "fr": "Aucun chiffre enregistré.", "es": "Ninguna cifra registrada."},
    "as_of": {"en": "(as of {date}).", "fr": "(au {date}).", "es": "(a fecha de {date})."},
    "no_path": {"en": "No step-by-step path in this course for the {acronym}.",
                "fr": "Pas de parcours pas à pas dans ce cours pour cette juridiction ({acronym}).",
                "es": "No hay en este curso una vía paso a paso para este tribunal ({acronym})."},
    "no_path_more": {"en": "Read the note above on what is known, and check the court's own rules before you act.",
                     "fr": "Lisez la remarque ci-dessus sur ce que l'on sait, et vérifiez le règlement de la cour "
                           "avant d'agir.",
                     "es": "Lea la nota anterior sobre lo que se sabe y consulte el reglamento del propio tribunal "
                           "antes de actuar."},
    "an_npm": {"en": "an NPM", "fr": "un MNP", "es": "un MNP"},
    "your_kind": {"en": "an NPM of your kind", "fr": "un MNP comme le vôtre", "es": "un MNP como el suyo"},
    "yes": {"en": "Yes: {who} can ask to bring its expertise into a case before the {acronym}",
            "fr": "Oui : {who} peut demander à apporter son expertise dans une affaire devant la juridiction "
                  "({acronym})",
            "es": "Sí: {who} puede pedir aportar su experiencia en un caso ante el tribunal ({acronym})"},
    "as_below": {"en": ", as below.", "fr": ", comme indiqué ci-dessous.", "es": ", como se indica a continuación."},
    "not_alone": {"en": "Not on its own: the data record no brief or intervention open to {who} before the {acronym}.",
                  "fr": "Pas seul : les données n'indiquent aucun mémoire ni aucune intervention ouverts à {who} "
                        "devant la juridiction ({acronym}).",
                  "es": "No por sí solo: los datos no registran ningún escrito ni intervención abiertos a {who} "
                        "ante el tribunal ({acronym})."},
    "not_alone_more": {"en": "Look at the other openings below, or work with a partner that has standing.",
                       "fr": "Regardez les autres occasions ci-dessous, ou travaillez avec un partenaire qui a "
                             "qualité pour agir.",
                       "es": "Mire las demás oportunidades a continuación, o trabaje con un socio que tenga "
                             "legitimación."},
    "no_opening": {"en": "No opening recorded for this kind of NPM.",
                   "fr": "Aucune occasion enregistrée pour ce type de MNP.",
                   "es": "No hay ninguna oportunidad registrada para este tipo de MNP."},
    "note": {"en": "Note:", "fr": "Remarque :", "es": "Nota:"},
    "can_go": {"en": "Can an NPM go to the {acronym}?", "fr": "Un MNP peut-il saisir cette juridiction ({acronym}) ?",
               "es": "¿Puede un MNP acudir a este tribunal ({acronym})?"},
    "which_states": {"en": "Which States can be taken to it", "fr": "Quels États peuvent y être attraits",
                     "es": "Qué Estados pueden ser demandados ante él"},
    "who_brings": {"en": "Who may bring a case, and what the court does",
                   "fr": "Qui peut saisir la juridiction, et ce qu'elle fait",
                   "es": "Quién puede presentar un caso, y qué hace el tribunal"},
    "take_part": {"en": "Can an NPM take part in a case?", "fr": "Un MNP peut-il participer à une affaire ?",
                  "es": "¿Puede un MNP participar en un caso?"},
    "terms": {"en": "Terms to know", "fr": "Termes à connaître", "es": "Términos que conviene conocer"},
    "court": {"en": "Court", "fr": "Juridiction", "es": "Tribunal"},
    "may_file": {"en": "May file a brief or ask to intervene?", "fr": "Peut-il déposer un mémoire ou demander à "
                                                                     "intervenir ?",
                 "es": "¿Puede presentar un escrito o pedir intervenir?"},
    "answer_yes": {"en": "yes", "fr": "oui", "es": "sí"},
    "answer_no": {"en": "not on its own", "fr": "pas seul", "es": "no por sí solo"},
    "answer_none": {"en": "no path recorded: see the card", "fr": "aucun parcours enregistré : voir la fiche",
                    "es": "ninguna vía registrada: vea la ficha"},
    "caption": {"en": "Who may file a brief or ask to intervene, by court and kind of NPM: search, or click a heading "
                      "to sort",
                "fr": "Qui peut déposer un mémoire ou demander à intervenir, par juridiction et type de MNP : "
                      "cherchez, ou cliquez sur un en-tête pour trier",
                "es": "Quién puede presentar un escrito o pedir intervenir, por tribunal y tipo de MNP: busque, o "
                      "haga clic en un encabezado para ordenar"},
})

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
        stages = kb.stages(path.cycle_id, path.id)[["id", "name", "order"]]
        opportunities = kb.opportunities(cycle_id=path.cycle_id, profile=profile)
        merged = opportunities.merge(stages.rename(columns={"id": "stage_id", "name": "stage"}), on="stage_id")
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
        return f"<p>{TEXT('no_count')}</p>"
    items = []
    for f in wanted.to_dict("records"):
        note = f' <span class="course-meta">{views.esc(f["note"])}</span>' if f["note"] else ""
        items.append(f"<li><strong>{views.format_number(f['value'])}</strong> {views.esc(f['unit'])} "
                     f"{views.esc(TEXT('as_of', date=day(f['as_of'])))}{note}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _verdict(kb: KnowledgeBase, body_id: str, profile: Profile | None, acronym: str) -> str:
    answer = may_intervene(kb, body_id, profile)
    if answer is None:
        return (f"<p><strong>{views.esc(TEXT('no_path', acronym=acronym))}</strong> "
                f"{views.esc(TEXT('no_path_more'))}</p>")
    who = TEXT("an_npm") if profile is None else TEXT("your_kind")
    if answer:
        return (f"<p><strong>{views.esc(TEXT('yes', who=who, acronym=acronym))}</strong>"
                f"{views.esc(TEXT('as_below'))}</p>")
    return (f"<p><strong>{views.esc(TEXT('not_alone', who=who, acronym=acronym))}</strong> "
            f"{views.esc(TEXT('not_alone_more'))}</p>")


def court_view(kb: KnowledgeBase, body_id: str, profile: Profile | None = None, heading_level: int = 4) -> str:
    """One court as an HTML card: who can be taken to it, who may bring a case, and how an NPM can take part."""
    b = kb.body(body_id)
    h, h2 = f"h{heading_level}", f"h{heading_level + 1}"
    openings = court_openings(kb, body_id, profile)
    if openings.empty:
        steps = f"<p>{TEXT('no_opening')}</p>" if not court_paths(kb, body_id).empty else ""
    else:
        themes = kb["themes"]
        parts = []
        for stage, group in openings.groupby(["path_id", "order", "stage"], sort=True):
            parts.append(f"<li><strong>{views.esc(stage[2])}</strong>{views.opportunity_list(group, themes)}</li>")
        steps = f"<ol>{''.join(parts)}</ol>"
    terms = kb["glossary"][kb["glossary"]["body_id"] == body_id]
    term_items = "".join(f"<dt>{views.esc(t['term'])}</dt><dd>{views.esc(t['definition'])}</dd>"
                         for t in terms.to_dict("records"))
    note = f"<p><strong>{TEXT('note')}</strong> {views.esc(b['note'])}</p>" if b["note"] else ""
    return (f'<section class="course-card" aria-label="{views.esc(TEXT("can_go", acronym=b["acronym"]))}">'
            f'<{h}>{views.esc(b["name"])} ({views.esc(b["acronym"])})</{h}>'
            f"<{h2}>{TEXT('which_states')}</{h2}>{_figure_items(kb, body_id)}"
            f"<{h2}>{TEXT('who_brings')}</{h2}><p>{views.esc(b['functions'])}</p>"
            f"<{h2}>{TEXT('take_part')}</{h2}><p>{views.esc(b['npm_relevance'])}</p>{note}"
            f"{_verdict(kb, body_id, profile, b['acronym'])}{steps}"
            + (f"<{h2}>{TEXT('terms')}</{h2}><dl>{term_items}</dl>" if term_items else "")
            + f'<p class="course-meta">{views.TEXT("sources_colon", links=views.source_links(kb, b["source_ids"]))}'
            f'</p></section>')


def summary_table(kb: KnowledgeBase, courts: pd.DataFrame) -> pd.DataFrame:
    """One row per court and kind of NPM: may it file a brief or ask to intervene? (for the static book)"""
    rows = []
    for court in courts.itertuples():
        for kind in NPM_KINDS:
            answer = may_intervene(kb, court.id, kind.profile)
            rows.append({TEXT("court"): court.acronym, WORDS("my_npm"): kind.label,
                         TEXT("may_file"): {True: TEXT("answer_yes"), False: TEXT("answer_no"),
                                            None: TEXT("answer_none")}[answer]})
    return pd.DataFrame(rows)


class CourtAccess(CourseWidget):
    """Pick a court and read what an NPM can do there; live, say what kind of NPM yours is."""

    def __init__(self, courts: pd.DataFrame, live: bool | None = None, kb: KnowledgeBase | None = None):
        super().__init__(live, kb)
        self.courts = courts.reset_index(drop=True)
        self.views = Views(TEXT("court"), [f"{c['acronym']}{colon()} {c['name']}" for c in self.courts.to_dict("records")],
                           [court_view(self.kb, body_id) for body_id in self.courts["id"]])
        self.profile = None
        if self.live:
            import ipywidgets as w

            self._box = self.views.widget()
            self.picker, self.stack, self.links = self.views.picker, self.views.stack, self.views.links
            self.profile = w.Dropdown(options=npm_kind_options(), description=WORDS("my_npm"),
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
        searchable_table(summary_table(kb, courts), caption=TEXT("caption"))
