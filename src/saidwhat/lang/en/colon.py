"""Stage: "Name: words" — a headline or a transcript line that gives its speaker before a colon.

Reads: tokens and sentences (no parse: headlines often hold no cue verb). Writes:
INDIRECT or DIRECT :class:`Found` items with the colon as the cue, as PolNeAR marks
them ("Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP’s Chance",
"Matthews: Well, speculation is bad.").

The part before the colon must look like a name or a title: one to six words, each
capitalised (a dash may set off a kicker: "EXCLUSIVE – Roger Stone: …"), and no
word of it a function word of ``colon_non_speakers.txt`` ("Update", "Note", "Transcript").
"""

from __future__ import annotations

from ...lexicon import load_word_set
from ...model import Kind, Span
from ...pipeline.found import Found
from ...pipeline.sentences import Article
from .deps import trim
from .parser import EnglishDoc

_MAX_NAME_WORDS = 6
_MIN_STATEMENT_TOKENS = 3
_DASHES = frozenset({"–", "—", "-"})
NON_SPEAKERS = load_word_set("en", "colon_non_speakers")


def colon_statements(art: Article, taken: list[Found]) -> list[Found]:
    doc = art.doc
    assert isinstance(doc, EnglishDoc)
    taken_sents = {f.sent for f in taken}
    out: list[Found] = []
    for s in art.sentences:
        if s.i in taken_sents or art.quoted(s.start):
            continue
        f = _colon_statement(art, doc, s.start, art.text_end(s))
        if f is not None:
            f.sent = s.i
            out.append(f)
    return out


def _colon_statement(art: Article, doc: EnglishDoc, start: int, end: int) -> Found | None:
    toks = art.tokens
    colon = next((k for k in range(start, min(end, start + _MAX_NAME_WORDS + 3)) if toks[k].text == ":"), None)
    if colon is None or colon == start or end - colon - 1 < _MIN_STATEMENT_TOKENS:
        return None
    name_start = start
    for k in range(start, colon):
        if toks[k].text in _DASHES:
            name_start = k + 1  # "EXCLUSIVE – Roger Stone:"
    words = toks[name_start:colon]
    if not words or len(words) > _MAX_NAME_WORDS:
        return None
    if any(not t.text[0].isupper() or t.lower in NON_SPEAKERS for t in words):
        return None
    quote = trim(doc, colon + 1, end)
    if quote[1] <= quote[0]:
        return None
    direct = art.quoted(quote[0]) and art.quoted(quote[1] - 1)
    return Found(
        Kind.DIRECT if direct else Kind.INDIRECT,
        [Span(toks[quote[0]].begin, toks[quote[1] - 1].end)],
        "colon_speaker",
        speaker=(name_start, colon),
        cue=[colon],
    )
