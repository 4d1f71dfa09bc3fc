"""German speaker names for :mod:`saidwhat.speakers`: pronouns, articles, titles, word classes.

(Also what :mod:`saidwhat.quotegroups` asks: role nouns, negations.)

The shared engine cleans a mention and decides whether it is a personal
name; which words are pronouns, articles, name particles and titles
(``speaker_titles.txt``), and which STTS tags a word of a name never has, is
German and lives here.
"""

from __future__ import annotations

from functools import lru_cache

from ...lexicon import load_lexicon, load_word_set
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


# Given names (first_names.txt: name and gender): the tagger reads some as nouns ("Barack").
FIRST_NAMES = frozenset(row[0] for row in load_lexicon("de", "first_names"))
_GENDERED_NAMES = load_lexicon("de", "first_names")


def word_class(token: str) -> str:
    """The word's class for name rules, from its context-free STTS tag; a known given name is a proper noun."""
    if token in FIRST_NAMES:
        return PROPER_NOUN
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


def lemma(token: str) -> str:
    """The tagger's lemma ("Beobachtern" → "Beobachter", "Amtes" → "Amt")."""
    return _tagged(token)[1] or token


def is_adjective(token: str) -> bool:
    return _tagged(token)[0].startswith("ADJ")


_ADJECTIVE_ENDINGS = ("en", "er", "es", "em", "e")


def key_word(token: str) -> str:
    """How a word of a name is compared: lemma of nouns, stem of adjectives, genitive -s cut from names.

    "Auswärtigen Amtes" and "Auswärtige Amt" both give "auswärtig amt";
    "Bundesverfassungsgerichts" gives "bundesverfassungsgericht".
    """
    tag, found = _tagged(token)
    if tag == "NN":
        return found.casefold()
    if tag == "NNA" or tag.startswith("ADJ"):
        return _adjective_stem(found.casefold())
    if is_genitive(token):
        return token[:-1].casefold()
    return token.casefold()


def _adjective_stem(word: str) -> str:
    """ "spanische", "auswärtigen", "deutscher" → "spanisch", "auswärtig", "deutsch"."""
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _places() -> frozenset[str]:
    """Place names, as the extractor's pronoun agreement reads them: the NER gazetteer and places.txt."""
    from .learn.ner import gazetteer  # lazy, as in entities.py

    return frozenset(gazetteer()) | load_word_set("de", "places")


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
        first_names=FIRST_NAMES,
        source_nouns=load_word_set("de", "source_nouns") | load_word_set("de", "speaker_source_words"),
        type_nouns=load_word_set("de", "speaker_type_nouns"),
        nobody_nouns=load_word_set("de", "nobody_nouns"),
        place_adjectives=load_word_set("de", "place_adjectives"),
        unique_bodies=load_word_set("de", "unique_bodies"),
        places=_places(),
        name_inner_words=load_word_set("de", "name_inner_words"),
        place_prepositions=load_word_set("de", "place_prepositions"),
        possessives=load_word_set("de", "possessives"),
        feminine_endings=tuple(sorted(load_word_set("de", "feminine_noun_endings"))),
        person_endings=("er", "erin", "innen", "ern"),
        masculine_pronoun="er",
        feminine_pronoun="sie",
        own_possessives=frozenset({"eigenen", "eigener", "eigenem", "eigene"}),
        genitive_articles=load_word_set("de", "genitive_articles"),
        group_joiners=load_word_set("de", "group_joiners"),
        body_name_ends=load_word_set("de", "body_name_ends"),
        lemma=lemma,
        key_word=key_word,
        is_adjective=is_adjective,
        feminine_names=frozenset(row[0] for row in _GENDERED_NAMES if row[1:2] == ("f",)),
        masculine_names=frozenset(row[0] for row in _GENDERED_NAMES if row[1:2] == ("m",)),
        plural_article="die",
        plural_person_endings=("er", "innen"),
    )
