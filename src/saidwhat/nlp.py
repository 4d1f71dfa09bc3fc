"""Tokens, sentences and documents with character offsets: the shared plumbing.

Every language produces the same :class:`Doc`: tokens with offsets into the
original text, sentences over token ranges, and per token a fine tag (the
language's own tag set), a universal POS and a lemma. Tokenisation is spaCy's
blank tokenizer for the language (rule-based, no model); the language's
tagger and sentence rules live in ``saidwhat/lang/<code>/`` and fill in the
rest (:meth:`saidwhat.lang.Language.parse`).

Whatever arrives is tokenised, never refused: a lone surrogate
(``"\\ud800"``, valid in JSON, not encodable as UTF-8) is read as U+FFFD, one
code point for one code point, so every offset into the original text stays
valid. Token texts hold the U+FFFD; the text itself is left as given
(``Doc.text``), so a role's text is always ``text[span]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# spaCy hashes token strings as UTF-8, which a lone surrogate cannot be
_SURROGATE = re.compile("[\ud800-\udfff]")
SENTENCE_END = frozenset({".", "!", "?", "…"})
QUOTE_CHARS = frozenset('"„“”«»‚‘’‹›')


@dataclass(slots=True)
class Token:
    """A word or mark with its offsets and what the language's tagger says about it.

    ``tag`` is the language's fine tag (German: STTS, "VV(FIN)", "NE"):
    only that language's code reads it. Shared code reads ``upos`` (the
    Universal Dependencies POS: "VERB", "PROPN", …) and the morphology:
    ``mood`` ("ind", "k1"/"k2" for the German Konjunktiv I/II, "" when not a
    finite verb or unknown) and ``case`` ("Nom", "Acc", "Dat", "Gen"; "" when
    the tagger does not give it — HanTa's context-free German tags do not).
    """

    i: int  # index in the document
    text: str
    begin: int  # character offsets into the original text
    end: int
    sent: int = 0  # sentence index
    tag: str = ""  # the language's fine tag (German: STTS)
    lemma: str = ""
    space_after: bool = True
    upos: str = ""  # universal POS
    mood: str = ""
    case: str = ""
    # ``text.lower()``, stored once: the stages ask for it millions of times
    # on a corpus run, and a property recomputed it on every call
    lower: str = field(init=False)

    def __post_init__(self) -> None:
        self.lower = self.text.lower()


@dataclass(slots=True)
class Sentence:
    i: int
    start: int  # first token index
    end: int  # one past the last token index
    begin: int  # character offsets
    end_char: int
    paragraph: int = 0


@dataclass
class Doc:
    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    lang: str = "de"

    def sentence_tokens(self, s: Sentence) -> list[Token]:
        return self.tokens[s.start : s.end]

    def token_at(self, char: int) -> Token | None:
        """The token covering character offset ``char`` (binary search)."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            t = self.tokens[mid]
            if t.end <= char:
                lo = mid + 1
            elif t.begin > char:
                hi = mid
            else:
                return t
        return None


@lru_cache(maxsize=4)
def _tokenizer(lang: str) -> Any:
    import spacy

    return spacy.blank(lang).tokenizer


def tokenize(text: str, lang: str = "de") -> list[Token]:
    """Tokens with offsets; quotation marks always stand alone.

    Lone surrogates in ``text`` come out as U+FFFD in the token texts.
    """
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SPACY

    out: list[Token] = []
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)  # same length: offsets into the original hold
    doc = _tokenizer(lang)(text)
    # One array of offsets, lengths and flags instead of a spaCy Token object
    # per token: this loop was a third of the cost of extracting an article.
    for begin, length, space, is_space in doc.to_array([IDX, LENGTH, SPACY, IS_SPACE]).tolist():
        if is_space:
            continue
        word = text[begin : begin + length]
        if length == 1 or QUOTE_CHARS.isdisjoint(word):
            out.append(Token(i=len(out), text=word, begin=begin, end=begin + length, space_after=bool(space)))
            continue
        # spaCy keeps some quote marks glued (e.g. „Wort or Wort“ in rare
        # cases); split them off so quote boundaries are token boundaries.
        pieces = _split_quote_marks(word)
        for j, (off, piece) in enumerate(pieces):
            out.append(
                Token(
                    i=len(out),
                    text=piece,
                    begin=begin + off,
                    end=begin + off + len(piece),
                    space_after=bool(space) if j == len(pieces) - 1 else False,
                )
            )
    return out


def _split_quote_marks(word: str) -> list[tuple[int, str]]:
    if len(word) == 1 or QUOTE_CHARS.isdisjoint(word):
        return [(0, word)]
    pieces: list[tuple[int, str]] = []
    start = 0
    for k, c in enumerate(word):
        if c in QUOTE_CHARS and c not in "'’" or (c in "'’" and (k == 0 or k == len(word) - 1)):
            if k > start:
                pieces.append((start, word[start:k]))
            pieces.append((k, c))
            start = k + 1
    if start < len(word):
        pieces.append((start, word[start:]))
    return pieces
