"""English time expressions for :mod:`saidwhat.timeanchor`: the patterns and words.

The shared engine resolves what these patterns match against a publication
date (rule kinds and their groups: :class:`~saidwhat.timeanchor.TimeExpressions`).
What is English lives here and in the data files: month and weekday names
(``months.txt``, ``weekdays.txt``; matched capitalised only, so the verb "may"
and the noun "march" are no months), relative days (``relative_days.txt``) and
the abbreviations whose period ends no sentence (``abbreviations.txt``: "Nov. 12",
"Sen. Kim").

Covered, most precise first: "on Nov. 12", "November 12, 2021", "12 November 2021";
"on Monday", "said Tuesday" (AP style), "last Friday", "Monday night";
"yesterday", "today", "last night", "this morning"; "last week", "earlier this
week"; "last month", "earlier this month"; "in March", "in March 2021", "in
early March", "late last March" is not (a rare form), "in March last year";
"last year", "earlier this year". Not covered on purpose: numeric dates
("11/12/2021": month or day first depends on the writer), a bare year ("in 2016"
dates what a relative clause says as often as the statement: measured in
``scripts/measure_time_en.py``), "next …" (a statement is made before it is
reported).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import load_lexicon, load_word_set
from ...timeanchor import TimeExpressions

_PAST = r"(?:last|past|previous|prior)"
_THIS = r"(?:this|current)"


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Month name or abbreviation (lower case, no period) → number."""
    return {name: int(number) for name, number in load_lexicon("en", "months")}


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    return {name: int(number) for name, number in load_lexicon("en", "weekdays")}


@lru_cache(maxsize=1)
def relative_days() -> dict[str, int]:
    return {phrase: int(days) for phrase, days in load_lexicon("en", "relative_days")}


def _capitalised(words: dict[str, int]) -> str:
    """An alternation of the names, capitalised, longest first ("September" before "Sept" and "Sep")."""
    return "|".join(w.capitalize() for w in sorted(words, key=len, reverse=True))


def _phrases(words: dict[str, int], capitalised: bool = False) -> str:
    """An alternation of the lower-case phrases (or with a capital first letter), longest first.

    Any whitespace between their words.
    """
    phrases = sorted(words, key=len, reverse=True)
    if capitalised:
        phrases = [p[:1].upper() + p[1:] for p in phrases]
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


@lru_cache(maxsize=1)
def time_expressions() -> TimeExpressions:
    # Month and weekday names are matched as written (capitalised); every other word in any case.
    m = _capitalised(months())
    w = _capitalised(weekdays())
    days = relative_days()
    position = r"(?i:early|mid|late)"
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    rules = (
        # "12 November 2021", "the 12th of November"
        ("date", re.compile(rf"\b{day}\s+(?i:of\s+)?({m})\b\.?(?:,?\s+(\d{{4}}))?\b")),
        # "Nov. 12", "November 12, 2021"
        ("monthday", re.compile(rf"\b({m})\b\.?\s+{day}\b(?:,?\s+(\d{{4}})\b)?")),
        # "on Monday", "said Tuesday", "last Friday", "this past Sunday", "Monday night"
        ("weekday", re.compile(rf"(?:\b(?i:on|this\s+past|{_PAST})\s+)?\b({w})\b")),
        # "yesterday", "today", "last night"; capitalised only at a sentence start, so no show or paper
        # ("USA TODAY", "NBC's “Today”", "Last Week Tonight")
        (
            "relday",
            re.compile(
                rf"\b((?<!['’]s\s)(?:{_phrases(days)})"  # lower case, not after a possessive
                rf"|(?<![\w,;:]\s)(?<![“\"‘'])(?:{_phrases(days, True)}))\b"  # capitalised: a sentence start
            ),
        ),
        # "last week", "this week", "earlier this week", "over the past week"
        ("week", re.compile(rf"\b(?i:({_PAST}|{_THIS})\s+week)\b")),
        # "last month", "earlier this month", "the month before"
        ("month_rel", re.compile(rf"\b(?i:({_PAST}|{_THIS})\s+month|(the\s+month\s+before|a\s+month\s+ago))\b")),
        # "in March", "in early March", "since late March", "in March 2021", "in March last year"
        (
            "month",
            re.compile(
                rf"\b((?i:(?:in|since|during|until|through|by)\s+(?:{position}[\s-]+)?|{position}[\s-]+))"
                rf"({m})\b(?!\.?\s+\d{{1,2}}\b)(?:\s+(\d{{4}})\b|,?\s+(?i:of\s+)?((?i:{_PAST}|{_THIS})\s+(?i:year))\b)?"
            ),
        ),
        # "last year", "earlier this year", "the year before"
        ("year_rel", re.compile(rf"\b(?i:({_PAST}|{_THIS})\s+year|(the\s+year\s+before|a\s+year\s+ago))\b")),
    )
    return TimeExpressions(
        rules=rules,
        months=months(),
        weekdays=weekdays(),
        days_back=relative_days(),
        past=re.compile(_PAST, re.I),
        abbreviations=load_word_set("en", "abbreviations"),
    )
