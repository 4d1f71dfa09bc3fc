"""English word forms for the search index (:mod:`saidwhat.search.forms`): lemmas.

"said", "says" and "saying" are all found by "say", "denied" by "deny",
"officials" by "official": the lemma of each word, from simplemma's English
dictionary (MIT, already a dependency for German; a lookup table, no model, so
the store and the server load no tagger for it). A word the dictionary does not
know (a name: "Trump", "Reuters") is its own lemma. English compounds are
written apart, so no word has parts.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=100_000)
def lemma_en(word: str) -> str:
    """The dictionary lemma of an English word form (the word itself when unknown)."""
    from simplemma import lemmatize  # loads the English table on first use

    return str(lemmatize(word, lang="en"))


def parts_en(word: str) -> tuple[str, ...]:
    """English writes compounds apart ("prime minister"): no word has parts."""
    return ()
