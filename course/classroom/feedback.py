"""Feedback back to learners: the page nbgrader makes, made readable, and `class feedback QUIZ` to hand it out.

Off a hub, `class feedback` copies each participant's page into one folder and writes a mail-merge CSV (id, name,
email, file) for the facilitator's mail program. On a hub, `--exchange` also runs nbgrader's release_feedback,
so that each participant fetches their own page (Assignments tab, "Fetch feedback")."""
from __future__ import annotations

import csv
import html
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import number
from . import roster
from .common import ClassroomError, failed, nbgrader, reports_dir, require_root, spec
from .strings import TEXT

STYLE = ("<style>/* course: long explanations and outputs wrap, on a phone as on paper */"
         "pre,code,.output_text pre{white-space:pre-wrap;overflow-wrap:anywhere;word-break:normal}"
         "body{line-height:1.45}.container{max-width:60em;width:auto}img{max-width:100%}"
         "@media print{#toc{display:none}}</style>")
# The quiz's own "Download this quiz" paragraph points at a file that is not next to the feedback page.
DOWNLOAD = re.compile(r"<p>(?:(?!</p>).)*<a [^>]*\bdownload\b[^>]*>(?:(?!</p>).)*</p>", re.S)


def polish(page: Path, quiz_id: str) -> None:
    """Make nbgrader's feedback page readable: contents that name the questions, no dead link, text that wraps."""
    quiz = spec(quiz_id)
    lang = quiz.lang  # the feedback speaks the quiz's language
    text = page.read_text(encoding="utf-8")
    for n, q in enumerate(quiz.questions, start=1):
        words = re.sub(r"[*_`]", "", q.prompt).split()  # a label is plain text: no Markdown marks
        label = " ".join(words[:8]) + (" ..." if len(words) > 8 else "")
        text = text.replace(f'<a href="#{q.id}">Test cell</a>',
                            f'<a href="#{q.id}">{TEXT("fb.question", lang, n=n)}</a>: {html.escape(label)}')
    text = DOWNLOAD.sub("", text)
    text = text.replace(f"<h4>{quiz_id} (Score:", f"<h4>{html.escape(quiz.title)} ({TEXT('fb.score', lang)}", 1)
    text = re.sub(r"<title>[^<]*</title>", f"<title>{html.escape(TEXT('fb.title', lang, title=quiz.title))}</title>",
                  text, count=1)
    text = re.sub(r"<html(?: lang=\"[^\"]*\")?>", f'<html lang="{lang}">', text, count=1)
    if lang != "en":  # nbgrader's own labels, in the quiz's language
        for old, key in (("(Score: ", "fb.score"), ("Score: ", "fb.score_cap"), ("(Top)", "fb.top"),
                         (">Student's answer<", "fb.answer"), ("Grade cell: ", "fb.grade_cell"),
                         ("<b>Comments:</b>", "fb.comments"), (">Comment</a>", "fb.comment")):
            new = TEXT(key, lang)
            if old.startswith("("):
                new = "(" + new.lstrip("(") + (" " if old.endswith(" ") else "")
            elif old.startswith(">"):
                new = f">{new}<" if old.endswith("<") else f">{new}</a>"
            elif old.startswith("<b>"):
                new = f"<b>{new}</b>"
            else:
                new += " "
            text = text.replace(old, new)
        # scores as the language writes numbers: 10 / 11, 0,5 / 1
        labels = "|".join(re.escape(TEXT(k, lang)) for k in ("fb.score", "fb.score_cap"))
        text = re.sub(rf"({labels}) (-?\d+(?:\.\d+)?) / (\d+(?:\.\d+)?)",
                      lambda m: f"{m.group(1)} {number(float(m.group(2)), lang=lang)} / "
                                f"{number(float(m.group(3)), lang=lang)}", text)
    if "/* course:" not in text:
        text = text.replace("</head>", '<meta name="viewport" content="width=device-width, initial-scale=1">'
                            + STYLE + "</head>", 1)
    page.write_text(text, encoding="utf-8")


@dataclass
class HandedOut:
    folder: Path
    mail_merge: Path
    files: dict[str, Path] = field(default_factory=dict)   # participant id -> their page
    no_email: list[str] = field(default_factory=list)
    no_feedback: list[str] = field(default_factory=list)   # on the roster, but nothing graded to send
    exchange: bool = False


def hand_out(root: Path, quiz_id: str, folder: Path | None = None, exchange: bool = False) -> HandedOut:
    """One feedback page per participant in one folder, and the mail-merge CSV that goes with them."""
    root = require_root(root)
    quiz = spec(quiz_id)
    people = roster.load(root)
    pages = {p.parents[1].name: p for p in sorted((root / "feedback").glob(f"*/{quiz_id}/{quiz_id}.html"))}
    if not pages:
        raise ClassroomError(TEXT("err.no_feedback", quiz=quiz_id, base=quiz.base))
    folder = Path(folder) if folder else reports_dir(root, quiz_id) / "feedback"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    out = HandedOut(folder, folder / "mail-merge.csv")
    with out.mail_merge.open("w", encoding="utf-8-sig", newline="") as f:  # the BOM: Excel then reads UTF-8
        writer = csv.writer(f)
        writer.writerow(["id", "name", "email", "file"])
        for pid, page in pages.items():
            target = folder / f"{pid}-{quiz.id}-feedback.html"
            shutil.copyfile(page, target)
            out.files[pid] = target
            person = people.get(pid, {})
            if not person.get("email"):
                out.no_email.append(pid)
            writer.writerow([pid, person.get("name", ""), person.get("email", ""), str(target.resolve())])
    out.no_feedback = sorted(set(people) - set(pages))
    if exchange:
        result = nbgrader(root, "release_feedback", quiz_id, "--log-level=WARN")
        if result.returncode != 0:
            raise failed(TEXT("do.feedback", quiz=quiz_id), result)
        out.exchange = True
    return out
