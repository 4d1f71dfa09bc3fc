"""The per-article bound on HanTa's work (``lang/de/tagger.py``: :class:`HantaAllowance`).

HanTa is replaced by a stand-in that counts its calls (no timing here; the
speed is measured by ``bench/pathological.py``).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from saidwhat.lang.de import tagger

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


class CountingHanta:
    """Answers like HanTa for an unknown word (a noun, or a name when capitalised) and counts the calls."""

    def __init__(self) -> None:
        self.calls = 0
        self.lemma_ending = ""  # a lemma other than the word, so that it becomes a search form

    def analyze(self, word: str, taglevel: int = 1) -> tuple[str, str]:
        self.calls += 1
        return word + self.lemma_ending, "NE" if word[:1].isupper() else "NN"


class NoCache:
    def get(self, word: str) -> None:
        return None

    def put(self, word: str, answer: tuple[str, str]) -> None:
        pass

    def flush(self) -> None:
        pass


@pytest.fixture
def hanta(monkeypatch: pytest.MonkeyPatch) -> Any:
    counting = CountingHanta()
    monkeypatch.setattr(tagger, "_hanta", lambda: counting)
    monkeypatch.setattr(tagger, "wordform_cache", lambda: NoCache())
    tagger.tag_word_de.cache_clear()
    yield counting
    tagger.tag_word_de.cache_clear()


def _random_words(letters: int, chars: int) -> str:
    rng = random.Random(letters)
    # each word and its space: enough words for ``chars`` characters
    count = -(-chars // (letters + 1))
    words: list[str] = []
    for _ in range(count):
        words.append("".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(letters)))
    return " ".join(words) + "."


def test_allowance_caps_hanta_calls_on_random_words(hanta: CountingHanta) -> None:
    text = _random_words(12, 50_000)
    distinct = {w for w in text.rstrip(".").split() if tagger.needs_hanta(w)}
    doc = tagger.parse(text)
    limit = tagger.HantaAllowance(len(text)).limit
    assert 0 < hanta.calls <= limit // 12**2
    assert hanta.calls < len(distinct) // 2  # without the allowance, every distinct form goes to HanTa
    # the refused forms are tagged by shape, as over-long tokens are
    refused = [t for t in doc.tokens if t.text in distinct][-1]
    assert (refused.tag, refused.lemma) == ("NN", refused.text)


def test_tags_depend_on_the_text_alone(hanta: CountingHanta) -> None:
    """A form HanTa analysed for an earlier article (in the process cache) is still refused past the allowance."""
    text = _random_words(12, 50_000)
    first = [(t.tag, t.lemma) for t in tagger.parse(text).tokens]
    calls = hanta.calls
    late_form = text.rstrip(".").split()[-1]
    assert tagger.tag_word_de(late_form) == ("NN", late_form)  # now in the process cache
    hanta.calls = 0
    again = [(t.tag, t.lemma) for t in tagger.parse(text).tokens]
    assert again == first
    assert hanta.calls == 0 and calls > 0  # the admitted forms came from the cache


def test_normal_article_is_tagged_as_without_the_allowance(
    hanta: CountingHanta, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (EXAMPLES / sorted(p.name for p in EXAMPLES.glob("*.txt"))[0]).read_text(encoding="utf-8")
    bounded = [(t.tag, t.lemma) for t in tagger.parse(text).tokens]
    assert hanta.calls > 0  # the article has forms only HanTa knows: the allowance is in play
    monkeypatch.setattr(tagger, "HANTA_BASE", 10**12)
    assert [(t.tag, t.lemma) for t in tagger.parse(text).tokens] == bounded


def test_heading_check_goes_through_the_allowance(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def bounded(word: str) -> tuple[str, str]:
        asked.append(word)
        return "NN", word

    monkeypatch.setattr(tagger, "tag_word_bounded", bounded)
    tagger._heading_breaks("Wahlverlauf und Wahlbeteiligung\nWie der Bundeswahlleiter mitteilte, kam es.")
    assert "Wahlbeteiligung" in asked


def test_search_forms_stay_within_the_allowance(hanta: CountingHanta) -> None:
    """The search forms of stored statements ask HanTa within the same per-article bound (issue 12's note)."""
    from saidwhat.search import forms

    hanta.lemma_ending = "x"
    forms.word_forms.cache_clear()
    quote = _random_words(12, 50_000)
    words = quote.rstrip(".").split()
    first = forms.article_forms([quote], "de", len(quote))
    admitted = tagger.HantaAllowance(len(quote)).limit // 12**2
    assert 0 < hanta.calls <= admitted  # without the bound: one call per distinct word
    got = first[0].split()
    assert got[:3] == [w + "x" for w in words[:3]]  # early words have forms
    assert not {w + "x" for w in words[-100:]} & set(got)  # the late ones none
    # the same forms when every word is in the caches: decided by the text alone
    for w in words[-100:]:
        tagger.tag_word_de(w)
        forms.word_forms(w, "de")
    assert forms.article_forms([quote], "de", len(quote)) == first
    forms.word_forms.cache_clear()
