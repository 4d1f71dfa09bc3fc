"""Quote reuse: which direct quotes are the same words, and who they are credited to.

Pure functions, no database (the store's incremental index is in
:mod:`saidwhat.store.quotegroups`; the Spark job reuses that on the driver).

Two quotes are *the same quote* when, after :func:`normalise` (case,
punctuation, quotation marks, ``[…]`` dropped), they have the same words,
or — both at least :data:`NEAR_MIN_WORDS` words long — their character
5-gram shingles overlap enough (:func:`same_quote`): Jaccard ≥ 0.7 (a word
dropped or changed), or ≥ 0.9 of the shorter one's shingles in the longer
(a quote cut short); unless a negation or a number differs inside the
common part ("nicht erhöhen" is not "erhöhen", "3 Prozent" not "5 Prozent").
Quotes under :data:`MIN_WORDS` words are not grouped at all.

Finding candidates never compares pairs: each quote gets index keys
(:func:`index_keys`): one for its exact normalised words, one for each run
of clauses that a shortened quote may keep (cut at a comma or full stop),
and :data:`BANDS` MinHash LSH keys of :data:`ROWS` minima each. Quotes
that share a key are candidates, checked with :func:`same_quote`. Two
quotes of Jaccard 0.7 share an LSH key with probability
1 − (1 − 0.7⁵)³² ≈ 0.997 (0.5: 0.64; shorter cuts are found by their
clause keys); unrelated quotes (Jaccard ≈ 0.01, at most 0.05 for 99 % of
Wikinews quote pairs) with about 10⁻⁵ per pair or less.

Attribution conflicts (:func:`speaker_key`, :func:`keys_conflict`): a
member counts only if its speaker is written as a name in its own article
(not a pronoun or a description resolved to someone: that resolution is our
guess, not the publisher's claim). Names are compared by surname and first
name: "Merkel" and "Angela Merkel" agree (a shorter name is not a conflict),
"Angela Merkel" and "Horst Merkel" or "Merkel" and "Scholz" do not. Articles
are compared, not statements: one that relays "X zitiert Y" names both, and
agrees with any article naming either.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np

from .speakers import Mention, _first_compatible, names_for, norm, parse_mention

__all__ = [
    "BANDS",
    "eligible",
    "MIN_WORDS",
    "ROWS",
    "index_keys",
    "keys_conflict",
    "normalise",
    "same_quote",
    "speaker_key",
]

# Quotes shorter than this (in words) are not grouped: two- and three-word
# quotes are mostly scare quotes and terms ("besondere militärische
# Operation"), which recur without anyone quoting anyone.
MIN_WORDS = 4

SHINGLE = 5
BANDS = 32
ROWS = 5
NUM_HASHES = BANDS * ROWS

JACCARD_MIN = 0.7
CONTAINED_MIN = 0.9
# Shorter quotes match only word for word; a truncated quote must keep this many words.
NEAR_MIN_WORDS = 6

_MERSENNE = np.uint64((1 << 31) - 1)


def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    """The MinHash permutations, derived from fixed names (stable across runs and numpy versions)."""
    a, b = [], []
    for i in range(NUM_HASHES):
        d = hashlib.blake2b(f"saidwhat-minhash-{i}".encode(), digest_size=8).digest()
        a.append(int.from_bytes(d[:4], "little") % (int(_MERSENNE) - 1) + 1)
        b.append(int.from_bytes(d[4:], "little") % int(_MERSENNE))
    return np.array(a, dtype=np.uint64), np.array(b, dtype=np.uint64)


_A, _B = _coefficients()

_NOT_WORD = re.compile(r"[\W_]+")
# "[…]", "[der Minister]": editors' insertions are not the speaker's words.
_BRACKETED = re.compile(r"\[[^\]]{0,80}\]")

# Where a quote is cut short: the end of a clause or sentence.
_CLAUSE_END = re.compile(r"[.,;:!?…–—]+(?:\s|$)|\s[–—-]\s")
MAX_CLAUSES = 8


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    """Negating words of every registered language (quotes of any of them are compared)."""
    from .lang import SUPPORTED_LANGUAGES

    return frozenset().union(*(names_for(code).negations for code in SUPPORTED_LANGUAGES))


def normalise(quote: str) -> str:
    """The quote's words: NFKC, case-folded, without punctuation, quotation marks and brackets."""
    text = unicodedata.normalize("NFKC", quote)
    text = _BRACKETED.sub(" ", text)
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def _shingles(norm: str) -> set[str]:
    padded = f" {norm} "
    if len(padded) <= SHINGLE:
        return {padded}
    return {padded[i : i + SHINGLE] for i in range(len(padded) - SHINGLE + 1)}


def _minhash(shingles: Iterable[str]) -> np.ndarray:
    x = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64) % _MERSENNE
    return np.asarray(((_A[:, None] * x[None, :] + _B[:, None]) % _MERSENNE).min(axis=1))


def _key(tag: str, payload: bytes) -> int:
    """A signed 64-bit key (what SQLite stores as an INTEGER)."""
    return int.from_bytes(hashlib.blake2b(payload, digest_size=8, person=tag.encode()).digest(), "little", signed=True)


def _clause_runs(quote: str) -> list[str]:
    """The normalised word runs between punctuation marks that a shortened quote may keep.

    "A, B. C" gives "a b c" and, when long enough, "a", "a b", "b", "b c", "c":
    a quote cut at a comma or full stop equals one of these. Long quotes (more
    than :data:`MAX_CLAUSES` clauses) keep only runs from the start or to the end.
    """
    clauses = [c for c in (normalise(part) for part in _CLAUSE_END.split(_BRACKETED.sub(" ", quote))) if c]
    n = len(clauses)
    runs = []
    for i in range(n):
        for j in range(i + 1, n + 1):
            if n > MAX_CLAUSES and i > 0 and j < n and j - i > 1:
                continue
            run = " ".join(clauses[i:j])
            if run.count(" ") + 1 >= NEAR_MIN_WORDS:
                runs.append(run)
    return runs


def index_keys(quote: str) -> list[int]:
    """The index keys of a quote as written: its exact words and clause runs, then one per LSH band."""
    norm = normalise(quote)
    keys = dict.fromkeys(_key("exact", run.encode("utf-8")) for run in [norm, *_clause_runs(quote)])
    sig = _minhash(_shingles(norm))
    for band in range(BANDS):
        keys[_key(f"band{band}", sig[band * ROWS : (band + 1) * ROWS].tobytes())] = None
    return list(keys)


def eligible(norm: str) -> bool:
    """Long enough to be grouped (see :data:`MIN_WORDS`)."""
    return norm.count(" ") + 1 >= MIN_WORDS if norm else False


def _changes_meaning(words: Sequence[str]) -> bool:
    negations = _negations()
    return any(w in negations or any(c.isdigit() for c in w) for w in words)


def _inner_difference_changes_meaning(a: list[str], b: list[str]) -> bool:
    """A negation or number added, dropped or replaced inside the common part.

    Words missing at either end are truncation and do not count.
    """
    ops = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    equal = [i for i, op in enumerate(ops) if op[0] == "equal"]
    if not equal:
        return _changes_meaning(a) or _changes_meaning(b)
    for tag, i1, i2, j1, j2 in ops[equal[0] + 1 : equal[-1]]:
        if tag != "equal" and (_changes_meaning(a[i1:i2]) or _changes_meaning(b[j1:j2])):
            return True
    return False


def same_quote(a: str, b: str) -> bool:
    """Whether two normalised quotes are the same quote (see the module docstring)."""
    if a == b:
        return True
    if min(a.count(" "), b.count(" ")) + 1 < NEAR_MIN_WORDS:
        return False  # short quotes ("Das ist nicht akzeptabel") recur as phrases: only their exact words count
    sa, sb = _shingles(a), _shingles(b)
    common = len(sa & sb)
    if not common:
        return False
    jaccard = common / len(sa | sb)
    contained = common / min(len(sa), len(sb)) >= CONTAINED_MIN
    if jaccard < JACCARD_MIN and not contained:
        return False
    return not _inner_difference_changes_meaning(a.split(), b.split())


def speaker_key(speaker_text: str | None, speaker_entity: str | None, lang: str = "de") -> str:
    """``"surname|first"`` when the speaker is named in the article as a person; "" otherwise.

    Pronouns ("er") and descriptions ("ein Bahnsprecher", "die
    Handwerkskammer") give "": who they refer to is our resolution, and a
    wrong one must not make a conflict. A mention with more than a name
    ("Jörg Reinhardt von der Bürgerliste in der Sitzung") counts through
    the extractor's entity when that name is written in it.
    """
    written = parse_mention(speaker_text, lang)
    if written is None or speaker_text is None or _is_description(speaker_text, written, lang):
        return ""
    entity = parse_mention(speaker_entity, lang)
    if written.person:
        first = written.first
        if not first and entity and entity.person and entity.surname == written.surname:
            first = entity.first  # "Lindqvist" with the entity "Petra Lindqvist"
        return f"{written.surname}|{first}"
    if entity and entity.person and entity.surname and f" {entity.surname} " in norm_words(speaker_text):
        return f"{entity.surname}|{entity.first}"
    return ""


def _is_description(speaker_text: str, written: Mention, lang: str) -> bool:
    """ "ein Bahnsprecher", "die Handwerkskammer": an article and one noun, or a role noun alone."""
    names = names_for(lang)
    words = speaker_text.split()
    if len(words) == 2 and words[0].casefold() in names.articles:
        return True
    return not written.first and " " not in written.name and names.is_role_noun(written.name)


def norm_words(text: str) -> str:
    """``text`` as the store's name keys are written (lower case, single spaces), padded to match whole words."""
    return f" {norm(text)} "


def _same_person(a: str, b: str) -> bool:
    surname_a, _, first_a = a.partition("|")
    surname_b, _, first_b = b.partition("|")
    if surname_a != surname_b:
        return False
    return not first_a or not first_b or _first_compatible(first_a, first_b)


def keys_conflict(keys_by_article: Mapping[str, Iterable[str]]) -> bool:
    """Whether two articles credit the quote to different people.

    Each article's named speakers of the quote (usually one; two when it
    relays "X zitiert Y") are compared with every other article's: a conflict
    needs two articles that share no person. Unnamed speakers ("") count for
    nothing.
    """
    named = [frozenset(k for k in keys if k) for keys in keys_by_article.values()]
    named = [keys for keys in set(named) if keys]
    return any(
        not any(_same_person(a, b) for a in first for b in second)
        for i, first in enumerate(named)
        for second in named[i + 1 :]
    )
