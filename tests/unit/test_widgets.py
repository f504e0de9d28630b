"""Widget logic: the views, and the explorers in both their live (kernel) and static (book) forms."""
from __future__ import annotations

import ipywidgets as w
import pytest

from course import Profile
from course.widgets import views
from course.widgets.explorers import BodyExplorer, CycleExplorer
from dev.views_check import read_switch


def linked(explorer, control, view) -> bool:
    """Whether the explorer links control.index to view.selected_index in the browser (jslink)."""
    return any(link.source == (control, "index") and link.target == (view, "selected_index") for link in explorer.links)


def test_body_card_shows_the_tables_facts(kb):
    card = views.body_card(kb, "cat")
    body = kb.body("cat")
    assert body["name_en"] in card and "(CAT)" in card
    experts = kb.figure("cat", "experts")
    assert f"{experts['value']:g} {experts['unit_en']}" in card and f"{experts['as_of']:%d %B %Y}" in card
    for source in kb.sources(body["source_ids"]).itertuples():
        assert source.url in card


def test_changed_figure_says_what_changed(kb):
    card = views.body_card(kb, "cpt")
    assert "Changed since the APT guide" in card and "Russia" in card


def test_static_body_explorer_offers_a_list_and_one_card_per_body(kb):
    bodies = kb.bodies(module="treaty_bodies")
    explorer = BodyExplorer(bodies, live=False)
    switch = read_switch(explorer.html())
    assert switch.control == "select" and len(switch.views) == len(switch.names) == len(bodies)
    assert switch.hidden == [False] + [True] * (len(bodies) - 1)  # the first card shows before any script runs
    assert all(b.name_en in view for b, view in zip(bodies.itertuples(), switch.views))
    assert not explorer.filters and explorer.keyword is None  # no controls that would need a kernel
    assert explorer.picker is None and explorer.stack is None  # no widget renderer in the book


def test_live_body_explorer_filters(kb):
    bodies = kb.bodies()
    explorer = BodyExplorer(bodies, live=True)
    assert set(explorer.filters) == {"kind", "system", "region"}
    explorer.filters["system"].value = "coe"
    shown = [bodies.reset_index(drop=True).at[i, "id"] for _, i in explorer.picker.options]
    assert set(shown) == set(kb.bodies(system="coe")["id"])
    explorer.keyword.value = "court"
    shown = [bodies.reset_index(drop=True).at[i, "id"] for _, i in explorer.picker.options]
    assert shown == ["ecthr"]
    assert explorer.stack.selected_index == explorer.picker.value  # the card follows the list
    explorer.keyword.value = "no body has this word"
    assert explorer.picker.options == () and "0 of" in explorer.count.value


def test_cycle_explorer_has_a_tab_per_path_and_a_view_per_stage(kb):
    explorer = CycleExplorer("cat_reporting", live=True)
    tab = explorer.widget().children[-1]
    assert isinstance(tab, w.Tab)
    assert list(tab.titles) == list(kb.paths("cat_reporting")["name_en"])
    for path, slider, stack in zip(explorer.paths.itertuples(), explorer.sliders, explorer.stacks):
        stages = kb.stages("cat_reporting", path.id)
        assert len(slider.options) == len(stack.children) == len(stages)
        assert linked(explorer, slider, stack)
        assert all(name in stack.children[i].value for i, name in enumerate(stages["name_en"]))


def test_static_cycle_explorer_has_tabs_of_numbered_steps(kb):
    explorer = CycleExplorer("cat_reporting", live=False)
    tabs = read_switch(explorer.html())
    assert tabs.control == "tabs" and tabs.names == list(kb.paths("cat_reporting")["name_en"])
    for path, step in zip(explorer.paths.itertuples(), explorer.steps):
        stages = kb.stages("cat_reporting", path.id)
        steps = read_switch(step.html())
        assert steps.control == "steps" and steps.names == [f"{i + 1}. {n}" for i, n in enumerate(stages["name_en"])]
        assert all(name in view for name, view in zip(stages["name_en"], steps.views))
        assert 'data-course-step="-1"' in step.html() and 'data-course-step="1"' in step.html()
    assert explorer.profile is None  # the static view shows every opening, with who may take it


def test_single_path_cycle_needs_no_tabs():
    assert read_switch(CycleExplorer("upr", live=False).html()).control == "steps"
    assert not isinstance(CycleExplorer("upr", live=True).widget().children[-1], w.Tab)


def test_live_cycle_explorer_filters_openings_by_profile(kb):
    explorer = CycleExplorer("upr", live=True)
    a_only = kb.opportunities(cycle_id="upr")
    a_only = a_only[a_only["who"] == "a_status_nhri"].iloc[0]
    stage_ids = list(kb.stages("upr", "upr_main")["id"])
    card = explorer.stacks[0].children[stage_ids.index(a_only["stage_id"])]
    assert a_only["name_en"] in card.value
    explorer.profile.value = "not_nhri"    # an NPM that is not an NHRI
    assert a_only["name_en"] not in card.value
    explorer.profile.value = "a_status"
    assert a_only["name_en"] in card.value


def test_stage_card_gives_timing_in_words_and_structure(kb):
    card = views.stage_card(kb, "cat_reporting", "cat_simplified", 0)
    stage = kb.stages("cat_reporting", "cat_simplified").iloc[0]
    assert stage["timing_en"] in card
    assert views.offset_words(stage["offset"], stage["offset_unit"], "session")[:8] in card or "at the" in card


def test_timeline_is_an_accessible_picture(kb):
    stages = kb.stages("cat_reporting", "cat_standard")
    svg = views.timeline_svg(stages, 2, "CAT reporting")
    assert 'role="img"' in svg and "<title>" in svg
    label = svg.split('aria-label="')[1].split('"')[0]
    assert all(name.replace("'", "&#x27;") in label for name in stages["name_en"])
    assert f"Stage 3 of {len(stages)} is highlighted" in label


def test_timeline_labels_never_share_a_line_and_are_readable(kb):
    """Each stage's name and its timing sit on lines of their own, all text at 13 px or more, and every stage can
    be clicked to show it."""
    import re

    for cycle in kb["cycles"].itertuples():
        for path in kb.paths(cycle.id).itertuples():
            stages = kb.stages(cycle.id, path.id)
            svg = views.timeline_svg(stages, 0, "t")
            sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
            assert sizes and min(sizes) >= 13
            baselines = [float(y) for y in re.findall(r'<text x="42" y="([\d.]+)"', svg)]
            lines = [y + 17 * k for y, text in zip(baselines, re.findall(r'<text x="42"[^>]*>(.*?)</text>', svg))
                     for k in range(max(1, text.count("<tspan")))]
            assert all(b - a >= 15 for a, b in zip(sorted(lines), sorted(lines)[1:])), (path.id, sorted(lines))
            assert svg.count("data-course-go=") == len(stages)


def test_labels_from_the_data_read_as_words(kb):
    assert views.what_it_is(kb.body("cat")) == "UN treaty body, global"
    assert views.what_it_is(kb.body("cpt")) == "Council of Europe monitoring body, Europe"
    assert views.label("kind", "un_entity") == "UN entity" and views.label("region", "asia_pacific") == "Asia-Pacific"
    assert views.format_number(8.0) == "8" and views.format_number(0.5) == "0.5"
    card = views.body_card(kb, "cat")
    assert "UN treaty body, global" in card and "treaty body, UN" not in card


@pytest.mark.parametrize("offset,unit,expected", [
    (-3, "months", "3 months before the session"), (1, "years", "1 year after the session"), (0, "days", "at the session"),
])
def test_offset_words(offset, unit, expected):
    assert views.offset_words(offset, unit, "session") == expected


def test_profile_rules():
    assert Profile("A").may("a_status_nhri") and not Profile("B").may("a_status_nhri")
    assert Profile("B").may("nhri") and not Profile(None).may("nhri")
    assert Profile(None).may("any_npm") and Profile(None).may("ecosoc_or_nhri")


def test_every_widget_draws_on_the_knowledge_base_it_is_given(data_copy, monkeypatch):
    """Pointed at a copy of data/, a widget shows the copy's facts, not the course's."""
    from course.kb import load
    from course.widgets import court_access, network_finder, nhri_comparison, regional_comparison, visit_checklist
    from course.widgets.landscape import LandscapeExplorer

    bodies = data_copy / "bodies.csv"
    text = bodies.read_text(encoding="utf-8")
    for old, new in (("Committee against Torture", "Committee of the Copy"),
                     ("European Court of Human Rights", "Court of the Copy"),
                     ("Global Alliance of National Human Rights Institutions", "Alliance of the Copy")):
        assert old in text
        text = text.replace(old, new)
    bodies.write_text(text, encoding="utf-8")
    copy = load(data_copy)
    courts = copy.bodies(kind="court", module="courts")
    markup = [BodyExplorer(copy.bodies(module="treaty_bodies"), live=False, kb=copy).html(),
              LandscapeExplorer(live=False, kb=copy).html(),
              court_access.CourtAccess(courts, live=False, kb=copy).html(),
              network_finder.NetworkFinder(live=False, kb=copy).html()]
    assert "Committee of the Copy" in markup[0] and "Committee of the Copy" in markup[1]
    assert "Court of the Copy" in markup[2] and "Alliance of the Copy" in markup[3]
    for widget in (nhri_comparison.NhriComparison("upr", live=False, kb=copy),
                   regional_comparison.RegionalComparison(live=False, kb=copy),
                   visit_checklist.VisitChecklist("sp_visit", live=False, kb=copy), CycleExplorer("upr", live=False, kb=copy)):
        assert widget.kb is copy


def test_jupyterlab_gets_the_one_stylesheet_once(monkeypatch):
    """Live, the first widget puts _static/course.css into the notebook; later widgets do not repeat it."""
    from course.widgets import common
    from course.widgets.explorers import body_explorer, cycle_explorer

    shown = []
    monkeypatch.delenv("COURSE_STATIC_BOOK", raising=False)
    monkeypatch.setattr(common, "_styled", False)
    monkeypatch.setattr("IPython.display.display", lambda obj, *a, **k: shown.append(obj))
    body_explorer(module="upr")
    cycle_explorer("upr")
    styles = [o.data for o in shown if isinstance(getattr(o, "data", None), str) and o.data.startswith("<style>")]
    assert len(styles) == 1 and ".course-card" in styles[0] and ".course-tabs" in styles[0]
    assert any(isinstance(o, w.Widget) for o in shown)

