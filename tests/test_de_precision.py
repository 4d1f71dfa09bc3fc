"""False alarms that are no statements: titles, names, hypotheticals, clauses
around a cue that are the narrator's. Sentences written for these tests.

The plain tests read each quote from its first to its last span, gaps
included (a ``Case`` row looks at the quote's own text).
"""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check, check_case, quote_ranges, run, runs_with_anchor

CASES = [
    # a slogan starting with an adverb is no title: it stays a direct quote
    Case(
        why="verbless slogan stays a quote",
        text=(
            "Auf dem Platz standen viele Menschen. Auf ihren Schildern stand „Nieder mit den hohen Mieten in unserer "
            "schönen Stadt“ in roter Farbe."
        ),
        fragment="Mieten",
        quote="„Nieder mit den hohen Mieten in unserer schönen Stadt“",
        kind=Kind.DIRECT,
    ),
    Case(
        why="wie clause before konjunktiv main clause is kept",
        text="Wie der Sprecher der Feuerwehr mitteilte, seien drei Häuser beschädigt worden.",
        fragment="Häuser",
        quote="seien drei Häuser beschädigt worden",
        kind=Kind.INDIRECT,
    ),
    Case(
        why="clause before trailing cue stays a quote",
        text="Die Grenzen des Landes bleiben bis auf weiteres geschlossen, teilte die Regierung mit.",
        fragment="Die Grenzen",
        kind=Kind.INDIRECT,
        quote="Die Grenzen des Landes bleiben bis auf weiteres geschlossen",
    ),
    Case(
        why="negated bekanntgeben reports nothing",
        text="Der Bürgermeister eröffnete die Brücke. Die Kosten des Umbaus gab die Stadtverwaltung nicht bekannt.",
        fragment="Die Kosten des Umbaus",
        absent=True,
    ),
    Case(
        why="negated berichten reports nothing",
        text="Über den Streit im Vorstand hat die Lokalzeitung bislang nicht berichtet.",
        fragment="Lokalzeitung",
        absent=True,
    ),
    Case(
        why="berichten über names a topic only",
        text="Die Stadtzeitung berichtete ausführlich über den Umzug des Museums.",
        fragment="Umzug des Museums",
        absent=True,
    ),
    Case(
        why="berichten von gives what was reported",
        text="Die Feuerwehr berichtete von drei verletzten Anwohnern.",
        fragment="drei verletzten Anwohnern",
        quote="Die Feuerwehr berichtete von drei verletzten Anwohnern",
        kind=Kind.REPORTED,
        speaker="Die Feuerwehr",
    ),
    Case(
        why="parenthetical (X berichtete) is a cross-reference",
        text="Das Team gewann im Finale gegen den Titelverteidiger (Wikinews berichtete).",
        fragment="Titelverteidiger",
        absent=True,
    ),
    Case(
        why="aussehen is no judgement with sehen",
        text="In der zehnten Minute sah ein Kopfball von Müller wie ein sicheres Tor aus.",
        fragment="Kopfball",
        absent=True,
    ),
    Case(
        why="sehen and an in-phrase of another conjunct",
        text="Zwei Minuten später sah der Verteidiger Gelb und in der 70. Minute gab es eine weitere Verwarnung.",
        fragment="Verteidiger",
        absent=True,
    ),
    Case(
        why="sehen in X ein Y still judges",
        text="Die Gewerkschaft sieht in dem Beschluss eine Gefahr für die Beschäftigten.",
        fragment="Gefahr für die Beschäftigten",
        quote="Die Gewerkschaft sieht in dem Beschluss eine Gefahr für die Beschäftigten",
        kind=Kind.REPORTED,
        speaker="Die Gewerkschaft",
    ),
    Case(
        why="agentless ist geplant frames no statement",
        text="Die Bahn erneuert die Strecke. Außerdem ist geplant, dass die Züge ab Mai häufiger fahren.",
        fragment="häufiger fahren",
        absent=True,
    ),
    Case(
        why="wie geplant frames no statement",
        text="Die Messe endet wie im Vorjahr geplant am Sonntag, weil dann die Hallen umgebaut werden.",
        fragment="Hallen umgebaut",
        absent=True,
    ),
    Case(
        why="man with a modal is the writer's comment",
        text="Alles in allem kann man sagen, dass das Stadtfest ein großer Erfolg war.",
        fragment="großer Erfolg",
        absent=True,
    ),
    Case(
        why="plant man with a clause still frames",
        text="Der Verein plant, dass die neue Halle im Herbst eröffnet wird.",
        fragment="neue Halle",
        quote="dass die neue Halle im Herbst eröffnet wird",
        kind=Kind.INDIRECT,
        speaker="Der Verein",
    ),
    Case(
        why="man without a modal still frames",
        text="Nach dem Unglück geht man davon aus, dass weitere Opfer unter den Trümmern liegen.",
        fragment="weitere Opfer",
        quote="dass weitere Opfer unter den Trümmern liegen",
        kind=Kind.INDIRECT,
    ),
    Case(
        why="quoted Latin phrase is no orphan quote",
        text="Das Gericht folgte dem Grundsatz „in dubio pro reo“ und sprach den Mann frei.",
        fragment="dubio",
        absent=True,
    ),
    Case(
        why="quoted foreign company name is no orphan quote",
        text="Die Firma „con energy ag“ investiert in einen Hersteller von Elektroautos.",
        fragment="con energy",
        absent=True,
    ),
    Case(
        why="quoted foreign title after a colon is no direct quote",
        text="Die Oper des Abends trägt einen bekannten Namen: „Le Grand Macabre“.",
        fragment="Macabre",
        absent=True,
    ),
    Case(
        why="quoted English name with a cue elsewhere is no direct quote",
        text="Die Anhänger der „People's Alliance for Democracy“ erklärten ihre Ablehnung.",
        fragment="Alliance",
        absent=True,
    ),
    Case(
        why="foreign sentence with a verb stays a direct quote",
        text="„We will win this election“, sagte der Kandidat am Abend.",
        fragment="We will win",
        quote="„We will win this election“",
        kind=Kind.DIRECT,
        speaker="der Kandidat",
    ),
    Case(
        why="berichten über stays a topic with a von-attribute after it",
        text="Die Menschenrechtsgruppe berichtete über einen Protest von 300 Studenten vor dem Rathaus.",
        fragment="Protest von 300 Studenten",
        absent=True,
    ),
    Case(
        why="sich für X aussprechen is a stance, no report",
        text="Die Bürgermeisterin sprach sich für einen Neubau der Schwimmhalle aus.",
        fragment="Neubau der Schwimmhalle",
        absent=True,
    ),
    Case(
        why="sich dafür aussprechen, dass still frames",
        text="Der Minister sprach sich dafür aus, dass die Steuer gesenkt wird.",
        fragment="Steuer gesenkt",
        quote="dass die Steuer gesenkt wird",
        kind=Kind.INDIRECT,
        speaker="Der Minister",
    ),
    Case(
        why="zitieren: the quoting paper keeps the statement",
        text="Ein Radiosender zitierte den Bürgermeister mit den Worten: „Wir bauen die Brücke neu.“",
        fragment="Wir bauen",
        quote="„Wir bauen die Brücke neu.“",
        kind=Kind.DIRECT,
        speaker="Ein Radiosender",
    ),
    Case(
        why="zitieren with man: the one quoted speaks",
        text="Man zitiert eine Erklärung der Stadtwerke, in der es heißt, die Preise blieben stabil.",
        fragment="Preise blieben stabil",
        quote="die Preise blieben stabil",
        kind=Kind.INDIRECT,
        speaker="eine Erklärung der Stadtwerke",
    ),
    Case(
        why="anfordern requests, it states nothing",
        text="Der Landrat forderte zusätzliche Einsatzkräfte an und rief den Katastrophenfall aus.",
        fragment="Einsatzkräfte",
        absent=True,
    ),
    Case(
        why="einfordern requests, it states nothing",
        text="Nun fordern die beiden Banken das Geld von der Stadt ein.",
        fragment="das Geld",
        absent=True,
    ),
    Case(
        why="fordern with an object still reports",
        text="Die Gewerkschaft fordert höhere Löhne für die Pflegekräfte.",
        fragment="höhere Löhne",
        quote="Die Gewerkschaft fordert höhere Löhne für die Pflegekräfte",
        kind=Kind.REPORTED,
        speaker="Die Gewerkschaft",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # a capitalised verbless phrase of many words starting like a noun phrase is a title
        pytest.param(
            "Im Museum lief die Ausstellung „Geschichte der Fischerei an der Küste von Pommern und Rügen“ bis zum "
            "Herbst.",
            "Fischerei",
            id="long verbless exhibition title is no quote",
        ),
        pytest.param(
            "Die Gemeinde stützte sich auf das „Gesetz zur Förderung kleiner Betriebe im ländlichen Raum“ bei der "
            "Planung.",
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
    for art, found in runs_with_anchor(text):
        assert not any(fragment in q for q in quote_ranges(art, found))


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
    for art, found in runs_with_anchor(text):
        assert not any(q.startswith(opening) for q in quote_ranges(art, found))


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
    for _, found in runs_with_anchor(text):
        assert not found


def test_prefield_phrase_with_relative_clause_is_no_quote() -> None:
    # the text before the verb is a phrase with a relative clause, not a clause of its own
    # (as the corpus marks a report, the whole sentence is the government's reported one)
    text = "Ein Gesetz, das den Bau von Windrädern regelt, wurde im Landtag von der Regierung angekündigt."
    art = run(text)
    check(art, "Windrädern", kind=Kind.REPORTED, quote=text[:-1], speaker="der Regierung")
    assert not any(
        st.kind != Kind.REPORTED and text[st.quote[0].begin :].startswith("Ein Gesetz") for st in art.statements
    )


RELAYED = [
    (
        "Ein Radiosender zitierte den Bürgermeister mit den Worten: „Wir bauen die Brücke neu.“",
        {"Ein Radiosender", "den Bürgermeister"},
    ),
    (
        "Die Sprecherin wird von der Nachrichtenagentur dpa mit den Worten zitiert, man sei zufrieden.",
        {"Die Sprecherin", "der Nachrichtenagentur dpa"},
    ),
    ("„Das Spiel ist noch nicht verloren“, zitiert die Lokalzeitung den Trainer.", {"die Lokalzeitung", "den Trainer"}),
    # the publication that quotes, named by a source noun after "in"
    (
        "In der Meldung des Vereins wird der Trainer wie folgt zitiert: „Wir sind bereit.“",
        {"der Meldung des Vereins", "der Trainer"},
    ),
    # a quoted name inside the frame does not cut it off
    (
        "Der Fraktionschef Max Muster wird von der „Morgenpost“ mit den Worten zitiert: „Der Senat ist am Ende.“",
        {"Der Fraktionschef Max Muster", "der „Morgenpost“"},
    ),
]


@pytest.mark.parametrize(("text", "speakers"), RELAYED, ids=[t[:30] for t, _ in RELAYED])
def test_relayed_quote_has_both_speakers(text: str, speakers: set[str]) -> None:
    """ "X zitiert Y": the corpus marks the quote twice, once for each party."""
    art = run(text)
    assert {st.role_text("speaker", text) for st in art.statements} == speakers
