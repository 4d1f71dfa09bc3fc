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
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="",
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
    Case(
        why="a passive 'soll ... werden' right after a statement is that speaker's plan",
        text="Die Regierung kündigte gestern ein neues Schulgesetz an. Alle Schulen sollen bis 2030 mit Computern ausgestattet werden.",
        fragment="Alle Schulen sollen",
        kind=Kind.FREE_INDIRECT,
        speaker="Die Regierung",
    ),
    Case(
        why="a passive 'soll ... werden' at the end of a continuation chain keeps the chain's speaker",
        text=(
            "Die Ministerin sagte, die Lage sei ernst. Die Schulen seien schlecht ausgestattet. "
            "Alle Schulen sollen bis 2030 mit Computern ausgestattet werden."
        ),
        fragment="Alle Schulen sollen",
        kind=Kind.FREE_INDIRECT,
        speaker="Die Ministerin",
    ),
    Case(
        why="a passive 'soll ... werden' after narration is the narrator's plan",
        text="Das neue Schulgesetz tritt im Herbst in Kraft. Alle Schulen sollen bis 2030 mit Computern ausgestattet werden.",
        fragment="Alle Schulen sollen",
        absent=True,
    ),
    Case(
        why="a passive 'soll ... werden' with 'jetzt' or 'nun' is the narrator's news of a plan",
        text="Die Regierung kündigte gestern ein neues Schulgesetz an. Jetzt sollen alle Schulen mit Computern ausgestattet werden.",
        fragment="Jetzt sollen alle Schulen",
        absent=True,
    ),
    Case(
        why="the subject of a passive cue is what was announced, no speaker for the hearsay after it",
        text="Weitere Proteste sind für Montag angekündigt. Dann soll ein Marsch zum Parlament stattfinden.",
        fragment="Dann soll ein Marsch",
        absent=True,
    ),
    Case(
        why="a passive cue with a 'von' agent still lends that agent to the hearsay after it",
        text="Weitere Proteste wurden von der Gewerkschaft angekündigt. Dann soll ein Marsch zum Parlament stattfinden.",
        fragment="Dann soll ein Marsch",
        kind=Kind.FREE_INDIRECT,
        speaker="der Gewerkschaft",
    ),
    Case(
        why="a Konjunktiv I sentence with no source before it is reported speech without a speaker",
        text="Das Feuer brach am Abend aus. Die Feuerwehr habe 20 Fahrzeuge im Einsatz. Die Polizei habe das Gebiet abgesperrt.",
        fragment="Die Feuerwehr habe 20 Fahrzeuge im Einsatz. Die Polizei habe",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="",
    ),
    Case(
        why="a modal Konjunktiv II goes on with a continuation chain",
        text="Die Ministerin sagte, der Verband sei nicht gefährdet. Die Kasse sei gut gefüllt. Die Mitglieder könnten jederzeit einspringen.",
        fragment="Die Kasse sei gut gefüllt. Die Mitglieder könnten",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Die Ministerin",
    ),
    Case(
        why="a modal Konjunktiv II with no chain before it is the narrator's",
        text="Das Feuer brach am Abend aus. Die Mitglieder könnten jederzeit einspringen.",
        fragment="Die Mitglieder könnten",
        absent=True,
    ),
    Case(
        why="a chain that took its speaker from the subject of the sentence before goes on past one sentence",
        text=(
            "Der Untersuchungsbericht schildert die Fehlerkette. Techniker hätten den Hebel auf manuell gestellt. "
            "Dadurch sei eine Kette von Warnsignalen ausgelöst worden."
        ),
        fragment="Dadurch sei eine Kette",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Der Untersuchungsbericht",
        quote="Techniker hätten den Hebel auf manuell gestellt. Dadurch sei eine Kette von Warnsignalen ausgelöst worden.",
    ),
    Case(
        why="a Konjunktiv in a temporal clause after a comma is no frame of its own",
        text="Laut der Polizei lebte der Mann seit Jahren in der Stadt. Er war den Ermittlern aufgefallen, als er Waffen gekauft habe.",
        fragment="als er Waffen gekauft habe",
        absent=True,
    ),
    Case(
        why="a Konjunktiv I in a clause inside a Konjunktiv II sentence takes the speaking subject before",
        text=(
            "So nannte der Experte Karl Brandt das Beispiel der Provinz. "
            "Da der Kandidat der Minderheit angehöre, wäre eine Niederlage dort kaum zu erklären."
        ),
        fragment="Da der Kandidat der Minderheit angehöre",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="der Experte Karl Brandt",
    ),
    Case(
        why="a Konjunktiv II alone after a speaking subject stays the narrator's",
        text="Der Experte Karl Brandt sieht den Plan gelassen. Bei einem Sieg wäre die Partei am Ende.",
        fragment="Bei einem Sieg wäre",
        absent=True,
    ),
    Case(
        why="a dean is a speaking subject for the Konjunktiv sentence after him",
        text="Dekan Berg sieht den Streit gelassen. Von den Vorwürfen habe man nichts gewusst.",
        fragment="Von den Vorwürfen habe man",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Dekan Berg",
    ),
    Case(
        why="a Konjunktiv sentence with no source before it takes the cue verb's speaking subject right after it",
        text="Das Beben erschütterte die Insel. Auch seien mehrere Gebäude beschädigt worden. Die Zeitung berichtet vom Einsturz einer Kirche.",
        fragment="Auch seien mehrere Gebäude",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Die Zeitung",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)
