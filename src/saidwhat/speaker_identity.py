"""Who a statement's speaker is, read from its entity and its mention (issue 15).

The extractor gives each statement a speaker mention (the words of the text:
"Frankreichs Staatspräsident Nicolas Sarkozy", "Angaben der Polizei", "er")
and an entity (who it resolved the mention to: "Sarkozy", "Polizei", "Merkel").
Before a store can merge speakers across articles it must know what kind of
speaker that is, because the kinds merge by different rules
(:mod:`saidwhat.speakers`):

* a **person** ("Angela Merkel") or a **bare name** ("Merkel", "Reuters": one
  capitalised name that does not yet say whether it is a person or a body);
* an **organisation** named by a proper name ("Deutsche Welle", "NASA",
  "Human Rights Watch (HRW)", "die Nachrichtenagentur Reuters") or one of the
  bodies there is only one of (``unique_bodies.txt``);
* a **group** of sources written together ("AFP und Reuters", "SPD und PDS"):
  never one of its members;
* a **description** ("die Polizei", "Beobachter", "die spanische Regierung"):
  the same words name a different body in each article unless a qualifier
  says which ("spanische"), so only qualified ones carry a key;
* **nobody**: adverbs ("Danach"), "Angaben" words ("Polizeiangaben", "offizielle
  Angaben"), abstract nouns ("Meinung"), fragments ("O"). :func:`identify`
  returns None for them.

Each rule is a small function below, with why it exists. The language's words
(titles, source nouns, type nouns, place adjectives, …) come from its
:class:`~saidwhat.speakers.SpeakerNames`; German: ``lang/de/names.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .lexicon import longest_suffix_entry
from .speakers import COMMON_NOUN, NOT_A_NAME, PROPER_NOUN, SpeakerNames, _is_title, names_for, norm

PERSON = "person"
ORGANISATION = "organisation"
GROUP = "group"
DESCRIPTION = "description"
NAME = "name"  # a bare name: a person's surname or a body's name, not known which yet

MAX_NAME_CHARS = 120
_QUOTES = "\"'„“”»«‚‘’"
_EDGE = " \t\n,;:.–—-" + _QUOTES + "[]"
_PARENS = re.compile(r"\(([^()]*)\)?")
_ABBREVIATION = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜa-z]{0,1}[A-ZÄÖÜ]{1,6}|[a-z]{2,4}")  # "WHO", "HRW", "ai", "IAEO"
_PREFIXED_NAME = re.compile(r"^[a-z]{1,3}-[A-ZÄÖÜ]")  # "el-Baradei", "al-Assad"
_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")  # "George W. Bush"
_QUOTED = re.compile(r'[„»«"]([^“”»«"]*)[“”»«"]')  # „Der Spiegel“


@dataclass(frozen=True)
class Identity:
    """What a speaker mention names, ready to be matched against the store's speakers."""

    kind: str  # PERSON, NAME, ORGANISATION, GROUP or DESCRIPTION
    name: str  # display form ("Angela Merkel", "Spanische Regierung")
    key: str = ""  # what it merges by across articles; "" = never across articles
    surname: str = ""  # PERSON and NAME: the last name, lower case, particles dropped
    first: str = ""  # PERSON: the given names, lower case
    roles: tuple[str, ...] = ()  # titles written with it ("bundeskanzlerin"): evidence for a bare surname
    also: tuple[str, ...] = ()  # more keys it is known by (an abbreviation: "who")


@dataclass(frozen=True)
class _Text:
    """A mention or entity cut into words, with what its brackets said."""

    words: tuple[str, ...]
    abbreviation: str  # "(WHO)" after a name
    abbreviation_after: int  # the index of the word it follows (-1: none)
    quoted: frozenset[str]  # the words in quotation marks („Der Spiegel“): written as a name


def _read(text: str | None) -> _Text | None:
    if not text or not text.strip():
        return None
    abbreviation, after = "", -1
    quoted = frozenset(w.strip(_EDGE) for part in _QUOTED.findall(text) for w in part.split())
    words: list[str] = []
    for raw in _PARENS.sub(lambda m: " \x00" + m.group(1).replace(" ", "_") + " , ", text).split():
        if raw.startswith("\x00"):
            inner = raw[1:].strip("_ ")
            if not abbreviation and _ABBREVIATION.fullmatch(inner):
                abbreviation, after = inner, len(words) - 1
            continue
        word = raw.strip(_EDGE.replace(".", "").replace(",", "")).strip(_QUOTES)
        if raw.rstrip(_QUOTES).endswith((",", ";", ":")) and word.rstrip(",;:"):
            words.extend([word.rstrip(",;:"), ","])
        elif word:
            words.append(word)
    while words and words[-1] == ",":
        words.pop()
    return _Text(tuple(words), abbreviation, after, quoted)


# ---------------------------------------------------------------- word tests


def _is_cap(word: str) -> bool:
    return bool(word) and (word[0].isupper() or bool(_PREFIXED_NAME.match(word)))


def _is_acronym(word: str) -> bool:
    """ "NASA", "WHO", "EU", "dpa": bodies are often written so, people never."""
    letters = word.replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def _ends_with_any(word: str, nouns: frozenset[str], names: SpeakerNames) -> bool:
    """ "Presseagenturen" ends with "agentur" (its lemma does): compounds count, as in the lexicons' headers."""
    if not word[:1].isalpha() or not word[:1].isupper():
        return False
    return any(
        w in nouns or longest_suffix_entry(w, nouns, min_length=5, min_rest=3) is not None
        for w in {word.casefold(), names.lemma(word).casefold()}
    )


def _is_source_word(word: str, names: SpeakerNames) -> bool:
    """ "Angaben", "Bericht", "Sprecher": the word before the one whose words they are."""
    return _ends_with_any(word, names.source_nouns, names)


def _is_type_noun(word: str, names: SpeakerNames) -> bool:
    """ "Nachrichtenagentur", "Tageszeitung": the kind of body before its name."""
    return _ends_with_any(word, names.type_nouns, names)


def _is_determiner(word: str, names: SpeakerNames) -> bool:
    return word.casefold() in names.articles or word.casefold() in names.pronouns


def _is_first_name(word: str, names: SpeakerNames) -> bool:
    """A known given name ("Angela"; "Karl-Theodor" by its first part)."""
    return word in names.first_names or word.split("-", 1)[0] in names.first_names


def _is_nobody_word(word: str, names: SpeakerNames) -> bool:
    """ "Meinung", "Erkenntnissen", "Polizeiangaben": an abstract noun, not a speaker."""
    lemma = names.lemma(word).casefold()
    return (
        lemma in names.nobody_nouns
        or longest_suffix_entry(lemma, names.nobody_nouns, min_length=6, min_rest=0) is not None
    )


def _stops_a_name(word: str, names: SpeakerNames) -> bool:
    """Words a name never holds: titles, roles, kinds of body, source nouns, determiners, commas."""
    return (
        word == ","
        or _is_determiner(word, names)
        or _is_title(word, names)
        or names.is_role_noun(word)
        or _is_type_noun(word, names)
        or _is_source_word(word, names)
    )


def _is_name_word(word: str, names: SpeakerNames) -> bool:
    """A word of a personal name: capitalised, no common noun (unless a known given name), or an initial."""
    if _INITIAL.match(word) or _is_first_name(word, names) or _PREFIXED_NAME.match(word):
        return True
    if not _is_cap(word) or _stops_a_name(word, names) or any(c.isdigit() for c in word):
        return False
    return names.word_class(word) not in (COMMON_NOUN, NOT_A_NAME)


# ---------------------------------------------------------------- keys


def name_key(words: list[str] | tuple[str, ...], names: SpeakerNames) -> str:
    """What two names of one body share however inflected: "Auswärtigen Amtes" = "Auswärtige Amt"."""
    return " ".join(names.key_word(w) for w in words if w != "," and not _is_determiner(w, names))


def _surname_key(words: list[str] | tuple[str, ...], names: SpeakerNames) -> str:
    """The last name without its particles: "Zu Guttenberg", "von der Leyen" → "guttenberg", "leyen"."""
    kept = [w for w in words if w.casefold() not in names.particles]
    return norm(kept[-1]) if kept else ""


def _display(words: list[str] | tuple[str, ...]) -> str:
    text = " ".join(w for w in words if w != ",")[:MAX_NAME_CHARS]
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- the rules


def identify(entity: str | None, mention: str | None, lang: str = "de") -> Identity | None:
    """The speaker a statement names, or None when it names nobody (or only a pronoun)."""
    names = names_for(lang)
    written, resolved = _read(mention), _read(entity)
    if written is None or norm(" ".join(written.words)) in names.pronouns:
        if resolved is None or (written is not None and _pronoun_never_means(written, resolved, names)):
            return None
        return _identity(resolved, None, names) or _lower_case_description(resolved, names)
    return _identity(resolved, written, names) or _lower_case_description(resolved or written, names)


def _lower_case_description(text: _Text, names: SpeakerNames) -> Identity | None:
    """ "the regional government", "the dockworkers' union", "a spokeswoman for the transport ministry":
    in a language that writes common nouns in lower case (English) the name rules see no name in
    them, yet they describe one body or person of the article. Such a speaker is a description
    (one per article, merged across articles as descriptions are); one speaking for a body is
    that body ("for the transport ministry")."""
    if names.nouns_capitalised:
        return None
    words = [w for w in text.words if w != ","]
    spokes = [i for i, w in enumerate(words) if w.casefold() in names.source_nouns]
    if spokes:
        words = words[spokes[-1] + 1 :]  # "a spokeswoman for the transport ministry": the ministry
    while words and (_is_determiner(words[0], names) or words[0].casefold() in names.name_cut_words):
        words = words[1:]
    cut = next((i for i, w in enumerate(words) if w.casefold() in names.name_cut_words), len(words))
    words = words[:cut]  # "people familiar with the talks" → "people familiar"
    if not words or not words[-1].isalpha() or not words[-1].islower() or _is_nobody_word(words[-1], names):
        return None
    return Identity(DESCRIPTION, " ".join(words), "", also=("noun:" + name_key(words[-1:], names),))


def _pronoun_never_means(pronoun: _Text, entity: _Text, names: SpeakerNames) -> bool:
    """Agreement the extractor missed: such a statement is left without a speaker rather than misgiven.

    "er" and "sie" never stand for a place (places are neuter: "Russland …
    es") nor for a name in the genitive ("Irans"); "er" never for an acronym ("die CDU", "die AFP": the extractor's own
    agreement reads them feminine, neuter or plural) nor for a noun of a
    feminine ending ("die Staatsanwaltschaft", "die Partei"); "sie" never for
    a masculine title that has a feminine form ("der Bundeskanzler").
    """
    said = norm(" ".join(pronoun.words))
    words = [w for w in entity.words if w != ","]
    if len(words) == 1 and names.is_genitive(words[0]):
        return True  # "der oberste Führer Irans, der …": the leader speaks, not Iran
    if said not in names.singular_pronouns:
        return False
    if " ".join(words) in names.places:
        return True
    given = next((w for w in words if _is_first_name(w, names)), "")
    if given and len(words) >= 2:  # "Angela Merkel" is never "er", "Horst Köhler" never "sie"
        other = names.feminine_names if said == names.masculine_pronoun else names.masculine_names
        if given in other or given.split("-", 1)[0] in other:
            return True
    last = words[-1].casefold() if words else ""
    if said == names.masculine_pronoun:
        return bool(words) and (_is_acronym(words[-1]) or last.endswith(names.feminine_endings))
    return len(words) == 1 and _is_title(last, names) and _is_title(last + "in", names)


def _identity(entity: _Text | None, mention: _Text | None, names: SpeakerNames) -> Identity | None:
    if mention is not None and _others_of_the_possessor(mention, names):
        entity = None  # "seinen Kritikern" → DeMint: the critics speak, not DeMint
    if mention is not None and entity is not None and _other_than_written(entity, mention, names):
        entity = None  # the mention says who it is; the extractor's resolution disagrees
    if mention is not None:
        group = _joint_source(mention, entity, names)
        if group is not None:
            return group
        person = _person_written(mention, entity, names)
        if person is not None:
            return person
    if entity is not None and (mention is None or _find(entity, mention, names) is None):
        person = _person_written(entity, entity, names)  # "Die Bürgermeisterin" resolved to "Anna Berger"
        if person is not None:
            return person
    words, typed, also_key = _name_words(entity, mention, names)
    if not words:
        return None
    abbreviation = _abbreviation_of_name(mention or entity, names) if (mention or entity) else ""
    # only the name's own words in quotation marks make it a name: not „Arbeitskreis …“ der Polizei
    quoted = bool(mention) and all(_is_cap(w) and w in mention.quoted for w in words)  # type: ignore[union-attr]
    found = _classify(words, typed or quoted, abbreviation, also_key, names)
    if found is not None and mention is not None and _titled_surname(found, words, mention, names):
        found = Identity(NAME, words[-1], name_key(words[-1:], names), surname=_surname_key(words[-1:], names))
    if found is not None and found.kind in (NAME, PERSON) and mention is not None:
        return replace(found, roles=_roles(mention.words, names))  # "Bundeskanzlerin Merkel"
    return found


def _other_than_written(entity: _Text, mention: _Text, names: SpeakerNames) -> bool:
    """Resolutions the mention's own words rule out; the mention is read alone then.

    "die Wissenschaftler" are several people, not one person ("Jane Greaves");
    "Ein Sprecher des Übergangsrates" speaks for the council, not for "HRW"
    (an entity the mention does not hold, and not the body it names:
    "Bundesverkehrsministerium" for "des Ministeriums" is that body, fuller).
    """
    ent = [w for w in entity.words if w != ","]
    if _plural_people(mention, names) and _name_runs(tuple(ent), names) == [(0, ent)]:
        return True
    if _find(entity, mention, names) is not None or not ent:
        return False
    body = _body_after_source(mention.words, names)
    return bool(body) and not ent[-1].casefold().endswith(names.lemma(body).casefold())


def _plural_people(mention: _Text, names: SpeakerNames) -> bool:
    """ "die Wissenschaftler", "die Forscherinnen": the plural article before a person noun of no feminine ending."""
    words = mention.words
    if len(words) != 2 or not names.plural_article or words[0].casefold() != names.plural_article:
        return False
    noun = words[1]
    plural = names.plural_person_endings
    return bool(plural) and _is_cap(noun) and noun.endswith(plural) and names.word_class(noun) == COMMON_NOUN


def _body_after_source(words: tuple[str, ...], names: SpeakerNames) -> str:
    """ "Ein Sprecher des Übergangsrates" → "Übergangsrates": the body a source noun's genitive names."""
    for i in range(len(words) - 2):
        if _is_source_word(words[i], names) and words[i + 1].casefold() in names.genitive_articles:
            body = words[i + 2]
            return body if _is_cap(body) and names.word_class(body) == COMMON_NOUN else ""
    return ""


def _abbreviation_of_name(text: _Text | None, names: SpeakerNames) -> str:
    """The bracketed abbreviation, when it abbreviates the name before it: "Human Rights Watch (HRW)".

    Not in "Kinderhilfswerk der Vereinten Nationen (UNICEF)": after a genitive
    the abbreviation is of the noun the genitive belongs to, not of the name in
    the genitive ("Sprecher der WHO (…)" keeps it: a source noun is no body).
    """
    if text is None or not text.abbreviation:
        return ""
    words, after = text.words, text.abbreviation_after
    for g in range(max(1, after - 3), after):
        owner = words[g - 1]
        if words[g].casefold() in names.genitive_articles and _is_body_noun(owner, names):
            return ""
    return text.abbreviation


def _is_body_noun(word: str, names: SpeakerNames) -> bool:
    """ "Kinderhilfswerk": a noun a body is named by; not a source, a role or people ("Sprecher", "Mitarbeiter")."""
    return (
        _is_cap(word)
        and not _is_determiner(word, names)
        and not _is_source_word(word, names)
        and not names.is_role_noun(word)
        and not _is_person_noun(word, names)
    )


def _others_of_the_possessor(mention: _Text, names: SpeakerNames) -> bool:
    """ "seinen Kritikern", "ihre Anwälte": people of the possessor, not the possessor ("seiner Meinung" is his)."""
    words = mention.words
    return (
        len(words) >= 2
        and words[0].casefold() in names.possessives
        and words[0].casefold() not in names.own_possessives
        and not any(_is_source_word(w, names) for w in words[1:])
    )


def _titled_surname(found: Identity, words: list[str], mention: _Text, names: SpeakerNames) -> bool:
    """ "Generalsekretärin Lindqvist": a title before one capitalised word makes it a surname, whatever the tagger says."""
    if found.kind != DESCRIPTION or found.key or len(words) != 1 or words[0] not in mention.words:
        return False
    at = mention.words.index(words[0])
    return at > 0 and _is_title(mention.words[at - 1], names)


def _joint_source(mention: _Text, entity: _Text | None, names: SpeakerNames) -> Identity | None:
    """ "AFP und Reuters", "SPD und PDS", "Angaben der Presseagenturen dpa und AFP": a group, not a member.

    Only when each side of "und" is a short name of its own, so that "das
    Bundesministerium für Bildung und Forschung" stays one body.
    """
    words = list(_after_source(mention.words, names))
    joins = [i for i, w in enumerate(words) if w.casefold() in names.group_joiners or w == "&"]
    if len(joins) != 1:
        return None
    j = joins[0]
    left = _trailing_names(words[:j], names)
    right = _leading_names(words[j + 1 :], names)
    if not left or not right:
        return None
    members = [*left, *right]
    if entity is not None and not set(entity.words) & {w for m in members for w in m.split()}:
        return None  # the extractor named someone else
    keys = sorted(name_key([m], names) for m in members)
    shown = ", ".join(members[:-1]) + " " + words[j] + " " + members[-1]
    return Identity(GROUP, shown[:MAX_NAME_CHARS], "group:" + "+".join(keys))


def _trailing_names(words: list[str], names: SpeakerNames) -> list[str]:
    """The names listed at the end of ``words``: "Frankreichs, Italiens" of "Die Außenminister Frankreichs, Italiens"."""
    out: list[str] = []
    i = len(words) - 1
    while i >= 0:
        run: list[str] = []
        # a lower-case member ("dpa") stands alone: "für" of "für Bildung" is no member
        while i >= 0 and words[i] != "," and _is_member_word(words[i], names) and not (run and words[i].islower()):
            run.insert(0, words[i])
            i -= 1
        if not run or len(run) > 3:
            return out if out else []
        out.insert(0, " ".join(run))
        if i >= 0 and words[i] == ",":
            i -= 1
            continue
        break
    if i >= 0 and not _stops_a_name(words[i], names):
        return []  # "für Bildung": part of a longer name
    return out


def _leading_names(words: list[str], names: SpeakerNames) -> list[str]:
    """The name at the start of ``words``, after its titles: "CSU-Vorsitzender Edmund Stoiber" → "Edmund Stoiber"."""
    at = 0
    while at < len(words) - 1 and (_is_title(words[at], names) or names.is_role_noun(words[at])):
        at += 1
    run = []
    for w in words[at:]:
        if w == ",":
            break
        if not _is_member_word(w, names):
            return []
        run.append(w)
    return [" ".join(run)] if 0 < len(run) <= 3 else []


def _is_member_word(word: str, names: SpeakerNames) -> bool:
    """A word of a joint source's member: a name, an acronym ("AFP", "dpa")."""
    if word.islower():
        return 2 <= len(word) <= 4 and word.isalpha() and word not in names.articles and word not in names.group_joiners
    return _is_cap(word) and not _stops_a_name(word, names)


def _person_written(mention: _Text, entity: _Text | None, names: SpeakerNames) -> Identity | None:
    """A full personal name in the mention, when the entity is that person or only a fragment.

    "Frankreichs Staatspräsident Nicolas Sarkozy" (entity "Frankreichs"),
    "Ansicht von Niedersachsens Ministerpräsident Christian Wulff (CDU)"
    (entity "CDU": the party in brackets is not the speaker), "Ken Rice vom
    Institut für Astronomie" (entity "Rice": not Condoleezza Rice).
    """
    runs = [
        (start, run)
        for start, run in _name_runs(mention.words, names)
        if run[-1].casefold() not in names.body_name_ends
        and not (start and _is_type_noun(mention.words[start - 1], names))
    ]
    if not runs:
        return None
    ent = [w for w in entity.words if w != ","] if entity else []
    for start, run in runs:
        if ent and (_surname_key(run, names) == _surname_key(ent, names) or norm(run[0]) == norm(ent[0])):
            return _person(run, mention.words[:start], names)
    entity_is_other_person = len(ent) >= 2 and _is_first_name(ent[0], names)
    if entity_is_other_person:
        return None
    for start, run in runs:
        if not ent or _is_first_name(run[0], names):  # no entity: the name written is all there is
            return _person(run, mention.words[:start], names)
        if _entity_in_the_title(ent, mention.words[:start], names):
            return _person(run, mention.words[:start], names)
    return None


def _entity_in_the_title(entity: list[str], before: tuple[str, ...], names: SpeakerNames) -> bool:
    """ "Berlins früherer Regierender Bürgermeister Eberhard Diepgen" resolved to "Berlins Regierender".

    The entity is words of the title phrase before the name: the one titled
    so is the name after the title, whether or not its given name is known.
    """
    return bool(before) and _is_title(before[-1], names) and all(w in before for w in entity)


def _name_runs(words: tuple[str, ...], names: SpeakerNames) -> list[tuple[int, list[str]]]:
    """Full personal names in ``words``: two to five name words (particles inside), starting at a given name.

    Returns (index of the first word, the words). "Karl-Theodor zu
    Guttenberg", "George W. Bush", "Mohammed el-Baradei".
    """
    out = []
    i = 0
    while i < len(words):
        if not _is_name_word(words[i], names):
            i += 1
            continue
        if words[i].casefold() in names.particles:
            i += 1  # "Von der Leyen": a name does not start with its particle
            continue
        j = i
        while j + 1 < len(words) and (
            _continues_name(words[j + 1], names) or _particles_then_name(words, j + 1, names)
        ):
            j += 1
        run = list(words[i : j + 1])
        # a name starts at its given name: "Kämmerer Jonas Brandt", "Niedersachsens Christian Wulff"
        given = next((k for k, w in enumerate(run) if _is_first_name(w, names)), 0)
        run, i = run[given:], i + given
        while len(run) > 2 and names.is_genitive(run[0]) and not _is_first_name(run[0], names):
            run = run[1:]
            i += 1
        if 2 <= len(run) <= 5 and names.word_class(run[0]) in (PROPER_NOUN, "") and not _is_acronym(run[-1]):
            out.append((i, run))
        i = j + 1
    return out


def _continues_name(word: str, names: SpeakerNames) -> bool:
    """A word after a given name: a name word, or a surname the tagger reads as a noun ("Lindqvist", "Biden")."""
    if _is_name_word(word, names):
        return True
    return (
        _is_cap(word)
        and not _stops_a_name(word, names)
        and not any(c.isdigit() for c in word)
        and names.word_class(word) == COMMON_NOUN
        and not _is_nobody_word(word, names)
    )


def _particles_then_name(words: tuple[str, ...], i: int, names: SpeakerNames) -> bool:
    """Whether particles start at ``i`` and a name word follows them ("zu Guttenberg", "von der Leyen")."""
    k = i
    while k < len(words) and words[k].casefold() in names.particles:
        k += 1
    return k > i and k < len(words) and _continues_name(words[k], names)


def _person(run: list[str], before: tuple[str, ...], names: SpeakerNames) -> Identity:
    k = len(run) - 1
    while k > 1 and run[k - 1].casefold() in names.particles:
        k -= 1
    first = norm(" ".join(run[:k]))
    return Identity(
        PERSON,
        _display(run),
        surname=_surname_key(run, names),
        first=first,
        roles=_roles(before, names),
    )


def _roles(words: tuple[str, ...] | list[str], names: SpeakerNames) -> tuple[str, ...]:
    """The titles written with a name, lower case, compounds by their head ("US-Präsident" → "präsident")."""
    return tuple(sorted({w.casefold().rsplit("-", 1)[-1] for w in words if _is_title(w, names)}))


def _after_source(words: tuple[str, ...], names: SpeakerNames) -> tuple[str, ...]:
    """What follows the last source noun: "Angaben der Polizei" → "der Polizei"; else all the words."""
    for i in range(len(words) - 1, -1, -1):
        if _is_source_word(words[i], names) and i + 1 < len(words):
            return words[i + 1 :]
    return words


def _name_words(entity: _Text | None, mention: _Text | None, names: SpeakerNames) -> tuple[list[str], bool, str]:
    """The words naming the speaker, whether a kind of body was written before them, and a key they are known by.

    The entity is looked up in the mention: there the name may go on to the
    left ("Spiegel Online" for the entity "Online", "New York Times" for
    "Times", "Radio Bremen" for "Bremen"). An entity the mention does not hold
    (a resolved pronoun, "eigenen Angaben" → "Feuerwehr") is read alone.
    """
    if mention is not None and entity is not None and (span := _find(entity, mention, names)) is not None:
        words, (first, end) = mention.words, span
    elif mention is not None and entity is None:
        words = _after_source(mention.words, names)
        first = end = len(words) - 1
    else:
        words = (entity or mention).words  # type: ignore[union-attr]
        words = _after_source(words, names) if len(words) > 1 else words
        first = end = len(words) - 1
    if end < 0:
        return [], False, ""
    if (
        _is_type_noun(words[end], names)
        and end + 1 < len(words)
        and words[end + 1] != ","
        and names.word_class(words[end + 1]) != NOT_A_NAME  # "Die Behörden vor Ort"
    ):
        return _typed_name(words[end + 1 :]), True, ""  # "der Menschenrechtsorganisation amnesty international"
    if _is_source_word(words[end], names):
        owner = _genitive_owner(words[:end], names)  # "Celebis Angaben" → "Celebi"
        if owner or _is_nobody_word(words[end], names):
            return owner, False, ""  # "offizielle Angaben": nobody
    while end + 2 < len(words) and _inner_word(words, end + 1, names):
        end += 2  # "Ärzte ohne Grenzen" for the entity "Ärzte"
    if (
        end + 2 < len(words)
        and words[end + 1].casefold() in names.place_prepositions
        and _is_cap(words[end + 2])
        and names.word_class(words[end]) == COMMON_NOUN
        and names.word_class(words[end + 2]) != COMMON_NOUN
    ):
        end += 2  # "Die Polizei in Köln"
    start = end
    while start > 0:
        if _inner_word(words, start - 1, names):
            start -= 2  # "Ärzte ohne Grenzen" for the entity "Grenzen"
        elif _extends_name(words[start - 1], words[start], names):
            start -= 1
        else:
            break
    placed = _placed_description(words, start, end, names)
    if placed:
        return placed, False, ""
    # the entity's own words reach further left: "Auswärtige Amt der Bundesrepublik Deutschland"
    while start > first and (
        _is_determiner(words[start - 1], names)
        or _extends_name(words[start - 1], words[start], names)
        or _inner_word(words, start - 1, names)
    ):
        start -= 1
    while start < end and _is_determiner(words[start], names):
        start += 1  # "Manche Analysten"
    start = _with_particles(words, start, names)
    before = start
    while before > 0 and _is_determiner(words[before - 1], names):
        before -= 1
    typed = before > 0 and _is_type_noun(words[before - 1], names)
    start = _with_qualifiers(words, start, names)
    name = list(words[start : end + 1])
    return name, typed, _name_before_genitive(name, names)


def _find(entity: _Text, mention: _Text, names: SpeakerNames) -> tuple[int, int] | None:
    """Where the entity stands in the mention: the indexes of its first and last words, if it does."""
    ent = [w.casefold() for w in entity.words if w != ","]
    if not ent:
        return None
    folded = [w.casefold() for w in mention.words]
    after = mention.abbreviation_after
    if mention.abbreviation and ent == [mention.abbreviation.casefold()] and after >= 0:
        # "Human Rights Watch (HRW)", entity "HRW"; not "Kinderhilfswerk der Vereinten Nationen (UNICEF)":
        # after a genitive the abbreviation is of more than the name before it
        if not any(w in names.genitive_articles for w in folded[max(0, after - 3) : after]):
            return after, after
    for end in range(len(folded) - 1, -1, -1):
        if folded[end] == ent[-1]:
            first = end
            while first > 0 and folded[first] != ent[0] and end - first < 8:
                first -= 1
            return (first if folded[first] == ent[0] else end), end
    return None


def _typed_name(words: tuple[str, ...]) -> list[str]:
    """The name after a kind of body, up to a comma: written in lower case too ("amnesty international")."""
    out = []
    for w in words:
        if w == ",":
            break
        out.append(w)
    return out


def _inner_word(words: tuple[str, ...], i: int, names: SpeakerNames) -> bool:
    """ "ohne" in "Ärzte ohne Grenzen": a lower-case word between two capitalised words of one name."""
    return (
        0 < i < len(words) - 1
        and words[i] in names.name_inner_words
        and _is_cap(words[i - 1])
        and not _is_determiner(words[i - 1], names)
        and not _is_type_noun(words[i - 1], names)
        and _is_cap(words[i + 1])
    )


def _placed_description(words: tuple[str, ...], start: int, end: int, names: SpeakerNames) -> list[str]:
    """ "der politischen Opposition im Iran" names the opposition, qualified by the place, not Iran.

    Returns the words from the description's qualifiers to the place ("politischen
    Opposition im Iran"), or [] when the name does not follow such a preposition.
    """
    at = start - 1
    if at < 1 or words[at].casefold() not in names.place_prepositions or not _is_cap(words[at - 1]):
        return []
    if _stops_a_name(words[at - 1], names) and not names.is_role_noun(words[at - 1]):
        return []
    head = at - 1
    return list(words[_with_qualifiers(words, head, names) : end + 1])


def _with_particles(words: tuple[str, ...], start: int, names: SpeakerNames) -> int:
    """Take in the particles before a surname ("von der Leyen", "Zu Guttenberg")."""
    k = start
    while k > 0 and words[k - 1].casefold() in names.particles:
        k -= 1
    if k < start and words[k].casefold() not in names.articles:
        return k
    return start


def _name_before_genitive(words: list[str], names: SpeakerNames) -> str:
    """ "Auswärtige Amt der Bundesrepublik Deutschland" is also known as "Auswärtige Amt"."""
    for i, w in enumerate(words):
        if i and _is_determiner(w, names):
            head = [x for x in words[:i] if _is_cap(x)]
            if head and _is_name_phrase(head, False, names):
                return name_key(head, names)
            return ""
    return ""


def _extends_name(word: str, after: str, names: SpeakerNames) -> bool:
    """Whether ``word`` belongs to the name that goes on with ``after`` ("Spiegel" before "Online").

    Capitalised words go with the name, except those that never are part of
    one (titles, roles, kinds of body, source nouns, determiners) and a
    genitive place before a title or role.
    """
    if not _is_cap(word) or _stops_a_name(word, names) or _is_nobody_word(word, names):
        return False
    return not (names.is_genitive(word) and names.word_class(after) == COMMON_NOUN)


def _with_qualifiers(words: tuple[str, ...], start: int, names: SpeakerNames) -> int:
    """Take in the adjectives before a description ("die spanische Regierung", "Berliner Polizei")."""
    while start > 0 and not _is_cap(words[start - 1]) and names.is_adjective(words[start - 1]):
        start -= 1
    return start


def _genitive_owner(words: tuple[str, ...], names: SpeakerNames) -> list[str]:
    """ "Celebis Angaben", "Grupps Meinung": the one in the genitive is the speaker."""
    if not words or not _is_cap(words[-1]) or not words[-1].endswith("s") or _stops_a_name(words[-1], names):
        return []
    if names.is_genitive(words[-1]) or names.word_class(words[-1]) == PROPER_NOUN:
        return [words[-1][:-1]]
    return []


def _classify(words: list[str], typed: bool, abbreviation: str, also_key: str, names: SpeakerNames) -> Identity | None:
    """Person, bare name, organisation or description, from the words that name the speaker."""
    also = tuple(k for k in (name_key([abbreviation], names) if abbreviation else "", also_key) if k)
    if typed:
        return Identity(ORGANISATION, _display(words), name_key(words, names), also=also)
    particles = [w for w in words if w.casefold() in names.particles]
    qualifiers = [w for w in words if not _is_cap(w) and w not in particles and w not in names.name_inner_words]
    place_at = next((i for i, w in enumerate(words) if i and w.casefold() in names.place_prepositions), 0)
    if place_at:
        return _description(qualifiers[:0], words[place_at - 1 : place_at], names, words[place_at:])
    if any(w in names.name_inner_words for w in words):
        return Identity(ORGANISATION, _display(words), name_key(words, names), also=also)  # "Ärzte ohne Grenzen"
    head = [w for w in words if _is_cap(w) and w.casefold() not in names.particles]
    if not head:
        return None
    if len(head) == 1 and particles and words[0].casefold() in names.particles:
        shown = " ".join(w.casefold() if w in particles else w for w in words)  # "von der Leyen"
        return Identity(NAME, shown, name_key(head, names), surname=_surname_key(head, names))
    if len(head) == 1 and not qualifiers:
        return _one_word(head[0], also, names)
    if _is_name_phrase(head, False, names):
        return Identity(ORGANISATION, _display(head), name_key(head, names), also=also)
    return _description(qualifiers, head, names)


def _one_word(word: str, also: tuple[str, ...], names: SpeakerNames) -> Identity | None:
    """One capitalised word: a bare name, an acronym or a description; or nobody."""
    if _is_junk_word(word, names):
        return None
    if "-" in word.strip("-"):
        return _compound(word, names)
    key = name_key([word], names)
    if _is_acronym(word) or names.lemma(word).casefold() in names.unique_bodies or word in names.places:
        return Identity(ORGANISATION, word, key, also=also)
    if names.word_class(word) == COMMON_NOUN or names.is_role_noun(word):
        return Identity(DESCRIPTION, _display([_base_form(word, names)]), "", also=("noun:" + key,))
    return Identity(NAME, word, key, surname=_surname_key([word], names))


def _is_writing(word: str, names: SpeakerNames) -> bool:
    """A source noun for something written or said ("Bericht", "Kreisen"), not for people ("Mitarbeiter")."""
    return _is_source_word(word, names) and not _is_person_noun(word, names)


def _is_person_noun(word: str, names: SpeakerNames) -> bool:
    """A noun for people, not a body: a title, or a noun of a person ending ("Mitarbeiter", "Delegationsleiterin")."""
    return _is_title(word, names) or word.endswith(names.person_endings)


def _compound(word: str, names: SpeakerNames) -> Identity:
    """ "Spiegel-Online" is the name "Spiegel Online"; "US-Regierung" says which government; "UN-Mitarbeiter" not who."""
    parts = word.split("-")
    if len(parts) == 2 and _is_writing(parts[1], names) and _ABBREVIATION.fullmatch(parts[0]):
        return Identity(ORGANISATION, parts[0], name_key(parts[:1], names))  # "ai-Bericht": Amnesty's report
    if names.word_class(parts[-1]) != COMMON_NOUN:
        return Identity(ORGANISATION, word, name_key(parts, names))
    if _is_person_noun(parts[-1], names) or _is_source_word(word, names) or names.word_class(parts[0]) == COMMON_NOUN:
        return Identity(DESCRIPTION, word, "", also=("noun:" + name_key([word], names),))
    return Identity(DESCRIPTION, word, "description:" + name_key([word], names))


def _base_form(word: str, names: SpeakerNames) -> str:
    """ "Beobachtern" → "Beobachter", "Amtes" → "Amt"; "Medien" stays (its lemma "Medium" is another word)."""
    lemma = names.lemma(word)
    return lemma if word.startswith(lemma) else word


def _is_junk_word(word: str, names: SpeakerNames) -> bool:
    """Adverbs ("Danach", "Demnach"), pronouns ("Einige"), fragments ("O"), abstract nouns ("Meinung")."""
    if len(word) <= 1 or (len(word) == 2 and not _is_acronym(word)):
        return True
    if names.word_class(word) == NOT_A_NAME:
        return True
    return _is_nobody_word(word, names)


def _is_name_phrase(head: list[str], typed: bool, names: SpeakerNames) -> bool:
    """Several capitalised words that are a proper name: "Deutsche Welle", "Human Rights Watch", "Regierung Bush"."""
    if typed or name_key(head, names) in names.unique_bodies:
        return True
    return any(names.word_class(w) != COMMON_NOUN for w in head)


def _description(
    qualifiers: list[str], head: list[str], names: SpeakerNames, place: list[str] | None = None
) -> Identity | None:
    """A description: merges across articles only when a place (adjective, or "im Iran") says which body it is."""
    if all(_is_nobody_word(w, names) for w in head):
        return None
    if place:
        shown = _display([_base_form(w, names) for w in head] + place)
        return Identity(DESCRIPTION, shown, "description:" + name_key([*head, *place], names))
    # "US-amerikanische" by its last part
    identifying = [q for q in qualifiers if names.key_word(q).rsplit("-", 1)[-1] in names.place_adjectives]
    if identifying:
        return Identity(
            DESCRIPTION, _display([*identifying, *head]), "description:" + name_key([*identifying, *head], names)
        )
    return Identity(
        DESCRIPTION, _display([_base_form(w, names) for w in head]), "", also=("noun:" + name_key(head, names),)
    )
