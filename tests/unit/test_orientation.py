"""The orientation module's landscape explorer, and the glossary page."""
from __future__ import annotations

import re

from course.glossary_page import glossary_html
from course.widgets.landscape import (
    LandscapeExplorer,
    engagement_types,
    landscape_table,
)
from course.widgets.views import esc


def shown_ids(explorer):
    return set(explorer.matches()["id"])


def test_landscape_lists_every_body_with_a_link_to_its_module(kb):
    table = landscape_table(kb, live=False)
    assert set(table["id"]) == set(kb["bodies"]["id"])
    modules = kb["modules"].set_index("id")
    for body in kb["bodies"].itertuples():
        link = table.set_index("id").at[body.id, "module"]
        if body.module:
            # from a page in modules/, a module's page is <id>.html in the same folder
            assert f'href="{modules.at[body.module, "path"].split("/")[-1]}.html"' in link
            assert modules.at[body.module, "title_en"] in link


def test_live_links_open_the_notebooks(kb):
    table = landscape_table(kb, live=True).set_index("id")
    assert 'href="treaty_bodies.ipynb"' in table.at["cat", "module"]


def test_engagement_types_come_from_the_cycles(kb):
    types = engagement_types(kb)
    cat_actions = set(kb.opportunities(cycle_id="cat_reporting")["action"])
    assert set(types["cat"]) == cat_actions
    assert "amicus_brief" in types["ecthr"] and "amicus_brief" in types["iacthr"]
    assert types["sr_torture"] == types["special_procedures"]  # a mandate takes part in its parent's visits
    assert types["ganhri"] == []


def test_live_landscape_filters_and_keyword(kb):
    explorer = LandscapeExplorer(live=True)
    assert set(explorer.filters) == {"kind", "system", "region", "engagement"}
    assert len(explorer.matches()) == len(kb["bodies"])
    explorer.filters["region"].value = "americas"
    assert shown_ids(explorer) == set(kb.bodies(region="americas")["id"])
    explorer.filters["engagement"].value = "amicus_brief"
    assert shown_ids(explorer) == {"iacthr"}
    assert "1 of" in explorer.count.value and "courts.ipynb" in explorer.results.value
    explorer.filters["region"].value = None
    explorer.filters["engagement"].value = None
    explorer.filters["kind"].value = "network"
    explorer.keyword.value = "ombuds"
    assert "ioi" in shown_ids(explorer) and shown_ids(explorer) <= set(kb.bodies(kind="network")["id"])
    explorer.keyword.value = "no body has this word"
    assert explorer.matches().empty and "No body matches" in explorer.results.value


def test_static_landscape_is_one_searchable_table_of_every_body(kb):
    """The book shows the landscape once: one table with a search box, every body in one row, no list repeating it."""
    explorer = LandscapeExplorer(live=False)
    assert not explorer.filters and explorer.keyword is None
    markup = explorer.html()
    assert markup.count("<table") == 1 and 'type="search"' in markup and "data-course-switch" not in markup
    assert markup.count('<th scope="row"') == len(kb["bodies"])
    assert all(f">{esc(body)}</th>" in markup for body in kb["bodies"]["acronym_en"].map(str))
    assert "UN entity" in markup and "un_entity" not in markup and "Asia-Pacific" in markup


def test_static_table_keeps_links_as_html(monkeypatch):
    from course.widgets import landscape

    shown = []
    monkeypatch.setenv("COURSE_STATIC_BOOK", "1")
    monkeypatch.setattr("IPython.display.display", lambda obj, *a, **k: shown.append(obj))
    landscape.landscape_explorer()
    markup = shown[-1].data
    assert 'href="treaty_bodies.html"' in markup and "&lt;a href" not in markup  # markup, not escaped text


def test_glossary_has_an_anchor_per_entry(kb):
    page = glossary_html()
    entries = kb.glossary_entries()
    ids = re.findall(r'<dt id="(term-[^"]+)"', page)
    assert len(ids) == len(entries) == len(set(ids))
    assert 'id="term-npm"' in page and 'id="term-cat"' in page
    assert 'href="modules/treaty_bodies.html"' in page
