"""False alarms that are no statements: titles, names, hypotheticals, clauses
around a cue that are the narrator's. Sentences written for these tests.

The plain tests read each quote from its first to its last span, gaps
included (a ``Case`` row looks at the quote's own text).
"""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check_case, run

CASES = [
    # a slogan starting with an adverb is no title: it stays a direct quote
    Case(
        why="verbless slogan stays a quote",
        text="Auf dem Platz standen viele Menschen. Auf ihren Schildern stand „Nieder mit den hohen Mieten in unserer schönen Stadt“ in roter Farbe.",
        fragment="Mieten",
        kind=Kind.DIRECT,
    ),
    Case(
        why="wie clause before konjunktiv main clause is kept",
        text="Wie der Sprecher der Feuerwehr mitteilte, seien drei Häuser beschädigt worden.",
        fragment="Häuser",
        kind=Kind.INDIRECT,
    ),
    Case(
        why="clause before trailing cue stays a quote",
        text="Die Grenzen des Landes bleiben bis auf weiteres geschlossen, teilte die Regierung mit.",
        fragment="Die Grenzen",
        kind=Kind.INDIRECT,
        quote="Die Grenzen des Landes bleiben bis auf weiteres geschlossen",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)


def _quote_ranges(text: str) -> list[str]:
    """Each statement's quote from its first to its last span, gaps included."""
    art = run(text)
    return [text[st.quote[0].begin : st.quote[-1].end] for st in art.statements]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # a capitalised verbless phrase of many words starting like a noun phrase is a title
        pytest.param(
            "Im Museum lief die Ausstellung „Geschichte der Fischerei an der Küste von Pommern und Rügen“ bis zum Herbst.",
            "Fischerei",
            id="long verbless exhibition title is no quote",
        ),
        pytest.param(
            "Die Gemeinde stützte sich auf das „Gesetz zur Förderung kleiner Betriebe im ländlichen Raum“ bei der Planung.",
            "Betriebe",
            id="long verbless law title is no quote",
        ),
        # the cue verb stands in a "wenn" clause or a V1 condition; the main clause is the narrator's
        pytest.param(
            "Wenn die Stadt damals geklagt hätte, wäre der Bau des Bahnhofs gestoppt worden.",
            "Bahnhofs",
            id="main clause after a wenn cue clause is no statement",
        ),
        pytest.param(
            "Sollte der Einspruch angenommen werden, könnte das Schwimmbad im Mai wieder öffnen.",
            "Schwimmbad",
            id="main clause after a verb first condition is no statement",
        ),
        pytest.param(
            "Was der Richter am Morgen verkündete, führte im Saal zu lautem Jubel.",
            "Jubel",
            id="main clause after relative cue clause is no statement",
        ),
    ],
)
def test_not_quoted(text: str, fragment: str) -> None:
    assert not any(fragment in q for q in _quote_ranges(text))


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        pytest.param(
            "Wann die neue Brücke eröffnet wird, gab die Stadtverwaltung bisher nicht bekannt.",
            "Wann",
            id="wie clause before trailing cue is no quote",
        ),
        pytest.param(
            "Die Lotsen hatten das Boot als vermisst gemeldet, nachdem es vom Radar verschwunden war.",
            "nachdem",
            id="temporal clause after cue object is no complement",
        ),
        pytest.param(
            "Der Bericht schildert die Fehler, welche schließlich zu dem schweren Unfall führten.",
            "welche",
            id="relative clause after cue object is no complement",
        ),
    ],
)
def test_no_quote_opens_with(text: str, opening: str) -> None:
    assert not any(q.startswith(opening) for q in _quote_ranges(text))


@pytest.mark.parametrize(
    "text",
    [
        # "meiner Meinung nach" is the writer's (or interviewee's) own view, like "ich"
        pytest.param(
            "Die Reform ist meiner Meinung nach gescheitert, weil niemand sie wollte.",
            id="meiner meinung nach is no statement",
        ),
        pytest.param("Meiner Ansicht nach hat die Stadt zu lange gewartet.", id="meiner ansicht nach is no statement"),
    ],
)
def test_first_person_view_is_no_statement(text: str) -> None:
    assert not run(text).statements


def test_prefield_phrase_with_relative_clause_is_no_quote() -> None:
    # the text before the verb is a phrase with a relative clause, not a clause of its own
    # (as the corpus marks a report, the whole sentence is the government's reported one)
    text = "Ein Gesetz, das den Bau von Windrädern regelt, wurde im Landtag von der Regierung angekündigt."
    art = run(text)
    assert not any(st.kind != Kind.REPORTED and text[st.quote[0].begin :].startswith("Ein Gesetz") for st in art.statements)
