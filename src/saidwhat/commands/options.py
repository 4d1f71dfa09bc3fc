"""Argument types shared by the query commands (``search``, ``speakers``)."""

from __future__ import annotations

import argparse
import re

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
