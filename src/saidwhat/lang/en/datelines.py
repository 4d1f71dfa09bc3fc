"""Datelines and bylines: "LONDON (Reuters) -", "WASHINGTON, Dec. 3 -", "By Anna Walker".

Reads: tokens, sentences, the text, statements. Writes: statements' quotes cut after a
dateline (:func:`cut_datelines`); :func:`dateline_zones` gives the token ranges such lines
take, where the entities stage finds no speaker and no name.
"""

from __future__ import annotations

import re

from ...model import Span
from ...pipeline.found import Found, TokRange
from ...pipeline.sentences import Article

# "LONDON (Reuters) -", "WASHINGTON, Dec. 3 -", "PARIS, March 3 (AFP) -", "BEDFORD, N.H. (AP) —"
_DATELINE = re.compile(r"^[A-Z][A-Z.' -]*[A-Z.](?:,[^()\n–—-]{1,25})?(?:\s*\([^()\n]{1,30}\))?\s+[-–—]\s")
_BYLINE = re.compile(r"^By [A-Z][^\n]{0,60}$")


def dateline_zones(art: Article) -> list[TokRange]:
    """Token ranges of the datelines and bylines that open paragraphs."""
    text = art.doc.text
    zones: list[TokRange] = []
    for s in art.sentences:
        if s.i > 0 and art.sentences[s.i - 1].paragraph == s.paragraph:
            continue  # only a paragraph's first sentence opens with a dateline
        m = _DATELINE.match(text[s.begin : s.begin + 120]) or _BYLINE.match(text[s.begin : s.end_char])
        if m is None:
            continue
        end_char = s.begin + m.end()
        end = s.start
        while end < s.end and art.tokens[end].begin < end_char:
            end += 1
        zones.append((s.start, end))
    return zones


def cut_datelines(art: Article, found: list[Found], zones: list[TokRange]) -> None:
    """A statement that opens a wire story does not start with its dateline, nor does
    its speaker: "LONDON (Reuters) - Harcourt Bank will cut …" → "Harcourt Bank will cut …"."""
    if not zones:
        return
    toks = art.tokens
    for f in found:
        if f.speaker is not None:
            for a, b in zones:
                if a <= f.speaker[0] < b:  # "DECATUR, Ill. — Sen. Ted Cruz": the speaker starts after it
                    f.speaker = (b, f.speaker[1]) if f.speaker[1] > b else _noun_phrase_after(art, b, f.cue)
                    break
        for k, span in enumerate(f.quote):
            for a, b in zones:
                if b < len(toks) and toks[a].begin <= span.begin < toks[b].begin < span.end:
                    f.quote[k] = Span(toks[b].begin, span.end)


# tags of the words of a noun phrase: "Kenya's electoral commission", "The state's top court"
_NOUN_PHRASE_TAGS = ("NN", "JJ", "DT", "POS", "PRP$", "CD")


def _noun_phrase_after(art: Article, b: int, cue: list[int]) -> TokRange | None:
    """The parser took the dateline for the speaker ("NAIROBI, Kenya (AP) — Kenya's electoral
    commission on Thursday rejected …"): the noun phrase opening the sentence after the
    dateline is, when it ends in a noun before the cue verb; else no speaker."""
    toks = art.tokens
    if not cue or min(cue) <= b:
        return None
    end = b
    while end < min(cue) and toks[end].tag.startswith(_NOUN_PHRASE_TAGS) and toks[end].sent == toks[b].sent:
        end += 1
    return (b, end) if end > b and toks[end - 1].tag.startswith("NN") else None
