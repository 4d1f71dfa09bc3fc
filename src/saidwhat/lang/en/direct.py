"""Stage: direct quotes with their frames.

Reads: quote regions, tokens, sentences and the parse. Writes: DIRECT :class:`Found`
items, and the cue verbs they used (the indirect stage leaves those alone).

A quote is a statement of its own when a frame follows it ('“…,” she said.' /
'“…,” said Anna Walker.') or introduces it ('She said: “…”' / 'Walker said, “…”'),
or when the sentence before it ends in a cue verb and a colon ('Cruz continued:').
A quote split by its frame ('“A,” he said, “B.”') is one statement with two quote
spans, and so are quotes that go on right after a framed one ('“A,” Reid said.
“B.”'), as PolNeAR marks them. A quote inside running text that no frame holds
('called the system “rotten”') is left to the indirect stage.
"""

from __future__ import annotations

from ...model import Kind, Span
from ...pipeline.found import Found, TokRange
from ...pipeline.sentences import Article
from .deps import addressee, cue_tokens, cue_verb, phrase, subject
from .parser import EnglishDoc

# a frame after a quote is short: '“…,” said the former secretary of state in an interview'
_MAX_AFTER_FRAME = 25
# a frame before a quote is looked for this far back ('Former Arizona State Senator … said, “…”')
_MAX_BEFORE_FRAME = 40
# a frame with a verb that is no cue verb must be short: '“…,” Cruz retorted.'
_MAX_ANY_VERB_DISTANCE = 6
_FRAME_MARKS = frozenset({",", ":", "—", "–", "-"})


def find_direct(art: Article) -> tuple[list[Found], set[int]]:
    doc = art.doc
    assert isinstance(doc, EnglishDoc)
    found: list[Found] = []
    used_cues: set[int] = set()
    last: Found | None = None  # the statement the next bare quote may continue
    last_end = -1  # token after the last statement's last quote
    for qi, q in enumerate(art.quotes):
        a, b = art.quote_tokens[qi]
        if b - a < 3 or a < last_end:
            continue
        span = Span(q.begin, q.end)
        if last is not None and _continues(art, last_end, a, b):
            last.quote.append(span)
            last_end = b
            continue
        f = _after_frame(art, doc, qi) or _before_frame(art, doc, qi) or _colon_frame(art, doc, qi)
        if f is None:
            last = None
            continue
        f.quote = [span]
        f.sent = art.tokens[a].sent
        used_cues.update(f.cue)
        found.append(f)
        art.standalone.add(qi)
        last, last_end = f, b
        # the second half of a split quote: '“A,” he said, “B.”'
        nxt = qi + 1
        if nxt < len(art.quotes) and f.frame and f.frame[0][0] >= b:
            na, nb = art.quote_tokens[nxt]
            if _only_marks_between(art, f.frame[0][1], na) and art.tokens[na].sent == art.tokens[b - 1].sent:
                f.quote.append(Span(art.quotes[nxt].begin, art.quotes[nxt].end))
                art.standalone.add(nxt)
                last_end = nb
    return found, used_cues


def _continues(art: Article, last_end: int, a: int, b: int) -> bool:
    """A quote that fills the sentence right after the last framed quote's sentence, in
    the same paragraph, goes on with it ('“A,” Reid said. “B.”')."""
    toks = art.tokens
    s = art.sentences[toks[a].sent]
    prev = art.sentences[toks[last_end - 1].sent]
    return (
        s.start == a
        and s.i == prev.i + 1
        and s.paragraph == prev.paragraph
        and b >= art.text_end(art.sentences[toks[b - 1].sent])
    )


def _after_frame(art: Article, doc: EnglishDoc, qi: int) -> Found | None:
    """'“…,” she said.' / '“…,” said Walker, “…”': a cue verb right after the quote."""
    toks = art.tokens
    a, b = art.quote_tokens[qi]
    s = art.sentences[toks[b - 1].sent]
    if not doc.parsed[s.i] or b >= s.end:
        return None
    before = art.sentences[toks[a].sent]
    if toks[a].sent == s.i and a > before.start and not _only_marks_between(art, before.start, a):
        if toks[a - 1].text != ":":
            return None  # the quote is inside a clause: 'He called it “rotten,” said …' is the indirect stage's
    end = min(art.text_end(s), b + _MAX_AFTER_FRAME)
    stop = b
    while stop < end and art.in_quote[stop] == -1:
        stop += 1
    for v in range(b, stop):
        cue = cue_verb(doc, v)
        if cue is not None and "clause" in cue.frames:
            return _framed(doc, v, (b, stop), "direct_after")
    # any verb of a short frame: '“…,” Cruz retorted.'
    for v in range(b, min(stop, b + _MAX_ANY_VERB_DISTANCE)):
        if _main_verb(doc, v):
            return _framed(doc, v, (b, stop), "direct_after_verb")
    return None


def _before_frame(art: Article, doc: EnglishDoc, qi: int) -> Found | None:
    """'She said: “…”' / 'Walker told reporters, “…”': a cue verb before the quote, its
    clause ending at the quote with a colon, a comma or nothing."""
    toks = art.tokens
    a, b = art.quote_tokens[qi]
    s = art.sentences[toks[a].sent]
    if not doc.parsed[s.i] or a <= s.start:
        return None
    start = a
    while start > max(s.start, a - _MAX_BEFORE_FRAME) and art.in_quote[start - 1] == -1:
        start -= 1
    last = toks[a - 1].text
    if last not in _FRAME_MARKS and cue_verb(doc, a - 1) is None:
        return None
    te = art.text_end(art.sentences[toks[b - 1].sent])
    if b < te and toks[b].text not in _FRAME_MARKS and toks[b].text not in {".", "!", "?"}:
        return None  # the sentence goes on after the quote: part of a clause
    for v in range(a - 1, start - 1, -1):
        cue = cue_verb(doc, v)
        if cue is not None and "clause" in cue.frames:
            return _framed(doc, v, (start, a), "direct_before")
    if last == ":":  # 'the Christie supporter retorted: “…”'
        for v in range(a - 1, start - 1, -1):
            if _main_verb(doc, v):
                return _framed(doc, v, (start, a), "direct_before_verb")
    return None


def _colon_frame(art: Article, doc: EnglishDoc, qi: int) -> Found | None:
    """'Cruz continued:' as the sentence before a quote that fills its own."""
    toks = art.tokens
    a, b = art.quote_tokens[qi]
    s = art.sentences[toks[a].sent]
    if s.start != a or s.i == 0:
        return None
    prev = art.sentences[s.i - 1]
    if not doc.parsed[prev.i] or toks[prev.end - 1].text != ":" or art.any_quoted(prev.start, prev.end):
        return None
    for v in range(prev.end - 2, prev.start - 1, -1):
        cue = cue_verb(doc, v)
        if cue is not None and "clause" in cue.frames:
            return _framed(doc, v, (prev.start, prev.end), "direct_colon")
    return None


def _framed(doc: EnglishDoc, v: int, frame: TokRange, construction: str) -> Found:
    sp = subject(doc, v)
    speaker = None
    if sp is not None:
        lo, hi = phrase(doc, sp)
        # the subject of a frame lies in the frame ("he", "said Anna Walker")
        lo, hi = max(lo, frame[0]), min(hi, frame[1])
        speaker = (lo, hi) if hi > lo else None
    return Found(
        Kind.DIRECT,
        [],
        construction,
        speaker=speaker,
        cue=cue_tokens(doc, v),
        addressee=addressee(doc, v, cue_verb(doc, v), within=frame),
        frame=[frame],
    )


def _main_verb(doc: EnglishDoc, v: int) -> bool:
    """A full verb heading its clause (not an auxiliary, not inside a noun phrase)."""
    return doc.tokens[v].tag.startswith("VB") and doc.dep[v] in ("ROOT", "parataxis", "ccomp", "conj")


def _only_marks_between(art: Article, a: int, b: int) -> bool:
    """No word in ``[a, b)`` (stops at the first: no copy of a long sentence's tokens)."""
    toks = art.tokens
    return not any(any(c.isalnum() for c in toks[i].text) for i in range(a, b))
