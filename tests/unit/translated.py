"""Knowledge bases in French and Spanish for the unit tests of what learners read, and a check that a page has
no English left in it.

data/fr and data/es are written by hand. Until they are complete (and in a checkout where they are not yet
present), the tests use stand-ins: a private copy of data/ with data/LANG/*.csv generated here, every text
column filled with an obviously French or Spanish stand-in (« Texte FR … »). Once the real tables load, the same
tests run on them too."""
from __future__ import annotations

import csv
import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from course import i18n
from course.kb import load
from course.paths import DATA_DIR

WORD = {"fr": "Texte", "es": "Texto"}
ACCENTED = ["É", "E", "é", "Z", "a", "Á"]  # so that the glossary's order has accents to ignore


def stand_in(lang: str, column: str, row_id: str, english: str, index: int, delimiter: str | None = None) -> str:
    if not english.strip():
        return ""
    if delimiter:
        return delimiter.join(f"« {WORD[lang]} {lang.upper()} {column} {row_id} {i} »"
                              for i, _ in enumerate(english.split(delimiter)))
    if column == "acronym":
        return f"{english}-{lang.upper()}"
    if column == "term":
        return f"{ACCENTED[index % len(ACCENTED)]}{row_id}-{lang.upper()}"
    return f"« {WORD[lang]} {lang.upper()} {column} {row_id} »"


def write_stand_ins(data: Path, lang: str) -> None:
    """data/LANG/T.csv for every table of data/ that has text columns, every cell a stand-in."""
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    (data / lang).mkdir(exist_ok=True)
    for resource in descriptor["resources"]:
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        with open(data / resource["path"], encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        columns = [c[:-3] for c in fields if c.endswith("_en")]
        if not columns:
            continue
        extra = ["quote_lang", "quote_source_id"] if resource["name"] == "excerpts" else []
        out = []
        for index, row in enumerate(rows):
            new = {"id": row["id"]}
            for c in columns:
                new[f"{c}_{lang}"] = stand_in(lang, c, row["id"], row[f"{c}_en"], index,
                                              fields[f"{c}_en"].get("delimiter") if fields[f"{c}_en"].get("type") == "list"
                                              else None)
            if extra:  # every other passage in its official version, the others in the English original
                official = index % 2 == 0
                new["quote_lang"] = lang if official else "en"
                new["quote_source_id"] = row["source_id"] if official else ""
                if not official:
                    new[f"quote_{lang}"] = row["quote_en"]
            out.append(new)
        with open(data / lang / resource["path"], "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=["id", *[f"{c}_{lang}" for c in columns], *extra])
            writer.writeheader()
            writer.writerows(out)


def stand_in_data(folder: Path) -> Path:
    """A copy of data/ in folder with stand-in French and Spanish tables."""
    data = folder / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("fr", "es"))
    for lang in ("fr", "es"):
        write_stand_ins(data, lang)
    return data


def real_translations(lang: str):
    """The course's own tables in LANG, or None while they are missing or incomplete."""
    try:
        return load(lang=lang)
    except i18n.TranslationMissing:
        return None


# --- is any English left? --------------------------------------------------------------------------------------
ENGLISH = re.compile(r"(?<![\w-])(the|and|of|with|you|your|this|for|is|are|to)(?![\w-])")
VOID = {"br", "img", "input", "meta", "link", "hr", "col", "source", "wbr", "area", "base", "embed", "param",
        "track", "rect", "circle", "line", "path"}


class _Text(HTMLParser):
    """The text of a page, leaving out every element marked lang="en" (and scripts and styles)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is it (or an ancestor) left out?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        out = (self.stack[-1] if self.stack else False) or attrs.get("lang") == "en" or tag in ("script", "style")
        for name in ("aria-label", "alt", "title", "placeholder", "data-label"):
            if attrs.get(name) and not out:
                self.parts.append(" " + attrs[name] + " ")
        if tag not in VOID:
            self.stack.append(out)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    return html.unescape(" ".join(parser.parts))


def english_left(markup: str, allowed=()) -> list[str]:
    """The English function words left in the page's text outside lang="en" elements, with some context
    (URLs and the allowed names, e.g. publishers, taken out first)."""
    text = re.sub(r"https?://\S+", " ", visible_text(markup))
    for name in sorted(allowed, key=len, reverse=True):
        if name:
            text = text.replace(name, " ")
    return [text[max(0, m.start() - 40): m.end() + 40] for m in ENGLISH.finditer(text)]
