"""The quizzes outside JupyterLab: a page per quiz in the book, checked in the browser, and a paper version.

Made at build time from the specs (never committed):
- quizzes/pages/ID.md: the book page. Each question is answered in the page (choose, tick, put in order, type);
  js/quiz/quiz-page.js checks it with the same sealed blob as the notebook, so no answer, hint, explanation
  or "why not" is readable in the page, its source or the search index before the learner answers;
- _generated/quiz/: the scripts and style those pages load (js-sha256 from npm, as a classic script), and each
  quiz's release notebook for the page's download link;
- _generated/downloads/facilitator/quiz-ID.html: a printable quiz for sessions without computers (no answers);
- quizzes/keys/ID-key.html: the facilitator's answer key with explanations, never published.
"""
from __future__ import annotations

import html
import shutil
from pathlib import Path

from ..paths import QUIZ_ROOT, ROOT
from .generate import Question, Quiz, all_specs

PAGES = QUIZ_ROOT / "pages"
KEYS = QUIZ_ROOT / "keys"
JS_SOURCES = ROOT / "js" / "quiz"
SETUP_PAGE = "setup"  # the learner set-up page (setup.md), written by the foundations work

TYPED_HOW = {"number": "Type a number (a decimal comma or point both work).", "word": "Type a word or a few words."}
CHOOSE_HOW = {"letter": "Choose one answer.", "letters": "Tick every answer that fits.",
              "order": "Put these in order: move each item up or down with its buttons."}


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def _inline(text: str) -> str:
    """A choice's text as HTML (choices are plain text with, at most, **bold**)."""
    import re

    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", _e(text))


def _controls(q: Question) -> str:
    name = f"npm-{q.id}"
    if q.kind in ("letter", "letters"):
        kind = "radio" if q.kind == "letter" else "checkbox"
        items = "".join(
            f'<label class="npm-choice"><input type="{kind}" name="{name}" value="{letter}"> '
            f'<span class="npm-letter" aria-hidden="true">{letter}</span> {_inline(text)}</label>'
            for letter, text in q.choices.items())
        return f'<fieldset><legend>{CHOOSE_HOW[q.kind]}</legend>{items}</fieldset>'
    if q.kind == "order":
        items = "".join(
            f'<li data-letter="{letter}"><span class="npm-order-text">{_inline(text)}</span> '
            f'<button type="button" class="npm-up" aria-label="Move up: {_e(text)}">&#8593; Up</button> '
            f'<button type="button" class="npm-down" aria-label="Move down: {_e(text)}">&#8595; Down</button></li>'
            for letter, text in q.choices.items())
        return (f'<fieldset><legend>{CHOOSE_HOW["order"]}</legend>'
                f'<ol class="npm-order" aria-label="Your order">{items}</ol></fieldset>')
    mode = ' inputmode="decimal"' if q.kind == "number" else ""
    return (f'<label class="npm-typed">{TYPED_HOW[q.kind]} '
            f'<input type="text" name="{name}" autocomplete="off"{mode}></label>')


def book_page(quiz: Quiz, setup_link: str) -> str:
    """The quiz as a MyST page: prose in Markdown, each question's controls in raw HTML with its sealed blob."""
    total = len(quiz.questions)
    lines = [f"# {quiz.title}", "", quiz.intro, "",
             f"**Time:** about {quiz.minutes} minutes. **Questions:** {total}. Answer each question here and press "
             "*Check*: after a wrong answer you get a hint and the reason your choice does not fit; after a right "
             "one, the explanation. Your progress stays in this browser only.", "",
             "```{raw} html",
             f'<div class="npm-quiz" data-quiz="{quiz.id}" data-title="{_e(quiz.title)}" data-total="{total}">',
             '<link rel="stylesheet" href="../../quiz/quiz.css">',
             "</div>", "```", ""]
    for n, q in enumerate(quiz.questions, start=1):
        lines += [f"## Question {n}", "", q.prompt, "", "```{raw} html",
                  f'<div class="npm-q" data-quiz="{quiz.id}" data-q="{q.id}" data-kind="{q.kind}" '
                  f'data-blob="{q.blob()}">',
                  _controls(q),
                  '<p><button type="button" class="npm-check">Check</button></p>',
                  '<div class="npm-feedback" role="status" aria-live="polite"></div>',
                  "</div>", "```", ""]
    lines += ["## Your score", "", "```{raw} html",
              f'<div class="npm-end" data-quiz="{quiz.id}">',
              '<p class="npm-score" role="status" aria-live="polite">Answer the questions above to see your score.</p>',
              '<p><button type="button" class="npm-restart">Start again</button> '
              '<button type="button" class="npm-record">Print my record</button></p>',
              '<p class="npm-needs-js">This page checks answers in your browser with a script, and scripts are '
              "switched off in this browser: you can still read the questions.</p>",
              "</div>",
              '<script src="../../quiz/sha256.min.js"></script>',
              '<script src="../../quiz/quiz-seal.js"></script>',
              '<script src="../../quiz/quiz-page.js"></script>',
              "```", "",
              "## Answering on your own computer instead", "",
              "```{raw} html",
              f'<p>You can also <a href="../../quiz/notebooks/{quiz.notebook_name}" download>download this quiz</a> '
              "and answer it on your own computer, for example in a facilitated session where your facilitator "
              "collects the answers. For that you need the course's learner kit installed first:</p>",
              "```", "",
              f"the [set-up page]({setup_link}) explains how.", ""]
    if quiz.closing:
        lines += [quiz.closing.replace("## Done", "## When you have finished"), ""]
    return "\n".join(lines)


# --- paper ----------------------------------------------------------------------------------------------------
PRINT_CSS = """
body { font: 12pt/1.45 Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #000; }
h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 1.4em; break-after: avoid; }
.q { break-inside: avoid; } .choices { list-style: none; padding-left: 0; } .choices li { margin: .25em 0; }
.box { display: inline-block; width: 1.1em; height: 1.1em; border: 1px solid #000; vertical-align: -0.2em; margin-right: .4em; }
.line { border-bottom: 1px solid #000; display: inline-block; min-width: 14em; height: 1.2em; }
.meta { border: 1px solid #000; padding: .5em .8em; } .why { margin: .2em 0 .2em 1.5em; }
@media print { body { margin: 0; max-width: none; } a { color: #000; text-decoration: none; } }
"""


def _html_doc(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">'
            f'<title>{_e(title)}</title>'
            f"<style>{PRINT_CSS}</style></head><body>\n{body}\n</body></html>\n")


def _md_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").render(text)


def paper_page(quiz: Quiz) -> str:
    """A printable quiz for a session without computers: questions and space to answer, no answers."""
    parts = [f"<h1>{_e(quiz.title)}</h1>",
             '<p class="meta">Name: <span class="line"></span> &nbsp; Date: <span class="line" style="min-width:8em"></span></p>',
             _md_html(quiz.intro), f"<p>About {quiz.minutes} minutes, {len(quiz.questions)} questions.</p>"]
    for n, q in enumerate(quiz.questions, start=1):
        how = {"letter": "Tick one box.", "letters": "Tick every box that fits.",
               "order": "Write the letters in order.", "number": "Write a number.", "word": "Write your answer."}[q.kind]
        parts.append(f'<section class="q"><h2>Question {n}</h2>{_md_html(q.prompt)}<p><em>{how}</em></p>')
        if q.kind in ("letter", "letters", "order"):
            box = '<span class="box"></span>' if q.kind != "order" else ""
            parts.append('<ul class="choices">' + "".join(
                f"<li>{box}<strong>{letter}</strong> {_inline(text)}</li>" for letter, text in q.choices.items()) + "</ul>")
        if q.kind != "letter" and q.kind != "letters":
            parts.append('<p>Answer: <span class="line"></span></p>')
        parts.append("</section>")
    return _html_doc(quiz.title + " (paper version)", "\n".join(parts))


def answer_key(quiz: Quiz) -> str:
    """The facilitator's key: right answers, why each wrong option is wrong, hints and explanations."""
    parts = [f"<h1>{_e(quiz.title)}: answer key</h1>",
             "<p><strong>For the facilitator only.</strong> Do not hand this out or publish it.</p>"]
    for n, q in enumerate(quiz.questions, start=1):
        answers = " or ".join(", ".join(k.split(",")) for k in q.keys)
        parts.append(f'<section class="q"><h2>Question {n} ({_e(q.skill)})</h2>{_md_html(q.prompt)}')
        if q.choices:
            parts.append('<ul class="choices">' + "".join(
                f"<li><strong>{letter}</strong> {_inline(text)}"
                + (f'<div class="why">Why not: {_e(q.why_not[letter])}</div>' if letter in q.why_not else "")
                + "</li>" for letter, text in q.choices.items()) + "</ul>")
        parts.append(f"<p><strong>Answer: {_e(answers)}</strong></p><p>Hint: {_e(q.hint)}</p>"
                     f"<p>Explanation: {_e(q.explanation)}</p></section>")
    return _html_doc(quiz.title + " (answer key)", "\n".join(parts))


def prepare(generated: Path, sha256_js: Path, quizzes: list[Quiz] | None = None, root: Path = ROOT) -> list[Path]:
    """Write every quiz's book page, paper version and key, and the scripts the pages load."""
    quizzes = quizzes or all_specs()
    setup_link = f"../../{SETUP_PAGE}.md" if (root / f"{SETUP_PAGE}.md").exists() else "../../start.md"
    assets = generated / "quiz"
    (assets / "notebooks").mkdir(parents=True, exist_ok=True)
    shutil.copy2(sha256_js, assets / "sha256.min.js")
    for name in ("quiz-seal.js", "quiz-page.js", "quiz.css"):
        shutil.copy2(JS_SOURCES / name, assets / name)
    paper = generated / "downloads" / "facilitator"
    for folder in (PAGES, KEYS, paper):
        folder.mkdir(parents=True, exist_ok=True)
    written = []
    for quiz in quizzes:
        page = PAGES / f"{quiz.id}.md"
        page.write_text(book_page(quiz, setup_link), encoding="utf-8")
        release = QUIZ_ROOT / "release" / quiz.id / quiz.notebook_name
        if release.is_file():
            shutil.copy2(release, assets / "notebooks" / quiz.notebook_name)
        (paper / f"quiz-{quiz.id}.html").write_text(paper_page(quiz), encoding="utf-8")
        (KEYS / f"{quiz.id}-key.html").write_text(answer_key(quiz), encoding="utf-8")
        written.append(page)
    return written

