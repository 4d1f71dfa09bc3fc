"""When was a statement made? Resolve German time expressions near it.

Every stored statement carries its article's publication date. Where the
sentence that frames the statement also dates it ("sagte am Montag",
"erklärte er diesen Monat", "im vergangenen Jahr"), the expression is resolved
against the publication date:

* only the statement's own sentence is searched (the one holding its cue,
  else frame, else speaker, else quote), and the quote itself is masked out:
  a date *inside* a quotation ("vor und nach dem 24. Februar") says what the
  statement is about, not when it was made;
* explicit day-month dates ("am 24. Februar", "24. Februar 2022") go to
  dateparser with the publication date as base, one short matched phrase at a
  time (dateparser's search over whole sentences is slow and over-eager);
* weekdays, "gestern", weeks, months and years are own rules.

The result is an ISO 8601 string whose precision says what is known:
``2023-02-20`` (day), ``2023-02`` (month) or ``2022`` (year); a week resolves
to its Monday with precision ``week``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from .model import Span, Statement

MONTHS = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
}
WEEKDAYS = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
}
_M = "|".join(MONTHS)
_W = "|".join(WEEKDAYS)
_PAST = r"(?:vergangen\w*|letzt\w*|vorig\w*)"
_THIS = r"(?:dies\w*|laufend\w*)"

# Ordered by precision: the first rule that matches decides.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(rf"\b(\d{{1,2}})\.\s*({_M})(?:\s+(\d{{4}}))?\b", re.I)),
    ("numdate", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\d])")),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?:am|vom|seit|bis)\s+)?(?:{_PAST}\s+)?({_W})(?:abend|morgen|nachmittag|vormittag|mittag|nacht)?\b",
            re.I,
        ),
    ),
    ("relday", re.compile(r"\b(vorgestern|gestern|heute|am\s+vortag)\b", re.I)),
    ("week", re.compile(rf"\b(?:in\s+der\s+|die\s+)?({_PAST}|{_THIS})\s+woche\b", re.I)),
    ("month_rel", re.compile(rf"\b(?:im\s+|in\s+diesem\s+)?(?:({_PAST}|{_THIS})\s+monat|(vormonat))\b", re.I)),
    (
        "month",
        re.compile(
            rf"\b(?:(anfang|mitte|ende)\s+|im\s+)({_M})"
            rf"(?:\s+(\d{{4}})|\s+(dieses\s+jahres|diesen\s+jahres|des\s+(?:vergangenen|letzten|vorigen)\s+jahres))?\b",
            re.I,
        ),
    ),
    ("year_rel", re.compile(rf"\b(?:im\s+|in\s+)?(?:({_PAST}|{_THIS})\s+jahr|(vorjahr))\b", re.I)),
    ("year", re.compile(r"\bim\s+jahre?\s+(\d{4})\b", re.I)),
]


@dataclass(frozen=True)
class SaidOn:
    value: str  # ISO 8601, reduced precision allowed ("2022", "2022-09")
    precision: str  # day | week | month | year
    expr: str  # the expression as written


@lru_cache(maxsize=4096)
def _dateparser(phrase: str, base: date) -> date | None:
    import dateparser  # slow import: only when an explicit date is seen

    settings: Any = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
    }
    got = dateparser.parse(phrase, languages=["de"], settings=settings)
    return got.date() if got else None


def _month_back(d: date, n: int = 1) -> tuple[int, int]:
    y, m = d.year, d.month - n
    while m < 1:
        m += 12
        y -= 1
    return y, m


def _is_past(word: str | None) -> bool:
    return bool(word) and re.match(_PAST, word or "", re.I) is not None


def resolve_expression(snippet: str, published: date | None) -> SaidOn | None:
    """The most precise time expression in ``snippet``, resolved."""
    for rule, rx in _RULES:
        for m in rx.finditer(snippet):
            got = _resolve(rule, m, published)
            if got:
                value, precision = got
                return SaidOn(value=value, precision=precision, expr=" ".join(m.group(0).split()))
    return None


def _resolve(rule: str, m: re.Match[str], pub: date | None) -> tuple[str, str] | None:
    if rule == "date":
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], m.group(3)
        if year:
            try:
                return date(int(year), month, day).isoformat(), "day"
            except ValueError:
                return None
        if pub is None:
            return None
        got = _dateparser(f"{day}. {m.group(2)}", pub)
        return (got.isoformat(), "day") if got else None
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
        wd = WEEKDAYS[m.group(1).lower()]
        # The most recent such day on or before publication: statements are
        # reported after they are made.
        back = (pub.weekday() - wd) % 7
        if back == 0 and re.search(_PAST, m.group(0), re.I):
            back = 7
        return (pub - timedelta(days=back)).isoformat(), "day"
    if rule == "relday":
        w = m.group(1).lower()
        delta = {"vorgestern": 2, "gestern": 1, "heute": 0}.get(w, 1)
        return (pub - timedelta(days=delta)).isoformat(), "day"
    if rule == "week":
        monday = pub - timedelta(days=pub.weekday())
        if _is_past(m.group(1)):
            monday -= timedelta(days=7)
        return monday.isoformat(), "week"
    if rule == "month_rel":
        y, mo = _month_back(pub) if (m.group(2) or _is_past(m.group(1))) else (pub.year, pub.month)
        return f"{y:04d}-{mo:02d}", "month"
    if rule == "month":
        mo = MONTHS[m.group(2).lower()]
        if m.group(3):
            y = int(m.group(3))
        elif m.group(4):
            y = pub.year - (1 if re.search(r"vergangen|letzt|vorig", m.group(4), re.I) else 0)
        else:
            y = pub.year if mo <= pub.month else pub.year - 1
        return f"{y:04d}-{mo:02d}", "month"
    if rule == "year_rel":
        y = pub.year - 1 if (m.group(2) or _is_past(m.group(1))) else pub.year
        return f"{y:04d}", "year"
    if rule == "year":
        return m.group(1), "year"
    return None


# A sentence ends at . ! ? … followed by space, except after a number
# ("am 24. Februar") or a single letter ("George W. Bush", "z. B."). No
# capital letter is required after it: the quote is blanked out by then.
_BOUNDARY = re.compile(r"(?<!\d)(?<!\b\w)[.!?…]['\"“”»«]?\s+|\n")
_WINDOW = 800


def statement_sentence(text: str, st: Statement, mask: Iterable[Span] = ()) -> str:
    """The statement's own sentence, its quote (and ``mask``) blanked out."""
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
    return _sentence_at("".join(chars), a - lo)


def _anchor(st: Statement) -> int | None:
    """Where the statement's sentence is: its cue, else frame, else speaker, else quote."""
    anchor_spans = st.cue or st.frame or st.speaker or st.quote
    return min(anchor_spans).begin if anchor_spans else None


def _window(text: str, a: int) -> tuple[int, int]:
    return max(0, a - _WINDOW), min(len(text), a + _WINDOW)


def _sentence_at(window: str, rel: int) -> str:
    """The sentence of ``window`` around offset ``rel``."""
    start, end = 0, len(window)
    for m in _BOUNDARY.finditer(window):
        if m.end() <= rel:
            start = m.end()
        elif m.start() >= rel:
            end = m.start() + 1
            break
    return window[start:end]


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


def said_on(text: str, st: Statement, published: date | None, mask: Iterable[Span] = ()) -> SaidOn | None:
    """Resolve the date the statement was made, or None.

    ``mask``: other statements' quotes in the article; a date inside any
    quotation is content, not the time of speaking. For all statements of an
    article, :func:`said_on_all` does the same with the quotes masked once.
    """
    if st.said_on:
        return SaidOn(value=st.said_on, precision=_precision(st.said_on), expr="")
    snippet = statement_sentence(text, st, mask)
    return resolve_expression(snippet, published) if snippet.strip() else None


def said_on_all(text: str, statements: list[Statement], published: date | None) -> list[SaidOn | None]:
    """:func:`said_on` of each statement, every statement's quotes masked.

    The text is blanked once for the whole article (masking every quote for
    every statement was quadratic on long articles): the same snippets as
    ``said_on(text, st, published, all_quotes)``.
    """
    blanked = blank_spans(text, [q for st in statements for q in st.quote])
    return [_said_on_blanked(blanked, st, published) for st in statements]


def _said_on_blanked(blanked: str, st: Statement, published: date | None) -> SaidOn | None:
    if st.said_on:
        return SaidOn(value=st.said_on, precision=_precision(st.said_on), expr="")
    a = _anchor(st)
    if a is None:
        return None
    lo, hi = _window(blanked, a)
    snippet = _sentence_at(blanked[lo:hi], a - lo)
    return resolve_expression(snippet, published) if snippet.strip() else None


def _precision(iso: str) -> str:
    return {4: "year", 7: "month"}.get(len(iso), "day")


__all__ = ["SaidOn", "blank_spans", "resolve_expression", "said_on", "said_on_all", "statement_sentence"]
