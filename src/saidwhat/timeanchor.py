"""When was a statement made? Resolve time expressions near it.

The engine is shared; the expressions are the language's
(:class:`TimeExpressions`, German in ``saidwhat/lang/de/timeexpr.py``; the
examples below are German).

Every stored statement carries its article's publication date. Where the
sentence that frames the statement also dates it ("sagte am Montag",
"erklärte er diesen Monat", "im vergangenen Jahr"), the expression is resolved
against the publication date:

* only the statement's own sentence is searched (the one holding its cue,
  else frame, else speaker, else quote), and the quote itself is masked out:
  a date *inside* a quotation ("vor und nach dem 24. Februar") says what the
  statement is about, not when it was made;
* explicit day-month dates ("am 24. Februar", "24. Februar 2022") without a
  year are the last such day on or before the publication date;
* weekdays, "gestern", weeks, months and years are own rules.

:func:`time_expressions_for` finds a language's expressions in the registry
(None for a language without any: no dates are resolved).

The result is an ISO 8601 string whose precision says what is known:
``2023-02-20`` (day), ``2023-02`` (month) or ``2022`` (year); a week resolves
to its Monday with precision ``week``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .model import Span, Statement


@dataclass(frozen=True)
class TimeExpressions:
    """One language's time expressions (German: ``saidwhat/lang/de/timeexpr.py``).

    ``rules``: (kind, pattern) pairs, most precise first; the first that
    matches decides. What each kind's groups hold:

    - ``date``: day, month name, year (optional) — "24. Februar 2022", "12 November 2021";
    - ``monthday``: month name, day, year (optional) — "Nov. 12", "November 12, 2021";
    - ``numdate``: day, month number, year (2 or 4 digits, optional);
    - ``weekday``: the weekday name (a "past" word in the match means the week before);
    - ``relday``: a word of ``days_back`` ("gestern");
    - ``week``: a "past" or "this" word;
    - ``month_rel``: a "past"/"this" word, or (group 2) a word meaning "the month before";
    - ``month``: (1) a position word, (2) the month name, (3) a year, (4) a phrase
      for this or (with a "past" word) last year;
    - ``year_rel``: a "past"/"this" word, or (group 2) a word meaning "the year before";
    - ``year``: the year.
    """

    rules: tuple[tuple[str, re.Pattern[str]], ...]
    months: dict[str, int]  # month name (lower case) → 1..12
    weekdays: dict[str, int]  # weekday name (lower case) → 0 (Monday)..6
    days_back: dict[str, int]  # a relative day ("gestern"), spaces collapsed → days before publication
    past: re.Pattern[str]  # a word for "last"/"past"
    # words whose period ends no sentence (lower case, no period): "Nov. 12", "Sen. Kim said"
    abbreviations: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SaidOn:
    value: str  # ISO 8601, reduced precision allowed ("2022", "2022-09")
    precision: str  # day | week | month | year
    expr: str  # the expression as written


def most_recent_date(day: int, month: int, pub: date) -> date | None:
    """The last ``day``.``month``. on or before ``pub``: a day-month date without a year, as a report gives it.

    The 29th of February goes back to the last leap year; a day the month
    never has ("31. April") is None. (What dateparser answered with
    ``PREFER_DATES_FROM: past``, checked on every day and month against ten
    publication dates; without its cost: 5 ms a phrase and 0.2 s to start.)
    """
    year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    if (month, day) == (2, 29):
        while year > 0 and not calendar.isleap(year):
            year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_back(d: date, n: int = 1) -> tuple[int, int]:
    y, m = d.year, d.month - n
    while m < 1:
        m += 12
        y -= 1
    return y, m


def _is_past(word: str | None, words: TimeExpressions) -> bool:
    return bool(word) and words.past.match(word or "") is not None


def resolve_expression(snippet: str, published: date | None, words: TimeExpressions) -> SaidOn | None:
    """The most precise time expression in ``snippet``, resolved."""
    for rule, rx in words.rules:
        for m in rx.finditer(snippet):
            got = _resolve(rule, m, published, words)
            if got:
                value, precision = got
                return SaidOn(value=value, precision=precision, expr=" ".join(m.group(0).split()))
    return None


def _resolve(rule: str, m: re.Match[str], pub: date | None, words: TimeExpressions) -> tuple[str, str] | None:
    if rule == "date":
        return _day_of_month(int(m.group(1)), m.group(2), m.group(3), pub, words)
    if rule == "monthday":
        return _day_of_month(int(m.group(2)), m.group(1), m.group(3), pub, words)
    if rule == "numdate":
        day, month, ys = int(m.group(1)), int(m.group(2)), m.group(3)
        if not (1 <= month <= 12):
            return None
        if ys:
            year = int(ys) + (2000 if len(ys) == 2 else 0)
        elif pub is not None:
            year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
        else:
            return None
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    if pub is None:
        return None
    if rule == "weekday":
        wd = words.weekdays[m.group(1).lower()]
        # The most recent such day on or before publication: statements are
        # reported after they are made.
        back = (pub.weekday() - wd) % 7
        if back == 0 and words.past.search(m.group(0)):
            back = 7
        return (pub - timedelta(days=back)).isoformat(), "day"
    if rule == "relday":
        delta = words.days_back.get(" ".join(m.group(1).lower().split()))
        if delta is None:
            return None
        return (pub - timedelta(days=delta)).isoformat(), "day"
    if rule == "week":
        monday = pub - timedelta(days=pub.weekday())
        if _is_past(m.group(1), words):
            monday -= timedelta(days=7)
        return monday.isoformat(), "week"
    if rule == "month_rel":
        y, mo = _month_back(pub) if (m.group(2) or _is_past(m.group(1), words)) else (pub.year, pub.month)
        return f"{y:04d}-{mo:02d}", "month"
    if rule == "month":
        mo = words.months[m.group(2).lower()]
        if m.group(3):
            y = int(m.group(3))
        elif m.group(4):
            y = pub.year - (1 if words.past.search(m.group(4)) else 0)
        else:
            y = pub.year if mo <= pub.month else pub.year - 1
        return f"{y:04d}-{mo:02d}", "month"
    if rule == "year_rel":
        y = pub.year - 1 if (m.group(2) or _is_past(m.group(1), words)) else pub.year
        return f"{y:04d}", "year"
    if rule == "year":
        return m.group(1), "year"
    return None


def _day_of_month(
    day: int, month_name: str, year: str | None, pub: date | None, words: TimeExpressions
) -> tuple[str, str] | None:
    """A day of a named month; without a year, the last such day on or before publication."""
    if year:
        try:
            return date(int(year), words.months[month_name.lower()], day).isoformat(), "day"
        except ValueError:
            return None
    if pub is None:
        return None
    got = most_recent_date(day, words.months[month_name.lower()], pub)
    return (got.isoformat(), "day") if got else None


# A sentence ends at . ! ? … followed by space, except after a number
# ("am 24. Februar") or a single letter ("George W. Bush", "z. B."). No
# capital letter is required after it: the quote is blanked out by then.
# (The mark comes first and the look-behinds after it, so the regex engine
# jumps from mark to mark instead of trying both look-behinds at every character.)
_BOUNDARY = re.compile(r"[.!?…](?<!\d[.!?…])(?<!\b\w[.!?…])['\"“”»«]?\s+|\n")
_WINDOW = 800


def statement_sentence(
    text: str, st: Statement, mask: Iterable[Span] = (), abbreviations: frozenset[str] = frozenset()
) -> str:
    """The statement's own sentence, its quote (and ``mask``) blanked out.

    ``abbreviations``: words whose period ends no sentence (the language's, see :class:`TimeExpressions`).
    """
    a = _anchor(st)
    if a is None:
        return ""
    lo, hi = _window(text, a)
    chars = list(text[lo:hi])
    for q in [*st.quote, *mask]:
        if q.end <= lo or q.begin >= hi:
            continue
        for i in range(max(q.begin, lo), min(q.end, hi)):
            chars[i - lo] = " "
    return _sentence_at("".join(chars), a - lo, abbreviations)


def _anchor(st: Statement) -> int | None:
    """Where the statement's sentence is: its cue, else frame, else speaker, else quote."""
    anchor_spans = st.cue or st.frame or st.speaker or st.quote
    return min(anchor_spans).begin if anchor_spans else None


def _window(text: str, a: int) -> tuple[int, int]:
    return max(0, a - _WINDOW), min(len(text), a + _WINDOW)


def _sentence_at(window: str, rel: int, abbreviations: frozenset[str] = frozenset()) -> str:
    """The sentence of ``window`` around offset ``rel``."""
    start, end = 0, len(window)
    for m in _BOUNDARY.finditer(window):
        if abbreviations and _after_abbreviation(window, m.start(), abbreviations):
            continue
        if m.end() <= rel:
            start = m.end()
        elif m.start() >= rel:
            end = m.start() + 1
            break
    return window[start:end]


_LAST_WORD = re.compile(r"(\w+)$")


def _after_abbreviation(window: str, stop: int, abbreviations: frozenset[str]) -> bool:
    """Whether the mark at ``stop`` is the period of an abbreviation ("Nov.", "Sen.")."""
    if window[stop] != ".":
        return False
    word = _LAST_WORD.search(window[max(0, stop - 16) : stop])  # abbreviations are short
    return word is not None and word.group(1).lower() in abbreviations


def blank_spans(text: str, spans: Iterable[Span]) -> str:
    """``text`` with every character inside one of ``spans`` replaced by a space."""
    pieces: list[str] = []
    pos = 0
    for sp in sorted(spans, key=lambda sp: sp.begin):
        b, e = max(sp.begin, pos), min(sp.end, len(text))
        if e <= b:
            continue
        pieces += (text[pos:b], " " * (e - b))
        pos = e
    pieces.append(text[pos:])
    return "".join(pieces)


def said_on(
    text: str, st: Statement, published: date | None, words: TimeExpressions, mask: Iterable[Span] = ()
) -> SaidOn | None:
    """Resolve the date the statement was made, or None.

    ``mask``: other statements' quotes in the article; a date inside any
    quotation is content, not the time of speaking. For all statements of an
    article, :func:`said_on_all` does the same with the quotes masked once.
    """
    if st.said_on:
        return SaidOn(value=st.said_on, precision=_precision(st.said_on), expr="")
    snippet = statement_sentence(text, st, mask, words.abbreviations)
    return resolve_expression(snippet, published, words) if snippet.strip() else None


def said_on_all(
    text: str, statements: list[Statement], published: date | None, words: TimeExpressions
) -> list[SaidOn | None]:
    """:func:`said_on` of each statement, every statement's quotes masked.

    The text is blanked once for the whole article (masking every quote for
    every statement was quadratic on long articles): the same snippets as
    ``said_on(text, st, published, words, all_quotes)``.
    """
    blanked = blank_spans(text, [q for st in statements for q in st.quote])
    return [_said_on_blanked(blanked, st, published, words) for st in statements]


def _said_on_blanked(blanked: str, st: Statement, published: date | None, words: TimeExpressions) -> SaidOn | None:
    if st.said_on:
        return SaidOn(value=st.said_on, precision=_precision(st.said_on), expr="")
    a = _anchor(st)
    if a is None:
        return None
    lo, hi = _window(blanked, a)
    snippet = _sentence_at(blanked[lo:hi], a - lo, words.abbreviations)
    return resolve_expression(snippet, published, words) if snippet.strip() else None


def _precision(iso: str) -> str:
    return {4: "year", 7: "month"}.get(len(iso), "day")


def time_expressions_for(lang: str | None) -> TimeExpressions | None:
    """The registered language's time expressions; None for an unregistered one."""
    from . import lang as languages

    if lang is None or lang not in languages.SUPPORTED_LANGUAGES:
        return None
    return languages.get(lang).time_expressions()


__all__ = [
    "SaidOn",
    "TimeExpressions",
    "time_expressions_for",
    "blank_spans",
    "resolve_expression",
    "said_on",
    "said_on_all",
    "statement_sentence",
]
