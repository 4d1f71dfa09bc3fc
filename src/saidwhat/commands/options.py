"""Argument types shared by the query commands (``search``, ``speakers``)."""

from __future__ import annotations

import argparse
import re
from typing import Any

from ..model import SpeakerKind

# A count a user may ask for: enough for any store, small enough for SQLite's 64-bit integers.
MAX_COUNT = 1_000_000_000
_ASCII_NUMBER = re.compile(r"[0-9]+")


def positive_count(value: str) -> int:
    """An argparse type: a whole number from 1 to :data:`MAX_COUNT`, in ASCII digits.

    ``int()`` would also take ``"٣"``, ``"1_000"`` and numbers too large for
    SQLite; argparse turns the ``ArgumentTypeError`` into one usage line.
    """
    text = value.strip()
    if not _ASCII_NUMBER.fullmatch(text) or not 1 <= int(text) <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number from 1 to {MAX_COUNT}")
    return int(text)


QUERY_HELP = 'words in the quote or speaker, in any form; "a phrase", prefix*, OR, NOT (docs/store.md)'

# The search filters, by name: the same in `search`, `export`, the API and the page.
FILTERS = ("query", "speaker", "since", "until", "kind", "stance", "source", "lang", "min_confidence", "speaker_kind")


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    """The search filters as options (the query is each command's own positional argument)."""
    p.add_argument("--speaker", metavar="NAME", help="only this speaker (name, alias or id)")
    p.add_argument("--since", metavar="DATE", help="said on or after (YYYY-MM-DD, YYYY-MM, YYYY)")
    p.add_argument("--until", metavar="DATE", help="said on or before")
    p.add_argument("--kind", metavar="KIND", help="direct, indirect, free_indirect, indirect_free_indirect, reported")
    p.add_argument(
        "--stance", metavar="STANCE", help="say, claim, deny, reject, confirm, announce, demand, … (docs/stance.md)"
    )
    p.add_argument(
        "--speaker-kind",
        dest="speaker_kind",
        metavar="KIND",
        help="what the speaker is: " + ", ".join(k.value for k in SpeakerKind),
    )
    p.add_argument("--source", metavar="OUTLET", help="only articles from this source (as stored, any case)")
    p.add_argument("--lang", metavar="CODE", help="only articles in this language (de, en)")
    p.add_argument(
        "--min-confidence",
        dest="min_confidence",
        metavar="X",
        help="only statements with confidence X or more (0 to 1)",
    )


def filters_of(args: argparse.Namespace) -> dict[str, Any]:
    """The filters given on the command line, by their shared names."""
    return {name: getattr(args, name, None) for name in FILTERS}
