"""Speaker entities: pronoun agreement and names in attributes (sentences written for these tests)."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_er_skips_a_country_and_a_feminine_speaker() -> None:
    text = (
        "Der Trainer Max Berger sagte, die Mannschaft sei gut vorbereitet. "
        "Österreich habe nach Angaben der Zeitung mehr Geld investiert. "
        "Die Ministerin erklärte, der Etat werde nicht erhöht. "
        "Er sagte, das Spiel werde schwer."
    )
    art = run(text)
    check(art, "Spiel", kind=Kind.INDIRECT, speaker="Er", entity="Berger")


def test_es_takes_a_neuter_antecedent() -> None:
    text = "Russland erklärte, die Truppen seien abgezogen. Der Sprecher der Regierung in Kiew sagte, das stimme nicht. Es teilte mit, die Grenze bleibe offen."
    art = run(text)
    check(art, "Grenze", kind=Kind.INDIRECT, speaker="Es", entity="Russland")


def test_prepositional_prefield_is_no_antecedent() -> None:
    text = "Die Ärztin Eva Kramer sagte, der Patient sei stabil. In Konstanz wurde am Abend gefeiert. Sie erklärte, er könne bald gehen."
    art = run(text)
    check(art, "bald", kind=Kind.INDIRECT, speaker="Sie", entity="Kramer")


def test_name_in_an_attribute_names_no_speaker() -> None:
    art = run("Der Bürgermeister von Christchurch, Bob Parker, sagte, 120 Menschen seien gerettet worden.")
    check(art, "gerettet", kind=Kind.INDIRECT, entity="Parker")
    art = run("Der Präsident der Region Tirol sagte, die Straße bleibe gesperrt.")
    st = check(art, "Straße", kind=Kind.INDIRECT)
    assert st.speaker_entity != "Tirol"
