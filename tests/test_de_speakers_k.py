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
