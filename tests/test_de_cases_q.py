"""Rules that find indirect statements the extractor used to miss (helper q)."""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check_case

CASES = [
    Case(
        why="statement noun with a genitive speaker and a zu-infinitive",
        text="Die Partei reagierte kühl auf die Forderung des Landrats Max Beispiel, die Schule im Dorf zu erhalten.",
        fragment="die Schule im Dorf zu erhalten",
        kind=Kind.INDIRECT,
        speaker="des Landrats Max Beispiel",
        cue="die Forderung",
        quote="die Schule im Dorf zu erhalten",
    ),
    Case(
        why="statement noun with a Konjunktiv complement",
        text="Nach Wochen kam nur der Hinweis, der Antrag werde noch geprüft.",
        fragment="der Antrag werde noch geprüft",
        kind=Kind.INDIRECT,
        cue="der Hinweis",
        quote="der Antrag werde noch geprüft",
    ),
    Case(
        why="statement noun complement ends where the matrix clause resumes",
        text="Trotz der Warnung der Feuerwehr, die Fenster geschlossen zu halten, öffneten viele Anwohner ihre Türen.",
        fragment="die Fenster geschlossen zu halten",
        kind=Kind.INDIRECT,
        speaker="der Feuerwehr",
        quote="die Fenster geschlossen zu halten",
    ),
    Case(
        why="statement noun as the object: the verb's subject holds it",
        text="Die Forscherin wagte im Bericht die Prognose, dass sich das Klima schneller ändere.",
        fragment="dass sich das Klima schneller ändere",
        kind=Kind.INDIRECT,
        speaker="Die Forscherin",
        cue="wagte … die Prognose",
    ),
    Case(
        why="statement noun after 'zur': the preposition joins the cue",
        text="Der Minister machte es zur Bedingung, dass die Streiks sofort enden.",
        fragment="dass die Streiks sofort enden",
        kind=Kind.INDIRECT,
        speaker="Der Minister",
        cue="machte … zur Bedingung",
    ),
    Case(
        why="a relative clause after a statement noun is no complement",
        text="Die Forderung, die der Verband im Mai erhoben hatte, wurde abgelehnt.",
        fragment="die der Verband im Mai erhoben hatte",
        absent=True,
    ),
    Case(
        why="a prepositional relative clause after a statement noun is no complement",
        text="Die Bedingung, unter der der Vertrag gelten solle, ist streng.",
        fragment="unter der der Vertrag gelten solle",
        absent=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)
