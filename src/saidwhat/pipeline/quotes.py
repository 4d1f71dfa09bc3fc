"""Stage: passages between quotation marks.

Reads: the text and the language's :class:`QuoteMarks`. Writes:
:class:`QuoteRegion` items (character offsets, marks included, as the corpus
annotates direct quotes).

Which marks open and close a quote is the language's (German news uses „…“,
»…«, «…» (Swiss), "…" and ‚…‘ inside them); the pairing is shared. Marks are
often unbalanced. A quote left open at a paragraph end continues when the
next paragraph opens with a mark again (the typographic convention for
multi-paragraph quotes); otherwise it is closed at the paragraph end.
Quotes nested inside an open quote are ignored. One left-to-right scan:
linear in the text length. (A single mark that finds no closer is skipped,
and its failed search remembered: another mark of its kind before the same
paragraph end would search the same stretch in vain. Without that memory a
100 KB line of unclosed ' and ‚ took 22 s.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteMarks:
    """The quotation marks of a language's news text.

    ``closers``: each opening mark → the marks that may close it.
    ``double_openers``: marks whose quote may run over a paragraph end (when
    the next paragraph opens with the same mark again). ``single_openers``:
    inner marks (‚…‘), given up when no closer is found. ``sure_openers``
    open a quote wherever a non-space follows; ``apostrophes`` open only
    after a space or bracket and before a letter (they are mostly
    apostrophes). Any other opener opens after a space, a bracket or a dash.
    """

    closers: dict[str, str]
    double_openers: frozenset[str]
    single_openers: frozenset[str]
    sure_openers: frozenset[str]
    apostrophes: frozenset[str]


@dataclass
class QuoteRegion:
    begin: int  # offset of the opening mark
    end: int  # one past the closing mark (or the paragraph end when unclosed)
    closed: bool = True

    def inner(self, text: str) -> str:
        return text[self.begin + 1 : self.end - (1 if self.closed else 0)]


def _is_opener(text: str, k: int, marks: QuoteMarks) -> bool:
    c = text[k]
    prev = text[k - 1] if k > 0 else " "
    nxt = text[k + 1] if k + 1 < len(text) else " "
    if nxt.isspace():
        return False
    if c in marks.sure_openers:
        return True
    if c in marks.apostrophes:  # apostrophes are common ("Tiflis'", "geht's"): strict
        return (prev.isspace() or prev in "(") and nxt.isalpha()
    # « opens only in Swiss style; " and “ open after a space or bracket
    return prev.isspace() or prev in "([/–-" or k == 0


def find_quotes(text: str, marks: QuoteMarks) -> list[QuoteRegion]:
    """The quote regions of ``text``, left to right, none inside another."""
    out: list[QuoteRegion] = []
    n = len(text)
    # single opener → where its last search for a closer ended in vain: a later
    # opener of the same kind before that point cannot find one either (the
    # closer test does not depend on where the opener stands, only that it is
    # after it)
    no_closer_before: dict[str, int] = {}
    # (the mark sets as locals: this loop visits every character)
    all_closers, single_openers, double_openers = marks.closers, marks.single_openers, marks.double_openers
    k = 0
    while k < n:
        c = text[k]
        if c not in all_closers or not _is_opener(text, k, marks) or k < no_closer_before.get(c, -1):
            k += 1
            continue
        closers = all_closers[c]
        start = k
        j = k + 1
        end = -1
        while j < n:
            cj = text[j]
            if (
                cj in closers
                and j > start + 1
                and not text[j - 1].isspace()
                and not (c in single_openers and j + 1 < n and text[j + 1].isalpha())
            ):
                end = j + 1
                break
            if cj == "\n":
                # paragraph end inside an open quote
                nxt = _next_nonspace(text, j)
                if c in double_openers and nxt < n and text[nxt] == c:
                    j = nxt + 1  # multi-paragraph quote: continues
                    continue
                break
            j += 1
        if end == -1:
            if c in single_openers:
                no_closer_before[c] = j
                k += 1
                continue
            # unclosed: close at the paragraph (or text) end, without trailing space
            stop = j
            while stop > start + 1 and text[stop - 1].isspace():
                stop -= 1
            if stop - start < 3:
                k += 1
                continue
            out.append(QuoteRegion(start, stop, closed=False))
            k = stop
            continue
        out.append(QuoteRegion(start, end))
        k = end
    return out


def _next_nonspace(text: str, j: int) -> int:
    while j < len(text) and text[j].isspace():
        j += 1
    return j
