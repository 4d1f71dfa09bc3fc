"""Frames after the statement and complements after an inserted clause: sentences written for these tests."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_dies_frame_particle_after_apposition() -> None:
    art = run("Der Zug fährt ab Montag wieder stündlich. Dies teilte die Sprecherin der Bahn, Eva Lind, mit.")
    check(art, "stündlich", kind=Kind.INDIRECT, speaker="die Sprecherin der Bahn, Eva Lind", cue="teilte … mit")


def test_dies_frame_source_after_aus() -> None:
    art = run("In der Nacht wurden drei Autos beschädigt. Dies geht aus einem Bericht der Polizei hervor.")
    check(art, "Autos", kind=Kind.INDIRECT, speaker="einem Bericht der Polizei", cue="geht … hervor")


def test_resuming_das_in_the_same_sentence() -> None:
    art = run("Die Brücke bleibt bis Ende Mai gesperrt, das teilte das Bauamt am Freitag mit.")
    check(art, "Brücke", kind=Kind.INDIRECT, quote="Die Brücke bleibt bis Ende Mai gesperrt", speaker="das Bauamt", cue="teilte … mit")


def test_complement_after_inserted_relative_clause() -> None:
    art = run("Die Direktorin erklärte, in den Klassen, in denen Tablets genutzt würden, seien die Noten besser.")
    check(art, "Tablets", kind=Kind.INDIRECT, speaker="Die Direktorin", cue="erklärte")


def test_no_complement_without_konjunktiv() -> None:
    # an indicative list after the comma is no reported clause
    art = run("Der Trainer erklärte, in den Ferien, in denen die Halle schließt, trainiert die Mannschaft draußen.")
    assert not any(st.kind == Kind.INDIRECT for st in art.statements)


def test_nach_with_document_source() -> None:
    art = run("Nach einer Stellungnahme der Armee befand sich der Hubschrauber auf dem Rückflug.")
    check(art, "Hubschrauber", kind=Kind.INDIRECT, speaker="einer Stellungnahme der Armee", cue="Nach")


def test_laut_with_extended_attribute() -> None:
    art = run("Laut einer am Freitag veröffentlichten Mitteilung des Vereins wurden 300 Bäume gepflanzt.")
    check(art, "Bäume", kind=Kind.INDIRECT, speaker="einer am Freitag veröffentlichten Mitteilung des Vereins", cue="Laut", entity="Vereins")


def test_second_frame_after_doch_ends_the_first_quote() -> None:
    art = run("Der Bürgermeister sagte, die Halle sei sicher, doch der Gutachter erklärte, sie müsse saniert werden.")
    check(art, "Halle", kind=Kind.INDIRECT, quote="die Halle sei sicher", speaker="Der Bürgermeister")
    check(art, "saniert", kind=Kind.INDIRECT, speaker="der Gutachter", cue="erklärte")


def test_title_in_marks_inside_the_frame() -> None:
    art = run("Der Trainer sagte dem „Kurier“, die Mannschaft habe gut gespielt.")
    check(art, "Mannschaft", kind=Kind.INDIRECT, speaker="Der Trainer", cue="sagte")


def test_relative_clause_between_cue_and_complement() -> None:
    art = run("Die Sängerin schrieb in einer Erklärung, die am Abend veröffentlicht wurde, sie wolle eine Pause machen.")
    check(art, "Pause", kind=Kind.INDIRECT, quote="sie wolle eine Pause machen", speaker="Die Sängerin", cue="schrieb")


def test_wie_frame_with_apposition() -> None:
    art = run("Das Bad bleibt geschlossen, wie Anna Berg, Sprecherin der Stadt, mitteilte.")
    check(art, "Bad", kind=Kind.INDIRECT, speaker="Anna Berg, Sprecherin der Stadt", cue="wie … mitteilte")


def test_quoted_phrase_without_frame() -> None:
    # three or more quoted words with no statement or cue around them: a direct quote, speaker open
    art = run("Die Lage im Hafen sei „völlig außer Kontrolle geraten“ und werde schlimmer.")
    st = check(art, "Kontrolle", kind=Kind.DIRECT, quote="„völlig außer Kontrolle geraten“")
    assert not st.speaker
    # a short term in marks is no statement
    assert not run("Das Projekt „Grüne Welle“ startet im Mai.").statements


def test_judgement_frame_haelt_es_fuer_moeglich() -> None:
    art = run("Die Forscher halten es für möglich, dass der Komet im Mai sichtbar wird.")
    check(art, "Komet", kind=Kind.INDIRECT, quote="dass der Komet im Mai sichtbar wird", speaker="Die Forscher", cue="halten es für möglich")


def test_opinion_frame() -> None:
    art = run("Die Ärztin ist der Meinung, dass die Station zu klein sei.")
    st = check(art, "Station", kind=Kind.INDIRECT, speaker="Die Ärztin", cue="ist der Meinung")
    assert not st.addressee
    art = run("Die Verbände vertreten die Auffassung, die Reform komme zu spät.")
    check(art, "Reform", kind=Kind.INDIRECT, speaker="Die Verbände", cue="vertreten die Auffassung")


def test_more_cue_verbs() -> None:
    art = run("Die Forscher fanden heraus, dass die Bienen den Weg anhand der Sonne finden.")
    check(art, "Bienen", kind=Kind.INDIRECT, speaker="Die Forscher", cue="fanden heraus")
    art = run("Der Verband prangerte an, dass die Löhne seit Jahren sinken.")
    check(art, "Löhne", kind=Kind.INDIRECT, speaker="Der Verband", cue="prangerte an")


def test_quoted_phrase_after_a_statement_in_its_sentence() -> None:
    art = run("„Wir sind zufrieden“, sagte der Trainer nach dem Spiel; die Stimmung im Stadion war „einfach ganz großartig heute“.")
    check(art, "großartig", kind=Kind.DIRECT, speaker="der Trainer")


def test_nach_with_a_ruling_as_source() -> None:
    art = run("Nach dem Urteil des Gerichts muss die Gemeinde die Gebühren zurückzahlen.")
    check(art, "Gebühren", kind=Kind.INDIRECT, speaker="dem Urteil des Gerichts", cue="Nach")
