"""Speakers across articles: one person or organisation, many mentions.

A statement names its speaker in many ways ("Jens Stoltenberg",
"Stoltenberg", "NATO-Generalsekretär Stoltenberg", "er"). The store keeps one
row per speaker plus the aliases seen, and this module decides which row a
mention belongs to:

* titles and roles are stripped (the language's :class:`SpeakerNames`; German:
  ``lang/de/names.py`` and ``lang/de/speaker_titles.txt``), appositions
  cut ("Stoltenberg, 63, ein ehemaliger …" → "Stoltenberg");
* a full name ("Angela Merkel") matches a speaker with the same surname and
  the same first name, or a surname-only speaker (which it then completes);
  a different first name ("Horst Merkel") makes a different speaker;
* a surname alone ("Merkel") goes to the speaker whose first name appears
  with that surname in the same article, else to the most-quoted speaker with
  that surname, else becomes a new surname-only speaker;
* anything that does not look like a name ("Sprecher der Polizei") is a
  'description' speaker, matched by its normalised text only.

The decisions depend only on what is already stored plus the article, so
ingesting the same articles in the same order always gives the same speakers
(needed for crash-safe re-runs that end in the same database).
"""

from __future__ import annotations

import re
import sqlite3
from bisect import bisect_right
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
    lemma: Callable[[str], str] = str  # the word's dictionary form ("Beobachtern" → "Beobachter")
    key_word: Callable[[str], str] = str.casefold  # the form names are compared by ("Amtes" → "amt")
    is_adjective: Callable[[str], bool] = _never  # an adjective ("spanische", "oberste")


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
    cleaned = [c for c in cleaned if c]
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


class SpeakerResolver:
    """Assigns speaker ids to mentions, creating speakers as needed.

    Works inside the caller's open write transaction on ``conn``.
    """

    def __init__(self, conn: sqlite3.Connection, lang: str = "de") -> None:
        self.conn = conn
        self.lang = lang  # the language of the articles it is given
        self.names = names_for(lang)

    def resolve_article(
        self,
        text: str,
        mentions: list[str | None],
        positions: list[int] | None = None,
        surfaces: list[str | None] | None = None,
        parsed: list[Mention | None] | None = None,
    ) -> list[int | None]:
        """Speaker ids for the mentions of one article, in order.

        ``positions``: where each statement stands in ``text`` (a surname
        refers to the full name written before it). ``surfaces``: the
        speaker as written, kept as an alias when it names someone.
        ``parsed``: ``parse_mention`` of each mention, if already done (the
        ingest workers do it, so the single writer stays fast). Pronouns without an
        entity get the nearest preceding named speaker of the same article
        (the usual "…, sagte Stoltenberg. … sagte er.").
        """
        if parsed is None:
            parsed = [parse_mention(m, self.lang) for m in mentions]
        pos = positions or [0] * len(mentions)
        names = _FullNames(text)
        ids: list[int | None] = [None] * len(mentions)
        # Full names first: they create or complete speakers that the
        # surname-only mentions of the same article then find.
        for i, m in enumerate(parsed):
            if m and m.person and m.first:
                ids[i] = self._resolve_full(m)
        for i, m in enumerate(parsed):
            if m is None or ids[i] is not None:
                continue
            if m.person:
                ids[i] = self._resolve_surname(m, names, pos[i])
            else:
                ids[i] = self._resolve_other(m)
        for i, m in enumerate(parsed):
            if ids[i] is not None and mentions[i]:
                self._alias(ids[i], " ".join((mentions[i] or "").split())[:120])  # type: ignore[arg-type]
                if m is not None:
                    self._alias(ids[i], m.name)  # type: ignore[arg-type]
                surface = surfaces[i] if surfaces else None
                if surface and norm(surface) not in self.names.pronouns:
                    self._alias(ids[i], " ".join(surface.split())[:120])  # type: ignore[arg-type]
        last: int | None = None
        for i, raw in enumerate(mentions):
            if ids[i] is not None:
                last = ids[i]
            elif raw and norm(raw) in self.names.singular_pronouns and last is not None:
                ids[i] = last
        return ids

    # -- matching --------------------------------------------------------

    def _new(self, name: str, person: bool, surname: str, first: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO speakers(name, norm, kind, surname, first) VALUES (?, ?, ?, ?, ?)",
            (name, norm(name), "name" if person else "description", surname, first),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def _alias(self, speaker_id: int, alias: str) -> None:
        if alias:
            self.conn.execute(
                "INSERT OR IGNORE INTO speaker_aliases(speaker_id, alias, norm) VALUES (?, ?, ?)",
                (speaker_id, alias, norm(alias)),
            )

    def _resolve_full(self, m: Mention) -> int:
        rows = self.conn.execute(
            "SELECT id, first FROM speakers WHERE kind = 'name' AND surname = ? ORDER BY id", (m.surname,)
        ).fetchall()
        for sid, first in rows:
            if first and _first_compatible(first, m.first):
                return int(sid)
        for sid, first in rows:
            if not first:
                # A surname-only speaker ("Stoltenberg") learns its first name.
                self.conn.execute(
                    "UPDATE speakers SET name = ?, norm = ?, first = ? WHERE id = ?",
                    (m.name, norm(m.name), m.first, sid),
                )
                return int(sid)
        return self._new(m.name, True, m.surname, m.first)

    def _resolve_surname(self, m: Mention, names: _FullNames, at: int) -> int:
        rows = self.conn.execute(
            "SELECT id, first FROM speakers WHERE kind = 'name' AND surname = ? ORDER BY id", (m.surname,)
        ).fetchall()
        if not rows:
            return self._new(m.name, True, m.surname, "")
        if len(rows) == 1:
            return int(rows[0][0])
        # Several people share the surname. News name a person in full first
        # and by surname after: the full name written last before this
        # mention decides.
        best: tuple[int, int] | None = None
        for sid, first in rows:
            if first:
                p = names.last_before(first, m.name, at)
                if p >= 0 and (best is None or p > best[0]):
                    best = (p, int(sid))
        if best:
            return best[1]
        # Otherwise the most-quoted one (ties: the oldest).
        top = self.conn.execute(
            "SELECT s.id FROM speakers s LEFT JOIN statements t ON t.speaker_id = s.id "
            "WHERE s.kind = 'name' AND s.surname = ? GROUP BY s.id ORDER BY count(t.id) DESC, s.id LIMIT 1",
            (m.surname,),
        ).fetchone()
        return int(top[0])

    def _resolve_other(self, m: Mention) -> int:
        row = self.conn.execute(
            "SELECT s.id FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id "
            "WHERE a.norm = ? ORDER BY s.id LIMIT 1",
            (norm(m.name),),
        ).fetchone()
        if row:
            return int(row[0])
        return self._new(m.name, False, "", "")


class _FullNames:
    """Where "First Surname" is written in an article, found once per name.

    Searching ``text[:at]`` again for every mention was quadratic on long
    articles; each name's occurrences are searched once in the whole text and
    a binary search finds the last one before a position.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[tuple[str, str], tuple[list[int], list[int]]] = {}  # name → (starts, ends)

    def last_before(self, first: str, surname: str, at: int) -> int:
        """Offset of the last "First Surname" that ends by ``at``; -1 if none.

        Case-insensitive, whole words, any whitespace between the words.
        """
        key = (first, surname)
        if key not in self.found:
            pattern = r"\b" + r"\s+".join(re.escape(w) for w in first.split()) + r"\s+" + re.escape(surname) + r"\b"
            hits = list(re.finditer(pattern, self.text, flags=re.IGNORECASE))
            self.found[key] = ([mt.start() for mt in hits], [mt.end() for mt in hits])
        starts, ends = self.found[key]
        # matches do not overlap, so their ends are sorted like their starts
        k = bisect_right(ends, at)
        return starts[k - 1] if k else -1
