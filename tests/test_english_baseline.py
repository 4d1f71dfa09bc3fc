"""The reference baselines of bench/english_baseline.py on an invented English text.

They need the ``bench`` extra (the English model, textacy) and skip cleanly without it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from saidwhat.evaluate import load_cue_words, speech_verb_list

spacy = pytest.importorskip("spacy")
pytest.importorskip("textacy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import english_baseline as eb  # noqa: E402

TEXT = (
    "The mayor said that the new bridge would open in May.\n"
    '"We are very proud of this bridge," she told reporters on Monday.\n'
    "Costs rose by a third, according to the city council."
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    try:
        return spacy.load(eb.MODEL)
    except OSError:
        pytest.skip(f"{eb.MODEL} is not installed (pip install -e '.[bench]')")


def triples(anns: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(quote, speaker, cue) read back from the character offsets, not the stored text."""

    def text(role: dict[str, Any]) -> str:
        return " ".join(TEXT[s["charBegin"] : s["charEnd"]] for s in role["spans"])

    return [(text(a["quote"]), text(a["speaker"]), text(a["cue"])) for a in anns]


def test_dependency_baseline(nlp: Any) -> None:
    verbs = load_cue_words(speech_verb_list("en"))
    found = triples(eb.dependency_quotes(nlp(TEXT), TEXT, verbs))
    assert found == [
        ("the new bridge would open in May", "The mayor", "said"),
        ('"We are very proud of this bridge,"', "she", "told"),
        ("Costs rose by a third", "the city council", "according to"),
    ]


def test_textacy_offsets_whole_and_by_paragraph(nlp: Any) -> None:
    whole = triples(eb.textacy_quotes(nlp(TEXT), 0, TEXT))
    by_line = triples([a for off, line in eb.paragraphs(TEXT) for a in eb.textacy_quotes(nlp(line), off, TEXT)])
    assert whole == by_line == [('"We are very proud of this bridge,"', "she", "told")]


def test_textacy_gives_up_on_unpaired_marks(nlp: Any) -> None:
    text = '"We are very proud of this bridge, she told reporters on Monday.'
    assert eb.textacy_quotes(nlp(text), 0, text) == []
