"""The faster HanTa search gives HanTa's own answers, at every tag level.

``FastHanoverTagger`` reorganises HanTa's two word searches; the tagger uses
it in place of HanTa's class. Compared here with HanTa's unmodified class on
forms the tables lack (invented names and compounds, the kind news brings),
on a sample of table forms and on random strings of letters, digits and marks.
"""

from __future__ import annotations

import random
import sys
from functools import lru_cache

import pytest
from HanTa import HanoverTagger as ht

from saidwhat.lang.de import tagger as nlp
from saidwhat.lang.de.hanta_search import FastHanoverTagger
from saidwhat.lexicon import iter_lexicon

NEWS_LIKE = [
    "Milinkewitschow",
    "Regierungssprecherin",
    "Verteidigungsministeriums",
    "Internet-Suchmaschinen-Betreiber",
    "Airbus-Vorstandsvorsitzenden",
    "G8-Staaten",
    "26-minütigen",
    "LINKEN",
    "Urkundenfälscher",
    "Papageienarten",
    "refrainartig",
    "Straßen-",
    "Zusammenfassend",
    "Kabinettsumbildungen",
    "Muftuoglu",
    "FED",
    "Mo",
    "ACT",
    "veröffentlichte",
    "gesagt",
    "Qxzvrelt",
]


@lru_cache(maxsize=1)
def _hanta_original() -> ht.HanoverTagger:
    return ht.HanoverTagger("morphmodel_ger.pgz")


def _forms() -> list[str]:
    rnd = random.Random(16)
    table = [form for form, _, _ in iter_lexicon("de", "wordforms_frequent")]
    letters = "abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ-0123456789'."
    noise = ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 24))) for _ in range(150)]
    return NEWS_LIKE + rnd.sample(table, 150) + noise


def _answer(tagger: ht.HanoverTagger, form: str, taglevel: int) -> object:
    try:
        return tagger.analyze(form, taglevel=taglevel)
    except Exception as e:  # HanTa raises on a few odd strings: the fast search must raise alike
        return type(e).__name__


@pytest.mark.parametrize("taglevel", [1, 3])
def test_answers_equal_hantas(taglevel: int) -> None:
    original, fast = _hanta_original(), FastHanoverTagger("morphmodel_ger.pgz")
    forms = _forms()
    for form in forms:
        assert _answer(fast, form, taglevel) == _answer(original, form, taglevel), form


def test_forward_scores_equal_hantas() -> None:
    """Every part of speech with its score, in HanTa's order (ties included), not only the best."""
    original, fast = _hanta_original(), FastHanoverTagger("morphmodel_ger.pgz")
    for form in NEWS_LIKE:
        word = form.lower()
        assert fast.analyze_forward(word) == original.analyze_forward(word), form


def test_tagger_uses_the_fast_search() -> None:
    assert isinstance(nlp._hanta(), FastHanoverTagger)


def test_without_the_lgpl_file_the_tagger_falls_back_to_hantas_own_class(monkeypatch: pytest.MonkeyPatch) -> None:
    # hanta_search.py is LGPL (a modified part of HanTa): a user may delete it,
    # and the tagger must then load HanTa's unmodified class instead.
    monkeypatch.setitem(sys.modules, "saidwhat.lang.de.hanta_search", None)
    tagger = nlp._hanta.__wrapped__()
    assert type(tagger) is ht.HanoverTagger
