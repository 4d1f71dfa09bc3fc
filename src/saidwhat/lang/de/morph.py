"""Token classes and German verb mood, on HanTa's context-free STTS tags.

HanTa tags each word form once (cached), so a tag is the form's most likely
reading; these helpers add what it lacks: Konjunktiv detection and a few
closed word classes the stages test for.
"""

from __future__ import annotations

from functools import lru_cache

from ...lexicon import load_word_set
from ...nlp import Token
from .lexicons import konjunktiv_forms

NOUN_TAGS = frozenset({"NN", "NE", "FM", "XY", "NNA"})
# tags that may sit inside a noun phrase before or after its head
NP_TAGS = frozenset(
    {"ART", "ADJ(A)", "NN", "NE", "NNA", "FM", "PPOSAT", "PDAT", "PIAT", "CARD", "TRUNC", "XY", "PIDAT"}
)
PRONOUN_TAGS = frozenset({"PPER", "PIS", "PDS"})
CLAUSE_STARTERS = load_word_set("de", "clause_starters")
WH_WORDS = CLAUSE_STARTERS - {"dass", "daß", "ob", "weil"}


def is_finite(t: Token) -> bool:
    return t.tag.endswith("(FIN)")


def maybe_finite(t: Token) -> bool:
    """Finite, or an infinitive form that is also the finite plural ("sie nutzen")."""
    return t.tag.endswith("(FIN)") or (t.tag.endswith("(INF)") and t.tag[:2] in {"VV", "VA", "VM"})


def is_verb(t: Token) -> bool:
    return t.tag.startswith("V")


def is_noun(t: Token) -> bool:
    return t.tag in NOUN_TAGS or (t.text[:1].isupper() and t.tag in {"ADJ(A)", "ADJ(D)"} and t.i > 0)


def is_punct(t: Token) -> bool:
    return t.tag.startswith("$")


@lru_cache(maxsize=50_000)
def _mood(form: str, lemma: str, tag: str) -> str | None:
    low = form.lower()
    known = konjunktiv_forms().get(low)
    if known:
        return known
    if not tag.endswith("(FIN)") or tag.startswith("VA") or tag.startswith("VM"):
        return None
    lem = lemma.lower()
    # Konjunktiv I 3rd person singular: stem + e ("er komme", "sie umfasse");
    # the indicative is stem + t, so the form is unambiguous except for
    # "ich" (checked by the caller) and verbs HanTa lemmatises wrongly.
    if lem.endswith("eln") or lem.endswith("ern"):
        stem = lem[:-1]
        return "k1" if low in (stem + "e", lem[:-3] + "le", lem[:-3] + "re") else None
    if lem.endswith("en") and len(lem) > 3:
        stem = lem[:-2]
        if low == stem + "e" or low == stem + "est":
            return "k1"
    return None


def finite_mood(t: Token) -> str | None:
    """The Konjunktiv of a form out of context: ``"k1"``, ``"k2"`` or None."""
    return _mood(t.text, t.lemma, t.tag)


def mood(t: Token, prev: Token | None = None) -> str | None:
    """``"k1"``, ``"k2"`` (reported-speech Konjunktiv II) or None."""
    m = _mood(t.text, t.lemma, t.tag)
    if m and prev is not None and prev.lower == "ich":
        return None  # "ich habe", "ich komme": indicative first person
    return m
