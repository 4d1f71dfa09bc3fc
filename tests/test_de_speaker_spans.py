"""Speaker phrase boundaries: sentences written for these tests."""

from __future__ import annotations

from saidwhat.model import Kind
from saidwhat.nlp import parse
from saidwhat.pipeline.chunks import speaker_forward
from test_de_helpers import check, run


def test_source_noun_with_genitive_plural() -> None:
    art = run("Nach Angaben libanesischer Sicherheitskreise wurden zwei Soldaten verletzt.")
    check(art, "Soldaten", kind=Kind.INDIRECT, speaker="Angaben libanesischer Sicherheitskreise")


def test_genitive_with_quantifier() -> None:
    art = run("Nach Meinung der beiden Gutachter ist die Brücke sicher.")
    check(art, "Brücke", kind=Kind.INDIRECT, speaker="Meinung der beiden Gutachter")


def test_nominal_frame_with_apposition() -> None:
    art = run("Nach Angaben des Direktors der Fluglinie, Jan Ohm, sei die Maschine gewartet worden.")
    check(art, "Maschine", kind=Kind.INDIRECT, speaker="Angaben des Direktors der Fluglinie, Jan Ohm")


def test_number_starts_the_object() -> None:
    doc = parse("meldete die Polizei 40 Verletzte", "de")
    assert speaker_forward(doc.tokens, 1, len(doc.tokens), appositions=False) == (1, 3)


def test_adverb_after_prefield_subject() -> None:
    art = run("Die Armee hingegen erklärte, die Lage sei ruhig.")
    check(art, "Lage", kind=Kind.INDIRECT, speaker="Die Armee")


def test_heisst_es_source_without_preposition() -> None:
    art = run("In der Mitteilung des Vereins heißt es, das Turnier werde verschoben.")
    check(art, "Turnier", kind=Kind.INDIRECT, speaker="der Mitteilung des Vereins")


def test_possessive_ihr_opens_a_speaker_phrase() -> None:
    art = run("Ihr Vorsitzender Jan Ohm erklärte: „Wir sind noch nicht zufrieden.“")
    check(art, "zufrieden", kind=Kind.DIRECT, speaker="Ihr Vorsitzender Jan Ohm", cue="erklärte")


def test_colon_frame_subject_after_second_place_verb() -> None:
    art = run("Hier sparte der Bürgermeister nicht mit Kritik: „So geht es nicht weiter mit der Stadt.“")
    check(art, "Stadt", kind=Kind.DIRECT, speaker="der Bürgermeister")


def test_website_as_speaker() -> None:
    art = run("Wie t-online.de berichtet, ist der Dienst seit Stunden gestört.")
    check(art, "Dienst", kind=Kind.INDIRECT, speaker="t-online.de", cue="Wie … berichtet")


def test_adjective_used_as_noun_written_small() -> None:
    art = run("Am Montag sagte der 81-jährige in einem Interview, die Maus sei tot gewesen.")
    check(art, "Maus", kind=Kind.INDIRECT, speaker="der 81-jährige")


def test_focus_adverb_before_quantifier() -> None:
    art = run("Auch einige kleinere Parteien haben angekündigt, die Wahl zu boykottieren.")
    check(art, "boykottieren", kind=Kind.INDIRECT, speaker="einige kleinere Parteien")


def test_genitive_prefield_is_no_subject() -> None:
    art = run("Des Weiteren erklärte die Polizei, die Straße bleibe gesperrt.")
    check(art, "Straße", kind=Kind.INDIRECT, speaker="die Polizei")


def test_surname_read_as_verb_or_adjective() -> None:
    # "Hoff" and "Lahm" look like a verb and an adjective; after a given name they are surnames
    text = "„Wir bauen die Halle weiter“, sagte die Stadträtin Elke Hoff."
    check(run(text), "Halle", kind=Kind.DIRECT, speaker="die Stadträtin Elke Hoff")
    text = "„Das Spiel war schwer“, sagte Peter Lahm nach dem Abpfiff."
    check(run(text), "Spiel", kind=Kind.DIRECT, speaker="Peter Lahm")


def test_place_attribute_after_a_noun_not_after_a_name() -> None:
    # "in Bonn" belongs to "die Organisation"; after a person's name it says where they spoke
    text = "Die Organisation in Bonn teilte mit, die Spenden seien gestiegen."
    check(run(text), "Spenden", kind=Kind.INDIRECT, speaker="Die Organisation in Bonn")
    text = "„Wir bleiben dabei“, sagte Meier in Bonn."
    check(run(text), "dabei", kind=Kind.DIRECT, speaker="Meier")
