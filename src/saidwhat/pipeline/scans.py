"""Range questions about a token list, answered without rescanning it.

The sentence-level stages ask the same questions again and again for each
cue: where does the clause around token ``i`` begin and end, is there an
"als" after the verb, a finite verb or a punctuation mark before it. Each
answer used to be a scan of the clause or sentence, so a sentence with
``n`` tokens and ``n`` cues cost ``n²`` (issue 12: ``"Er sagte, " * 3000``
took 17 s). :class:`TokenScans` answers them from arrays over the token
list, each built once in one pass (clause beginnings per start token, as
far as they are asked for), so every question costs O(1) or O(log n).

:func:`scans` keeps the arrays of the last few token lists it was asked
about. A list is identified by the object itself (the entry holds it, so
its ``id`` cannot be reused); the pipeline never changes tokens after
tagging, which is what makes the cached answers stay true.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import accumulate

from ..nlp import Token

BOUNDARY = frozenset({",", ":", ";", "–", "—", "(", ")"})
MAX_BRACKET = 12  # a bracket inside a clause is short: "(1998 bis 2002)", "(SPD)"

TokenTest = Callable[[Token], bool]
PlaceTest = Callable[[list[Token], int], bool]  # a pattern at index k, may look at neighbours


class TokenScans:
    """Prefix counts, next-boundary and clause-begin arrays of one token list."""

    def __init__(self, toks: list[Token]) -> None:
        self.toks = toks
        self._next_boundary: list[int] | None = None
        self._clause_begins: dict[int, list[int]] = {}
        self._counts: dict[TokenTest, list[int]] = {}
        self._positions: dict[PlaceTest, list[int]] = {}
        self._groups: dict[PlaceTest, dict[str, list[int]]] = {}

    def clause_end(self, i: int, end: int) -> int:
        """The first boundary token at or after ``i`` (``end`` when none comes before it)."""
        if i >= end:
            return i
        if self._next_boundary is None:
            n = len(self.toks)
            nxt = [n] * (n + 1)
            for k in range(n - 1, -1, -1):
                nxt[k] = k if self.toks[k].text in BOUNDARY else nxt[k + 1]
            self._next_boundary = nxt
        return min(self._next_boundary[i], end)

    def clause_begin(self, i: int, start: int) -> int:
        """First token of the clause holding ``i``, looking no further back
        than ``start``. A short bracket inside the clause does not end it.

        The walk back from ``i`` makes the same decision at each token
        whatever token it started from, so the beginning for ``j`` is either
        ``j``, the beginning for ``j - 1`` or that for a bracket's "(": one
        array per ``start``, filled left to right as far as asked."""
        if i <= start:
            return i
        begins = self._clause_begins.setdefault(start, [start])
        toks = self.toks
        for j in range(start + len(begins), i + 1):
            begins.append(self._begin_step(toks, j, start, begins))
        return begins[i - start]

    @staticmethod
    def _begin_step(toks: list[Token], j: int, start: int, begins: list[int]) -> int:
        if toks[j - 1].text == ")":
            k = j - 2
            while k > start and j - k <= MAX_BRACKET and toks[k].text not in BOUNDARY:
                k -= 1
            if k > start and toks[k].text == "(" and toks[k - 1].text not in BOUNDARY:
                return begins[k - start]
        if toks[j - 1].text in BOUNDARY:
            return j
        return begins[j - 1 - start]

    def count(self, test: TokenTest, a: int, b: int) -> int:
        """How many tokens in ``[a, b)`` pass ``test`` (a module-level function:
        the prefix array is kept per function object)."""
        prefix = self._counts.get(test)
        if prefix is None:
            prefix = list(accumulate((1 if test(t) else 0 for t in self.toks), initial=0))
            self._counts[test] = prefix
        a = max(a, 0)
        b = min(b, len(self.toks))
        return prefix[b] - prefix[a] if b > a else 0

    def any(self, test: TokenTest, a: int, b: int) -> bool:
        """Whether a token in ``[a, b)`` passes ``test``."""
        return self.count(test, a, b) > 0

    def positions(self, test: PlaceTest) -> list[int]:
        """The sorted indices ``k`` where ``test(toks, k)`` holds (computed once per function)."""
        found = self._positions.get(test)
        if found is None:
            found = [k for k in range(len(self.toks)) if test(self.toks, k)]
            self._positions[test] = found
        return found

    def grouped(self, test: PlaceTest) -> dict[str, list[int]]:
        """The indices where ``test`` holds, by lower-cased word (computed once per function)."""
        groups = self._groups.get(test)
        if groups is None:
            groups = {}
            for k in self.positions(test):
                groups.setdefault(self.toks[k].lower, []).append(k)
            self._groups[test] = groups
        return groups

    def has_word(self, words: Iterable[str], a: int, b: int) -> bool:
        """Whether a token in ``[a, b)`` is one of ``words`` (lower-cased), by
        the positions of each word: "is there an "als" in the sentence" was a
        scan of the sentence per cue."""
        groups = self.grouped(_every_token)
        for w in words:
            found = groups.get(w)
            if found:
                p = bisect_left(found, a)
                if p < len(found) and found[p] < b:
                    return True
        return False

    def between(self, test: PlaceTest, a: int, b: int) -> list[int]:
        """The indices in ``[a, b)`` where ``test`` holds, in order."""
        found = self.positions(test)
        return found[bisect_left(found, a) : bisect_left(found, b)]

    def first(self, test: PlaceTest, a: int, b: int) -> int | None:
        """The first index in ``[a, b)`` where ``test`` holds."""
        found = self.positions(test)
        p = bisect_left(found, a)
        return found[p] if p < len(found) and found[p] < b else None

    def last(self, test: PlaceTest, a: int, b: int) -> int | None:
        """The last index in ``[a, b)`` where ``test`` holds."""
        found = self.positions(test)
        p = bisect_left(found, b) - 1
        return found[p] if p >= 0 and found[p] >= a else None


def _every_token(toks: list[Token], k: int) -> bool:
    return True


_CACHE_SIZE = 4  # one article at a time per thread; each entry keeps its token list alive
_cache: dict[int, TokenScans] = {}


def scans(toks: list[Token]) -> TokenScans:
    """The arrays of ``toks``: built on first use, kept for the last few lists."""
    found = _cache.get(id(toks))
    if found is not None and found.toks is toks:
        return found
    if len(_cache) >= _CACHE_SIZE:
        _cache.clear()
    found = TokenScans(toks)
    _cache[id(toks)] = found
    return found
