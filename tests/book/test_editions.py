"""The French and Spanish editions: page for page the English book, each in its language (html lang, search
stemmer, every visible string), each page linking to itself in the other editions."""
from __future__ import annotations

import json
import posixpath
import re

import pytest
import snowballstemmer

from course.i18n import LANGUAGES
from dev.english import english_stretches
from dev.toc import toc_pages

OTHERS = [lang for lang in LANGUAGES if lang != "en"]
STEMMERS = {"fr": "french", "es": "spanish"}


def edition(book_html, lang):
    return book_html if lang == "en" else book_html / lang


def read(book_html, lang, page) -> str:
    return (edition(book_html, lang) / f"{page}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_exists_in_every_edition_in_its_language(book_html, lang):
    for page in toc_pages():
        html = read(book_html, lang, page)
        assert re.search(rf'<html[^>]* lang="{lang}"', html), f"{lang}/{page}: html lang is not {lang}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_language_switch_links_each_page_to_its_counterparts(book_html, lang):
    for page in toc_pages() + ["search", "genindex"]:
        html = read(book_html, lang, page)
        switch = re.search(r'<nav class="course-languages"[^>]*>(.*?)</nav>', html, re.S)
        assert switch, f"{lang}/{page}: no language switch"
        links = dict((target, href) for href, target in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', switch[1]))
        assert set(links) == set(LANGUAGES) - {lang}, f"{lang}/{page}: {links}"
        assert f'aria-current="page" lang="{lang}"' in switch[1]
        here = posixpath.dirname(f"{'' if lang == 'en' else lang + '/'}{page}.html")
        for target, href in links.items():
            landed = posixpath.normpath(posixpath.join(here, href))
            expected = f"{page}.html" if target == "en" else f"{target}/{page}.html"
            assert landed == expected, f"{lang}/{page}: the {target} link lands on {landed}"
            assert (book_html / landed).exists()


@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_is_left_in_the_french_and_spanish_pages(book_html, lang):
    """Every page of the edition, its navigation, header and footer included; quotations in their original
    English and English names are marked lang="en" and left out."""
    found = []
    for path in sorted(edition(book_html, lang).rglob("*.html")):
        if "_static" in path.parts:
            continue
        stretches = english_stretches(path.read_text(encoding="utf-8"), lang)
        found += [f"{path.relative_to(book_html)}: {s}" for s in stretches]
    assert not found, f"{len(found)} stretches of English, the first ones:\n" + "\n".join(found[:40])


@pytest.mark.parametrize("lang", OTHERS)
def test_each_edition_has_its_own_search_index_with_its_stemmer(book_html, lang):
    text = (edition(book_html, lang) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1: text.rindex(")")])
    stem = snowballstemmer.stemmer(STEMMERS[lang]).stemWord
    terms = index["terms"]
    word = {"fr": "recommandations", "es": "recomendaciones"}[lang]
    assert stem(word) in terms and word not in terms, f"{word} is not stemmed the {STEMMERS[lang]} way"
    language_data = (edition(book_html, lang) / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert f"{STEMMERS[lang].capitalize()}Stemmer" in language_data


@pytest.mark.parametrize("lang", OTHERS)
def test_no_edition_shows_another_languages_outputs(book_html, lang):
    """Each edition runs its own notebooks with its own cache: the widgets of a French module page are French."""
    english = read(book_html, "en", "modules/treaty_bodies")
    other = read(book_html, lang, "modules/treaty_bodies")
    assert "Bodies covered:" in english and "Bodies covered:" not in other
    assert (book_html.parent / "editions" / lang / "_build" / ".jupyter_cache").is_dir()


@pytest.mark.parametrize("lang", OTHERS)
def test_each_edition_has_its_learner_kit_and_the_site_archive(book_html, lang):
    import zipfile

    kit = zipfile.ZipFile(edition(book_html, lang) / "downloads" / "npm-course-learner-kit.zip")
    names = set(kit.namelist())
    assert "npm-course/modules/treaty_bodies.ipynb" in names
    assert any(name.startswith(f"npm-course/quizzes/release/treaty_bodies_{lang}/") for name in names)
    assert not any(re.match(r"npm-course/quizzes/release/treaty_bodies/", name) for name in names)
    module = json.loads(kit.read("npm-course/modules/treaty_bodies.ipynb"))
    assert f'course.i18n.use("{lang}")' in "".join(c["source"] if isinstance(c["source"], str) else "".join(c["source"])
                                                  for c in module["cells"])
    site = zipfile.ZipFile(book_html / "downloads" / "npm-course-site.zip")
    assert f"npm-course-site/{lang}/index.html" in site.namelist()
    page = read(book_html, lang, "modules/upr")
    assert 'href="../../downloads/npm-course-site.zip"' in page
