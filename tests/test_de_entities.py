"""Speaker entities: pronoun agreement and names in attributes. Sentences written for these tests."""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check, check_case, run

CASES = [
    Case(
        why="er skips a country and a feminine speaker",
        text=(
            "Der Trainer Max Berger sagte, die Mannschaft sei gut vorbereitet. "
            "Österreich habe nach Angaben der Zeitung mehr Geld investiert. "
            "Die Ministerin erklärte, der Etat werde nicht erhöht. "
            "Er sagte, das Spiel werde schwer."
        ),
        fragment="Spiel",
        quote="das Spiel werde schwer",
        kind=Kind.INDIRECT,
        speaker="Er",
        entity="Max Berger",
    ),
    Case(
        why="es takes a neuter antecedent",
        text=(
            "Russland erklärte, die Truppen seien abgezogen. Der Sprecher der Regierung in Kiew sagte, das stimme "
            "nicht. Es teilte mit, die Grenze bleibe offen."
        ),
        fragment="Grenze",
        quote="die Grenze bleibe offen",
        kind=Kind.INDIRECT,
        speaker="Es",
        entity="Russland",
    ),
    Case(
        why="prepositional prefield is no antecedent",
        text=(
            "Die Ärztin Eva Kramer sagte, der Patient sei stabil. In Konstanz wurde am Abend gefeiert. Sie erklärte, "
            "er könne bald gehen."
        ),
        fragment="bald",
        quote="er könne bald gehen",
        kind=Kind.INDIRECT,
        speaker="Sie",
        entity="Eva Kramer",
    ),
    Case(
        why="name in an attribute names no speaker",
        text="Der Bürgermeister von Christchurch, Bob Parker, sagte, 120 Menschen seien gerettet worden.",
        fragment="gerettet",
        quote="120 Menschen seien gerettet worden",
        kind=Kind.INDIRECT,
        entity="Bob Parker",
    ),
    Case(
        why="sie takes the woman by her given name after a determiner",
        text=(
            "Die Abgeordnete Gisela Brandt kritisierte den Entwurf. "
            "Der Sprecher des Ministeriums, Karl Winter, sagte, man prüfe alles. "
            "Sie sagte, der Entwurf sei verfassungswidrig."
        ),
        fragment="verfassungswidrig",
        quote="der Entwurf sei verfassungswidrig",
        kind=Kind.INDIRECT,
        speaker="Sie",
        entity="Gisela Brandt",
    ),
    # without the determiner the given name alone tells
    Case(
        why="sie takes the woman by her given name alone",
        text=(
            "Gisela Brandt kritisierte den Entwurf. Karl Winter sagte, man prüfe alles. Sie sagte, der Entwurf sei "
            "verfassungswidrig."
        ),
        fragment="verfassungswidrig",
        quote="der Entwurf sei verfassungswidrig",
        kind=Kind.INDIRECT,
        speaker="Sie",
        entity="Gisela Brandt",
    ),
    Case(
        why="feminine role noun is no plural",
        text=(
            "Die Demonstranten verlangten Neuwahlen. "
            "Die Angriffe wurden von einer Armeesprecherin bestätigt. "
            "Die Sprecherin Lea Novak sagte, die Lage sei ruhig. "
            "Sie betonte, weitere Einsätze seien geplant."
        ),
        fragment="Einsätze",
        quote="weitere Einsätze seien geplant",
        kind=Kind.INDIRECT,
        speaker="Sie",
        entity="Lea Novak",
    ),
    Case(
        why="subject after the verb is an antecedent",
        text=(
            "Der Innenminister Peter Hahn sagte, das Gesetz komme. "
            "Unterdessen verteidigte der Vorsitzende des Ausschusses, Jonas Edler, den Entwurf. "
            "Er sagte, die Verlängerung sei vertretbar."
        ),
        fragment="vertretbar",
        quote="die Verlängerung sei vertretbar",
        kind=Kind.INDIRECT,
        speaker="Er",
        entity="Jonas Edler",
    ),
    Case(
        why="a prefield pronominal adverb leaves the subject after the verb as antecedent",
        text=(
            "Der Minister Paul Vogt lobte den Plan. Dagegen hält die Ministerin Renate Kohl wenig von dem Entwurf. Im "
            "Radio sagte sie, er sei unbezahlbar."
        ),
        fragment="unbezahlbar",
        quote="er sei unbezahlbar",
        kind=Kind.INDIRECT,
        speaker="sie",
        entity="Renate Kohl",
    ),
    Case(
        why="a role-noun subject without a name is an antecedent",
        text=(
            "Die Ministerin Eva Roth lobte den Beschluss des Gerichts. Der Bürgermeister nahm am Abend zu der "
            "Entscheidung Stellung. Er bezeichnete sie als „mutig“."
        ),
        fragment="mutig",
        quote="„mutig“",
        kind=Kind.DIRECT,
        speaker="Er",
        entity="Bürgermeister",
    ),
    Case(
        why="a genitive name before an apposition leaves the apposition as the name",
        text=(
            "Der frühere Weggefährte Schmidts, Otto Kranz, wandte sich an die Presse. Er warf der Regierung vor, die "
            "Wähler zu täuschen."
        ),
        fragment="Wähler",
        quote="die Wähler zu täuschen",
        kind=Kind.INDIRECT,
        speaker="Er",
        entity="Otto Kranz",
    ),
    Case(
        why="a relative pronoun speaker refers to the phrase before its comma",
        text="Entscheidend war die Aussage eines jungen Zeugen, der angab, den Wagen gesehen zu haben.",
        fragment="Wagen",
        quote="den Wagen gesehen zu haben",
        kind=Kind.INDIRECT,
        speaker="der",
        entity="Zeugen",
    ),
    Case(
        why="a relative pronoun after a name the tagger read as an adjective",
        text="Die Rede hielt die Autorin Alice Schwarzer, die betonte, der Preis sei verdient.",
        fragment="verdient",
        quote="der Preis sei verdient",
        kind=Kind.INDIRECT,
        entity="Alice Schwarzer",
    ),
    Case(
        why="a passive agent with a role noun is an antecedent",
        text=(
            "Der Unfall wurde am Montag von einer Polizeisprecherin in Bremen bestätigt. Sie sagte, es habe zwei "
            "Verletzte gegeben."
        ),
        fragment="Verletzte",
        quote="es habe zwei Verletzte gegeben",
        kind=Kind.INDIRECT,
        speaker="Sie",
        entity="Polizeisprecherin",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)


def test_region_in_an_attribute_is_no_entity() -> None:
    art = run("Der Präsident der Region Tirol sagte, die Straße bleibe gesperrt.")
    st = check(art, "Straße", kind=Kind.INDIRECT)
    assert st.speaker_entity != "Tirol"
