"""The NHRI comparison: what an NPM can do in a cycle depending on whether it is also an NHRI, and of which grade.

Everything is computed from `opportunities.who` with `course.kb.Profile`. Each opening gets one of four
kinds of access for each kind of NPM:

- `own`: the NPM can do it in its own name;
- `conditional`: open to any NPM, but only if a condition of the body is met (it was invited, or it already
  sent written information);
- `partner`: the NPM cannot do it in its own name, but can do it through a partner NGO with ECOSOC status.
  This is the `ecosoc_or_nhri` case. At the Human Rights Council (the only place it is used) an NHRI has
  standing of its own only if it holds A status, so a B-status NHRI is in the same place as an NPM that is not
  an NHRI;
- `closed`: not open to this kind of NPM.

The book gets one pre-rendered view per kind of NPM, switched by a list in the browser (no kernel needed), and a
searchable table over every cycle. Live, a second Dropdown picks the cycle.
"""
from __future__ import annotations

import pandas as pd

from .. import i18n
from ..kb import WHO_LABELS, KnowledgeBase, Labels, Profile
from .common import WORDS, CourseWidget, Views, searchable_table
from .views import NPM_KINDS, NpmKind, capital, esc

ACCESS_WORDS = Labels(__name__ + ".ACCESS_WORDS", {
    "own": {"en": "Yes, in its own name", "fr": "Oui, en son nom propre", "es": "Sí, en nombre propio"},
    "conditional": {"en": "Yes, if the condition is met", "fr": "Oui, si la condition est remplie",
                    "es": "Sí, si se cumple la condición"},
    "partner": {"en": "Only through a partner NGO with ECOSOC status",
                "fr": "Seulement par une ONG partenaire dotée du statut consultatif auprès de l'ECOSOC",
                "es": "Solo por medio de una ONG asociada reconocida como entidad consultiva del ECOSOC"},
    "closed": {"en": "No", "fr": "Non", "es": "No"},
})
TEXT = i18n.Text(__name__, {
    "no_difference": {"en": "Compared with {other}: <strong>no difference</strong> here.",
                      "fr": "Par rapport à {other} : <strong>aucune différence</strong> ici.",
                      "es": "En comparación con {other}: <strong>ninguna diferencia</strong> aquí."},
    "more": {"en": "it can do more with {names}", "fr": "il peut faire davantage pour {names}",
             "es": "puede hacer más en {names}"},
    "less": {"en": "it can do less with {names}", "fr": "il peut faire moins pour {names}",
             "es": "puede hacer menos en {names}"},
    "compared": {"en": "Compared with {other}: {text}.", "fr": "Par rapport à {other} : {text}.",
                 "es": "En comparación con {other}: {text}."},
    "the_cycle": {"en": "the cycle <em>{name}</em>", "fr": "le cycle <em>{name}</em>", "es": "el ciclo <em>{name}</em>"},
    "n_cycles": {"en": "{n} cycles ({names})", "fr": "{n} cycles ({names})", "es": "{n} ciclos ({names})"},
    "count": {"en": "{word}: {n}", "fr": "{word} : {n}", "es": "{word}: {n}"},
    "list_sep": {"en": "; ", "fr": " ; ", "es": "; "},
    "no_cycle": {"en": "no cycle", "fr": "aucun cycle", "es": "ningún ciclo"},
    "differs": {"en": " (differs)", "fr": " (diffère)", "es": " (difiere)"},
    "aria": {"en": "Openings for {kind}", "fr": "Occasions pour {kind}", "es": "Oportunidades para {kind}"},
    "what_can_do": {"en": "What {kind} can do", "fr": "Ce que peut faire {kind}", "es": "Qué puede hacer {kind}"},
    "summary": {"en": "In {cycles}, out of {n} openings: {summary}.", "fr": "Dans {cycles}, sur {n} occasions : {summary}.",
                "es": "En {cycles}, de {n} oportunidades: {summary}."},
    "how_differs": {"en": "How it differs from the other kinds of NPM", "fr": "En quoi il diffère des autres types de MNP",
                    "es": "En qué se diferencia de los otros tipos de MNP"},
    "side_by_side": {"en": "Every opening, side by side", "fr": "Toutes les occasions, côte à côte",
                     "es": "Todas las oportunidades, una junto a otra"},
    "legend": {"en": "✔ in its own name; ✔* if the body's condition is met; ↪ only through a partner NGO with ECOSOC "
                     "status; ✘ not open. Rows marked \"(differs)\" are the ones where the kind of NPM matters.",
               "fr": "✔ en son nom propre ; ✔* si la condition de l'organe est remplie ; ↪ seulement par une ONG "
                     "partenaire dotée du statut consultatif auprès de l'ECOSOC ; ✘ fermé. Les lignes marquées "
                     "« (diffère) » sont celles où le type de MNP compte.",
               "es": "✔ en nombre propio; ✔* si se cumple la condición del órgano; ↪ solo por medio de una ONG "
                     "asociada reconocida como entidad consultiva del ECOSOC; ✘ no abierta. Las filas marcadas "
                     "«(difiere)» son aquellas en las que el tipo de MNP importa."},
    "caption": {"en": "Openings in {cycles}, by kind of NPM", "fr": "Occasions dans {cycles}, par type de MNP",
                "es": "Oportunidades en {cycles}, por tipo de MNP"},
    "opening": {"en": "Opening", "fr": "Occasion", "es": "Oportunidad"},
    "every_cycle": {"en": "every cycle in the course", "fr": "tous les cycles du cours", "es": "todos los ciclos del curso"},
    "cycle": {"en": "Cycle", "fr": "Cycle", "es": "Ciclo"},
    "step": {"en": "Step", "fr": "N° d'étape", "es": "Paso"},
    "open_to": {"en": "Open to (from the data)", "fr": "Ouvert à (selon les données)", "es": "Abierta a (según los datos)"},
    "table_caption": {"en": "Every opening in every cycle of the course, by kind of NPM: search, or click a heading to "
                            "sort",
                      "fr": "Toutes les occasions de tous les cycles du cours, par type de MNP : cherchez, ou cliquez "
                            "sur un en-tête pour trier",
                      "es": "Todas las oportunidades de todos los ciclos del curso, por tipo de MNP: busque, o haga "
                            "clic en un encabezado para ordenar"},
})
# A symbol as well as words, so that the difference never rests on colour alone.
ACCESS_MARKS = {"own": "✔", "conditional": "✔*", "partner": "↪", "closed": "✘"}
CONDITIONAL_WHO = ("prior_submitter", "on_invitation")

def access(who: str, profile: Profile) -> str:
    """How an NPM of this profile can take up an opening whose `who` is given: own, conditional, partner or closed."""
    if who not in WHO_LABELS:
        raise KeyError(f"unknown who value {who!r}")
    if who == "ecosoc_or_nhri":
        return "own" if profile.may("a_status_nhri") else "partner"
    if not profile.may(who):
        return "closed"
    return "conditional" if who in CONDITIONAL_WHO else "own"


def comparison(kb: KnowledgeBase, cycle_ids=None) -> pd.DataFrame:
    """One row per opening of the given cycles (default: all), in cycle and stage order, with one access
    column per kind of NPM (keyed by NpmKind.key)."""
    cycles = kb["cycles"]
    if cycle_ids is not None:
        wanted = [cycle_ids] if isinstance(cycle_ids, str) else list(cycle_ids)
        unknown = set(wanted) - set(cycles["id"])
        if unknown:
            raise KeyError(f"no cycle with id {sorted(unknown)}")
        cycles = cycles.set_index("id").loc[wanted].reset_index()
    rows = []
    for cycle_number, cycle in enumerate(cycles.itertuples()):
        stages = kb.stages(cycle.id)
        for stage in stages.itertuples():
            for o in kb.opportunities(stage_id=stage.id).itertuples():
                row = {"cycle_id": cycle.id, "cycle": cycle.name, "cycle_order": cycle_number,
                       "stage_id": stage.id, "stage_order": stage.order, "stage": stage.name,
                       "id": o.id, "opening": o.name, "who": o.who, "conditions": o.conditions}
                row.update({kind.key: access(o.who, kind.profile) for kind in NPM_KINDS})
                rows.append(row)
    columns = ["cycle_id", "cycle", "cycle_order", "stage_id", "stage_order", "stage", "id", "opening", "who",
               "conditions", *[k.key for k in NPM_KINDS]]
    return pd.DataFrame(rows, columns=columns)


def tally(table: pd.DataFrame, key: str) -> dict[str, int]:
    """How many openings of each kind of access one kind of NPM has in the table."""
    counts = table[key].value_counts()
    return {a: int(counts.get(a, 0)) for a in ACCESS_WORDS}


def differences(table: pd.DataFrame, key: str, other: str) -> pd.DataFrame:
    """The openings where kind `key` has different access from kind `other`."""
    return table[table[key] != table[other]]


def _cell(value: str, kind: NpmKind, mine: bool) -> str:
    css = ' class="course-me"' if mine else ""
    return (f'<td{css} data-label="{esc(capital(kind.label))}"><span aria-hidden="true">{ACCESS_MARKS[value]}'
            f'</span> {esc(ACCESS_WORDS[value])}</td>')


def _kind(key: str) -> NpmKind:
    return next(k for k in NPM_KINDS if k.key == key)


def _gains_and_losses(table: pd.DataFrame, key: str) -> str:
    """Sentences on what this kind of NPM can do that the others cannot, and the other way round."""
    rank = {"closed": 0, "partner": 1, "conditional": 2, "own": 3}
    parts = []
    for other in NPM_KINDS:
        if other.key == key:
            continue
        diff = differences(table, key, other.key)
        better = diff[diff[key].map(rank) > diff[other.key].map(rank)]
        worse = diff[diff[key].map(rank) < diff[other.key].map(rank)]
        if diff.empty:
            parts.append(f"<li>{TEXT('no_difference', other=esc(other.label))}</li>")
            continue
        text = []
        if not better.empty:
            text.append(TEXT("more", names=", ".join(f"<em>{esc(n)}</em>" for n in better["opening"])))
        if not worse.empty:
            text.append(TEXT("less", names=", ".join(f"<em>{esc(n)}</em>" for n in worse["opening"])))
        parts.append(f"<li>{TEXT('compared', other=esc(other.label), text='; '.join(text))}</li>")
    return f"<ul>{''.join(parts)}</ul>"


def comparison_view(kb: KnowledgeBase, key: str, cycle_ids=None, heading_level: int = 4) -> str:
    """The view for one kind of NPM: a short summary, what differs from the other kinds, and a table of every
    opening with the access of all three kinds, the chosen one highlighted."""
    kind = _kind(key)
    table = comparison(kb, cycle_ids)
    h, h2 = f"h{heading_level}", f"h{heading_level + 1}"
    counts = tally(table, key)
    summary = TEXT("list_sep").join(TEXT("count", word=esc(ACCESS_WORDS[a][0].lower() + ACCESS_WORDS[a][1:]), n=n)
                                    for a, n in counts.items() if n)
    names = list(table["cycle"].unique())
    cycles = (TEXT("the_cycle", name=esc(names[0])) if len(names) == 1
              else TEXT("n_cycles", n=len(names), names=", ".join(esc(c) for c in names)) if names
              else TEXT("no_cycle"))
    me = ' class="course-me"'
    head = "".join(f'<th scope="col"{me if k.key == key else ""}>{esc(capital(k.label))}</th>' for k in NPM_KINDS)
    body = []
    show_cycle = table["cycle_id"].nunique() > 1
    for r in table.itertuples():
        differs = len({getattr(r, k.key) for k in NPM_KINDS}) > 1
        cells = "".join(_cell(getattr(r, k.key), k, k.key == key) for k in NPM_KINDS)
        where = f"{esc(r.cycle)}: " if show_cycle else ""
        note = f'<br><span class="course-meta">{esc(r.conditions)}</span>' if r.conditions else ""
        row_class = ' class="course-diff"' if differs else ""
        body.append(f'<tr{row_class}><th scope="row">{esc(r.opening)}{esc(TEXT("differs")) if differs else ""}'
                    f'{note}</th><td data-label="{esc(WORDS("stage"))}">{where}{r.stage_order}. {esc(r.stage)}</td>'
                    f'{cells}</tr>')
    return (f'<section class="course-card course-compare" aria-label="{esc(TEXT("aria", kind=kind.label))}">'
            f'<{h}>{esc(TEXT("what_can_do", kind=kind.label))}</{h}>'
            f'<p>{TEXT("summary", cycles=cycles, n=len(table), summary=summary)}</p>'
            f'<{h2}>{esc(TEXT("how_differs"))}</{h2}>{_gains_and_losses(table, key)}'
            f'<{h2}>{esc(TEXT("side_by_side"))}</{h2}>'
            f'<p class="course-meta">{esc(TEXT("legend"))}</p>'
            f'<table class="course-data"><caption>{TEXT("caption", cycles=cycles)}</caption>'
            f'<thead><tr><th scope="col">{esc(TEXT("opening"))}</th><th scope="col">{esc(WORDS("stage"))}</th>{head}'
            f'</tr></thead><tbody>{"".join(body)}</tbody></table></section>')


class NhriComparison(CourseWidget):
    """Pick the kind of NPM and see its openings beside the other kinds; live, pick the cycle too."""

    def __init__(self, cycle_id: str | None, live: bool | None = None, kb: KnowledgeBase | None = None):
        super().__init__(live, kb)
        self.cycle_id = cycle_id
        self.views = Views(WORDS("my_npm"), [k.label for k in NPM_KINDS],
                           [comparison_view(self.kb, k.key, cycle_id) for k in NPM_KINDS])
        self.cycle = None
        if self.live:
            import ipywidgets as w

            self._box = self.views.widget()
            self.picker, self.stack, self.links = self.views.picker, self.views.stack, self.views.links
            cycles = self.kb["cycles"]
            self.cycle = w.Dropdown(options=[(TEXT("every_cycle"), None)] + list(zip(cycles["name"], cycles["id"])),
                                    value=cycle_id, description=TEXT("cycle"), style={"description_width": "initial"})
            self.cycle.observe(self._rerender, names="value")

    def _rerender(self, _change=None):
        for kind, view in zip(NPM_KINDS, self.stack.children):
            view.value = comparison_view(self.kb, kind.key, self.cycle.value)

    def widget(self):
        import ipywidgets as w

        return w.VBox([self.cycle, self._box])

    def html(self) -> str:
        return self.views.html()


def table_for_reading(table: pd.DataFrame) -> pd.DataFrame:
    """The comparison as plain words, for the searchable table."""
    out = table[["opening", "cycle", "stage_order", "stage"]].copy()
    out["who"] = table["who"].map(WHO_LABELS.words())
    for kind in NPM_KINDS:
        out[kind.key] = table[kind.key].map(ACCESS_WORDS.words())
    return out.rename(columns={"cycle": TEXT("cycle"), "stage_order": TEXT("step"), "stage": WORDS("stage"),
                               "opening": TEXT("opening"), "who": TEXT("open_to"),
                               **{k.key: capital(k.label) for k in NPM_KINDS}})


def nhri_comparison(cycle_id: str | None = "upr", kb: KnowledgeBase | None = None) -> None:
    """Show the comparison for one cycle (None: every cycle), then a searchable table over every cycle."""
    widget = NhriComparison(cycle_id, kb=kb)
    widget.show()
    if not widget.live:
        searchable_table(table_for_reading(comparison(widget.kb)),
                         caption=TEXT("table_caption"))
