"""HTML views of bodies and stages: pure functions from table rows to accessible HTML.

Widgets put one view per body or per stage into a Stack and switch between them in the browser, so the same
views serve JupyterLab and the static book. Keeping them pure makes them easy to test. Every word they show is in
the language in use (course.i18n): the strings below, and the data's own columns in that language.
"""
from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

import pandas as pd

from .. import i18n
from ..kb import UNIT_WORDS, WHO_LABELS, KnowledgeBase, Labels, Profile, offset_words
from ..planner import ACTION_LABELS, REGION_NAMES, SYSTEM_NAMES
from .common import WORDS, colon, day, esc, in_language, people

TEXT = i18n.Text(__name__, {
    "as_of": {"en": "as of {date}", "fr": "au {date}", "es": "a fecha de {date}"},
    "changed": {"en": "Changed since the APT guide: {change}", "fr": "Changement depuis le guide de l'APT : {change}",
                "es": "Cambio desde la guía de la APT: {change}"},
    "stale": {"en": "This is the newest count we could confirm and it may have changed since: check the source "
                    "before you rely on it.",
              "fr": "C'est le chiffre le plus récent que nous avons pu confirmer, et il a pu changer depuis : "
                    "vérifiez la source avant de vous y fier.",
              "es": "Es la cifra más reciente que pudimos confirmar y puede haber cambiado desde entonces: "
                    "consulte la fuente antes de basarse en ella."},
    "consulted": {"en": ", consulted {date}", "fr": ", consulté le {date}", "es": ", consultado el {date}"},
    "part_of": {"en": "Part of the {name}.", "fr": "Fait partie de : {name}.", "es": "Forma parte de: {name}."},
    "set_up_by": {"en": "Set up by", "fr": "Créé par", "es": "Creado por"},
    "working_since": {"en": "{instrument}; working since {year}", "fr": "{instrument} ; en activité depuis {year}",
                      "es": "{instrument}; en funcionamiento desde {year}"},
    "size": {"en": "Size", "fr": "En chiffres", "es": "En cifras"},
    "no_count": {"en": "no count recorded", "fr": "aucun chiffre enregistré", "es": "ninguna cifra registrada"},
    "what_it_does": {"en": "What it does", "fr": "Ce qu'il fait", "es": "Qué hace"},
    "why_npm": {"en": "Why it matters to an NPM", "fr": "Pourquoi il compte pour un MNP",
                "es": "Por qué importa a un MNP"},
    "note": {"en": "Note", "fr": "Remarque", "es": "Nota"},
    "sources": {"en": "Sources", "fr": "Sources", "es": "Fuentes"},
    "official_page": {"en": "Official page of the {acronym}", "fr": "Page officielle : {acronym}",
                      "es": "Página oficial: {acronym}"},
    "staff_day": {"en": "{n} staff day", "fr": "{n} jour de travail", "es": "{n} día de trabajo"},
    "staff_days": {"en": "{n} staff days", "fr": "{n} jours de travail", "es": "{n} días de trabajo"},
    "no_opening": {"en": "No particular opening for NPMs at this stage: use it to prepare for the next.",
                   "fr": "Pas d'occasion particulière pour les MNP à cette étape : profitez-en pour préparer la "
                         "suivante.",
                   "es": "No hay ninguna oportunidad particular para los MNP en esta etapa: aprovéchela para "
                         "preparar la siguiente."},
    "facts": {"en": "Who may: {who}. Form: {mode}, {visibility}. Rough effort: {effort}. Themes: {themes}.",
              "fr": "Qui peut le faire : {who}. Forme : {mode}, {visibility}. Effort approximatif : {effort}. "
                    "Thèmes : {themes}.",
              "es": "Quién puede: {who}. Forma: {mode}, {visibility}. Esfuerzo aproximado: {effort}. "
                    "Temas: {themes}."},
    "highlighted": {"en": "Stage {n} of {total} is highlighted.", "fr": "L'étape {n} sur {total} est mise en évidence.",
                    "es": "La etapa {n} de {total} está resaltada."},
    "in_order": {"en": "{total} stages in order: ", "fr": "{total} étapes dans l'ordre : ",
                 "es": "{total} etapas en orden: "},
    "in_planner": {"en": "in the planner: {when}; {basis}", "fr": "dans le planificateur : {when} ; {basis}",
                   "es": "en el planificador: {when}; {basis}"},
    "stage_label": {"en": "Stage {n}: {name}", "fr": "Étape {n} : {name}", "es": "Etapa {n}: {name}"},
    "stage_of": {"en": "Stage {n} of {total}: {name}", "fr": "Étape {n} sur {total} : {name}",
                 "es": "Etapa {n} de {total}: {name}"},
    "who_acts": {"en": "Who acts", "fr": "Qui agit", "es": "Quién actúa"},
    "npm_can_do": {"en": "What an NPM can do here", "fr": "Ce qu'un MNP peut faire ici",
                   "es": "Qué puede hacer un MNP aquí"},
    "sources_colon": {"en": "Sources: {links}", "fr": "Sources : {links}", "es": "Fuentes: {links}"},
    "any_npm": {"en": "any NPM (show everything)", "fr": "tout MNP (tout afficher)",
                "es": "cualquier MNP (mostrar todo)"},
    "what_it_is_line": {"en": "{kind}, {region}", "fr": "{kind}, {region}", "es": "{kind}, {region}"},
})

MODE_LABELS = Labels(__name__ + ".MODE_LABELS", {
    "written": {"en": "written", "fr": "écrit", "es": "escrito"},
    "oral": {"en": "oral", "fr": "oral", "es": "oral"},
    "meeting": {"en": "meeting", "fr": "réunion", "es": "reunión"},
    "attendance": {"en": "attending", "fr": "présence", "es": "asistencia"},
    "visit": {"en": "visit", "fr": "visite", "es": "visita"},
    "communication": {"en": "public communication", "fr": "communication publique", "es": "comunicación pública"},
})
VISIBILITY_LABELS = Labels(__name__ + ".VISIBILITY_LABELS", {
    "public": {"en": "public", "fr": "public", "es": "público"},
    "confidential": {"en": "confidential", "fr": "confidentiel", "es": "confidencial"},
})
BASIS_LABELS = Labels(__name__ + ".BASIS_LABELS", {
    "rule": {"en": "set by the rules", "fr": "fixé par le règlement", "es": "fijado por las normas"},
    "practice": {"en": "usual practice, may vary", "fr": "pratique habituelle, peut varier",
                 "es": "práctica habitual, puede variar"},
    "estimate": {"en": "our rough estimate, check the body's calendar",
                 "fr": "notre estimation approximative, vérifiez le calendrier de l'organe",
                 "es": "nuestra estimación aproximada, consulte el calendario del órgano"},
})
# Colours meet WCAG AA contrast on white for text, and the current stage differs by shape and weight too.
ACCENT = "#0b5394"
STALE_DAYS = 2 * 365  # as `python -m course validate` warns: figures older than 24 months
MUTED = "#5f6368"


def format_number(value: float) -> str:
    """8 rather than 8.0, 1.5 as it is (1,5 in French and Spanish)."""
    return people(float(value))


# How the codes in data/ read to a person. The one place that turns `system`, `kind` and `region` into words.
# Each system: its name, and the word put before a kind of body in English ("UN treaty body"; none for networks);
# in French and Spanish the system's short name goes after the kind, in brackets.
SYSTEM_SHORT = Labels(__name__ + ".SYSTEM_SHORT", {
    "un": {"en": "UN", "fr": "ONU", "es": "ONU"},
    "coe": {"en": "Council of Europe", "fr": "Conseil de l'Europe", "es": "Consejo de Europa"},
    "oas": {"en": "Inter-American (OAS)", "fr": "OEA", "es": "OEA"},
    "au": {"en": "African Union", "fr": "Union africaine", "es": "Unión Africana"},
    "network": {"en": "-", "fr": "-", "es": "-"},  # none: a network is not part of a system
})
KIND_NAMES = Labels(__name__ + ".KIND_NAMES", {
    "treaty_body": {"en": "treaty body", "fr": "organe conventionnel", "es": "órgano de tratado"},
    "un_entity": {"en": "UN entity", "fr": "entité des Nations Unies", "es": "entidad de las Naciones Unidas"},
    "special_procedure_mandate": {"en": "Special Procedures mandate", "fr": "mandat des procédures spéciales",
                                  "es": "mandato de los procedimientos especiales"},
    "charter_mechanism": {"en": "Charter-based mechanism", "fr": "mécanisme fondé sur la Charte",
                          "es": "mecanismo basado en la Carta"},
    "charter_body": {"en": "Charter-based body", "fr": "organe fondé sur la Charte", "es": "órgano basado en la Carta"},
    "commission": {"en": "commission", "fr": "commission", "es": "comisión"},
    "court": {"en": "court", "fr": "cour", "es": "tribunal"},
    "monitoring_body": {"en": "monitoring body", "fr": "organe de contrôle", "es": "órgano de supervisión"},
    "network": {"en": "network", "fr": "réseau", "es": "red"},
    "rapporteurship": {"en": "rapporteurship", "fr": "mandat de rapporteur", "es": "relatoría"},
    "standard": {"en": "standard", "fr": "norme", "es": "norma"},
})
def label(column: str, value: str) -> str:
    """A value of data/ as words: label("system", "coe") is "Council of Europe", label("kind", "un_entity") is
    "UN entity", label("engagement", "amicus_brief") is "amicus curiae or third-party brief" (in the language in
    use)."""
    if column == "system":
        return SYSTEM_NAMES[value] if value in SYSTEM_NAMES else value.upper()
    if column == "engagement":
        return ACTION_LABELS.get(value, value.replace("_", " "))
    if column == "region":
        return REGION_NAMES.get(value, value.replace("_", " ").capitalize())
    return KIND_NAMES.get(value, value.replace("_", " "))


def capital(text: str) -> str:
    """The text with a capital first letter ("the Americas" -> "The Americas")."""
    return text[:1].upper() + text[1:]


def what_it_is(body) -> str:
    """'UN treaty body, global', 'Council of Europe monitoring body, Europe', 'Network, global'
    ('Organe conventionnel (ONU), monde entier')."""
    kind = label("kind", body["kind"])
    short = SYSTEM_SHORT.get(body["system"], body["system"].upper())
    if short == "-":
        text = kind
    elif i18n.language() == "en":
        text = f"{short} {kind}" if not kind.startswith(short) else kind
    else:
        text = kind if short in kind or SYSTEM_NAMES.get(body["system"], "") in kind else f"{kind} ({short})"
    return TEXT("what_it_is_line", kind=capital(text), region=label("region", body["region"]))


NPM_KIND_LABELS = Labels(__name__ + ".NPM_KIND_LABELS", {
    "not_nhri": {"en": "an NPM that is not an NHRI", "fr": "un MNP qui n'est pas une INDH",
                 "es": "un MNP que no es una INDH"},
    "b_status": {"en": "an NPM that is also a B-status NHRI", "fr": "un MNP qui est aussi une INDH de statut B",
                 "es": "un MNP que también es una INDH de categoría B"},
    "a_status": {"en": "an NPM that is also an A-status NHRI", "fr": "un MNP qui est aussi une INDH de statut A",
                 "es": "un MNP que también es una INDH de categoría A"},
})


@dataclass(frozen=True)
class NpmKind:
    key: str
    profile: Profile

    @property
    def label(self) -> str:
        return NPM_KIND_LABELS[self.key]


# The kinds of NPM every widget offers, the one list: whether it is also an NHRI, and of which grade.
NPM_KINDS = (
    NpmKind("not_nhri", Profile(nhri_grade=None)),
    NpmKind("b_status", Profile(nhri_grade="B")),
    NpmKind("a_status", Profile(nhri_grade="A")),
)


def any_npm() -> str:
    return TEXT("any_npm")


def npm_kind_options() -> list[tuple[str, str | None]]:
    """The choices of a "My NPM is" list: any NPM first, then each kind."""
    return [(any_npm(), None)] + [(k.label, k.key) for k in NPM_KINDS]


def profile_for(key: str | None) -> Profile | None:
    """The Profile of an NPM kind's key (None: any NPM, show everything)."""
    if key is None:
        return None
    for kind in NPM_KINDS:
        if kind.key == key:
            return kind.profile
    raise KeyError(f"unknown kind of NPM {key!r}: one of {', '.join(k.key for k in NPM_KINDS)}")


def figure_sentences(kb: KnowledgeBase, body_id: str, today: dt.date | None = None) -> list[str]:
    """'10 independent experts (as of 28 November 2026)' for each figure of a body, saying what changed since
    the APT guide and warning when the newest figure we could confirm is old."""
    today = today or dt.date.today()
    out = []
    for _, f in kb.figures(body_id).iterrows():
        text = f"{format_number(f['value'])} {esc(f['unit'])} ({esc(TEXT('as_of', date=day(f['as_of'])))})"
        if f["change"]:
            text += f" <em>{esc(TEXT('changed', change=f['change']))}</em>"
        if (today - f["as_of"]).days > STALE_DAYS:
            text += f" <em>{esc(TEXT('stale'))}</em>"
        out.append(text)
    return out


def lang_attr(language: str) -> str:
    """ lang="en" on a title written in another language than the page's (empty when they agree)."""
    return f' lang="{esc(language)}"' if language and language != i18n.language() else ""


def source_links(kb: KnowledgeBase, source_ids) -> str:
    items = [f'<a href="{esc(s["url"])}"{lang_attr(s.get("language", ""))}>{esc(s["title"])}</a> '
             f'({in_language(s["publisher"], s.get("language", ""))}{esc(TEXT("consulted", date=day(s["consulted"])))})'
             for s in kb.sources(source_ids).to_dict("records")]
    return "; ".join(items)


def body_card(kb: KnowledgeBase, body_id: str, heading_level: int = 4) -> str:
    """Everything the course knows about one body, as an HTML card."""
    b = kb.body(body_id)
    h = f"h{heading_level}"
    parent = f" {esc(TEXT('part_of', name=kb.body(b['parent_id'])['name']))}" if b["parent_id"] else ""
    figures = figure_sentences(kb, body_id)
    rows = [
        (WORDS("what_it_is"), f"{esc(what_it_is(b))}.{parent}"),
        (TEXT("set_up_by"), esc(TEXT("working_since", instrument=b["founding_instrument"],
                                     year=b["established_year"]))),
        (WORDS("seat"), esc(b["seat"])),
        (TEXT("size"), "<br>".join(figures) if figures else TEXT("no_count")),
        (TEXT("what_it_does"), esc(b["functions"])),
        (TEXT("why_npm"), esc(b["npm_relevance"])),
    ]
    if b["note"]:
        rows.append((TEXT("note"), esc(b["note"])))
    rows.append((TEXT("sources"), source_links(kb, b["source_ids"])))
    body = "".join(f'<tr><th scope="row">{k}</th><td>{v}</td></tr>' for k, v in rows)
    return (f'<section class="course-card" aria-label="{esc(b["acronym"])}">'
            f'<{h}>{esc(b["name"])} ({esc(b["acronym"])})</{h}>'
            f'<table class="course-facts">{body}</table>'
            f'<p><a href="{esc(b["url"])}">{esc(TEXT("official_page", acronym=b["acronym"]))}</a></p></section>')


SHORT_UNITS = {"days": "d", "weeks": "wk", "months": "mo", "years": "yr"}


def short_offset(offset: int, unit: str) -> str:
    """A compact label for the timeline: '−3 mo', '0', '+1 yr' ('−3 mois', '+1 año')."""
    if offset == 0:
        return "0"
    amount = abs(offset)
    lang = i18n.language()
    word = SHORT_UNITS[unit] if lang == "en" else UNIT_WORDS[unit][lang][0 if amount == 1 else 1]
    return f"{'−' if offset < 0 else '+'}{amount} {word}"


def staff_days(value: float) -> str:
    return TEXT("staff_days" if float(value) != 1 else "staff_day", n=format_number(value))


def opportunity_list(opportunities: pd.DataFrame, themes: pd.DataFrame) -> str:
    if opportunities.empty:
        return f"<p>{esc(TEXT('no_opening'))}</p>"
    theme_names = dict(zip(themes["id"], themes["name"]))
    items = []
    for o in opportunities.to_dict("records"):
        facts = TEXT("facts", who=WHO_LABELS[o["who"]], mode=MODE_LABELS[o["mode"]],
                     visibility=VISIBILITY_LABELS.get(o["visibility"], o["visibility"]),
                     effort=staff_days(o["effort_days"]), themes=", ".join(theme_names[t] for t in o["themes"]))
        conditions = f" {esc(o['conditions'])}" if o["conditions"] else ""
        items.append(f"<li><strong>{esc(o['name'])}</strong>{colon()} {esc(o['description'])}{conditions}"
                     f'<br><span class="course-meta">{esc(facts)}</span></li>')
    return f"<ul>{''.join(items)}</ul>"


def _wrap(label: str, width: int = 16, lines: int = 3) -> list[str]:
    wrapped = textwrap.wrap(label, width) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1] + "…"
    return wrapped


def timeline_svg(stages: pd.DataFrame, current: int | None, title: str) -> str:
    """The whole cycle as numbered steps down a line, the current one drawn larger, filled and in bold; each
    stage's timing sits on its own line under its name, so labels never run into each other.

    In the book a click on a step shows that stage (each step carries data-course-go). The picture has a title
    and a description for screen readers, and the page gives the cycle in words too."""
    width, line = 290, 17
    parts, y = [], 22
    records = stages.to_dict("records")
    for i, s in enumerate(records):
        on = i == current
        lines = _wrap(s["name"], width=27, lines=2)
        tspans = "".join(f'<tspan x="42" dy="{0 if j == 0 else line}">{esc(text)}</tspan>' for j, text in enumerate(lines))
        offset_y = y + 5 + line * len(lines)
        parts.append(f'<g class="course-go" data-course-go="{i}">'
                     f'<rect x="0" y="{y - 20}" width="{width}" height="{offset_y - y + 26}" fill="transparent"/>'
                     f'<circle cx="18" cy="{y}" r="{15 if on else 12}" fill="{ACCENT if on else "#ffffff"}" '
                     f'stroke="{ACCENT}" stroke-width="2"/>'
                     f'<text x="18" y="{y + 5}" text-anchor="middle" font-size="13" font-weight="bold" '
                     f'fill="{"#ffffff" if on else ACCENT}">{i + 1}</text>'
                     f'<text x="42" y="{y + 5}" font-size="14" font-weight="{"bold" if on else "normal"}" '
                     f'fill="#202124">{tspans}</text>'
                     f'<text x="42" y="{offset_y}" font-size="13" fill="{MUTED}">'
                     f'{esc(short_offset(s["offset"], s["offset_unit"]))}</text></g>')
        y = offset_y + 26
    height = y - 10
    parts.insert(0, f'<line x1="18" y1="22" x2="18" y2="{max(22, height - 40)}" stroke="{ACCENT}" stroke-width="2"/>')
    where = " " + TEXT("highlighted", n=current + 1, total=len(records)) if current is not None else ""
    description = TEXT("in_order", total=len(records)) + "; ".join(
        f"{i + 1}. {s['name']} ({short_offset(s['offset'], s['offset_unit'])})"
        for i, s in enumerate(records)) + "." + where
    return (f'<svg class="course-timeline" role="img" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" aria-label="{esc(title)}. {esc(description)}" xmlns="http://www.w3.org/2000/svg">'
            f'<title>{esc(title)}</title><desc>{esc(description)}</desc>{"".join(parts)}</svg>')


def stage_card(kb: KnowledgeBase, cycle_id: str, path_id: str, index: int, profile=None, themes=None) -> str:
    """One stage of a path: the timeline with the stage highlighted, then its timing and the NPM's openings."""
    stages = kb.stages(cycle_id, path_id)
    s = stages.iloc[index]
    anchor = kb["anchors"].set_index("id").loc[s["anchor_id"]]
    path = kb["paths"].set_index("id").loc[path_id]
    opportunities = kb.opportunities(stage_id=s["id"], profile=profile, themes=themes)
    planner_note = TEXT("in_planner", when=offset_words(s["offset"], s["offset_unit"], anchor["name"]),
                        basis=BASIS_LABELS[s["timing_basis"]])
    timing = f"{esc(s['timing'])} <span class=\"course-meta\">({esc(planner_note)})</span>"
    return (f'<section class="course-card course-stage" '
            f'aria-label="{esc(TEXT("stage_label", n=index + 1, name=s["name"]))}">'
            f'<div class="course-stage-timeline">'
            f'{timeline_svg(stages, index, kb.cycle(cycle_id)["name"] + colon() + " " + path["name"])}</div>'
            f'<div class="course-stage-details">'
            f'<h4>{esc(TEXT("stage_of", n=index + 1, total=len(stages), name=s["name"]))}</h4>'
            f'<p>{esc(s["summary"])}</p>'
            f'<table class="course-facts"><tr><th scope="row">{TEXT("who_acts")}</th><td>{esc(s["actor"])}</td></tr>'
            f'<tr><th scope="row">{WORDS("when")}</th><td>{timing}</td></tr></table>'
            f'<h5>{esc(TEXT("npm_can_do"))}</h5>{opportunity_list(opportunities, kb["themes"])}'
            f'<p class="course-meta">{TEXT("sources_colon", links=source_links(kb, s["source_ids"]))}</p>'
            f'</div></section>')


def cycle_in_words(kb: KnowledgeBase, cycle_id: str, path_id: str) -> str:
    """The text alternative of the timeline: every stage of the path with its timing, in order."""
    items = "".join(f"<li><strong>{esc(s['name'])}</strong>{colon()} {esc(s['timing'])}</li>"
                    for s in kb.stages(cycle_id, path_id).to_dict("records"))
    return f"<ol>{items}</ol>"
