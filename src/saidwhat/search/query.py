"""The search syntax: what a user types, as an FTS5 query and as terms to highlight.

=====================  =====================================================
``Krieg Frieden``      both words (in any form: "Kriege", "Bürgerkrieg")
``Krieg OR Frieden``   either word (``OR`` in capitals; binds looser than AND)
``Krieg NOT Frieden``  the first without the second (also ``Krieg -Frieden``)
``"kalter Krieg"``     these words in this order, as written
``Krieg*``             any word (or compound part) starting with "Krieg"
``(a OR b) c``         parentheses group
=====================  =====================================================

Case and diacritics never matter. Any other punctuation is no syntax: it
separates words. A word stands for itself and its lemma (:func:`query_forms`);
the index holds every word's lemma and compound parts next to it
(:mod:`saidwhat.search.forms`), so "Krise" finds "Sicherheitskrise" and
"Aggression" finds "Aggressionen". A phrase matches the words as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .forms import WORD, fold, query_forms

# Index columns: the surface text (quote, speaker names) and the forms of both.
SURFACE_COLUMNS = "{quote speaker_names}"

_TOKEN = re.compile(r'"[^"]*"?|\(|\)|-?[^\s()"]+')


class SyntaxProblem(ValueError):
    """A query that cannot be asked (``str(e)`` says why in plain words)."""


@dataclass
class Terms:
    """The words a query looks for (not those under NOT), to highlight in results."""

    words: set[str] = field(default_factory=set)  # folded words and their lemmas
    prefixes: set[str] = field(default_factory=set)  # folded
    phrases: list[tuple[str, ...]] = field(default_factory=list)  # folded words in order


@dataclass
class Parsed:
    fts: str  # the FTS5 MATCH expression
    terms: Terms
    n_terms: int  # leaf terms: each is one more index lookup


def _leaf(token: str, terms: Terms | None) -> str | None:
    """One word, prefix or phrase as FTS5 text (None: nothing searchable in it)."""
    if token.startswith('"'):
        words = [fold(w) for w in WORD.findall(token)]
        if not words:
            return None
        if terms is not None:
            (terms.phrases.append(tuple(words)) if len(words) > 1 else terms.words.add(words[0]))
        return SURFACE_COLUMNS + ' : "' + " ".join(words) + '"'
    prefix = token.endswith("*")
    words = WORD.findall(token)
    if not words:
        return None
    if len(words) > 1:  # "US-Präsident", "U.S.": the words next to each other, as FTS5 reads them
        folded = [fold(w) for w in words]
        if terms is not None:
            terms.phrases.append(tuple(folded))
        return '"' + " ".join(folded) + '"' + ("*" if prefix else "")
    word = words[0]
    if prefix:
        if terms is not None:
            terms.prefixes.add(fold(word))
        return '"' + fold(word) + '"*'
    forms = [fold(word), *(fold(f) for f in query_forms(word))]
    forms = list(dict.fromkeys(forms))
    if terms is not None:
        terms.words.update(forms)
    if len(forms) == 1:
        return '"' + forms[0] + '"'
    return "(" + " OR ".join('"' + f + '"' for f in forms) + ")"


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.terms = Terms()
        self.leaves: set[str] = set()  # distinct leaf expressions: "a a a …" costs what "a" costs

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def any_of(self) -> str | None:
        """``a OR b OR …``."""
        parts = [p for p in [self.all_of()] if p]
        while self.peek() == "OR":
            self.take()
            part = self.all_of()
            if part:
                parts.append(part)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def all_of(self) -> str | None:
        """``a b NOT c -d``: the words wanted, minus the words excluded."""
        wanted: list[str] = []
        excluded: list[str] = []
        while (token := self.peek()) is not None and token not in ("OR", ")"):
            self.take()
            negate = False
            if token == "NOT" or (token.startswith("-") and len(token) > 1):
                negate = True
                if token == "NOT":
                    if self.peek() in (None, "OR", ")"):
                        raise SyntaxProblem("NOT must be followed by the word to leave out")
                    token = self.take()
                else:
                    token = token[1:]
            part = self.group_or_leaf(token, None if negate else self.terms)
            if part:
                (excluded if negate else wanted).append(part)
        wanted, excluded = list(dict.fromkeys(wanted)), list(dict.fromkeys(excluded))
        if excluded and not wanted:
            raise SyntaxProblem("a search of only left-out words (NOT …) needs a word to look for as well")
        if not wanted:
            return None
        found = wanted[0] if len(wanted) == 1 else "(" + " AND ".join(wanted) + ")"
        if excluded:
            found = (
                "(" + found + " NOT " + ("(" + " OR ".join(excluded) + ")" if len(excluded) > 1 else excluded[0]) + ")"
            )
        return found

    def group_or_leaf(self, token: str, terms: Terms | None) -> str | None:
        if token == "(":
            saved = self.terms
            if terms is None:  # a negated group: its words are not highlighted
                self.terms = Terms()
            inner = self.any_of()
            self.terms = saved
            if self.peek() == ")":
                self.take()
            return inner
        if token == ")":
            return None
        leaf = _leaf(token, terms)
        if leaf is not None:
            self.leaves.add(leaf)
        return leaf


def parse_query(query: str) -> Parsed | None:
    """``query`` as an FTS5 expression and highlight terms; None if it holds no word to search for.

    Raises :class:`SyntaxProblem` for a query FTS5 cannot answer (only NOT words).
    """
    tokens = _TOKEN.findall(query)
    parser = _Parser(tokens)
    fts = parser.any_of()
    while parser.peek() is not None:  # a stray ")" ends any_of early: read on
        parser.take()
        more = parser.any_of()
        if more:
            fts = more if fts is None else "(" + fts + " AND " + more + ")"
    if fts is None:
        return None
    return Parsed(fts=fts, terms=parser.terms, n_terms=len(parser.leaves))
