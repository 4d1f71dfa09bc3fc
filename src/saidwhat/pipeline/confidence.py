"""Stage: a confidence per statement, from how often its rule is right.

Reads: ``Found.construction``. The language's table (``lang/<code>/confidence.txt``) holds,
per construction, the share of its statements on the training split whose
quote overlapped a gold quote by half or more (see the file header). A rule
right 97% of the time gives 0.97; unknown rules get a cautious default;
a statement with no speaker found is discounted.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import load_lexicon
from .found import Found

DEFAULT = 0.5


@lru_cache(maxsize=8)
def _table(lang: str) -> dict[str, float]:
    table: dict[str, float] = {}
    try:
        rows = load_lexicon(lang, "confidence")
    except FileNotFoundError:
        return table
    for row in rows:
        try:
            table[row[0]] = min(1.0, max(0.0, float(row[1])))
        except (IndexError, ValueError):
            continue  # a malformed line: the rule falls back to the default
    return table


def confidence(f: Found, lang: str) -> float:
    p = _table(lang).get(f.construction, DEFAULT)
    if f.speaker is None:
        p *= 0.8  # gold nearly always names a speaker: without one, more often a false alarm
    return round(min(p, 0.99), 3)
