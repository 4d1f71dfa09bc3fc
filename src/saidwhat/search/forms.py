"""Word forms for the search index: what else a word in a statement can be found by.

A statement is found by its surface words (FTS5 ``unicode61``: case and
diacritics folded) and, next to them, by the *forms* its language's analyser
gives for each word: for German the lemma ("Aggressionen" → Aggression,
"Kriegs" → Krieg) and the parts of a compound noun ("Sicherheitskrise" →
Sicherheit, Krise; "Bürgerkriegs" → Bürger, Krieg). The same analyser runs on
the words of a query (its lemma) and on the words of a result (to highlight
what matched), so index, query and highlight always agree.

A language plugs in by registering an :class:`Analyser` (its lemma and its
compound parts of a word) in :data:`ANALYSERS`; a language without one is searched by its surface words
only (English has none yet).

The German compound splitter (:func:`split_compound_de`) knows only what the
word-form tables shipped for the tagger (``lang/de/wordforms*.txt``) know:

1. Only a noun (tag ``NN``) of at least :data:`MIN_COMPOUND_CHARS` letters is split.
2. The head is the *longest* suffix that is a known noun form (at least
   :data:`MIN_HEAD_CHARS` letters): German compounds are right-headed and the
   longest known head is the safest guess ("Sicherheitskrise" → "krise", not "rise").
3. What is left (the modifier, at least :data:`MIN_MODIFIER_CHARS` letters)
   must be a known noun form itself ("Kriegs", "Frauen": the linking element
   is part of a known form), or become one without a linking ``s``
   ("Sicherheits" → "Sicherheit"). Modifier and head that are compounds
   themselves are split again ("Bundesverteidigungsminister" → Bund,
   Verteidigung, Minister).
   Derivational endings and fragments the tables list as nouns ("-schaft",
   "-tum", "Mini") are never parts (``lang/de/compound_nonparts.txt``).
4. Each part is given as its lemma ("…krisen" → Krise).

No known head and modifier: the word stays whole. Measured on
``tests/fixtures/compounds_de.txt`` (see ``tests/test_search_forms.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

MIN_COMPOUND_CHARS = 8
MIN_HEAD_CHARS = 3
MIN_MODIFIER_CHARS = 3
# Linking elements ("Fugen") a modifier may end in that no word form of it carries.
_LINKS = ("s",)

# Words as FTS5's unicode61 tokenizer sees them: runs of letters and digits.
WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _known_nouns_de() -> dict[str, str]:
    """Lower-cased noun forms of the shipped word-form tables → their lemma."""
    from ..lexicon import load_word_set
    from ..nlp import _known_wordforms_de

    never = load_word_set("de", "compound_nonparts")
    nouns: dict[str, str] = {}
    for form, (tag, lemma) in _known_wordforms_de().items():
        lower = form.lower()
        if tag == "NN" and form.isalpha() and len(lemma) >= MIN_HEAD_CHARS and lower not in never:
            nouns.setdefault(lower, lemma)
    return nouns


def _noun_lemma(part: str) -> str | None:
    """The lemma of ``part`` (lower case) if it is a known noun form, allowing a linking ``s``."""
    nouns = _known_nouns_de()
    if part in nouns:
        return nouns[part]
    for link in _LINKS:
        if part.endswith(link) and part[: -len(link)] in nouns:
            return nouns[part[: -len(link)]]
    return None


@lru_cache(maxsize=100_000)
def split_compound_de(word: str) -> tuple[str, ...]:
    """The parts (lemmas) of a German compound noun, or ``()`` if it is not one (see the module docstring)."""
    lower = word.lower()
    if len(lower) < MIN_COMPOUND_CHARS or not lower.isalpha():
        return ()
    nouns = _known_nouns_de()
    for cut in range(MIN_MODIFIER_CHARS, len(lower) - MIN_HEAD_CHARS + 1):
        head = lower[cut:]
        if head not in nouns:
            continue  # the longest known head comes first: the loop walks from the left
        modifier = lower[:cut]
        modifier_lemma = _noun_lemma(modifier)
        if modifier_lemma is None:
            continue
        head_lemma = nouns[head]
        before = split_compound_de(modifier_lemma) or (modifier_lemma,)
        after = split_compound_de(head_lemma) or (head_lemma,)
        return (*before, *after)
    return ()


def lemma_de(word: str) -> str:
    """The lemma the tagger gives a German word form (context-free)."""
    from ..nlp import tag_word_de

    return tag_word_de(word)[1]


def parts_de(word: str) -> tuple[str, ...]:
    """The compound parts of a German noun (by its lemma), ``()`` for any other word."""
    from ..nlp import tag_word_de

    tag, lemma = tag_word_de(word)
    if tag != "NN":
        return ()
    return split_compound_de(lemma if WORD.fullmatch(lemma or "") else word)


@dataclass(frozen=True)
class Analyser:
    """How a language's words are also found: by their lemma and by their parts."""

    lemma: Callable[[str], str]
    parts: Callable[[str], tuple[str, ...]]


ANALYSERS: dict[str, Analyser] = {"de": Analyser(lemma=lemma_de, parts=parts_de)}


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


def index_forms(text: str, lang: str) -> str:
    """The forms column of the search index for ``text``: every word's forms, space-separated, each once."""
    if lang not in ANALYSERS or not text:
        return ""
    seen: dict[str, None] = {}
    for m in WORD.finditer(text):
        for form in word_forms(m.group(), lang):
            seen.setdefault(form, None)
    return " ".join(seen)


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
