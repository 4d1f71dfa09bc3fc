"""Speaker choice on quotations the rules already find (helper m's rules)."""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check_case

CASES = [
    Case(
        why="object prefield that cannot speak, name after the verb",
        text="Eine Erhöhung der Gebühren bezeichnete Müller als unvermeidlich, weil die Kosten stark gestiegen seien.",
        fragment="weil die Kosten",
        kind=Kind.INDIRECT,
        speaker="Müller",
    ),
    Case(
        why="object prefield with a name inside an attribute, colon frame",
        text="Jede Verantwortung für den Skandal im Verband der SPD weist Schneider von sich: „Ich habe davon nichts gewusst und nichts unterschrieben.“",
        fragment="nichts gewusst",
        kind=Kind.DIRECT,
        speaker="Schneider",
    ),
    Case(
        why="a prefield title with its name stays the subject",
        text="Das Magazin Focus bezeichnete Huber in einem Artikel als „Schattenminister der Regierung“.",
        fragment="Schattenminister",
        kind=Kind.DIRECT,
        speaker="Das Magazin Focus",
    ),
    Case(
        why="a speaker noun in the prefield stays the subject",
        text="Polizeichef Karl Weber forderte Peter Schmidt auf, sich sofort bei der Polizei zu stellen.",
        fragment="sich sofort",
        kind=Kind.INDIRECT,
        speaker="Polizeichef Karl Weber",
    ),    Case(
        why="heißt es auf the web page: the page is the source",
        text="Geehrt werden Menschen, „die sich um die Freiheit der Presse verdient gemacht haben“, heißt es auf der Webseite der Stiftung.",
        fragment="Freiheit der Presse",
        kind=Kind.DIRECT,
        speaker="der Webseite der Stiftung",
    ),
    Case(
        why="auf inside the quote before heißt es is no source",
        text="Die Studie wertet viele Daten aus. Die meisten Fälle entfallen auf Asien und Afrika, heißt es.",
        fragment="Die meisten Fälle",
        kind=Kind.INDIRECT,
        speaker="",
    ),    Case(
        why="a possessive colon frame takes the speaker of the statement before",
        text="In einem Interview äußerte sich die Ministerin Anna Berg zuversichtlich: „Wir werden eine Lösung finden.“ Ihre Zuversicht stützt sich auf frühere Verhandlungen: „Am Ende hat man sich immer geeinigt.“",
        fragment="immer geeinigt",
        kind=Kind.DIRECT,
        speaker="die Ministerin Anna Berg",
    ),    Case(
        why="a colon frame past a quoted term takes the sentence's cue and subject",
        text="In einer Erklärung rechtfertigte das Ministerium den Einsatz als „notwendige Maßnahme“: „Wir mussten die Bürger schützen und haben richtig gehandelt.“",
        fragment="Bürger schützen",
        kind=Kind.DIRECT,
        speaker="das Ministerium",
    ),    Case(
        why="a time phrase in the prefield is no subject",
        text="Ende März 2007 verkündete der Verband schließlich, dass er sich um die Ausrichtung bewerben werde.",
        fragment="bewerben werde",
        kind=Kind.INDIRECT,
        speaker="der Verband",
    ),    Case(
        why="a passive cue in a prepositional relative clause speaks through its antecedent",
        text="Der Verein veröffentlichte gestern ein Schreiben der Stadtverwaltung, in dem er darüber informiert wird, dass die Halle bis zum Sommer geschlossen bleibe.",
        fragment="die Halle",
        kind=Kind.INDIRECT,
        speaker="ein Schreiben der Stadtverwaltung",
    ),    Case(
        why="a cue verb right after a sentence quote whose comma is missing",
        text="Der Verband fordert mehr Schutz. „Wenn Beamte Fehler machen, müssen sie dafür geradestehen wie alle anderen auch“ heißt es in einer Mitteilung des Verbandes.",
        fragment="Fehler machen",
        kind=Kind.DIRECT,
        speaker="einer Mitteilung des Verbandes",
    ),    Case(
        why="a modal after a quoted name is no frame of the name",
        text="Nach dem Absturz einer Trägerrakete „Falcon 1“, will Elon Musk, Gründer der Firma SpaceX, nun die Ursachen erforschen lassen.",
        fragment="Falcon 1",
        absent=True,
    ),    Case(
        why="a colon frame in the Konjunktiv I continues the statement before",
        text="Wie die Ministerin Eva Roth erklärte, werde das Land sofort Helfer schicken. Man sei den Nachbarn zu Dank verpflichtet: „Sie haben uns damals auch geholfen, und das vergessen wir nicht.“",
        fragment="damals auch geholfen",
        kind=Kind.DIRECT,
        speaker="die Ministerin Eva Roth",
    ),    Case(
        why="an orphan quote takes the frame closing its sentence",
        text="Die Kosten sollen „durch bessere Planung und weniger Bürokratie“ gesenkt werden, so heißt es in einer Erklärung des Betriebsrates.",
        fragment="bessere Planung",
        kind=Kind.DIRECT,
        speaker="einer Erklärung des Betriebsrates",
    ),    Case(
        why="a cue frame cut short by a quoted name takes its subject from the whole sentence",
        text="Nach langer Fahrt steuerte er das Boot „Möwe“ in den Hafen und meldete sich mit den Worten: „Wir sind endlich wieder zu Hause angekommen.“",
        fragment="wieder zu Hause",
        kind=Kind.DIRECT,
        speaker="er",
    ),    Case(
        why="an adverb with its phrase in the prefield is no subject",
        text="Stellvertretend für die Regierung empfahl der Minister Karl Haas, die Verhandlungen sofort aufzunehmen.",
        fragment="Verhandlungen sofort",
        kind=Kind.INDIRECT,
        speaker="der Minister Karl Haas",
    ),    Case(
        why="a so-insertion closing a colon frame names the speaker",
        text="Auch dieses Schweigen habe möglicherweise System, so Karl Berger weiter: „Das ist in vielen Firmen üblich und wird kaum hinterfragt.“",
        fragment="vielen Firmen",
        kind=Kind.DIRECT,
        speaker="Karl Berger",
        cue="so",
    ),    Case(
        why="a second main clause with aber after a comma shares the first subject",
        text="Die Gewerkschaften begrüßten den Vorschlag der Regierung, fordern aber eine schnelle Umsetzung der Reform.",
        fragment="eine schnelle Umsetzung",
        kind=Kind.REPORTED,
        speaker="Die Gewerkschaften",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)
