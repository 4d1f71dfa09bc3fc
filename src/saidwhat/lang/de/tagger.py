"""German analysis: STTS tags and lemmas (HanTa), sentence split, context fixes.

Tokens come from the shared tokenizer (:func:`saidwhat.nlp.tokenize`, spaCy's
blank German one). German POS tags (STTS) and lemmas come from HanTa (its
tagger with faster word searches, same answers: ``hanta_search.py``), looked
up once per word form and cached: news text repeats its words, so after a few
articles almost every lookup is a dictionary hit. HanTa and the word-form
tables load on first use (only the short abbreviation list at import).

Whatever arrives is analysed, never refused: HanTa's analysis of a word grows
with the square of its length (1,600 characters: 20 s). Tokens longer than
:data:`MAX_ANALYSED_CHARS`, URLs, e-mail addresses and long runs of digits and
symbols are tagged without it (:func:`_non_word_tag`).

Per article, HanTa's work is bounded too (:class:`HantaAllowance`): text of
random letter strings brings a new form with nearly every word, each costing
HanTa 1.6 ms at 12 letters, 28 ms at 60 (minutes for 2 MB). :func:`parse` opens an allowance for the
article, ``HANTA_BASE + HANTA_PER_CHAR × len(text)`` units; every tag
asked for while it is open (the heading check and :func:`tag_tokens`) goes
through :func:`tag_word_bounded`. A form that *needs* HanTa (not in the
shipped tables, not guessable from its ending, not punctuation or a shape
tagged without it: :func:`needs_hanta`, shipped data only) costs the square
of its length (HanTa's cost grows so) the first time it is seen in the
article; a form whose cost no longer fits gets the shape tag of an over-long
token (:func:`_non_word_tag`) instead.
Which forms are admitted is decided before any cache is consulted, so the tags
are a function of the article's text alone, whatever ran in the process before.
The limits were set from train (the most any train article needs, with a wide
margin): no train, dev or seed article reaches them. (Not yet bounded: the
search forms of stored statements, ``searchforms.py``, and the name rules'
word classes, ``names.py``, still ask :func:`tag_word_de` directly.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from ...budget import ArticleTimeout
from ...budget import check as check_budget
from ...lexicon import load_word_set
from ...nlp import QUOTE_CHARS, SENTENCE_END, Doc, Sentence, Token, tokenize
from . import datelines
from .wordforms import guess, wordform_cache

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# a heading: a short first line of a paragraph without closing punctuation,
# followed by a single line break ("Wahlverlauf und Wahlbeteiligung\nWie der …")
_HEADING_LINE = re.compile(r"(?:\A|\n[ \t]*\n)[ \t]*([^\n]{1,70}?)[ \t]*(\n)(?=[ \t]*[A-ZÄÖÜ„\"»])")
_HEADING_WORDS = 8
# Longest token HanTa analyses; the longest real word on train, dev and the seed
# is 43 characters ("THW-Schnell-Einsatz-Einheit-Bergung-Ausland"), the longest
# German words in use about 65. Past this, a token is a crawl accident (a path,
# a run of letters) and HanTa's cost (0.03 s at 64 characters) only grows.
MAX_ANALYSED_CHARS = 64
# Longest token of mostly digits and symbols HanTa analyses: on train, dev and
# the seed they are at most 10 characters ("14:0-Lauf", "1980-ern", "Mw=5,6");
# longer ones are digit and symbol soup (a hash, a mangled table)
MAX_SOUP_CHARS = 16
# a URL or an e-mail address: no word, whatever HanTa would guess
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)\S|[^\s@]+@[^\s@]+\.[A-Za-z]{2,}\Z")
# HanTa's work one article may cause, in letters squared (HanTa's cost of a
# form grows with the square of its length, about 10 µs per unit):
# HANTA_BASE + HANTA_PER_CHAR per character of the article. On train (cold,
# cache off: scripts/hanta_need.py) an article needs at most 8,665 units
# (11,513 characters), 5,464 per 1,000 characters on a 235-character one; these
# limits give every train article at least 2.2 times what it needs.
HANTA_BASE = 16_000
HANTA_PER_CHAR = 0.5


@lru_cache(maxsize=1)
def _hanta() -> Any:
    # HanTa's tagger with its word searches made faster, same answers
    # (hanta_search.py, LGPL-3.0 like HanTa: a user may remove or replace that
    # one file, and HanTa's own searches then give the same output, slower)
    try:
        from .hanta_search import FastHanoverTagger
    except ImportError:
        from HanTa.HanoverTagger import HanoverTagger

        return HanoverTagger("morphmodel_ger.pgz")
    return FastHanoverTagger("morphmodel_ger.pgz")


@lru_cache(maxsize=1)
def _known_wordforms_de() -> dict[str, tuple[str, str]]:
    """HanTa's answers for common word forms, shipped as ``lang/de/wordforms*.txt``.

    Analysing a new word form costs HanTa about half a millisecond; on a cold
    start that dominated extraction time. The tables (built by
    ``scripts/build_wordforms.py``) hold the very same answers: GermEval's word
    forms (``wordforms.txt``), frequent general ones (``wordforms_general.txt``,
    CC BY-SA 4.0) and the rarer words of wordfreq's 200,000 most frequent,
    lower case and capitalised (``wordforms_frequent.txt``, CC BY-SA 4.0).
    Tags are interned (a few hundred distinct strings shared by all entries).
    """
    from sys import intern

    from ...lexicon import iter_lexicon

    table: dict[str, tuple[str, str]] = {}
    for name in ("wordforms", "wordforms_general", "wordforms_frequent"):
        for form, tag, lemma in iter_lexicon("de", name):
            # most lemmas are the form itself: one string for both saves memory
            table[form] = (intern(tag), form if lemma == form else lemma)
    return table


class HantaAllowance:
    """HanTa's work one article may still cause, in letters squared (see the module docstring)."""

    def __init__(self, text_length: int) -> None:
        self.limit = HANTA_BASE + int(HANTA_PER_CHAR * text_length)
        self.spent = 0
        self.admitted: set[str] = set()

    def admit(self, word: str) -> bool:
        """True if HanTa may analyse ``word``: admitted before in this article, or its cost still fits."""
        if word in self.admitted:
            return True
        cost = len(word) ** 2
        if self.spent + cost <= self.limit:
            self.spent += cost
            self.admitted.add(word)
            return True
        return False


_ALLOWANCE: ContextVar[HantaAllowance | None] = ContextVar("hanta_allowance", default=None)


@contextmanager
def hanta_allowance(text_length: int) -> Iterator[HantaAllowance]:
    """Bound HanTa's work while tagging one article of ``text_length`` characters."""
    allowance = HantaAllowance(text_length)
    token = _ALLOWANCE.set(allowance)
    try:
        yield allowance
    finally:
        _ALLOWANCE.reset(token)


def tag_word_bounded(word: str) -> tuple[str, str]:
    """:func:`tag_word_de`, within the open article's allowance: past it, a form
    that needs HanTa gets the shape tag of an over-long token."""
    allowance = _ALLOWANCE.get()
    if allowance is not None and needs_hanta(word) and not allowance.admit(word):
        return _non_word_tag(word), word
    return tag_word_de(word)


@lru_cache(maxsize=200_000)
def needs_hanta(word: str) -> bool:
    """True if only HanTa can tag ``word``: decided from shipped data alone, never from a cache."""
    return _tag_without_hanta(word) is None


def _tag_without_hanta(word: str) -> tuple[str, str] | None:
    """The tag and lemma of ``word`` from shipped data (tables, shapes, ending guesser), None if HanTa must answer."""
    if not any(c.isalpha() for c in word):
        return _punct_tag(word), word
    known = _known_wordforms_de().get(word)
    if known is not None:
        return known
    if len(word) > MAX_ANALYSED_CHARS or _URL.match(word) or (len(word) > MAX_SOUP_CHARS and _mostly_symbols(word)):
        return _non_word_tag(word), word
    # HanTa's answer without HanTa: an ending it always analyses one way
    return guess(word)


@lru_cache(maxsize=200_000)
def tag_word_de(word: str) -> tuple[str, str]:
    """Most likely STTS tag and lemma of a German word form, context-free."""
    shipped = _tag_without_hanta(word)
    if shipped is not None:
        return shipped
    # HanTa's answer from an earlier run or another process (see wordforms.py)
    cache = wordform_cache()
    cached = cache.get(word)
    if cached is not None:
        return cached
    tagger = _hanta()
    try:
        lemma, tag = tagger.analyze(word, taglevel=1)
    except ArticleTimeout:  # the time budget's alarm, not HanTa: no guess to cache
        raise
    except Exception:  # HanTa raises on a few odd strings; fall back to a guess
        return ("NE" if word[:1].isupper() else "NN"), word
    answer = (str(tag), str(lemma))
    cache.put(word, answer)
    return answer


def _non_word_tag(word: str) -> str:
    """STTS tag of a token HanTa is not asked about: "XY" (non-word) for a URL
    or a token that is mostly digits and symbols, else a name or noun by its
    capital, as HanTa guesses unknown words."""
    if _URL.match(word) or _mostly_symbols(word):
        return "XY"
    return "NE" if word[:1].isupper() else "NN"


def _mostly_symbols(word: str) -> bool:
    return 2 * sum(c.isalpha() for c in word) < len(word)


def _punct_tag(word: str) -> str:
    if word in {".", "!", "?", ":", ";", "…"}:
        return "$."
    if word == ",":
        return "$,"
    if word.isdigit():
        return "CARD"
    return "$("


_ABBREVIATIONS = load_word_set("de", "abbreviations")


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Rule-based sentence split on tokens; paragraph breaks always split.

    A sentence-final mark directly followed by a closing quotation mark ends
    the sentence after the mark (``… wiederholt.“ Er sagte``).
    """
    sentences: list[Sentence] = []
    if not tokens:
        return sentences
    para_breaks = sorted([m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + _heading_breaks(text))
    # a dateline or byline is a sentence of its own ("Bremen - Im Prozess …": "Bremen" is no subject)
    dateline_ends = set(datelines.dateline_ends(text))
    pb_idx = 0
    paragraph = 0
    start = 0
    n = len(tokens)

    def close(end: int) -> None:
        nonlocal start
        if end > start:
            sentences.append(
                Sentence(
                    i=len(sentences),
                    start=start,
                    end=end,
                    begin=tokens[start].begin,
                    end_char=tokens[end - 1].end,
                    paragraph=paragraph,
                )
            )
        start = end

    for k in range(n):
        tok = tokens[k]
        # paragraph break between this token and the previous one
        while pb_idx < len(para_breaks) and para_breaks[pb_idx] < tok.begin:
            if k > start and para_breaks[pb_idx] >= tokens[k - 1].end:
                close(k)
            paragraph += 1 if para_breaks[pb_idx] >= (tokens[k - 1].end if k else 0) else 0
            pb_idx += 1
        if k < start:
            continue
        if k > start and (_heading_break(text, tokens[k - 1], tok) or tok.begin in dateline_ends):
            close(k)
        number_dot = tok.text.endswith(".") and tok.text[:-1].isdigit() and k + 1 < n
        if number_dot and tok.text != ".":
            # "im Sommer 2009." / "auf Platz 3." end a sentence when a function
            # word follows ("2009. Die Anwältin …"); "am 3. Oktober" stays one.
            year = len(tok.text) == 5 and 1800 <= int(tok.text[:-1]) <= 2100
            # a year with a dot is no ordinal: "im Jahr 1960. Günther Platter …";
            # nor is a number before a quotation: "in Halle 4. „Vielfalt ist Programm“, erklärte …"
            nxt_upper = tokens[k + 1].text[:1].isupper()
            quote_next = tokens[k + 1].text in '„"»' and k + 2 < n and tokens[k + 2].text[:1].isupper()
            if _opens_sentence(tokens[k + 1]) or (year and nxt_upper) or quote_next:
                close(k + 1)
            continue
        if tok.text in SENTENCE_END or (tok.text.endswith(".") and len(tok.text) > 1 and _is_sentence_dot(tok)):
            end = k + 1
            # swallow closing quotes and repeated marks
            while (
                end < n
                and (tokens[end].text in '“”"»«’‘' or tokens[end].text in SENTENCE_END)
                and (tokens[end].begin == tokens[end - 1].end)
            ):
                end += 1
            if end < n:
                nxt = tokens[end]
                if tok.text == "." and k > 0 and _is_abbreviation(tokens[k - 1]):
                    if not (tokens[k - 1].text.isdigit() and _opens_sentence(nxt)):
                        continue
                if (
                    tok.text == "."
                    and k > 1
                    and _regnal_number(tokens[k - 2], tokens[k - 1])
                    and not _opens_sentence(nxt)
                ):
                    continue  # "Benedikt XVI. „ist und bleibt …“": the dot belongs to the name
                # German sentences start upper-case: „Raus!“ skandierte die Menge.
                if nxt.text[:1].islower():
                    continue
                if nxt.text in {",", ";"}:
                    continue
            close(end)
    close(n)
    for j, s in enumerate(sentences):
        s.i = j
        for t in tokens[s.start : s.end]:
            t.sent = j
    return sentences


def _heading_breaks(text: str) -> list[int]:
    """Line breaks that end a heading run into its paragraph: the heading is
    no part of the first sentence (its words would be read as the subject)."""
    out = []
    for m in _HEADING_LINE.finditer(text):
        words = m.group(1).split()
        if not words:
            continue  # a line of spaces Python knows but the pattern does not (NBSP, U+3000)
        # a heading ends in a name or noun and has no verb; a hard-wrapped
        # first line of running text ("Der Minister sagte am Montag, die") has
        if (
            len(words) <= _HEADING_WORDS
            and words[-1][:1].isupper()
            and words[-1][-1] not in ".!?:;,“”\"'…-–("
            and not any("," in w for w in words)
            and not any(tag_word_bounded(w)[0].endswith("FIN)") for w in words)
        ):
            out.append(m.start(2))
    return out


def _heading_break(text: str, prev: Token, tok: Token) -> bool:
    """A line break after a heading without a final mark ("Wahlverlauf und
    Wahlbeteiligung⏎Wie der Bundeswahlleiter mitteilte, …"): the next line
    opens with a capitalised function word, and the line before does not end
    on a word that needs a continuation (article, preposition, conjunction)."""
    if "\n" not in text[prev.end : tok.begin] or prev.text in SENTENCE_END or prev.text in {",", ";", ":", "-", "–"}:
        return False
    if _table_tag(prev.text.lower()) in {"ART", "APPR", "APPRART", "KON", "KOUS", "PPOSAT", "PDAT", "PIAT"}:
        return False
    return _opens_sentence(tok)


_ROMAN = re.compile(r"[IVX]{1,5}")


def _regnal_number(name: Token, number: Token) -> bool:
    """A Roman numeral after a capitalised name: "Benedikt XVI.", "Ludwig XIV."."""
    return (
        bool(_ROMAN.fullmatch(number.text))
        and name.text[:1].isupper()
        and name.text.isalpha()
        and not name.text.isupper()
    )


def _opens_sentence(tok: Token) -> bool:
    """A capitalised function word ("Die", "Er", "Damals") after a number with
    a dot starts a new sentence; a noun or adjective ("Oktober", "Mal",
    "Deutschen") makes the number an ordinal."""
    if not tok.text[:1].isupper():
        return False
    low = tok.text.lower()
    pos = _table_tag(low)
    return pos in _CLOSED_CLASSES and (pos != "ADV" or low in _sentence_adverbs())


def _table_tag(word: str) -> str:
    """The tag of ``word`` in the shipped tables, "" when they lack it. For
    the closed word classes asked about a lower-cased word: all are in the
    tables, and asking HanTa about a lower-cased name costs a millisecond."""
    known = _known_wordforms_de().get(word)
    return known[0] if known is not None else ""


def _is_sentence_dot(tok: Token) -> bool:
    # "2014." at the end of a sentence is tokenised as one token by spaCy only
    # for ordinals; treat a trailing dot after letters as sentence-final.
    body = tok.text[:-1]
    return body.isalpha() and len(body) > 3 and body.lower() not in _ABBREVIATIONS


def _is_abbreviation(tok: Token) -> bool:
    w = tok.text.lower().rstrip(".")
    return w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or w.isdigit() and len(w) <= 2


def tag_tokens(tokens: list[Token]) -> None:
    """Fill ``tag``, ``lemma``, ``upos`` and ``mood`` in place: HanTa per word form, then context fixes."""
    prev_sent = -1
    prev_text = ""
    known = _known_wordforms_de()
    for t in tokens:
        t.tag, t.lemma = tag_word_bounded(t.text)
        # HanTa reads a capitalised sentence-initial word as a noun ("Gestern",
        # "Auch"); when the lower-case form is a function word, that is it.
        if (
            (t.sent != prev_sent or prev_text in QUOTE_CHARS)
            and t.text[:1].isupper()
            and t.tag in {"NN", "NE", "NNA", "ADJ(A)", "FM", "XY"}
        ):
            # Only the shipped tables are asked about the lower-case form: the
            # function words and adjectives meant here are all in them, and
            # asking HanTa about every unknown first word ("Milinkewitsch")
            # doubled its work on names
            low = known.get(t.lower)
            if low is not None and _first_word_reading(t.lower, *low):
                t.tag, t.lemma = low
        prev_sent = t.sent
        prev_text = t.text
    _retag_in_context(tokens)
    _universal_features(tokens)
    wordform_cache().flush()  # one write per document for what HanTa told us


def _first_word_reading(low: str, low_pos: str, low_lemma: str) -> bool:
    """The lower-case reading of a capitalised first word wins: a function word
    or a predicative adjective. (An unknown name read lower-case is guessed an
    adjective: "Milinkewitsch"; a real predicative adjective has a different
    lemma: "Später" → "spät".)"""
    closed = low_pos in _CLOSED_CLASSES and (low_pos != "ADV" or low in _sentence_adverbs())
    return closed or (low_pos == "ADJ(D)" and low_lemma != low)


def _universal_features(tokens: list[Token]) -> None:
    """What shared code may read: the universal POS of each STTS tag
    (``stts.txt``) and the mood of a finite verb ("k1", "k2", else "ind").
    HanTa's context-free tags give no case: ``case`` stays empty."""
    from .morph import finite_mood

    upos = _universal_pos()
    for t in tokens:
        tag = t.tag
        t.upos = upos.get(tag, "X")
        if tag[-5:] == "(FIN)":
            t.mood = finite_mood(t) or "ind"


@lru_cache(maxsize=1)
def _universal_pos() -> dict[str, str]:
    from ...lexicon import load_lexicon

    return {row[0]: row[1] for row in load_lexicon("de", "stts")}


@lru_cache(maxsize=1)
def _sentence_adverbs() -> frozenset[str]:
    # HanTa guesses "adverb" for unknown lower-cased names ("zypries"): only
    # adverbs from this list count as the reading of a capitalised first word
    from ...lexicon import load_word_set

    return load_word_set("de", "sentence_adverbs")


_CLOSED_CLASSES = frozenset(
    {
        "ADV",
        "APPR",
        "APPRART",
        "KOUS",
        "KON",
        "ART",
        "PDS",
        "PDAT",
        "PPER",
        "PIS",
        "PIAT",
        "PPOSAT",
        "PROAV",
        "PWAV",
        "PWS",
        "PTKNEG",
        "KOKOM",
        "PRF",
        "PTKZU",
    }
)


_ARTICLE_FORMS = load_word_set("de", "article_forms")
_DEMONSTRATIVE_TAGS = frozenset({"PDS", "PRELS", "PDAT"})
_NOMINAL_TAGS = frozenset({"NN", "NE", "NNA", "ADJ(A)", "FM", "TRUNC", "CARD"})
_NAME_PARTICLE = re.compile(r"^(?:al|el|de|di|da|van|von|ibn|bin|ben|ul|ad|as|ash|at|az)-[A-ZÄÖÜ]")


def _retag_in_context(tokens: list[Token]) -> None:
    """Two cheap fixes of the context-free tags, where the next token decides.

    HanTa tags a capitalised "Das"/"Die" (sentence start) as a demonstrative
    pronoun; before a noun or adjective it is the article. Lower-case name
    prefixes ("el-Baradei", "al-Sadr") are names, not adverbs.
    """
    n = len(tokens)
    # (each test starts with a cheap check on the token itself: this loop
    # runs over every token of every article)
    for k, t in enumerate(tokens):
        pos, text = t.tag, t.text
        if (
            pos in _DEMONSTRATIVE_TAGS
            and t.lower in _ARTICLE_FORMS
            and k + 1 < n
            and tokens[k + 1].tag in _NOMINAL_TAGS
        ):
            t.tag = "ART"
        elif (
            pos in {"PDS", "PRELS"}
            and t.lower in _ARTICLE_FORMS
            and k + 2 < n
            and tokens[k + 1].tag in {"ADV", "ADJ(D)"}
            and tokens[k + 2].tag == "ADJ(A)"
            and k + 3 < n
            and tokens[k + 3].tag in _NOMINAL_TAGS
        ):
            t.tag = "ART"  # "Das finanziell angeschlagene Land": an article before a modified adjective
        elif "-" in text and _NAME_PARTICLE.match(text):
            t.tag = "NE"
        elif (pos[:1] == "V" and _name_part_read_as_verb(tokens, k)) or (
            text in _FOREIGN_PARTICLES and _foreign_name_particle(tokens, k)
        ):
            # "Henk Jaap Meijer" ("Henk" read as an imperative), "Confédération
            # générale du Travail", "Gabriel de Sousa": parts of one name
            t.tag = "NE"
        elif pos == "ADJ(A)" and _preterite_read_as_adjective(tokens, k):
            # "Laut X veröffentlichte das Ministerium …": HanTa's one reading of the
            # form is the participle adjective; with no article before it and no
            # noun after it, it is the verb ("veröffentlicht" → "veröffentlichen")
            t.tag, t.lemma = "VV(FIN)", t.lemma[:-1] + "en"


_FOREIGN_PARTICLES = load_word_set("de", "foreign_particles")


def _capitalised_word(t: Token) -> bool:
    return t.text[:1].isupper() and t.text[1:2].isalpha()


def _name_part_read_as_verb(tokens: list[Token], k: int) -> bool:
    """A capitalised word inside a sentence read as a verb, next to another
    capitalised word: German verbs are lower-case there, so it is a name."""
    t = tokens[k]
    if not (_capitalised_word(t) and t.tag[:2] in {"VV", "VA", "VM"}) or k == 0 or tokens[k - 1].sent != t.sent:
        return False
    before = tokens[k - 1]
    if before.text in QUOTE_CHARS or before.text in {":", "(", "–", "-"}:
        return False
    return k + 1 < len(tokens) and _capitalised_word(tokens[k + 1]) and tokens[k + 1].tag in {"NE", "NN", "FM"}


def _foreign_name_particle(tokens: list[Token], k: int) -> bool:
    """ "de", "du", "la" between two capitalised words: "Ponte de Lima"."""
    return (
        0 < k < len(tokens) - 1
        and tokens[k].text in _FOREIGN_PARTICLES
        and _capitalised_word(tokens[k - 1])
        and _capitalised_word(tokens[k + 1])
    )


_ATTRIBUTIVE_BEFORE = frozenset(
    {"ART", "PDAT", "PIAT", "PPOSAT", "APPRART", "ADV", "ADJ(A)", "ADJ(D)", "PTKNEG", "CARD", "PIDAT"}
)
_NOMINAL_AFTER = frozenset({"NN", "NE", "NNA", "ADJ(A)", "FM", "CARD", "TRUNC", "XY", "$("})


def _preterite_read_as_adjective(tokens: list[Token], k: int) -> bool:
    t = tokens[k]
    if (
        t.tag != "ADJ(A)"
        or not t.text[:1].islower()
        or not t.lower.endswith(("te", "ten"))
        or not t.lemma.endswith("t")
    ):
        return False
    before = tokens[k - 1] if k else None
    if before is None or (before.tag in _ATTRIBUTIVE_BEFORE and "." not in before.text):  # ("nachrichten.de" is a name)
        return False
    # (an attributive adjective never stands before a pronominal adverb: "skandierten dabei Parolen")
    return k + 1 < len(tokens) and tokens[k + 1].tag in {
        "ART",
        "PPER",
        "PPOSAT",
        "PDAT",
        "PIAT",
        "PIS",
        "PDS",
        "PRELS",
        "PROAV",
    }


def parse(text: str) -> Doc:
    """German text → tokens (spaCy's blank German tokenizer), sentences, STTS tags and lemmas."""
    tokens = tokenize(text, "de")
    with hanta_allowance(len(text)):
        sentences = split_sentences(text, tokens)
        check_budget()
        tag_tokens(tokens)
    return Doc(text=text, tokens=tokens, sentences=sentences, lang="de")
