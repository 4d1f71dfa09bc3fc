"""Where a search matched in a result: ``[begin, end]`` offsets into the result's text.

FTS5's own ``highlight()`` marks only what matched a column's surface
tokens; a match on a lemma or a compound part lives in the forms column,
which no one reads. Here every word of the text is analysed by the same
:func:`~saidwhat.search.forms.word_forms` that built the index, so a word is
marked exactly when it (or its lemma, or a part of it) is what the query
asked for: "Sicherheitskrise" is marked for "Krise".
"""

from __future__ import annotations

from .forms import WORD, fold, word_forms
from .query import Terms


def _word_matches(word: str, lang: str, terms: Terms) -> bool:
    keys = {fold(word), *(fold(f) for f in word_forms(word, lang))}
    if keys & terms.words:
        return True
    return any(k.startswith(p) for k in keys for p in terms.prefixes)


def match_spans(text: str, terms: Terms, lang: str = "de") -> list[list[int]]:
    """``[begin, end]`` of every word in ``text`` the query's terms match, in order."""
    if not text:
        return []
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    marked = [_word_matches(w, lang, terms) for _, _, w in words]
    folded = [fold(w) for _, _, w in words]
    for phrase in terms.phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(folded[i : i + n]) == phrase:
                marked[i : i + n] = [True] * n
    return [[b, e] for (b, e, _), hit in zip(words, marked, strict=True) if hit]
