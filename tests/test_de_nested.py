"""Quotes inside and around reported speech: quoted fragments in a report or a
clause, labels, the clause the corpus marks beside the fragment, and the
sources ("nach der Ankündigung X") that frame them. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from saidwhat.lang.de.nested import is_name
from saidwhat.lang.de.tagger import parse
from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check_case, runs_with_anchor

CASES = [
    # --- quotes inside and around reported speech
    # the narrator's words go on after the fragment: a report around a direct quote
    Case(
        why="report with quoted fragment inside",
        text="Der Sender berichtete von „heftigen Kämpfen“ bei der Einnahme des Hafens durch die Rebellen.",
        fragment="Einnahme",
        quote="Der Sender berichtete von „heftigen Kämpfen“ bei der Einnahme des Hafens durch die Rebellen",
        kind=Kind.REPORTED,
        speaker="Der Sender",
    ),
    # governed by the cue's preposition, the quote keeps that cue ("berichtete von")
    Case(
        why="quoted fragment governed by the cues preposition keeps that cue",
        text="Der Sender berichtete von „heftigen Kämpfen“ bei der Einnahme des Hafens durch die Rebellen.",
        fragment="heftigen Kämpfen",
        quote="„heftigen Kämpfen“",
        kind=Kind.DIRECT,
        speaker="Der Sender",
        cue="berichtete von",
    ),
    # a verb particle after the fragment is enough
    Case(
        why="report with quoted fragment before a verb particle",
        text="Der Verband kündigte einen „harten Arbeitskampf“ an.",
        fragment="Verband kündigte",
        quote="Der Verband kündigte einen „harten Arbeitskampf“ an",
        kind=Kind.REPORTED,
        speaker="Der Verband",
    ),
    # "nannte den Plan einen „…“": the fragment alone is the statement
    Case(
        why="label fragment at clause end is the statement",
        text="Die Bürgermeisterin nannte den Plan des Landes einen „groben Fehler“.",
        fragment="groben Fehler",
        quote="„groben Fehler“",
        kind=Kind.DIRECT,
        speaker="Die Bürgermeisterin",
    ),
    # "Als Grund gab/führte X … an": the reason given is what was said
    Case(
        why="named reason als grund is reported",
        text="Als Grund für die Absage gab die Stadtverwaltung einen Mangel an Personal an.",
        fragment="Mangel",
        quote="Als Grund für die Absage gab die Stadtverwaltung einen Mangel an Personal an",
        kind=Kind.REPORTED,
        speaker="die Stadtverwaltung",
    ),
    Case(
        why="named reason als ursache is reported",
        text="Als Ursache führte der Gutachter einen Riss im Rohr an.",
        fragment="Riss",
        quote="Als Ursache führte der Gutachter einen Riss im Rohr an",
        kind=Kind.REPORTED,
        speaker="der Gutachter",
    ),
    # the object in quotation marks, no preposition governing it: a quote nested in
    # the report, with the report's speaker and (as the corpus marks it) no cue
    Case(
        why="report around an ungoverned quoted object",
        text="Der Verband kündigte „harte Maßnahmen“ gegen die Stadt an.",
        fragment="Verband kündigte",
        quote="Der Verband kündigte „harte Maßnahmen“ gegen die Stadt an",
        kind=Kind.REPORTED,
        speaker="Der Verband",
    ),
    Case(
        why="quote in report takes the reports speaker and no cue",
        text="Der Verband kündigte „harte Maßnahmen“ gegen die Stadt an.",
        fragment="harte Maßnahmen",
        quote="„harte Maßnahmen“",
        kind=Kind.DIRECT,
        speaker="Der Verband",
        cue="",
    ),
    # --- clauses around quoted fragments: the corpus marks the clause (with speaker and cue) beside the fragment
    # an announcement is a source like a report: "Nach der Ankündigung X soll …"
    Case(
        why="nach der ankuendigung names a source",
        text="Nach der Ankündigung des Bürgermeisters soll das Freibad im Sommer „spätestens im Juli wieder öffnen“.",
        fragment="Freibad",
        quote="soll das Freibad im Sommer „spätestens im Juli wieder öffnen“",
        kind=Kind.INDIRECT,
        speaker="der Ankündigung des Bürgermeisters",
    ),
    # "Nach Müllers Idee soll …": the idea with its possessor is the source
    Case(
        why="nach einer idee names a source",
        text="Nach Müllers Idee soll die Stadt künftig mehr Busse einsetzen.",
        fragment="Busse",
        quote="soll die Stadt künftig mehr Busse einsetzen",
        kind=Kind.INDIRECT,
        speaker="Müllers Idee",
    ),
    # "forderte einen „…“": the object phrase is an indirect statement beside the fragment
    Case(
        why="demanded object around a fragment",
        text="Die Gewerkschaft forderte einen „fairen Ausgleich für alle Beschäftigten“.",
        fragment="einen „fairen",
        quote="einen „fairen Ausgleich für alle Beschäftigten“",
        kind=Kind.INDIRECT,
        speaker="Die Gewerkschaft",
        cue="forderte",
    ),
    Case(
        why="fragment inside a demanded object is a direct quote",
        text="Die Gewerkschaft forderte einen „fairen Ausgleich für alle Beschäftigten“.",
        fragment="„fairen",
        kind=Kind.DIRECT,
        quote="„fairen Ausgleich für alle Beschäftigten“",
    ),
    # "verlangte eine Prüfung der „…“": a noun and a genitive article may precede the fragment
    Case(
        why="demanded object with a genitive noun",
        text="Der Verband verlangte eine Prüfung der „unklaren Vorgänge im Rathaus“.",
        fragment="eine Prüfung",
        kind=Kind.INDIRECT,
        speaker="Der Verband",
        quote="eine Prüfung der „unklaren Vorgänge im Rathaus“",
    ),
    # "hoffte dass …" (comma missing): the complement still starts at "dass"
    Case(
        why="dass complement without its comma",
        text="Die Trainerin hoffte dass die Mannschaft „endlich wieder gewinnt“ - nach all den Niederlagen.",
        fragment="dass die Mannschaft",
        quote="dass die Mannschaft „endlich wieder gewinnt“ - nach all den Niederlagen",
        kind=Kind.INDIRECT,
        speaker="Die Trainerin",
        cue="hoffte",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(
            "Die Bürgermeisterin nannte den Plan des Landes einen „groben Fehler“.",
            Kind.REPORTED,
            id="label fragment at clause end is no report",
        ),
        # without "als" the verb leads or states a number: no report
        pytest.param(
            "Der Verein führte die Tabelle nach dem zehnten Spieltag an.",
            Kind.REPORTED,
            id="fuehrte an without als is no report",
        ),
        # a capitalised verbless phrase of many words in marks, no cue: a title
        pytest.param(
            "Im Museum wurde die Ausstellung „Die Geschichte der Straßenbahn in unserer Stadt von 1890 bis heute“ "
            "eröffnet.",
            Kind.DIRECT,
            id="long verbless title is no quote",
        ),
        # "empfahl einen „…“" is not marked as a clause statement in the corpus
        pytest.param(
            "Die Ärztin empfahl einen „gründlichen Schutz vor Mücken“.",
            Kind.INDIRECT,
            id="recommended object is only the fragment",
        ),
        # "weiß dass …" (a weak verb) and "so dass" frame no statement without the comma
        pytest.param(
            "Der Angeklagte weiß dass im Saal viele Zeugen sitzen.",
            Kind.INDIRECT,
            id="comma less dass needs a speech verb",
        ),
    ],
)
def test_no_statement_of_kind(text: str, kind: Kind) -> None:
    for _, found in runs_with_anchor(text):
        assert not any(st.kind == kind for st in found)


def test_foreign_title_with_lowercase_particle_is_a_name() -> None:
    # „Diário da Tarde“: "da" joins a foreign name, the quotation marks hold a title
    doc = parse("Diário da Tarde")
    assert is_name(list(doc.tokens))
    # a lower-case word of German keeps a phrase from being a name
    assert not is_name(list(parse("Kampf gegen Armut").tokens))
