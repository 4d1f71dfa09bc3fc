"""German word forms for the search index (:mod:`saidwhat.search.forms`): lemmas and compound parts.

The German compound splitter (:func:`split_compound_de`) knows only what the
word-form tables shipped for the tagger (``lang/de/wordforms*.txt``) know:

1. Only a noun (tag ``NN``) of at least `MIN_COMPOUND_CHARS` letters is split.
2. The head is the *longest* suffix that is a known noun form (at least
   `MIN_HEAD_CHARS` letters): German compounds are right-headed and the
   longest known head is the safest guess ("Sicherheitskrise" → "krise", not "rise").
3. What is left (the modifier, at least `MIN_MODIFIER_CHARS` letters)
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

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from ...search.forms import WORD

MIN_COMPOUND_CHARS = 8
MIN_HEAD_CHARS = 3
MIN_MODIFIER_CHARS = 3
# Linking elements ("Fugen") a modifier may end in that no word form of it carries.
_LINKS = ("s",)


@lru_cache(maxsize=1)
def _known_nouns_de() -> dict[str, str]:
    """Lower-cased noun forms of the common word-form tables → their lemma.

    Only the tables of common words (GermEval's forms and the frequent general
    ones), not the tagger's table of rarer words (``wordforms_frequent``): a
    rare form as a head splits words that are one ("Staatsanwaltschaft" →
    "Staat" + "Anwaltschaft"); the splitter was measured with these two.
    """
    from ...lexicon import iter_lexicon, load_word_set

    never = load_word_set("de", "compound_nonparts")
    nouns: dict[str, str] = {}
    for form, tag, lemma in (row for name in ("wordforms", "wordforms_general") for row in iter_lexicon("de", name)):
        lower = form.lower()
        if tag == "NN" and form.isalpha() and len(lemma) >= MIN_HEAD_CHARS and lower not in never:
            nouns.setdefault(lower, lemma)
    return nouns


def load_tables() -> None:
    """Load what the compound splitter reads (and the tagger, for lemmas), so that forked workers share it."""
    from .tagger import _known_wordforms_de

    _known_nouns_de()
    _known_wordforms_de()


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
    from .tagger import tag_word_de

    return tag_word_de(word)[1]


def parts_de(word: str) -> tuple[str, ...]:
    """The compound parts of a German noun (by its lemma), ``()`` for any other word."""
    from .tagger import tag_word_de

    tag, lemma = tag_word_de(word)
    if tag != "NN":
        return ()
    return split_compound_de(lemma if WORD.fullmatch(lemma or "") else word)


@contextmanager
def hanta_bound(text_length: int) -> Iterator[Callable[[str], bool]]:
    """The bound on HanTa's work for the search forms of one article's statements.

    The tagger's per-article allowance (``tagger.py``: :class:`HantaAllowance`,
    the same limits): a word HanTa must analyse costs the square of its
    length the first time; past the limit such a word gets no forms. Which
    words are admitted follows from the statements' text alone, never from
    what a cache holds.
    """
    from .tagger import HantaAllowance, needs_hanta

    allowance = HantaAllowance(text_length)

    def may_analyse(word: str) -> bool:
        return not needs_hanta(word) or allowance.admit(word)

    yield may_analyse
