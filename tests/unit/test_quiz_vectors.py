"""One sealed format, two checkers: the notebook's (Python) and the book's (JavaScript) pass the same vectors."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from course.quiz.answers import AnswerFormatError, open_seal, read, seal

VECTORS = Path(__file__).resolve().parents[1] / "quiz_vectors.json"
DATA = json.loads(VECTORS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("vector", DATA["read"], ids=lambda v: f"{v['kind']}:{v['typed']!r}")
def test_python_reads_as_the_vectors_say(vector):
    if "key" in vector:
        assert read(vector["kind"], vector["typed"]) == vector["key"]
    else:
        with pytest.raises(AnswerFormatError) as caught:
            read(vector["kind"], vector["typed"])
        assert str(caught.value) == vector["error"] and caught.value.blank == vector["blank"]


@pytest.mark.parametrize("vector", DATA["seal"], ids=lambda v: v["args"]["question_id"])
def test_python_seals_byte_for_byte_and_opens_as_the_vectors_say(vector):
    assert seal(**vector["args"]) == vector["blob"]  # the same question gives the same blob, every time
    for attempt in vector["opens"]:
        assert open_seal(vector["blob"], attempt["key"]) == attempt["result"]


def test_javascript_reads_and_opens_as_the_vectors_say():
    from course.publish.build import JS_DIR, node_modules
    from course.tools import tool

    node_modules()  # js-sha256 from the lock file
    result = subprocess.run([tool("node"), str(JS_DIR / "quiz" / "test-vectors.js"), str(VECTORS)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"ok {len(DATA['read'])} readings, {len(DATA['seal'])} seals" in result.stdout
