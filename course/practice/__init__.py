"""Practice on the course's fictional case file: the case file page, the Your turn tasks and the computed
times that the pages show. Notebooks call these with one line each.

The book and JupyterLab differ in one thing: where the learner writes. In JupyterLab it is the markdown cell
after the task, saved with the notebook; in the book it is a text area that _static/course-answer.js keeps in
the browser (the build sets COURSE_STATIC_BOOK, see course.publish.build)."""
from __future__ import annotations

import os

from ..errors import UserError
from ..kb import load
from ..paths import ROOT
from .times import module_minutes, quiz_minutes, task_minutes

__all__ = ["module_minutes", "quiz_minutes", "task_minutes", "case_file", "your_turn", "model_answer",
           "time_to_learn"]

FICTION_NOTE = ("**Fiction.** Norvalia, its NPM and every person and place in this case are invented for "
                "practice. The bodies they deal with are real; the events are not.")
TEMPLATES = {
    "cat_submission": ("A written submission to CAT (list of issues prior to reporting)", "cat-submission.docx"),
    "briefing_points": ("Talking points for a private briefing", "private-briefing-points.docx"),
    "upr_submission": ("A UPR stakeholder submission", "upr-stakeholder-submission.docx"),
    "visit_briefing": ("A briefing note for a country visit", "visit-briefing-note.docx"),
    "recommendations_tracker": ("A recommendations tracker", "recommendations-tracker.xlsx"),
}


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


def task(task_id: str) -> dict:
    tasks = load()["tasks"]
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


def your_turn(task_id: str) -> None:
    """The task, then where to write the answer: a text area in the book, the cell below in JupyterLab."""
    t = task(task_id)
    _show(f"{FICTION_NOTE} The case file is on its own page, *The case file: Norvalia*.\n\n"
          f"**Time:** about {int(t['minutes'])} minutes.\n\n{t['task_en']}")
    if _in_book():
        box = f"answer-{task_id}"
        _show(html_text=f'<div class="course-answer"><label for="{box}">Your answer (it stays in this browser, '
                        f'on this device only)</label><textarea id="{box}" data-course-answer="{task_id}" '
                        'rows="8"></textarea></div>')
    else:
        _show("Write your answer in the cell below: double-click it, write, then press Shift+Enter. It is saved "
              "with the notebook. Then open the model answer under it.")


def model_answer(task_id: str) -> None:
    """The model answer and its rubric, folded: the learner opens them after writing their own."""
    t = task(task_id)
    rubric = "\n".join(f"- {item}" for item in t["rubric_en"])
    template = (f"\n\n**Template to take to work:** {template_link(t['template'])} (an editable file)."
                if t["template"] else "")
    _show(f"<details class=\"course-model-answer\">\n<summary>The model answer and what a good answer contains "
          "(open it once you have written yours)</summary>\n\n"
          f"{t['model_answer_en']}\n\n"
          f"**What a good answer contains:**\n\n{rubric}\n\n</details>{template}")


def time_to_learn(module_id: str) -> None:
    """The module's time, computed: its reading time plus its tasks, and the quiz's time."""
    _show(f"**Time to learn:** about {module_minutes(module_id)} minutes (reading at 120 words a minute, with "
          f"the practice tasks), plus {quiz_minutes(module_id)} for the quiz.")


def _day(day) -> str:
    return f"{day.day} {day:%B %Y}"


def _table(rows, columns: dict) -> str:
    head = "| " + " | ".join(columns.values()) + " |\n| " + " | ".join("---" for _ in columns) + " |\n"
    cell = lambda v: str(v).replace("|", "/").replace("\n", " ")  # noqa: E731
    return head + "".join("| " + " | ".join(cell(r[c]) for c in columns) + " |\n" for r in rows)


def case_file() -> None:
    """The whole case file, from the case tables in data/."""
    kb = load()
    themes = {r["id"]: r["name_en"] for r in kb["case_themes"].to_dict("records")}
    parts = [f"{FICTION_NOTE}\n", "## The NPM and its State\n",
             "\n".join(f"- **{r['label_en']}:** {r['value_en']}" for r in kb["case_profile"].to_dict("records")),
             "\n## What the NPM has found\n"]
    findings = kb["case_findings"].sort_values("date").to_dict("records")
    for theme in kb["case_themes"].to_dict("records"):
        parts.append(f"### {theme['name_en']}\n\n{theme['summary_en']}\n")
        parts += [f"- **{_day(f['date'])}, {f['place_en']}:** {f['finding_en']}" for f in findings
                  if f["theme_id"] == theme["id"]]
        parts.append("")
    recs = kb["case_recommendations"].sort_values("date").to_dict("records")
    for r in recs:
        r["theme"] = themes.get(r["theme_id"], "The NPM itself")
        r["when"] = f"{r['date']:%B %Y}"
    parts += ["## Recommendations and the authorities' responses\n",
              _table(recs, {"when": "Date", "theme": "Theme", "by_en": "By", "recommendation_en": "Recommendation",
                            "response_en": "Response", "status": "Status"})]
    events = kb["case_events"].sort_values("date").to_dict("records")
    for e in events:
        e["when"] = _day(e["date"])
    parts += ["## What is coming\n", _table(events, {"when": "Date", "body_en": "Who", "event_en": "What"}),
              "## The regional part: four variants\n",
              "Pick the variant closest to your own region. The regional modules' tasks work with each.\n"]
    for v in kb["case_regions"].to_dict("records"):
        parts.append(f"### {v['label_en']}\n\n- **Instruments:** {v['instruments_en']}\n"
                     f"- **Monitoring body:** {v['monitoring_body_en']}. {v['monitoring_event_en']}\n"
                     f"- **Court:** {v['court_en']}. {v['court_case_en']}\n")
    _show("\n".join(parts))
