"""The engagement planner as a widget.

Live (a kernel): a form describing the NPM; "Make my plan" ranks the openings, and the plan can be saved as CSV
and iCalendar files next to the notebook. Static book (no kernel): the same plan for two contrasting example NPMs,
one tab each (tabs switch in the browser), each with download links that carry the files inside the page.
"""
from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import ipywidgets as w
import pandas as pd

from .. import planner
from ..kb import load
from .common import searchable_table, show_html, static_book
from .views import esc

CSS = """<style>
.course-plan table{border-collapse:collapse;width:100%;font-size:.92em}
.course-plan th,.course-plan td{border-bottom:1px solid #dadce0;padding:.35em .5em;text-align:left;vertical-align:top}
.course-plan tr.reserve td{color:#5f6368}
.course-plan .course-error{border-left:4px solid #b3261e;padding:.4em .8em;background:#fdf3f2}
.course-plan .course-meta{color:#5f6368;font-size:.9em}
</style>"""


def profile_html(profile: planner.NPMProfile) -> str:
    kb = load()
    themes = dict(zip(kb["themes"]["id"], kb["themes"]["name_en"]))
    anchors = kb["anchors"].set_index("id")
    nhri = (f"also an NHRI with {profile.nhri_grade} status" if profile.nhri and profile.nhri_grade
            else "also an NHRI, not accredited" if profile.nhri else "not an NHRI")
    dates = "; ".join(f"{esc(anchors.at[a, 'name_en'])}: {esc(str(d))}" for a, d in profile.dates.items()) or "none"
    from .landscape import SYSTEM_NAMES

    rows = [("Region", esc((profile.region or "").replace("_", "-").title())),
            ("Regional systems", esc(", ".join(SYSTEM_NAMES.get(s, s.upper()) for s in profile.systems) or "none")),
            ("Status", esc(nhri)),
            ("Priorities", esc(", ".join(themes.get(t, t) for t in profile.themes))),
            ("Staff days available", esc(f"{float(profile.staff_days):g}")),
            ("Known dates", dates)]
    return ('<table class="course-facts">' +
            "".join(f'<tr><th scope="row">{k}</th><td>{v}</td></tr>' for k, v in rows) + "</table>")


def plan_html(plan: planner.Plan, heading: str = "Your plan", level: int = 4) -> str:
    """The ranked plan as an accessible table, with what was left out and what needs a date."""
    h = f"h{level}"
    if plan.items.empty:
        body = ("<p>No dated opening fits this profile yet. Add a known date, or widen the priorities.</p>")
    else:
        rows = []
        for r in plan.items.itertuples():
            rows.append(f'<tr class="{"reserve" if r.in_plan != "yes" else ""}"><td>{r.rank}</td>'
                        f'<td>{"in plan" if r.in_plan == "yes" else "reserve"}</td>'
                        f'<td>{r.date:%d %b %Y}<br><span class="course-meta">{esc(r.date_basis)}</span></td>'
                        f'<td>{esc(r.body)}</td><td>{esc(r.stage)}</td>'
                        f'<td><strong>{esc(r.opportunity)}</strong><br><span class="course-meta">Who may: '
                        f'{esc(r.who_may)}</span></td><td>{r.staff_days:g}</td>'
                        f'<td>{esc(r.reason)}</td><td>{esc(r.first_steps)}</td></tr>')
        body = ('<table><caption>Ranked engagement opportunities, best first</caption><thead><tr>'
                '<th scope="col">Rank</th><th scope="col">Status</th><th scope="col">Date</th>'
                '<th scope="col">Body</th><th scope="col">Stage</th><th scope="col">Opportunity</th>'
                '<th scope="col">Staff days</th><th scope="col">Why it ranks here</th><th scope="col">First steps</th>'
                f'</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    notes = [f"{plan.days_planned:g} of {float(plan.profile.staff_days):g} staff days planned."]
    if plan.passed:
        notes.append(f"{plan.passed} opening(s) that fit were left out because their date has passed.")
    if plan.off_priority:
        notes.append(f"{plan.off_priority} opening(s) were left out because they serve none of the chosen priorities.")
    undated = ""
    if not plan.undated.empty:
        items = "".join(f"<li><strong>{esc(u.body)}</strong>, {esc(u.cycle)}: {esc(u.question)}</li>"
                        for u in plan.undated.itertuples())
        undated = f"<p>Also open to this NPM once it knows a date:</p><ul>{items}</ul>"
    return (f'<{h}>{esc(heading)}</{h}><p class="course-meta">{" ".join(notes)} Dates count from the dates given; '
            f'most offsets are estimates, so confirm each on the body\'s calendar.</p>{body}{undated}')


def download_links(plan: planner.Plan, stem: str) -> str:
    """Links that hand the reader the CSV and the .ics file straight from the page (no server needed)."""
    csv64 = base64.b64encode(plan.to_csv().encode("utf-8")).decode("ascii")
    ics64 = base64.b64encode(plan.to_ics()).decode("ascii")
    return (f'<p>Save this plan: <a download="{stem}.csv" href="data:text/csv;charset=utf-8;base64,{csv64}">'
            f'as a spreadsheet (CSV)</a> · <a download="{stem}.ics" href="data:text/calendar;base64,{ics64}">'
            f'as calendar events (iCalendar .ics)</a></p>')


def example_view(name: str, profile: planner.NPMProfile) -> str:
    plan = planner.make_plan(profile, today=planner.EXAMPLE_TODAY)
    stem = "example-plan-" + ("europe" if profile.region == "europe" else profile.region or "npm")
    return (f'<section class="course-plan" aria-label="{esc(name)}"><h4>{esc(name)}</h4>'
            f'<p class="course-meta">An imagined NPM; its dates are invented for the example, and the plan is made '
            f'as if today were {planner.EXAMPLE_TODAY:%d %B %Y}.</p>{profile_html(profile)}'
            f'{plan_html(plan, "Its plan", 5)}{download_links(plan, stem)}</section>')


class PlannerForm:
    """The live form: every control is keyboard-usable; "Make my plan" shows the plan or a message."""

    def __init__(self, out_dir: Path | str = "."):
        kb = load()
        self.out_dir = Path(out_dir)
        style = {"description_width": "initial"}
        from .landscape import SYSTEM_NAMES, label

        self.region = w.Dropdown(options=[("choose…", None)] + [(label("region", r), r) for r in planner.regions(kb)],
                                 description="Region of your State", style=style)
        self.systems = w.SelectMultiple(options=[(SYSTEM_NAMES.get(s, s.upper()), s)
                                                 for s in sorted(planner.regional_systems(kb))],
                                        description="Regional systems covering it (Ctrl/Cmd for several)", rows=3,
                                        style=style, layout=w.Layout(width="auto"))
        self.nhri = w.Checkbox(description="The NPM is also a national human rights institution (NHRI)", indent=False,
                               layout=w.Layout(width="auto"))
        self.grade = w.Dropdown(options=[("not accredited / not an NHRI", None), ("A status", "A"), ("B status", "B")],
                                description="NHRI accreditation grade", style=style)
        themes = kb["themes"]
        self.themes = w.SelectMultiple(options=list(zip(themes["name_en"], themes["id"])), rows=6,
                                       description="Thematic priorities (Ctrl/Cmd for several)", style=style,
                                       layout=w.Layout(width="95%"))
        self.days = w.BoundedFloatText(value=20, min=-1000, max=10000, step=1, style=style,
                                       description="Staff days the NPM can spend")
        self.today = w.DatePicker(value=date.today(), description="Plan from", style=style)
        self.dates = {}
        for a in kb["anchors"].itertuples():
            body = kb.body(kb.cycle(a.cycle_id)["body_id"])["acronym_en"]
            self.dates[a.id] = w.DatePicker(description=f"{a.name_en} ({body})", style=style,
                                            tooltip=a.question_en, layout=w.Layout(width="95%"))
        main = ["cat_review", "upr_review", "cpt_visit_start", "iachr_visit_start", "sp_visit_start"]
        self.button = w.Button(description="Make my plan", button_style="primary", icon="list")
        self.save = w.Button(description="Save as CSV and iCalendar", icon="download", disabled=True,
                             layout=w.Layout(width="auto"))
        self.output = w.HTML()
        self.saved = w.HTML()
        self.plan: planner.Plan | None = None
        self.button.on_click(self.make)
        self.save.on_click(self.write)
        other = [self.dates[a] for a in self.dates if a not in main]
        self.box = w.VBox([
            w.HTML("<h4>1. Your State and your NPM</h4>"), self.region, self.systems, self.nhri, self.grade,
            w.HTML("<h4>2. Your priorities and your time</h4>"), self.themes, self.days,
            w.HTML("<h4>3. Dates you know (leave the others empty)</h4>"), *[self.dates[a] for a in main],
            w.Accordion([w.VBox(other)], titles=("More dates: hearings, calls for inputs, court cases",)),
            self.today, w.HBox([self.button, self.save]), self.saved, self.output])

    def profile(self) -> planner.NPMProfile:
        return planner.NPMProfile(region=self.region.value, systems=tuple(self.systems.value), nhri=self.nhri.value,
                                  nhri_grade=self.grade.value, themes=tuple(self.themes.value),
                                  staff_days=self.days.value,
                                  dates={a: c.value for a, c in self.dates.items() if c.value is not None})

    def make(self, _button=None):
        self.plan, message = planner.plan_or_message(self.profile(), today=self.today.value or date.today())
        self.save.disabled = self.plan is None
        self.saved.value = ""
        if self.plan is None:
            items = "".join(f"<li>{esc(line[2:])}</li>" for line in message.splitlines()[1:])
            self.output.value = (f'<div class="course-plan"><div class="course-error" role="alert">'
                                 f'<strong>Please fix the profile first:</strong><ul>{items}</ul></div></div>')
        else:
            self.output.value = f'<div class="course-plan">{plan_html(self.plan)}</div>'

    def write(self, _button=None):
        if self.plan is None:
            return
        csv_path, ics_path = self.out_dir / "my_engagement_plan.csv", self.out_dir / "my_engagement_plan.ics"
        self.plan.to_csv(csv_path)
        self.plan.to_ics(ics_path)
        self.saved.value = (f'<p role="status">Saved <a href="{esc(csv_path.name)}" download>{esc(csv_path.name)}</a> '
                            f'and <a href="{esc(ics_path.name)}" download>{esc(ics_path.name)}</a> in '
                            f'{esc(str(self.out_dir.resolve()))}. Import the .ics file into your calendar.</p>')


def engagement_planner() -> None:
    """The planner form in a kernel; in the static book, a note pointing to the worked examples."""
    from IPython.display import display

    show_html(CSS)
    if static_book():
        show_html('<p class="course-meta">In JupyterLab this is a form: you describe your NPM and get its plan, '
                  'ready to save as a spreadsheet and a calendar. The online book has no Python behind it, so it shows '
                  'the plans of two example NPMs instead, in the next section.</p>')
        return
    display(PlannerForm().box)


def worked_examples() -> None:
    """The plans of two contrasting example NPMs, one tab each (the tabs switch in the browser, no kernel needed);
    in the book, also one searchable table of both."""
    from IPython.display import display

    show_html(CSS)
    names = list(planner.EXAMPLES)
    views = [w.HTML(example_view(n, p)) for n, p in planner.EXAMPLES.items()]
    # Tab titles are cut at about 20 characters: keep them short; each view starts with the full name.
    titles = [f"Example {i + 1}: {planner.EXAMPLES[n].region.replace('_', '-').title()}" for i, n in enumerate(names)]
    display(w.Tab(views, titles=titles))
    if static_book():
        rows = []
        for name, profile in planner.EXAMPLES.items():
            items = planner.make_plan(profile, today=planner.EXAMPLE_TODAY).items
            rows.append(items.assign(example=name))
        table = pd.concat(rows)[["example", "rank", "in_plan", "date", "body", "stage", "opportunity", "staff_days"]]
        searchable_table(table.rename(columns={"example": "Example NPM", "rank": "Rank", "in_plan": "In plan?",
                                               "date": "Date", "body": "Body", "stage": "Stage",
                                               "opportunity": "Opportunity", "staff_days": "Staff days"}),
                         caption="Both example plans in one table: search or sort")


def sources() -> None:
    """The sources behind the stages, timings and opportunities the planner draws on."""
    from .sources import source_list, table_source_ids

    source_list(table_source_ids("cycles", "paths", "stages", "opportunities"))


def worked_example(index: int) -> None:
    """One worked example on its own, as a plain page section (for prose that discusses it)."""
    name, profile = list(planner.EXAMPLES.items())[index]
    show_html(CSS + example_view(name, profile))
