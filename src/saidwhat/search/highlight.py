"""Where a search matched in a result: ``[begin, end]`` offsets into the result's text.

FTS5's own ``highlight()`` marks only what matched a column's surface
tokens; a match on a lemma or a compound part lives in the forms column,
which no one reads. Here the words of the text are analysed by the same
:func:`~saidwhat.search.forms.word_forms` that built the index, so a word is
marked when it (or its lemma, or a part of it) is what the query asked for:
"Sicherheitskrise" is marked for "Krise". Only words sharing three letters
with a query term are analysed (speed: see ``_word_matches``), so an
irregular form unlike its lemma ("ging" for "gehen") is found but not marked.
"""

from __future__ import annotations

from .forms import WORD, fold, match_keys
from .query import Terms

# Letters a word must share with a query term to be analysed at all (see _word_matches).
STEM_CHARS = 3


def _stems(terms: Terms) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t[:STEM_CHARS] for t in (*terms.words, *terms.prefixes)))


def _word_matches(word: str, lang: str, terms: Terms, stems: tuple[str, ...]) -> bool:
    folded = fold(word)
    if folded in terms.words or folded.startswith(tuple(terms.prefixes)):
        return True
    if not any(stem in folded for stem in stems):
        # Analysing a word the tagger has not seen costs about a millisecond. A word that shares
        # not even STEM_CHARS letters with a term is no inflection or compound of it ("Krisen",
        # "Sicherheitskrise" for "Krise"; "sagte" for "sagen"); only irregular forms are missed.
        return False
    keys = match_keys(word, lang)
    if not keys.isdisjoint(terms.words):
        return True
    return any(k.startswith(p) for k in keys for p in terms.prefixes)


def match_spans(text: str, terms: Terms, lang: str = "de") -> list[list[int]]:
    """``[begin, end]`` of every word in ``text`` the query's terms match, in order."""
    if not text:
        return []
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    stems = _stems(terms)
    marked = [_word_matches(w, lang, terms, stems) for _, _, w in words]
    folded = [fold(w) for _, _, w in words]
    for phrase in terms.phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(folded[i : i + n]) == phrase:
                marked[i : i + n] = [True] * n
    return [[b, e] for (b, e, _), hit in zip(words, marked, strict=True) if hit]
