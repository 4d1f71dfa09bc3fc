"""Reported statements (a speech act with an object, no clause): rule cases, sentences written for the tests."""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check_case

CASES = [
    Case(
        why="a main clause after a comma may open with its subject's article, not a relative pronoun",
        text="Im Park entstanden 300 neue Stellen, die Betreiber sprechen schon von bis zu 600 Stellen im nächsten Jahr.",
        fragment="die Betreiber sprechen schon",
        kind=Kind.REPORTED,
        speaker="die Betreiber",
    ),
    Case(
        why="a relative clause ending with its cue verb reports nothing",
        text="Der Verein kaufte die Halle, die Kritiker lange gefordert hatten.",
        fragment="Kritiker",
        absent=True,
    ),
    Case(
        why="the clause checks of a report stay inside its sentence",
        text="Anna Berger vom Mieterbund forderte eine unabhängige Prüfung aller Verträge. Bei dem Brand gab es zwei Tote, die Feuerwehr war schnell vor Ort.",
        fragment="forderte eine unabhängige Prüfung",
        kind=Kind.REPORTED,
        speaker="Anna Berger vom Mieterbund",
    ),
    Case(
        why="an agentless passive naming a cause with als reports the speaker of the sentence before",
        text="Die Klinik teilte mit, der Sänger sei am Morgen gestorben. Als Todesursache wurde ein Schlaganfall angegeben.",
        fragment="Als Todesursache wurde",
        kind=Kind.REPORTED,
        speaker="Die Klinik",
    ),
    Case(
        why="an agentless naming passive with nobody speaking before has no speaker",
        text="Der Zug hielt zwei Stunden vor Köln. Als Grund wurden Bauarbeiten an der Strecke genannt.",
        fragment="Als Grund wurden",
        kind=Kind.REPORTED,
        speaker="",
    ),
    Case(
        why="a name given with so is no naming report",
        text="Als „Blauhelme“ werden die Soldaten so genannt.",
        fragment="Soldaten",
        absent=True,
    ),
    Case(
        why="a naming passive whose object is a clause is left to the indirect stage",
        text="Als Grund wurde genannt, dass die Kosten gestiegen seien.",
        fragment="Als Grund wurde genannt",
        absent=True,
    ),
    Case(
        why="a verb after a comma and aber shares the subject of the indicative clause before",
        text="Die Mieter lobten den neuen Plan der Stadt, verlangen aber eine feste Frist für die Sanierung.",
        fragment="verlangen aber eine feste Frist",
        kind=Kind.REPORTED,
        speaker="Die Mieter",
    ),
    Case(
        why="the indicative clause before a verb joined by aber is no quote of the phrase after it",
        text="Die Mieter lobten den neuen Plan der Stadt, verlangen aber eine feste Frist für die Sanierung.",
        fragment="Die Mieter lobten",
        kind=Kind.REPORTED,
        quote="Die Mieter lobten den neuen Plan der Stadt, verlangen aber eine feste Frist für die Sanierung",
    ),
    Case(
        why="after a Konjunktiv clause a verb with aber still frames it",
        text="Der Plan sei zu teuer, sagte aber der Bürgermeister.",
        fragment="Der Plan sei zu teuer",
        kind=Kind.INDIRECT,
        speaker="der Bürgermeister",
    ),
    Case(
        why="a sowohl-als-auch pair before the verb is the subject, with its first word",
        text="Sowohl die Stadtwerke als auch die Feuerwehr kündigten eine genaue Prüfung an.",
        fragment="kündigten eine genaue Prüfung an",
        kind=Kind.REPORTED,
        speaker="Sowohl die Stadtwerke als auch die Feuerwehr",
    ),
    Case(
        why="a report with man as its subject takes the source of the statement before",
        text="Nach Angaben des Betreibers fiel am Abend der Strom aus. Bis jetzt geht man von einem Defekt in einem Umspannwerk aus.",
        fragment="Bis jetzt geht man",
        kind=Kind.REPORTED,
        speaker="Angaben des Betreibers",
    ),
    Case(
        why="a bracketed reference to an earlier report is no statement",
        text="Den Titel gewann nicht sie, sondern ihre Kollegin Anna Berger (Wikinews berichtete).",
        fragment="Den Titel gewann",
        absent=True,
    ),
    Case(
        why="a prefield phrase with a relative clause belongs to the report after it",
        text="Für den Umbau der Schule, den der Rat als dringend ansieht, gab die Bürgermeisterin einen Zeitraum von zwei Jahren an.",
        fragment="gab die Bürgermeisterin",
        kind=Kind.REPORTED,
        quote="Für den Umbau der Schule, den der Rat als dringend ansieht, gab die Bürgermeisterin einen Zeitraum von zwei Jahren an",
    ),
    Case(
        why="a participle phrase between article and noun stays inside the speaker",
        text="Der noch im Amt befindliche Bürgermeister Karl Huber, der die Stadt lange führte, hat nun seinen Rückzug angekündigt.",
        fragment="seinen Rückzug angekündigt",
        kind=Kind.REPORTED,
        speaker="Der noch im Amt befindliche Bürgermeister Karl Huber",
    ),
    Case(
        why="a measure phrase between article and noun stays inside the speaker",
        text="Dazu verweist der 80 Seiten starke Bericht auf frühere Fehler der Verwaltung.",
        fragment="verweist der 80 Seiten",
        kind=Kind.REPORTED,
        speaker="der 80 Seiten starke Bericht",
    ),
    Case(
        why="a negated report verb reports nothing",
        text="Die Höhe des Schadens gab die Versicherung bislang nicht bekannt.",
        fragment="Höhe des Schadens",
        absent=True,
    ),
    Case(
        why="after a negated report the clause that does report stands alone",
        text="Weitere Einzelheiten gab sie nicht bekannt, sie verwies aber auf die laufenden Ermittlungen der Polizei.",
        fragment="sie verwies aber",
        kind=Kind.REPORTED,
        quote="sie verwies aber auf die laufenden Ermittlungen der Polizei",
    ),
    Case(
        why="nicht nur negates no report",
        text="Der Verband warnte nicht nur vor steigenden Preisen, sondern auch vor Engpässen.",
        fragment="Der Verband warnte",
        kind=Kind.REPORTED,
        speaker="Der Verband",
    ),
    Case(
        why="a nicht inside an attribute negates no report",
        text="Ein nicht genannter Vertreter der Firma forderte eine schnelle Entscheidung der Behörde.",
        fragment="forderte eine schnelle Entscheidung",
        kind=Kind.REPORTED,
    ),
    Case(
        why="sehen judges only with its in-phrase right before the indefinite object",
        text="Kurz darauf sah der Stürmer Gelb und in der 70. Minute gab es eine gelbe Karte für seinen Kollegen.",
        fragment="sah der Stürmer Gelb",
        absent=True,
    ),
    Case(
        why="sehen in X ein Y is a judgement reported",
        text="Die Umweltverbände sehen in dem neuen Gesetz einen großen Rückschritt für den Naturschutz.",
        fragment="sehen in dem neuen Gesetz",
        kind=Kind.REPORTED,
        speaker="Die Umweltverbände",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)
