"""Reported speech and nested or label quotes: more rules, sentences written for these tests."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_quoted_name_does_not_block_a_report() -> None:
    # a title in quotation marks is no quote: the sentence is still reported speech
    art = run("Der Stadtrat forderte die Rückgabe der „Goldenen Krone“ an das Museum.")
    check(art, "Rückgabe", kind=Kind.REPORTED, speaker="Der Stadtrat")
