"""How a typed answer is read, compared and sealed: the one format shared with the book's checker.

A learner types only what the question asks (`answer = b`, `b, d`, `4,5`, `Private briefing`), in any case,
with or without quotes or brackets. `read(kind, text)` turns that text into one canonical string, or raises
AnswerFormatError saying how it was read and how to write it. The question's kind comes from the spec (and
the answer cell's metadata), never from the learner.

A quiz shown to a learner (notebook or book page) must not reveal the answer, hint, explanation or the "why
not" of each option before the learner answers. Each question therefore carries a sealed blob: salted hashes
of the accepted answers, the explanation encrypted with a key derived from each accepted answer, each option's
"why not" encrypted with a key derived from that option, and the hint lightly encoded (readable by running
the check, not by reading the page). The salt is derived from the question itself, so the same spec gives
byte-identical blobs at every generation. js/quiz/quiz-seal.js implements the same reading and opening, and
tests/quiz_vectors.json holds the vectors both must pass. The threat model is a learner reading the page
source, not one who tries every option.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata

from .strings import TEXT

# What each kind of question asks the learner to type, in words a non-programmer can follow (English; the
# other languages: how_to(kind, lang)).
KIND_NAMES = ("letter", "letters", "order", "number", "word")
KINDS = {kind: TEXT(f"kind.{kind}", "en") for kind in KIND_NAMES}


def how_to(kind: str, lang: str = "en") -> str:
    return TEXT(f"kind.{kind}", lang)
FORMAT = 2  # the sealed format's version (js/quiz/quiz-seal.js checks it)


class AnswerFormatError(ValueError):
    """The answer is blank or not written the way the question asks; the message says how to write it."""

    def __init__(self, message: str, blank: bool = False):
        super().__init__(message)
        self.blank = blank


_QUOTES = "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb"
_BRACKETS = "()[]{}<>"
_ANSWER = re.compile(r"(?:^|[\s;])answer\s*[=:](?![=])\s*(.*)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"(?:[\s,;/+&>|\-]|\band\b|\bet\b|\by\b)+", re.IGNORECASE)


def _fold(text: str) -> str:
    """Lower case, accents and spacing removed: 'Sous-Comité ' and 'sous comite' read the same."""
    text = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[\u0300-\u036f]", "", text)


def typed_value(text: str, lang: str = "en") -> str:
    """What the learner typed after the last `answer =`, without the comment after a #. A cell without
    `answer =` is read whole if it has one line."""
    lines = []
    for line in unicodedata.normalize("NFKC", str(text)).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    marked = [m for m in (_ANSWER.search(line) for line in lines) if m]
    if marked:
        return marked[-1].group(1).strip()
    if len(lines) > 1:
        raise AnswerFormatError(TEXT("read.lines", lang))
    return lines[0] if lines else ""


def _strip(value: str) -> str:
    for ch in _QUOTES + _BRACKETS:
        value = value.replace(ch, " ")
    return value.strip()


def _number(value: float) -> str:
    if value == 0:
        value = 0.0  # no "-0"
    return f"{value:.6f}".rstrip("0").rstrip(".")


def read(kind: str, text, lang: str = "en") -> str:
    """The canonical form of what was typed (a cell's source or just the answer), or AnswerFormatError, whose
    message is in LANG."""
    if kind not in KINDS:
        raise ValueError(f"unknown answer kind {kind!r}")
    how = TEXT("read.how", lang, how=how_to(kind, lang))
    raw = typed_value(text, lang)
    value = _strip(raw)
    if value in ("", "...", "\u2026") or value.strip(". \u2026") == "":
        raise AnswerFormatError(TEXT("read.blank", lang, how=how_to(kind, lang)), blank=True)
    if kind == "letter":
        letter = _fold(value).strip(" .)")
        if not re.fullmatch(r"[a-z]", letter):
            raise AnswerFormatError(TEXT("read.not_letter", lang, raw=raw, how=how))
        return letter
    if kind in ("letters", "order"):
        items = [t for t in _SEPARATORS.split(_fold(value).replace(".", " ")) if t]
        if len(items) == 1 and re.fullmatch(r"[a-z]{2,}", items[0]):
            items = list(items[0])  # "bd" for "b, d"
        bad = [t for t in items if not re.fullmatch(r"[a-z]", t)] or ([] if items else [raw])
        if bad:
            raise AnswerFormatError(TEXT("read.bad_letter", lang, raw=raw, bad=bad[0], how=how))
        if len(set(items)) != len(items):
            raise AnswerFormatError(TEXT("read.twice", lang, raw=raw, how=how))
        return ",".join(sorted(items) if kind == "letters" else items)
    if kind == "number":
        numbers = re.findall(r"[-+]?[0-9]+(?:[.,][0-9]+)?", re.sub(r"[\s\u00a0\u202f]", "", value))
        if len(numbers) != 1:
            raise AnswerFormatError(TEXT("read.not_number", lang, raw=raw, how=how))
        number = float(numbers[0].replace(",", "."))
        if abs(number) >= 1e15:
            raise AnswerFormatError(TEXT("read.too_large", lang, raw=raw, how=how))
        return _number(number)
    words = re.sub(r"[\s\-_]+", " ", _fold(value)).strip(" .,;:!?")
    if not words:
        raise AnswerFormatError(TEXT("read.no_words", lang, raw=raw, how=how))
    return words


def canonical(kind: str, value) -> str:
    """The canonical form of an answer written in a spec (a letter, a list, a number or text)."""
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, float):
        value = _number(value)
    return read(kind, str(value))


def show_number(key: str, lang: str = "en") -> str:
    """A canonical number (2.75) as LANG writes it (2,75)."""
    return key.replace(".", ",") if lang != "en" else key


def describe(kind: str, key: str, lang: str = "en") -> str:
    """How the answer was read, in words: 'You chose b and d.'"""
    items = key.split(",")
    if kind == "letter":
        return TEXT("said.letter", lang, answer=key)
    if kind == "letters":
        return (TEXT("said.letter", lang, answer=items[0]) if len(items) == 1
                else TEXT("said.letters", lang, first=", ".join(items[:-1]), last=items[-1]))
    if kind == "order":
        return TEXT("said.order", lang, answer=", ".join(items))
    if kind == "number":
        return TEXT("said.number", lang, answer=show_number(key, lang))
    return TEXT("said.word", lang, answer=key)


# --- sealing ------------------------------------------------------------------------------------------------
def _digest(*parts: str) -> bytes:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()


def _xor(data: bytes, key: bytes) -> bytes:
    stream = b"".join(_digest(key.hex(), str(i)) for i in range(len(data) // 32 + 1))
    return bytes(a ^ b for a, b in zip(data, stream))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _lock(text: str, key: bytes, width: int = 0) -> str:
    data = text.encode("utf-8")
    return _b64(_xor(data + b"\x00" * max(0, width - len(data)), key))


def _unlock(sealed: str, key: bytes) -> str:
    return _xor(base64.b64decode(sealed), key).rstrip(b"\x00").decode("utf-8")


def seal(question_id: str, kind: str, accepted: list, hint: str, explanation: str,
         why_not: dict | None = None, options: list[str] | None = None) -> str:
    """The blob a learner's copy carries for one question. Deterministic: the same question, the same blob.

    options: the letters offered (choice questions); each gets an entry sealed with its own key, padded to
    one length, so that neither the entries present nor their lengths point at the right answer."""
    keys = list(dict.fromkeys(canonical(kind, a) for a in accepted))
    salt = _digest("salt", question_id, kind, "\x1e".join(keys), hint, explanation,
                   json.dumps(why_not or {}, sort_keys=True)).hex()[:24]
    blob = {"v": FORMAT, "q": question_id, "k": kind, "s": salt,
            "h": [_digest("hash", salt, question_id, k).hex() for k in keys],
            "e": [_lock(explanation, _digest("open", salt, question_id, k)) for k in keys],
            "t": _lock(hint, _digest("hint", salt, question_id))}
    if options:
        why_not = {str(k): v for k, v in (why_not or {}).items()}
        width = max([len(str(v).encode("utf-8")) for v in why_not.values()] + [0])
        blob["w"] = [_lock(why_not.get(letter, ""), _digest("why", salt, question_id, letter), width)
                     for letter in options]
        blob["o"] = list(options)
    return _b64(json.dumps(blob, separators=(",", ":"), ensure_ascii=True).encode("ascii"))


def unseal(blob: str) -> dict:
    return json.loads(base64.b64decode(blob))


def open_seal(blob: str, key: str) -> dict:
    """What a learner may see for a canonical answer: right or not, and the explanation (right) or the hint
    and the "why not" of each chosen option that has one (wrong)."""
    data = unseal(blob)
    salt, q = data["s"], data["q"]
    digest = _digest("hash", salt, q, key).hex()
    if digest in data["h"]:
        door = data["e"][data["h"].index(digest)]
        return {"right": True, "text": _unlock(door, _digest("open", salt, q, key)), "why": []}
    why = []
    chosen = key.split(",") if data["k"] in ("letter", "letters") else []
    for letter in chosen:
        if letter in data.get("o", []):
            text = _unlock(data["w"][data["o"].index(letter)], _digest("why", salt, q, letter))
            if text:
                why.append([letter, text])
    return {"right": False, "text": _unlock(data["t"], _digest("hint", salt, q)), "why": why}
