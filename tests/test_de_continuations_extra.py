"""Continuations without a frame of their own: which speaker mention they take."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_pronoun_sentence_between_keeps_the_statements_speaker() -> None:
    # "er" in the sentence between only points back to the speaker of the
    # statement before: the continuation takes that statement's mention
    text = (
        "Der Landrat erklärte, die Straße werde im Herbst gesperrt. "
        "Dazu äußerte er sich am Abend erneut. "
        "Die Umleitung führe über das Nachbardorf."
    )
    check(run(text), "Umleitung", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Der Landrat")


def test_pronoun_sentence_without_statement_takes_the_subject_before() -> None:
    text = (
        "Am Dienstag kündigte die Bürgermeisterin einen neuen Haushalt an. "
        "Dabei verteidigte sie die Kürzungen. "
        "Außerdem wolle sie die Gebühren senken."
    )
    check(run(text), "Gebühren", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="die Bürgermeisterin")


def test_pronoun_sentence_with_a_quote_keeps_its_pronoun() -> None:
    # the sentence between quotes words: a statement of its own, its "Er" speaks
    text = (
        "Der Datenschützer Max Born kritisierte die Pläne. "
        "Er bezeichnete die Pläne als „Rückschritt“. "
        "Bisher sei eine zentrale Datei nie geplant gewesen."
    )
    check(run(text), "zentrale Datei", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Er")
