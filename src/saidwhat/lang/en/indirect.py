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
- ``indirect_object``: the direct object ("denied the report", "endorsed Clinton"), with
  its predicate ("called X a liar", "accused X of Y") or a multi-word cue's object
  ("called for a recall");
- ``indirect_raising``: "the figures appear to be wrong": subject and infinitive, no speaker.

Besides the lexicon: any verb with a that-clause and a subject (``indirect_that_verb``:
"Clinton conceded that X"), a statement noun with a possessive (``indirect_noun``:
"Trump's criticism of X", ``cue_nouns.txt``), and "according to X" (``according_to``).

The speaker is the verb's subject with everything that hangs on it ("Sanders, runner-up
to …"), or the subject of the verb it shares one with ("stood up and said",
"…, adding that"); an expletive "it" ("it was announced") gives none. "told
reporters": the object of tell/ask is the addressee.
"""

from __future__ import annotations

from ...lexicon import load_word_set
from ...model import Kind, Span
from ...pipeline.found import Found, TokRange
from ...pipeline.sentences import Article
from .deps import addressee, clause_spans, cue_tokens, cue_verb, phrase, subject, trim
from .lexicons import CueVerb
from .parser import EnglishDoc

_CLAUSE_DEPS = ("ccomp",)
# prepositions whose phrase after the object completes the statement: "accused X of Y", "blamed X for Y"
_OBJECT_PREDICATES = frozenset({"as", "of", "for"})
CUE_NOUNS = load_word_set("en", "cue_nouns")
_NOUN_PREPOSITIONS = frozenset({"of", "for", "on", "about", "against", "that"})
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
            elif art.tokens[v].lower in CUE_NOUNS and art.tokens[v].tag.startswith("NN"):
                f = _noun_statement(art, doc, v)
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
    if not runs and "raising" in cue.frames:
        return _raising(art, doc, v, cue)
    if not runs:
        return None
    return Found(
        _kind(art, (runs[0][0], runs[-1][1])),
        [Span(art.tokens[a].begin, art.tokens[b - 1].end) for a, b in runs],
        construction,
        speaker=_speaker(doc, v),
        cue=cue_tokens(doc, v, cue),
        addressee=addressee(doc, v, cue),
    )


def _noun_statement(art: Article, doc: EnglishDoc, n: int) -> Found | None:
    """ "Trump's criticism of the deal", "her claim that …": the possessive is the
    speaker, the noun (with its preposition) the cue, the phrase or clause the statement."""
    owner = doc.child(n, "poss")
    if owner is None:
        return None
    cue = [n]
    content: TokRange | None = None
    for c in doc.children(n):
        if c < n:
            continue
        if doc.dep[c] == "prep" and doc.tokens[c].lower in _NOUN_PREPOSITIONS:
            obj = doc.child(c, "pobj", "pcomp")
            if obj is not None:
                content, cue = phrase(doc, obj), [n, c]
                break
        if doc.dep[c] in ("acl", "ccomp") and doc.child(c, "mark") is not None:
            content = phrase(doc, c)
            break
    if content is None or content[1] <= content[0]:
        return None
    speaker = trim(doc, *_without_possessive_marker(doc, phrase(doc, owner)))
    return Found(
        _kind(art, content),
        [Span(art.tokens[content[0]].begin, art.tokens[content[1] - 1].end)],
        "indirect_noun",
        speaker=speaker if speaker[1] > speaker[0] else None,
        cue=cue,
    )


def _without_possessive_marker(doc: EnglishDoc, r: TokRange) -> TokRange:
    a, b = r
    if b > a and doc.tokens[b - 1].lower in ("'s", "’s", "'", "’"):
        b -= 1
    return a, b


def _raising(art: Article, doc: EnglishDoc, v: int, cue: CueVerb) -> Found | None:
    """ "The figures appear to be wrong": the subject and the infinitive are the
    statement, whose source the sentence does not say (PolNeAR marks it so)."""
    x = doc.child(v, "xcomp")
    s = subject(doc, v)
    if x is None or s is None or s > v or doc.dep[s] == "expl":
        return None
    runs = [r for r in (phrase(doc, s), phrase(doc, x)) if r[1] > r[0]]
    if len(runs) < 2:
        return None
    return Found(
        _kind(art, (runs[0][0], runs[-1][1])),
        [Span(art.tokens[a].begin, art.tokens[b - 1].end) for a, b in runs],
        "indirect_raising",
        cue=cue_tokens(doc, v, cue),
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
