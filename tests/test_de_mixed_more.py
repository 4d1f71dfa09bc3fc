"""Clauses around quoted fragments and the sources that frame them: the corpus
marks the clause (with speaker and cue) beside the quoted fragment itself."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_nach_der_ankuendigung_names_a_source() -> None:
    # an announcement is a source like a report: "Nach der Ankündigung X soll …"
    art = run("Nach der Ankündigung des Bürgermeisters soll das Freibad im Sommer „spätestens im Juli wieder öffnen“.")
    check(art, "Freibad", kind=Kind.INDIRECT, speaker="der Ankündigung des Bürgermeisters")


def test_nach_einer_idee_names_a_source() -> None:
    # "Nach Müllers Idee soll …": the idea with its possessor is the source
    art = run("Nach Müllers Idee soll die Stadt künftig mehr Busse einsetzen.")
    check(art, "Busse", kind=Kind.INDIRECT, speaker="Müllers Idee")


def test_demanded_object_around_a_fragment() -> None:
    # "forderte einen „…“": the object phrase is an indirect statement beside the fragment
    art = run("Die Gewerkschaft forderte einen „fairen Ausgleich für alle Beschäftigten“.")
    check(art, "einen „fairen", kind=Kind.INDIRECT, speaker="Die Gewerkschaft", cue="forderte")
    check(art, "„fairen", kind=Kind.DIRECT, quote="„fairen Ausgleich für alle Beschäftigten“")


def test_demanded_object_with_a_genitive_noun() -> None:
    # "verlangte eine Prüfung der „…“": a noun and a genitive article may precede the fragment
    art = run("Der Verband verlangte eine Prüfung der „unklaren Vorgänge im Rathaus“.")
    check(art, "eine Prüfung", kind=Kind.INDIRECT, speaker="Der Verband", quote="eine Prüfung der „unklaren Vorgänge im Rathaus“")


def test_recommended_object_is_only_the_fragment() -> None:
    # "empfahl einen „…“" is not marked as a clause statement in the corpus
    art = run("Die Ärztin empfahl einen „gründlichen Schutz vor Mücken“.")
    assert not [s for s in art.statements if s.kind == Kind.INDIRECT]


def test_dass_complement_without_its_comma() -> None:
    # "hoffte dass …" (comma missing): the complement still starts at "dass"
    art = run("Die Trainerin hoffte dass die Mannschaft „endlich wieder gewinnt“ - nach all den Niederlagen.")
    check(art, "dass die Mannschaft", kind=Kind.INDIRECT, speaker="Die Trainerin", cue="hoffte")


def test_comma_less_dass_needs_a_speech_verb() -> None:
    # "weiß dass …" (a weak verb) and "so dass" frame no statement without the comma
    art = run("Der Angeklagte weiß dass im Saal viele Zeugen sitzen.")
    assert not [s for s in art.statements if s.kind == Kind.INDIRECT]
