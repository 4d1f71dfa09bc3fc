"""Stage: statements held by a cue verb's complement, and "according to X".

Reads: the parse of each parsed sentence, the cue verbs (``cue_verbs.txt``), the cue
verbs the direct stage used. Writes: :class:`Found` items (INDIRECT, or DIRECT when the
statement lies within quotation marks).

Per cue verb, the first frame of its lexicon entry that the parse shows holds the
statement (the construction names the frame):

- ``indirect_clause``: its clausal complement, "that" included as PolNeAR marks it
  ("said (that) X", "it was announced that X"); a speech verb that interrupts a clause
  ("X, officials said, Y") holds the rest of that clause (``indirect_parenthetical``);
- ``indirect_to``: an infinitive ("vowed to X", "urged Congress to X");
- ``indirect_object``: the direct object ("denied the report", "endorsed Clinton").

The speaker is the verb's subject with everything that hangs on it ("Sanders, runner-up
to …"), or the subject of the verb it shares one with ("stood up and said",
"…, adding that"); an expletive "it" ("it was announced") gives none. "told
reporters": the object of tell/ask is the addressee.
"""

from __future__ import annotations

from ...model import Kind, Span
from ...pipeline.found import Found, TokRange
from ...pipeline.sentences import Article
from .deps import clause_spans, cue_tokens, cue_verb, phrase, subject, trim
from .lexicons import CueVerb
from .parser import EnglishDoc

_CLAUSE_DEPS = ("ccomp",)
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "assure", "warn", "urge"})
# prepositions whose phrase after the object completes the statement: "accused X of Y", "blamed X for Y"
_OBJECT_PREDICATES = frozenset({"as", "of", "for"})
_MODIFIER_DEPS = ("det", "amod", "nummod", "compound", "npadvmod", "nmod")
_NO_SPEAKER = frozenset({"it", "there"})
# at least this share of a statement's letters inside quotation marks makes it direct (PolNeAR's rule: 90 %)
_DIRECT_SHARE = 0.9


def find_indirect(art: Article, used_cues: set[int]) -> list[Found]:
    doc = art.doc
    assert isinstance(doc, EnglishDoc)
    out: list[Found] = []
    for s in art.sentences:
        if not doc.parsed[s.i]:
            continue
        for v in range(s.start, s.end):
            if v in used_cues:
                continue
            if art.tokens[v].lower == "according":
                f = according_to(art, doc, v)
            else:
                cue = cue_verb(doc, v)
                f = _verb_statement(art, doc, v, cue) if cue is not None else _that_clause(art, doc, v)
            if f is not None:
                f.sent = s.i
                out.append(f)
    return out


def _verb_statement(art: Article, doc: EnglishDoc, v: int, cue: CueVerb) -> Found | None:
    runs: list[TokRange] = []
    construction = ""
    if "clause" in cue.frames:
        runs, construction = _clause(doc, v)
    if not runs and "to" in cue.frames:
        runs, construction = _nonempty(_infinitive(doc, v)), "indirect_to"
    if not runs and "object" in cue.frames:
        runs, construction = _nonempty(_object(doc, v, cue)), "indirect_object"
    if not runs:
        return None
    return Found(
        _kind(art, (runs[0][0], runs[-1][1])),
        [Span(art.tokens[a].begin, art.tokens[b - 1].end) for a, b in runs],
        construction,
        speaker=_speaker(doc, v),
        cue=cue_tokens(doc, v, cue),
        addressee=_addressee(doc, v, cue),
    )


def _nonempty(r: TokRange | None) -> list[TokRange]:
    return [r] if r is not None and r[1] > r[0] else []


def _that_clause(art: Article, doc: EnglishDoc, v: int) -> Found | None:
    """Any verb with a that-clause and a subject ("Clinton conceded that X", "polls
    indicate that X"): PolNeAR marks beliefs and evidence as well as speech."""
    if not art.tokens[v].tag.startswith("VB"):
        return None
    c = doc.child(v, "ccomp")
    if c is None or doc.child(c, "mark") is None or doc.tokens[doc.child(c, "mark")].lower != "that":  # type: ignore[index]
        return None
    speaker = _speaker(doc, v)
    if speaker is None:
        return None
    quote = phrase(doc, c)
    return Found(
        _kind(art, quote),
        [Span(art.tokens[quote[0]].begin, art.tokens[quote[1] - 1].end)],
        "indirect_that_verb",
        speaker=speaker,
        cue=cue_tokens(doc, v),
    )


def _clause(doc: EnglishDoc, v: int) -> tuple[list[TokRange], str]:
    c = doc.child(v, *_CLAUSE_DEPS)
    if c is not None:
        return clause_spans(doc, c), "indirect_clause"
    if doc.dep[v] == "parataxis" and doc.head[v] != v:
        # "X, officials said, Y": the clause the verb interrupts, less the verb's own words
        return clause_spans(doc, doc.head[v], stop={v}), "indirect_parenthetical"
    return [], ""


def _infinitive(doc: EnglishDoc, v: int) -> TokRange | None:
    x = doc.child(v, "xcomp")
    if x is None or doc.child(x, "aux") is None:
        return None
    lo, hi = phrase(doc, x)
    obj = doc.child(v, "dobj")
    if obj is not None and obj < x:  # "urged Congress to act": PolNeAR's statement starts at the object
        lo = min(lo, phrase(doc, obj)[0])
    return lo, hi


def _object(doc: EnglishDoc, v: int, cue: CueVerb) -> TokRange | None:
    obj = doc.child(v, "dobj")
    if obj is None and cue.particle:  # "called for a recall": the preposition's object
        prep = v + 1 if v + 1 < len(doc.tokens) and doc.dep[v + 1] == "prep" and doc.head[v + 1] == v else None
        obj = doc.child(prep, "pobj") if prep is not None else None
    if obj is None:
        return None
    lo, hi = phrase(doc, obj)
    # "called X a liar", "described X as Y", "accused X of Y": the predicate goes with the object
    for c in doc.children(v):
        if c > obj and (
            doc.dep[c] in ("oprd", "ccomp", "xcomp")
            or (doc.dep[c] == "prep" and doc.tokens[c].lower in _OBJECT_PREDICATES)
        ):
            hi = max(hi, phrase(doc, c)[1])
    return lo, hi


def _speaker(doc: EnglishDoc, v: int) -> TokRange | None:
    s = subject(doc, v)
    if s is None:
        return _misparsed_subject(doc, v)
    if doc.dep[s] == "expl" or doc.tokens[s].lower in _NO_SPEAKER and doc.dep[s] == "nsubjpass":
        return None
    lo, hi = phrase(doc, s)
    return (lo, hi) if hi > lo else None


def _misparsed_subject(doc: EnglishDoc, v: int) -> TokRange | None:
    """ "The 54-year-old added …": the parser hangs the words of such a subject on the
    verb as modifiers; a run of them right before the verb, opened by a determiner, is it."""
    left = [c for c in doc.children(v) if c < v and doc.dep[c] in _MODIFIER_DEPS]
    if not left:
        return None
    lo = min(doc.subtree(left[0])[0], left[0])
    if doc.tokens[lo].tag != "DT" or any(
        doc.dep[j] not in _MODIFIER_DEPS + ("punct",) for j in doc.children(v) if lo <= j < v
    ):
        return None
    return trim(doc, lo, v)


def _addressee(doc: EnglishDoc, v: int, cue: CueVerb) -> TokRange | None:
    if cue.verb not in _ADDRESSEE_VERBS:
        return None
    o = doc.child(v, "dobj", "dative")
    return phrase(doc, o) if o is not None else None


def according_to(art: Article, doc: EnglishDoc, according: int) -> Found | None:
    """ "according to X": X is the source, the rest of its clause the statement."""
    to = doc.child(according, "prep")
    if to is None or doc.tokens[to].lower != "to":
        return None
    source = doc.child(to, "pobj")
    if source is None:
        return None
    head = doc.head[according]
    if head == according:
        return None
    # the clause the phrase hangs on, climbing from a noun ("the number, according to X, …") to its verb
    while not doc.tokens[head].tag.startswith(("VB", "MD")) and doc.head[head] != head:
        head = doc.head[head]
    phrase_ids = set(doc.subtree(according))
    runs = [trim(doc, lo, hi) for lo, hi in _runs([j for j in doc.subtree(head) if j not in phrase_ids])]
    runs = [r for r in runs if r[1] > r[0]]
    if not runs:
        return None
    quote = (runs[0][0], runs[-1][1])
    return Found(
        _kind(art, quote),
        [Span(art.tokens[lo].begin, art.tokens[hi - 1].end) for lo, hi in runs],
        "according_to",
        speaker=phrase(doc, source),
        cue=[according, to],
    )


def _runs(idx: list[int]) -> list[TokRange]:
    """The runs of consecutive indices in sorted ``idx`` (half-open ranges)."""
    out: list[TokRange] = []
    for j in idx:
        if out and out[-1][1] == j:
            out[-1] = (out[-1][0], j + 1)
        else:
            out.append((j, j + 1))
    return out


def _kind(art: Article, quote: TokRange) -> Kind:
    """DIRECT when nearly all of the statement's letters lie inside quotation marks."""
    letters = quoted = 0
    for i in range(*quote):
        n = sum(c.isalnum() for c in art.tokens[i].text)
        letters += n
        quoted += n if art.in_quote[i] != -1 else 0
    return Kind.DIRECT if letters and quoted >= _DIRECT_SHARE * letters else Kind.INDIRECT
