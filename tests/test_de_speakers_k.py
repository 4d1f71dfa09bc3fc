"""Speaker choice around cue verbs: negated attributes, object prefields, sources."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_negated_attribute_in_speaker_phrase() -> None:
    # "nicht" inside the noun phrase belongs to it: "Ein nicht genannter Vertreter"
    art = run("Ein nicht genannter Vertreter der Stadtwerke bezeichnet den Plan als „mutig“ und lobt die Planer.")
    check(art, "mutig", kind=Kind.DIRECT, speaker="Ein nicht genannter Vertreter der Stadtwerke")
