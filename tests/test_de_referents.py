"""Who a speaker is inside the article (issue 15): fullest names, descriptions,
spokespeople, datelines, speaker_kind. Sentences written for these tests."""

from __future__ import annotations

import pytest

from saidwhat.lang.de.datelines import dateline_spans
from saidwhat.model import SpeakerKind, Statement
from saidwhat.pipeline import extract


def _said(text: str, fragment: str) -> Statement:
    art = extract(text)
    hits = [st for st in art.statements if fragment in st.quote_text]
    assert hits, f"no statement quotes {fragment!r}: {[st.quote_text for st in art.statements]}"
    return hits[0]


CASES = [
    (  # a surname later in the article is the person named in full before
        "Die Ärztin Hanna Berger warnte vor Engpässen. Berger sagte, die Kliniken seien überlastet.",
        "Kliniken",
        "Hanna Berger",
        SpeakerKind.PERSON,
    ),
    (  # an age description refers back to the person of that gender
        "Bürgermeister Otto Lindner eröffnete die Brücke. Der 71-Jährige sagte, der Bau sei günstig gewesen.",
        "Bau sei",
        "Otto Lindner",
        SpeakerKind.PERSON,
    ),
    (  # a party description skips the man named in between
        "Die Linken-Politikerin Greta Sommer kritisierte den Plan. Minister Paul Franke schwieg. "
        "Die Linken-Politikerin sagte, das Geld fehle an den Schulen.",
        "Geld fehle",
        "Greta Sommer",
        SpeakerKind.PERSON,
    ),
    (  # a nationality noun is a person description
        "Der Regisseur Pierre Dubois hat einen Film gedreht. Der Franzose sagte, er wolle regional drehen.",
        "regional drehen",
        "Pierre Dubois",
        SpeakerKind.PERSON,
    ),
    (  # "das Unternehmen" is the company named before, with its legal form
        "Die Nordwerft GmbH baut Stellen ab. Das Unternehmen teilte mit, die Aufträge seien eingebrochen.",
        "Aufträge",
        "Nordwerft GmbH",
        SpeakerKind.ORGANISATION,
    ),
    (  # a bare "Ministerium" takes the compound the article gives
        "Das Bundesgesundheitsministerium verteidigte die Reform. Ein Sprecher des Ministeriums sagte, "
        "die Beiträge blieben stabil.",
        "Beiträge",
        "Bundesgesundheitsministerium",
        SpeakerKind.ORGANISATION,
    ),
    (  # a compound spokesperson speaks for the body of its first part, with its place
        "Die Polizei Leipzig sucht Zeugen. Ein Polizeisprecher sagte, der Täter sei geflohen.",
        "Täter",
        "Polizei Leipzig",
        SpeakerKind.ORGANISATION,
    ),
    (  # "nach Angaben der Feuerwehr" names the qualified body
        "Die Feuerwehr Kiel war mit 80 Kräften im Einsatz. Nach Angaben der Feuerwehr wurde niemand verletzt.",
        "niemand",
        "Feuerwehr Kiel",
        SpeakerKind.ORGANISATION,
    ),
    (  # a feminine body is no "er": the man named before is
        "Der Prüfer Jonas Albrecht legte den Bericht vor. Die Aufsichtsbehörde habe versagt, sagte er.",
        "versagt",
        "Jonas Albrecht",
        SpeakerKind.PERSON,
    ),
    (  # a participle opens no name: the apposition names the speaker
        "Der Oberkommandierende General der Armee, General Paul Weller, sagte, die Lage sei ruhig.",
        "Lage",
        "Paul Weller",
        SpeakerKind.PERSON,
    ),
    (  # a compound body names itself, coordinated parts included
        "Das Bau- und Verkehrsministerium teilte mit, die Straße werde gesperrt.",
        "Straße",
        "Bau- und Verkehrsministerium",
        SpeakerKind.ORGANISATION,
    ),
    (  # joint sources are a group
        "Die Nachrichtenagenturen AFP und Reuters berichteten, die Grenze sei geschlossen.",
        "Grenze",
        "AFP und Reuters",
        SpeakerKind.GROUP,
    ),
]


@pytest.mark.parametrize(("text", "fragment", "entity", "kind"), CASES, ids=[c[2] for c in CASES])
def test_speaker_entity_and_kind(text: str, fragment: str, entity: str, kind: SpeakerKind) -> None:
    st = _said(text, fragment)
    assert st.speaker_entity == entity
    assert st.speaker_kind == kind


def test_generic_source_is_anonymous() -> None:
    st = _said("Beobachter sagten, die Wahl sei fair verlaufen.", "Wahl")
    assert st.speaker_kind == SpeakerKind.ANONYMOUS


def test_unnamed_witness_is_a_description_and_its_age_refers_back() -> None:
    text = "Eine Passantin alarmierte die Polizei. „Es ging alles sehr schnell“, sagte die 34-Jährige."
    st = _said(text, "schnell")
    assert st.speaker_entity == "Passantin"
    assert st.speaker_kind == SpeakerKind.DESCRIPTION


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Köln (dpa) - Der Stadtrat hat beschlossen.", "Köln (dpa) - "),
        ("BERLIN (Reuters) - Die Regierung sagte, alles sei gut.", "BERLIN (Reuters) - "),
        ("PARIS, 3. März (AFP) - Der Präsident sagte, alles sei gut.", "PARIS, 3. März (AFP) - "),
        ("Kiel (dpa/lno) - Die Polizei sagte, alles sei gut.", "Kiel (dpa/lno) - "),
        ("Bremen - Der Angeklagte hat alles bestritten.", "Bremen - "),
        ("Von Anna Weber, dpa\n\nDer Text beginnt.", "Von Anna Weber, dpa"),
    ],
)
def test_datelines_and_bylines_recognised(text: str, dateline: str) -> None:
    spans = dateline_spans(text)
    assert [text[a:b] for a, b in spans] == [dateline]


@pytest.mark.parametrize(
    "text",
    [
        "Hintergrundinformationen - besprochene Vorhaben",
        "Schalke 04 - MSV Duisburg 3:0",
        "Vor einem Jahr - am 7. Mai wurde er gewählt.",
        "Bremen (Klaus) - Der Text.",
    ],
)
def test_no_dateline_without_place_or_agency(text: str) -> None:
    assert dateline_spans(text) == []


def test_dateline_is_never_the_speaker() -> None:
    text = "Bremen - Im Prozess um den Einbruch hat der Angeklagte Rolf Sander jede Schuld bestritten."
    st = _said(text, "Prozess")
    assert "Bremen" not in st.speaker_text
    assert "Bremen" not in st.quote_text
    assert st.speaker_entity == "Rolf Sander"
