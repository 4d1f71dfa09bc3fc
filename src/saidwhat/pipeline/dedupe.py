"""Dropping candidates that repeat another statement's quote.

Reads: the candidates of one stage and the statements kept so far. Writes:
the candidates worth keeping. Language-neutral: it compares quote spans and
the rules' construction names, never words.
"""

from __future__ import annotations

from bisect import bisect_right

from ..model import Kind
from ..spanindex import SpanIndex
from .found import Found
from .sentences import Article as Analysed


def _overlap(a: Found, b: Found) -> float:
    inter = sum(max(0, min(x.end, y.end) - max(x.begin, y.begin)) for x in a.quote for y in b.quote)
    la = sum(len(x) for x in a.quote)
    lb = sum(len(y) for y in b.quote)
    return inter / max(1, min(la, lb))


def dedupe(art: Analysed, cands: list[Found], keep: list[Found]) -> list[Found]:
    """Drop candidates whose quote mostly repeats a kept or better one.

    Verb frames beat nominal ones ("laut X" inside a "sagte" sentence) where
    the nominal frame lies outside the verb frame's quote; a nominal source
    inside another statement's quote stays (:func:`_source_inside`). A quote
    that is mostly a direct quote belongs to the direct stage.
    """
    out: list[Found] = []
    verb_frames = sorted(g.frame[0] for g in cands if not g.construction.startswith("nominal") and g.frame)
    rank = sorted(
        cands, key=lambda f: (not _nominal_in_frame(f, verb_frames), f.construction.startswith("nominal"), f.begin)
    )
    # Only statements whose quotes overlap can repeat each other: the index
    # keeps this linear on long texts (comparing all pairs was quadratic).
    seen: list[Found] = []
    index = SpanIndex()
    for g in keep:
        seen.append(g)
        index.add(g.quote)
    for f in rank:
        if any(
            _overlap(f, seen[pos]) > 0.6 and not _source_inside(art, f, seen[pos]) and not _mixed_around(f, seen[pos])
            for pos in index.overlapping(f.quote)
        ):
            continue
        out.append(f)
        seen.append(f)
        index.add(f.quote)
    return out


def _nominal_in_frame(f: Found, verb_frames: list[tuple[int, int]]) -> bool:
    """A "laut X" inside a verb frame's clause is the source the corpus names
    ("Dudenhöffer geht laut dem Bericht davon aus, dass …" → "dem Bericht").

    ``verb_frames`` are the first frame spans of the verb-framed candidates,
    sorted: only those starting at or before ``f``'s frame can contain it.
    """
    if not f.construction.startswith("nominal") or not f.frame:
        return False
    a, b = f.frame[0]
    k = bisect_right(verb_frames, (a, 10**12))
    # frames are clauses of one sentence: a few before ``a`` is all we need to look at
    return any(lo <= a and b <= hi for lo, hi in verb_frames[max(0, k - 64) : k])


def _source_inside(art: Analysed, f: Found, g: Found) -> bool:
    """A nominal source ("laut X", "nach Angaben X", "X zufolge") inside the
    quote of another framed statement is a statement of its own: the corpus
    marks both ("Er sagte, laut der Studie sei …" gives the "sagte" statement
    and the "laut" one). Such a candidate is kept beside the one it overlaps
    (train: joint 73.58 -> 73.70, speaker 67.62 -> 67.75).
    """
    if not f.construction.startswith("nominal") or not f.frame or g.kind != Kind.INDIRECT:
        return False
    a, b = f.frame[0]
    ca, cb = art.tokens[a].begin, art.tokens[b - 1].end
    return any(s.begin <= ca and cb <= s.end for s in g.quote)


def _mixed_around(f: Found, g: Found) -> bool:
    """An indirect statement around a direct quote it contains ("Tony Blair
    „steht bereit“, sich … zu treffen"): the corpus marks both, the direct
    quote as nested in the indirect one."""
    return (
        f.construction.endswith("_mixed")
        and g.kind == Kind.DIRECT
        and f.begin <= g.begin
        and g.end <= f.end
        and (f.end - f.begin) > (g.end - g.begin)
    )
