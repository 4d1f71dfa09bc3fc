"""Stage: a confidence per statement, from how often its rule is right.

Reads: ``Found.construction``. The table ``lang/de/confidence.txt`` holds,
per construction, the share of its statements on the training split whose
quote overlaps a gold quote by half or more (measured by
``tests``-independent tooling; see the file header). Unknown rules get a
cautious default.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import load_lexicon
from .found import Found

DEFAULT = 0.5


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    try:
        return {row[0]: float(row[1]) for row in load_lexicon("de", "confidence")}
    except FileNotFoundError:
        return {}


def confidence(f: Found) -> float:
    p = _table().get(f.construction, DEFAULT)
    if f.speaker is None and f.construction not in {"ifi", "free_indirect"}:
        p *= 0.8  # a statement without a speaker is more often a false alarm
    return round(p, 3)
