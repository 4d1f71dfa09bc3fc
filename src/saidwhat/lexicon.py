"""Plain-text lexicons: one entry a line, ``#`` starts a comment.

Each language folder (``saidwhat/lang/<code>/``) keeps its word lists as
UTF-8 files with a header comment saying what they hold. An entry line may
carry tab-separated fields after the entry (e.g. a medium for a cue verb).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources


def iter_lexicon(lang: str, name: str) -> Iterator[tuple[str, ...]]:
    """Rows of ``lang/<lang>/<name>.txt``, read as they come (nothing kept).

    For large tables that the caller turns into its own structure (the
    word-form tables): :func:`load_lexicon` would keep a second copy.
    """
    path = resources.files("saidwhat") / "lang" / lang / f"{name}.txt"
    with path.open(encoding="utf-8") as f:
        for raw in f:
            # most lines have no comment: no split (the word-form tables have 400,000 lines to load)
            line = (raw.split("#", 1)[0] if "#" in raw else raw).rstrip()
            if not line.strip():
                continue
            yield tuple(map(str.strip, line.split("\t")))


@cache
def load_lexicon(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``lang/<lang>/<name>.txt``: each a tuple of tab-separated fields."""
    return tuple(iter_lexicon(lang, name))


def load_word_set(lang: str, name: str) -> frozenset[str]:
    """The first field of every row, as a set (for membership tests)."""
    return frozenset(row[0] for row in load_lexicon(lang, name))
