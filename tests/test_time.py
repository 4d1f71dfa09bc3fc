"""Resolving German time expressions against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from saidwhat.lang.de.timeexpr import time_expressions
from saidwhat.model import Kind, Span, Statement
from saidwhat.timeanchor import most_recent_date, resolve_expression, said_on, time_expressions_for

PUB = date(2023, 2, 23)  # a Thursday
GERMAN = time_expressions()


@pytest.mark.parametrize(
    ("snippet", "value", "precision"),
    [
        ("sagte er am Montag", "2023-02-20", "day"),
        ("sagte sie am Donnerstag", "2023-02-23", "day"),
        ("sagte er am vergangenen Donnerstag", "2023-02-16", "day"),
        ("erklärte Müller gestern", "2023-02-22", "day"),
        ("erklärte Müller vorgestern", "2023-02-21", "day"),
        ("sagte sie heute", "2023-02-23", "day"),
        ("sagte er am 24. Februar", "2022-02-24", "day"),  # no year: the last one before publication
        ("sagte er am 3. Februar", "2023-02-03", "day"),
        ("sagte er am 24. Februar 2021", "2021-02-24", "day"),
        ("sagte er am 12.1.", "2023-01-12", "day"),
        ("erklärte er diesen Monat", "2023-02", "month"),
        ("sagte sie im vergangenen Monat", "2023-01", "month"),
        ("sagte er im Oktober", "2022-10", "month"),
        ("Ende September dieses Jahres", "2023-09", "month"),
        ("Anfang März des vergangenen Jahres", "2022-03", "month"),
        ("hat im vergangenen Jahr gewarnt", "2022", "year"),
        ("sagte er in diesem Jahr", "2023", "year"),
        ("sagte er in der vergangenen Woche", "2023-02-13", "week"),
        ("sagte er im Jahr 2019", "2019", "year"),
    ],
)
def test_expressions(snippet: str, value: str, precision: str) -> None:
    got = resolve_expression(snippet, PUB, GERMAN)
    assert got is not None, snippet
    assert (got.value, got.precision) == (value, precision)


def test_most_precise_wins() -> None:
    got = resolve_expression("im vergangenen Jahr, genauer am Montag, sagte er", PUB, GERMAN)
    assert got is not None and got.value == "2023-02-20"


def test_nothing_to_resolve() -> None:
    assert resolve_expression("sagte er in Brüssel", PUB, GERMAN) is None
    # Relative expressions need a publication date; explicit ones do not.
    assert resolve_expression("sagte er am Montag", None, GERMAN) is None
    got = resolve_expression("sagte er am 5. Mai 2020", None, GERMAN)
    assert got is not None and got.value == "2020-05-05"


def test_only_the_statements_sentence_outside_the_quote() -> None:
    text = (
        "Am Montag tagte der Rat. "
        '"Wir alle wissen, was am 24. Februar geschah", sagte Stoltenberg gestern in Brüssel. '
        "Am Freitag reist er ab."
    )
    q0 = text.index('"Wir')
    q1 = text.index('geschah"') + len('geschah"')
    cue = text.index("sagte")
    st = Statement(kind=Kind.DIRECT, quote=[Span(q0, q1)], cue=[Span(cue, cue + 5)])
    got = said_on(text, st, PUB, GERMAN)
    # Not "am 24. Februar" (inside the quote), not Montag/Freitag (other sentences).
    assert got is not None and got.value == "2023-02-22" and got.expr == "gestern"


def test_said_on_from_extractor_kept() -> None:
    st = Statement(kind=Kind.DIRECT, quote=[Span(0, 3)], said_on="2020-01-02")
    got = said_on("abc", st, PUB, GERMAN)
    assert got is not None and got.value == "2020-01-02" and got.precision == "day"


def test_time_expressions_come_from_the_registry() -> None:
    assert time_expressions_for("de") is GERMAN
    assert time_expressions_for("xx") is None


@pytest.mark.parametrize(
    ("day", "month", "published", "expected"),
    [
        (24, 2, date(2022, 2, 24), date(2022, 2, 24)),  # the day itself
        (24, 2, date(2022, 2, 23), date(2021, 2, 24)),  # not yet this year: last year's
        (31, 12, date(2023, 1, 2), date(2022, 12, 31)),
        (29, 2, date(2021, 3, 1), date(2020, 2, 29)),  # back to the last leap year
        (29, 2, date(2100, 3, 1), date(2096, 2, 29)),  # 2100 is no leap year
        (31, 4, date(2022, 6, 1), None),  # no such day
        (0, 5, date(2022, 6, 1), None),
    ],
)
def test_a_day_and_month_without_a_year(day: int, month: int, published: date, expected: date | None) -> None:
    assert most_recent_date(day, month, published) == expected


def test_a_day_and_month_phrase_resolves_before_publication() -> None:
    got = resolve_expression("sagte er am 29. Februar", date(2023, 1, 10), time_expressions())
    assert got is not None and (got.value, got.precision, got.expr) == ("2020-02-29", "day", "29. Februar")
