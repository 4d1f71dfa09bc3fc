"""Word forms for the search index: what else a word in a statement can be found by.

A statement is found by its surface words (FTS5 ``unicode61``: case and
diacritics folded) and, next to them, by the *forms* its language's analyser
gives for each word: for German the lemma ("Aggressionen" → Aggression,
"Kriegs" → Krieg) and the parts of a compound noun ("Sicherheitskrise" →
Sicherheit, Krise; "Bürgerkriegs" → Bürger, Krieg). The same analyser runs on
the words of a query (its lemma) and on the words of a result (to highlight
what matched), so index, query and highlight always agree.

A language plugs in by registering an :class:`Analyser` (its lemma and its
compound parts of a word) in :data:`ANALYSERS`; a language without one is
searched by its surface words only. German's analyser is
``saidwhat/lang/de/searchforms.py`` (lemma and compound splitter), English's
``saidwhat/lang/en/searchforms.py`` (lemma: "said" → say, "denied" → deny).
Each statement is indexed with the analyser of its article's language
(``articles.lang``, detected with ``--lang auto``); a query word stands for its
lemma in every language, since a query names no language.

The forms of a stored article's statements are worked out within a bound on
the analyser's work (:func:`article_forms`): German's asks HanTa about words
its tables lack, and a text of random letter strings would bring a new one
with nearly every word. Past the bound a word gets no forms (it is still
found by itself). English's lemmas are a table look-up: no bound needed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import lru_cache

# Words as FTS5's unicode61 tokenizer sees them: runs of letters and digits.
WORD = re.compile(r"\w+")


def _german_lemma(word: str) -> str:
    from ..lang.de.searchforms import lemma_de  # lazy: the German tagger loads on first use

    return lemma_de(word)


def _german_parts(word: str) -> tuple[str, ...]:
    from ..lang.de.searchforms import parts_de

    return parts_de(word)


def _english_lemma(word: str) -> str:
    from ..lang.en.searchforms import lemma_en  # lazy: simplemma's English table loads on first use

    return lemma_en(word)


def _english_parts(word: str) -> tuple[str, ...]:
    from ..lang.en.searchforms import parts_en

    return parts_en(word)


def _german_bound(text_length: int) -> AbstractContextManager[Callable[[str], bool]]:
    from ..lang.de.searchforms import hanta_bound

    return hanta_bound(text_length)


def _german_load() -> None:
    from ..lang.de.searchforms import load_tables

    load_tables()


@contextmanager
def _unbounded(text_length: int) -> Iterator[Callable[[str], bool]]:
    yield lambda word: True


def _nothing_to_load() -> None:
    pass


@dataclass(frozen=True)
class Analyser:
    """How a language's words are also found: by their lemma and by their parts.

    ``bound(text_length)`` opens the bound on its work for one article's
    statements and gives what says whether a word may still be analysed
    (asking counts it against the bound). ``load()`` loads its tables now
    (ingest workers are forked from a process that did, instead of each loading them).
    """

    lemma: Callable[[str], str]
    parts: Callable[[str], tuple[str, ...]]
    bound: Callable[[int], AbstractContextManager[Callable[[str], bool]]] = _unbounded
    load: Callable[[], None] = _nothing_to_load


ANALYSERS: dict[str, Analyser] = {
    "de": Analyser(lemma=_german_lemma, parts=_german_parts, bound=_german_bound, load=_german_load),
    "en": Analyser(lemma=_english_lemma, parts=_english_parts),
}


@lru_cache(maxsize=200_000)
def word_forms(word: str, lang: str) -> tuple[str, ...]:
    """What ``word`` can also be found by in a ``lang`` text: its lemma and compound parts where they differ.

    ``()`` for a language without an analyser, and for a word without letters.
    """
    analyser = ANALYSERS.get(lang)
    if analyser is None or not any(c.isalpha() for c in word):
        return ()
    lemma = analyser.lemma(word)
    found = [lemma] if lemma and WORD.fullmatch(lemma) else []
    found.extend(analyser.parts(word))
    return tuple(dict.fromkeys(f for f in found if fold(f) != fold(word)))


def index_forms(text: str, lang: str, may_analyse: Callable[[str], bool] | None = None) -> str:
    """The forms column of the search index for ``text``: every word's forms, space-separated, each once.

    ``may_analyse``: whether a word may still be analysed (:func:`article_forms`); a word it refuses has no forms.
    """
    if lang not in ANALYSERS or not text:
        return ""
    seen: dict[str, None] = {}
    for m in WORD.finditer(text):
        word = m.group()
        if may_analyse is not None and not may_analyse(word):
            continue
        for form in word_forms(word, lang):
            seen.setdefault(form, None)
    return " ".join(seen)


def article_forms(texts: list[str], lang: str, text_length: int) -> list[str]:
    """:func:`index_forms` of each of ``texts`` (an article's statements, in order), within one article's bound.

    ``text_length``: the article's length in characters; the bound grows with it.
    """
    analyser = ANALYSERS.get(lang)
    if analyser is None:
        return ["" for _ in texts]
    with analyser.bound(text_length) as may_analyse:
        return [index_forms(text, lang, may_analyse) for text in texts]


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """``word`` as FTS5's ``unicode61 remove_diacritics 2`` compares it: lower case, no diacritics."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=200_000)
def match_keys(word: str, lang: str) -> frozenset[str]:
    """Everything ``word`` is found by, folded: the word itself, its lemma and its compound parts."""
    return frozenset((fold(word), *(fold(f) for f in word_forms(word, lang))))


def query_forms(word: str) -> tuple[str, ...]:
    """The lemmas a query word also stands for, in every language with an analyser.

    Only the lemma, never compound parts: "Sicherheitskrise" asks for that
    crisis, not for every text that mentions security and a crisis. A word
    typed in lower case is also looked up capitalised (German nouns).
    """
    out: dict[str, None] = {}
    for analyser in ANALYSERS.values():
        for variant in (word, word[:1].upper() + word[1:]):
            lemma = analyser.lemma(variant)
            if lemma and WORD.fullmatch(lemma) and fold(lemma) != fold(word):
                out.setdefault(lemma, None)
    return tuple(out)
