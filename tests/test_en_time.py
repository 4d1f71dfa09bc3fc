"""Resolving English time expressions against the publication date (``lang/en/timeexpr.py``)."""

from __future__ import annotations

from datetime import date

import pytest

from saidwhat.lang.de.timeexpr import time_expressions as german_time_expressions
from saidwhat.lang.en.timeexpr import time_expressions
from saidwhat.model import Kind, Span, Statement
from saidwhat.timeanchor import resolve_expression, said_on, said_on_all

PUB = date(2021, 11, 17)  # a Wednesday
ENGLISH = time_expressions()


@pytest.mark.parametrize(
    ("snippet", "value", "precision"),
    [
        ("the minister said on Monday", "2021-11-15", "day"),
        ("Greene said Tuesday", "2021-11-16", "day"),  # AP style, no "on"
        ("she told reporters on Wednesday", "2021-11-17", "day"),
        ("he said last Wednesday", "2021-11-10", "day"),
        ("the company said in a statement Sunday night", "2021-11-14", "day"),
        ("the lender said yesterday", "2021-11-16", "day"),
        ("Last night, the union said", "2021-11-16", "day"),
        ("she said today", "2021-11-17", "day"),
        ("a spokesman said this morning", "2021-11-17", "day"),
        ("the agency said on Nov. 12", "2021-11-12", "day"),
        ("the agency said on Dec. 3", "2020-12-03", "day"),  # no year: the last one before publication
        ("it said in a filing on Sept. 3", "2021-09-03", "day"),
        ("in a letter dated November 12, 2019,", "2019-11-12", "day"),
        ("he wrote on 12 November 2019", "2019-11-12", "day"),
        ("she said on the 3rd of March", "2021-03-03", "day"),
        ("regulators said last week", "2021-11-08", "week"),
        ("the bank said earlier this week", "2021-11-15", "week"),
        ("the carmaker said last month", "2021-10", "month"),
        ("as she said earlier this month", "2021-11", "month"),
        ("the senator said in March", "2021-03", "month"),
        ("he warned in early December", "2020-12", "month"),
        ("she told the BBC in mid-September", "2021-09", "month"),
        ("as he said in March 2019", "2019-03", "month"),
        ("the union said in May last year", "2020-05", "month"),
        ("the regulator said last year", "2020", "year"),
        ("as he said earlier this year", "2021", "year"),
    ],
)
def test_expressions(snippet: str, value: str, precision: str) -> None:
    got = resolve_expression(snippet, PUB, ENGLISH)
    assert got is not None, snippet
    assert (got.value, got.precision) == (value, precision)


@pytest.mark.parametrize(
    "snippet",
    [
        "the minister said the plan may work",  # the verb "may", not the month
        "protesters march through the city",
        "according to a USA TODAY poll",  # a newspaper
        "she told NBC’s “Today” show",  # a programme
        "the company said in 2016",  # a bare year: not a rule (see the module docstring)
        "the union said it would strike",
    ],
)
def test_no_time_expression(snippet: str) -> None:
    assert resolve_expression(snippet, PUB, ENGLISH) is None


def test_most_precise_wins() -> None:
    got = resolve_expression("last year, and again on Monday, she said", PUB, ENGLISH)
    assert got is not None and got.value == "2021-11-15"


def test_relative_dates_need_a_publication_date() -> None:
    assert resolve_expression("he said on Monday", None, ENGLISH) is None
    got = resolve_expression("he said on Nov. 12, 2019", None, ENGLISH)
    assert got is not None and got.value == "2019-11-12"


def _direct(text: str, quote: str, cue: str) -> Statement:
    q0 = text.index(quote)
    c0 = text.index(cue)
    return Statement(kind=Kind.DIRECT, quote=[Span(q0, q0 + len(quote))], cue=[Span(c0, c0 + len(cue))])


def test_an_abbreviation_period_ends_no_sentence() -> None:
    # "Nov." and "Sen." end no sentence: the date after them belongs to the statement's sentence
    text = 'WASHINGTON (AP) - "We will not back down," Sen. Rachel Kim said on Nov. 12 in a speech.'
    st = _direct(text, '"We will not back down,"', "said")
    got = said_on(text, st, PUB, ENGLISH)
    assert got is not None and (got.value, got.expr) == ("2021-11-12", "Nov. 12")


def test_only_the_statements_sentence_outside_the_quote() -> None:
    text = (
        "The board met on Monday. "
        '"What happened on Nov. 3 must never happen again," Greene told reporters yesterday in London. '
        "He flies to Paris on Friday."
    )
    st = _direct(text, '"What happened on Nov. 3 must never happen again,"', "told")
    (got,) = said_on_all(text, [st], PUB, ENGLISH)
    # not "Nov. 3" (inside the quote), not Monday or Friday (other sentences)
    assert got is not None and (got.value, got.expr) == ("2021-11-16", "yesterday")


def test_german_sentences_still_end_at_every_period() -> None:
    # the abbreviations are English only: German keeps its sentence rule unchanged
    assert german_time_expressions().abbreviations == frozenset()
