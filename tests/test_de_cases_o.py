"""Free indirect speech and continuations (helper o): one row per rule."""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check_case

CASES = [
    Case(
        why="a document named with 'in' in the sentence before is the source of a Konjunktiv sentence",
        text=(
            "Der Rücktritt kam überraschend. In einer Analyse der Süddeutschen Zeitung wird der Schritt "
            "als Folge eines langen Streits gesehen. So habe sich der Minister mit dem Vorsitzenden nie gut verstanden."
        ),
        fragment="So habe sich der Minister",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="einer Analyse der Süddeutschen Zeitung",
    ),
    Case(
        why="'im' with a compound document noun is a source too",
        text=(
            "Der Rücktritt kam überraschend. Im Jahresbericht der Behörde finden sich dazu mehrere Hinweise. "
            "So habe sich der Minister mit dem Vorsitzenden nie gut verstanden."
        ),
        fragment="So habe sich der Minister",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Jahresbericht der Behörde",
    ),
    Case(
        why="a place after 'in' is no source",
        text="Der Rücktritt kam überraschend. In der Hauptstadt wurde der Schritt lange erwartet. So habe sich der Minister nie wohlgefühlt.",
        fragment="So habe sich der Minister",
        absent=True,
    ),
    Case(
        why="a Konjunktiv in a relative clause after a preposition does not make a report of its own a continuation",
        text=(
            "Die Ministerin sagte, die Lage sei ernst. Zudem seien nur wenige Fälle aufgeklärt worden. "
            "Als Gründe für die niedrige Quote führt der Bericht schwere Mängel an, für die ein schwaches Gesetz verantwortlich sei."
        ),
        fragment="Als Gründe für die niedrige Quote",
        kind=Kind.REPORTED,
        speaker="der Bericht",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)
