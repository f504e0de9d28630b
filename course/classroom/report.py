"""`class export` (grades as CSV) and `class report QUIZ` (the debrief page: HTML with plots)."""
from __future__ import annotations

import base64
import csv
import datetime as dt
import html
import io
from pathlib import Path

from . import roster
from .common import ClassroomError, quiz_ids, reports_dir, require_root, spec
from .gradebook import open_gradebook, question_scores
from .grading import load_outcomes

EXPORT_COLUMNS = ["quiz", "id", "name", "institution", "status", "score", "max_score", "percent", "reason"]


def rows(root: Path, quiz_id: str) -> list[dict]:
    """One row per participant (roster, gradebook and graded-or-not outcomes together) for one quiz."""
    from nbgrader.api import MissingEntry

    quiz = spec(quiz_id)
    people = roster.load(root)
    outcomes = load_outcomes(root, quiz_id)
    max_score = float(sum(q.points for q in quiz.questions))
    scores = {}
    with open_gradebook(root) as gb:
        try:
            gb.find_assignment(quiz_id)
            scores = question_scores(root, quiz_id)
        except MissingEntry:
            pass
    out = []
    for pid in sorted(set(people) | set(scores) | set(outcomes)):
        person = people.get(pid, {})
        row = {"quiz": quiz_id, "id": pid, "name": person.get("name", ""),
               "institution": person.get("institution", ""), "max_score": max_score, "questions": {}}
        if pid in scores:
            total = sum(v or 0 for v in scores[pid].values())
            row.update(status="graded", score=total, percent=round(100 * total / max_score) if max_score else 0,
                       reason="; ".join(outcomes[pid].notes) if pid in outcomes else "", questions=scores[pid])
        elif pid in outcomes and outcomes[pid].reason:
            row.update(status="not graded", score="", percent="", reason=outcomes[pid].reason)
        else:
            row.update(status="no submission", score="", percent="", reason="")
        out.append(row)
    return out


def export(root: Path, output: Path | None = None, quiz_id: str | None = None) -> Path:
    root = require_root(root)
    output = Path(output) if output else reports_dir(root) / "grades.csv"
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=EXPORT_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        if quiz_id:
            chosen = quiz_ids(quiz_id)
        else:  # every quiz that has been released here
            with open_gradebook(root) as gb:
                released = {a.name for a in gb.assignments}
            chosen = [q for q in quiz_ids(None) if q in released]
        for qid in chosen:
            writer.writerows(rows(root, qid))
    return output


def _figure(fig, alt: str) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode()
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'


def report(root: Path, quiz_id: str, output: Path | None = None) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    root = require_root(root)
    quiz = spec(quiz_id)
    table = rows(root, quiz_id)
    graded = [r for r in table if r["status"] == "graded"]
    ungraded = [r for r in table if r["status"] == "not graded"]
    absent = [r for r in table if r["status"] == "no submission"]
    if not graded and not ungraded:
        raise ClassroomError(f"no graded submissions of {quiz_id}: run `python -m course class grade {quiz_id}` first")
    max_score = graded[0]["max_score"] if graded else sum(q.points for q in quiz.questions)
    e = html.escape
    parts = [f"<h1>Class report: {e(quiz.title)}</h1>",
             f"<p>{len(graded)} graded, {len(ungraded)} could not be graded, {len(absent)} on the roster without "
             f"a submission. Made {dt.datetime.now():%Y-%m-%d %H:%M}.</p>"]

    if graded:
        values = [r["score"] for r in graded]
        mean = sum(values) / len(values)
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.hist(values, bins=[x - 0.5 for x in range(int(max_score) + 2)], color="#2b6cb0", edgecolor="white")
        ax.set_xlabel(f"score out of {max_score:g}")
        ax.set_ylabel("participants")
        ax.set_title("Score distribution")
        counts = {v: values.count(v) for v in sorted(set(values))}
        alt = (f"Histogram of scores out of {max_score:g} for {len(values)} participants; mean {mean:.1f}. "
               + ", ".join(f"{n} scored {v:g}" for v, n in counts.items()) + ".")
        parts += ["<h2>Score distribution</h2>", _figure(fig, alt),
                  f"<p>Mean {mean:.1f} of {max_score:g}; lowest {min(values):g}, highest {max(values):g}.</p>"]

        right = {q.id: sum(1 for r in graded if (r["questions"].get(q.id) or 0) >= q.points) for q in quiz.questions}
        missed = sorted(quiz.questions, key=lambda q: (right[q.id], [x.id for x in quiz.questions].index(q.id)))
        fig, ax = plt.subplots(figsize=(6, 0.35 * len(quiz.questions) + 1))
        shares = [100 * right[q.id] / len(graded) for q in reversed(missed)]
        ax.barh([q.id for q in reversed(missed)], shares, color="#2f855a")
        ax.set_xlim(0, 100)
        ax.set_xlabel("% of participants right")
        ax.set_title("Right answers by question")
        alt = "Bar chart of the share of participants who answered each question right: " + ", ".join(
            f"{q.id} {100 * right[q.id] / len(graded):.0f}%" for q in missed) + "."
        parts += ["<h2>Most-missed questions (for the debrief)</h2>", _figure(fig, alt), "<ol>"]
        number = {q.id: n for n, q in enumerate(quiz.questions, start=1)}
        for q in missed[:5]:
            wrong = len(graded) - right[q.id]
            if not wrong:
                continue
            parts.append(f"<li><strong>Question {number[q.id]} ({e(q.id)})</strong>: {wrong} of {len(graded)} "
                         f"missed it.<br><em>{e(q.prompt)}</em><br>What to explain: {e(q.explanation)}</li>")
        parts.append("</ol>")

    parts += ["<h2>Participants</h2>", "<table><thead><tr><th>id</th><th>name</th><th>institution</th>"
              "<th>score</th><th>status and notes</th></tr></thead><tbody>"]
    for r in table:
        score = f"{r['score']:g} / {r['max_score']:g}" if r["status"] == "graded" else "-"
        note = r["status"] + (f": {r['reason']}" if r["reason"] else "")
        parts.append(f"<tr><td>{e(r['id'])}</td><td>{e(r['name'])}</td><td>{e(r['institution'])}</td>"
                     f"<td>{score}</td><td>{e(note)}</td></tr>")
    parts.append("</tbody></table>")
    if ungraded:
        parts += ["<h2>Submissions that could not be graded</h2>",
                  "<p>Ask these participants to send their notebook again, or go through it with them.</p><ul>"]
        parts += [f"<li><strong>{e(r['id'])}</strong>: {e(r['reason'])}</li>" for r in ungraded]
        parts.append("</ul>")

    style = ("body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}"
             "img{max-width:100%}")
    page = (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Class report: {e(quiz_id)}'
            f"</title><style>{style}</style></head><body>\n" + "\n".join(parts) + "\n</body></html>\n")
    output = Path(output) if output else reports_dir(root, quiz_id) / "report.html"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    return output
