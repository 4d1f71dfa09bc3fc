"""Stage: relayed quotes, one quote said by two ("Die Zeitung zitiert den Minister mit …").

Reads: the statements found so far. Writes: for a statement whose cue is
"zitieren" and whose frame names both the one quoted and the one quoting,
a second statement with the same quote and the other party as speaker: the
corpus marks both ("Ein Sender zitierte Papandreou mit den Worten: „…“" is
Papandreou's quote and the sender's; "X wird von der Agentur Reuters mit den
Worten zitiert, …" is X's and Reuters'). Where the quoting subject is "man"
the one quoted is the only speaker.
"""

from __future__ import annotations

import copy

from ...lexicon import load_word_set
from ...model import Medium
from ...nlp import Token
from ...pipeline.found import Found, TokRange
from ...pipeline.scans import scans
from ...pipeline.sentences import Article
from .chunks import speaker_forward
from .lexicons import source_noun_medium
from .morph import is_verb

_AGENT_PREPS = frozenset({"von", "vom"})
_PLACE_PREPS = frozenset({"in", "im"})
_OPEN_QUOTES = frozenset({"„", "»", "«", '"'})
# words that end the quoted person's phrase after the verb ("zitiert X mit den Worten")
_OBJECT_STOPS = load_word_set("de", "object_stops")


def relayed_quotes(art: Article, found: list[Found]) -> list[Found]:
    out: list[Found] = []
    toks = art.tokens
    for f in found:
        verb = next((i for i in f.cue if toks[i].lemma == "zitieren"), None)
        if verb is None or not f.frame or f.construction == "speaker_only":
            continue
        lo = min(a for a, _ in f.frame)
        hi = max(b for _, b in f.frame)
        if not lo <= verb < hi:
            continue
        parties = (
            _passive_parties(toks, f, verb, lo, hi)
            if _passive(toks, verb, lo, hi)
            else _active_parties(toks, f, verb, lo, hi)
        )
        if parties is None:
            continue
        quoting, quoted = parties
        if quoting is None:
            f.speaker = quoted  # "Man zitiert eine Erklärung, in der es heißt, …"
            continue
        f.speaker = quoting
        g = copy.copy(f)
        g.speaker = quoted
        g.medium = Medium.SPEECH  # the one quoted spoke; the paper quoting wrote
        g.entity = None
        g.inherited_from = None
        out.append(g)
    return out


def _passive(toks: list[Token], verb: int, lo: int, hi: int) -> bool:
    """ "wird … zitiert", "wie X zitiert wird" ("zitiert" is read as finite too)."""
    return toks[verb].text.lower().endswith("t") and scans(toks).first(_werden_aux, lo, hi) is not None


# the frame's words are looked up by position, not scanned per statement: a long
# sentence of relayed quotes ("„Gut“, wird Panetta zitiert, " * n) was quadratic
def _werden_aux(toks: list[Token], k: int) -> bool:
    return toks[k].lemma == "werden" and toks[k].tag.startswith("VA")


def _agent_prep(toks: list[Token], k: int) -> bool:
    return toks[k].lower in _AGENT_PREPS and toks[k].tag.startswith("APPR")


def _place_prep(toks: list[Token], k: int) -> bool:
    return toks[k].lower in _PLACE_PREPS


def _passive_parties(
    toks: list[Token], f: Found, verb: int, lo: int, hi: int
) -> tuple[TokRange | None, TokRange] | None:
    """ "X wird von Y zitiert": Y quotes, X is quoted; the speaker found may run
    over both ("wie Hoyzer von Spiegel-Online zitiert wird")."""
    # the last "von" before the verb: "Sergei Voznyak, Sprecher des Teams von X,
    # wird von Reuters zitiert" has an attribute "von" before the agent
    prep = scans(toks).last(_agent_prep, lo, verb)
    if f.speaker is None:
        return None
    if prep is None:
        place = _quoting_place(toks, f.speaker, verb, lo)
        return (place, f.speaker) if place is not None else None
    if toks[prep - 1].tag in {"NN", "NE"} and not f.speaker[0] <= prep - 1 < f.speaker[1]:
        return None  # "auf der Internetseite von Borussia Dortmund": an attribute, not the agent
    agent = speaker_forward(toks, prep + 1, verb, appositions=False)
    if agent is None:
        return None
    found_sp = f.speaker
    sp: TokRange | None = found_sp
    if found_sp[0] <= prep < found_sp[1]:
        sp = (found_sp[0], prep) if prep > found_sp[0] else None
    elif agent[0] <= found_sp[0] < agent[1]:
        # the speaker found is the agent: the one quoted is the subject before
        # the finite verb ("Sergei Voznyak, Pressesprecher …, wird von Reuters zitiert")
        finite = scans(toks).first(_werden_aux, lo, hi)
        finite = verb if finite is None else finite
        end = finite - 1 if finite - 1 > lo and toks[finite - 1].text == "," else finite
        sp = speaker_forward(toks, lo, end, appositions=True) if end > lo else None
        if sp is None or sp[1] != end:
            return None
    if sp is None:
        return None
    return agent, sp


def _quoting_place(toks: list[Token], sp: TokRange, verb: int, lo: int) -> TokRange | None:
    """ "X wird im Fachblatt „La Gazzetta“ zitiert", "In der Meldung wird X
    zitiert": the publication that quotes, named by a source noun ("Meldung",
    "Bericht") or a quoted name; not "in Berlin"."""
    for k in scans(toks).between(_place_prep, lo, verb):
        if sp[0] <= k < sp[1]:
            continue
        np = speaker_forward(toks, k + 1, verb, appositions=False)
        if np is None or np[0] <= sp[0] < np[1]:
            continue
        words = toks[np[0] : np[1]]
        if any(source_noun_medium(t.text) is not None for t in words) or any(t.text in _OPEN_QUOTES for t in words):
            return np
    return None


def _active_parties(
    toks: list[Token], f: Found, verb: int, lo: int, hi: int
) -> tuple[TokRange | None, TokRange] | None:
    """ "Y zitiert X mit den Worten": the subject quotes, the object is quoted.
    A subject after the verb may have swallowed the object ("zitiert die
    „Computerwoche“ Lynch"): it is split where a second name starts."""
    subj = f.speaker
    start = verb + 1
    if subj is not None and subj[0] > verb:
        split = _second_phrase(toks, subj)
        if split is not None:
            return (subj[0], split), (split, subj[1])
        start = subj[1]
    end = start
    while end < hi and toks[end].text not in {",", ":", ";", "."} and toks[end].lower not in _OBJECT_STOPS:
        end += 1
    obj = speaker_forward(toks, start, end, appositions=False) if end > start else None
    if obj is None or any(is_verb(t) or t.tag == "KON" for t in toks[obj[1] : end]):
        return None
    obj = (obj[0], end)  # with its attributes: "eine Erklärung der Behörde für Kommunikation"
    if subj is None or (subj[1] - subj[0] == 1 and toks[subj[0]].lower == "man"):
        return (None, obj) if scans(toks).has_word(("man",), lo, verb + 2) else None
    return subj, obj


def _second_phrase(toks: list[Token], sp: TokRange) -> int | None:
    """Where a second noun phrase starts inside ``sp``: a name or noun right
    after a name or a closing quotation mark ("die „Computerwoche“ Lynch",
    "ndr.de Polizeisprecher Ralf Meyer")."""
    for k in range(sp[0] + 1, sp[1]):
        prev, cur = toks[k - 1], toks[k]
        if cur.tag not in {"NN", "NE"}:
            continue
        if prev.text in {"“", "”", '"', "«", "»"} or (prev.tag in {"XY", "FM"} or "." in prev.text[1:-1]):
            return k
    return None
