"""Stage: direct quotations between quotation marks.

Reads: tokens. Writes: statements of kind DIRECT with a quote span
(including the marks, as the corpus annotates them).
"""

from __future__ import annotations

from ..model import Kind, Span, Statement
from ..nlp import Doc

_PAIRS = {"„": "“", "»": "«", "«": "»", "‚": "‘", '"': '"', "“": "”"}


def find_direct_quotes(doc: Doc) -> list[Statement]:
    text = doc.text
    out: list[Statement] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        close = _PAIRS.get(c)
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        if j == -1 or j - i < 2:
            i += 1
            continue
        out.append(Statement(kind=Kind.DIRECT, quote=[Span(i, j + 1)], confidence=0.5))
        i = j + 1
    return out
