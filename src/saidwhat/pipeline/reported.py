"""Stage: reported speech, a cue verb with an object instead of a clause.

Reads: sentences, the statements found so far. Writes: REPORTED items for
sentences with no other statement whose cue verb takes what was said as an
object ("Russland hat die Behauptungen … bestritten", "Die Polizei sprach
von einer friedlichen Demonstration", "Stoltenberg erinnerte an den Tag").
Following the corpus, the quote is the whole sentence (without its final
mark), the speaker is marked inside it, and there is no cue or frame.
"""

from __future__ import annotations

from ..model import Kind, Span
from ..nlp import Token
from .cues import Cue, clause_begin, find_cue, speaker_of
from .found import Found
from .sentences import Article

# verb lemma → preposition that introduces its object ("" = a plain object)
_PREP_OBJECT = {"erinnern": "an", "warnen": "vor", "sprechen": "von", "klagen": "über", "berichten": "von", "appellieren": "an"}


def find_reported(art: Article, found: list[Found]) -> list[Found]:
    busy = {f.sent for f in found}
    toks = art.tokens
    out: list[Found] = []
    for s in art.sentences:
        if s.i in busy:
            continue
        te = art.text_end(s)
        if te - s.start < 4:
            continue
        for i in range(s.start, te):
            if art.in_quote[i] != -1:
                continue
            c = find_cue(toks, i, s.start, te)
            if c is None:
                continue
            prep = _PREP_OBJECT.get(c.entry.lemma)
            if not c.entry.takes_object and not (prep and i + 1 < te and toks[i + 1].lower == prep):
                continue
            if _not_a_report(toks, c, s.start):
                continue
            sp, _ = speaker_of(toks, c, s.start, te)
            if sp is None or sp[0] <= c.verb < sp[1]:
                continue
            out.append(
                Found(
                    Kind.REPORTED,
                    [Span(toks[s.start].begin, toks[te - 1].end)],
                    "reported",
                    speaker=sp,
                    medium=c.medium,
                    sent=s.i,
                )
            )
            break
    return out


def _not_a_report(toks: list[Token], c: Cue, start: int) -> bool:
    """A cue verb that does not report here: an adjective ("die oft beklagte
    Lücke"), a relative clause ("…, die 25 Millionen Opfer gefordert hatte"),
    a passive without an agent ("wurden verurteilt")."""
    v = c.verb
    if v > start and toks[v - 1].pos in {"ART", "ADJ(A)", "ADV", "PIAT"} and v + 1 < len(toks) and toks[v + 1].pos == "NN":
        return True
    cb = clause_begin(toks, v, start)
    if cb > start and toks[cb].lower in {"der", "die", "das", "dem", "den", "denen", "deren", "dessen", "was", "wo", "welche", "welcher"}:
        return True
    if c.finite != v and toks[c.finite].lemma == "werden" and toks[v].pos.endswith("(PP)"):
        return True
    return False
