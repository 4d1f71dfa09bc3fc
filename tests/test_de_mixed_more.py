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
