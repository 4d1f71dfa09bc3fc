"""Quotes between doubled apostrophes: ''…'' (the New York Times' archive style).

Reads: the text and the quote regions the shared pairing found. Writes: the regions
with the ''…'' passages added (a region the shared pairing found inside or across one
gives way: "''I hate the term 'Manhattan poor,' ''" is one quote). The shared
:func:`~saidwhat.pipeline.quotes.find_quotes` pairs single characters; a two-character
mark is English's alone, so it is paired here. A passage left open at a paragraph end
goes on when the next paragraph opens with '' again, as with “.
"""

from __future__ import annotations

import re

from ...pipeline.quotes import QuoteRegion
from ...pipeline.sentences import Article

MARK = "''"
_OPENER = re.compile(r"(?:(?<=[\s(\[—-])|^)''(?=\S)", re.MULTILINE)
_CLOSER = re.compile(r"(?<=\S)''")


def with_doubled_apostrophes(art: Article) -> Article:
    """``art`` itself when the text has no '' quote, else a new analysed article with them."""
    text = art.doc.text
    if MARK not in text:
        return art
    extra = doubled_apostrophe_quotes(text)
    if not extra:
        return art
    kept = [q for q in art.quotes if not any(q.begin < e.end and e.begin < q.end for e in extra)]
    return Article.build(art.doc, sorted(kept + extra, key=lambda q: q.begin))


def doubled_apostrophe_quotes(text: str) -> list[QuoteRegion]:
    out: list[QuoteRegion] = []
    pos = 0
    while True:
        m = _OPENER.search(text, pos)
        if m is None:
            return out
        begin = m.start()
        end, closed = _close(text, m.end())
        if end - begin > len(MARK) + 1:
            out.append(QuoteRegion(begin, end, closed))
        pos = max(end, m.end())


def _close(text: str, start: int) -> tuple[int, bool]:
    """Where the passage opened before ``start`` ends: after its closing '', or at the
    end of its (last) paragraph."""
    while True:
        line_end = text.find("\n", start)
        if line_end == -1:
            line_end = len(text)
        m = _CLOSER.search(text, start, line_end)
        if m is not None:
            return m.end(), True
        nxt = line_end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if line_end < len(text) and text.startswith(MARK, nxt):
            start = nxt + len(MARK)  # a quote over several paragraphs
            continue
        stop = line_end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        return stop, False
