"""Speaker names: what a language says about them, and how a mention is cleaned.

Three modules handle speakers across articles (issue 15):

* this one: the language's name rules (:class:`SpeakerNames`; German:
  ``lang/de/names.py`` and its lexicons) and :func:`parse_mention`, which
  strips titles and appositions from a mention ("NATO-Generalsekretär
  Stoltenberg, 63, …" → "Stoltenberg"; quote groups and corrections use it);
* :mod:`saidwhat.speaker_identity`: what a statement's speaker is (a person,
  a bare name, an organisation, a group, a description, or nobody), from its
  entity and its mention;
* :mod:`saidwhat.speaker_merge`: which stored speaker that is, incrementally
  (the rules are listed there and in docs/store.md, "Speakers").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_PARENS = re.compile(r"\([^)]*\)?")
_APPOSITION = re.compile(r"\s*[,;(]\s*|\s+[–—-]\s+")
_STRIP = " \t\n,;:.-–—\"'„“”»«‚‘’()[]"
_UPPER = re.compile(r"^[A-ZÄÖÜ]")

# Word classes a language's ``word_class`` answers with.
PROPER_NOUN = "PROPN"
COMMON_NOUN = "NOUN"
NOT_A_NAME = "OTHER"  # a class a word of a personal name never has (adjective, verb, pronoun, …)


def _never(word: str) -> bool:
    return False


@dataclass(frozen=True)
class SpeakerNames:
    """What merging speakers needs to know about one language's names.

    German: ``saidwhat/lang/de/names.py``. ``word_class`` gives a word's class
    out of context: :data:`PROPER_NOUN`, :data:`COMMON_NOUN`,
    :data:`NOT_A_NAME`, "" when unknown (no tagger), anything else otherwise;
    ``is_genitive`` says whether a capitalised word is a name in the genitive
    ("Islands" before "Regierung").
    """

    pronouns: frozenset[str]  # pronouns and determiners that never name a speaker on their own
    singular_pronouns: frozenset[str]  # resolved to the previous named speaker of the article
    articles: frozenset[str]  # dropped at the start of a mention
    particles: frozenset[str]  # lower-case words inside names ("von der Leyen")
    titles: frozenset[str]  # titles and roles stripped before a name (lower case)
    title_prefixes: tuple[str, ...]  # prefixes of a title's compound head ("Ex-Kanzlerin")
    word_class: Callable[[str], str]
    is_genitive: Callable[[str], bool]
    is_role_noun: Callable[[str], bool]  # a noun naming a role, not a person ("Sprecher", "Bahnsprecher")
    negations: frozenset[str]  # words that negate a statement ("nicht"): quotes differing in one differ
    # words after a name where its apposition starts ("Priya Nair of Bellmont Securities"): cut there
    name_cut_words: frozenset[str] = frozenset()
    # What telling speakers apart across articles needs (saidwhat.speaker_identity):
    first_names: frozenset[str] = frozenset()  # known given names ("Angela")
    source_nouns: frozenset[str] = frozenset()  # "angaben", "sprecher": "Angaben der Polizei" names the police
    type_nouns: frozenset[str] = frozenset()  # "nachrichtenagentur": a kind of body before its name
    nobody_nouns: frozenset[str] = frozenset()  # lemmas naming no speaker ("meinung", "angabe")
    place_adjectives: frozenset[str] = frozenset()  # "spanisch": a qualifier saying which body
    unique_bodies: frozenset[str] = frozenset()  # "bundesverfassungsgericht": one across the archive
    places: frozenset[str] = frozenset()  # place names ("Bremen"): never what "er"/"sie" stand for
    body_name_ends: frozenset[str] = frozenset()  # "times", "watch": a name ending so is a body's
    name_inner_words: frozenset[str] = frozenset()  # "ohne" of "Ärzte ohne Grenzen"
    place_prepositions: frozenset[str] = frozenset()  # "im" of "die Opposition im Iran"
    possessives: frozenset[str] = frozenset()  # "seinen Kritikern": someone else than the possessor
    feminine_endings: tuple[str, ...] = ()  # "schaft", "ung": nouns "er" never stands for
    person_endings: tuple[str, ...] = ()  # "er", "erin": nouns for people ("Mitarbeiter"), not bodies
    masculine_pronoun: str = ""  # "er"
    feminine_pronoun: str = ""  # "sie"
    own_possessives: frozenset[str] = frozenset()  # "eigenen": "eigenen Angaben" is the possessor's own
    genitive_articles: frozenset[str] = frozenset()  # "der", "des": "Kinderhilfswerk der Vereinten Nationen"
    group_joiners: frozenset[str] = frozenset()  # "und": "AFP und Reuters" is a group
    lemma: Callable[[str], str] = str  # the word's dictionary form ("Beobachtern" → "Beobachter")
    key_word: Callable[[str], str] = str.casefold  # the form names are compared by ("Amtes" → "amt")
    is_adjective: Callable[[str], bool] = _never  # an adjective ("spanische", "oberste")
    # German writes every noun capitalised, English only names: there a phrase in lower case
    # ("the regional government") is a description, which the name rules would not see
    nouns_capitalised: bool = True
    feminine_names: frozenset[str] = frozenset()  # given names of women ("Angela"): never what "er" stands for
    masculine_names: frozenset[str] = frozenset()  # given names of men ("Horst"): never what "sie" stands for
    plural_article: str = ""  # "die" before a person noun of no feminine ending: "die Wissenschaftler", several
    plural_person_endings: tuple[str, ...] = ()  # "er", "innen": after the plural article, several people


def _unknown_word(word: str) -> str:
    return ""


# For a language the registry does not know: mentions are kept as written.
NO_NAME_RULES = SpeakerNames(
    frozenset(), frozenset(), frozenset(), frozenset(), frozenset(), (), _unknown_word, _never, _never, frozenset()
)


def names_for(lang: str | None) -> SpeakerNames:
    """The registered language's name rules (:data:`NO_NAME_RULES` for an unregistered one)."""
    from . import lang as languages

    if lang is None or lang not in languages.SUPPORTED_LANGUAGES:
        return NO_NAME_RULES
    return languages.get(lang).speaker_names()


def _is_title(token: str, names: SpeakerNames) -> bool:
    t = token.strip(_STRIP.replace(".", "")).lower()
    tl = names.titles
    if t in tl or t.rstrip(".") in tl:
        return True
    # "NATO-Generalsekretär", "US-Präsident", "Ex-Kanzlerin": the head of a
    # hyphenated compound decides.
    if "-" in t:
        head = t.rsplit("-", 1)[1]
        return head in tl or any(head.startswith(p) and head[len(p) :] in tl for p in names.title_prefixes)
    return False


def _is_cap(token: str) -> bool:
    return bool(_UPPER.match(token))


def norm(s: str) -> str:
    """Comparison key: case-folded, whitespace collapsed."""
    return " ".join(s.casefold().split())


@dataclass(frozen=True)
class Mention:
    """A cleaned speaker mention."""

    name: str  # display form, titles and appositions removed
    person: bool  # looks like a personal name (or a single proper noun)
    surname: str = ""  # normalised last name part ("" unless person)
    first: str = ""  # normalised given names ("" when only the surname is known)


def _clean_part(part: str, names: SpeakerNames) -> list[str]:
    tokens = [t.strip(_STRIP.replace(".", "")) for t in part.split()]
    tokens = [t for t in tokens if t]
    while tokens and tokens[0].lower() in names.articles:
        tokens = tokens[1:]
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        # "frühere US-Präsident Donald Trump": adjectives before a title go with it.
        if not _is_cap(tokens[0]) and len(tokens) > 2 and _is_title(tokens[1], names) and _is_cap(tokens[2]):
            tokens = tokens[1:]
            changed = True
        # Strip a title only when a capitalised word follows ("Präsident Putin"),
        # not in "Sprecher der Polizei" where the role is all we have.
        if _is_title(tokens[0], names) and len(tokens) > 1 and _is_cap(tokens[1]):
            tokens = tokens[1:]
            changed = True
    return tokens


def _name_like(tokens: list[str], names: SpeakerNames) -> bool:
    if not tokens or len(tokens) > 5 or not _is_cap(tokens[-1]) or not _is_cap(tokens[0]):
        return False
    for t in tokens:
        if any(c.isdigit() for c in t) or _is_title(t, names):
            return False
        if not _is_cap(t) and t.lower() not in names.particles:
            return False
        if _is_cap(t) and names.word_class(t) == NOT_A_NAME:
            return False
    if len(tokens) == 1:
        return True
    # A genitive before a noun is no name: "Islands Regierung", "Celebis Angaben".
    if names.is_genitive(tokens[0]) and names.word_class(tokens[-1]) == COMMON_NOUN:
        return False
    # A first name is a proper noun: "Angela Merkel", not "Regierung Bush"
    # or "Berliner Polizei". (The surname may be tagged as a noun: "Biden".)
    return names.word_class(tokens[0]) in (PROPER_NOUN, "")


def _name_suffix(tokens: list[str], names: SpeakerNames) -> list[str] | None:
    """The longest full name (two to four words) that ends ``tokens``."""
    for k in range(min(4, len(tokens) - 1), 1, -1):
        tail = tokens[-k:]
        if _name_like(tail, names):
            return tail
    return None


def _strip_role_nouns(tokens: list[str], names: SpeakerNames) -> list[str]:
    """ "Commander Randy Henderson" → "Randy Henderson": a noun before a full name."""
    while (
        len(tokens) > 2
        and names.word_class(tokens[0]) == COMMON_NOUN
        and names.word_class(tokens[1]) == PROPER_NOUN
        and _is_cap(tokens[2])
    ):
        tokens = tokens[1:]
    return tokens


def _cut_apposition(tokens: list[str], names: SpeakerNames) -> list[str]:
    """ "Analyst Priya Nair of Bellmont Securities" → "Analyst Priya Nair": cut at a word of
    ``names.name_cut_words`` when what comes before it holds a name; "a spokeswoman for the union"
    stays whole (no name before "for")."""
    for i, token in enumerate(tokens[1:], 1):
        if token.lower() in names.name_cut_words:
            before = tokens[:i]
            return before if _name_like(before, names) or _name_suffix(before, names) else tokens
    return tokens


def parse_mention(text: str | None, lang: str = "de") -> Mention | None:
    """Clean a speaker mention of a ``lang`` article; None for pronouns and empty mentions."""
    if not text:
        return None
    names = names_for(lang)
    t = " ".join(text.split()).strip(_STRIP)
    if not t or t.lower() in names.pronouns:
        return None
    # Parentheses hold a party or place ("Klaus Wowereit (SPD)"), never the name.
    t = _PARENS.sub(" ", t).strip(_STRIP)
    parts = [p for p in _APPOSITION.split(t) if p and p.strip(_STRIP)]
    cleaned = [_strip_role_nouns(_clean_part(p, names), names) for p in parts[:4]]
    cleaned = [_cut_apposition(c, names) for c in cleaned if c]
    if not cleaned:
        return None
    # Prefer the first part that is a name: "Ein Sprecher der Polizei, Lars
    # Beringer" → "Lars Beringer"; "Stoltenberg, 63, ein …" → "Stoltenberg";
    # then a full name ending a description ("Berlins Regierender
    # Bürgermeister Klaus Wowereit" → "Klaus Wowereit").
    tokens = next((c for c in cleaned if _name_like(c, names)), None)
    if tokens is None:
        tokens = next((n for n in (_name_suffix(c, names) for c in cleaned) if n), cleaned[0])
    if len(tokens) == 1 and tokens[0].lower() in names.pronouns:
        return None
    name = " ".join(tokens)[:120]
    if _name_like(tokens, names):
        # Surname = last token plus preceding particles ("von der Leyen").
        i = len(tokens) - 1
        while i > 1 and tokens[i - 1].lower() in names.particles:
            i -= 1
        return Mention(name=name, person=True, surname=norm(" ".join(tokens[i:])), first=norm(" ".join(tokens[:i])))
    return Mention(name=name, person=False)


def best_mention(entity: str | None, speaker_text: str | None, lang: str = "de") -> str | None:
    """What names the speaker: the extractor's entity, unless the mention says more.

    An entity that is a bare surname ("Weber") loses to a speaker text with a
    full name of the same surname ("Bürgermeisterin Anna Weber"): otherwise
    Anna and Karl Weber would be one speaker.
    """
    entity = entity.strip() if entity else None
    if not entity:
        return speaker_text or None
    if speaker_text:
        e, t = parse_mention(entity, lang), parse_mention(speaker_text, lang)
        if e and t and e.person and t.person and not e.first and t.first and e.surname == t.surname:
            return speaker_text
    return entity


def _first_compatible(a: str, b: str) -> bool:
    """ "angela" ~ "angela", "a." ~ "angela"; different first names differ."""
    if a == b:
        return True
    fa, fb = a.split()[0], b.split()[0]
    if fa.endswith(".") or fb.endswith("."):
        return fa[0] == fb[0]
    return False
