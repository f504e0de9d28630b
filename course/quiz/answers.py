"""How a typed answer is read, compared and sealed.

A learner's answer is a letter, a word, a number or a list. `canonical` turns it into one string so that
"B", " b " and 'b' count the same. The release notebook must not reveal the answer, the hint or the
explanation before the learner answers, so each question carries a sealed blob: salted hashes of the
accepted answers, the hint lightly encoded (readable by running the check, not by reading the notebook),
and the explanation encrypted with a key derived from each accepted answer, so that only a right answer
opens it. This is a guard against reading ahead, not against a determined attacker: a multiple-choice
question has few possible answers, and a learner can try them all in the check cell anyway.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import unicodedata

KINDS = {
    "letter": 'one letter between quotes, like this (with your letter in place of z): answer = "z"',
    "word": 'one word or short phrase between quotes, like this: answer = "your words"',
    "number": "a number without quotes, like this (with your number in place of 1234): answer = 1234",
    "letters": 'a list of letters in square brackets, each between quotes and separated by commas, '
               'like this (with your letters in place of z, y, x): answer = ["z", "y", "x"]',
}


class AnswerFormatError(ValueError):
    """The answer is not written the way the question asks; the message says how to write it."""


def _text(value: str) -> str:
    value = unicodedata.normalize("NFKC", value).casefold().strip()
    value = re.sub(r"[\s\-_]+", " ", value)
    return value.strip(" .\"'")


def canonical(kind: str, value) -> str:
    """The answer as one comparable string; AnswerFormatError says how to write it if it is malformed."""
    how = f"Write your answer as {KINDS[kind]}."
    if value is ... or value is None:
        raise AnswerFormatError(f"You have not answered yet: replace the three dots with your answer. {how}")
    if kind == "letter":
        if not isinstance(value, str) or not re.fullmatch(r"[a-z]", _text(value)):
            raise AnswerFormatError(f"{value!r} is not a single letter. {how}")
        return _text(value)
    if kind == "word":
        if not isinstance(value, str) or not _text(value):
            raise AnswerFormatError(f"{value!r} is not a word between quotes. {how}")
        return _text(value)
    if kind == "number":
        if isinstance(value, str):
            try:
                value = float(value.replace(",", ".").strip())
            except ValueError:
                raise AnswerFormatError(f"{value!r} is not a number. {how}") from None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise AnswerFormatError(f"{value!r} is not a number. {how}")
        return f"{float(value):g}"
    if kind == "letters":
        if isinstance(value, str):
            raise AnswerFormatError(f"{value!r} is one piece of text, not a list. {how}")
        if not isinstance(value, (list, tuple)) or not value:
            raise AnswerFormatError(f"{value!r} is not a list. {how}")
        items = [canonical("letter", item) for item in value]
        return ",".join(items)
    raise ValueError(f"unknown answer kind {kind!r}")


def _digest(*parts: str) -> bytes:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()


def _xor(data: bytes, key: bytes) -> bytes:
    stream = b"".join(_digest(key.hex(), str(i)) for i in range(len(data) // 32 + 1))
    return bytes(a ^ b for a, b in zip(data, stream))


def seal(question_id: str, kind: str, accepted: list, hint: str, explanation: str) -> str:
    """The blob a release notebook carries for one question."""
    salt = base64.b64encode(os.urandom(12)).decode()
    keys = [canonical(kind, a) for a in accepted]
    doors = [base64.b64encode(_xor(explanation.encode(), _digest("open", salt, question_id, k))).decode() for k in keys]
    blob = {"q": question_id, "k": kind, "s": salt,
            "h": [_digest("hash", salt, question_id, k).hex() for k in keys],
            "e": doors,
            "t": base64.b64encode(_xor(hint.encode(), _digest("hint", salt, question_id))).decode()}
    return base64.b64encode(json.dumps(blob, separators=(",", ":")).encode()).decode()


def open_seal(blob: str, value) -> tuple[bool, str]:
    """(right, text): the explanation when the answer is right, the hint when it is wrong."""
    data = json.loads(base64.b64decode(blob))
    key = canonical(data["k"], value)
    digest = _digest("hash", data["s"], data["q"], key).hex()
    if digest in data["h"]:
        door = data["e"][data["h"].index(digest)]
        return True, _xor(base64.b64decode(door), _digest("open", data["s"], data["q"], key)).decode()
    return False, _xor(base64.b64decode(data["t"]), _digest("hint", data["s"], data["q"])).decode()


def blob_kind(blob: str) -> str:
    return json.loads(base64.b64decode(blob))["k"]
