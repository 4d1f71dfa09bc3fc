"""HanTa's word analysis, same answers, about three times faster.

Licence: **LGPL-3.0-or-later**, not MIT like the rest of saidwhat. This module
is a modified version of two methods of HanTa (Christian Wartena, LGPL-3.0):
its searches follow HanTa's code step by step, so it is HanTa's licence that
applies. It is kept in this one file, which a user may replace or modify
(LGPL-3.0 section 4); nothing else in saidwhat is derived from HanTa's code.

HanTa (``HanoverTagger``, LGPL-3.0) analyses a word form with two searches
over its morpheme model: a forward pass that scores every part of speech
(``analyze_forward``) and a Viterbi pass that finds the morphemes of the best
one (``analyze_viterbi``). Both try every segment ``word[i:j]`` with every tag
that may follow the states kept at position ``i``, and score each pair with
``lp_m_t``, a method call that looks the segment up in the tag's morpheme
table or, for the eleven open-class tags, estimates it from the segment's
length and ending. On news forms the tables have never seen (names,
compounds) 95 % of those pairs score minus infinity and are dropped.

:class:`FastHanoverTagger` overrides the two searches and keeps the rest of
HanTa (the tag choice, lemma building, its own word cache) as it is. The
searches visit the same states in the same order and add the same floats
in the same order, so every score, tie and answer is HanTa's; only the work
per pair changes:

- a segment's known tags come from one inverted index (morpheme → tag →
  score) instead of one table look-up per tag;
- a segment's open-class scores are computed once per segment (the ending's
  part memoised by ending), not once per state and tag, and shared by the
  forward pass and the Viterbi pass of the same word;
- per state, the tags that may follow are split once into all of them and
  the open-class ones: a segment no table knows (most of them) loops over
  the open-class ones only, skipping the pairs that would score minus infinity.

``tests/test_hanta_search.py`` checks the answers against HanTa's own on word
forms of every kind. Used by :mod:`saidwhat.lang.de.tagger` in place of
HanTa's class; a new HanTa version is checked by that test.
"""

from __future__ import annotations

import math
import threading
from operator import itemgetter
from typing import Any

from HanTa.HanoverTagger import EMPTY, END_UNKNOWN, START, UNKNOWN, HanoverTagger
from numpy import logaddexp

# HanTa's floor for a score worth keeping
_LOWER_BOUND = -1e6
# an unknown morpheme spanning the whole word is penalised so (HanTa's constant)
_WHOLE_WORD_PENALTY = 4.6
# ending scores memoised; cleared past this many distinct endings (random text brings many)
_MAX_MEMOISED_ENDINGS = 100_000

# per segment: (known tag → score or None, open-class scores in open-tag order or None)
_Segment = tuple[dict[int, float] | None, list[float] | None]
# a tag that may follow a state: (tag, transition score, index among the open tags or None, new state)
_Next = tuple[int, float, int | None, tuple[int, int]]


class FastHanoverTagger(HanoverTagger):  # type: ignore[misc]  # HanTa has no type hints
    """HanTa's tagger with its two word searches reorganised (see the module docstring)."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        # the open-class tags: those lp_m_t may score for a morpheme no table knows
        self._open_tags = [t for t in self.LP_m_t if t in self.LP_hapax_t and t in self.LP_s_t]
        self._open_index = {t: k for k, t in enumerate(self._open_tags)}
        # (interpolation + hapax) + length term, per open tag and morpheme length (0-24), summed as lp_m_t does
        self._open_base = [[self.Int_t + self.LP_hapax_t[t] + x for x in self.LP_len_t[t]] for t in self._open_tags]
        self._known: dict[str, dict[int, float]] = {}
        for tag, morphemes in self.LP_m_t.items():
            for morpheme, lp in morphemes.items():
                self._known.setdefault(morpheme, {})[tag] = lp
        self._ending_scores: dict[str, list[float]] = {}
        self._next_tags: dict[tuple[tuple[int, int], int | None], tuple[list[_Next], list[_Next]]] = {}
        # the forward pass's segment scores, reused by the Viterbi pass of the same word (per thread)
        self._rows = threading.local()

    def _ending_score(self, segment: str, length: int) -> list[float]:
        """The ending's part of lp_m_t for each open tag: its longest known ending of at most 4 characters
        shorter than the segment (the segment's last 4 characters decide, or the whole segment when shorter)."""
        key = segment if length <= 4 else "#" + segment[-4:]
        scores = self._ending_scores.get(key)
        if scores is None:
            scores = []
            for tag in self._open_tags:
                by_ending = self.LP_s_t[tag]
                for n in (4, 3, 2, 1):
                    if length > n and segment[-n:] in by_ending:
                        scores.append(by_ending[segment[-n:]])
                        break
                else:
                    scores.append(by_ending[""])
            if len(self._ending_scores) >= _MAX_MEMOISED_ENDINGS:
                self._ending_scores.clear()
            self._ending_scores[key] = scores
        return scores

    def _open_scores(self, segment: str, word_length: int) -> list[float] | None:
        """lp_m_t of ``segment`` as an unknown morpheme, per open tag; None where HanTa allows none
        (segments of 1-2 characters in words of 4 or more)."""
        length = len(segment)
        if word_length >= 4 and length <= 2:
            return None
        capped = length if length < 24 else 24
        endings = self._ending_score(segment, length)
        if length == word_length:
            return [base[capped] + e - _WHOLE_WORD_PENALTY for base, e in zip(self._open_base, endings, strict=True)]
        return [base[capped] + e for base, e in zip(self._open_base, endings, strict=True)]

    def _segments(self, word: str, i: int, strict: bool) -> list[_Segment]:
        """Scores of the segments word[i:j], j = i+1 … len(word); only known morphemes when ``strict``."""
        known = self._known
        n = len(word)
        if strict:
            return [(known.get(word[i:j]), None) for j in range(i + 1, n + 1)]
        return [(known.get(word[i:j]), self._open_scores(word[i:j], n)) for j in range(i + 1, n + 1)]

    def _followers(self, state: tuple[int, int], target: int | None) -> tuple[list[_Next], list[_Next]]:
        """The tags that may follow ``state`` (those that can still reach ``target``, if given), in HanTa's
        order: all of them, and the open-class ones."""
        key = (state, target)
        got = self._next_tags.get(key)
        if got is None:
            followers = self.LP_trans_nonfinal.get(state, [])
            if target is not None:
                reachable = self.reachability.get(target, frozenset())
                followers = [(t, lp) for t, lp in followers if t in reachable]
            index = self._open_index
            every = [(t, lp, index.get(t), (state[1], t)) for t, lp in followers]
            got = (every, [f for f in every if f[2] is not None])
            self._next_tags[key] = got
        return got

    def _expand_row(
        self,
        table: list[dict[tuple[int, int], float]],
        backpointer: list[dict[tuple[int, int], tuple[tuple[int, int], int]]] | None,
        word: str,
        i: int,
        segments: dict[int, list[_Segment]],
        target: int | None,
        strict: bool,
    ) -> None:
        """Extend the states kept at position ``i`` by every segment word[i:j] (HanTa's inner loops)."""
        row = table[i]
        bound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else _LOWER_BOUND
        row_segments: list[_Segment] | None = None
        for state, lp in row.items():
            if lp < bound:
                continue
            every, open_only = self._followers(state, target)
            if not every:
                continue
            if row_segments is None:
                row_segments = segments.get(i)
                if row_segments is None:
                    row_segments = segments[i] = self._segments(word, i, strict)
            back = (state, i)
            j = i
            for known, opens in row_segments:
                j += 1
                cell = table[j]
                if known is None:
                    if opens is None:
                        continue
                    for _tag, lpt, k, new in open_only:
                        lp1 = lp + lpt + opens[k]  # type: ignore[index]  # k is set for open tags
                        if lp1 > _LOWER_BOUND:
                            old = cell.get(new)
                            if old is None or lp1 > old:
                                cell[new] = lp1
                                if backpointer is not None:
                                    backpointer[j][new] = back
                    continue
                for tag, lpt, k, new in every:
                    lpm = known.get(tag)
                    if lpm is None:
                        if k is None or opens is None:
                            continue  # lp_m_t: minus infinity
                        lpm = opens[k]
                    lp1 = lp + lpt + lpm
                    if lp1 > _LOWER_BOUND:
                        old = cell.get(new)
                        if old is None or lp1 > old:
                            cell[new] = lp1
                            if backpointer is not None:
                                backpointer[j][new] = back

    def analyze_forward(self, word: str) -> list[tuple[int, float]]:
        """HanTa's ``analyze_forward``: (part of speech, log probability), best first."""
        n = len(word)
        table: list[dict[tuple[int, int], float]] = [{(EMPTY, START): 0.0}] + [{} for _ in range(n + 1)]
        segments: dict[int, list[_Segment]] = {}
        self._rows.forward = (word, segments)
        for i in range(n + 1):
            self._expand_row(table, None, word, i, segments, None, self.strict)
        last = table[-1]
        for state, lp in table[-2].items():
            for tag, lpt in self.LP_trans_final.get(state, []):
                lp1 = lp + lpt
                if lp1 > _LOWER_BOUND:
                    new = (state[1], tag)
                    if new not in last or lp1 > last[new]:
                        last[new] = lp1
        results: dict[int, Any] = {}
        for state, lp in last.items():
            if lp == -math.inf:
                continue
            pos = -state[1]
            results[pos] = logaddexp(results[pos], lp) if pos in results else lp
        ranked = list(results.items())
        ranked.sort(key=itemgetter(1), reverse=True)
        return ranked or [(UNKNOWN, 0)]

    def analyze_viterbi(self, word: str, targetpos: int) -> list[tuple[int, int]]:
        """HanTa's ``analyze_viterbi``: the morphemes (tag, end) of the best path to ``targetpos``, first with
        known morphemes only, then with unknown ones too."""
        n = len(word)
        table: list[dict[tuple[int, int], float]] = []
        backpointer: list[dict[tuple[int, int], tuple[tuple[int, int], int]]] = []
        for strict in (True, False):
            table = [{(EMPTY, START): 0.0}] + [{} for _ in range(n + 1)]
            backpointer = [{} for _ in range(n + 2)]
            segments: dict[int, list[_Segment]] = {}
            if not strict and not self.strict:
                forward: tuple[str, dict[int, list[_Segment]]] | None = getattr(self._rows, "forward", None)
                if forward is not None and forward[0] == word:
                    segments = forward[1]
            for i in range(n + 1):
                self._expand_row(table, backpointer, word, i, segments, targetpos, strict)
            last = table[-1]
            for state, lp in table[-2].items():
                for tag, lpt in self.LP_trans_final.get(state, []):
                    if tag == targetpos:
                        lp1 = lp + lpt
                        if lp1 > _LOWER_BOUND:
                            new = (state[1], tag)
                            if new not in last or lp1 > last[new]:
                                last[new] = lp1
                                backpointer[-1][new] = (state, n)
                        break
            if last:
                break
        best_lp = -math.inf
        best = (EMPTY, EMPTY)
        for state, lp in table[-1].items():
            if lp > best_lp:
                best_lp, best = lp, state
        i = len(backpointer) - 1
        if best == (EMPTY, EMPTY):
            path = [((UNKNOWN, END_UNKNOWN), i), ((START, UNKNOWN), i - 1)]
        else:
            path = [(best, i)]
            state = best
            while i > 0:
                state, i = backpointer[i][state]
                path.append((state, i))
            path = path[:-1]
        return [(s[1], end) for s, end in path[::-1]]
