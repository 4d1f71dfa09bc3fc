"""Plain-text lexicons: one entry a line, ``#`` starts a comment.

Each language folder (``saidwhat/lang/<code>/``) keeps its word lists as
UTF-8 files with a header comment saying what they hold. An entry line may
carry tab-separated fields after the entry (e.g. a medium for a cue verb).
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load_lexicon(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``lang/<lang>/<name>.txt``: each a tuple of tab-separated fields."""
    path = resources.files("saidwhat") / "lang" / lang / f"{name}.txt"
    rows: list[tuple[str, ...]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)


def load_word_set(lang: str, name: str) -> frozenset[str]:
    """The first field of every row, as a set (for membership tests)."""
    return frozenset(row[0] for row in load_lexicon(lang, name))
