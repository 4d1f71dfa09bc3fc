"""Stage: the stance of each statement, the kind of speech act it is (docs/stance.md).

Reads: the finished statements (after every other stage, the learned one too)
and the tokens. Writes: ``Statement.stance``. Nothing else changes.

The stance is lexicon data, not code: the ``stance=``, ``negated=`` and
``with=`` flags of ``lang/de/cue_verbs.txt``, the stance column of
``statement_nouns.txt``, ``source_nouns.txt`` and ``cue_particles.txt``.
This step only decides which entry speaks for a statement:

1. its cue verb: the one in its cue span, or for a reported statement (which
   has no cue span: "Russland hat die Vorwürfe bestritten") the one inside
   its quote. A word of the verb's ``with=`` list in the cue's clause changes
   the stance ("lehnte einen Kommentar ab": refuse); a negated clause gives
   the verb's ``negated=`` stance ("bestritt nicht, dass …": confirm);
2. else a nominal frame: a statement noun in the cue ("die Forderung, …") or
   a source noun in the speaker ("nach Einschätzung X": estimate, "so die
   Vorwürfe X": criticise), else the frame word itself ("laut X": say);
3. a statement with no cue of its own (a Konjunktiv continuation, a quote
   standing alone) continues the statement just before it by the same
   speaker: it carries that statement's stance when the stance is about what
   is said (criticise, warn, …), not when it is an act the frame performs
   (announce, reject, deny, …: the continuation gives the reasons);
4. a statement still neutral after that shows its stance in its words
   (``stance_words.txt``: "„Das ist ein Skandal“, sagte sie" criticises);
5. otherwise say.

A learned content model (``scripts/train_stance.py``: logistic regression
over the quote's words, the cue, the context, trained on 713 hand-labelled
train statements) did not beat step 4 in cross-validation, so it is not used;
:func:`training_rows` and :func:`content_features` serve that script.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ...lexicon import load_word_set
from ...model import Kind, Span, Stance, Statement
from ...nlp import Doc, Token
from .cues import Cue, clause_begin, clause_end, find_cue
from .lexicons import cue_particles, source_noun_stances, stance_words, statement_noun_stances

# Stances about the content of what is said: a continuation of such a
# statement says more of the same ("Er kritisierte …. Die Stadt habe …").
CONTENT_STANCES = frozenset(
    {Stance.CLAIM, Stance.CRITICISE, Stance.PRAISE, Stance.WARN, Stance.QUESTION, Stance.DEMAND, Stance.ESTIMATE}
)
# a continuation follows its statement closely: at most this many sentences on
CONTINUATION_SENTENCES = 2
# words that negate the cue's clause; "nicht nur", "nicht zuletzt" do not
NEGATIONS = load_word_set("de", "stance_negations")
# a stance word right after these says the opposite ("außer Gefahr", "keine Gefahr")
NOT_COUNTED_AFTER = load_word_set("de", "negation_not_counted_after")
NOT_A_NEGATION_AFTER = load_word_set("de", "not_a_negation_after")


def assign_stances(doc: Doc, statements: list[Statement]) -> None:
    """Set ``stance`` on every statement (in text order, so a continuation finds its parent's)."""
    index = _TokenIndex(doc)
    done: list[Statement] = []
    for st in sorted(statements, key=lambda s: s.start):
        st.stance = statement_stance(index, st, done)
        done.append(st)


def statement_stance(index: _TokenIndex, st: Statement, before: list[Statement]) -> Stance:
    return _after_frame(index, st, _frame_stance(index, st, before))


def _after_frame(index: _TokenIndex, st: Statement, frame: Stance) -> Stance:
    """The frame's stance, or for a neutral frame what the words say (a report's quote holds its frame)."""
    if frame == Stance.SAY and st.kind != Kind.REPORTED:
        return _word_vote(index, st)
    return frame


def training_rows(doc: Doc, statements: list[Statement]) -> list[tuple[Statement, Stance, list[str]]]:
    """Each statement with its frame's stance and its content features (``scripts/train_stance.py``).

    Sets ``stance`` as :func:`assign_stances` does.
    """
    index = _TokenIndex(doc)
    done: list[Statement] = []
    rows = []
    for st in sorted(statements, key=lambda s: s.start):
        frame = _frame_stance(index, st, done)
        st.stance = _after_frame(index, st, frame)
        rows.append((st, frame, content_features(index, st)))
        done.append(st)
    return rows


def _frame_stance(index: _TokenIndex, st: Statement, before: list[Statement]) -> Stance:
    """The stance the frame gives: its cue verb, its noun, or the statement it continues."""
    cue = _cue_verb(index, st)
    if cue is not None:
        return _verb_stance(index, st, cue)
    if st.cue:
        return _nominal_stance(index, st)
    if st.kind != Kind.REPORTED:
        parent = _continued(index, st, before)
        if parent is not None and parent.stance in CONTENT_STANCES:
            return parent.stance
    return Stance.SAY


class _TokenIndex:
    """Tokens by character offset: which tokens a span covers, which sentence holds them."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.begins = [t.begin for t in doc.tokens]

    def covered(self, spans: list[Span]) -> list[int]:
        out: list[int] = []
        for sp in spans:
            i = bisect_left(self.begins, sp.begin)
            while i < len(self.tokens) and self.tokens[i].end <= sp.end:
                out.append(i)
                i += 1
        return out

    def sentence_of(self, char: int) -> int:
        if not self.tokens:
            return 0
        return self.tokens[max(0, bisect_right(self.begins, char) - 1)].sent

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        s = self.doc.sentences[self.tokens[i].sent]
        return s.start, s.end


def _cue_verb(index: _TokenIndex, st: Statement) -> Cue | None:
    """The cue verb of the statement: in its cue span, or for a report in its quote."""
    where = st.cue if st.cue else (st.quote if st.kind == Kind.REPORTED else [])
    for i in index.covered(where):
        start, end = index.sentence_bounds(i)
        cue = find_cue(index.tokens, i, start, end)
        if cue is not None:
            return cue
    return None


def _verb_stance(index: _TokenIndex, st: Statement, cue: Cue) -> Stance:
    toks = index.tokens
    start, end = index.sentence_bounds(cue.verb)
    lo = clause_begin(toks, min(cue.tokens), start)
    hi = clause_end(toks, max(cue.tokens), end)
    clause = [toks[k] for k in range(lo, hi) if not _inside_quote(st, toks[k])]
    entry = cue.entry
    words = {t.text for t in clause} | {t.lemma for t in clause}
    for with_words, stance in entry.stance_with:
        if words & with_words:
            return stance
    if _negated(clause):
        return entry.negated
    return entry.stance


def _inside_quote(st: Statement, t: Token) -> bool:
    """A word of what was said, not of the frame (a report's quote holds its frame)."""
    return st.kind != Kind.REPORTED and any(sp.begin <= t.begin and t.end <= sp.end for sp in st.quote)


def _negated(clause: list[Token]) -> bool:
    for k, t in enumerate(clause):
        if t.lower in NEGATIONS:
            nxt = clause[k + 1].lower if k + 1 < len(clause) else ""
            if nxt not in NOT_A_NEGATION_AFTER:
                return True
    return False


def _nominal_stance(index: _TokenIndex, st: Statement) -> Stance:
    """A frame without a cue verb: its noun ("Forderung", "Einschätzung"), else its frame word ("laut")."""
    toks = index.tokens
    nouns = statement_noun_stances()
    for i in index.covered(st.cue) + index.covered(st.speaker):
        t = toks[i]
        stance = nouns.get(t.text) or nouns.get(t.lemma) or _source_noun_stance(t.text)
        if stance is not None:
            return stance
    particles = cue_particles()
    for i in index.covered(st.cue):
        p = particles.get(toks[i].lower)
        if p is not None:
            return p.stance
    return Stance.SAY


def _source_noun_stance(word: str) -> Stance | None:
    w = word.lower()
    for end, stance in source_noun_stances():
        if w == end or (w.endswith(end) and len(w) - len(end) >= 3):
            return stance
    return None


def content_features(index: _TokenIndex, st: Statement) -> list[str]:
    """What a content model reads: the kind, the cue's lemmas, the quote's words and lemmas, its Konjunktiv.

    A word right after "kein", "nicht", "außer", "ohne" is a feature of its
    own ("n:w:gefahr"): "keine Gefahr" is not a warning. The stance its words
    vote for in ``stance_words.txt`` is one more feature ("sw:criticise").
    """
    features = ["k:" + st.kind.value]
    cue = [index.tokens[i] for i in index.covered(st.cue)]
    features += ["c:" + (t.lemma or t.text).lower() for t in cue if _is_word(t)] or ["c:-"]
    toks = [index.tokens[i] for i in index.covered(st.quote)]
    for k, t in enumerate(toks):
        if not _is_word(t):
            continue
        prefix = "n:" if k > 0 and toks[k - 1].lower in NOT_COUNTED_AFTER else ""
        features += [f"{prefix}w:{t.lower}", f"{prefix}l:{(t.lemma or t.text).lower()}"]
        if t.mood in ("k1", "k2"):
            features.append("m:" + t.mood)
    features += _context_features(index, st)
    vote = _word_vote(index, st)
    if vote != Stance.SAY:
        features.append("sw:" + vote.value)
    return features


def _context_features(index: _TokenIndex, st: Statement) -> list[str]:
    """Lemmas around the quote: the rest of its sentence and the sentence before ("sparte nicht mit Kritik:")."""
    toks = index.tokens
    first = index.covered(st.quote)
    if not first:
        return []
    sentences = index.doc.sentences
    sent = toks[first[0]].sent
    lo = sentences[max(0, sent - 1)].start
    hi = sentences[toks[first[-1]].sent].end
    inside = set(first)
    return [
        "x:" + (toks[k].lemma or toks[k].text).lower() for k in range(lo, hi) if k not in inside and _is_word(toks[k])
    ]


def _is_word(t: Token) -> bool:
    return any(ch.isalnum() for ch in t.text)


def _word_vote(index: _TokenIndex, st: Statement) -> Stance:
    """The stance most words of ``stance_words.txt`` in the quote point to (ties: the first found), else say.

    A report's quote holds its own frame, so reports never come here.
    """
    words = stance_words()
    toks = [index.tokens[i] for i in index.covered(st.quote)]
    votes: dict[Stance, int] = {}
    for k, t in enumerate(toks):
        # two words first: "kein Kommentar" refuses, though "kein" cancels a single word
        stance = words.get((toks[k - 1].lower, t.lower)) if k > 0 else None
        if stance is None and not (k > 0 and toks[k - 1].lower in NOT_COUNTED_AFTER):
            stance = words.get((t.lower,)) or words.get((t.lemma.lower(),))
        if stance is not None:
            votes[stance] = votes.get(stance, 0) + 1
    # dicts keep insertion order: max() returns the first of equal counts
    return max(votes, key=lambda s: votes[s]) if votes else Stance.SAY


def _continued(index: _TokenIndex, st: Statement, before: list[Statement]) -> Statement | None:
    """The statement ``st`` continues: the last one before it by the same speaker, close by."""
    if st.speaker_entity is None:
        return None
    sent = index.sentence_of(st.start)
    for prev in reversed(before):
        if sent - index.sentence_of(prev.start) > CONTINUATION_SENTENCES:
            return None
        if prev.speaker_entity == st.speaker_entity and prev.start < st.start:
            return prev
    return None
