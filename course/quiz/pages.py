"""The quizzes outside JupyterLab: a page per quiz in the book, checked in the browser, and a paper version.

Made at build time from the specs (never committed):
Each edition (English, French, Spanish) gets its own, from its language's specs, with the same file names:
`prepare(generated, sha256_js, lang="fr")` writes translations/fr/quizzes/pages/ID.md and the French assets.

- quizzes/pages/ID.md: the book page. Each question is answered in the page (choose, tick, put in order, type);
  js/quiz/quiz-page.js checks it with the same sealed blob as the notebook, so no answer, hint, explanation
  or "why not" is readable in the page, its source or the search index before the learner answers;
- _generated/quiz/: the scripts and style those pages load (js-sha256 from npm, as a classic script), and each
  quiz's release notebook for the page's download link;
- _generated/downloads/facilitator/quiz-ID.html: a printable quiz for sessions without computers (no answers);
- quizzes/keys/ID-key.html (ID_fr-key.html...): the facilitator's answer key with explanations, never published.
"""
from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from ..i18n import check_language
from ..paths import QUIZ_ROOT, ROOT, edition_root
from .generate import Question, Quiz, all_specs
from .strings import TEXT, page_strings

PAGES = QUIZ_ROOT / "pages"
KEYS = QUIZ_ROOT / "keys"
JS_SOURCES = ROOT / "js" / "quiz"
SETUP_PAGE = "setup"  # the learner set-up page (setup.md), written by the foundations work


def pages_dir_of(lang: str = "en") -> Path:
    """Where an edition's quiz pages go: quizzes/pages/ in the edition's tree (same file names everywhere)."""
    return edition_root(lang) / "quizzes" / "pages"


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def _inline(text: str) -> str:
    """A choice's text as HTML (choices are plain text with, at most, **bold**)."""
    import re

    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", _e(text))


def _controls(q: Question, lang: str = "en") -> str:
    name = f"npm-{q.id}"
    if q.kind in ("letter", "letters"):
        kind = "radio" if q.kind == "letter" else "checkbox"
        items = "".join(
            f'<label class="npm-choice"><input type="{kind}" name="{name}" value="{letter}"> '
            f'<span class="npm-letter" aria-hidden="true">{letter}</span> {_inline(text)}</label>'
            for letter, text in q.choices.items())
        return f'<fieldset><legend>{_e(TEXT("page.how." + q.kind, lang))}</legend>{items}</fieldset>'
    if q.kind == "order":
        up, down = _e(TEXT("page.up", lang)), _e(TEXT("page.down", lang))
        items = "".join(
            f'<li data-letter="{letter}"><span class="npm-order-text">{_inline(text)}</span> '
            f'<button type="button" class="npm-up" aria-label="{_e(TEXT("page.move_up", lang, text=text))}">'
            f'&#8593; {up}</button> '
            f'<button type="button" class="npm-down" aria-label="{_e(TEXT("page.move_down", lang, text=text))}">'
            f'&#8595; {down}</button></li>'
            for letter, text in q.choices.items())
        return (f'<fieldset><legend>{_e(TEXT("page.how.order", lang))}</legend>'
                f'<ol class="npm-order" aria-label="{_e(TEXT("page.your_order", lang))}">{items}</ol></fieldset>')
    mode = ' inputmode="decimal"' if q.kind == "number" else ""
    return (f'<label class="npm-typed">{_e(TEXT("page.how." + q.kind, lang))} '
            f'<input type="text" name="{name}" autocomplete="off"{mode}></label>')


def book_page(quiz: Quiz, setup_link: str) -> str:
    """The quiz as a MyST page: prose in Markdown, each question's controls in raw HTML with its sealed blob."""
    lang = quiz.lang
    total = len(quiz.questions)
    strings = _e(json.dumps(page_strings(lang), ensure_ascii=True, separators=(",", ":")))
    lines = [f"# {quiz.title}", "", quiz.intro, "",
             TEXT("page.intro", lang, minutes=quiz.minutes, questions=total), "",
             "```{raw} html",
             f'<div class="npm-quiz" data-quiz="{quiz.id}" data-title="{_e(quiz.title)}" data-total="{total}" '
             f'data-lang="{lang}" data-strings="{strings}">',
             '<link rel="stylesheet" href="../../quiz/quiz.css">',
             "</div>", "```", ""]
    for n, q in enumerate(quiz.questions, start=1):
        lines += [f"## {TEXT('page.question', lang, n=n)}", "", q.prompt, "", "```{raw} html",
                  f'<div class="npm-q" data-quiz="{quiz.id}" data-q="{q.id}" data-kind="{q.kind}" '
                  f'data-blob="{q.blob()}">',
                  _controls(q, lang),
                  f'<p><button type="button" class="npm-check">{_e(TEXT("page.check", lang))}</button></p>',
                  '<div class="npm-feedback" role="status" aria-live="polite"></div>',
                  "</div>", "```", ""]
    lines += [f"## {TEXT('page.score_head', lang)}", "", "```{raw} html",
              f'<div class="npm-end" data-quiz="{quiz.id}">',
              f'<p class="npm-score" role="status" aria-live="polite">{_e(TEXT("page.score_none", lang))}</p>',
              f'<p><button type="button" class="npm-restart">{_e(TEXT("page.restart", lang))}</button> '
              f'<button type="button" class="npm-record">{_e(TEXT("page.record", lang))}</button></p>',
              f'<p class="npm-needs-js">{_e(TEXT("page.needs_js", lang))}</p>',
              "</div>",
              '<script src="../../quiz/sha256.min.js"></script>',
              '<script src="../../quiz/quiz-seal.js"></script>',
              '<script src="../../quiz/quiz-page.js"></script>',
              "```", "",
              f"## {TEXT('page.offline_head', lang)}", "",
              "```{raw} html",
              f"<p>{TEXT('page.offline', lang, href=f'../../quiz/notebooks/{quiz.notebook_name}')}</p>",
              "```", "",
              TEXT("page.setup", lang, link=setup_link), ""]
    if quiz.closing:
        closing = quiz.closing.splitlines()
        if closing and closing[0].startswith("## "):  # the notebook's "Done" heading: the page's is clearer
            closing[0] = f"## {TEXT('page.finished', lang)}"
        lines += ["\n".join(closing), ""]
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


def _html_doc(title: str, body: str, lang: str = "en") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">'
            f'<title>{_e(title)}</title>'
            f"<style>{PRINT_CSS}</style></head><body>\n{body}\n</body></html>\n")


def _md_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").render(text)


def paper_page(quiz: Quiz) -> str:
    """A printable quiz for a session without computers: questions and space to answer, no answers."""
    lang = quiz.lang
    parts = [f"<h1>{_e(quiz.title)}</h1>",
             f'<p class="meta">{_e(TEXT("paper.name", lang))} <span class="line"></span> &nbsp; '
             f'{_e(TEXT("paper.date", lang))} <span class="line" style="min-width:8em"></span></p>',
             _md_html(quiz.intro),
             f"<p>{_e(TEXT('paper.about', lang, minutes=quiz.minutes, questions=len(quiz.questions)))}</p>"]
    for n, q in enumerate(quiz.questions, start=1):
        how = _e(TEXT(f"paper.how.{q.kind}", lang))
        parts.append(f'<section class="q"><h2>{_e(TEXT("page.question", lang, n=n))}</h2>{_md_html(q.prompt)}'
                     f"<p><em>{how}</em></p>")
        if q.kind in ("letter", "letters", "order"):
            box = '<span class="box"></span>' if q.kind != "order" else ""
            parts.append('<ul class="choices">' + "".join(
                f"<li>{box}<strong>{letter}</strong> {_inline(text)}</li>" for letter, text in q.choices.items()) + "</ul>")
        if q.kind != "letter" and q.kind != "letters":
            parts.append(f'<p>{_e(TEXT("paper.answer", lang))} <span class="line"></span></p>')
        parts.append("</section>")
    return _html_doc(TEXT("paper.title", lang, title=quiz.title), "\n".join(parts), lang)


def answer_key(quiz: Quiz) -> str:
    """The facilitator's key: right answers, why each wrong option is wrong, hints and explanations."""
    from .answers import show_number

    lang = quiz.lang
    parts = [f"<h1>{_e(TEXT('key.head', lang, title=quiz.title))}</h1>", f"<p>{TEXT('key.only', lang)}</p>"]
    for n, q in enumerate(quiz.questions, start=1):
        keys = [show_number(k, lang) if q.kind == "number" else ", ".join(k.split(",")) for k in q.keys]
        answers = TEXT("key.or", lang).join(keys)
        skill = TEXT(f"key.skill.{q.skill}", lang)
        parts.append(f'<section class="q"><h2>{_e(TEXT("page.question", lang, n=n))} ({_e(skill)})</h2>'
                     f"{_md_html(q.prompt)}")
        if q.choices:
            parts.append('<ul class="choices">' + "".join(
                f"<li><strong>{letter}</strong> {_inline(text)}"
                + (f'<div class="why">{_e(TEXT("key.why_not", lang, text=q.why_not[letter]))}</div>'
                   if letter in q.why_not else "")
                + "</li>" for letter, text in q.choices.items()) + "</ul>")
        parts.append(f"<p><strong>{_e(TEXT('key.answer', lang, answers=answers))}</strong></p>"
                     f"<p>{_e(TEXT('key.hint', lang, text=q.hint))}</p>"
                     f"<p>{_e(TEXT('key.explanation', lang, text=q.explanation))}</p></section>")
    return _html_doc(TEXT("key.title", lang, title=quiz.title), "\n".join(parts), lang)


def prepare(generated: Path, sha256_js: Path, quizzes: list[Quiz] | None = None, root: Path = ROOT,
            lang: str = "en", pages_dir: Path | None = None, keys_dir: Path | None = None) -> list[Path]:
    """Write every quiz's book page, paper version and key in LANG, and the scripts the pages load.

    The build calls it once per edition, each with its own GENERATED folder (published with that edition):
    pages go to PAGES_DIR (default: quizzes/pages/ in the edition's tree, translations/fr/quizzes/pages/ for
    French), named ID.md in every language; the quiz's scripts, its release notebook and the paper quiz under
    GENERATED; the answer keys (never published) to KEYS_DIR (default quizzes/keys/, ID_fr-key.html...).
    A missing or mismatched translation raises TranslationMissing before anything is written."""
    lang = check_language(lang)
    quizzes = quizzes or all_specs(lang)
    pages = Path(pages_dir) if pages_dir else (PAGES if lang == "en" else pages_dir_of(lang))
    keys = Path(keys_dir) if keys_dir else KEYS
    edition = root if lang == "en" else edition_root(lang)
    setup_link = f"../../{SETUP_PAGE}.md" if (edition / f"{SETUP_PAGE}.md").exists() else "../../start.md"
    assets = generated / "quiz"
    (assets / "notebooks").mkdir(parents=True, exist_ok=True)
    shutil.copy2(sha256_js, assets / "sha256.min.js")
    for name in ("quiz-seal.js", "quiz-page.js", "quiz.css"):
        shutil.copy2(JS_SOURCES / name, assets / name)
    paper = generated / "downloads" / "facilitator"
    for folder in (pages, keys, paper):
        folder.mkdir(parents=True, exist_ok=True)
    written = []
    for quiz in quizzes:
        page = pages / f"{quiz.base}.md"
        page.write_text(book_page(quiz, setup_link), encoding="utf-8")
        release = QUIZ_ROOT / "release" / quiz.id / quiz.notebook_name
        if release.is_file():
            shutil.copy2(release, assets / "notebooks" / quiz.notebook_name)
        (paper / f"quiz-{quiz.base}.html").write_text(paper_page(quiz), encoding="utf-8")
        (keys / f"{quiz.id}-key.html").write_text(answer_key(quiz), encoding="utf-8")
        written.append(page)
    return written

