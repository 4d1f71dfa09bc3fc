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
from .cues import Cue, clause_begin, clause_end, find_cue, speaker_of
from .found import Found
from .nested import is_name
from .sentences import Article

# what may open the object noun phrase after the preposition
_NP_START = frozenset({"ART", "NN", "NE", "ADJ(A)", "CARD", "PPOSAT", "PIAT", "PDAT", "ADV", "PIS", "PDS", "FM"})
_OPEN_MARKS = frozenset("„»«\"“‚")

def find_reported(art: Article, found: list[Found]) -> list[Found]:
    toks = art.tokens
    taken = [(sp.begin, sp.end) for f in found for sp in f.quote]
    used = {i for f in found for i in f.cue}
    out: list[Found] = []
    for s in art.sentences:
        te = art.text_end(s)
        if te - s.start < 4:
            continue
        for i in range(s.start, te):
            if art.in_quote[i] != -1 or i in used:
                continue
            c = find_cue(toks, i, s.start, te)
            if c is None:
                continue
            if c.entry.needs and not any(t.lower in c.entry.needs for t in toks[s.start : te]):
                continue  # "bezeichnete … als …", "sprach sich für … aus": the word it needs is missing
            if not (c.entry.takes_object or c.entry.preps or c.entry.needs):
                continue
            if _not_a_report(toks, c, s.start):
                continue
            sp, _ = speaker_of(toks, c, s.start, te)
            if sp is None or sp[0] <= c.verb < sp[1]:
                continue
            sp = _object_out_of_subject(toks, c, sp)
            if not c.entry.takes_object and c.entry.preps:
                if not _prep_object(toks, c, sp, s.start, te):
                    continue
            end = _coordination_end(toks, c.verb, te)
            if any(art.in_quote[k] != -1 and not _name_quote(art, art.in_quote[k]) for k in range(s.start, end)):
                # "bezeichnete den Besuch als „wichtiges Zeichen“": the corpus marks
                # only the quoted words, as a direct quote of this speaker (nested stage);
                # a quoted name ("forderte die Rückgabe der „Krone Montezumas“") is no quote
                break
            span = Span(toks[s.start].begin, toks[end - 1].end)
            if any(b < span.end and span.begin < e for b, e in taken):
                continue
            out.append(Found(Kind.REPORTED, [span], "reported", speaker=sp, medium=c.medium, sent=s.i))
            taken.append((span.begin, span.end))
            break
    return out


def _name_quote(art: Article, qi: int) -> bool:
    """A title or name in quotation marks („Focus“, „Krone Montezumas“)."""
    a, b = art.quote_tokens[qi]
    return is_name(art.tokens[a + 1 : b - 1] if art.quotes[qi].closed else art.tokens[a + 1 : b])


def _prep_object(toks: list[Token], c: Cue, sp: tuple[int, int], start: int, te: int) -> bool:
    """The cue's clause has its prepositional object ("sprach am Montag von
    einem Erfolg", "hat vor dem Sturm gewarnt"): the preposition, outside the
    speaker phrase, followed by the start of a noun phrase."""
    lo = clause_begin(toks, min(c.tokens), start)
    hi = clause_end(toks, max(c.tokens), te)
    for k in range(lo, min(hi, te - 1)):
        if sp[0] <= k < sp[1] or toks[k].lower not in c.entry.preps:
            continue
        if toks[k + 1].pos in _NP_START or toks[k + 1].text[:1] in _OPEN_MARKS:
            return True
    return False


def _object_out_of_subject(toks: list[Token], c: Cue, sp: tuple[int, int]) -> tuple[int, int]:
    """A subject after the verb ends before the cue's own preposition: in
    "In dem Interview sprach die Ministerin von einer Krise" the "von" phrase is
    what she spoke of, not an attribute of "die Ministerin"."""
    if sp[0] <= c.verb or not c.entry.preps:
        return sp
    for k in range(sp[0] + 1, sp[1]):
        if toks[k].lower in c.entry.preps and toks[k].pos.startswith("APPR"):
            return (sp[0], k)
    return sp


def _coordination_end(toks: list[Token], v: int, te: int) -> int:
    """Where a second verb phrase starts ("… bestritten und behauptet, …")."""
    for j in range(v + 1, te - 1):
        if toks[j].lower in {"und", "sowie"} and any(find_cue(toks, k, v, te) for k in range(j + 1, min(j + 3, te))):
            e = j
            while e > v and toks[e - 1].text == ",":
                e -= 1
            return e
    return te


def _not_a_report(toks: list[Token], c: Cue, start: int) -> bool:
    """A cue verb that does not report here: an adjective ("die oft beklagte
    Lücke"), a relative clause ("…, die 25 Millionen Opfer gefordert hatte"),
    a passive without an agent ("wurden verurteilt", "sind für Montag angekündigt")."""
    v = c.verb
    if v > start and toks[v - 1].pos in {"ART", "ADJ(A)", "ADV", "PIAT"} and v + 1 < len(toks) and toks[v + 1].pos == "NN":
        return True
    cb = clause_begin(toks, v, start)
    if cb > start and toks[cb].lower in {"der", "die", "das", "dem", "den", "denen", "deren", "dessen", "was", "wo", "welche", "welcher"}:
        return True
    if c.finite != v and toks[c.finite].lemma in {"werden", "sein"} and toks[v].pos.endswith("(PP)"):
        # a passive reports only with its agent: "Von der Opposition wurde der Besuch kritisiert"
        return not any(t.lower in {"von", "vom"} for t in toks[start:v])
    return False
