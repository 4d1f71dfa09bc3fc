"""The agent of a passive cue verb ("Von der Opposition wurde … kritisiert").

Used by the reported and nested stages: the corpus marks the agent of a passive
report or label as its speaker ("der Opposition", "vom Deutschen Wetterdienst
als „sehr hoch“ eingestuft" → "Deutschen Wetterdienst").
"""

from __future__ import annotations

from ...nlp import Token
from .chunks import speaker_forward
from .cues import Cue, clause_begin, clause_end, is_passive

__all__ = ["is_passive", "passive_agent"]


def passive_agent(toks: list[Token], c: Cue, start: int, te: int) -> tuple[int, int] | None:
    """The agent of a passive report: the phrase after "von"/"vom"/"durch" in its
    clause ("Trotz der im Vergleich gesunkenen Zahl wurde die Aktion von den
    Veranstaltern als Erfolg gewertet", "während NPR von seinen Kritikern als
    linksliberal eingestuft wird"), not an amount ("eine Summe von zehn Millionen
    Euro") nor the cue's own object ("wird von einer Gefahr ausgegangen")."""
    lo = clause_begin(toks, min(c.finite, c.verb), start)
    hi = clause_end(toks, max(c.finite, c.verb), te)
    for k in range(lo, min(hi, te - 1)):
        if toks[k].lower not in {"von", "vom", "durch"} or toks[k].lower in c.entry.preps or toks[k + 1].tag == "CARD":
            continue
        sp = speaker_forward(toks, k + 1, hi, appositions=False)
        if sp is not None:
            return sp
    return None
