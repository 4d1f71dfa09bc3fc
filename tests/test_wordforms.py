"""The shipped word-form tables are a cache of HanTa's answers, nothing else.

``tagger.tag_word_de`` answers from ``lang/de/wordforms*.txt`` before asking
HanTa; these tests check, on a sample of every table, that the answer is the
one HanTa gives, so a table built with another HanTa version (or edited by
hand) cannot change what the pipeline sees.
"""

from __future__ import annotations

import random

import pytest

from saidwhat.lang.de import tagger as nlp
from saidwhat.lexicon import iter_lexicon, load_lexicon


@pytest.mark.parametrize("name", ["wordforms", "wordforms_general", "wordforms_frequent"])
def test_table_rows_equal_hanta(name: str) -> None:
    rows = list(iter_lexicon("de", name))
    assert len(rows) > 10_000
    assert all(len(r) == 3 for r in rows), "form<TAB>tag<TAB>lemma"
    tagger = nlp._hanta()
    for form, tag, lemma in random.Random(7).sample(rows, 300):
        hanta_lemma, hanta_tag = tagger.analyze(form, taglevel=1)
        assert (tag, lemma) == (str(hanta_tag), str(hanta_lemma)), form


def test_tag_word_uses_every_table() -> None:
    table = nlp._known_wordforms_de()
    for name in ("wordforms", "wordforms_general", "wordforms_frequent"):
        form, tag, lemma = next(iter_lexicon("de", name))
        assert table[form] == (tag, lemma)
        assert nlp.tag_word_de(form) == (tag, lemma)


def test_iter_lexicon_matches_load_lexicon() -> None:
    assert tuple(iter_lexicon("de", "pronouns")) == load_lexicon("de", "pronouns")
