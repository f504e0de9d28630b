"""The course's three languages: which one is in use, the interface strings in each, and dates and numbers
written as each language writes them.

A French or Spanish notebook starts with `course.i18n.use("fr")`; everything it shows afterwards (widgets,
tables from data/, messages) is in that language. The class commands take `--lang`. Nothing falls back to
English in silence: a string or a data cell without its translation raises TranslationMissing, naming the
place to fix.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import string

from .errors import UserError

LANGUAGES = ("en", "fr", "es")
NAMES = {"en": "English", "fr": "Français", "es": "Español"}  # each in its own language, for the switch
_current = os.environ.get("COURSE_LANG", "en")


class TranslationMissing(UserError):
    """A string or a data cell has no version in a language the course is built in."""


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise UserError(f"Unknown language {lang!r}: the course is written in {', '.join(LANGUAGES)}.")
    return lang


def use(lang: str) -> None:
    """Show everything from now on in LANG (en, fr or es)."""
    global _current
    _current = check_language(lang)


def language() -> str:
    return _current


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class Text:
    """The interface strings of one part of the course, in every language:

        TEXT = Text(__name__, {"close": {"en": "Close", "fr": "Fermer", "es": "Cerrar"}})
        TEXT("close")              # in the language in use
        TEXT("done", n=3)          # "{n} done": placeholders are filled with str.format

    A missing language or a placeholder that differs between languages fails at import, naming the place."""

    def __init__(self, place: str, strings: dict[str, dict[str, str]]):
        for key, versions in strings.items():
            for lang in LANGUAGES:
                if not versions.get(lang):
                    raise TranslationMissing(f"{place}: the string {key!r} has no {NAMES[lang]} ({lang}) version")
            if len({frozenset(_fields(versions[lang])) for lang in LANGUAGES}) != 1:
                raise TranslationMissing(f"{place}: the string {key!r} has different placeholders in "
                                         f"different languages: {', '.join(repr(versions[x]) for x in LANGUAGES)}")
        self.place = place
        self.strings = strings

    def __call__(self, key: str, lang: str | None = None, **values) -> str:
        text = self.strings[key][lang or _current]
        return text.format(**values) if values else text

    def __contains__(self, key: str) -> bool:
        return key in self.strings


# --- dates and numbers ----------------------------------------------------------------------------------
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
}


def day(date: dt.date, lang: str | None = None) -> str:
    """A date in words: 28 July 2020, 28 juillet 2020 (1er for the first), 28 de julio de 2020."""
    lang = lang or _current
    month = MONTHS[lang][date.month - 1]
    if lang == "fr":
        return f"{'1er' if date.day == 1 else date.day} {month} {date.year}"
    if lang == "es":
        return f"{date.day} de {month} de {date.year}"
    return f"{date.day} {month} {date.year}"


def month(date: dt.date, lang: str | None = None) -> str:
    """A month in words: July 2020, juillet 2020, julio de 2020."""
    lang = lang or _current
    name = MONTHS[lang][date.month - 1]
    return f"{name} de {date.year}" if lang == "es" else f"{name} {date.year}"


NARROW_NBSP = "\u202f"


def number(value: float | int, decimals: int | None = None, lang: str | None = None) -> str:
    """A number as the language writes it: 1,234.5 / 1 234,5 (narrow no-break space) / 1234,5 and 12.345,5
    (Spanish groups thousands from five digits on)."""
    lang = lang or _current
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"  # 1,234.5
    whole, _, fraction = text.partition(".")
    if lang == "en":
        return text
    if lang == "fr":
        whole = whole.replace(",", NARROW_NBSP)
    else:
        whole = whole.replace(",", ".") if len(whole.replace(",", "")) > 4 else whole.replace(",", "")
    return whole + ("," + fraction if fraction else "")


def parse_number(text: str) -> float:
    """A number as a learner types it in any of the languages: 1.5, 1,5, 1 234 or 1 234,5."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text.strip())
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)
