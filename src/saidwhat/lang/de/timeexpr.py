"""German time expressions for :mod:`saidwhat.timeanchor`: the patterns and words.

The shared engine resolves what these patterns match against a publication
date; which words say "last week" or "on Monday" is German and lives here
(month and weekday names in ``months.txt`` and ``weekdays.txt``). Each rule
kind's groups are what :class:`~saidwhat.timeanchor.TimeExpressions` documents.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import load_lexicon
from ...timeanchor import TimeExpressions


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Month name (lower case) → number; insertion order as in ``months.txt``."""
    return {name: int(number) for name, number in load_lexicon("de", "months")}


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    return {name: int(number) for name, number in load_lexicon("de", "weekdays")}


@lru_cache(maxsize=1)
def time_expressions() -> TimeExpressions:
    m = "|".join(months())
    w = "|".join(weekdays())
    past = r"(?:vergangen\w*|letzt\w*|vorig\w*)"
    this = r"(?:dies\w*|laufend\w*)"
    # Ordered by precision: the first rule that matches decides.
    rules = (
        ("date", re.compile(rf"\b(\d{{1,2}})\.\s*({m})(?:\s+(\d{{4}}))?\b", re.I)),
        ("numdate", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\d])")),
        (
            "weekday",
            re.compile(
                rf"\b(?:(?:am|vom|seit|bis)\s+)?(?:{past}\s+)?({w})"
                r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht)?\b",
                re.I,
            ),
        ),
        ("relday", re.compile(r"\b(vorgestern|gestern|heute|am\s+vortag)\b", re.I)),
        ("week", re.compile(rf"\b(?:in\s+der\s+|die\s+)?({past}|{this})\s+woche\b", re.I)),
        ("month_rel", re.compile(rf"\b(?:im\s+|in\s+diesem\s+)?(?:({past}|{this})\s+monat|(vormonat))\b", re.I)),
        (
            "month",
            re.compile(
                rf"\b(?:(anfang|mitte|ende)\s+|im\s+)({m})"
                r"(?:\s+(\d{4})|\s+(dieses\s+jahres|diesen\s+jahres"
                r"|des\s+(?:vergangenen|letzten|vorigen)\s+jahres))?\b",
                re.I,
            ),
        ),
        ("year_rel", re.compile(rf"\b(?:im\s+|in\s+)?(?:({past}|{this})\s+jahr|(vorjahr))\b", re.I)),
        ("year", re.compile(r"\bim\s+jahre?\s+(\d{4})\b", re.I)),
    )
    return TimeExpressions(
        rules=rules,
        months=months(),
        weekdays=weekdays(),
        days_back={"vorgestern": 2, "gestern": 1, "heute": 0, "am vortag": 1},
        past=re.compile(past, re.I),
    )
