"""A learned statement tagger stacked on the rule-based extractor.

Two CRFs label every token of an article:

* the *quote* layer: ``B-<Type>``/``I-<Type>``/``O`` for the (outermost)
  quotation, its type one of the corpus types (Direct, Indirect, …);
* the *role* layer: ``B-/I-SPK`` (speaker), ``B-/I-CUE``, ``B-/I-ADR``
  (addressee), ``FRM`` (frame tokens that are no other role), ``O``.

Their features are the word, lemma, STTS tag, shape, cue-lexicon hits,
Konjunktiv-ish finite verbs, quotation-mark state, clause and sentence
position, NER labels (:mod:`saidwhat.lang.de.learn.ner`) and — the stacking part —
the roles the rule-based extractor gave each token. :func:`decode` turns the
two label sequences back into :class:`~saidwhat.model.Statement` objects:
quote segments become statements (an Indirect quote interrupted by its frame
is one statement with two spans), role segments join the nearest quote of
their sentence, quotes without a speaker of their own continue the previous
statement's speaker, and quoted passages inside a non-direct quote become
nested Direct statements.

The model is trained on the German Wikinews quotation corpus (CC BY-NC-SA
4.0, Petersen-Frey and Biemann 2024) and ships in ``saidwhat/models/quotes-de``
under that licence. Retrain with ``python -m saidwhat.lang.de.learn.train quotes``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ....model import ROLES, Article, Kind, Medium, Span, Statement
from ....nlp import Doc, Token
from ....spanindex import SpanIndex
from . import crf

MODEL_FOLDER = "quotes-de"
QUOTE_MODEL = "quote.crfsuite"
ROLE_MODEL = "role.crfsuite"
CORPUS_TYPES = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
ROLE_TAGS = {"speaker": "SPK", "cue": "CUE", "addressee": "ADR"}
TAG_ROLES = {v: k for k, v in ROLE_TAGS.items()}

# How many sentences back a quote without its own speaker may take the
# previous statement's speaker from.
INHERIT_SENTENCES = 4
# Rule statements whose quote tokens the tagger puts inside a quote with a
# mean probability below this are dropped (chosen by cross-validation on train).
KEEP_THRESHOLD = 0.2
# Roles a kept rule statement lacks that are filled from the learned one, and
# the confidence a learned statement needs to be added (cross-validated too).
FILL_ROLES: tuple[str, ...] = ("speaker", "cue", "addressee", "frame")
ADD_MIN_CONF = 0.5
# Added statements continue the previous *merged* statement's speaker (off: no gain in CV).
REINHERIT = False
# Added statements keep a speaker only from their own sentences.
LOCAL_SPEAKERS = True
# Which decoder relabel() uses: "hybrid" (merge_with_rules) or "learned" (decode).
DECODER = "hybrid"


# --------------------------------------------------------------------------
# Lexicons (the rule helper's word lists; missing lists are simply empty)
# --------------------------------------------------------------------------


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    from ....lexicon import load_lexicon

    try:
        return load_lexicon("de", name)
    except (FileNotFoundError, OSError):
        return ()


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    cue_verbs: dict[str, str] = {}
    for row in _rows("cue_verbs"):
        lemma = row[0].split("|", 1)[0]
        cue_verbs.setdefault(lemma, row[1] if len(row) > 1 else "speech")
    particles = {row[0]: (row[1] if len(row) > 1 else "prep") for row in _rows("cue_particles")}
    konj = {row[0]: (row[1] if len(row) > 1 else "k1") for row in _rows("konjunktiv")}
    pronouns = {row[0] for row in _rows("pronouns")}
    source_nouns = tuple(row[0] for row in _rows("source_nouns"))
    speaker_nouns = tuple(row[0] for row in _rows("speaker_nouns"))
    return {
        "cue_verbs": cue_verbs,
        "particles": particles,
        "konj": konj,
        "pronouns": pronouns,
        "source_nouns": source_nouns,
        "speaker_nouns": speaker_nouns,
    }


def _mood(word: str, lemma: str, pos: str) -> str:
    """ "k1"/"k2" for finite verbs that look subjunctive, else ""."""
    low = word.lower()
    konj = _lex()["konj"]
    if low in konj:
        return str(konj[low])
    if not pos.endswith("(FIN)") or not lemma.endswith("en") or len(lemma) < 4:
        return ""
    stem = lemma[:-2].lower()
    if low in (stem + "e", stem + "est", stem + "et") and not stem.endswith(("d", "t")):
        return "k1"
    return ""


_SHAPE = re.compile(r"(.)\1+")


def _shape(w: str) -> str:
    s = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in w)
    return _SHAPE.sub(r"\1", s)[:6]


@lru_cache(maxsize=300_000)
def _word_feats(word: str, pos: str, lemma: str) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]], str, str]:
    """(own features, {offset: features a neighbour at that offset sees}, cue kind, mood)."""
    lx = _lex()
    low = word.lower()
    lem = lemma.lower()
    cue = ""
    if lem in lx["cue_verbs"] or low in lx["cue_verbs"]:
        cue = "verb"
    elif low in lx["particles"]:
        cue = "part_" + lx["particles"][low]
    elif pos.startswith("NN") and low.endswith(lx["source_nouns"]) and lx["source_nouns"]:
        cue = "source"
    mood = _mood(word, lemma, pos)
    own = ["w=" + low, "l=" + lem, "p=" + pos, "sh=" + _shape(word), "s3=" + low[-3:]]
    if cue:
        own.append("cue=" + cue)
    if mood:
        own.append("mood=" + mood)
    if low in lx["pronouns"]:
        own.append("pron")
    if pos.startswith("NN") and lx["speaker_nouns"] and low.endswith(lx["speaker_nouns"]):
        own.append("spkn")
    near = ["l=" + lem, "p=" + pos]
    if cue:
        near.append("cue=" + cue)
    if mood:
        near.append("mood=" + mood)
    ctx = {off: tuple(f"{off}:{x}" for x in near) for off in (-2, -1, 1, 2)}
    return tuple(own), ctx, cue, mood


@lru_cache(maxsize=4096)
def _ctx_tags(off: int, tags: tuple[str, ...]) -> tuple[str, ...]:
    """Rule tags of a neighbour, prefixed with its offset (confidence tags left out)."""
    return tuple(f"{off}:{x}" for x in tags if not x.startswith("rqc"))


def _quote_state(doc: Doc) -> list[str]:
    """Per token: "open"/"close" for marks, "in" inside a mark pair, else ""."""
    toks = doc.tokens
    out = [""] * len(toks)
    opener = -1
    close_for = ""
    para = -1
    for k, t in enumerate(toks):
        sp = doc.sentences[t.sent].paragraph if doc.sentences else 0
        if sp != para:
            opener, para = -1, sp
        c = t.text
        if len(c) != 1 or c not in '„“”"»«‚‘':
            if opener >= 0:
                out[k] = "in"
            continue
        if opener >= 0 and c in close_for:
            out[k] = "close"
            opener = -1
        elif c in '„»«“"' and (opener < 0):
            opener = k
            close_for = {"„": '“”"', "»": "«", "«": "»", "“": '”"', '"': '"“”'}[c]
            out[k] = "open"
        elif opener >= 0:
            out[k] = "in"
    return out


def _rule_tags(doc: Doc, rules: Sequence[Statement]) -> list[list[str]]:
    """Per token, the roles the rule-based statements give it."""
    out: list[list[str]] = [[] for _ in doc.tokens]
    for st in rules:
        conf = "h" if st.confidence >= 0.7 else "m" if st.confidence >= 0.4 else "l"
        first = True
        for name in ROLES:
            for sp in st.role(name):
                ks = _tokens_in(doc, sp)
                for j, k in enumerate(ks):
                    if name == "quote":
                        tag = "rq=" + st.kind.corpus_name
                        out[k].append(tag)
                        out[k].append("rqc=" + conf)
                        if j == 0 and first:
                            out[k].append("rqB")
                            first = False
                        if st.nested:
                            out[k].append("rqN")
                    else:
                        out[k].append("r" + name[:3])
    return [sorted(set(x)) for x in out]


def _tokens_in(doc: Doc, sp: Span) -> list[int]:
    """Indices of the tokens a character span touches."""
    toks = doc.tokens
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].end <= sp.begin:
            lo = mid + 1
        else:
            hi = mid
    out = []
    k = lo
    while k < len(toks) and toks[k].begin < sp.end:
        out.append(k)
        k += 1
    return out


def doc_features(doc: Doc, rules: Sequence[Statement], ner_labels: Sequence[str] | None = None) -> list[list[str]]:
    """CRF features of every token of a parsed article."""
    toks = doc.tokens
    n = len(toks)
    words = [_word_feats(t.text, t.tag, t.lemma) for t in toks]
    qstate = _quote_state(doc)
    rtags = [tuple(x) for x in _rule_tags(doc, rules)]
    ner = ner_labels if ner_labels is not None else ["O"] * n
    # sentence-level facts
    sent_info: list[list[str]] = []
    for s in doc.sentences:
        facts = []
        has_cue = any(words[k][2] == "verb" for k in range(s.start, s.end))
        has_part = any(words[k][2].startswith(("part", "source")) for k in range(s.start, s.end))
        n_k1 = sum(1 for k in range(s.start, s.end) if words[k][3])
        if has_cue:
            facts.append("S:cue")
        if has_part:
            facts.append("S:part")
        if n_k1:
            facts.append("S:k" + ("2" if n_k1 > 1 else "1"))
        if any(qstate[k] for k in range(s.start, s.end)):
            facts.append("S:qm")
        if any(toks[k].text == ":" for k in range(s.start, s.end)):
            facts.append("S:colon")
        if any(rtags[k] for k in range(s.start, s.end)):
            facts.append("S:rule")
        if s.i == 0:
            facts.append("S:first")
        elif doc.sentences[s.i - 1].paragraph != s.paragraph:
            facts.append("S:parstart")
        sent_info.append(facts)
    out: list[list[str]] = []
    for s in doc.sentences:
        prev = sent_info[s.i - 1] if s.i > 0 else ["S:none"]
        nxt = sent_info[s.i + 1] if s.i + 1 < len(sent_info) else ["S:none"]
        sfacts = sent_info[s.i] + ["P" + f for f in prev] + ["N" + f for f in nxt]
        commas = 0
        colon = False
        for k in range(s.start, s.end):
            t = toks[k]
            f = list(words[k][0])
            f.extend(sfacts)
            pos_in = k - s.start
            f.append("pos=" + (str(pos_in) if pos_in < 3 else "end" if k == s.end - 1 else "mid"))
            f.append("cl=" + str(min(commas, 3)))
            if colon:
                f.append("aftercolon")
            if qstate[k]:
                f.append("q=" + qstate[k])
            if ner[k] != "O":
                f.append("ner=" + ner[k])
                f.append("nert=" + ner[k][2:])
            f.extend(rtags[k])
            if not rtags[k]:
                f.append("r=none")
            for off in (-2, -1, 1, 2):
                j = k + off
                if s.start <= j < s.end:
                    f.extend(words[j][1][off])
                    if rtags[j]:
                        f.extend(_ctx_tags(off, rtags[j]))
                    if abs(off) == 1 and qstate[j]:
                        f.append(f"{off}:q={qstate[j]}")
                    if abs(off) == 1 and ner[j] != "O":
                        f.append(f"{off}:nert={ner[j][2:]}")
                else:
                    f.append(f"{off}:pad")
            # cue words further away in the clause
            for off in (-4, -3, 3, 4):
                j = k + off
                if s.start <= j < s.end and words[j][2]:
                    f.append(f"{'L' if off < 0 else 'R'}cue={words[j][2]}")
            if t.text == ",":
                commas += 1
            elif t.text == ":":
                colon = True
            out.append(f)
    return out


# --------------------------------------------------------------------------
# Gold labels (training) and decoding (prediction)
# --------------------------------------------------------------------------


def gold_labels(doc: Doc, gold: Sequence[Statement]) -> tuple[list[str], list[str]]:
    """Quote-layer and role-layer labels of a gold article."""
    n = len(doc.tokens)
    q = ["O"] * n
    r = ["O"] * n
    for st in sorted(gold, key=lambda s: (s.nested, s.start)):
        if st.nested:
            continue
        for sp in sorted(st.quote):
            ks = [k for k in _tokens_in(doc, sp) if q[k] == "O"]
            for j, k in enumerate(ks):
                q[k] = ("B-" if j == 0 else "I-") + st.kind.corpus_name
    for st in gold:
        for sp in st.frame:
            for k in _tokens_in(doc, sp):
                if r[k] == "O":
                    r[k] = "FRM"
    for st in gold:
        for name, tag in ROLE_TAGS.items():
            for sp in st.role(name):
                ks = _tokens_in(doc, sp)
                for j, k in enumerate(ks):
                    if r[k] in ("O", "FRM"):
                        r[k] = ("B-" if j == 0 or r[ks[j - 1]][2:] != tag else "I-") + tag
    return q, r


@dataclass
class _Seg:
    label: str
    start: int
    end: int  # exclusive token index


def _segments(labels: Sequence[str]) -> list[_Seg]:
    out: list[_Seg] = []
    for k, lab in enumerate(labels):
        if lab == "O":
            continue
        kind = lab[2:] if lab[1:2] == "-" else lab
        if lab.startswith("B-") or not out or out[-1].end != k or out[-1].label != kind:
            out.append(_Seg(kind, k, k + 1))
        else:
            out[-1].end = k + 1
    return out


@dataclass
class _Draft:
    kind: str
    quote: list[_Seg]
    roles: dict[str, list[_Seg]] = field(default_factory=dict)
    conf: float = 1.0

    @property
    def start(self) -> int:
        return self.quote[0].start

    @property
    def end(self) -> int:
        return self.quote[-1].end


def _span(doc: Doc, a: int, b: int) -> Span:
    return Span(doc.tokens[a].begin, doc.tokens[b - 1].end)


def decode(
    doc: Doc,
    quote_labels: Sequence[str],
    role_labels: Sequence[str],
    rules: Sequence[Statement] = (),
    entities: Sequence[Any] = (),
    quote_conf: Sequence[float] | None = None,
) -> list[Statement]:
    """Statements from the two label layers (see the module docstring)."""
    toks = doc.tokens
    sent = [t.sent for t in toks]
    qsegs = _segments(quote_labels)
    rsegs_all = _segments(role_labels)
    # frames: runs of role-layer tokens containing a FRM token
    frames: list[_Seg] = []
    k = 0
    n = len(toks)
    while k < n:
        if role_labels[k] == "O":
            k += 1
            continue
        j = k
        while j < n and role_labels[j] != "O" and sent[j] == sent[k]:
            j += 1
        if any(role_labels[x] == "FRM" for x in range(k, j)):
            frames.append(_Seg("frame", k, j))
        k = j
    roles = [s for s in rsegs_all if s.label in TAG_ROLES]

    def gap_is_frame(a: int, b: int) -> bool:
        return all(role_labels[x] != "O" or _is_punct(toks[x]) for x in range(a, b))

    drafts: list[_Draft] = []
    for s in qsegs:
        if s.label not in CORPUS_TYPES:
            continue
        last = drafts[-1] if drafts else None
        if (
            last is not None
            and last.kind == s.label
            and sent[last.end - 1] == sent[s.start]
            and s.start - last.end <= 15
            and gap_is_frame(last.end, s.start)
        ):
            last.quote.append(s)
            continue
        drafts.append(_Draft(s.label, [s]))
    if quote_conf is not None:
        for d in drafts:
            vals = [quote_conf[x] for s in d.quote for x in range(s.start, s.end)]
            d.conf = sum(vals) / len(vals) if vals else 1.0

    def sent_range(d: _Draft) -> tuple[int, int]:
        return sent[d.start], sent[d.end - 1]

    def dist(seg: _Seg, d: _Draft) -> int:
        best = 10**9
        for q in d.quote:
            if seg.end <= q.start:
                best = min(best, q.start - seg.end)
            elif seg.start >= q.end:
                best = min(best, seg.start - q.end)
            else:
                best = 0
        return best

    # drafts by the sentences they cover, in draft order (a scan of all
    # drafts per role segment was quadratic on long texts)
    covering: dict[int, list[_Draft]] = {}
    starting: dict[int, list[_Draft]] = {}
    for d in drafts:
        first_sent, last_sent = sent_range(d)
        starting.setdefault(first_sent, []).append(d)
        for x in range(first_sent, last_sent + 1):
            covering.setdefault(x, []).append(d)

    for seg in [*roles, *frames]:
        name = TAG_ROLES.get(seg.label, "frame")
        ss = sent[seg.start]
        cands = list(covering.get(ss, ()))
        if not cands:
            # "Er sagte:" + quote in the next sentence
            cands = list(starting.get(ss + 1, ())) if name != "frame" else []
            cands = cands[:1]
        if not cands:
            continue
        d = min(cands, key=lambda d: dist(seg, d))
        d.roles.setdefault(name, []).append(seg)

    rule_entities = _rule_entities(rules)
    entity_index = SpanIndex()
    for sp, _name in rule_entities:
        entity_index.add([sp])
    rule_index = SpanIndex()
    for r in rules:
        rule_index.add(r.quote)
    out: list[Statement] = []
    prev: Statement | None = None
    prev_sent = -(10**9)
    for d in drafts:
        st = Statement(
            kind=Kind.from_corpus(d.kind),
            quote=[_span(doc, s.start, s.end) for s in d.quote],
            confidence=round(d.conf, 4),
        )
        for name, segs in d.roles.items():
            setattr(st, name, [_span(doc, s.start, s.end) for s in segs])
        if not st.speaker and prev is not None and prev.speaker and sent[d.start] - prev_sent <= INHERIT_SENTENCES:
            st.speaker = list(prev.speaker)
            st.speaker_entity = prev.speaker_entity
        elif st.speaker:
            st.speaker_entity = _speaker_entity(doc, st, rule_entities, entities, entity_index)
        st.medium = _medium(doc, st, rules, rule_index)
        out.append(st)
        if st.speaker:
            prev = st
            prev_sent = sent[d.end - 1]
        out.extend(_nested(doc, st))
    return out


def in_quote_prob(tagger: Any, n: int) -> list[float]:
    """P(token is inside a quote) from the quote layer's marginals (after ``tag``)."""
    return [1.0 - tagger.marginal("O", k) for k in range(n)]


def merge_with_rules(
    doc: Doc,
    rules: Sequence[Statement],
    learned: Sequence[Statement],
    p_quote: Sequence[float],
    keep: float = KEEP_THRESHOLD,
    fill: Sequence[str] = FILL_ROLES,
    add_min_conf: float = ADD_MIN_CONF,
    reinherit: bool = REINHERIT,
    local_speakers: bool = LOCAL_SPEAKERS,
) -> list[Statement]:
    """Rule statements the tagger agrees with, plus learned ones the rules missed.

    A rule statement is kept when the mean in-quote probability of its quote
    tokens is at least ``keep``; its roles stay as the rules found them (the
    rules group roles well), but roles in ``fill`` that it lacks are taken
    from an overlapping learned statement. Learned statements whose quote
    overlaps no kept rule statement are added when their confidence is at
    least ``add_min_conf``.
    """
    learned_index = SpanIndex()
    for ls in learned:
        learned_index.add(ls.quote)
    kept: list[Statement] = []
    for st in rules:
        ks = [k for sp in st.quote for k in _tokens_in(doc, sp)]
        p = sum(p_quote[k] for k in ks) / len(ks) if ks else 0.0
        if p < keep:
            continue
        missing = [name for name in fill if not st.role(name)]
        if missing:
            hits = learned_index.overlapping(st.quote)
            if hits:  # the first learned statement overlapping this one
                ls = learned[hits[0]]
                changes: dict[str, Any] = {name: list(ls.role(name)) for name in missing if ls.role(name)}
                if "speaker" in changes:
                    changes["speaker_entity"] = ls.speaker_entity
                if changes:
                    st = Statement(**{**st.__dict__, **changes})
        kept.append(st)
    out = list(kept)
    kept_index = SpanIndex()
    for r in kept:
        kept_index.add(r.quote)
    added = []
    for ls in learned:
        if ls.confidence >= add_min_conf and not kept_index.overlapping(ls.quote):
            out.append(ls)
            added.append(ls)
    out.sort(key=lambda s: (s.start, s.nested))
    if reinherit and added:
        out = _reinherit(doc, out, {id(s) for s in added})
    if local_speakers and added:
        ids = {id(s) for s in added}
        out = [_drop_far_speaker(doc, st) if id(st) in ids else st for st in out]
    return out


def _drop_far_speaker(doc: Doc, st: Statement) -> Statement:
    """Without its speaker when that lies outside the statement's sentences."""
    if not st.speaker or not st.quote:
        return st
    first, last = _sent_of(doc, st.quote[0].begin), _sent_of(doc, st.quote[-1].end - 1)
    if first <= _sent_of(doc, st.speaker[0].begin) <= last:
        return st
    return Statement(**{**st.__dict__, "speaker": [], "speaker_entity": None})


def _sent_of(doc: Doc, char: int) -> int:
    t = doc.token_at(char)
    if t is None:
        t = doc.token_at(max(0, char - 1))
    return t.sent if t is not None else -1


def _reinherit(doc: Doc, stmts: list[Statement], added: set[int]) -> list[Statement]:
    """An added statement whose speaker lies outside its own sentences (inherited
    in :func:`decode` from the previous *learned* statement) takes the speaker
    of the previous statement of the merged list instead, where the rules'
    speakers are usually the better choice."""
    out: list[Statement] = []
    prev: Statement | None = None
    for st in stmts:
        if id(st) in added and st.speaker and not st.nested:
            first, last = _sent_of(doc, st.quote[0].begin), _sent_of(doc, st.quote[-1].end - 1)
            ss = _sent_of(doc, st.speaker[0].begin)
            if not first <= ss <= last and prev is not None and prev.speaker:
                ps = _sent_of(doc, prev.quote[-1].end - 1) if prev.quote else -(10**9)
                if first - ps <= INHERIT_SENTENCES:
                    st = Statement(
                        **{**st.__dict__, "speaker": list(prev.speaker), "speaker_entity": prev.speaker_entity}
                    )
        out.append(st)
        if st.speaker and not st.nested:
            prev = st
    return out


def _is_punct(t: Token) -> bool:
    return not any(c.isalnum() for c in t.text)


def _nested(doc: Doc, st: Statement) -> list[Statement]:
    """Quoted passages (≥ 2 words) inside a non-direct quote: nested Direct statements."""
    if st.kind == Kind.DIRECT:
        return []
    out = []
    for sp in st.quote:
        ks = _tokens_in(doc, sp)
        state = _quote_state_range(doc, ks)
        for a, b in state:
            if b - a >= 3:
                out.append(
                    Statement(
                        kind=Kind.DIRECT,
                        quote=[_span(doc, a, b + 1)],
                        speaker=list(st.speaker),
                        cue=list(st.cue),
                        addressee=list(st.addressee),
                        frame=list(st.frame),
                        medium=st.medium,
                        speaker_entity=st.speaker_entity,
                        confidence=st.confidence,
                        nested=True,
                    )
                )
    return out


def _quote_state_range(doc: Doc, ks: Sequence[int]) -> list[tuple[int, int]]:
    pairs = []
    open_k = -1
    for k in ks:
        c = doc.tokens[k].text
        if c in ("„", "»") and open_k < 0:
            open_k = k
        elif c in ("“", "«", '"', "”") and open_k >= 0:
            pairs.append((open_k, k))
            open_k = -1
        elif c == '"' and open_k < 0:
            open_k = k
    return pairs


def _rule_entities(rules: Sequence[Statement]) -> list[tuple[Span, str]]:
    return [(sp, st.speaker_entity) for st in rules if st.speaker_entity for sp in st.speaker]


def _speaker_entity(
    doc: Doc,
    st: Statement,
    rule_entities: Sequence[tuple[Span, str]],
    entities: Sequence[Any],
    entity_index: SpanIndex,
) -> str | None:
    """``entity_index`` indexes ``rule_entities``' spans, in order."""
    hits = entity_index.overlapping(st.speaker)
    if hits:
        return rule_entities[hits[0]][1]
    # a PER/ORG entity inside the speaker phrase
    inside = [
        e
        for e in entities
        if e.label in ("PER", "ORG") and any(s.begin <= e.begin and e.end_char <= s.end for s in st.speaker)
    ]
    if inside:
        e = inside[-1]
        return str(e.text.split()[-1] if e.label == "PER" else e.text)
    text = st.role_text("speaker", doc.text).strip()
    if text.lower() in _lex()["pronouns"]:
        before = [e for e in entities if e.label == "PER" and e.end_char <= st.speaker[0].begin]
        if before:
            return str(before[-1].text.split()[-1])
        return None
    return text or None


def _medium(doc: Doc, st: Statement, rules: Sequence[Statement], rule_index: SpanIndex) -> Medium:
    """``rule_index`` indexes ``rules``' quotes, in order."""
    hits = rule_index.overlapping(st.quote)
    if hits:
        return rules[hits[0]].medium
    cue_verbs = _lex()["cue_verbs"]
    for sp in st.cue:
        for k in _tokens_in(doc, sp):
            lem = doc.tokens[k].lemma.lower()
            if lem in cue_verbs:
                try:
                    return Medium(cue_verbs[lem])
                except ValueError:
                    break
    return Medium.SPEECH


# --------------------------------------------------------------------------
# Prediction entry points
# --------------------------------------------------------------------------


def has_model() -> bool:
    return crf.has_model(MODEL_FOLDER, QUOTE_MODEL) and crf.has_model(MODEL_FOLDER, ROLE_MODEL)


def relabel(doc: Doc, article: Article) -> list[Statement]:
    """Statements of ``article`` re-derived by the learned tagger.

    ``doc`` is the parsed text, ``article.statements`` the rule-based output
    (used as features and for speaker entities and media). Returns a new
    list, sorted by position; the article is not modified.
    """
    from .ner import find_entities

    if not doc.tokens:
        return []
    entities = find_entities(doc)
    ner = ["O"] * len(doc.tokens)
    for e in entities:
        ner[e.start] = "B-" + e.label
        for k in range(e.start + 1, e.end):
            ner[k] = "I-" + e.label
    x = doc_features(doc, article.statements, ner)
    with crf._LOCK:
        tq = crf.tagger(MODEL_FOLDER, QUOTE_MODEL)
        q = list(tq.tag(x))
        # marginals only where they are read: predicted quote tokens, rule quote tokens
        qconf = [tq.marginal(y, k) if y != "O" else 1.0 for k, y in enumerate(q)]
        p_quote = [0.0] * len(q)
        for st in article.statements:
            for sp in st.quote:
                for k in _tokens_in(doc, sp):
                    p_quote[k] = 1.0 - tq.marginal("O", k)
        r = list(crf.tagger(MODEL_FOLDER, ROLE_MODEL).tag(x))
    out = decode(doc, q, r, article.statements, entities, qconf)
    out.sort(key=lambda s: (s.start, s.nested))
    if DECODER == "hybrid":
        out = merge_with_rules(doc, article.statements, out, p_quote)
    return out


# The rule-based extractor, ``saidwhat.pipeline.extract`` with ``learned=False``:
# passed in by the caller (the pipeline's stages import this package's NER,
# so this package does not import the pipeline).
RuleExtractor = Callable[[str, Any], Article]


def rule_extractor() -> RuleExtractor:
    """The pipeline's rules alone: for the command-line entry points (the composition root)."""
    from ....pipeline import extract

    def extract_rules(text: str, published: Any = None) -> Article:
        return extract(text, "de", published, learned=False)

    return extract_rules


def rules_only(text: str, published: Any, extract_rules: RuleExtractor) -> Article:
    """The rule-based extractor's output, without the learned stage.

    Training and stacking must see the rules alone.
    """
    return extract_rules(text, published)


def extract_learned(text: str, published: Any, extract_rules: RuleExtractor) -> Article:
    """Rules, then the learned stage (for measuring; the pipeline may call :func:`relabel`)."""
    from ..tagger import parse

    art = rules_only(text, published, extract_rules)
    art.statements = relabel(parse(text), art)
    return art


# --------------------------------------------------------------------------
# Training (python -m saidwhat.lang.de.learn.train quotes)
# --------------------------------------------------------------------------


@dataclass
class _Example:
    name: str
    gold_doc: dict[str, Any]
    doc: Doc
    rules: list[Statement]
    entities: list[Any]
    x: list[list[str]]
    yq: list[str]
    yr: list[str]


def _prepare(paths: Sequence[Path], extract_rules: RuleExtractor) -> list[_Example]:
    from ....corpus import corpus_article, load_corpus_document
    from ..tagger import parse
    from .ner import find_entities

    out = []
    for p in paths:
        gd = load_corpus_document(p)
        gold = corpus_article(gd)
        rules = rules_only(gold.text, gold.published, extract_rules).statements
        doc = parse(gold.text)
        ents = find_entities(doc)
        ner = ["O"] * len(doc.tokens)
        for e in ents:
            ner[e.start] = "B-" + e.label
            for k in range(e.start + 1, e.end):
                ner[k] = "I-" + e.label
        x = doc_features(doc, rules, ner)
        yq, yr = gold_labels(doc, gold.statements)
        out.append(_Example(p.name, gd, doc, rules, ents, x, yq, yr))
    return out


def _score(examples: Sequence[_Example], preds: Sequence[list[Statement]]) -> Any:
    from ....corpus import article_to_corpus
    from ....evaluate import evaluate_documents

    pairs = []
    for ex, stmts in zip(examples, preds, strict=True):
        art = Article(text=ex.doc.text, statements=list(stmts))
        pairs.append((ex.gold_doc, article_to_corpus(art, str(ex.gold_doc.get("documentName", ex.name)))))
    return evaluate_documents(pairs)


def _fmt(scores: Any) -> str:
    from ....evaluate import score_rows

    rows = dict(score_rows(scores))
    parts = []
    for key in ("joint", "quote", "roles", "speaker", "cue"):
        if key in rows:
            parts.append(f"{key} {100 * rows[key].f1:.1f}")
    return ", ".join(parts)


@dataclass
class _Raw:
    q: list[str]
    qconf: list[float]
    p_quote: list[float]
    r: list[str]


def _fit_predict(train: Sequence[_Example], test: Sequence[_Example], iterations: int, tmp: str) -> list[_Raw]:
    import pycrfsuite

    qp, rp = f"{tmp}/q.crfsuite", f"{tmp}/r.crfsuite"
    crf.train([e.x for e in train], [e.yq for e in train], qp, c1=0.1, c2=0.01, max_iterations=iterations)
    crf.train([e.x for e in train], [e.yr for e in train], rp, c1=0.1, c2=0.01, max_iterations=iterations)
    tq, tr = pycrfsuite.Tagger(), pycrfsuite.Tagger()
    tq.open(qp)
    tr.open(rp)
    out = []
    for e in test:
        q = list(tq.tag(e.x))
        conf = [tq.marginal(y, k) for k, y in enumerate(q)]
        pq = in_quote_prob(tq, len(q))
        out.append(_Raw(q, conf, pq, list(tr.tag(e.x))))
    return out


def _decode_variants(ex: _Example, raw: _Raw) -> dict[str, list[Statement]]:
    learned = decode(ex.doc, raw.q, raw.r, ex.rules, ex.entities, raw.qconf)
    learned.sort(key=lambda s: (s.start, s.nested))
    out = {"learned": learned}
    for name, kw in VARIANTS.items():
        out[name] = merge_with_rules(ex.doc, ex.rules, learned, raw.p_quote, **kw)
    return out


# Decoder settings compared by cross-validation ("hybrid" = the defaults above).
VARIANTS: dict[str, dict[str, Any]] = {
    "hybrid": {},
    "reinherit": {"reinherit": True},
    "far-speakers": {"local_speakers": False},
    "keep0.1": {"keep": 0.1},
    "keep0.3": {"keep": 0.3},
    "fill-speaker": {"fill": ("speaker",)},
    "nofill": {"fill": ()},
    "add@0": {"add_min_conf": 0.0},
    "add@0.3": {"add_min_conf": 0.3},
    "add@0.7": {"add_min_conf": 0.7},
    "noadd": {"add_min_conf": 2.0},
}


def speaker_report(examples: Sequence[_Example], preds: Sequence[Sequence[Statement]]) -> str:
    """How speaker tokens are lost on paired quotations: missing, wrong or partial choice."""
    from collections import Counter

    from ....corpus import article_to_corpus
    from ....evaluate import match_document

    c: Counter[str] = Counter()
    for ex, stmts in zip(examples, preds, strict=True):
        art = Article(text=ex.doc.text, statements=list(stmts))
        m = match_document(ex.gold_doc, article_to_corpus(art, str(ex.gold_doc.get("documentName", ex.name))))
        for pair in m.pairs:
            if not pair.paired or pair.gold is None or pair.pred is None:
                continue
            g, p = pair.gold.part("speaker"), pair.pred.part("speaker")
            if not g and not p:
                c["both empty"] += 1
            elif not g:
                c["spurious (gold has none)"] += 1
            elif not p:
                c["missing"] += 1
            elif not g & p:
                c["wrong choice (no overlap)"] += 1
            elif g == p:
                c["exact"] += 1
            else:
                c["partial overlap"] += 1
    total = sum(c.values())
    return "; ".join(f"{k} {v} ({100 * v / total:.0f}%)" for k, v in c.most_common())


def train_quotes(args: argparse.Namespace) -> int:
    import tempfile

    from .train import MODELS, shared_data

    data = shared_data() / "wikinews-quotes"
    paths = sorted((data / "train").glob("*.json"))
    if args.limit:
        paths = paths[: args.limit]
    t0 = time.time()
    examples = _prepare(paths, rule_extractor())
    ntok = sum(len(e.doc.tokens) for e in examples)
    print(f"prepared {len(examples)} train articles, {ntok} tokens, in {time.time() - t0:.0f}s", file=sys.stderr)
    if args.folds == 0:
        print(f"train, rules alone: {_fmt(_score(examples, [e.rules for e in examples]))}")
        print(f"speaker on paired quotations, rules alone: {speaker_report(examples, [e.rules for e in examples])}")
    if args.folds > 1 and args.cache and Path(args.cache).exists():
        import pickle

        with open(args.cache, "rb") as fh:
            raws: list[_Raw | None] = pickle.load(fh)
    elif args.folds > 1:
        raws = [None] * len(examples)
        with tempfile.TemporaryDirectory() as tmp:
            for f in range(args.folds):
                test_idx = [i for i in range(len(examples)) if i % args.folds == f]
                train = [e for i, e in enumerate(examples) if i % args.folds != f]
                t1 = time.time()
                got = _fit_predict(train, [examples[i] for i in test_idx], args.iterations, tmp)
                for i, raw in zip(test_idx, got, strict=True):
                    raws[i] = raw
                print(f"fold {f + 1}/{args.folds} in {time.time() - t1:.0f}s", file=sys.stderr)
        if args.cache:
            import pickle

            with open(args.cache, "wb") as fh:
                pickle.dump(raws, fh)
    if args.folds > 1:
        variants: dict[str, list[list[Statement]]] = {}
        for ex, maybe in zip(examples, raws, strict=True):
            assert maybe is not None
            for name, sts in _decode_variants(ex, maybe).items():
                variants.setdefault(name, []).append(sts)
        print(f"train {args.folds}-fold CV, rules alone:        {_fmt(_score(examples, [e.rules for e in examples]))}")
        for name, preds in variants.items():
            print(f"train {args.folds}-fold CV, rules+{name:12s} {_fmt(_score(examples, preds))}")
        chosen = "learned" if DECODER == "learned" else "hybrid"
        print(f"speaker on paired quotations, rules alone: {speaker_report(examples, [e.rules for e in examples])}")
        print(f"speaker on paired quotations, rules+{chosen}: {speaker_report(examples, variants[chosen])}")
    if args.final:
        out_dir = MODELS / MODEL_FOLDER
        out_dir.mkdir(parents=True, exist_ok=True)
        t1 = time.time()
        x = [e.x for e in examples]
        it = args.iterations
        crf.train(x, [e.yq for e in examples], str(out_dir / QUOTE_MODEL), c1=0.1, c2=0.01, max_iterations=it)
        crf.train(x, [e.yr for e in examples], str(out_dir / ROLE_MODEL), c1=0.1, c2=0.01, max_iterations=it)
        print(f"shipped models trained on all {len(examples)} articles in {time.time() - t1:.0f}s", file=sys.stderr)
    return 0


def annotate_dir(in_dir: str, out_dir: str, extract_rules: RuleExtractor, only_rules: bool = False) -> None:
    """Write corpus-schema predictions for every JSON in ``in_dir`` (for ``saidwhat eval``)."""
    import json

    from ....corpus import article_to_corpus, corpus_article, load_corpus_document
    from ..tagger import parse

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ntok = 0
    t0 = time.time()
    for p in sorted(Path(in_dir).glob("*.json")):
        gd = load_corpus_document(p)
        gold = corpus_article(gd)
        art = rules_only(gold.text, gold.published, extract_rules)
        if not only_rules:
            doc = parse(gold.text)
            ntok += len(doc.tokens)
            art.statements = relabel(doc, art)
        (out / p.name).write_text(
            json.dumps(article_to_corpus(art, str(gd.get("documentName", p.stem))), ensure_ascii=False),
            encoding="utf-8",
        )
    print(f"annotated in {time.time() - t0:.1f}s ({ntok} tokens)", file=sys.stderr)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="annotate a corpus folder with rules (+ the learned stage)")
    ap.add_argument("in_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--rules-only", action="store_true")
    a = ap.parse_args()
    annotate_dir(a.in_dir, a.out_dir, rule_extractor(), a.rules_only)
