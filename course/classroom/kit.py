"""The facilitator's kit: session plans written as data (facilitator/session_plans.yml), whose modules, tasks and
quizzes take their minutes from the course's computed times, and the page generated from them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..i18n import language
from ..paths import ROOT, edition_root
from .common import ClassroomError
from .strings import TEXT

PLANS = ROOT / "facilitator" / "session_plans.yml"


def plans_file(lang: str | None = None) -> Path:
    """The session plans of an edition: facilitator/session_plans.yml in its tree (translations/fr/... for French)."""
    return edition_root(lang or language()) / "facilitator" / "session_plans.yml"
REFERENCES = ("module", "task", "quiz")


@dataclass
class Activity:
    what: str
    minutes: int
    ref: tuple[str, str] | None = None   # ("module" | "task" | "quiz", id) when the course gives the minutes
    is_break: bool = False


@dataclass
class Plan:
    id: str
    title: str
    format: str
    length: int
    before: list[str]
    activities: list[Activity] = field(default_factory=list)
    uncomputed: list[str] = field(default_factory=list)

    @property
    def planned(self) -> int:
        return sum(a.minutes for a in self.activities)


def computed_minutes(kind: str, item: str) -> int:
    """The course's own time for a module, a Your turn task or a quiz."""
    from ..practice import times

    return {"module": times.module_minutes, "task": times.task_minutes, "quiz": times.quiz_minutes}[kind](item)


def load_plans(path: Path | None = None, strict: bool = True) -> list[Plan]:
    """The plans, each activity with its minutes. strict=False (the page) lets a time the course cannot compute
    yet count as 0 and be listed in Plan.uncomputed, instead of failing the book."""
    from ..practice.times import TimeError

    path = path or plans_file()
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ClassroomError(TEXT("err.plans", path=path, why=exc)) from None
    plans = []
    for n, p in enumerate(raw["plans"], start=1):
        where = f"{Path(path).name}: plan {n} ({p.get('id', '?')})"
        plan = Plan(p["id"], p["title"], p["format"], int(p["length"]), list(p.get("before") or []))
        for m, a in enumerate(p["activities"], start=1):
            refs = [k for k in REFERENCES if k in a]
            if len(refs) > 1 or (refs and "minutes" in a) or (not refs and "minutes" not in a):
                raise ClassroomError(f"{where}, activity {m}: give either a module, task or quiz (its minutes are "
                                     "computed) or minutes, not both or neither")
            ref = (refs[0], a[refs[0]]) if refs else None
            try:
                minutes = computed_minutes(*ref) if ref else int(a["minutes"])
            except TimeError as exc:
                if strict:
                    raise
                minutes = 0
                plan.uncomputed.append(str(exc))
            plan.activities.append(Activity(a["what"], minutes, ref, bool(a.get("break"))))
        plans.append(plan)
    return plans


def reading(module_id: str) -> int:
    """A module's reading time alone (its module time less its tasks'), for the reading before a session."""
    from ..practice.times import module_markdown, reading_minutes

    return reading_minutes(module_markdown(module_id))


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _label(kind: str, item: str) -> str:
    from ..kb import load

    kb = load()  # in the language in use: its title column is the reader's language
    modules = {r["id"]: r["title"] for r in kb["modules"].to_dict("records")}
    if kind == "module":
        return TEXT("kit.module", title=modules.get(item, item))
    if kind == "quiz":
        return TEXT("kit.quiz", title=modules.get(item, item))
    table = kb.tables.get("tasks")
    titles = dict(zip(table["id"], table["title"])) if table is not None else {}
    return TEXT("kit.task", title=titles.get(item, item))


def plans_markdown(plans: list[Plan] | None = None) -> str:
    plans = plans if plans is not None else load_plans(strict=False)
    parts = []
    for plan in plans:
        if plan.uncomputed:
            parts += [TEXT("kit.uncomputed", why="; ".join(sorted(set(plan.uncomputed)))), ""]
        parts += [f"## {plan.title}", "", TEXT("kit.format", format=plan.format, length=plan.length,
                                               planned=plan.planned, spare=plan.length - plan.planned)]
        if plan.before:
            before = ", ".join(TEXT("kit.reading", module=_label("module", m), minutes=reading(m)) for m in plan.before)
            parts += ["", TEXT("kit.before", modules=before)]
        parts.append("")
        start = 0
        for a in plan.activities:  # a list, not a table: the book renders lists in generated text, and phones read them
            where = TEXT("kit.from_course", label=_label(*a.ref)) if a.ref else ""
            parts.append(TEXT("kit.slot", start=_clock(start), end=_clock(start + a.minutes), minutes=a.minutes,
                              what=a.what, where=where))
            start += a.minutes
        parts.append("")
    return "\n".join(parts)


def plans_page() -> None:
    """The session plans page of the facilitator guide (a notebook calls this)."""
    from IPython.display import Markdown, display

    display(Markdown(plans_markdown()))


# --- handouts: one page per body, every fact from data/ -----------------------------------------------------
BASIS = {"rule": "set by the rules", "practice": "usual practice", "estimate": "the course's estimate"}  # English


def _basis(value: str) -> str:
    return TEXT(f"basis.{value}")
# An HTML block ends only at a blank line: the one after the break lets the next line be Markdown again.
PAGE_BREAK = '\n<div class="course-page-break" style="break-before: page"></div>\n'


def _sources(kb, ids: str) -> list[str]:
    table = kb["sources"].set_index("id")
    out = []
    ids = ids if isinstance(ids, (list, tuple)) else str(ids).split(";")  # a list column, or text a;b
    for sid in [s.strip() for s in ids if s and s.strip()]:
        if sid in table.index:
            row = table.loc[sid]
            shown = f"[{row['title']}]({row['url']}) ({row['publisher']})" if row["url"] else row["title"]
            written_in = row.get("language", "") or ""
            if written_in and written_in != language() and f"lang.{written_in}" in TEXT:
                # Marked as written in its own language, for screen readers (and the editions' English check).
                shown = TEXT("kit.src_lang", source=f'<span lang="{written_in}">{shown}</span>',
                             language=TEXT(f"lang.{written_in}"))
            out.append(shown)
    return out


def handouts_markdown() -> str:
    """For each body with a cycle in data/: when, who may, how, and where to find the deadline."""
    from ..kb import load

    kb = load()  # in the language in use: X is the reader's language
    bodies = kb["bodies"].set_index("id")
    stages, opportunities = kb["stages"], kb["opportunities"]
    parts = []
    for cycle in kb["cycles"].to_dict("records"):
        body = bodies.loc[cycle["body_id"]]
        own = stages[stages["cycle_id"] == cycle["id"]].sort_values("order")
        # body is a row (Series): body["name"] is the body's name, body.name would be its id
        parts += [PAGE_BREAK, f"## {body['name']} ({body['acronym']}): {cycle['name']}", "",
                  f"{cycle['summary']}", "", f"### {TEXT('ho.when')}", ""]
        parts += [f"- **{s['name']}** ({s['actor']}): {s['timing']}"
                  + ("." if "estimate" in s["timing_en"] else f" ({_basis(s['timing_basis'])}).")
                  for s in own.to_dict("records")]
        parts += ["", f"### {TEXT('ho.who')}", ""]
        for s in own.to_dict("records"):
            for o in opportunities[opportunities["stage_id"] == s["id"]].to_dict("records"):
                condition = f" {o['conditions']}" if o["conditions"] else ""
                parts.append(f"- **{o['name']}** ({s['name'].lower()}; {TEXT('who.' + o['who'])}; "
                             f"{TEXT('vis.' + o['visibility'])}): {o['description']}{condition}")
        sources = _sources(kb, cycle["source_ids"])
        parts += ["", f"### {TEXT('ho.deadline')}", "",
                  TEXT("ho.own_pages", url=body["url"]) if body["url"] else "",
                  TEXT("ho.planner")]
        parts += [f"- {s}" for s in sources]
        parts.append("")
    return "\n".join(p for p in parts if p is not None)


def handouts_page() -> None:
    from IPython.display import Markdown, display

    display(Markdown(handouts_markdown()))


# --- slides: a short deck per module, printable and offline -------------------------------------------------
def slides_markdown() -> str:
    """Per module: its aims (the quiz's objectives), its sections, the cycle of its bodies, debrief questions."""
    import json

    from ..kb import load
    from ..quiz.generate import all_specs

    lang = language()
    kb = load()  # in the language in use
    quizzes = {q.module: q for q in all_specs(lang)}
    cycles = kb["cycles"]
    bodies = kb["bodies"].set_index("id")
    parts = []
    for module in kb["modules"].sort_values("order").to_dict("records"):
        page = edition_root(lang) / "modules" / f"{module['id']}.ipynb"
        cells = json.loads(page.read_text(encoding="utf-8"))["cells"]
        sections = [line[3:].strip() for c in cells if c["cell_type"] == "markdown"
                    for line in "".join(c["source"]).splitlines() if line.startswith("## ")]
        quiz = quizzes.get(module["id"])
        parts += [PAGE_BREAK, f"## {module['order']}. {module['title']}", "", TEXT("sl.aims"), ""]
        parts += [f"1. {o}" for o in (quiz.objectives if quiz else [])]
        parts += ["", PAGE_BREAK, "", TEXT("sl.sections", title=module["title"]), ""]
        parts += [f"- {s}" for s in sections]
        own = [c for c in cycles.to_dict("records") if bodies.loc[c["body_id"]]["module"] == module["id"]]
        for cycle in own:
            names = kb["stages"][kb["stages"]["cycle_id"] == cycle["id"]].sort_values("order")["name"]
            parts += ["", PAGE_BREAK, "", TEXT("sl.cycle", name=cycle["name"]), "",
                      " → ".join(names), ""]
        parts += ["", PAGE_BREAK, "", TEXT("sl.debrief", title=module["title"]), "",
                  TEXT("sl.q1"), TEXT("sl.q2"), TEXT("sl.q3"), ""]
    return "\n".join(parts)


def slides_page() -> None:
    from IPython.display import Markdown, display

    display(Markdown(slides_markdown()))
