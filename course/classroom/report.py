"""`class export` (grades as CSV and .xlsx) and `class report QUIZ`: the debrief page for the class, with no
names (score distribution, most-missed questions, what was chosen, the explanation), and beside it the list of
participants with their scores, for the facilitator only."""
from __future__ import annotations

import base64
import csv
import datetime as dt
import html
import io
from pathlib import Path

from ..i18n import day, language, number
from . import roster
from .common import ClassroomError, quiz_ids, reports_dir, require_root, spec
from .gradebook import open_gradebook, overrides, question_scores
from .grading import load_outcomes
from .session import released
from .strings import TEXT, status

EXPORT_COLUMNS = ["quiz", "id", "name", "institution", "status", "score", "max_score", "percent", "reason"]


def rows(root: Path, quiz_id: str) -> list[dict]:
    """One row per participant (roster, gradebook and graded-or-not outcomes together) for one quiz."""
    from nbgrader.api import MissingEntry

    quiz = spec(quiz_id)
    people = roster.load(root)
    outcomes = load_outcomes(root, quiz_id)
    max_score = float(sum(q.points for q in quiz.questions))
    scores, overridden = {}, {}
    with open_gradebook(root) as gb:
        try:
            gb.find_assignment(quiz_id)
            scores = question_scores(root, quiz_id)
            overridden = {pid: overrides(gb, quiz_id, pid) for pid in scores}
            overridden = {pid: marks for pid, marks in overridden.items() if marks}
        except MissingEntry:
            pass
    out = []
    for pid in sorted(set(people) | set(scores) | set(outcomes)):
        person = people.get(pid, {})
        row = {"quiz": quiz_id, "id": pid, "name": person.get("name", ""),
               "institution": person.get("institution", ""), "max_score": max_score, "questions": {}}
        if pid in scores:
            total = sum(v or 0 for v in scores[pid].values())
            notes = list(outcomes[pid].notes) if pid in outcomes else []
            if pid in overridden:
                notes.append(TEXT("rep.overridden", ids=", ".join(sorted(overridden[pid]))))
            row.update(status="graded", score=total, percent=round(100 * total / max_score) if max_score else 0,
                       reason="; ".join(notes), questions=scores[pid])
        elif pid in outcomes and outcomes[pid].reason:
            row.update(status="not graded", score="", percent="", reason=outcomes[pid].reason)
        else:
            row.update(status="no submission", score="", percent="", reason="")
        out.append(row)
    return out


def export(root: Path, output: Path | None = None, quiz_id: str | None = None) -> list[Path]:
    """The grades of the quizzes released to this class (or of one quiz), as CSV and as an Excel workbook.

    CSV is written UTF-8 with a BOM (Excel reads accents right only then); a French or Spanish Excel expects
    `;` between columns, so the .xlsx is the file to open in Excel."""
    root = require_root(root)
    chosen = quiz_ids(quiz_id) if quiz_id else released(root)
    table = [row for qid in chosen for row in rows(root, qid)]
    default = reports_dir(root) / "grades.csv"
    targets = [Path(output)] if output else [default, default.with_suffix(".xlsx")]
    targets[0].parent.mkdir(parents=True, exist_ok=True)
    for target in targets:
        if target.suffix.lower() == ".xlsx":
            write_xlsx(target, EXPORT_COLUMNS, [[row[c] for c in EXPORT_COLUMNS] for row in table], "grades")
        else:
            write_csv(target, EXPORT_COLUMNS, [[row[c] for c in EXPORT_COLUMNS] for row in table])
    return targets


def write_csv(path: Path, header: list[str], values: list[list]) -> None:
    with Path(path).open("w", encoding="utf-8-sig", newline="") as f:  # the BOM: Excel then reads UTF-8
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows([_csv_cell(v) for v in row] for row in values)


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value):
    """A value as the CSV shows it: whole numbers without .0; text that Excel would run as a formula (a file name
    a participant chose can end up in a reason) starts with an apostrophe, which Excel shows as text."""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str) and value[:1] in FORMULA:
        return "'" + value
    return value


def write_xlsx(path: Path, header: list[str], values: list[list], title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in values:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value[:1] in FORMULA:
                cell.data_type = "s"  # text that starts like a formula stays text: it must never run in Excel
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width + 2))
    book.save(path)


# --- what the class answered -------------------------------------------------------------------------------
BLANK, MALFORMED, WRONG, RIGHT = "blank", "not written as asked", "wrong", "right"


def read_answer(source: str, kind: str):
    """(status, canonical answer or None) for one answer cell as typed, read exactly as the grader reads it
    (course.quiz.answers.read: `answer = b`, `b, d`, `1,5`, words without quotes); never runs it."""
    from ..quiz.answers import AnswerFormatError, read

    try:
        return "", read(kind, source)
    except AnswerFormatError as exc:
        return (BLANK if exc.blank else MALFORMED), None


def answers_given(root: Path, quiz_id: str, students: list[str]) -> dict[str, dict[str, tuple[str, str | None]]]:
    """{question id: {participant: (status, answer)}} from the notebooks as they were returned."""
    import nbformat

    from ..quiz.answers import canonical

    quiz = spec(quiz_id)
    right = {q.id: {canonical(q.kind, a) for a in q.answer} for q in quiz.questions}
    out: dict[str, dict] = {q.id: {} for q in quiz.questions}
    for student in students:
        try:
            nb = nbformat.read(root / "submitted" / student / quiz_id / f"{quiz_id}.ipynb", as_version=4)
        except Exception:  # not a notebook: the grading outcome says why
            continue
        cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in nb.cells}
        for q in quiz.questions:
            source = cells.get(f"{q.id}_answer")
            status, value = (BLANK, None) if source is None else read_answer(source, q.kind)
            out[q.id][student] = (status or (RIGHT if value in right[q.id] else WRONG), value)
    return out


def _md(text: str) -> str:
    """Markdown from a quiz spec, as HTML (raw HTML in it is escaped)."""
    import mistune

    return mistune.create_markdown(escape=True)(text)


def _figure(fig, alt: str) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode()
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'


STYLE = ("body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45}"
         "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}"
         "img{max-width:100%}.explain{border-left:4px solid #2f855a;padding-left:.8em}"
         "@media print{body{margin:0;max-width:none}h2{break-after:avoid}li{break-inside:avoid}}")


def _page(title: str, parts: list[str]) -> str:
    e = html.escape
    return (f'<!DOCTYPE html>\n<html lang="{language()}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{e(title)}</title>'
            f"<style>{STYLE}</style></head><body>\n" + "\n".join(parts) + "\n</body></html>\n")


def _histogram(values: list[float], max_score: float) -> str:
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    mean = sum(values) / len(values)
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.hist(values, bins=[x - 0.5 for x in range(int(max_score) + 2)], color="#2b6cb0", edgecolor="white")
    ax.set_xlabel(TEXT("rep.axis_score", max=number(max_score)))
    ax.set_ylabel(TEXT("rep.axis_people"))
    ax.set_title(TEXT("rep.distribution"))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))   # nobody scores 2.5 participants
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    counts = {v: values.count(v) for v in sorted(set(values))}
    alt = TEXT("rep.hist_alt", max=number(max_score), n=len(values), mean=number(mean, 1),
               counts=", ".join(TEXT("rep.scored", n=n, v=number(v)) for v, n in counts.items()))
    return _figure(fig, alt)


def _right_bars(quiz, right: dict[str, int], graded: int) -> str:
    import matplotlib.pyplot as plt

    order = list(reversed(quiz.questions))
    fig, ax = plt.subplots(figsize=(6, 0.35 * len(order) + 1))
    ax.barh([TEXT("rep.q_short", n=quiz.questions.index(q) + 1) for q in order],
            [100 * right[q.id] / graded for q in order],
            color="#2f855a")
    ax.set_xlim(0, 100)
    ax.set_xlabel(TEXT("rep.axis_right"))
    ax.set_title(TEXT("rep.by_question"))
    alt = TEXT("rep.bars_alt", items=", ".join(
        TEXT("rep.bar_item", n=n, pct=f"{100 * right[q.id] / graded:.0f}") for n, q in enumerate(quiz.questions, start=1)))
    return _figure(fig, alt)


def _shown(q, value: str | None) -> str:
    """An answer as the debrief shows it: a letter with its choice's text."""
    if value is None:
        return ""
    if q.kind == "letter" and value in q.choices:
        return f"{value}: {q.choices[value]}"
    if q.kind == "number":
        from ..quiz.answers import show_number

        return show_number(value, language())
    return value


def _question_debrief(n: int, q, given: dict[str, tuple[str, str | None]]) -> list[str]:
    from collections import Counter

    from ..quiz.answers import canonical

    e = html.escape
    statuses = Counter(status for status, _ in given.values())
    chosen = Counter(value for status, value in given.values() if value is not None)
    key = canonical(q.kind, q.answer[0])
    parts = [f"<li><h3>{e(TEXT('rep.q_head', n=n, right=statuses[RIGHT], total=len(given)))}</h3>", _md(q.prompt),
             f"<p><strong>{e(TEXT('rep.right_answer'))}</strong> {e(_shown(q, key))}</p>",
             f"<table><thead><tr><th>{e(TEXT('rep.col_answer'))}</th><th>{e(TEXT('rep.col_people'))}</th></tr>"
             "</thead><tbody>"]
    options = ([canonical("letter", c) for c in q.choices] if q.kind == "letter" and q.choices else [])
    for value in options + [v for v, _ in chosen.most_common() if v not in options]:
        mark = TEXT("rep.right") if value == key or value in {canonical(q.kind, a) for a in q.answer} else ""
        parts.append(f"<tr><td>{e(_shown(q, value))}{mark}</td><td>{chosen[value]}</td></tr>")
    for kind, label in ((BLANK, TEXT("rep.blank")), (MALFORMED, TEXT("rep.malformed"))):
        parts.append(f"<tr><td><em>{e(label)}</em></td><td>{statuses[kind]}</td></tr>")
    parts += ["</tbody></table>", f'<div class="explain"><p><strong>{e(TEXT("rep.explain"))}</strong></p>'
              f"{_md(q.explanation)}</div></li>"]
    return parts


def report(root: Path, quiz_id: str, output: Path | None = None) -> Path:
    """The class report (no names) and, beside it, participants.html (names and scores, facilitator only)."""
    import matplotlib

    matplotlib.use("Agg")

    root = require_root(root)
    quiz = spec(quiz_id)
    table = rows(root, quiz_id)
    graded = [r for r in table if r["status"] == "graded"]
    ungraded = [r for r in table if r["status"] == "not graded"]
    absent = [r for r in table if r["status"] == "no submission"]
    if not graded and not ungraded:
        raise ClassroomError(TEXT("rep.no_graded", quiz=quiz_id, base=quiz.base))
    max_score = graded[0]["max_score"] if graded else sum(q.points for q in quiz.questions)
    e = html.escape
    now = dt.datetime.now()
    made = TEXT("rep.made", when=f"{day(now.date())} {now:%H:%M}")
    parts = [f"<h1>{e(TEXT('rep.title', title=quiz.title))}</h1>",
             f"<p>{e(TEXT('rep.summary', graded=len(graded), ungraded=len(ungraded), absent=len(absent), made=made))}"
             "</p>"]
    if graded:
        values = [r["score"] for r in graded]
        given = answers_given(root, quiz_id, [r["id"] for r in graded])
        right = {q.id: sum(1 for r in graded if (r["questions"].get(q.id) or 0) >= q.points) for q in quiz.questions}
        order = [q.id for q in quiz.questions]
        missed = sorted(quiz.questions, key=lambda q: (right[q.id], order.index(q.id)))
        parts += [f"<h2>{e(TEXT('rep.distribution'))}</h2>", _histogram(values, max_score),
                  f"<p>{e(TEXT('rep.mean', mean=number(sum(values) / len(values), 1), max=number(max_score), low=number(min(values)), high=number(max(values))))}</p>",
                  f"<h2>{e(TEXT('rep.missed'))}</h2>", _right_bars(quiz, right, len(graded)),
                  f"<p>{e(TEXT('rep.missed_intro'))}</p><ol>"]
        for q in missed:
            if right[q.id] == len(graded):
                continue
            parts += _question_debrief(order.index(q.id) + 1, q, given[q.id])
        parts.append("</ol>")
    if ungraded:
        reasons = sorted({r["reason"] for r in ungraded})
        parts += [f"<h2>{e(TEXT('rep.ungraded'))}</h2>", f"<p>{e(TEXT('rep.ungraded_n', n=len(ungraded)))}</p><ul>"]
        parts += [f"<li>{e(reason)}</li>" for reason in reasons]
        parts.append(f"</ul><p>{e(TEXT('rep.who'))}</p>")
    output = Path(output) if output else reports_dir(root, quiz_id) / "report.html"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(_page(TEXT("rep.title", title=quiz_id), parts), encoding="utf-8")
    participants_page(quiz, table, output.parent / "participants.html", made)
    return output


def participants_page(quiz, table: list[dict], path: Path, made: str) -> Path:
    """Names and scores: for the facilitator only, never shown to the class."""
    e = html.escape
    parts = [f"<h1>{e(TEXT('rep.participants', title=quiz.title))}</h1>",
             f"<p>{TEXT('rep.only', made=e(made))}</p>",
             "<table><thead><tr>" + "".join(f"<th>{e(TEXT('col.' + c))}</th>" for c in
                                            ("id", "name", "institution", "score", "status"))
             + "</tr></thead><tbody>"]
    for r in table:
        score = f"{number(r['score'])} / {number(r['max_score'])}" if r["status"] == "graded" else "-"
        note = status(r["status"]) + (f": {r['reason']}" if r["reason"] else "")
        parts.append(f"<tr><td>{e(r['id'])}</td><td>{e(r['name'])}</td><td>{e(r['institution'])}</td>"
                     f"<td>{score}</td><td>{e(note)}</td></tr>")
    parts.append("</tbody></table>")
    path.write_text(_page(TEXT("rep.participants", title=quiz.id), parts), encoding="utf-8")
    return path
