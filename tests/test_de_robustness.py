"""Bad inputs never crash or hang the extractor."""

from __future__ import annotations

import random
import time

import pytest

from saidwhat.errors import InputError
from saidwhat.model import Article, Kind
from saidwhat.pipeline import extract
from test_de_helpers import ANCHOR, ANCHOR_QUOTE, check


def extract_after_anchor(text: str) -> Article:
    """``text`` after the anchor paragraph, whose statement must come out whole:
    odd input must not cost the statements before it (and a test of odd input
    fails when nothing is extracted at all)."""
    art = extract(ANCHOR + "\n\n" + text)
    check(art, "unserem Plan", kind=Kind.DIRECT, quote=ANCHOR_QUOTE, entity="Maria Keller")
    return art


@pytest.mark.parametrize(
    "text", ["", "   \n\n ", "„", "„“", '"""""', "«»«»", "...", "\x00\x01", "ü" * 50, "„Hallo", "sagte er,"]
)
def test_odd_inputs(text: str) -> None:
    for art in (extract(text), extract_after_anchor(text)):
        for st in art.statements:
            for sp in st.quote:
                assert 0 <= sp.begin <= sp.end <= len(art.text)


# Hang guards only, in process CPU seconds (a loaded CI machine does not
# trip them); how fast such inputs run is measured in bench/pathological.py
# and bench/long_sentences.py.
HANG_GUARD_CPU_SECONDS = 20


def test_garbage_finishes() -> None:
    rng = random.Random(7)
    alphabet = 'abcdefgh „“"»«,.:;!?\n sagte er sei laut zufolge'
    text = "".join(rng.choice(alphabet) for _ in range(50_000))
    t0 = time.process_time()
    extract_after_anchor(text)
    assert time.process_time() - t0 < HANG_GUARD_CPU_SECONDS


def test_many_unbalanced_marks_finish() -> None:
    text = ("„Er sagte, es sei gut, so X. " * 2000) + "\n\n" + ('"' * 3000)
    t0 = time.process_time()
    extract_after_anchor(text)
    assert time.process_time() - t0 < HANG_GUARD_CPU_SECONDS


def test_too_long_is_refused() -> None:
    with pytest.raises(InputError):
        extract("a" * 5_000_000)


def test_wrong_types_and_languages() -> None:
    with pytest.raises(InputError):
        extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        extract("Text", lang="xx")
    with pytest.raises(InputError):
        extract("Text", published="gestern")
