"""How it's done: every excerpt is short, cited to a dated source with a link, and shown by every body module."""
from __future__ import annotations

import datetime as dt
import json
import re
from types import SimpleNamespace

import pytest

from course.paths import ROOT
from course.practice import excerpts as ex

BODY_MODULES = ["treaty_bodies", "upr", "special_procedures", "regional_monitoring", "networks", "courts",
                "other_bodies"]


def notebook_cells(module: str) -> list[dict]:
    return json.loads((ROOT / "modules" / f"{module}.ipynb").read_text(encoding="utf-8"))["cells"]


def test_every_quote_is_brief(kb):
    too_long = {e.id: ex.quote_words(e.quote_en) for e in kb["excerpts"].itertuples()
                if ex.quote_words(e.quote_en) > ex.MAX_QUOTE_WORDS}
    assert not too_long, f"quotations over {ex.MAX_QUOTE_WORDS} words: {too_long}"


def test_quote_words_does_not_count_the_cut_marks():
    assert ex.quote_words("one two [...] three\nfour") == 4


def test_every_excerpt_cites_a_source_with_a_link_and_a_date(kb):
    sources = kb["sources"].set_index("id")
    for e in kb["excerpts"].itertuples():
        assert e.source_id in sources.index, f"{e.id}: source {e.source_id!r} is not in sources.csv"
        source = sources.loc[e.source_id]
        assert re.match(r"https?://\S+$", source["url"]), f"{e.id}: source has no usable link"
        assert isinstance(source["consulted"], dt.date), f"{e.id}: source has no consulted date"
        assert e.symbol.strip() and e.date, f"{e.id}: no symbol or date"
        if not source["published"]:
            # An undated page carries the day we read it, never a date we made up.
            assert e.date == source["consulted"].isoformat(), f"{e.id}: undated source but a document date"
        for column, _ in ex.NOTES:
            assert len(getattr(e, column).split()) >= 10, f"{e.id}: {column} is too thin to teach anything"


def test_every_body_module_has_an_excerpt(kb):
    assert set(BODY_MODULES) <= set(kb["excerpts"]["module"])
    assert set(kb["excerpts"]["kind"]) <= {"real", "model"}


@pytest.mark.parametrize("module", BODY_MODULES)
def test_each_body_module_calls_how_its_done_right_before_its_summary(module):
    cells = notebook_cells(module)
    sources = ["".join(c["source"]) for c in cells]
    call = f'how_its_done("{module}")'
    at = [i for i, (c, s) in enumerate(zip(cells, sources)) if c["cell_type"] == "code" and call in s]
    assert len(at) == 1, f"{module}: expected one cell calling {call}"
    i = at[0]
    assert cells[i]["metadata"].get("tags") == ["remove-input"]
    assert "\n## How it's done" in "\n" + sources[i - 1], f"{module}: no How it's done heading before the call"
    assert sources[i + 1].lstrip("-\n ").startswith("## Summary"), f"{module}: the Summary does not follow"
    assert not any("## Summary" in s for s in sources[:i]), f"{module}: How it's done comes after the Summary"


def fake_source(published="2020-07-28"):
    return SimpleNamespace(url="https://example.org/doc?a=1&b=2", published=published,
                           consulted=dt.date(2026, 11, 29))


def fake_excerpt(**overrides):
    row = dict(kind="real", quote="First <paragraph>.\nSecond paragraph.", symbol="CAT/C/XX/CO/1, para. 14",
               date="2020-07-28", what_it_does="does", why_it_matters="matters", how_to_use="use", note="")
    row.update(overrides)
    return SimpleNamespace(**row)


def test_excerpt_renders_as_a_cited_blockquote():
    page = ex.excerpt_html(fake_excerpt(), fake_source())
    assert page.count("<blockquote>") == 1 and "<p>First &lt;paragraph&gt;.</p><p>Second paragraph.</p>" in page
    assert '<cite><a href="https://example.org/doc?a=1&amp;b=2">CAT/C/XX/CO/1, para. 14</a></cite>, 28 July 2020' in page
    assert [t for _, t in ex.NOTES] == re.findall(r"<dt>(.*?)</dt>", page)
    assert "not a real document" not in page


def test_a_model_is_labelled_as_one():
    page = ex.excerpt_html(fake_excerpt(kind="model"), fake_source())
    assert "Model text written for this course, not a real document." in page


@pytest.mark.parametrize("date, published, words", [
    ("2020-07-28", "2020-07-28", "28 July 2020"),
    ("2017-11", "2017-11", "November 2017"),
    ("2012", "2012", "2012"),
    ("2026-11-29", "", "undated web page, read on 29 November 2026"),
])
def test_document_date_in_words(date, published, words):
    assert ex.document_date(fake_excerpt(date=date), fake_source(published)) == words


def test_how_its_done_shows_every_excerpt_of_the_module(kb, monkeypatch):
    shown = []
    monkeypatch.setattr(ex, "show_html", shown.append)
    ex.how_its_done("treaty_bodies")
    wanted = kb["excerpts"][kb["excerpts"]["module"] == "treaty_bodies"]
    assert len(shown) == 1 and shown[0].count("<blockquote>") == len(wanted) >= 1
    for symbol in wanted["symbol"]:
        assert ex.esc(symbol) in shown[0]


def test_a_module_without_excerpts_is_an_error_not_a_blank_section():
    with pytest.raises(KeyError, match="orientation"):
        ex.how_its_done("orientation")
