"""German speaker names for :mod:`saidwhat.speakers`: pronouns, articles, titles, word classes.

(Also what :mod:`saidwhat.quotegroups` asks: role nouns, negations.)

The shared engine cleans a mention and decides whether it is a personal
name; which words are pronouns, articles, name particles and titles
(``speaker_titles.txt``), and which STTS tags a word of a name never has, is
German and lives here.
"""

from __future__ import annotations

from functools import lru_cache

from ...lexicon import load_word_set
from ...speakers import COMMON_NOUN, NOT_A_NAME, PROPER_NOUN, SpeakerNames
from .lexicons import is_speaker_noun

# Pronouns and determiners that never name a speaker on their own.
PRONOUNS = load_word_set("de", "name_pronouns")
# Pronouns that the ingest may resolve to the previous named speaker of the
# same article when the extractor gave no ``speaker_entity``.
SINGULAR_PRONOUNS = frozenset({"er", "sie"})
# Lower-case particles inside names: "Ursula von der Leyen", "Vincent van Gogh".
PARTICLES = load_word_set("de", "name_link_particles")
# STTS tags (prefixes) that a word of a personal name never has: "Offiziellen
# Angaben", "Seiner Meinung", "Demnach" are capitalised at a sentence start only.
_NOT_NAME_TAGS = ("ADJ", "ADV", "ART", "PPOS", "PPER", "PRO", "PD", "PI", "PRE", "APPR", "KO", "V", "CARD")


@lru_cache(maxsize=65536)
def _tagged(token: str) -> tuple[str, str]:
    """(STTS tag, lemma) of a word out of context; ("", token) if the tagger fails."""
    from .tagger import tag_word_de

    try:
        tag, lemma = tag_word_de(token)
        return str(tag), str(lemma)
    except Exception:  # a tagger hiccup must not stop an ingest
        return "", token


def word_class(token: str) -> str:
    """The word's class for name rules, from its context-free STTS tag."""
    tag = _tagged(token)[0]
    if tag == "NE":
        return PROPER_NOUN
    if tag == "NN":
        return COMMON_NOUN
    if tag.startswith(_NOT_NAME_TAGS):
        return NOT_A_NAME
    return tag  # "" (unknown) or a class the rules do not test


def is_genitive(token: str) -> bool:
    """ "Islands", "Celebis": a name with the genitive -s (its lemma lacks the s)."""
    return token.endswith("s") and _tagged(token)[1] == token[:-1]


@lru_cache(maxsize=1)
def speaker_names() -> SpeakerNames:
    return SpeakerNames(
        pronouns=PRONOUNS,
        singular_pronouns=SINGULAR_PRONOUNS,
        articles=load_word_set("de", "determiners"),
        particles=PARTICLES,
        titles=frozenset(t.lower() for t in load_word_set("de", "speaker_titles")),
        title_prefixes=("ex",),
        word_class=word_class,
        is_genitive=is_genitive,
        is_role_noun=is_speaker_noun,
        negations=load_word_set("de", "negations"),
    )
