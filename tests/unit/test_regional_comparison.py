"""The regional comparison widget: its rows, its side-by-side views, and both its static and live forms."""
from __future__ import annotations

from course.widgets import regional_comparison as rc
from course.widgets.views import esc
from dev.views_check import read_switch


def test_every_compared_body_has_every_aspect_once(kb):
    table = kb["comparisons"]
    compared = table[table["body_id"].isin(rc.BODIES)]
    assert not compared.duplicated(["body_id", "aspect"]).any()
    for body in rc.BODIES:
        assert set(compared.loc[compared["body_id"] == body, "aspect"]) == set(rc.ASPECT_LABELS)


def test_rows_follow_the_order_of_aspects_and_bodies(kb):
    rows = rc.comparison_rows(kb, aspects=["urgent", "founding"], bodies=["cpta", "cpt"])
    assert list(zip(rows["aspect"], rows["body_id"])) == [
        ("founding", "cpta"), ("founding", "cpt"), ("urgent", "cpta"), ("urgent", "cpt")]


def test_keyword_keeps_whole_aspects(kb):
    rows = rc.comparison_rows(kb, keyword="Robben Island")
    assert "founding" in set(rows["aspect"])
    for aspect in set(rows["aspect"]):  # every body is still shown for a matching aspect
        assert set(rows.loc[rows["aspect"] == aspect, "body_id"]) == set(rc.BODIES)
    assert rc.comparison_rows(kb, keyword="no such words anywhere").empty
    assert set(rc.comparison_rows(kb, keyword="urgent measures")["aspect"]) >= {"urgent"}  # label matches too


def test_side_by_side_is_an_accessible_table_with_sources(kb):
    markup = rc.side_by_side(kb, ["publication"])
    assert markup.startswith('<table class="course-data course-side"><caption>')
    assert markup.count('scope="col"') == 1 + len(rc.BODIES) and markup.count('scope="row"') == 1
    for body in rc.BODIES:
        row = kb["comparisons"].query("body_id == @body and aspect == 'publication'").iloc[0]
        assert kb.body(body)["acronym_en"] in markup
        for source in kb.sources(row["source_ids"]).itertuples():
            assert source.url in markup
    assert "Nothing matches" in rc.side_by_side(kb, keyword="no such words anywhere")


def test_static_widget_offers_every_aspect_then_one_view_per_aspect(kb):
    widget = rc.RegionalComparison(live=False)
    switch = read_switch(widget.html())
    assert switch.control == "select"
    assert switch.names == [rc.RegionalComparison.ALL] + [rc.aspect_label(a) for a in rc.aspect_order(kb)]
    assert len(switch.views) == len(switch.names)
    for view, markup in zip(switch.names[1:], widget.views.views[1:]):
        assert f"<caption>{view}</caption>" in markup
    assert widget.aspect_select is None and widget.keyword is None  # nothing that needs a kernel


def test_live_widget_filters_several_aspects_and_bodies(kb):
    widget = rc.RegionalComparison(live=True)
    widget.aspect_select.value = ("visits", "urgent")
    assert "Visits" in widget.view.value and "Urgent measures" in widget.view.value
    assert "Founding instrument" not in widget.view.value
    widget.body_select.value = ("cpt", "cpta")
    assert ">IACHR</abbr>" not in widget.view.value and ">CPTA</abbr>" in widget.view.value
    widget.keyword.value = "no such words anywhere"
    assert "Nothing matches" in widget.view.value
    widget.keyword.value = ""
    widget.aspect_select.value = ()
    assert widget.view.value.count('scope="row"') == len(rc.aspect_order(kb))


def test_first_view_lists_every_row_once(kb):
    """The book shows each fact once: the first view holds every aspect of every body, and no other table repeats it."""
    everything = rc.RegionalComparison(live=False).views.views[0]
    rows = kb["comparisons"][kb["comparisons"]["body_id"].isin(rc.BODIES)]
    assert everything.count('scope="row"') == rows["aspect"].nunique()
    assert everything.count("<td ") == rows["aspect"].nunique() * len(rc.BODIES)
    assert all(esc(text) in everything for text in rows["text_en"])
