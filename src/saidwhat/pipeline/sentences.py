"""A per-article view the stages share: sentences, quote regions, masks.

Reads: the parsed :class:`~saidwhat.nlp.Doc` and the quote regions.
Nothing here decides about statements; it answers questions the stages ask
("which quote covers this token?", "where does this sentence's text end?").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

from ..nlp import Doc, Sentence, Token
from .quotes import QuoteRegion

CLOSING_MARKS = frozenset("“”\"«»‘’'‹›")
OPENING_MARKS = frozenset("„\"»«‚'“‹›")


@dataclass
class Article:
    doc: Doc
    quotes: list[QuoteRegion]
    # token index → index into ``quotes`` (-1: outside any quote)
    in_quote: list[int] = field(default_factory=list)
    # token range [start, end) of each quote region, marks included
    quote_tokens: list[tuple[int, int]] = field(default_factory=list)
    # quotes that are direct statements of their own (set by the direct stage)
    standalone: set[int] = field(default_factory=set)
    # per token test, how many tokens outside quotes before each index pass it
    # (built on first use): counts over a range in O(1), not a scan per statement
    _unquoted_before: dict[Callable[[Token], bool], list[int]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, doc: Doc, quotes: list[QuoteRegion]) -> Article:
        art = cls(doc, quotes)
        n = len(doc.tokens)
        art.in_quote = [-1] * n
        begins = [t.begin for t in doc.tokens]
        for qi, q in enumerate(quotes):
            a = bisect_right(begins, q.begin) - 1
            a = max(a, 0)
            while a < n and doc.tokens[a].end <= q.begin:
                a += 1
            b = a
            while b < n and doc.tokens[b].begin < q.end:
                art.in_quote[b] = qi
                b += 1
            art.quote_tokens.append((a, b))
        return art

    @property
    def tokens(self) -> list[Token]:
        return self.doc.tokens

    @property
    def sentences(self) -> list[Sentence]:
        return self.doc.sentences

    def text_end(self, s: Sentence) -> int:
        """Token index after the sentence's last word (final marks dropped)."""
        e = s.end
        toks = self.doc.tokens
        while e > s.start and (toks[e - 1].text in {".", "!", "?", ";", "…"} and self.in_quote[e - 1] == -1):
            e -= 1
        return e

    def quote_words(self, qi: int) -> list[Token]:
        """The tokens inside quote ``qi``, without its marks (an unclosed quote
        has no closing mark to drop)."""
        a, b = self.quote_tokens[qi]
        return self.doc.tokens[a + 1 : b - 1] if self.quotes[qi].closed else self.doc.tokens[a + 1 : b]

    def quoted(self, i: int) -> bool:
        return self.in_quote[i] != -1

    def any_quoted(self, a: int, b: int) -> bool:
        """Whether a token in ``[a, b)`` lies inside a quote."""
        a, b = max(a, 0), min(b, len(self.in_quote))
        return b > a and self.unquoted_count(_any_token, a, b) < b - a

    def unquoted_count(self, test: Callable[[Token], bool], a: int, b: int) -> int:
        """How many tokens in ``[a, b)`` lie outside quotes and pass ``test``
        (a module-level function: its prefix counts are kept)."""
        prefix = self._unquoted_before.get(test)
        if prefix is None or len(prefix) != len(self.in_quote) + 1:
            passes = (q == -1 and test(t) for t, q in zip(self.doc.tokens, self.in_quote, strict=True))
            prefix = list(accumulate(passes, initial=0))
            self._unquoted_before[test] = prefix
        a, b = max(a, 0), min(b, len(self.in_quote))
        return prefix[b] - prefix[a] if b > a else 0

    def in_standalone(self, i: int) -> bool:
        return self.in_quote[i] in self.standalone


def _any_token(t: Token) -> bool:
    return True
