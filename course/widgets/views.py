"""HTML views of bodies and stages: pure functions from table rows to accessible HTML.

Widgets put one view per body or per stage into a Stack and switch between them in the browser, so the same
views serve JupyterLab and the static book. Keeping them pure makes them easy to test.
"""
from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

import pandas as pd

from ..kb import WHO_LABELS, KnowledgeBase, Profile, offset_words
from ..planner import ACTION_LABELS
from .common import esc, people

MODE_LABELS = {"written": "written", "oral": "oral", "meeting": "meeting", "attendance": "attending",
               "visit": "visit", "communication": "public communication"}
BASIS_LABELS = {"rule": "set by the rules", "practice": "usual practice, may vary",
                "estimate": "our rough estimate, check the body's calendar"}
# Colours meet WCAG AA contrast on white for text, and the current stage differs by shape and weight too.
ACCENT = "#0b5394"
STALE_DAYS = 2 * 365  # as `python -m course validate` warns: figures older than 24 months
MUTED = "#5f6368"


def format_number(value: float) -> str:
    return people(float(value))


# How the codes in data/ read to a person. The one place that turns `system`, `kind` and `region` into words.
# Each system: its name, and the word put before a kind of body ("UN treaty body"; none for networks).
SYSTEMS = {"un": ("United Nations", "UN"), "coe": ("Council of Europe", "Council of Europe"),
           "oas": ("Organization of American States", "Inter-American (OAS)"),
           "au": ("African Union", "African Union"), "network": ("Networks of oversight bodies", "")}
KIND_NAMES = {"un_entity": "UN entity", "special_procedure_mandate": "Special Procedures mandate",
              "charter_mechanism": "Charter-based mechanism", "charter_body": "Charter-based body"}
REGION_NAMES = {"global": "global", "asia_pacific": "Asia-Pacific", "americas": "the Americas"}


def label(column: str, value: str) -> str:
    """A value of data/ as words: label("system", "coe") is "Council of Europe", label("kind", "un_entity") is
    "UN entity", label("engagement", "amicus_brief") is "amicus curiae or third-party brief"."""
    if column == "system":
        return SYSTEMS[value][0] if value in SYSTEMS else value.upper()
    if column == "engagement":
        return ACTION_LABELS.get(value, value.replace("_", " "))
    if column == "region":
        return REGION_NAMES.get(value, value.replace("_", " ").capitalize())
    return KIND_NAMES.get(value, value.replace("_", " "))


def capital(text: str) -> str:
    """The text with a capital first letter ("the Americas" -> "The Americas")."""
    return text[:1].upper() + text[1:]


def what_it_is(body) -> str:
    """'UN treaty body, global', 'Council of Europe monitoring body, Europe', 'Network, global'."""
    adjective = SYSTEMS[body["system"]][1] if body["system"] in SYSTEMS else body["system"].upper()
    kind = label("kind", body["kind"])
    text = f"{adjective} {kind}" if adjective and not kind.startswith(adjective) else kind
    return f"{capital(text)}, {label('region', body['region'])}"


@dataclass(frozen=True)
class NpmKind:
    key: str
    label: str
    profile: Profile


# The kinds of NPM every widget offers, the one list: whether it is also an NHRI, and of which grade.
NPM_KINDS = (
    NpmKind("not_nhri", "an NPM that is not an NHRI", Profile(nhri_grade=None)),
    NpmKind("b_status", "an NPM that is also a B-status NHRI", Profile(nhri_grade="B")),
    NpmKind("a_status", "an NPM that is also an A-status NHRI", Profile(nhri_grade="A")),
)
ANY_NPM = "any NPM (show everything)"


def npm_kind_options() -> list[tuple[str, str | None]]:
    """The choices of a "My NPM is" list: any NPM first, then each kind."""
    return [(ANY_NPM, None)] + [(k.label, k.key) for k in NPM_KINDS]


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
        text = f"{format_number(f['value'])} {esc(f['unit_en'])} (as of {f['as_of']:%d %B %Y})"
        if f["change_en"]:
            text += f" <em>Changed since the APT guide: {esc(f['change_en'])}</em>"
        if (today - f["as_of"]).days > STALE_DAYS:
            text += (" <em>This is the newest count we could confirm and it may have changed since: check the "
                     "source before you rely on it.</em>")
        out.append(text)
    return out


def source_links(kb: KnowledgeBase, source_ids) -> str:
    items = [f'<a href="{esc(s.url)}">{esc(s.title)}</a> ({esc(s.publisher)}, consulted {s.consulted:%d %B %Y})'
             for s in kb.sources(source_ids).itertuples()]
    return "; ".join(items)


def body_card(kb: KnowledgeBase, body_id: str, heading_level: int = 4) -> str:
    """Everything the course knows about one body, as an HTML card."""
    b = kb.body(body_id)
    h = f"h{heading_level}"
    parent = f" Part of the {esc(kb.body(b['parent_id'])['name_en'])}." if b["parent_id"] else ""
    figures = figure_sentences(kb, body_id)
    rows = [
        ("What it is", f"{esc(what_it_is(b))}.{parent}"),
        ("Set up by", f"{esc(b['founding_instrument_en'])}; working since {b['established_year']}"),
        ("Seat", esc(b["seat_en"])),
        ("Size", "<br>".join(figures) if figures else "no count recorded"),
        ("What it does", esc(b["functions_en"])),
        ("Why it matters to an NPM", esc(b["npm_relevance_en"])),
    ]
    if b["note_en"]:
        rows.append(("Note", esc(b["note_en"])))
    rows.append(("Sources", source_links(kb, b["source_ids"])))
    body = "".join(f'<tr><th scope="row">{k}</th><td>{v}</td></tr>' for k, v in rows)
    return (f'<section class="course-card" aria-label="{esc(b["acronym_en"])}">'
            f'<{h}>{esc(b["name_en"])} ({esc(b["acronym_en"])})</{h}>'
            f'<table class="course-facts">{body}</table>'
            f'<p><a href="{esc(b["url"])}">Official page of the {esc(b["acronym_en"])}</a></p></section>')


def short_offset(offset: int, unit: str) -> str:
    """A compact label for the timeline: '−3 mo', '0', '+1 yr'."""
    if offset == 0:
        return "0"
    abbreviation = {"days": "d", "weeks": "wk", "months": "mo", "years": "yr"}[unit]
    return f"{'−' if offset < 0 else '+'}{abs(offset)} {abbreviation}"


def staff_days(value: float) -> str:
    return f"{format_number(value)} staff day{'s' if float(value) != 1 else ''}"


def opportunity_list(opportunities: pd.DataFrame, themes: pd.DataFrame) -> str:
    if opportunities.empty:
        return "<p>No particular opening for NPMs at this stage: use it to prepare for the next.</p>"
    theme_names = dict(zip(themes["id"], themes["name_en"]))
    items = []
    for o in opportunities.itertuples():
        facts = (f"Who may: {esc(WHO_LABELS[o.who])}. Form: {esc(MODE_LABELS[o.mode])}, {esc(o.visibility)}. "
                 f"Rough effort: {staff_days(o.effort_days)}. "
                 f"Themes: {esc(', '.join(theme_names[t] for t in o.themes))}.")
        conditions = f" {esc(o.conditions_en)}" if o.conditions_en else ""
        items.append(f"<li><strong>{esc(o.name_en)}</strong>: {esc(o.description_en)}{conditions}"
                     f'<br><span class="course-meta">{facts}</span></li>')
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
    for i, s in enumerate(stages.itertuples()):
        on = i == current
        lines = _wrap(s.name_en, width=27, lines=2)
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
                     f'{esc(short_offset(s.offset, s.offset_unit))}</text></g>')
        y = offset_y + 26
    height = y - 10
    parts.insert(0, f'<line x1="18" y1="22" x2="18" y2="{max(22, height - 40)}" stroke="{ACCENT}" stroke-width="2"/>')
    where = f" Stage {current + 1} of {len(stages)} is highlighted." if current is not None else ""
    description = f"{len(stages)} stages in order: " + "; ".join(
        f"{i + 1}. {s.name_en} ({short_offset(s.offset, s.offset_unit)})"
        for i, s in enumerate(stages.itertuples())) + "." + where
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
    timing = (f"{esc(s['timing_en'])} <span class=\"course-meta\">(in the planner: "
              f"{esc(offset_words(s['offset'], s['offset_unit'], anchor['name_en']))}; "
              f"{esc(BASIS_LABELS[s['timing_basis']])})</span>")
    return (f'<section class="course-card course-stage" aria-label="Stage {index + 1}: {esc(s["name_en"])}">'
            f'<div class="course-stage-timeline">'
            f'{timeline_svg(stages, index, kb.cycle(cycle_id)["name_en"] + ": " + path["name_en"])}</div>'
            f'<div class="course-stage-details"><h4>Stage {index + 1} of {len(stages)}: {esc(s["name_en"])}</h4>'
            f'<p>{esc(s["summary_en"])}</p>'
            f'<table class="course-facts"><tr><th scope="row">Who acts</th><td>{esc(s["actor_en"])}</td></tr>'
            f'<tr><th scope="row">When</th><td>{timing}</td></tr></table>'
            f'<h5>What an NPM can do here</h5>{opportunity_list(opportunities, kb["themes"])}'
            f'<p class="course-meta">Sources: {source_links(kb, s["source_ids"])}</p></div></section>')


def cycle_in_words(kb: KnowledgeBase, cycle_id: str, path_id: str) -> str:
    """The text alternative of the timeline: every stage of the path with its timing, in order."""
    items = "".join(f"<li><strong>{esc(s.name_en)}</strong>: {esc(s.timing_en)}</li>"
                    for s in kb.stages(cycle_id, path_id).itertuples())
    return f"<ol>{items}</ol>"
