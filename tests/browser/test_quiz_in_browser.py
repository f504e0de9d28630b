"""The book's quiz pages in a real browser without WebCrypto (as on a venue's plain-http server): every
question answered wrongly then rightly, the hint, the chosen option's "why not" and the explanation shown, the
score kept across a reload, and "start again"."""
from __future__ import annotations

import pytest

from course.i18n import LANGUAGES
from course.quiz.generate import all_specs
from course.quiz.strings import TEXT

pytestmark = pytest.mark.browser
QUIZZES = all_specs()
# Every quiz page of every edition: the French and Spanish pages check answers in their language.
EDITION_QUIZZES = [(lang, quiz) for lang in LANGUAGES for quiz in all_specs(lang)]
NO_WEBCRYPTO = "Object.defineProperty(Crypto.prototype, 'subtle', {get() { return undefined; }});"


def wrong_key(q) -> str:
    if q.kind == "letter":
        return next(letter for letter in q.choices if letter not in q.keys)
    if q.kind == "letters":
        return next(letter for letter in q.choices if letter not in q.keys[0].split(","))
    if q.kind == "order":
        return ",".join(reversed(q.keys[0].split(",")))
    return "7777" if q.kind == "number" else "something else"


def answer(box, q, key: str) -> None:
    """Answer as a reader would: click, tick, move with the buttons, or type (a decimal comma, capitals)."""
    if q.kind == "letter":
        box.locator(f'input[value="{key}"]').check()
    elif q.kind == "letters":
        for box_input in box.locator("input").all():
            box_input.set_checked(box_input.get_attribute("value") in key.split(","))
    elif q.kind == "order":
        for position, letter in enumerate(key.split(",")):
            item = box.locator(f'li[data-letter="{letter}"]')
            current = item.evaluate("li => Array.prototype.indexOf.call(li.parentNode.children, li)")
            for _ in range(current - position):
                item.locator(".npm-up").press("Enter")  # the keyboard way
    else:
        box.locator("input[type=text]").fill(key.replace(".", ",") if q.kind == "number" else key.upper())
    box.locator(".npm-check").click()


@pytest.fixture
def quiz_page(browser, book_server):
    context = browser.new_context(viewport={"width": 412, "height": 900})  # a phone's width
    context.add_init_script(NO_WEBCRYPTO)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, errors
    context.close()


@pytest.mark.parametrize("lang, quiz", EDITION_QUIZZES, ids=lambda x: x if isinstance(x, str) else x.id)
def test_every_question_is_answerable_and_checked_in_the_page(quiz_page, book_server, lang, quiz):
    page, errors = quiz_page
    edition = "" if lang == "en" else f"/{lang}"
    page.goto(f"{book_server}{edition}/quizzes/pages/{quiz.base}.html")
    assert page.evaluate("crypto.subtle === undefined")
    for q in quiz.questions:
        assert q.explanation[:40] not in page.content(), f"{q.id}: explanation readable before answering"
        box = page.locator(f'.npm-q[data-q="{q.id}"]')
        feedback = box.locator(".npm-feedback")
        answer(box, q, wrong_key(q))
        assert "npm-wrong" in feedback.get_attribute("class"), q.id
        text = feedback.inner_text()
        hint = TEXT("js.hint", lang, text=" ".join(q.hint.split()))
        assert hint in " ".join(text.split()), q.id
        wrong = wrong_key(q)
        if q.kind in ("letter", "letters") and wrong in q.why_not:
            assert q.why_not[wrong] in text, f"{q.id}: no why-not for {wrong}"
        assert q.explanation[:40] not in text
        answer(box, q, q.keys[0])
        assert "npm-right" in feedback.get_attribute("class"), q.id
        assert " ".join(q.explanation.split()[:8]) in " ".join(feedback.inner_text().split()), q.id
    total = len(quiz.questions)
    score = page.locator(".npm-score")
    full = TEXT("js.score", lang, right=total, total=total, first=0).split("(")[0]
    assert score.inner_text().startswith(full)
    page.reload()
    assert page.locator(".npm-score").inner_text().startswith(full)
    assert page.locator(".npm-feedback.npm-right").count() == total  # explanations shown again after reload
    page.locator(".npm-restart").click()
    assert page.locator(".npm-score").inner_text() == TEXT("js.score_none", lang)
    assert page.locator(".npm-feedback.npm-right").count() == 0
    assert errors == [], errors


def test_typed_answers_that_cannot_be_read_get_advice_not_an_error(quiz_page, book_server):
    page, errors = quiz_page
    quiz, q = next((z, q) for z in QUIZZES for q in z.questions if q.kind == "number")
    page.goto(f"{book_server}/quizzes/pages/{quiz.id}.html")
    box = page.locator(f'.npm-q[data-q="{q.id}"]')
    box.locator("input[type=text]").fill("four and a half")
    box.locator(".npm-check").click()
    feedback = box.locator(".npm-feedback")
    assert "npm-unread" in feedback.get_attribute("class") and "Type a number" in feedback.inner_text()
    assert errors == []


def test_the_printable_record_lists_the_quizzes_done(quiz_page, book_server):
    page, _ = quiz_page
    quiz = QUIZZES[0]
    page.goto(f"{book_server}/quizzes/pages/{quiz.id}.html")
    q = quiz.questions[0]
    answer(page.locator(f'.npm-q[data-q="{q.id}"]'), q, q.keys[0])
    page.evaluate("window.print = () => {}")
    page.locator(".npm-record").click()
    sheet = page.locator(".npm-record-sheet")
    assert quiz.title in sheet.inner_text() and f"1 of {len(quiz.questions)}" in sheet.inner_text()
