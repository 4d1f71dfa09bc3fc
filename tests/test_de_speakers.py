"""Speaker phrases and their entities: appositions, pronouns, descriptions."""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import by_quote, check, run


def test_apposition_with_name() -> None:
    art = run("Ein Sprecher der Polizei, Lars Beringer, sagte, die Straße bleibe gesperrt.")
    check(art, "Straße", kind=Kind.INDIRECT, speaker="Ein Sprecher der Polizei, Lars Beringer", entity="Beringer")


def test_trailing_apposition_with_relative_clause() -> None:
    text = "„Das ist die größte Krise seit Jahrzehnten“, sagte Stoltenberg, 63, ein ehemaliger Ministerpräsident Norwegens, der seit 2014 NATO-Chef ist."
    art = run(text)
    check(
        art,
        "Krise",
        kind=Kind.DIRECT,
        speaker="Stoltenberg, 63, ein ehemaliger Ministerpräsident Norwegens, der seit 2014 NATO-Chef ist",
        entity="Stoltenberg",
    )


def test_pronoun_resolves_to_last_speaker() -> None:
    text = "Merkel sagte, die Lage sei ernst. Später erklärte sie, man werde helfen."
    art = run(text)
    check(art, "man werde", kind=Kind.INDIRECT, speaker="sie", entity="Merkel")


def test_sie_meaning_a_state() -> None:
    text = "Russland hat die Vorwürfe zurückgewiesen. Sie hat bestritten, Truppen geschickt zu haben."
    art = run(text)
    check(art, "Truppen", kind=Kind.INDIRECT, speaker="Sie", entity="Russland")


def test_es_refers_to_subject() -> None:
    text = "Russland schickte Truppen, was es als „besondere Operation“ bezeichnete."
    art = run(text)
    check(art, "besondere", kind=Kind.DIRECT, speaker="es", entity="Russland")


def test_description_links_to_named_role() -> None:
    text = (
        "„Wir stehen zusammen“, sagte Stoltenberg, der seit 2014 NATO-Chef ist. "
        "Der NATO-Chef sagte außerdem, das Bündnis sei stark."
    )
    art = run(text)
    check(art, "Bündnis", kind=Kind.INDIRECT, speaker="Der NATO-Chef", entity="Stoltenberg")


def test_description_head_noun_entity() -> None:
    art = run("Die dortigen Bündnismitglieder befürchten, dass sie das nächste Ziel sein könnten.")
    check(art, "Ziel", kind=Kind.INDIRECT, entity="Bündnismitglieder")


def test_every_speaker_has_an_entity() -> None:
    text = "Er sagte, es werde regnen. Laut Experten wird es kälter. „Gut so“, meinte man."
    art = run(text)
    assert art.statements
    assert all(st.speaker_entity for st in art.statements if st.speaker)


def test_confidence_is_a_probability() -> None:
    art = run("Laut der Polizei wurden drei Autos beschädigt. Der Mann soll geflohen sein.")
    assert all(0.0 < st.confidence <= 1.0 for st in art.statements)


def test_passive_agent_is_speaker() -> None:
    art = run("Von den Behörden wird angenommen, dass der Schmuggel zu dem Unfall führte.")
    check(art, "Schmuggel", kind=Kind.INDIRECT, speaker="den Behörden")


def test_relative_pronoun_speaker() -> None:
    art = run("Es gibt eine Theorie, die davon ausgeht, die Erde sei flach.")
    check(art, "Erde", kind=Kind.INDIRECT, speaker="die")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Einige Förster vertreten die Auffassung, der Wald erhole sich nur langsam.", "Einige Förster"),
        ("Manche Fachleute halten es für möglich, dass die Brücke schon im Mai öffnet.", "Manche Fachleute"),
        ("Zwölf Prozent sind der gegenteiligen Auffassung, dass der Markt zu klein sei.", "Zwölf Prozent"),
    ],
)
def test_speaker_is_never_part_of_the_cue(text: str, speaker: str) -> None:
    # the object of the opinion cue is no subject: the prefield is, even a quantifier
    art = run(text)
    assert len(art.statements) == 1
    assert art.statements[0].role_text("speaker", text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Der Bürgermeister wurde am Montag gewählt, andere Quellen berichten, dass die Wahl erst am Dienstag war.", "andere Quellen"),
        ("Es war nicht das erste Hochwasser im Ort und die Anwohner befürchten, dass es nicht das letzte sein wird.", "die Anwohner"),
    ],
)
def test_subject_of_a_later_main_clause(text: str, speaker: str) -> None:
    # the sentence's prefield is no phrase; the cue's own clause has its subject
    art = run(text)
    st = by_quote(art, text.split(", dass ")[1][:10])
    assert st.role_text("speaker", text) == speaker


def test_man_is_no_speaker() -> None:
    # "man" names nobody: the statement stays, with no speaker
    text = "Man geht davon aus, dass die Brücke im Mai fertig wird."
    art = run(text)
    assert len(art.statements) == 1
    assert art.statements[0].role_text("speaker", text) == ""


def test_narrator_ich_is_no_statement() -> None:
    assert not run("Ich glaube, dass die Brücke im Mai fertig wird.").statements
