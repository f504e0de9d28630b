"""Practice on the course's fictional case file: the case file page, the Your turn tasks and the computed
times that the pages show. Notebooks call these with one line each.

The book and JupyterLab differ in one thing: where the learner writes. In JupyterLab it is the markdown cell
after the task, saved with the notebook; in the book it is a text area that _static/course-answer.js keeps in
the browser (the build sets COURSE_STATIC_BOOK, see course.publish.build)."""
from __future__ import annotations

import html
import os
from collections.abc import Mapping

from .. import i18n
from ..errors import UserError
from ..kb import KnowledgeBase, Labels, load
from ..paths import ROOT
from .times import module_minutes, quiz_minutes, task_minutes

__all__ = ["module_minutes", "quiz_minutes", "task_minutes", "case_file", "your_turn", "model_answer",
           "time_to_learn"]

TEXT = i18n.Text(__name__, {
    "fiction": {"en": "**Fiction.** Norvalia, its NPM and every person and place in this case are invented for "
                      "practice. The bodies they deal with are real; the events are not.",
                "fr": "**Fiction.** Norvalia, son MNP et toutes les personnes et tous les lieux de ce cas sont "
                      "inventés pour l'exercice. Les organes auxquels ils ont affaire sont réels ; les événements ne "
                      "le sont pas.",
                "es": "**Ficción.** Norvalia, su MNP y todas las personas y los lugares de este caso son inventados "
                      "para la práctica. Los órganos con los que tratan son reales; los hechos no lo son."},
    "case_page": {"en": "The case file is on its own page, *The case file: Norvalia*.",
                  "fr": "Le dossier d'étude a sa propre page, *Le dossier d'étude : Norvalia*.",
                  "es": "El expediente del caso tiene su propia página, *El expediente del caso: Norvalia*."},
    "time": {"en": "**Time:** about {n} minutes.", "fr": "**Durée :** environ {n} minutes.",
             "es": "**Tiempo:** unos {n} minutos."},
    "answer_box": {"en": "Your answer (it stays in this browser, on this device only)",
                   "fr": "Votre réponse (elle reste dans ce navigateur, sur cet appareil uniquement)",
                   "es": "Su respuesta (se queda en este navegador, solo en este dispositivo)"},
    # shown by _static/course-answer.js when the browser cannot keep the answer (it reads data-course-unsaved)
    "not_kept": {"en": "This browser does not keep what you write here: copy it somewhere before you leave.",
                 "fr": "Ce navigateur ne conserve pas ce que vous écrivez ici : copiez-le ailleurs avant de partir.",
                 "es": "Este navegador no conserva lo que escribe aquí: cópielo en otro lugar antes de salir."},
    "cell_below": {"en": "Write your answer in the cell below: double-click it, write, then press Shift+Enter. It is "
                         "saved with the notebook. Then open the model answer under it.",
                   "fr": "Écrivez votre réponse dans la cellule ci-dessous : double-cliquez dessus, écrivez, puis "
                         "appuyez sur Maj+Entrée. Elle est enregistrée avec le notebook. Ouvrez ensuite la réponse "
                         "modèle en dessous.",
                   "es": "Escriba su respuesta en la celda de abajo: haga doble clic en ella, escriba y pulse "
                         "Mayús+Intro. Se guarda con el cuaderno. Luego abra la respuesta modelo que está debajo."},
    "template": {"en": "**Template to take to work:** {link} (an editable file).",
                 "fr": "**Modèle à emporter au travail :** {link} (un fichier modifiable).",
                 "es": "**Plantilla para llevar al trabajo:** {link} (un archivo editable)."},
    "model_summary": {"en": "The model answer and what a good answer contains (open it once you have written yours)",
                      "fr": "La réponse modèle et ce que contient une bonne réponse (ouvrez-la une fois la vôtre "
                            "écrite)",
                      "es": "La respuesta modelo y lo que contiene una buena respuesta (ábrala cuando haya escrito "
                            "la suya)"},
    "good_answer": {"en": "**What a good answer contains:**", "fr": "**Ce que contient une bonne réponse :**",
                    "es": "**Lo que contiene una buena respuesta:**"},
    "time_to_learn": {"en": "**Time to learn:** about {learn} minutes (reading at 120 words a minute, with the "
                            "practice tasks), plus {quiz} for the quiz.",
                      "fr": "**Temps d'apprentissage :** environ {learn} minutes (lecture à 120 mots par minute, "
                            "exercices compris), plus {quiz} pour le quiz.",
                      "es": "**Tiempo de aprendizaje:** unos {learn} minutos (lectura a 120 palabras por minuto, con "
                            "los ejercicios), más {quiz} para el cuestionario."},
    "profile": {"en": "## The NPM and its State", "fr": "## Le MNP et son État", "es": "## El MNP y su Estado"},
    "found": {"en": "## What the NPM has found", "fr": "## Ce que le MNP a constaté", "es": "## Lo que el MNP ha constatado"},
    "npm_itself": {"en": "The NPM itself", "fr": "Le MNP lui-même", "es": "El propio MNP"},
    "recommendations": {"en": "## Recommendations and the authorities' responses",
                        "fr": "## Recommandations et réponses des autorités",
                        "es": "## Recomendaciones y respuestas de las autoridades"},
    "date": {"en": "Date", "fr": "Date", "es": "Fecha"},
    "theme": {"en": "Theme", "fr": "Thème", "es": "Tema"},
    "by": {"en": "By", "fr": "Auteur", "es": "Autor"},
    "recommendation": {"en": "Recommendation", "fr": "Recommandation", "es": "Recomendación"},
    "response": {"en": "Response", "fr": "Réponse", "es": "Respuesta"},
    "status": {"en": "Status", "fr": "État", "es": "Estado"},
    "coming": {"en": "## What is coming", "fr": "## Ce qui s'annonce", "es": "## Lo que se avecina"},
    "who": {"en": "Who", "fr": "Qui", "es": "Quién"},
    "what": {"en": "What", "fr": "Quoi", "es": "Qué"},
    "regional": {"en": "## The regional part: four variants", "fr": "## Le volet régional : quatre variantes",
                 "es": "## La parte regional: cuatro variantes"},
    "pick": {"en": "Pick the variant closest to your own region. The regional modules' tasks work with each.",
             "fr": "Choisissez la variante la plus proche de votre région. Les exercices des modules régionaux "
                   "fonctionnent avec chacune.",
             "es": "Elija la variante más cercana a su región. Los ejercicios de los módulos regionales funcionan "
                   "con cada una."},
    "instruments": {"en": "Instruments", "fr": "Instruments", "es": "Instrumentos"},
    "monitoring_body": {"en": "Monitoring body", "fr": "Organe de contrôle", "es": "Órgano de supervisión"},
    "court": {"en": "Court", "fr": "Juridiction", "es": "Tribunal"},
    "colon": {"en": ":", "fr": " :", "es": ":"},
    "label": {"en": "**{label}:**", "fr": "**{label} :**", "es": "**{label}:**"},
})
# The status of a recommendation in the case file, as words.
STATUS_LABELS = Labels(__name__ + ".STATUS_LABELS", {
    "accepted": {"en": "accepted", "fr": "acceptée", "es": "aceptada"},
    "partly": {"en": "partly", "fr": "en partie", "es": "en parte"},
    "rejected": {"en": "rejected", "fr": "rejetée", "es": "rechazada"},
    "ignored": {"en": "ignored", "fr": "ignorée", "es": "ignorada"},
    "supported": {"en": "supported", "fr": "appuyée", "es": "apoyada"},
    "noted": {"en": "noted", "fr": "notée", "es": "tomada en cuenta"},
})
TEMPLATE_TITLES = Labels(__name__ + ".TEMPLATE_TITLES", {
    "cat_submission": {"en": "A written submission to CAT (list of issues prior to reporting)",
                       "fr": "Une contribution écrite au CAT (liste de points établie avant la soumission "
                             "du rapport)",
                       "es": "Una contribución escrita al CAT (lista de cuestiones previa a la presentación de "
                             "informes)"},
    "briefing_points": {"en": "Talking points for a private briefing",
                        "fr": "Points d'intervention pour une réunion d'information privée",
                        "es": "Puntos de intervención para una sesión informativa privada"},
    "upr_submission": {"en": "A UPR stakeholder submission", "fr": "Une contribution de partie prenante à l'EPU",
                       "es": "Una contribución de parte interesada al EPU"},
    "visit_briefing": {"en": "A briefing note for a country visit", "fr": "Une note d'information pour une visite de pays",
                       "es": "Una nota informativa para una visita al país"},
    "recommendations_tracker": {"en": "A recommendations tracker", "fr": "Un outil de suivi des recommandations",
                                "es": "Una herramienta de seguimiento de recomendaciones"},
})
TEMPLATE_FILES = {
    "cat_submission": "cat-submission.docx",
    "briefing_points": "private-briefing-points.docx",
    "upr_submission": "upr-stakeholder-submission.docx",
    "visit_briefing": "visit-briefing-note.docx",
    "recommendations_tracker": "recommendations-tracker.xlsx",
}


class _Templates(Mapping):
    """{template id: (title in the language in use, file name)}: the file names are the same in every edition."""

    def __getitem__(self, key):
        return TEMPLATE_TITLES[key], TEMPLATE_FILES[key]

    def __iter__(self):
        return iter(TEMPLATE_FILES)

    def __len__(self):
        return len(TEMPLATE_FILES)


TEMPLATES = _Templates()


def fiction_note() -> str:
    return TEXT("fiction")


class PracticeError(UserError):
    pass


def _in_book() -> bool:
    return os.environ.get("COURSE_STATIC_BOOK") == "1"


def _show(markdown: str | None = None, html_text: str | None = None) -> None:
    from IPython.display import HTML, Markdown, display

    if markdown:
        display(Markdown(markdown))  # markdown, so that the book's search finds the text
    if html_text:
        display(HTML(html_text))


def task(task_id: str, kb: KnowledgeBase | None = None) -> dict:
    tasks = (kb or load())["tasks"]
    row = tasks[tasks["id"] == task_id]
    if row.empty:
        raise PracticeError(f"no task {task_id!r} in the tasks table (known: {', '.join(tasks['id'])})")
    return row.iloc[0].to_dict()


def template_link(template_id: str) -> str:
    """Where a module page finds a template: beside the book's pages, or in a checkout's _generated folder."""
    title, name = TEMPLATES[template_id]
    folder = "../_generated/templates" if not _in_book() and (ROOT / "_generated" / "templates").is_dir() \
        else "../templates"
    return f"[{title}]({folder}/{name})"


def your_turn(task_id: str, kb: KnowledgeBase | None = None) -> None:
    """The task, then where to write the answer: a text area in the book, the cell below in JupyterLab."""
    t = task(task_id, kb)
    _show(f"{TEXT('fiction')} {TEXT('case_page')}\n\n{TEXT('time', n=int(t['minutes']))}\n\n{t['task']}")
    if _in_book():
        box = f"answer-{task_id}"
        _show(html_text=f'<div class="course-answer"><label for="{box}">{TEXT("answer_box")}</label>'
                        f'<textarea id="{box}" data-course-answer="{task_id}" rows="8" '
                        f'data-course-unsaved="{html.escape(TEXT("not_kept"))}"></textarea></div>')
    else:
        _show(TEXT("cell_below"))


def model_answer(task_id: str, kb: KnowledgeBase | None = None) -> None:
    """The model answer and its rubric, folded: the learner opens them after writing their own."""
    t = task(task_id, kb)
    rubric = "\n".join(f"- {item}" for item in t["rubric"])
    template = f"\n\n{TEXT('template', link=template_link(t['template']))}" if t["template"] else ""
    _show(f"<details class=\"course-model-answer\">\n<summary>{TEXT('model_summary')}</summary>\n\n"
          f"{t['model_answer']}\n\n"
          f"{TEXT('good_answer')}\n\n{rubric}\n\n</details>{template}")


def time_to_learn(module_id: str) -> None:
    """The module's time, computed: its reading time plus its tasks, and the quiz's time."""
    _show(TEXT("time_to_learn", learn=module_minutes(module_id), quiz=quiz_minutes(module_id)))


def _day(day) -> str:
    return i18n.day(day)


def _table(rows, columns: dict) -> str:
    head = "| " + " | ".join(columns.values()) + " |\n| " + " | ".join("---" for _ in columns) + " |\n"
    cell = lambda v: str(v).replace("|", "/").replace("\n", " ")  # noqa: E731
    return head + "".join("| " + " | ".join(cell(r[c]) for c in columns) + " |\n" for r in rows)


def _label(text: str) -> str:
    return TEXT("label", label=text)


def case_file(kb: KnowledgeBase | None = None) -> None:
    """The whole case file, from the case tables in data/."""
    kb = kb or load()
    themes = {r["id"]: r["name"] for r in kb["case_themes"].to_dict("records")}
    parts = [f"{TEXT('fiction')}\n", TEXT("profile") + "\n",
             "\n".join(f"- {_label(r['label'])} {r['value']}" for r in kb["case_profile"].to_dict("records")),
             "\n" + TEXT("found") + "\n"]
    findings = kb["case_findings"].sort_values("date").to_dict("records")
    for theme in kb["case_themes"].to_dict("records"):
        parts.append(f"### {theme['name']}\n\n{theme['summary']}\n")
        parts += [f"- **{_day(f['date'])}, {f['place']}{TEXT('colon')}** {f['finding']}"
                  for f in findings if f["theme_id"] == theme["id"]]
        parts.append("")
    recs = kb["case_recommendations"].sort_values("date").to_dict("records")
    for r in recs:
        r["theme"] = themes.get(r["theme_id"], TEXT("npm_itself"))
        r["when"] = i18n.month(r["date"])
        r["status_words"] = STATUS_LABELS.get(r["status"], r["status"])
    parts += [TEXT("recommendations") + "\n",
              _table(recs, {"when": TEXT("date"), "theme": TEXT("theme"), "by": TEXT("by"),
                            "recommendation": TEXT("recommendation"), "response": TEXT("response"),
                            "status_words": TEXT("status")})]
    events = kb["case_events"].sort_values("date").to_dict("records")
    for e in events:
        e["when"] = _day(e["date"])
    parts += [TEXT("coming") + "\n", _table(events, {"when": TEXT("date"), "body": TEXT("who"), "event": TEXT("what")}),
              TEXT("regional") + "\n", TEXT("pick") + "\n"]
    for v in kb["case_regions"].to_dict("records"):
        parts.append(f"### {v['label']}\n\n- {_label(TEXT('instruments'))} {v['instruments']}\n"
                     f"- {_label(TEXT('monitoring_body'))} {v['monitoring_body']}. {v['monitoring_event']}\n"
                     f"- {_label(TEXT('court'))} {v['court']}. {v['court_case']}\n")
    _show("\n".join(parts))
