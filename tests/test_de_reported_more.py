"""Reported speech: cue verbs with an object, more rules; sentences written for these tests."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_preposition_with_its_noun_phrase_is_no_particle() -> None:
    # "vor der Zweiten" is a preposition: "warf" is no "warf … vor" (accuse)
    art = run("Die Werferin warf die Scheibe sehr weit und gewann vor der Zweiten aus Polen.")
    assert not any(st.kind == Kind.REPORTED for st in art.statements)
    # the clause-final particle still makes the cue
    art = run("Der Verband warf dem Trainer schwere Fehler vor.")
    check(art, "Fehler", kind=Kind.REPORTED, speaker="Der Verband")


def test_spoke_of_a_number() -> None:
    # the object of "sprach von" may open with a number or "bis zu"
    art = run("Die Feuerwehr spricht von 3.000 Helfern.")
    check(art, "Helfern", kind=Kind.REPORTED, speaker="Die Feuerwehr")
    art = run("Die Veranstalter sprachen am Abend von bis zu 900 Gästen.")
    check(art, "Gästen", kind=Kind.REPORTED, speaker="Die Veranstalter")


def test_seeing_in_something_a_judgement_reports() -> None:
    # "sieht in X eine Y" judges; watching or "sich in der Pflicht sehen" does not
    art = run("Die Gewerkschaft sieht in der Maßnahme eine Gefahr für die Sicherheit.")
    check(art, "Gefahr", kind=Kind.REPORTED, speaker="Die Gewerkschaft")
    art = run("Die Zuschauer sahen in der Halle das Finale der Meisterschaft.")
    assert not any(st.kind == Kind.REPORTED for st in art.statements)
    art = run("Viele Eltern sehen sich in der Pflicht einer neuen Rolle.")
    assert not any(st.kind == Kind.REPORTED for st in art.statements)


def test_three_word_report() -> None:
    # a short sentence is still a report: subject, cue verb, object
    art = run("Anwohner fürchten Lärm.")
    check(art, "Lärm", kind=Kind.REPORTED, speaker="Anwohner")


def test_considering_something_reports() -> None:
    art = run("Die Stadt erwog am Montag eine Klage gegen den Betreiber.")
    check(art, "Klage", kind=Kind.REPORTED, speaker="Die Stadt")


def test_playing_a_match_is_no_denial() -> None:
    # "bestreiten" with a match as object is sport, not a denial
    art = run("Die Mannschaft bestreitet ihr zweites Gruppenspiel am Sonntag in Lyon.")
    assert not any(st.kind == Kind.REPORTED for st in art.statements)
    art = run("Der Konzern hat die Vorwürfe der Behörde bestritten.")
    check(art, "Vorwürfe", kind=Kind.REPORTED, speaker="Der Konzern")


def test_fused_participle_has_its_needed_particle() -> None:
    # "need=vor" of vorwerfen is met by the participle "vorgeworfen" itself
    art = run("Die Opposition hat dem Minister schweres Versagen vorgeworfen.")
    check(art, "Versagen", kind=Kind.REPORTED, speaker="Die Opposition")


def test_seeing_someone_as_something_reports() -> None:
    art = run("Die Zeitung sah den Kanzler als klaren Sieger der Debatte.")
    check(art, "Sieger", kind=Kind.REPORTED, speaker="Die Zeitung")
    art = run("Am Samstag sahen mehr als tausend Zuschauer das Spiel im Stadion.")
    assert not any(st.kind == Kind.REPORTED for st in art.statements)


def test_remembering_is_no_report() -> None:
    # "sich erinnern an" remembers; "erinnerte an" (without "sich") reminds, a report
    art = run("Viele Gäste hatten sich sofort an das Fest im Sommer erinnert.")
    assert not any(st.kind == Kind.REPORTED for st in art.statements)
    art = run("Der Bürgermeister erinnerte an die Opfer des Hochwassers.")
    check(art, "Opfer", kind=Kind.REPORTED, speaker="Der Bürgermeister")


def test_complaining_of_pain_is_no_report() -> None:
    art = run("Nach dem Lauf klagte der Sportler über starke Kopfschmerzen.")
    assert not any(st.kind == Kind.REPORTED for st in art.statements)
