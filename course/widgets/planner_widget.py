"""The engagement planner as a widget.

Live (a kernel): a form describing the NPM; "Make my plan" ranks the openings, and the plan can be saved as CSV
and iCalendar files next to the notebook. In the book (no kernel): the same form in plain HTML, whose plan
js/planner.js makes in the browser from the rules the build writes (planner.rules()), with downloads made in
the page. Both also show the plans of two contrasting example NPMs, one tab each.
"""
from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

from .. import planner
from ..kb import KnowledgeBase
from .common import Views, knowledge, show_html, static_book, use_stylesheet
from .views import capital, esc, format_number, label


def profile_html(profile: planner.NPMProfile, kb: KnowledgeBase | None = None) -> str:
    kb = knowledge(kb)
    themes = dict(zip(kb["themes"]["id"], kb["themes"]["name_en"]))
    anchors = kb["anchors"].set_index("id")
    nhri = (f"also an NHRI with {profile.nhri_grade} status" if profile.nhri and profile.nhri_grade
            else "also an NHRI, not accredited" if profile.nhri else "not an NHRI")
    dates = "; ".join(f"{esc(anchors.at[a, 'name_en'])}: {esc(long_date(d))}" for a, d in profile.dates.items()) or "none"
    rows = [("Region", esc(capital(label("region", profile.region or "")))),
            ("Regional systems", esc(", ".join(label("system", s) for s in profile.systems) or "none")),
            ("Status", esc(nhri)),
            ("Priorities", esc(", ".join(themes.get(t, t) for t in profile.themes))),
            ("Staff days available", esc(format_number(profile.staff_days))),
            ("Known dates", dates)]
    return ('<table class="course-facts">' +
            "".join(f'<tr><th scope="row">{k}</th><td>{v}</td></tr>' for k, v in rows) + "</table>")


def long_date(value) -> str:
    """9 November 2027, from a date or its ISO text."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {day:%B %Y}"


def plan_html(plan: planner.Plan, heading: str = "Your plan", level: int = 4) -> str:
    """The ranked plan as an accessible table, with what was left out and what needs a date."""
    h = f"h{level}"
    if plan.items.empty:
        body = ("<p>No dated opening fits this profile yet. Add a known date, or widen the priorities.</p>")
    else:
        rows = []
        for r in plan.items.itertuples():
            rows.append(f'<tr class="{"reserve" if r.in_plan != "yes" else ""}">'
                        f'<th scope="row" data-label="Opportunity">{esc(r.opportunity)}<br><span class="course-meta">'
                        f'Who may: {esc(r.who_may)}</span></th>'
                        f'<td data-label="Rank">{r.rank}, {"in the plan" if r.in_plan == "yes" else "in reserve"}</td>'
                        f'<td data-label="Date">{long_date(r.date)}<br><span class="course-meta">{esc(r.date_basis)}</span></td>'
                        f'<td data-label="Body">{esc(r.body)}</td><td data-label="Stage">{esc(r.stage)}</td>'
                        f'<td data-label="Staff days">{format_number(r.staff_days)}</td>'
                        f'<td data-label="Why it ranks here">{esc(r.reason)}</td>'
                        f'<td data-label="First steps">{esc(r.first_steps)}</td></tr>')
        heads = "".join(f'<th scope="col">{h}</th>' for h in ("Opportunity", "Rank", "Date", "Body", "Stage", "Staff days",
                                                               "Why it ranks here", "First steps"))
        body = ('<table class="course-data"><caption>Ranked engagement opportunities, best first</caption>'
                f'<thead><tr>{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    notes = [f"{format_number(plan.days_planned)} of {format_number(plan.profile.staff_days)} staff days planned."]
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
            f'as calendar events (.ics, for Outlook, Google or Apple calendars)</a></p>')


def example_view(name: str, profile: planner.NPMProfile, kb: KnowledgeBase | None = None) -> str:
    plan = planner.make_plan(profile, today=planner.EXAMPLE_TODAY, kb=kb)
    stem = "example-plan-" + ("europe" if profile.region == "europe" else profile.region or "npm")
    return (f'<section class="course-plan" aria-label="{esc(name)}"><h4>{esc(name)}</h4>'
            f'<p class="course-meta">An imagined NPM; its dates are invented for the example, and the plan is made '
            f'as if today were {long_date(planner.EXAMPLE_TODAY)}.</p>{profile_html(profile, kb)}'
            f'{plan_html(plan, "Its plan", 5)}{download_links(plan, stem)}</section>')


# The dates most NPMs know first; the others sit under "More dates".
MAIN_DATES = ["cat_review", "upr_review", "cpt_visit_start", "iachr_visit_start", "sp_visit_start"]


class PlannerForm:
    """The live form: every control is keyboard-usable; "Make my plan" shows the plan or a message."""

    def __init__(self, out_dir: Path | str = ".", kb: KnowledgeBase | None = None):
        import ipywidgets as w

        kb = self.kb = knowledge(kb)
        self.out_dir = Path(out_dir)
        style = {"description_width": "initial"}
        self.region = w.Dropdown(options=[("choose…", None)] + [(label("region", r), r) for r in planner.regions(kb)],
                                 description="Region of your State", style=style)
        self.systems = w.SelectMultiple(options=[(label("system", s), s)
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
        self.button = w.Button(description="Make my plan", button_style="primary", icon="list")
        self.save = w.Button(description="Save as CSV and iCalendar", icon="download", disabled=True,
                             layout=w.Layout(width="auto"))
        self.output = w.HTML()
        self.saved = w.HTML()
        self.plan: planner.Plan | None = None
        self.button.on_click(self.make)
        self.save.on_click(self.write)
        other = [self.dates[a] for a in self.dates if a not in MAIN_DATES]
        self.box = w.VBox([
            w.HTML("<h4>1. Your State and your NPM</h4>"), self.region, self.systems, self.nhri, self.grade,
            w.HTML("<h4>2. Your priorities and your time</h4>"), self.themes, self.days,
            w.HTML("<h4>3. Dates you know (leave the others empty)</h4>"), *[self.dates[a] for a in MAIN_DATES if a in self.dates],
            w.Accordion([w.VBox(other)], titles=("More dates: hearings, calls for inputs, court cases",)),
            self.today, w.HBox([self.button, self.save]), self.saved, self.output])

    def profile(self) -> planner.NPMProfile:
        return planner.NPMProfile(region=self.region.value, systems=tuple(self.systems.value), nhri=self.nhri.value,
                                  nhri_grade=self.grade.value, themes=tuple(self.themes.value),
                                  staff_days=self.days.value,
                                  dates={a: c.value for a, c in self.dates.items() if c.value is not None})

    def make(self, _button=None):
        self.plan, message = planner.plan_or_message(self.profile(), today=self.today.value or date.today(),
                                                        kb=self.kb)
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


def form_html(kb: KnowledgeBase | None = None, scripts: str = "../planner/") -> str:
    """The planner form of the book, in plain HTML: js/planner.js makes the plan in the page from the rules the
    build writes (scripts: where the page finds rules.js and planner.js)."""
    kb = knowledge(kb)
    systems = planner.regional_systems(kb)
    region_options = "".join(f'<option value="{esc(r)}">{esc(label("region", r))}</option>' for r in planner.regions(kb))
    system_boxes = "".join(f'<label class="course-check"><input type="checkbox" name="system" value="{esc(s)}" '
                           f'data-regions="{esc(" ".join(sorted(systems[s])))}"> {esc(label("system", s))}'
                           '</label>' for s in sorted(systems))
    theme_boxes = "".join(f'<label class="course-check"><input type="checkbox" name="theme" value="{esc(t.id)}"> '
                          f'{esc(t.name_en)}</label>' for t in kb["themes"].itertuples())
    dates = {}
    for a in kb["anchors"].itertuples():
        body = kb.body(kb.cycle(a.cycle_id)["body_id"])
        dates[a.id] = (f'<label class="course-field">{esc(a.name_en)} ({esc(body["acronym_en"])}) '
                       f'<span class="course-meta">{esc(a.question_en)}</span>'
                       f'<input type="date" data-anchor="{esc(a.id)}" data-system="{esc(body["system"])}"></label>')
    main = "".join(dates[a] for a in MAIN_DATES if a in dates)
    more = "".join(html for a, html in dates.items() if a not in MAIN_DATES)
    return (f'<form class="course-planner" data-course-planner novalidate>'
            f'<fieldset><legend>1. Your State and your NPM</legend>'
            f'<label class="course-field">Region of your State <select name="region"><option value="">choose…</option>'
            f'{region_options}</select></label>'
            f'<fieldset><legend>Regional systems covering your State</legend>{system_boxes}</fieldset>'
            f'<label class="course-check"><input type="checkbox" name="nhri"> The NPM is also a national human rights '
            f'institution (NHRI)</label>'
            f'<label class="course-field">NHRI accreditation grade <select name="grade"><option value="">not '
            f'accredited</option><option value="A">A status</option><option value="B">B status</option></select></label>'
            f'</fieldset><fieldset><legend>2. Your priorities and your time</legend>{theme_boxes}'
            f'<label class="course-field">Staff days the NPM can spend <input type="number" name="days" value="20" '
            f'min="1" step="1" inputmode="numeric"></label></fieldset>'
            f'<fieldset><legend>3. Dates you know (leave the others empty)</legend>{main}'
            f'<details><summary>More dates: hearings, calls for inputs, court cases</summary>{more}</details>'
            f'<label class="course-field">Plan from <input type="date" name="today"></label></fieldset>'
            f'<button type="submit" class="course-button">Make my plan</button></form>'
            f'<div class="course-plan" data-course-plan-output aria-live="polite"></div>'
            f'<noscript><p>The planner needs JavaScript, which is turned off in this browser: the two example plans '
            f'below show what it gives.</p></noscript>'
            f'<script src="{scripts}rules.js" defer></script><script src="{scripts}planner.js" defer></script>')


def engagement_planner(kb: KnowledgeBase | None = None) -> None:
    """The planner form: ipywidgets in a kernel; in the book, the same form made in the page."""
    from IPython.display import display

    use_stylesheet()
    if static_book():
        show_html(form_html(kb))
        return
    display(PlannerForm(kb=kb).box)


def worked_examples(kb: KnowledgeBase | None = None) -> None:
    """The plans of two contrasting example NPMs, one tab each (the tabs switch in the browser)."""
    from IPython.display import display

    use_stylesheet()
    names = list(planner.EXAMPLES)
    views = Views("Example", [f"Example {i + 1}: {capital(label('region', planner.EXAMPLES[n].region))}"
                              for i, n in enumerate(names)],
                  [example_view(n, p, kb) for n, p in planner.EXAMPLES.items()], control="tabs")
    if static_book():
        show_html(views.html())
    else:
        display(views.widget())


def sources(kb: KnowledgeBase | None = None) -> None:
    """The sources behind the stages, timings and opportunities the planner draws on."""
    from .sources import source_list, table_source_ids

    source_list(table_source_ids("cycles", "paths", "stages", "opportunities", kb=kb), kb=kb)
