"""Questions the English stages ask of spaCy's parse: is this a cue verb, who is its
subject, which tokens are its cue, where does a clause begin and end.

Reads: an :class:`~saidwhat.lang.en.parser.EnglishDoc`. Writes nothing.
"""

from __future__ import annotations

from ...lexicon import load_word_set
from ...pipeline.found import TokRange
from .lexicons import CueVerb, cue_verbs
from .parser import EnglishDoc

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# labels by which a verb shares its subject with its head: "stood up and said", "said …, adding"
_SHARES_SUBJECT = ("conj", "xcomp", "advcl")
_CUE_CHILD_DEPS = ("aux", "auxpass", "neg", "prt")
_OPENING = frozenset({"“", "‘", '"', "'", "''"})
_CLOSING = frozenset({"”", "’", '"', "'", "''"})
CUE_ADVERBS = load_word_set("en", "cue_adverbs")
ADDRESSEE_VERBS = load_word_set("en", "addressee_verbs")


def cue_verb(doc: EnglishDoc, i: int) -> CueVerb | None:
    """The cue verb token ``i`` is (a verb tag, a form of the lexicon, its particle present)."""
    t = doc.tokens[i]
    if not t.tag.startswith("VB"):
        return None
    cues = cue_verbs().get(t.lower)
    if not cues:
        return None
    # a particle ("point out") or a preposition right after the verb ("call for", "call on")
    particles = {
        doc.tokens[c].lower for c in doc.children(i) if doc.dep[c] == "prt" or (doc.dep[c] == "prep" and c == i + 1)
    }
    # "point out" before "point": a multi-word verb wins when its particle is there
    for cue in sorted(cues, key=lambda c: -len(c.particle)):
        if not cue.particle or cue.particle in particles:
            return cue
    return None


def subject(doc: EnglishDoc, v: int) -> int | None:
    """The subject token of verb ``v``, climbing to the verb it shares one with."""
    seen = 0
    while seen < 4:
        s = doc.child(v, *SUBJECT_DEPS)
        if s is not None:
            return s
        if doc.dep[v] not in _SHARES_SUBJECT or doc.head[v] == v:
            return None
        v = doc.head[v]
        seen += 1
    return None


def cue_tokens(doc: EnglishDoc, v: int, cue: CueVerb | None = None) -> list[int]:
    """The verb with its auxiliaries, negation, particle (or the preposition of a
    multi-word cue: "called for") and an adverb like "also" before it."""
    out = [v]
    for c in doc.children(v):
        if doc.dep[c] in _CUE_CHILD_DEPS or (doc.dep[c] == "advmod" and doc.tokens[c].lower in CUE_ADVERBS):
            out.append(c)
        elif cue is not None and cue.particle and c == v + 1 and doc.tokens[c].lower == cue.particle:
            out.append(c)
    return sorted(out)


def phrase(doc: EnglishDoc, i: int) -> TokRange:
    """The token range of ``i``'s subtree, punctuation trimmed."""
    idx = doc.subtree(i)
    return trim(doc, idx[0], idx[-1] + 1)


def clause_spans(doc: EnglishDoc, i: int, stop: set[int] | None = None) -> list[TokRange]:
    """The token runs of ``i``'s subtree without its asides: a relative clause or an
    apposition set off by a comma ("the billionaire, who is now the nominee, would …"),
    as PolNeAR leaves them out of a statement. Each run trimmed of punctuation."""
    drop = {j for s in stop or () for j in doc.subtree(s)}
    for j in doc.subtree(i):
        if j != i and doc.dep[j] == "relcl" and _after_comma(doc, j) and j not in drop:
            drop.update(doc.subtree(j))
    idx = [j for j in doc.subtree(i) if j not in drop]
    runs: list[TokRange] = []
    for j in idx:
        if runs and runs[-1][1] == j:
            runs[-1] = (runs[-1][0], j + 1)
        else:
            runs.append((j, j + 1))
    trimmed = [trim(doc, a, b) for a, b in runs]
    return [r for r in trimmed if r[1] > r[0]]


def _after_comma(doc: EnglishDoc, j: int) -> bool:
    """Whether the subtree of ``j`` starts right after a comma."""
    first = doc.subtree(j)[0]
    return first > 0 and doc.tokens[first - 1].text == ","


def trim(doc: EnglishDoc, a: int, b: int) -> TokRange:
    """``[a, b)`` without punctuation at either edge; quotation marks stay when their
    partner is inside the range."""
    toks = doc.tokens
    while a < b and _is_punct(toks[a].text) and not (toks[a].text in _OPENING and _has_closer(doc, a, b)):
        a += 1
    while b > a and _is_punct(toks[b - 1].text) and not (toks[b - 1].text in _CLOSING and _has_opener(doc, a, b)):
        b -= 1
    return a, b


def _is_punct(text: str) -> bool:
    return not any(c.isalnum() for c in text)


def _has_closer(doc: EnglishDoc, a: int, b: int) -> bool:
    return any(doc.tokens[j].text in _CLOSING for j in range(a + 1, b))


def _has_opener(doc: EnglishDoc, a: int, b: int) -> bool:
    return any(doc.tokens[j].text in _OPENING for j in range(a, b - 1))


def addressee(doc: EnglishDoc, v: int, cue: CueVerb | None, within: TokRange | None = None) -> TokRange | None:
    """The one cue verb ``v`` speaks to: the object of "tell", "ask", "warn" … ("told
    reporters", "telling the broadcaster"), kept inside ``within`` (a quote's frame) when given."""
    if cue is None or cue.verb not in ADDRESSEE_VERBS:
        return None
    o = doc.child(v, "dobj", "dative")
    if o is None:
        return None
    lo, hi = phrase(doc, o)
    if within is not None:
        lo, hi = max(lo, within[0]), min(hi, within[1])
    return (lo, hi) if hi > lo else None
