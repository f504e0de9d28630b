"""The kit's generated pages: handouts drawn from data/ only, slides per module, both valid Markdown."""
from __future__ import annotations

import mistune

from course.classroom.kit import handouts_markdown, slides_markdown
from course.kb import load


def rendered(markdown: str) -> str:
    return mistune.create_markdown(escape=False)(markdown)


def test_one_handout_per_body_cycle_with_every_stage_and_way_in_from_the_data():
    kb = load()
    page = handouts_markdown()
    html = rendered(page)
    assert html.count("<h2>") == len(kb["cycles"]) and html.count("break-before: page") == len(kb["cycles"])
    for stage in kb["stages"].to_dict("records"):
        assert stage["timing_en"] in page, stage["id"]
    for way_in in kb["opportunities"].to_dict("records"):
        assert way_in["description_en"] in page, way_in["id"]
    for heading in ("When", "Who may, and how", "Where to find the deadline"):
        assert html.count(f"<h3>{heading}</h3>") == len(kb["cycles"])
    sources = kb["sources"].set_index("id")
    for cycle in kb["cycles"].to_dict("records"):  # each cycle's sources are listed, with their links
        for sid in cycle["source_ids"]:
            assert sources.loc[sid, "title"] in page, (cycle["id"], sid)


def test_a_slide_deck_per_module_with_its_debrief():
    kb = load()
    html = rendered(slides_markdown())
    assert html.count("<h2>") == len(kb["modules"])
    for module in kb["modules"].to_dict("records"):
        assert f"<h2>{module['order']}. {module['title_en']}</h2>" in html.replace("&#x27;", "'")
        assert f"{module['title_en']}: debrief" in html.replace("&#x27;", "'")
