"""The seed article (Reuters on Stoltenberg): statements and speaker entities.

A gold statement counts as found when a predicted quote covers at least half
of its quote and the predicted ``speaker_entity`` equals the gold
``speakerEntity``. A prediction is spurious when its quote overlaps no gold
quote at all (nested quotes inside a gold statement are not spurious).
Skips without ../shared.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import SEED_GOLD, SEED_TEXT, need_shared
from saidwhat.model import Statement
from saidwhat.pipeline import extract


def _quote_chars(spans: list[tuple[int, int]]) -> set[int]:
    return {c for b, e in spans for c in range(b, e)}


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[dict[str, Any]], list[Statement]]:
    text = need_shared(SEED_TEXT).read_text(encoding="utf-8")
    gold = json.loads(need_shared(SEED_GOLD).read_text(encoding="utf-8"))
    assert gold["originalText"] == text
    return text, gold["annotations"], extract(text).statements


def _found(gold: dict[str, Any], preds: list[Statement]) -> bool:
    g = _quote_chars([(s["charBegin"], s["charEnd"]) for s in gold["quote"]["spans"]])
    for st in preds:
        p = _quote_chars([(s.begin, s.end) for s in st.quote])
        if len(g & p) * 2 >= len(g) and (st.speaker_entity or "").lower() == gold["speakerEntity"].lower():
            return True
    return False


@pytest.mark.shared
def test_seed_statements_found_with_entities(seed: tuple[str, list[dict[str, Any]], list[Statement]]) -> None:
    _text, gold, preds = seed
    missed = [g["quote"]["text"][:60] for g in gold if not _found(g, preds)]
    assert len(gold) - len(missed) >= 20, f"found {len(gold) - len(missed)}/{len(gold)}; missed: {missed}"


@pytest.mark.shared
def test_seed_few_spurious(seed: tuple[str, list[dict[str, Any]], list[Statement]]) -> None:
    text, gold, preds = seed
    assert preds, "nothing extracted: no spurious statement proves nothing"
    gold_chars = _quote_chars([(s["charBegin"], s["charEnd"]) for g in gold for s in g["quote"]["spans"]])
    spurious = [
        st.role_text("quote", text)[:60]
        for st in preds
        if not _quote_chars([(s.begin, s.end) for s in st.quote]) & gold_chars
    ]
    assert len(spurious) <= 3, spurious


@pytest.mark.shared
def test_seed_every_speaker_has_entity(seed: tuple[str, list[dict[str, Any]], list[Statement]]) -> None:
    _text, _gold, preds = seed
    with_speaker = [st for st in preds if st.speaker]
    assert with_speaker, "nothing extracted with a speaker"
    assert all(st.speaker_entity for st in with_speaker)
