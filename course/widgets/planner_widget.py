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

from .. import i18n, planner
from ..kb import KnowledgeBase
from ..planner import UI
from .common import WORDS, Views, colon, knowledge, show_html, static_book, use_stylesheet
from .views import capital, esc, format_number, label

TEXT = i18n.Text(__name__, {
    "nhri_grade": {"en": "also an NHRI with {grade} status", "fr": "aussi une INDH de statut {grade}",
                   "es": "también una INDH de categoría {grade}"},
    "nhri_not_accredited": {"en": "also an NHRI, not accredited", "fr": "aussi une INDH, non accréditée",
                            "es": "también una INDH, no acreditada"},
    "not_nhri": {"en": "not an NHRI", "fr": "pas une INDH", "es": "no es una INDH"},
    "none": {"en": "none", "fr": "aucune", "es": "ninguna"},
    "regional_systems": {"en": "Regional systems", "fr": "Systèmes régionaux", "es": "Sistemas regionales"},
    "status": {"en": "Status", "fr": "Statut", "es": "Condición"},
    "priorities": {"en": "Priorities", "fr": "Priorités", "es": "Prioridades"},
    "days_available": {"en": "Staff days available", "fr": "Jours de travail disponibles",
                       "es": "Días de trabajo disponibles"},
    "known_dates": {"en": "Known dates", "fr": "Dates connues", "es": "Fechas conocidas"},
    "its_plan": {"en": "Its plan", "fr": "Son plan", "es": "Su plan"},
    "imagined": {"en": "An imagined NPM; its dates are invented for the example, and the plan is made as if today "
                       "were {date}.",
                 "fr": "Un MNP imaginaire ; ses dates sont inventées pour l'exemple, et le plan est établi comme si "
                       "nous étions le {date}.",
                 "es": "Un MNP imaginario; sus fechas son inventadas para el ejemplo, y el plan se hace como si hoy "
                       "fuera {date}."},
    "example": {"en": "Example", "fr": "Exemple", "es": "Ejemplo"},
    "example_n": {"en": "Example {n}: {region}", "fr": "Exemple {n} : {region}", "es": "Ejemplo {n}: {region}"},
    "example_stem": {"en": "example-plan-", "fr": "exemple-de-plan-", "es": "ejemplo-de-plan-"},
    "choose": {"en": "choose…", "fr": "choisir…", "es": "elegir…"},
    "region_of_state": {"en": "Region of your State", "fr": "Région de votre État", "es": "Región de su Estado"},
    "systems_covering": {"en": "Regional systems covering it (Ctrl/Cmd for several)",
                         "fr": "Systèmes régionaux qui le couvrent (Ctrl/Cmd pour en choisir plusieurs)",
                         "es": "Sistemas regionales que lo abarcan (Ctrl/Cmd para elegir varios)"},
    "systems_legend": {"en": "Regional systems covering your State", "fr": "Systèmes régionaux couvrant votre État",
                       "es": "Sistemas regionales que abarcan su Estado"},
    "is_nhri": {"en": "The NPM is also a national human rights institution (NHRI)",
                "fr": "Le MNP est aussi une institution nationale des droits de l'homme (INDH)",
                "es": "El MNP también es una institución nacional de derechos humanos (INDH)"},
    "grade_label": {"en": "NHRI accreditation grade", "fr": "Statut d'accréditation de l'INDH",
                    "es": "Categoría de acreditación de la INDH"},
    "not_accredited_or_not": {"en": "not accredited / not an NHRI", "fr": "non accréditée / pas une INDH",
                              "es": "no acreditada / no es una INDH"},
    "not_accredited": {"en": "not accredited", "fr": "non accréditée", "es": "no acreditada"},
    "a_status": {"en": "A status", "fr": "statut A", "es": "categoría A"},
    "b_status": {"en": "B status", "fr": "statut B", "es": "categoría B"},
    "themes_label": {"en": "Thematic priorities (Ctrl/Cmd for several)",
                     "fr": "Priorités thématiques (Ctrl/Cmd pour en choisir plusieurs)",
                     "es": "Prioridades temáticas (Ctrl/Cmd para elegir varias)"},
    "days_label": {"en": "Staff days the NPM can spend", "fr": "Jours de travail que le MNP peut y consacrer",
                   "es": "Días de trabajo que el MNP puede dedicar"},
    "plan_from": {"en": "Plan from", "fr": "Planifier à partir du", "es": "Planificar a partir del"},
    "make": {"en": "Make my plan", "fr": "Établir mon plan", "es": "Hacer mi plan"},
    "save_button": {"en": "Save as CSV and iCalendar", "fr": "Enregistrer en CSV et iCalendar",
                    "es": "Guardar en CSV e iCalendar"},
    "step1": {"en": "1. Your State and your NPM", "fr": "1. Votre État et votre MNP", "es": "1. Su Estado y su MNP"},
    "step2": {"en": "2. Your priorities and your time", "fr": "2. Vos priorités et votre temps",
              "es": "2. Sus prioridades y su tiempo"},
    "step3": {"en": "3. Dates you know (leave the others empty)",
              "fr": "3. Les dates que vous connaissez (laissez les autres vides)",
              "es": "3. Las fechas que conoce (deje las demás vacías)"},
    "more_dates": {"en": "More dates: hearings, calls for inputs, court cases",
                   "fr": "Autres dates : audiences, appels à contributions, affaires judiciaires",
                   "es": "Más fechas: audiencias, convocatorias de aportes, casos judiciales"},
    "saved": {"en": "Saved {csv} and {ics} in {folder}. Import the .ics file into your calendar.",
              "fr": "{csv} et {ics} enregistrés dans {folder}. Importez le fichier .ics dans votre agenda.",
              "es": "Se guardaron {csv} y {ics} en {folder}. Importe el archivo .ics en su calendario."},
    "out_stem": {"en": "my_engagement_plan", "fr": "mon_plan_d_engagement", "es": "mi_plan_de_participacion"},
    "noscript": {"en": "The planner needs JavaScript, which is turned off in this browser: the two example plans "
                       "below show what it gives.",
                 "fr": "Le planificateur a besoin de JavaScript, désactivé dans ce navigateur : les deux exemples de "
                       "plan ci-dessous montrent ce qu'il produit.",
                 "es": "El planificador necesita JavaScript, que está desactivado en este navegador: los dos planes "
                       "de ejemplo de abajo muestran lo que produce."},
})


def profile_html(profile: planner.NPMProfile, kb: KnowledgeBase | None = None) -> str:
    kb = knowledge(kb)
    themes = dict(zip(kb["themes"]["id"], kb["themes"]["name"]))
    anchors = kb["anchors"].set_index("id")
    nhri = (TEXT("nhri_grade", grade=profile.nhri_grade) if profile.nhri and profile.nhri_grade
            else TEXT("nhri_not_accredited") if profile.nhri else TEXT("not_nhri"))
    dates = planner.TEXT("sep").join(f"{esc(anchors.at[a, 'name'])}{colon()} {esc(long_date(d))}"
                      for a, d in profile.dates.items()) or TEXT("none")
    rows = [(WORDS("region"), esc(capital(label("region", profile.region or "")))),
            (TEXT("regional_systems"), esc(", ".join(label("system", s) for s in profile.systems) or TEXT("none"))),
            (TEXT("status"), esc(nhri)),
            (TEXT("priorities"), esc(", ".join(themes.get(t, t) for t in profile.themes))),
            (TEXT("days_available"), esc(format_number(profile.staff_days))),
            (TEXT("known_dates"), dates)]
    return ('<table class="course-facts">' +
            "".join(f'<tr><th scope="row">{k}</th><td>{v}</td></tr>' for k, v in rows) + "</table>")


def long_date(value) -> str:
    """9 November 2027 (9 novembre 2027, 9 de noviembre de 2027), from a date or its ISO text."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return i18n.day(day)


def plan_html(plan: planner.Plan, heading: str | None = None, level: int = 4) -> str:
    """The ranked plan as an accessible table, with what was left out and what needs a date."""
    h = f"h{level}"
    heading = UI("your_plan") if heading is None else heading
    if plan.items.empty:
        body = f"<p>{esc(UI('nothing'))}</p>"
    else:
        rows = []
        for r in plan.items.itertuples():
            rows.append(f'<tr class="{"reserve" if r.in_plan != "yes" else ""}">'
                        f'<th scope="row" data-label="{esc(UI("col_opportunity"))}">{esc(r.opportunity)}<br>'
                        f'<span class="course-meta">{esc(UI("who_may", who=r.who_may))}</span></th>'
                        f'<td data-label="{esc(UI("col_rank"))}">'
                        f'{esc(UI("in_plan" if r.in_plan == "yes" else "in_reserve", rank=r.rank))}</td>'
                        f'<td data-label="{esc(UI("col_date"))}">{long_date(r.date)}<br><span class="course-meta">'
                        f'{esc(r.date_basis)}</span></td>'
                        f'<td data-label="{esc(UI("col_body"))}">{esc(r.body)}</td>'
                        f'<td data-label="{esc(UI("col_stage"))}">{esc(r.stage)}</td>'
                        f'<td data-label="{esc(UI("col_days"))}">{format_number(r.staff_days)}</td>'
                        f'<td data-label="{esc(UI("col_why"))}">{esc(r.reason)}</td>'
                        f'<td data-label="{esc(UI("col_steps"))}">{esc(r.first_steps)}</td></tr>')
        heads = "".join(f'<th scope="col">{esc(UI(key))}</th>' for key in
                        ("col_opportunity", "col_rank", "col_date", "col_body", "col_stage", "col_days", "col_why",
                         "col_steps"))
        body = (f'<table class="course-data"><caption>{esc(UI("caption"))}</caption>'
                f'<thead><tr>{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    notes = [UI("days_planned", used=format_number(plan.days_planned), budget=format_number(plan.profile.staff_days))]
    if plan.passed:
        notes.append(UI("passed", n=plan.passed))
    if plan.off_priority:
        notes.append(UI("off_priority", n=plan.off_priority))
    undated = ""
    if not plan.undated.empty:
        items = "".join(f"<li><strong>{esc(u.body)}</strong>, {esc(u.cycle)}{colon()} {esc(u.question)}</li>"
                        for u in plan.undated.itertuples())
        undated = f"<p>{esc(UI('undated'))}</p><ul>{items}</ul>"
    return (f'<{h}>{esc(heading)}</{h}><p class="course-meta">{esc(" ".join(notes))} {esc(UI("dates_note"))}</p>'
            f'{body}{undated}')


def download_links(plan: planner.Plan, stem: str) -> str:
    """Links that hand the reader the CSV and the .ics file straight from the page (no server needed)."""
    csv64 = base64.b64encode(plan.to_csv().encode("utf-8")).decode("ascii")
    ics64 = base64.b64encode(plan.to_ics()).decode("ascii")
    return (f'<p>{esc(UI("save"))} <a download="{stem}.csv" href="data:text/csv;charset=utf-8;base64,{csv64}">'
            f'{esc(UI("as_csv"))}</a> · <a download="{stem}.ics" href="data:text/calendar;base64,{ics64}">'
            f'{esc(UI("as_ics"))}</a></p>')


def example_view(name: str, profile: planner.NPMProfile, kb: KnowledgeBase | None = None) -> str:
    plan = planner.make_plan(profile, today=planner.EXAMPLE_TODAY, kb=kb)
    stem = TEXT("example_stem") + ("europe" if profile.region == "europe" else profile.region or "npm")
    title = planner.EXAMPLE_TITLES.get(name, name)
    return (f'<section class="course-plan" aria-label="{esc(title)}"><h4>{esc(title)}</h4>'
            f'<p class="course-meta">{esc(TEXT("imagined", date=long_date(planner.EXAMPLE_TODAY)))}</p>'
            f'{profile_html(profile, kb)}{plan_html(plan, TEXT("its_plan"), 5)}{download_links(plan, stem)}</section>')


# The dates most NPMs know first; the others sit under "More dates".
MAIN_DATES = ["cat_review", "upr_review", "cpt_visit_start", "iachr_visit_start", "sp_visit_start"]


class PlannerForm:
    """The live form: every control is keyboard-usable; "Make my plan" shows the plan or a message."""

    def __init__(self, out_dir: Path | str = ".", kb: KnowledgeBase | None = None):
        import ipywidgets as w

        kb = self.kb = knowledge(kb)
        self.out_dir = Path(out_dir)
        style = {"description_width": "initial"}
        self.region = w.Dropdown(options=[(TEXT("choose"), None)] + [(label("region", r), r) for r in planner.regions(kb)],
                                 description=TEXT("region_of_state"), style=style)
        self.systems = w.SelectMultiple(options=[(label("system", s), s)
                                                 for s in sorted(planner.regional_systems(kb))],
                                        description=TEXT("systems_covering"), rows=3,
                                        style=style, layout=w.Layout(width="auto"))
        self.nhri = w.Checkbox(description=TEXT("is_nhri"), indent=False,
                               layout=w.Layout(width="auto"))
        self.grade = w.Dropdown(options=[(TEXT("not_accredited_or_not"), None), (TEXT("a_status"), "A"),
                                         (TEXT("b_status"), "B")],
                                description=TEXT("grade_label"), style=style)
        themes = kb["themes"]
        self.themes = w.SelectMultiple(options=list(zip(themes["name"], themes["id"])), rows=6,
                                       description=TEXT("themes_label"), style=style,
                                       layout=w.Layout(width="95%"))
        self.days = w.BoundedFloatText(value=20, min=-1000, max=10000, step=1, style=style,
                                       description=TEXT("days_label"))
        self.today = w.DatePicker(value=date.today(), description=TEXT("plan_from"), style=style)
        self.dates = {}
        for a in kb["anchors"].itertuples():
            body = kb.body(kb.cycle(a.cycle_id)["body_id"])["acronym"]
            self.dates[a.id] = w.DatePicker(description=f"{a.name} ({body})", style=style,
                                            tooltip=a.question, layout=w.Layout(width="95%"))
        self.button = w.Button(description=TEXT("make"), button_style="primary", icon="list")
        self.save = w.Button(description=TEXT("save_button"), icon="download", disabled=True,
                             layout=w.Layout(width="auto"))
        self.output = w.HTML()
        self.saved = w.HTML()
        self.plan: planner.Plan | None = None
        self.button.on_click(self.make)
        self.save.on_click(self.write)
        other = [self.dates[a] for a in self.dates if a not in MAIN_DATES]
        self.box = w.VBox([
            w.HTML(f"<h4>{esc(TEXT('step1'))}</h4>"), self.region, self.systems, self.nhri, self.grade,
            w.HTML(f"<h4>{esc(TEXT('step2'))}</h4>"), self.themes, self.days,
            w.HTML(f"<h4>{esc(TEXT('step3'))}</h4>"), *[self.dates[a] for a in MAIN_DATES if a in self.dates],
            w.Accordion([w.VBox(other)], titles=(TEXT("more_dates"),)),
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
                                 f'<strong>{esc(UI("fix_first"))}</strong><ul>{items}</ul></div></div>')
        else:
            self.output.value = f'<div class="course-plan">{plan_html(self.plan)}</div>'

    def write(self, _button=None):
        if self.plan is None:
            return
        stem = TEXT("out_stem")
        csv_path, ics_path = self.out_dir / f"{stem}.csv", self.out_dir / f"{stem}.ics"
        self.plan.to_csv(csv_path)
        self.plan.to_ics(ics_path)
        links = {key: f'<a href="{esc(path.name)}" download>{esc(path.name)}</a>'
                 for key, path in (("csv", csv_path), ("ics", ics_path))}
        saved = esc(TEXT("saved", csv="{csv}", ics="{ics}", folder=str(self.out_dir.resolve())))
        self.saved.value = f'<p role="status">{saved.replace("{csv}", links["csv"]).replace("{ics}", links["ics"])}</p>'


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
                          f'{esc(t.name)}</label>' for t in kb["themes"].itertuples())
    dates = {}
    for a in kb["anchors"].itertuples():
        body = kb.body(kb.cycle(a.cycle_id)["body_id"])
        dates[a.id] = (f'<label class="course-field">{esc(a.name)} ({esc(body["acronym"])}) '
                       f'<span class="course-meta">{esc(a.question)}</span>'
                       f'<input type="date" data-anchor="{esc(a.id)}" data-system="{esc(body["system"])}"></label>')
    main = "".join(dates[a] for a in MAIN_DATES if a in dates)
    more = "".join(html for a, html in dates.items() if a not in MAIN_DATES)
    return (f'<form class="course-planner" data-course-planner novalidate>'
            f'<fieldset><legend>{esc(TEXT("step1"))}</legend>'
            f'<label class="course-field">{esc(TEXT("region_of_state"))} <select name="region">'
            f'<option value="">{esc(TEXT("choose"))}</option>{region_options}</select></label>'
            f'<fieldset><legend>{esc(TEXT("systems_legend"))}</legend>{system_boxes}</fieldset>'
            f'<label class="course-check"><input type="checkbox" name="nhri"> {esc(TEXT("is_nhri"))}</label>'
            f'<label class="course-field">{esc(TEXT("grade_label"))} <select name="grade"><option value="">'
            f'{esc(TEXT("not_accredited"))}</option><option value="A">{esc(TEXT("a_status"))}</option>'
            f'<option value="B">{esc(TEXT("b_status"))}</option></select></label>'
            f'</fieldset><fieldset><legend>{esc(TEXT("step2"))}</legend>{theme_boxes}'
            f'<label class="course-field">{esc(TEXT("days_label"))} <input type="number" name="days" value="20" '
            f'min="1" step="1" inputmode="numeric"></label></fieldset>'
            f'<fieldset><legend>{esc(TEXT("step3"))}</legend>{main}'
            f'<details><summary>{esc(TEXT("more_dates"))}</summary>{more}</details>'
            f'<label class="course-field">{esc(TEXT("plan_from"))} <input type="date" name="today"></label></fieldset>'
            f'<button type="submit" class="course-button">{esc(TEXT("make"))}</button></form>'
            f'<div class="course-plan" data-course-plan-output aria-live="polite"></div>'
            f'<noscript><p>{esc(TEXT("noscript"))}</p></noscript>'
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
    views = Views(TEXT("example"), [TEXT("example_n", n=i + 1, region=capital(label("region", planner.EXAMPLES[n].region)))
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
