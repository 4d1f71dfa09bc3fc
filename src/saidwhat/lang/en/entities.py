"""Stage: speaker mention → entity, the fullest name the article gives.

Reads: tokens, sentences, the parse where there is one, the statements' speakers.
Writes: ``Found.entity`` and ``Found.speaker_kind`` (person, organisation, group, anonymous,
description; docs/entity-gold.md).

First every name of the article is collected (:func:`collect_names`): runs of
capitalised words, titles cut off ("Transport Minister Etienne Laroche" → "Etienne
Laroche"), with the role nouns around them ("the Unite union" → Unite, a union) and the
gender a title tells (Mr., Mrs.). Datelines and bylines ("LONDON (Reuters) -", "By Anna
Walker") hold no names. Then each speaker (:func:`entity_of`), in this order:

1. a speaker for someone else ("a spokeswoman for the Unite union", "Union officials"):
   the organisation;
2. a name in the mention: the fullest name of that entity ("Clinton" → "Hillary
   Clinton", "Mr. Trump" → "Donald Trump");
3. a pronoun: he/she the latest person before it of fitting gender, they/it the latest
   organisation (they also a group); a relative "who" its antecedent;
4. a description ("the company", "the Frenchman", "the 61-year-old"): the latest entity
   named in that role before it, else of that kind; a description before any name of its
   kind looks ahead two sentences ("…, the agency said. The National Highway Traffic
   Safety Administration said …");
5. anything else (generic "unions", "police"): the mention itself ("the Japanese government,
   which …" without its relative clause).

The kind is the resolved name's (a person, or an organisation: bodies, countries,
governments); a mention nothing resolved is a group ("AFP and Reuters", "protesters"),
anonymous ("two people familiar with the matter", "officials": the words of
``entity_anonymous.txt``), an organisation ("police", "the ministry") or one unnamed
person (a description: "a witness"). A statement without a speaker is anonymous.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from ...lexicon import load_lexicon, load_word_set
from ...nlp import Token
from ...pipeline.found import Found, TokRange
from ...pipeline.sentences import Article
from .parser import EnglishDoc

PERSON, ORG, PLACE, UNKNOWN = "person", "org", "place", "unknown"
# speaker kinds (saidwhat.model.SpeakerKind's values)
KIND_PERSON, KIND_ORGANISATION, KIND_GROUP = "person", "organisation", "group"
KIND_ANONYMOUS, KIND_DESCRIPTION = "anonymous", "description"
_PLACE_PREPOSITIONS = frozenset({"in", "from", "at", "near", "across", "outside", "inside"})
_MAX_NAME_WORDS = 8
_LOOKAHEAD_SENTENCES = 2
_YEAR_OLD = re.compile(r"\b\d+-year-old\b")
# "LONDON (Reuters) -", "WASHINGTON, Dec. 3 -", "PARIS, March 3 (AFP) -", "BEDFORD, N.H. (AP) —"
_PRONOUNS = {
    "he": (PERSON, "m"),
    "him": (PERSON, "m"),
    "she": (PERSON, "f"),
    "her": (PERSON, "f"),
    "they": (ORG, "pl"),
    "them": (ORG, "pl"),
    "it": (ORG, ""),
}
_RELATIVES = frozenset({"who", "which", "that"})
# how far back (in names) a pronoun or description looks for its entity
_RECENT = 200
_MAX_APPOSITION_WORDS = 5
# determiners of a speaker nobody names: "two people familiar with the matter", "a person close to …"
_INDEFINITE = frozenset({"a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "other"})
# determiners of more than one: "two witnesses", "several residents" (a group)
_MORE_THAN_ONE = _INDEFINITE - {"a", "an", "one", "other"}
# determiners of a description that points back: "the Frenchman", "its leader"
_OF_ORGANISATION = frozenset({"for", "of", "at", "from"})
_DEFINITE = frozenset({"the", "its", "his", "her", "their"})
_CONNECTORS = frozenset({"of", "for", "de", "van", "von", "&"})


@dataclass(frozen=True)
class Referent:
    """Whom a speaker mention refers to: the entity's name (None: nobody named) and its kind."""

    entity: str | None
    kind: str


@dataclass
class Name:
    """One name in the text: token range, canonical form, kind, roles, gender."""

    start: int
    end: int
    name: str
    kind: str
    roles: set[str] = field(default_factory=set)
    gender: str = ""
    sent: int = 0


@cache
def _titles() -> dict[str, str]:
    return {row[0]: (row[1] if len(row) > 1 else "") for row in load_lexicon("en", "entity_titles")}


@cache
def _roles() -> dict[str, tuple[str, frozenset[str]]]:
    """noun → (kind, name or title words that give an entity this role)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for row in load_lexicon("en", "entity_roles"):
        words = frozenset(row[2].split()) if len(row) > 2 else frozenset()
        out[row[0]] = (row[1], words | {row[0]})
    return out


@cache
def _titled_roles() -> frozenset[str]:
    """Roles a title or name word shows ("mayor", "ministry"): only an entity shown in the
    role fits; the others ("the Frenchman", "the company") fit any of their kind."""
    rows = load_lexicon("en", "entity_roles")
    return frozenset(row[0] for row in rows if len(row) > 2 and row[2] and not (len(row) > 3 and row[3] == "any"))


def _agents() -> frozenset[str]:
    return load_word_set("en", "entity_agents")


def _org_words() -> frozenset[str]:
    return load_word_set("en", "entity_org_words")


def _not_name_words() -> frozenset[str]:
    return load_word_set("en", "entity_capital_words")


def _anonymous_nouns() -> frozenset[str]:
    return load_word_set("en", "entity_anonymous")


def resolve_entities(art: Article, found: list[Found], zones: list[TokRange]) -> None:
    """``zones``: the datelines and bylines (:func:`~saidwhat.lang.en.datelines.dateline_zones`)."""
    blocked = {i for a, b in zones for i in range(a, b)}
    names = Names(collect_names(art, blocked))
    for f in found:
        if f.speaker is None or f.speaker[0] in blocked:
            f.speaker_kind = KIND_ANONYMOUS  # no source given (a dateline is none)
            continue
        referent = referent_of(art, names, f.speaker)
        f.entity, f.speaker_kind = referent.entity, referent.kind


class Names:
    """The article's names, indexed: those inside a range, the latest before a token
    (a window of :data:`_RECENT` names back), the fullest form of a surname."""

    def __init__(self, items: list[Name]) -> None:
        self.items = items
        self.starts = [n.start for n in items]
        # last word → the longest person name ending with it (the first of equal length)
        self.fullest: dict[str, Name] = {}
        for n in items:
            if n.kind == ORG:
                continue
            last = n.name.split()[-1]
            best = self.fullest.get(last)
            if best is None or len(n.name.split()) > len(best.name.split()):
                self.fullest[last] = n
        # the first words of an organisation's name → the organisation ("Velden" → "Velden Automobil")
        self.org_by_prefix: dict[tuple[str, ...], Name] = {}
        for n in items:
            if n.kind == ORG:
                words = tuple(n.name.split())
                for k in range(1, len(words)):
                    known = self.org_by_prefix.get(words[:k])
                    if known is None or len(known.name.split()) < len(words):
                        self.org_by_prefix[words[:k]] = n

    def inside(self, a: int, b: int) -> list[Name]:
        k = bisect_left(self.starts, a)
        out: list[Name] = []
        while k < len(self.items) and self.items[k].start < b:
            if self.items[k].end <= b:
                out.append(self.items[k])
            k += 1
        return out

    def before(self, at: int) -> list[Name]:
        """The names starting before ``at``, latest first (at most :data:`_RECENT`)."""
        k = bisect_left(self.starts, at)
        return self.items[max(0, k - _RECENT) : k][::-1]

    def after(self, at: int, last_sentence: int) -> list[Name]:
        """The names starting after ``at`` up to sentence ``last_sentence``, in order."""
        k = bisect_right(self.starts, at)
        out: list[Name] = []
        while k < len(self.items) and self.items[k].sent <= last_sentence and len(out) < _RECENT:
            out.append(self.items[k])
            k += 1
        return out

    def full(self, name: Name) -> str:
        """The fullest name of the article for ``name``'s entity: "Clinton" → "Hillary Clinton",
        "Pacific Crest" → "Pacific Crest Airways"."""
        return self.fullest_name(name).name

    def fullest_name(self, name: Name) -> Name:
        """The :class:`Name` that :meth:`full` gives (its kind is the entity's)."""
        words = name.name.split()
        if name.kind != ORG:
            best = self.fullest.get(words[-1], name)
            if len(best.name.split()) > len(words):
                return best
        longer = self.org_by_prefix.get(tuple(words))
        return longer if longer is not None else name


# --------------------------------------------------------------------------
# Names of the article
# --------------------------------------------------------------------------


def collect_names(art: Article, blocked: set[int]) -> list[Name]:
    """The names of the article in text order; none in the ``blocked`` tokens (datelines)."""
    toks = art.tokens
    names: list[Name] = []
    i = 0
    while i < len(toks):
        if i in blocked or not _capitalised(toks[i].text) or toks[i].lower in _not_name_words():
            i += 1
            continue
        j = i + 1
        while j < len(toks) and j - i < _MAX_NAME_WORDS and toks[j].sent == toks[i].sent:
            if _capitalised(toks[j].text) and toks[j].lower not in _not_name_words():
                j += 1
            elif _hyphen_joins(toks, j):
                j += 2  # "Copa-Cogeca", "Jean-Pierre"
            elif (
                toks[j].lower in _CONNECTORS
                and toks[j - 1].lower in _org_words()
                and j + 1 < len(toks)
                and _capitalised(toks[j + 1].text)
            ):
                j += 2  # "Bank of England"
            else:
                break
        name = _name_from_run(art, i, j)
        if name is not None:
            names.append(name)
        i = j
    return names


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _hyphen_joins(toks: list[Token], j: int) -> bool:
    """Token ``j`` is a hyphen written without spaces between two capitalised words."""
    return (
        toks[j].text == "-"
        and j + 1 < len(toks)
        and toks[j - 1].end == toks[j].begin
        and toks[j].end == toks[j + 1].begin
        and _capitalised(toks[j + 1].text)
    )


def _run_text(toks: list[Token], a: int, b: int) -> str:
    """The words of ``[a, b)`` one space apart, hyphenated ones kept together ("Copa-Cogeca")."""
    return "".join(("" if m == a or toks[m - 1].end == toks[m].begin else " ") + toks[m].text for m in range(a, b))


def _name_from_run(art: Article, a: int, b: int) -> Name | None:
    """A :class:`Name` from the capitalised run ``[a, b)``: titles before it cut off."""
    toks = art.tokens
    titles = _titles()
    gender = ""
    roles: set[str] = set()
    # lower-case titles right before: "chief executive Alistair Greene"
    k = a - 1
    while k >= 0 and toks[k].lower in titles and toks[k].sent == toks[a].sent:
        roles.add(toks[k].lower)
        gender = gender or titles[toks[k].lower]
        k -= 1
    start = a
    for m in range(a, b):
        if toks[m].lower in titles and m + 1 < b:
            start = m + 1  # "Transport Minister Etienne Laroche": the name starts after the last title
            roles.add(toks[m].lower)
            gender = gender or titles[toks[m].lower]
    words = _run_text(toks, start, b).split()
    if not words or all(w.lower() in _roles() or w.lower() in _org_words() for w in words):
        return None  # "Union officials", "the Frenchman": a description, not a name
    if len(words) == 1 and toks[start].tag and not toks[start].tag.startswith("NNP"):
        return None  # a capitalised common word opening a sentence ("Officials said")
    lowered = {w.lower() for w in words}
    kind = UNKNOWN
    # a role noun right before ("German carmaker Velden Automobil"; not "union secretary Mick Doyle")
    before = _roles().get(toks[k].lower) if k == a - 1 and k >= 0 and toks[k].sent == toks[a].sent else None
    if before is not None and before[0] == ORG:
        kind = ORG  # "German carmaker Velden Automobil"
        roles.add(toks[k].lower)
    elif lowered & _org_words() or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        kind = ORG
    elif start > 0 and toks[start - 1].lower in _PLACE_PREPOSITIONS:
        kind = PLACE  # "a Democrat from New York", "spoke in Albany"
    elif len(words) > 1 or roles:
        kind = PERSON
    # a role noun right after: "the Unite union", "Dalton Motors' carmaker unit"; not after "a(n)":
    # "an English Premier League club" is some club of that league
    indefinite = start > 0 and toks[start - 1].lower in ("a", "an")
    if b < len(toks) and toks[b].lower in _roles() and not indefinite:
        roles.add(toks[b].lower)
        if kind == UNKNOWN or (kind == PERSON and not gender and start == a):  # "The IG Metall union"
            kind = _roles()[toks[b].lower][0]
    roles |= {w for w in lowered if w in _roles()}
    appositive = _apposition_role(toks, b)
    if appositive:  # "Sen. Maria Delgado, the bill's sponsor", "PhRMA, the lobby group"
        roles.add(appositive)
        kind = _roles()[appositive][0] if kind == UNKNOWN else kind
    return Name(start, b, _run_text(toks, start, b), kind, roles, gender, toks[a].sent)


def _apposition_role(toks: list[Token], b: int) -> str:
    """The role noun of an apposition right after a name: ", a New Mexico Democrat," → democrat."""
    if b + 1 >= len(toks) or toks[b].text != "," or toks[b + 1].lower not in {"a", "an", "the"}:
        return ""
    for k in range(b + 2, min(b + 2 + _MAX_APPOSITION_WORDS, len(toks))):
        if toks[k].text in {",", ".", ";"} or toks[k].sent != toks[b].sent:
            break
        if toks[k].lower in _roles():
            # "Dalton Motors, the agency said": a frame's speaker, no apposition
            verb_after = k + 1 < len(toks) and toks[k + 1].tag.startswith(("VB", "MD"))
            return "" if verb_after else toks[k].lower
    return ""


# --------------------------------------------------------------------------
# One speaker
# --------------------------------------------------------------------------


def referent_of(art: Article, names: Names, speaker: TokRange) -> Referent:
    a, b = speaker
    toks = art.tokens
    words = [t.lower for t in toks[a:b]]
    # a relative clause says more about the speaker but names someone else ("…, who spoke in Albany")
    core_end = next((k - 1 for k in range(a + 1, b) if toks[k].lower in _RELATIVES and toks[k - 1].text == ","), b)
    # an owner names someone else too: "Velden's chief executive, Marc Olsen"
    owned = [n for n in names.inside(a, core_end) if not _possessor(toks, n)]
    inside = owned or names.inside(a, core_end)
    head = _head_word(art, a, b)
    if head in _agents():
        org = _represented(art, names, a, b, inside)
        if org is not None:
            return Referent(org, KIND_ORGANISATION)
    if words[0] in _INDEFINITE:
        return Referent(None, _unnamed_kind(art, a, b))  # "two people familiar with the matter": anonymous
    appositive = [n for n in inside if n.start > a and toks[n.start - 1].text == ","]
    if appositive:
        return _named(names, appositive[0])  # "Its president, Elaine Shore"
    if _joint_source(toks, a, core_end):
        return Referent(_text(art, a, core_end), KIND_GROUP)  # "AFP and Reuters"
    role = _roles().get(head)
    if words[0] in _DEFINITE and role is not None and role[0] == PERSON:
        # "the New Mexico Democrat": the capitalised words describe, they name nobody
        found = _latest_in_role(art, names, (a, b), head, PERSON)
        return _named(names, found) if found is not None else Referent(None, KIND_DESCRIPTION)
    if inside and not owned and _is_body_noun(head):
        # "Australia's consumer watchdog": a body of the owner, not the owner
        return Referent(_text(art, inside[0].start, core_end), KIND_ORGANISATION)
    if inside:
        return _named(names, inside[0])
    if b - a == 1 and words[0] in _PRONOUNS:
        return _pronoun(names, a, words[0]) or Referent(None, _unnamed_kind(art, a, b))
    if b - a == 1 and words[0] in _RELATIVES:
        return _relative(art, names, a) or Referent(None, KIND_DESCRIPTION)
    description = _description(art, names, a, b, head)
    if description is not None:
        return _named(names, description)
    return Referent(_text(art, a, core_end), _unnamed_kind(art, a, core_end))


def _text(art: Article, a: int, b: int) -> str:
    """The original text of tokens ``[a, b)``."""
    return art.doc.text[art.tokens[a].begin : art.tokens[b - 1].end]


def _named(names: Names, name: Name) -> Referent:
    """The referent a name of the article gives: its fullest form and that one's kind."""
    full = names.fullest_name(name)
    return Referent(full.name, _name_kind(full))


def _name_kind(name: Name) -> str:
    if name.kind in (ORG, PLACE):
        return KIND_ORGANISATION  # countries and cities speak as governments
    words = name.name.split()
    if len(words) == 1 and _singular(words[0].lower()) != words[0].lower():
        return KIND_GROUP  # "Democrats", "Republicans": the plural of a role
    return KIND_PERSON


def _joint_source(toks: list[Token], a: int, b: int) -> bool:
    """The mention lists names joined by "and": "AFP and Reuters", "Britain, France and Germany"."""
    words = toks[a:b]
    return (
        len(words) >= 3
        and _capitalised(words[0].text)
        and _capitalised(words[-1].text)
        and any(t.lower == "and" for t in words)
        and all(_capitalised(t.text) or t.lower in (",", "and") for t in words)
    )


def _is_body_noun(word: str) -> bool:
    role = _roles().get(word)
    return (role is not None and role[0] == ORG) or word in _org_words()


def _singular(word: str) -> str:
    """The singular of a plural role or source noun ("officials" → "official"); other words as they are."""
    for plural_end, singular_end in (("ies", "y"), ("s", "")):
        stem = word[: -len(plural_end)] + singular_end
        if word.endswith(plural_end) and (stem in _roles() or stem in _anonymous_nouns()):
            return stem
    return word


def _unnamed_kind(art: Article, a: int, b: int) -> str:
    """The kind of a speaker no name resolved: generic sources (``entity_anonymous.txt``,
    "two people familiar with the matter") are anonymous, several people or bodies a group
    ("protesters", "they"), a body noun an organisation ("police", "the ministry"), else one
    unnamed person described ("a witness", "the 61-year-old")."""
    k = _head_index(art, a, b)
    if k is None:
        return KIND_DESCRIPTION
    word = art.tokens[k].lower
    if word in ("they", "them"):
        return KIND_GROUP
    if any(_singular(t.lower) in _anonymous_nouns() for t in art.tokens[a : k + 1]):
        return KIND_ANONYMOUS  # "two people familiar with the matter" (head: "familiar")
    noun = _singular(word)
    if noun != word or art.tokens[a].lower in _MORE_THAN_ONE:
        return KIND_GROUP
    if _is_body_noun(noun):
        return KIND_ORGANISATION  # before the tag: "police" is tagged plural
    return KIND_GROUP if art.tokens[k].tag in ("NNS", "NNPS") else KIND_DESCRIPTION


def _possessor(toks: list[Token], n: Name) -> bool:
    return n.end < len(toks) and toks[n.end].lower in ("'s", "’s", "'", "’")


def _head_word(art: Article, a: int, b: int) -> str:
    """The mention's head noun, lower-cased ("" when it has none)."""
    k = _head_index(art, a, b)
    return art.tokens[k].lower if k is not None else ""


def _head_index(art: Article, a: int, b: int) -> int | None:
    """The token of the mention's head noun: its last word before a comma, "of", "for" or "at"."""
    toks = art.tokens
    end = a
    while end < b and toks[end].text != "," and toks[end].lower not in {"of", "for", "at", "from", "with", "who"}:
        end += 1
    for k in range(end - 1, a - 1, -1):
        if any(c.isalpha() for c in toks[k].text):
            return k
    return None


def _represented(art: Article, names: Names, a: int, b: int, inside: list[Name]) -> str | None:
    """ "a spokeswoman for the Unite union" / "Union officials": the organisation ("One EU
    official": nobody, an indefinite speaker names its organisation only after for/of/at).
    A body described but not named is the description: "a spokeswoman for the German economy
    ministry", "a police statement"."""
    toks = art.tokens
    if toks[a].lower in _INDEFINITE:
        inside = [n for n in inside if any(t.lower in _OF_ORGANISATION for t in toks[max(a, n.start - 2) : n.start])]
    orgs = [n for n in inside if n.kind == ORG]
    if orgs:
        return orgs[0].name
    for k in range(a, b):
        role = _roles().get(toks[k].lower)
        if role is not None and role[0] == ORG:
            found = _latest_in_role(art, names, (a, b), toks[k].lower, ORG)
            return names.full(found) if found is not None else _described_body(art, a, k)
    for k in range(a, b):
        if toks[k].text == ",":
            break  # ", speaking on condition of anonymity" describes no body
        if toks[k].lower in _org_words() and toks[k].text.islower():
            return _described_body(art, a, k)
    if b - a <= 2:  # "A spokesman said": for the organisation the story is about
        return _main_organisation(names, a)
    return None


def _described_body(art: Article, a: int, k: int) -> str:
    """The words describing a body, up to its noun at ``k``: "the German economy ministry"
    after "for" → "German economy ministry"; "a police statement" → "police"."""
    toks = art.tokens
    start = a
    for m in range(a, k):
        if toks[m].lower in _OF_ORGANISATION:
            start = m + 1
    while start < k and (toks[start].lower in _DEFINITE or toks[start].lower in _INDEFINITE):
        start += 1
    return _text(art, start, k + 1)


def _main_organisation(names: Names, at: int) -> str | None:
    """The organisation named most often before ``at`` (the earliest of equals)."""
    counts: dict[str, int] = {}
    for n in reversed(names.before(at)):
        if n.kind == ORG:
            full = names.full(n)
            counts[full] = counts.get(full, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _pronoun(names: Names, at: int, word: str) -> Referent | None:
    kind, gender = _PRONOUNS[word]
    for n in names.before(at):
        if kind == PERSON and n.kind in (PERSON, UNKNOWN) and gender in ("", n.gender or gender):
            return Referent(names.full(n), KIND_PERSON)
        if kind == ORG and n.kind == ORG:
            return Referent(n.name, KIND_ORGANISATION)
    return None


def _relative(art: Article, names: Names, at: int) -> Referent | None:
    """ "Trump, who said": the noun the relative clause hangs on."""
    doc = art.doc
    if not isinstance(doc, EnglishDoc) or doc.head[at] < 0:
        return None
    verb = doc.head[at]
    antecedent = doc.head[verb] if doc.dep[verb] == "relcl" else -1
    if antecedent < 0:
        return None
    for n in names.before(antecedent + 1):
        if n.start <= antecedent < n.end:
            return _named(names, n)
    return None


def _description(art: Article, names: Names, a: int, b: int, head: str) -> Name | None:
    if _YEAR_OLD.search(art.doc.text[art.tokens[a].begin : art.tokens[b - 1].end]):
        return _latest_kind(names, a, PERSON)
    noun = head if head in _roles() else head.rstrip("s")
    if noun not in _roles():
        return None
    if art.tokens[a].lower not in {"the", "its", "his", "her", "their"}:
        return None  # "a lawmaker", "analysts": nobody named
    return _latest_in_role(art, names, (a, b), noun, _roles()[noun][0])


def _latest_in_role(art: Article, names: Names, mention: TokRange, noun: str, kind: str) -> Name | None:
    """The entity last named in the role ``noun`` before the mention; else one named in it
    in the next two sentences ("…, the agency said. The National Highway Traffic Safety
    Administration said …"); else, for roles that no title or name shows ("the
    Frenchman"), the latest of its kind before, then after."""
    words = _roles()[noun][1]
    at, end = mention
    nearby = [*names.before(at), *names.after(end - 1, art.tokens[at].sent + _LOOKAHEAD_SENTENCES)]
    for n in nearby:
        if n.roles & words or {w.lower() for w in n.name.split()} & words:
            return n
    if noun in _titled_roles():
        return None  # "the mayor", "the ministry" with none named: not just any (but "the Frenchman" is)
    for n in nearby:
        if n.kind == kind:
            return n
    return None


def _latest_kind(names: Names, at: int, kind: str) -> Name | None:
    for n in names.before(at):
        if n.kind == kind:
            return n
    return None
