"""Plain-text lexicons: one entry a line, ``#`` starts a comment.

Each language folder (``saidwhat/lang/<code>/``) keeps its word lists as
UTF-8 files with a header comment saying what they hold. An entry line may
carry tab-separated fields after the entry (e.g. a medium for a cue verb).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
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


# word list (by identity: lists are loaded once) → (the list, its entries grouped by length)
_SUFFIX_GROUPS: dict[tuple[int, int], tuple[Collection[str], tuple[tuple[int, frozenset[str]], ...]]] = {}


def _suffix_groups(entries: Collection[str], min_length: int) -> tuple[tuple[int, frozenset[str]], ...]:
    """The entries of at least ``min_length`` letters grouped by length, longest first; built
    once per word list (kept with the list, so its id stays valid)."""
    known = _SUFFIX_GROUPS.get((id(entries), min_length))
    if known is not None and known[0] is entries:
        return known[1]
    groups: dict[int, set[str]] = {}
    for entry in entries:
        if len(entry) >= min_length:
            groups.setdefault(len(entry), set()).add(entry)
    built = tuple((n, frozenset(g)) for n, g in sorted(groups.items(), reverse=True))
    _SUFFIX_GROUPS[(id(entries), min_length)] = (entries, built)
    return built


def longest_suffix_entry(word: str, entries: Collection[str], min_length: int, min_rest: int) -> str | None:
    """The longest entry of at least ``min_length`` letters that ends ``word`` and leaves at least
    ``min_rest`` letters before it (a compound: "Bundesrechnungshof" ends in "rechnungshof").

    One set look-up per entry length instead of one ``endswith`` per entry: the word lists hold
    hundreds of entries and every noun of an article is asked.
    """
    for n, group in _suffix_groups(entries, min_length):
        if len(word) - n >= min_rest and word[-n:] in group:
            return word[-n:]
    return None
