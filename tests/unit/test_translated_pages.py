"""What learners read, in French and Spanish: every widget, page furniture, the glossary, the practice pages, the
templates and the book's planner, rendered in each language against a knowledge base in that language, with no
English left outside elements marked lang="en", and dates and numbers as the language writes them.

The knowledge base is a copy of data/ with stand-in translations (see translated.py), and the course's own
data/fr and data/es once they are complete."""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess

import pytest
from translated import english_left, real_translations, stand_in_data, visible_text

from course import i18n, planner
from course.glossary_page import acronym_links, entries, glossary_html, sort_key
from course.kb import WHO_LABELS, Labels, load, offset_words
from course.pages import covers_text
from course.paths import ROOT
from course.practice import excerpts as ex
from course.practice import templates
from course.widgets import (
    court_access,
    explorers,
    landscape,
    network_finder,
    nhri_comparison,
    planner_widget,
    regional_comparison,
    views,
    visit_checklist,
)
from course.widgets import sources as source_widget

LANGS = ("fr", "es")
ENGLISH_MONTHS = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                            r"December)\b")


@pytest.fixture(scope="session")
def stand_in_dir(tmp_path_factory):
    return stand_in_data(tmp_path_factory.mktemp("translated"))


@pytest.fixture(params=[(lang, source) for lang in LANGS for source in ("stand-in", "real")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def edition(request, stand_in_dir):
    """(lang, knowledge base in that language, kind of data), with the language in use set for the test."""
    lang, source = request.param
    kb = load(stand_in_dir, lang=lang) if source == "stand-in" else real_translations(lang)
    if kb is None:
        pytest.skip(f"data/{lang} is not complete yet")
    before = i18n.language()
    i18n.use(lang)
    yield lang, kb, source
    i18n.use(before)


def allowed(kb) -> set[str]:
    """Names that may stay in English: publishers (marked lang=en where they are shown beside a title)."""
    return set(kb["sources"]["publisher"])


def no_english(markup: str, kb) -> None:
    left = english_left(markup, allowed(kb))
    assert not left, left[:5]
    assert not ENGLISH_MONTHS.search(visible_text(markup)), ENGLISH_MONTHS.search(visible_text(markup))


def widget_pages(kb) -> dict[str, str]:
    courts = kb.bodies(kind="court", module="courts")
    return {
        "body card": views.body_card(kb, "cat"),
        "stage card": views.stage_card(kb, "cat_reporting", kb.paths("cat_reporting")["id"].iloc[0], 1),
        "cycle in words": views.cycle_in_words(kb, "upr", kb.paths("upr")["id"].iloc[0]),
        "body explorer": explorers.BodyExplorer(kb.bodies(module="treaty_bodies"), live=False, kb=kb).html(),
        "body table": explorers.BodyExplorer(kb.bodies(), live=False, kb=kb).table().to_html(),
        "cycle explorer": explorers.CycleExplorer("upr", live=False, kb=kb).html(),
        "openings table": explorers.CycleExplorer("upr", live=False, kb=kb).openings().to_html(),
        "court access": court_access.CourtAccess(courts, live=False, kb=kb).html(),
        "court table": court_access.summary_table(kb, courts).to_html(),
        "landscape": landscape.LandscapeExplorer(live=False, kb=kb).html(),
        "network finder": network_finder.NetworkFinder(live=False, kb=kb).html(),
        "NHRI comparison": nhri_comparison.NhriComparison(None, live=False, kb=kb).html(),
        "NHRI table": nhri_comparison.table_for_reading(nhri_comparison.comparison(kb)).to_html(),
        "regional comparison": regional_comparison.RegionalComparison(live=False, kb=kb).html(),
        "visit checklist": visit_checklist.VisitChecklist("sp_visit", live=False, kb=kb).html(),
        "planner form": planner_widget.form_html(kb),
        "example plans": "".join(planner_widget.example_view(n, p, kb) for n, p in planner.EXAMPLES.items()),
    }


def test_every_widget_speaks_the_language(edition):
    lang, kb, source = edition
    for name, markup in widget_pages(kb).items():
        left = english_left(markup, allowed(kb))
        assert not left, (name, left[:5])
        assert not ENGLISH_MONTHS.search(visible_text(markup)), name


def test_widgets_show_the_data_in_the_language(edition):
    lang, kb, source = edition
    card = views.body_card(kb, "cat")
    assert html.escape(kb.body("cat")["name"]) in card and html.escape(kb.body("cat")[f"functions_{lang}"]) in card
    if source == "stand-in":
        assert "« Texte FR name cat »" in card if lang == "fr" else "« Texto ES name cat »" in card
    experts = kb.figure("cat", "experts")
    assert i18n.day(experts["as_of"], lang) in card  # 28 novembre 2026, 28 de noviembre de 2026


def test_live_widgets_label_their_controls_in_the_language(edition):
    lang, kb, _ = edition
    explorer = explorers.BodyExplorer(kb.bodies(), live=True, kb=kb)
    labels = [explorer.keyword.description, explorer.keyword.placeholder, explorer.picker.description,
              *[f.description for f in explorer.filters.values()], *[o[0] for f in explorer.filters.values()
                                                                      for o in f.options]]
    assert not english_left(" ".join(labels)), labels
    form = planner_widget.PlannerForm(kb=kb)
    form.make()
    assert not english_left(form.output.value + form.button.description + form.nhri.description), form.output.value


def test_numbers_and_dates_are_written_as_the_language_writes_them(edition):
    lang, kb, _ = edition
    assert views.format_number(1.5) == "1,5" and views.staff_days(0.5).startswith("0,5")
    assert views.short_offset(-3, "months") == ("−3 mois" if lang == "fr" else "−3 meses")
    assert offset_words(-1, "weeks", "X") == ("1 semaine avant la date de référence (X)" if lang == "fr"
                                              else "1 semana antes de la fecha de referencia (X)")
    assert planner_widget.long_date("2027-11-01") == ("1er novembre 2027" if lang == "fr" else "1 de noviembre de 2027")


def test_code_labels_follow_the_language(edition):
    lang, kb, _ = edition
    assert WHO_LABELS["any_npm"] == {"fr": "tout MNP", "es": "cualquier MNP"}[lang]
    assert views.label("region", "americas") != "the Americas" and views.label("kind", "court") != "court"
    assert WHO_LABELS.words("en")["any_npm"] == "any NPM"  # a plain dict in any language, for JSON


def test_page_furniture_and_sources(edition):
    lang, kb, _ = edition
    bodies = kb.bodies(module="treaty_bodies")
    line = covers_text(kb, bodies)
    assert line.startswith("**Organes couverts :**" if lang == "fr" else "**Órganos tratados:**")
    no_english(line, kb)
    shown = []
    source_widget.show_html = shown.append
    try:
        source_widget.source_list(source_widget.module_source_ids("treaty_bodies", kb), kb)
    finally:
        from course.widgets.common import show_html
        source_widget.show_html = show_html
    markup = shown[0]
    no_english(markup, kb)
    english = kb["sources"][kb["sources"]["language"] == "en"]
    title = next(t for t in english["title"] if f">{t}<" in markup.replace("&#x27;", "'"))
    assert re.search(r'<a href="[^"]+" lang="en">', markup), title  # an English title is marked as English
    assert ("consulté le" if lang == "fr" else "consultado el") in markup


def test_glossary_gives_the_english_and_keeps_the_anchors(edition):
    lang, kb, source = edition
    page = glossary_html(kb)
    no_english(page, kb)
    english_ids = re.findall(r'<dt id="(term-[^"]+)"', glossary_html(load(lang="en")))
    ids = re.findall(r'<dt id="(term-[^"]+)"', page)
    assert sorted(ids) == sorted(english_ids)  # links from other pages work in every edition
    assert 'id="term-npm"' in page and 'id="term-cat"' in page
    table = entries(kb)
    keys = [sort_key(t) for t in table["term"]]
    assert keys == sorted(keys)  # the language's order, accents ignored
    upr = table[table["ident"] == "term-upr"].iloc[0]
    assert f'<dt id="term-upr"><strong>{upr["term"]}</strong>' in page.replace("&#x27;", "'")
    assert '<span lang="en">UPR, Universal Periodic Review</span>' in page
    assert ("(anglais : " if lang == "fr" else "(inglés: ") in page
    links = acronym_links(kb, lang)
    assert set(links.values()) <= set(english_ids) and links.get(upr["term"], "term-upr") == "term-upr"


def test_how_its_done_marks_the_quotation_language_and_cites_the_official_version(edition):
    lang, kb, source = edition
    shown = []
    ex.show_html = shown.append
    try:
        for module in sorted(set(kb["excerpts"]["module"])):
            ex.how_its_done(module, kb)
    finally:
        from course.widgets.common import show_html
        ex.show_html = show_html
    markup = "".join(shown)
    no_english(markup, kb)
    rows = kb["excerpts"]
    for e in rows.to_dict("records"):
        if e["quote_lang"] != lang:
            assert '<blockquote lang="en">' in markup
        if e["quote_source_id"]:
            assert html.escape(kb.sources(e["quote_source_id"]).iloc[0]["url"]) in markup
    assert ("Ce que fait le passage" if lang == "fr" else "Qué hace el pasaje") in markup


def test_practice_pages_speak_the_language(edition, monkeypatch):
    lang, kb, _ = edition
    from course import practice

    out = []
    monkeypatch.setattr(practice, "_show", lambda markdown=None, html_text=None: out.append((markdown or "") +
                                                                                          (html_text or "")))
    monkeypatch.setenv("COURSE_STATIC_BOOK", "1")
    task = kb["tasks"]["id"].iloc[0]
    practice.your_turn(task, kb)
    practice.model_answer(task, kb)
    practice.case_file(kb)
    text = "\n".join(out)
    no_english(text, kb)
    assert ("**Fiction.**" if lang == "fr" else "**Ficción.**") in text
    first = kb["case_findings"].sort_values("date")["date"].iloc[0]
    assert i18n.day(first, lang) in text


def test_templates_are_written_per_edition_under_the_same_names(edition, tmp_path, monkeypatch):
    lang, kb, source = edition
    from docx import Document
    from openpyxl import load_workbook

    monkeypatch.setattr(templates, "load", lambda lang=None: kb)
    monkeypatch.setattr(templates, "module_minutes", lambda module_id, lang=None: 42)
    english = templates.prepare(tmp_path / "en", "en")
    written = templates.prepare(tmp_path / lang, lang)
    assert [p.relative_to(tmp_path / lang) for p in written] == [p.relative_to(tmp_path / "en") for p in english]
    for path in written:
        if path.suffix == ".docx":
            text = "\n".join(p.text for p in Document(str(path)).paragraphs)
        elif path.suffix == ".xlsx":
            text = "\n".join(str(c) for ws in load_workbook(path) for row in ws.iter_rows(values_only=True)
                             for c in row if c)
        else:
            text = path.read_text(encoding="utf-8")
        assert not english_left(text.replace("Word", "").replace("PDF", "")), (path.name, english_left(text)[:3])
    upr = "\n".join(p.text for p in Document(str(tmp_path / lang / "templates" / "upr-stakeholder-submission.docx"))
                    .paragraphs)
    assert ("2\u202f815 mots" if lang == "fr" else "2815 palabras") in upr  # numbers as the language writes them
    assert (tmp_path / lang / "module_times.md").read_text(encoding="utf-8").startswith(
        "| Étape | Module |" if lang == "fr" else "| Paso | Módulo |")


def test_the_planner_rules_carry_every_sentence_in_the_language(edition):
    lang, kb, _ = edition
    rules = planner.rules(kb, lang)
    assert rules["lang"] == lang and i18n.language() == lang
    ui = {k: v for k, v in rules["ui"].items() if isinstance(v, str)}
    assert set(planner.TEXT.strings) | set(planner.UI.strings) <= set(ui)
    left = english_left(" ".join(v for k, v in ui.items() if k != "theme_unknown"))
    assert not left, left
    assert rules["ui"]["months"] == i18n.MONTHS[lang] and rules["ui"]["decimal"] == ","
    json.dumps(rules)  # the build writes it as JSON


def test_the_book_planner_makes_the_same_plans_in_the_language(edition):
    """js/planner.js, given rules(lang), writes the same reasons, first steps and dates as the Python planner."""
    from course.tools import tool

    lang, kb, _ = edition
    rules = planner.rules(kb, lang)
    cases = []
    for profile in planner.EXAMPLES.values():
        for today in (dt.date(2026, 9, 1), dt.date(2027, 2, 1)):
            cases.append((profile, today))
    payload = {"rules": rules, "cases": [{"profile": {"region": p.region, "systems": list(p.systems), "nhri": p.nhri,
                                                      "grade": p.nhri_grade, "themes": list(p.themes),
                                                      "staff_days": p.staff_days, "dates": p.dates},
                                          "today": t.isoformat()} for p, t in cases]}
    script = ("const planner = require(process.argv[1]);"
              "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(input.cases.map(c => ({plan: planner.makePlan(input.rules, "
              "c.profile, c.today), ics: planner.toIcs(planner.makePlan(input.rules, c.profile, c.today), c.today, "
              "input.rules), csv: planner.toCsv(planner.makePlan(input.rules, c.profile, c.today), input.rules), "
              "problems: planner.check(input.rules, {region: '', systems: [], themes: [], "
              "staff_days: '0', dates: {}})}))));")
    result = subprocess.run([tool("node"), "-e", script, str(ROOT / "js" / "planner.js")], capture_output=True,
                            text=True, input=json.dumps(payload), timeout=60)
    assert result.returncode == 0, result.stderr
    compared = ["opportunity_id", "rank", "in_plan", "date_basis", "body", "cycle", "stage", "opportunity",
                "who_may", "reason", "first_steps"]
    for (profile, today), js in zip(cases, json.loads(result.stdout)):
        python = planner.make_plan(profile, today=today, kb=kb)
        assert [{k: r[k] for k in compared} for r in js["plan"]["items"]] == \
            python.items[compared].to_dict("records")
        assert all(not english_left(r["reason"] + " " + r["first_steps"], allowed(kb)) for r in js["plan"]["items"])
        assert not english_left(" ".join(js["problems"]))
        assert ("Plan d'engagement du MNP" if lang == "fr" else "Plan de participación del MNP") in js["ics"]
        assert js["csv"].splitlines()[0] == python.to_csv().splitlines()[0]  # headings in the language
        assert js["csv"].splitlines()[0].startswith("Rang,Dans le plan" if lang == "fr" else "Puesto,En el plan")
        if len(python.items):
            assert js["csv"].splitlines()[1].split(",")[1] == python.to_csv().splitlines()[1].split(",")[1]


def test_a_catalogue_without_a_language_fails_naming_the_string():
    with pytest.raises(i18n.TranslationMissing, match="'close' has no Español"):
        i18n.Text("here", {"close": {"en": "Close", "fr": "Fermer"}})
    with pytest.raises(i18n.TranslationMissing, match="'court' has no Français"):
        Labels("here", {"court": {"en": "court", "es": "tribunal"}})


def test_english_pages_are_unchanged_by_the_catalogues(kb):
    """The English edition reads as before: a few strings that were English literals."""
    assert views.staff_days(2) == "2 staff days" and views.staff_days(1) == "1 staff day"
    assert offset_words(-3, "months", "review") == "3 months before the review"
    assert offset_words(0, "days", "review") == "at the review"
    assert views.label("region", "americas") == "the Americas" and WHO_LABELS["any_npm"] == "any NPM"


def test_the_check_finds_english(kb):
    """The English edition is full of English: the check would notice a string left untranslated."""
    assert english_left(views.body_card(kb, "cat"))
    assert not english_left('<p>Le comité <span lang="en">and the others</span> décide.</p>')
    assert english_left('<p aria-label="Search this table">Rien</p>')


def test_the_one_line_calls_of_the_pages_show_no_english(edition, monkeypatch):
    """What a notebook cell shows in the book: the widgets with their searchable tables and captions, the cycle in
    words, the reasons to engage, the sources and the page furniture."""
    from course import pages
    from course.widgets import common

    lang, kb, _ = edition
    shown: list[str] = []
    monkeypatch.setenv("COURSE_STATIC_BOOK", "1")
    for module in (common, explorers, court_access, landscape, network_finder, nhri_comparison, planner_widget,
                   regional_comparison, visit_checklist, source_widget):
        if hasattr(module, "show_html"):
            monkeypatch.setattr(module, "show_html", shown.append)
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda *objects: shown.extend(
        getattr(o, "data", "") or "" for o in objects))
    explorers.body_explorer(module="treaty_bodies", kb=kb)
    explorers.cycle_explorer("upr", kb=kb)
    court_access.court_access(kb=kb)
    landscape.landscape_explorer(kb=kb)
    landscape.reasons(kb=kb)
    landscape.sources(kb=kb)
    network_finder.network_finder(kb=kb)
    nhri_comparison.nhri_comparison(kb=kb)
    regional_comparison.regional_comparison(kb=kb)
    visit_checklist.visit_checklist(kb=kb)
    planner_widget.engagement_planner(kb=kb)
    planner_widget.worked_examples(kb=kb)
    planner_widget.sources(kb=kb)
    pages.covers("treaty_bodies", kb=kb)
    pages.covers("orientation", kb=kb)
    pages.sources("treaty_bodies", kb=kb)
    assert len(shown) > 20
    for markup in shown:
        no_english(markup, kb)
