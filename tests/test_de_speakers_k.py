"""Speaker choice around cue verbs: negated attributes, object prefields, sources."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_negated_attribute_in_speaker_phrase() -> None:
    # "nicht" inside the noun phrase belongs to it: "Ein nicht genannter Vertreter"
    art = run("Ein nicht genannter Vertreter der Stadtwerke bezeichnet den Plan als „mutig“ und lobt die Planer.")
    check(art, "mutig", kind=Kind.DIRECT, speaker="Ein nicht genannter Vertreter der Stadtwerke")


def test_verlauten_source_after_aus() -> None:
    # "Aus … verlautete": the "aus" phrase is the source, not the subject
    art = run("Aus Kreisen der Stadtverwaltung verlautete, der Markt werde im Mai eröffnet.")
    check(art, "Markt", kind=Kind.INDIRECT, speaker="Kreisen der Stadtverwaltung")


def test_object_prefield_with_der_subject_after_verb() -> None:
    # "der Bürgermeister" after the verb is nominative: the prefield is the object
    art = run("Die Pläne, die gestern vorgestellt wurden, nannte der Bürgermeister als Kompromiss „tragfähig“.")
    check(art, "tragfähig", kind=Kind.DIRECT, speaker="der Bürgermeister")


def test_plural_object_prefield_with_singular_verb() -> None:
    # "Die jungen Fahrer" is plural, "beschrieb" singular: the subject follows the verb
    art = run("Die jungen Fahrer, die sich beteiligt hatten, beschrieb die Agentur als „aggressiv“.")
    check(art, "aggressiv", kind=Kind.DIRECT, speaker="die Agentur")


def test_subject_prefield_keeps_its_object() -> None:
    art = run("Die Gewerkschaft bezeichnete die Kürzungen als „unzumutbar“.")
    check(art, "unzumutbar", kind=Kind.DIRECT, speaker="Die Gewerkschaft")


def test_apposition_with_relative_clause_in_strong_preterite() -> None:
    # "unterschrieben" ends the relative clause as a finite plural, not a participle
    art = run("Erik Beispiel, einer der Stadträte, die den Aufruf unterschrieben, sagte, der Beschluss sei feige.")
    check(art, "Beschluss", kind=Kind.INDIRECT, speaker="Erik Beispiel, einer der Stadträte")


def test_missing_full_stop_before_capitalised_article() -> None:
    # the text lacks a full stop after "Satzung": "Der Verein" opens the next sentence
    art = run("Der Verein stützte sich auf Paragraf 7 der Satzung Der Verein hatte vorher erklärt, er werde die Mitglieder befragen.")
    check(art, "Mitglieder", kind=Kind.INDIRECT, speaker="Der Verein")


def test_hervorgehen_without_source_is_no_cue() -> None:
    # "gestärkt aus der Krise hervorgegangen" is no cue: the speaker is "Sie" of "meint"
    art = run("Sie meint, dass der Verein gestärkt aus der Krise hervorgegangen sei: „Wir sind jetzt viel besser aufgestellt.“")
    check(art, "aufgestellt", kind=Kind.DIRECT, speaker="Sie")


def test_hervorgehen_with_source_keeps_it() -> None:
    art = run("Aus einem Bericht der Behörde geht hervor, dass die Brücke marode sei.")
    check(art, "Brücke", kind=Kind.INDIRECT, speaker="einem Bericht der Behörde")


def test_auxiliary_of_preceding_relative_clause_is_not_the_cues() -> None:
    # "hat" closes the relative clause; "erklärt" is the main clause's own finite verb
    art = run("Im Schreiben, das Erik Beispiel an den Rat geschickt hat, erklärt sie: „Wir brauchen mehr Zeit.“")
    check(art, "Zeit", kind=Kind.DIRECT, speaker="sie")
