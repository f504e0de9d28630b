"""The engagement planner: from a description of an NPM to a ranked, dated list of engagement opportunities.

Everything comes from data/: which cycles apply (the system of the body that runs them), which opportunities
the NPM may take (`who`), which of its priorities they serve (`themes`), what they cost (`effort_days`) and when
they fall (the stage's `anchor_id` + `offset` `offset_unit`). The ranking is deliberately simple so that every
row can say in words why it sits where it does.

    profile = NPMProfile(region="europe", systems=("coe",), nhri=True, nhri_grade="A",
                         themes=("police_custody",), staff_days=30, dates={"cat_review": "2027-11-09"})
    plan = make_plan(profile, today=date(2026, 9, 1))
    plan.to_csv("plan.csv"); plan.to_ics("plan.ics")

A profile that is empty or contradicts itself raises PlanError, whose message lists every problem in words.
"""
from __future__ import annotations

import csv
import functools
import io
import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
from dateutil.relativedelta import relativedelta

from .kb import WHO_LABELS, KnowledgeBase, Profile, load, offset_words

BASIS_WORDS = {"rule": "rule", "practice": "usual practice", "estimate": "estimate"}

GRADES = ("A", "B")
GLOBAL_SYSTEMS = ("un",)  # systems that cover every State, whatever its region
NOT_A_SYSTEM = ("network",)  # networks are joined, not "covering" a State

# Actions that shape what a body asks, finds or recommends: the points of greatest leverage.
SHAPING = {"written_submission", "private_briefing", "suggest_recommendations", "brief_mandate_holder",
           "meet_delegation", "hearing", "speak", "amicus_brief", "request_precautionary_measures",
           "contribute_standards", "input_general_comment"}
# Actions that turn a body's findings into change at home, usually cheaply.
USING = {"reference_in_reports", "public_communication", "follow_up_report", "follow_up_visit"}

ACTION_LABELS = {
    "written_submission": "written submission", "private_briefing": "private briefing", "attend": "attending",
    "speak": "speaking", "bilateral_meeting": "bilateral meeting", "side_event": "side event",
    "suggest_recommendations": "suggesting recommendations", "national_consultation": "national consultation",
    "advocate_invitation": "urging an invitation", "brief_mandate_holder": "briefing a mandate holder",
    "brief_others": "briefing others", "meet_delegation": "meeting a delegation", "debriefing": "end-of-visit talks",
    "follow_up_visit": "follow-up visit", "follow_up_report": "follow-up report",
    "public_communication": "public communication", "reference_in_reports": "citing findings in NPM reports",
    "amicus_brief": "amicus curiae or third-party brief", "hearing": "hearing",
    "request_precautionary_measures": "requesting precautionary measures",
    "contribute_standards": "contributing to standards", "input_general_comment": "input to a general comment",
}

CSV_COLUMNS = ["rank", "in_plan", "date", "date_basis", "body", "cycle", "stage", "opportunity", "who_may",
               "staff_days", "reason", "first_steps"]


class PlanError(ValueError):
    """A profile the planner cannot use. `problems` lists each problem as a sentence."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("The planner cannot use this profile:\n" + "\n".join(f"- {p}" for p in problems))


@dataclass(frozen=True)
class NPMProfile:
    """What the learner tells the planner about their NPM."""
    region: str | None = None           # a region of data/bodies.csv, other than "global"
    systems: tuple = ()                 # regional systems that cover the State, e.g. ("coe",)
    nhri: bool = False                  # is the NPM also a national human rights institution?
    nhri_grade: str | None = None       # "A" or "B" if it is an accredited NHRI; None otherwise
    themes: tuple = ()                  # ids from data/themes.csv: the NPM's thematic priorities
    staff_days: float | None = None     # staff days the NPM can give to international engagement
    dates: dict = field(default_factory=dict)  # anchor id (data/anchors.csv) -> known date


@dataclass
class Plan:
    profile: NPMProfile
    today: date
    items: pd.DataFrame          # one row per dated opportunity, ranked; columns CSV_COLUMNS + ids
    undated: pd.DataFrame        # cycles open to the NPM for which no date was given
    passed: int                  # opportunities left out because their date is before `today`
    off_priority: int            # opportunities left out because they serve none of the priorities
    days_planned: float

    @property
    def planned(self) -> pd.DataFrame:
        return self.items[self.items["in_plan"] == "yes"]

    def to_csv(self, path: str | Path | None = None) -> str:
        """The ranked list as CSV (UTF-8); written to path when given. Returns the text."""
        out = io.StringIO()
        self.items[CSV_COLUMNS].to_csv(out, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        text = out.getvalue()
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_ics(self, path: str | Path | None = None) -> bytes:
        """The planned items (those within the staff-day budget) as an iCalendar file of all-day events."""
        from icalendar import Calendar, Event

        cal = Calendar()
        cal.add("prodid", "-//NPM engagement course//engagement planner//EN")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", "NPM engagement plan")
        stamp = datetime.combine(self.today, datetime.min.time(), tzinfo=timezone.utc)
        for row in self.planned.itertuples():
            event = Event()
            event.add("uid", f"{row.opportunity_id}-{row.date}@npm-engagement-course")
            event.add("dtstamp", stamp)
            event.add("dtstart", row.date)
            event.add("dtend", row.date + timedelta(days=1))
            event.add("summary", f"{row.body}: {row.opportunity}")
            event.add("description", f"Stage: {row.stage}. Date: {row.date_basis}.\nWhy: {row.reason}\n"
                                     f"First steps: {row.first_steps}")
            event.add("categories", [row.body])
            cal.add_component(event)
        data = cal.to_ical()
        if path is not None:
            Path(path).write_bytes(data)
        return data


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return date.fromisoformat(str(value).strip())


def regions(kb: KnowledgeBase) -> list[str]:
    return sorted(set(kb["bodies"]["region"]) - {"global"})


def regional_systems(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Each regional system (CoE, OAS, AU ...) with the regions its bodies serve, from data/bodies.csv."""
    bodies = kb["bodies"]
    out: dict[str, set[str]] = {}
    for row in bodies.itertuples():
        if row.system not in GLOBAL_SYSTEMS + NOT_A_SYSTEM:
            out.setdefault(row.system, set()).add(row.region)
    return out


def path_body(kb: KnowledgeBase, path_id: str) -> pd.Series:
    """The body that runs one path of a cycle. paths.csv has no body column, and one cycle (court_amicus) holds
    two courts, so the body whose id is the longest prefix of the path id wins, else the cycle's body."""
    bodies = kb["bodies"].set_index("id")
    hits = [b for b in bodies.index if path_id == b or path_id.startswith(b + "_")]
    if hits:
        return bodies.loc[max(hits, key=len)]
    return bodies.loc[kb.cycle(kb["paths"].set_index("id").at[path_id, "cycle_id"])["body_id"]]


def _open_to(kb: KnowledgeBase, body: pd.Series, systems) -> bool:
    return body["system"] in GLOBAL_SYSTEMS or body["system"] in systems


@functools.lru_cache(maxsize=64)
def anchor_bodies(kb: KnowledgeBase, anchor_id: str) -> list[pd.Series]:
    """The bodies whose paths count from this anchor."""
    stages = kb["stages"][kb["stages"]["anchor_id"] == anchor_id]
    path_ids = sorted({p for ps in stages["path_ids"] for p in ps})
    owners = _path_owners(kb)
    seen, out = set(), []
    for p in path_ids:
        b = owners[p]
        if b.name not in seen:
            seen.add(b.name)
            out.append(b)
    return out


def check_profile(profile: NPMProfile, kb: KnowledgeBase | None = None) -> list[str]:
    """Every problem with the profile, as sentences a learner can act on; empty when the profile is usable."""
    kb = kb or load()
    problems = []
    known_regions = regions(kb)
    systems = regional_systems(kb)
    region = (profile.region or "").strip()
    if not region:
        problems.append(f"Say which region your State is in (one of: {', '.join(known_regions)}).")
    elif region not in known_regions:
        problems.append(f"Unknown region {region!r}: choose one of {', '.join(known_regions)}.")
    for system in profile.systems:
        if system not in systems:
            problems.append(f"Unknown regional system {system!r}: choose from {', '.join(sorted(systems))}.")
        elif region in known_regions and region not in systems[system]:
            problems.append(f"The {system.upper()} system does not cover the {region.replace('_', '-')} region: "
                            f"its bodies serve {', '.join(sorted(systems[system]))}. Untick it or change the region.")
    grade = profile.nhri_grade.strip().upper() if isinstance(profile.nhri_grade, str) and profile.nhri_grade.strip() else None
    if grade is not None and grade not in GRADES:
        problems.append(f"Unknown NHRI accreditation grade {profile.nhri_grade!r}: GANHRI grades are A and B "
                        f"(leave it empty if the NHRI is not accredited).")
    elif grade is not None and not profile.nhri:
        problems.append(f"You gave an NHRI grade ({grade}) but said the NPM is not an NHRI: "
                        "either tick 'also an NHRI' or leave the grade empty.")
    themes = set(kb["themes"]["id"])
    if not profile.themes:
        problems.append("Choose at least one thematic priority: the plan ranks openings by how well they serve them.")
    for theme in profile.themes:
        if theme not in themes:
            problems.append(f"Unknown thematic priority {theme!r}: see data/themes.csv for the ids.")
    days = profile.staff_days
    try:
        days_ok = days is not None and not isinstance(days, bool) and float(days) > 0 and math.isfinite(float(days))
    except (TypeError, ValueError):
        days_ok = False
    if not days_ok:
        problems.append(f"Staff days must be a number above 0 (got {days!r}): how many days can the NPM give to "
                        "international engagement in the period?")
    anchors = kb["anchors"].set_index("id")
    for anchor_id, value in (profile.dates or {}).items():
        if anchor_id not in anchors.index:
            problems.append(f"Unknown date {anchor_id!r}: the dates the planner knows are {', '.join(anchors.index)}.")
            continue
        try:
            _as_date(value)
        except (TypeError, ValueError):
            problems.append(f"The date for '{anchors.at[anchor_id, 'name_en']}' is not a date: {value!r} "
                            "(write it as YYYY-MM-DD).")
            continue
        owners = anchor_bodies(kb, anchor_id)
        if owners and not any(_open_to(kb, b, profile.systems) for b in owners):
            b = owners[0]
            problems.append(f"You gave a date for '{anchors.at[anchor_id, 'name_en']}', but the {b['acronym_en']} "
                            f"belongs to the {b['system'].upper()} system, which you did not say covers your State.")
    if not profile.region and not profile.systems and not profile.themes and not profile.dates and days is None:
        problems.insert(0, "The profile is empty: describe your NPM first.")
    return problems


def stage_date(anchor_date: date, offset: int, unit: str) -> date:
    """The date of a stage: its anchor's date moved by the stage's offset (calendar months and years)."""
    return anchor_date + relativedelta(**{unit: int(offset)})


def _first_steps(o, stage, body, who_note: str) -> str:
    steps = [o.description_en.rstrip(".") + "."]
    if o.conditions_en:
        steps.append(o.conditions_en.rstrip(".") + ".")
    if who_note:
        steps.append(who_note)
    if stage.timing_basis != "rule":
        steps.append(f"Confirm the date on the {body.acronym_en}'s own calendar: {body.url}")
    return " ".join(steps)


ITEM_COLUMNS = ["opportunity_id", "stage_id", "cycle_id", "who", "action", "score", "date", "date_basis", "body",
                "cycle", "stage", "opportunity", "who_may", "staff_days", "reason", "why", "first_steps"]


def make_plan(profile: NPMProfile, today: date | None = None, kb: KnowledgeBase | None = None) -> Plan:
    """Rank the opportunities open to the NPM. Raises PlanError (never anything else) for an unusable profile.

    Four steps: gather the dated openings that fit (candidates), score each (score), sort, then fill the staff-day
    budget from the top (fit_budget). The book's planner (js/planner.js) follows the same steps on rules()."""
    kb = kb or load()
    problems = check_profile(profile, kb)
    if problems:
        raise PlanError(problems)
    today = today or date.today()
    rows, undated, passed, off_priority = candidates(kb, profile, today)
    items = pd.DataFrame(rows, columns=ITEM_COLUMNS)
    items = items.sort_values(["score", "date", "opportunity_id"], ascending=[False, True, True]).reset_index(drop=True)
    status, used = fit_budget(items, float(profile.staff_days))
    items["in_plan"] = [status[i] for i in items.index]
    items.insert(0, "rank", range(1, len(items) + 1))
    items["reason"] = [f"Rank {r}: " + "; ".join(w) + "." for r, w in zip(items["rank"], items["why"])]
    return Plan(profile=profile, today=today, items=items.drop(columns=["why"]),
                undated=pd.DataFrame(undated, columns=["body", "cycle", "question"]),
                passed=passed, off_priority=off_priority, days_planned=used)


def nhri_grade(profile: NPMProfile) -> str | None:
    return profile.nhri_grade.strip().upper() if profile.nhri and profile.nhri_grade else None


def candidates(kb: KnowledgeBase, profile: NPMProfile, today: date) -> tuple[list[dict], list[dict], int, int]:
    """The dated openings open to the NPM that serve a priority and have not passed, each scored (rows); the
    cycles it could use but gave no date for (undated); and how many openings were left out as passed or as
    serving no priority."""
    grade = nhri_grade(profile)
    access = Profile(nhri_grade=grade)
    wanted = set(profile.themes)
    theme_names = dict(zip(kb["themes"]["id"], kb["themes"]["name_en"]))
    anchors = kb["anchors"].set_index("id")
    paths = kb["paths"].set_index("id")
    dates = {k: _as_date(v) for k, v in (profile.dates or {}).items() if _as_date(v) is not None}
    openings = _openings_by_stage(kb)
    owners = _path_owners(kb)
    rows, undated, passed, off_priority = [], [], 0, 0
    for cycle, path_ids, cycle_stages, cycle_anchors in _cycles(kb):
        owner = {p: owners[p] for p in path_ids}
        open_paths = {p for p, b in owner.items() if _open_to(kb, b, profile.systems)}
        if not open_paths:
            continue
        stages = [st for st in cycle_stages if open_paths & set(st.path_ids)]
        needed = [a for a in cycle_anchors if a in {st.anchor_id for st in stages}]
        if not any(a in dates for a in needed):
            undated.append({"body": owner[sorted(open_paths)[0]]["acronym_en"], "cycle": cycle.name_en,
                            "question": " / ".join(anchors.at[a, "question_en"] for a in needed)})
            continue
        for stage in stages:
            if stage.anchor_id not in dates:
                continue
            when = stage_date(dates[stage.anchor_id], stage.offset, stage.offset_unit)
            body = owner[next(p for p in stage.path_ids if p in open_paths)]
            only = ""
            if len(stage.path_ids) < len(open_paths):
                only = " (" + ", ".join(paths.at[p, "name_en"] for p in stage.path_ids if p in open_paths) + ")"
            for o in openings.get(stage.id, []):
                if not access.may(o.who):
                    continue
                served = [t for t in o.themes if t in wanted]
                if not served:
                    off_priority += 1
                    continue
                if when < today:
                    passed += 1
                    continue
                value, why, who_note = score(o, [theme_names[t] for t in served], grade, stage.timing_basis)
                rows.append({
                    "opportunity_id": o.id, "stage_id": stage.id, "cycle_id": cycle.id, "who": o.who,
                    "action": o.action, "score": value, "date": when,
                    "date_basis": f"{BASIS_WORDS[stage.timing_basis]}: "
                                  f"{offset_words(stage.offset, stage.offset_unit, anchors.at[stage.anchor_id, 'name_en'])}"
                                  f" ({dates[stage.anchor_id].isoformat()})",
                    "body": body["acronym_en"], "cycle": cycle.name_en, "stage": f"{stage.name_en}{only}",
                    "opportunity": o.name_en, "who_may": WHO_LABELS[o.who], "staff_days": float(o.effort_days),
                    "reason": "", "why": why, "first_steps": _first_steps(o, stage, body, who_note)})
    return rows, undated, passed, off_priority


@functools.lru_cache(maxsize=4)
def _openings_by_stage(kb: KnowledgeBase) -> dict[str, list]:
    """Each stage's opportunities in table order (the knowledge base is read-only, so this is computed once)."""
    out: dict[str, list] = {}
    for o in kb["opportunities"].itertuples():
        out.setdefault(o.stage_id, []).append(o)
    return out


@functools.lru_cache(maxsize=4)
def _cycles(kb: KnowledgeBase) -> list[tuple]:
    """Each cycle with the ids of its paths, its stages in order and the ids of its anchors."""
    return [(cycle, list(kb.paths(cycle.id)["id"]), list(kb.stages(cycle.id).itertuples()),
             list(kb.anchors(cycle.id)["id"])) for cycle in kb["cycles"].itertuples()]


@functools.lru_cache(maxsize=4)
def _path_owners(kb: KnowledgeBase) -> dict[str, pd.Series]:
    return {p: path_body(kb, p) for p in kb["paths"]["id"]}


def score(o, served: list[str], grade: str | None, timing_basis: str) -> tuple[float, list[str], str]:
    """An opening's score, the reasons for it in words, and a note on who may take it up (for the first steps).

    served: the names of the NPM's priorities it serves. Priorities count most; shaping what a body asks or
    recommends, then using its findings, count next; cost, invitations and partners count against."""
    value, why, who_note = 0.0, [], ""
    value += 3 * len(served)
    why.append(f"serves {len(served)} of your priorities ({', '.join(served)})")
    if o.action in SHAPING:
        value += 2
        why.append("shapes what the body asks or recommends")
    elif o.action in USING:
        value += 1
        why.append("turns the body's findings into pressure at home")
    value -= 0.3 * o.effort_days
    why.append(f"costs about {o.effort_days:g} staff day{'s' if o.effort_days != 1 else ''}")
    if o.who == "on_invitation":
        value -= 1
        who_note = "Only if the body invites you."
        why.append("depends on an invitation")
    elif o.who == "prior_submitter":
        who_note = "Only open if you sent written information earlier in this cycle."
    elif o.who == "ecosoc_or_nhri" and grade is None:
        value -= 1
        who_note = "As your NPM is not an accredited NHRI, go through an NGO with ECOSOC status."
        why.append("needs a partner NGO with ECOSOC status")
    if timing_basis == "estimate":
        why.append("date is our estimate")
    return round(value, 2), why, who_note


def fit_budget(items: pd.DataFrame, budget: float) -> tuple[dict[int, str], float]:
    """Walk the ranked items from the top, putting each in the plan ("yes") while the staff days last, else in
    reserve. An opening open only to those who sent written information earlier pulls that submission in with it,
    or stays out. Adds the reasons to items["why"]; returns the status of each row and the days used."""
    used, status = 0.0, {}
    for i, row in items.iterrows():
        if i in status:  # already pulled in by a later-ranked opening that needed it
            continue
        needs = []
        if row["who"] == "prior_submitter":
            earlier = items[(items["cycle_id"] == row["cycle_id"]) & (items["action"] == "written_submission")
                            & (items["who"] != "prior_submitter") & (items["date"] <= row["date"])]
            if not any(status.get(j) == "yes" for j in earlier.index):
                needs = list(earlier.index[:1])
                if not needs:
                    status[i] = "reserve"
                    row["why"].append("needs written information sent earlier, which this plan cannot include")
                    continue
        cost = row["staff_days"] + sum(items.at[j, "staff_days"] for j in needs)
        if used + cost <= budget:
            used += cost
            status[i] = "yes"
            for j in needs:
                status[j] = "yes"
                row["why"].append(f"brings in '{items.at[j, 'opportunity']}', which it needs")
                items.at[j, "why"].append(f"needed for '{row['opportunity']}'")
        else:
            status[i] = "reserve"
            row["why"].append("beyond your staff-day budget (with what it needs): keep it in reserve" if needs
                              else "beyond your staff-day budget: keep it in reserve")
    return status, used


def rules(kb: KnowledgeBase | None = None) -> dict:
    """Everything the book's planner (js/planner.js) needs to rank openings as make_plan does, from data/, as
    plain JSON-ready data: the book writes it to one file at build time."""
    kb = kb or load()
    anchors = kb["anchors"].set_index("id")
    bodies = {}
    cycles = []
    for cycle in kb["cycles"].itertuples():
        paths = []
        for p in kb.paths(cycle.id).itertuples():
            b = path_body(kb, p.id)
            bodies[b.name] = {"acronym": b["acronym_en"], "system": b["system"], "url": b["url"]}
            paths.append({"id": p.id, "name": p.name_en, "body": b.name})
        stages = []
        for st in kb.stages(cycle.id).itertuples():
            stages.append({
                "id": st.id, "name": st.name_en, "paths": list(st.path_ids), "anchor": st.anchor_id,
                "offset": int(st.offset), "unit": st.offset_unit, "basis": st.timing_basis,
                "when": f"{BASIS_WORDS[st.timing_basis]}: "
                        f"{offset_words(st.offset, st.offset_unit, anchors.at[st.anchor_id, 'name_en'])}",
                "openings": [{"id": o.id, "name": o.name_en, "who": o.who, "action": o.action,
                              "themes": list(o.themes), "days": float(o.effort_days),
                              "description": o.description_en, "conditions": o.conditions_en}
                             for o in kb.opportunities(stage_id=st.id).itertuples()]})
        cycles.append({"id": cycle.id, "name": cycle.name_en, "paths": paths, "stages": stages,
                       "anchors": list(kb.anchors(cycle.id)["id"])})
    return {
        "themes": dict(zip(kb["themes"]["id"], kb["themes"]["name_en"])),
        "anchors": {a.id: {"name": a.name_en, "question": a.question_en, "cycle": a.cycle_id}
                    for a in kb["anchors"].itertuples()},
        "bodies": bodies, "cycles": cycles,
        "regions": regions(kb),
        "systems": {s: sorted(r) for s, r in sorted(regional_systems(kb).items())},
        "global_systems": list(GLOBAL_SYSTEMS),
        "who": WHO_LABELS, "shaping": sorted(SHAPING), "using": sorted(USING),
    }


def plan_or_message(profile: NPMProfile, today: date | None = None,
                    kb: KnowledgeBase | None = None) -> tuple[Plan | None, str]:
    """(plan, "") or (None, message): for widgets, which must show a message, never a traceback."""
    try:
        return make_plan(profile, today=today, kb=kb), ""
    except PlanError as error:
        return None, str(error)


# Two contrasting NPMs for the static book. Their dates are invented for the example.
EXAMPLE_TODAY = date(2026, 9, 1)
EXAMPLES = {
    "A European NPM that is also an A-status NHRI": NPMProfile(
        region="europe", systems=("coe",), nhri=True, nhri_grade="A",
        themes=("npm_mandate", "police_custody", "immigration"), staff_days=30,
        dates={"cat_review": "2027-11-09", "cpt_visit_start": "2027-03-08"}),
    "A specialised Latin American NPM that is not an NHRI": NPMProfile(
        region="americas", systems=("oas",), nhri=False, nhri_grade=None,
        themes=("prisons", "conditions", "reprisals"), staff_days=12,
        dates={"iachr_visit_start": "2027-02-15"}),
}
