"""Speakers of cue verbs: subordinators, object "es" and other cases the
verb-second reading used to get wrong (see each test's rule)."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_zumal_opens_a_verb_final_clause() -> None:
    # "zumal" is a subordinator: its clause's subject stands right after it
    art = run("Er wolle das Urteil prüfen, zumal Anwältin Maria Beispiel mehrfach betont hatte, der Zeuge sei unglaubwürdig.")
    check(art, "Zeuge", kind=Kind.INDIRECT, speaker="Anwältin Maria Beispiel")


def test_object_es_before_the_subject() -> None:
    # "sah es … als erwiesen an": "es" is the object, the subject follows it
    art = run("Am Ende sah es das Landgericht als erwiesen an, dass der Händler die Ware gestohlen habe.")
    check(art, "Händler", kind=Kind.INDIRECT, speaker="das Landgericht")


def test_duration_in_the_prefield_is_no_subject() -> None:
    # "Drei Tage nach …" is an adverbial: the subject follows the verb
    art = run("Drei Tage nach dem Unglück meldete die Agentur Beispielpresse, die Zahl der Opfer sei gestiegen.")
    check(art, "Opfer", kind=Kind.INDIRECT, speaker="die Agentur Beispielpresse")


def test_name_parts_mistagged_inside_a_name() -> None:
    from saidwhat.nlp import parse

    toks = parse("Der Sprecher der Gruppe Parti du Peuple sagte nichts.").tokens
    assert [t.pos for t in toks if t.text == "du"] == ["NE"]
    # a capitalised word read as a verb before another capitalised word is a name
    toks = parse("Der Historiker Henk Jaap Beispiel sagte nichts.").tokens
    assert [t.pos for t in toks if t.text == "Henk"] == ["NE"]


def test_adverbial_adjective_inside_the_subject() -> None:
    # "das finanziell angeschlagene Land": the adverbial adjective belongs to the phrase
    art = run("Das wirtschaftlich geschwächte Beispielland teilte mit, es werde die Schulden bezahlen.")
    check(art, "Schulden", kind=Kind.INDIRECT, speaker="Das wirtschaftlich geschwächte Beispielland")


def test_inserted_so_clause_has_its_subject_after_the_verb() -> None:
    # "X, so vermutet die Zeitung, …": the subject follows the verb, "so" is part of the cue
    art = run("Der Grund für den Streit, so vermutet die Zeitung Beispielbote, dürfte das Geld gewesen sein.")
    check(art, "Geld", kind=Kind.INDIRECT, speaker="die Zeitung Beispielbote", cue="so vermutet")


def test_prepositional_relative_without_its_comma() -> None:
    # "einen Brief in dem sie forderte, …": the comma before "in dem" is missing
    art = run("Die Frau schrieb einen Brief in dem sie forderte, dass die Schule geschlossen werde.")
    check(art, "Schule", kind=Kind.INDIRECT, speaker="sie")


def test_title_and_name_open_a_main_clause_after_a_comma() -> None:
    # "…, Bundestrainer Hans Beispiel bezeichnete X als …": a title before a name
    # opens the clause's own prefield, so it is the subject, not the object after the verb
    art = run("Der Stürmer nannte den Platzverweis „überzogen“, Bundestrainer Hans Beispiel bezeichnete acht Gelbe Karten in einem Spiel als „übertrieben“.")
    check(art, "übertrieben", kind=Kind.DIRECT, speaker="Bundestrainer Hans Beispiel")
