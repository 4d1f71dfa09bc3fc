"""English speaker names for :mod:`saidwhat.speakers`: pronouns, articles, titles, word classes.

(Also what :mod:`saidwhat.quotegroups` asks: role nouns, negations.)

The shared engine cleans a mention and decides whether it is a personal name;
what is English lives here and in plain word lists: pronouns
(``name_pronouns.txt``), articles dropped at the start (``name_articles.txt``),
particles inside names (``name_link_particles.txt``: "von der Leyen", "bin"),
titles stripped before a name (``speaker_titles.txt``: "Sen.", "President",
"Gov."), role nouns (``role_nouns.txt``: "spokeswoman", "carmaker", "union"),
words where a name's apposition starts (``name_cut_words.txt``: "Priya Nair of
Bellmont Securities"), words never part of a name (``not_name_words.txt``) and
negations (``negations.txt``).

No tagger is loaded: the word class of a word out of context comes from the
lists alone (the store and the server ask for it, and English has no cheap
context-free tagger): a listed function word, or an adverb by its ending
("Separately", "Reportedly"), is :data:`~saidwhat.speakers.NOT_A_NAME`; a role
noun is a :data:`~saidwhat.speakers.COMMON_NOUN`; any other word is unknown
(""), which the name rules accept as part of a name.
"""

from __future__ import annotations

from functools import lru_cache

from ...lexicon import load_word_set
from ...speakers import COMMON_NOUN, NOT_A_NAME, SpeakerNames

# Endings of English adverbs that open sentences ("Separately", "Previously",
# "Reportedly", "Similarly"), from seven letters on. Not a bare "-ly": Kelly,
# Emily, Beverly, Connolly are names.
ADVERB_ENDINGS = ("ally", "ately", "ently", "antly", "ously", "edly", "ively", "ingly", "arly", "fully", "ibly", "ably")
MIN_ADVERB_CHARS = 7
# Resolved to the previous named speaker of the same article when the extractor gave no entity.
SINGULAR_PRONOUNS = frozenset({"he", "she"})
_APOSTROPHES = ("'s", "’s")


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    return load_word_set("en", "not_name_words")


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    return load_word_set("en", "role_nouns")


def _bare(token: str) -> str:
    return token.strip(".,;:!?\"'“”‘’()").lower()


def word_class(token: str) -> str:
    """The word's class for the name rules, from the word lists (see the module docstring)."""
    word = _bare(token)
    if word in _not_name_words():
        return NOT_A_NAME
    if len(word) >= MIN_ADVERB_CHARS and word.endswith(ADVERB_ENDINGS):
        return NOT_A_NAME
    if is_role_noun(word):
        return COMMON_NOUN
    return ""  # unknown: a name, or a word the lists do not hold


def is_genitive(token: str) -> bool:
    """ "Britain's", "Harcourt’s": a name with the possessive 's."""
    return token.endswith(_APOSTROPHES) and len(token) > 2


def is_role_noun(word: str) -> bool:
    """ "spokeswoman", "officials", "carmaker", "vice-chairman" (the last part of a hyphenated word decides)."""
    w = _bare(word)
    nouns = _role_nouns()
    return w in nouns or w.rsplit("-", 1)[-1] in nouns


@lru_cache(maxsize=1)
def speaker_names() -> SpeakerNames:
    return SpeakerNames(
        pronouns=load_word_set("en", "name_pronouns"),
        singular_pronouns=SINGULAR_PRONOUNS,
        articles=load_word_set("en", "name_articles"),
        particles=load_word_set("en", "name_link_particles"),
        titles=load_word_set("en", "speaker_titles"),
        title_prefixes=(),
        word_class=word_class,
        is_genitive=is_genitive,
        is_role_noun=is_role_noun,
        negations=load_word_set("en", "negations"),
        name_cut_words=load_word_set("en", "name_cut_words"),
        source_nouns=load_word_set("en", "source_nouns"),
        nouns_capitalised=False,
    )
