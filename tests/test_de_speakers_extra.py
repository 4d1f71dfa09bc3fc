"""Speakers of cue verbs and direct-quote frames: subjects the verb-second
reading used to miss, and spans the corpus marks (see each test's rule)."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_pronoun_with_genitive_in_prefield() -> None:
    # a capitalised determiner opening the sentence is no head: the phrase runs on
    art = run("Einer der vier befragten Lehrer sagte: „Wir wussten von nichts.“")
    check(art, "wussten", kind=Kind.DIRECT, speaker="Einer der vier befragten Lehrer")
