"""Speakers across the archive: which stored speaker a statement's speaker is (issue 15).

:mod:`saidwhat.speaker_identity` says what a mention names (a person, a bare
name, an organisation, a group, a description, or nobody). This module
matches it against the store's speakers, incrementally: a new article is
matched against indexed rows (surname, keys), never by reading the archive.

The rules, each a function below:

* **In the article first** (:func:`article_identities`, no database): a bare
  name ("Merkel", "Thaksin") that the article writes in full before it
  ("Angela Merkel", "Thaksin Shinawatra") is that full name (the one
  written last before the statement).
* **People** with a given name merge with the stored person of the same
  surname and a compatible given name ("A." ~ "Angela"); different given
  names stay apart ("Horst Merkel").
* **A bare surname** joins a person (or bare name) stored from other
  articles only with evidence: the same title written with it
  ("Bundeskanzlerin Merkel" / "Bundeskanzlerin Angela Merkel"), or the
  article falls within :data:`CLOSE_IN_TIME` of that speaker's statements.
  Without evidence it is a speaker of its own: "Müller" in 2024 is not the
  "Müller" of 2005. A stored bare name learns its given name from a full
  name on the same evidence.
* **Organisations, groups and qualified descriptions** merge by key (their
  name's words, inflection cut: "Auswärtigen Amtes" = "Auswärtige Amt"),
  and by the other keys they were seen with (an abbreviation: "WHO").
* **Unqualified descriptions** ("die Polizei", "Beobachter") are one
  speaker per article and noun, never merged across articles, unless the
  noun is the name of an organisation written as such elsewhere ("der
  Spiegel" after "das Nachrichtenmagazin Der Spiegel").
* A pronoun without an entity is the previous **person** of the article.

Display names are the fullest seen. Decisions depend only on the stored
speakers and the article, so the same articles in the same order give the
same speakers (crash-safe re-runs; ``--reprocess`` equals a fresh ingest).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import date

from .speaker_identity import (
    DESCRIPTION,
    GROUP,
    NAME,
    ORGANISATION,
    PERSON,
    Identity,
    _name_runs,
    _person,
    _roles,
    _surname_key,
    identify,
)
from .speakers import SpeakerNames, _first_compatible, _is_title, names_for, norm

CLOSE_IN_TIME = 730  # days: a bare surname joins a speaker quoted within two years of the article
_WORD = r"\S+"
_SENTENCE_END = (".", "!", "?", ":", ";", ",", ")", "(", "“", "”", '"')
_STRIP = "„“”\"'»«‚‘’()[],;:.!?"
_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")


# ---------------------------------------------------------------- in the article


def article_identities(
    text: str,
    entities: list[str | None],
    mentions: list[str | None],
    positions: list[int],
    lang: str,
) -> list[Identity | None]:
    """:func:`identify` for each statement, with bare names completed from the article's full names."""
    names = names_for(lang)
    found = [identify(e, m, lang) for e, m in zip(entities, mentions, strict=True)]
    written: _ArticleNames | None = None
    for i, ident in enumerate(found):
        said = norm(mentions[i] or "")
        if ident is not None and said in names.singular_pronouns and _titled_otherwise(ident, said, text, names):
            found[i] = None
            continue
        if ident is not None and (ident.kind == NAME or _one_noun(ident)):
            written = written or _ArticleNames(text, names)
            full = written.full_name(ident, positions[i])
            if full is not None:
                found[i] = replace(full, roles=tuple(sorted({*full.roles, *ident.roles})))
    return found


def _titled_otherwise(ident: Identity, pronoun: str, text: str, names: SpeakerNames) -> bool:
    """ "sie" never stands for one the article titles as a man ("Ministerpräsident Abhisit"), "er" never for a woman.

    A title with a feminine form ("Ministerpräsident" / "Ministerpräsidentin")
    says the gender; the extractor's resolution that disagrees is dropped.
    """
    if ident.kind not in (PERSON, NAME):
        return False
    word = ident.name.split()[-1] if ident.kind == NAME else ident.name.split()[0]
    for m in re.finditer(r"(\w+)\s+" + re.escape(word) + r"\b", text):
        title = m.group(1).casefold()
        for base in (
            title,
            title[:-2] if title.endswith("en") else title,
            title[:-1] if title.endswith("n") else title,
        ):
            masculine = _is_title(base, names) and _is_title(base + "in", names)
            feminine = base.endswith("in") and _is_title(base, names) and _is_title(base[:-2], names)
            if (pronoun == names.feminine_pronoun and masculine) or (pronoun == names.masculine_pronoun and feminine):
                return True
    return False


def _one_noun(ident: Identity) -> bool:
    """A description of one capitalised word ("Lindqvist" read as a noun): a surname if the article says so."""
    return ident.kind == DESCRIPTION and not ident.key and " " not in ident.name and ident.name[:1].isupper()


class _ArticleNames:
    """The full personal names an article writes, found once per article."""

    def __init__(self, text: str, names: SpeakerNames) -> None:
        self.names = names
        self.runs: list[tuple[int, list[str], tuple[str, ...]]] = []  # (offset, name words, words before)
        segment: list[str] = []
        offsets: list[int] = []
        for m in re.finditer(_WORD, text):  # once per article, not once per mention
            raw = m.group()
            word = raw.strip(_STRIP) if not _INITIAL.match(raw) else raw
            if raw[:1] in '(„“"' and segment:
                self._add(segment, offsets)
                segment, offsets = [], []
            if word:
                segment.append(word)
                offsets.append(m.start())
            if raw.endswith(_SENTENCE_END) and not _INITIAL.match(raw):
                self._add(segment, offsets)
                segment, offsets = [], []
        self._add(segment, offsets)

    def _add(self, words: list[str], offsets: list[int]) -> None:
        for start, run in _name_runs(tuple(words), self.names):
            self.runs.append((offsets[start], run, tuple(words[max(0, start - 2) : start])))

    def full_name(self, bare: Identity, at: int) -> Identity | None:
        """The full name the article gives for ``bare``: the one written last before ``at``.

        News name a person in full first and by surname after; a full name
        written only later may be someone else ("Generalsekretärin Lindqvist
        … Auch Peter Lindqvist, ein Fischer").

        Surnames first ("Merkel" → "Angela Merkel"); a name the article
        writes as the first word of a full name ("Thaksin" → "Thaksin
        Shinawatra") only when no full name ends with it.
        """
        surname = bare.surname or norm(bare.name)
        by_surname = [r for r in self.runs if _surname_key(r[1], self.names) == surname]
        by_first = [r for r in self.runs if norm(r[1][0]) == norm(bare.name)]
        for found in (by_surname, by_first):
            before = [r for r in found if r[0] <= at]
            if before:
                _, run, context = before[-1]
                return _person(run, context, self.names)
        return None


# ---------------------------------------------------------------- across the archive


class ArchiveResolver:
    """Assigns speaker ids to one article's identities, creating speakers as needed.

    Works inside the caller's open write transaction on ``conn``.
    """

    def __init__(self, conn: sqlite3.Connection, lang: str = "de") -> None:
        self.conn = conn
        self.names = names_for(lang)

    def resolve_article(
        self,
        identities: list[Identity | None],
        surfaces: list[str | None],
        published: date | None,
        pronoun_only: list[bool] | None = None,
    ) -> list[int | None]:
        """Speaker ids for the statements of one article, in order.

        ``surfaces``: the speaker as written, kept as an alias. ``published``:
        the article's date (the evidence "close in time"). ``pronoun_only``:
        the statements whose speaker is a pronoun with no entity; they get
        the previous person of the article.
        """
        day = published.isoformat() if published else None
        ids: list[int | None] = [None] * len(identities)
        in_article: dict[str, int] = {}  # what this article already resolved, by kind and key
        for rank in (PERSON, ORGANISATION, NAME, DESCRIPTION):
            for i, ident in enumerate(identities):
                if ident is not None and _rank(ident) == rank:
                    ids[i] = self._resolve(ident, day, in_article)
        for i, sid in enumerate(ids):
            if sid is not None:
                self._seen(sid, identities[i], surfaces[i], day)
        if pronoun_only:
            self._pronouns_to_previous_person(ids, identities, pronoun_only)
        return ids

    def _resolve(self, ident: Identity, day: str | None, in_article: dict[str, int]) -> int:
        own = f"{ident.kind}|{ident.surname}|{ident.first}|{ident.key}|{ident.also}"
        if own not in in_article:
            in_article[own] = self._match(ident, day, in_article)
        return in_article[own]

    def _match(self, ident: Identity, day: str | None, in_article: dict[str, int]) -> int:
        if ident.kind == PERSON:
            return self._person(ident, day)
        if ident.kind == NAME:
            return self._bare_name(ident, day)
        if ident.key:
            return self._by_key(ident)
        return self._description_here(ident, in_article)

    def _pronouns_to_previous_person(
        self, ids: list[int | None], identities: list[Identity | None], pronoun_only: list[bool]
    ) -> None:
        """ "…, sagte Stoltenberg. … sagte er.": a pronoun with no entity is the person quoted before it."""
        last: int | None = None
        for i, ident in enumerate(identities):
            if ids[i] is not None and ident is not None and ident.kind in (PERSON, NAME):
                last = ids[i]
            elif ids[i] is None and pronoun_only[i] and last is not None:
                ids[i] = last

    # -- people --------------------------------------------------------

    def _people(self, surname: str) -> list[tuple[int, str, str, str | None, str | None, str]]:
        return self.conn.execute(
            "SELECT id, kind, first, first_day, last_day, name FROM speakers "
            "WHERE surname = ? AND kind IN ('person', 'name') AND curated = 0 ORDER BY id",
            (surname,),
        ).fetchall()

    def _person(self, ident: Identity, day: str | None) -> int:
        """Same surname and a compatible given name; else a bare name it completes on evidence; else new."""
        rows = self._people(ident.surname)
        for sid, _, first, *_rest, name in rows:
            if first and _first_compatible(first, ident.first):
                if len(ident.name) > len(name):
                    self._rename(sid, ident.name)  # the fullest name seen: "George W. Bush" over "George Bush"
                return int(sid)
        bare = [r for r in rows if not r[2] and self._evidence(r, ident, day)]
        if bare:
            sid = _closest(bare, day)
            self.conn.execute(
                "UPDATE speakers SET kind = 'person', first = ?, name = ?, norm = ? WHERE id = ?",
                (ident.first, ident.name, norm(ident.name), sid),
            )
            return sid
        return self._new(ident)

    def _bare_name(self, ident: Identity, day: str | None) -> int:
        """A body of that name; else a person or bare name with evidence; else a bare name of its own."""
        body = self._keyed(ident.key, (ORGANISATION,))
        if body is not None:
            return body
        fitting = [r for r in self._people(ident.surname) if self._evidence(r, ident, day)]
        if fitting:
            same_role = [r for r in fitting if ident.roles and set(ident.roles) & self._roles_of(r[0])]
            return _closest(same_role or fitting, day)
        return self._new(ident)

    def _evidence(
        self, row: tuple[int, str, str, str | None, str | None, str], ident: Identity, day: str | None
    ) -> bool:
        """Whether a stored person may be the one a bare surname names: same title, or close in time."""
        sid, _, _, first_day, last_day, _ = row
        if ident.roles and set(ident.roles) & self._roles_of(sid):
            return True
        return bool(day and first_day and last_day and _days_apart(day, first_day, last_day) <= CLOSE_IN_TIME)

    def _roles_of(self, speaker_id: int) -> set[str]:
        """The titles written with a stored speaker's names (its aliases)."""
        out: set[str] = set()
        for (alias,) in self.conn.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker_id = ? AND curated = 0", (speaker_id,)
        ):
            out.update(_roles(alias.split(), self.names))
        return out

    # -- organisations, groups, descriptions ---------------------------------

    def _by_key(self, ident: Identity) -> int:
        kinds = (ORGANISATION, NAME) if ident.kind == ORGANISATION else (ident.kind,)
        keys = [ident.key, *(k for k in ident.also if not k.startswith("noun:"))]
        found = next((sid for k in keys if (sid := self._keyed(k, kinds)) is not None), None)
        if found is None:
            return self._new(ident)
        row = self.conn.execute("SELECT kind, name FROM speakers WHERE id = ?", (found,)).fetchone()
        if row[0] == NAME:  # "Reuters" alone first, then "die Nachrichtenagentur Reuters"
            self.conn.execute("UPDATE speakers SET kind = ?, surname = '' WHERE id = ?", (ORGANISATION, found))
        if _fuller(ident.name, row[1]):
            self._rename(found, ident.name)
        self._add_keys(found, keys)
        return found

    def _description_here(self, ident: Identity, in_article: dict[str, int]) -> int:
        """One speaker per article and noun; or the organisation of that name ("der Spiegel")."""
        noun = next((k for k in ident.also if k.startswith("noun:")), "noun:" + norm(ident.name))
        if noun not in in_article:
            body = self._keyed(noun[len("noun:") :], (ORGANISATION,))
            in_article[noun] = body if body is not None else self._new(ident)
        return in_article[noun]

    def _keyed(self, key: str, kinds: tuple[str, ...]) -> int | None:
        if not key:
            return None
        row = self.conn.execute(
            "SELECT s.id FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id "
            f"WHERE k.key = ? AND s.kind IN ({','.join('?' * len(kinds))}) ORDER BY s.id LIMIT 1",
            (key, *kinds),
        ).fetchone()
        return int(row[0]) if row else None

    # -- rows ------------------------------------------------------------

    def _new(self, ident: Identity) -> int:
        cur = self.conn.execute(
            "INSERT INTO speakers(name, norm, kind, surname, first) VALUES (?, ?, ?, ?, ?)",
            (ident.name, norm(ident.name), ident.kind, ident.surname, ident.first),
        )
        assert cur.lastrowid is not None
        keys = (
            [ident.key, *(k for k in ident.also if not k.startswith("noun:"))]
            if ident.key
            or ident.kind
            in (
                ORGANISATION,
                GROUP,
            )
            else []
        )
        self._add_keys(cur.lastrowid, keys)
        return cur.lastrowid

    def _add_keys(self, speaker_id: int, keys: list[str]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO speaker_keys(key, speaker_id) VALUES (?, ?)", [(k, speaker_id) for k in keys if k]
        )

    def _rename(self, speaker_id: int, name: str) -> None:
        self.conn.execute("UPDATE speakers SET name = ?, norm = ? WHERE id = ?", (name, norm(name), speaker_id))

    def _seen(self, speaker_id: int, ident: Identity | None, surface: str | None, day: str | None) -> None:
        """Keep the speaker's aliases (as written, and as named) and the dates it was quoted."""
        for alias in (surface, ident.name if ident else None):
            if alias and norm(alias) not in self.names.pronouns:
                text = " ".join(alias.split())[:120]
                self.conn.execute(
                    "INSERT OR IGNORE INTO speaker_aliases(speaker_id, alias, norm) VALUES (?, ?, ?)",
                    (speaker_id, text, norm(text)),
                )
        if day:
            self.conn.execute(
                "UPDATE speakers SET first_day = min(coalesce(first_day, ?1), ?1), "
                "last_day = max(coalesce(last_day, ?1), ?1) WHERE id = ?2",
                (day, speaker_id),
            )


def _rank(ident: Identity) -> str:
    """Full names first (they complete bare names of the same article), bodies, bare names, descriptions."""
    if ident.kind in (ORGANISATION, GROUP) or (ident.kind == DESCRIPTION and ident.key):
        return ORGANISATION
    return ident.kind


def _fuller(new: str, old: str) -> bool:
    """ "Weltgesundheitsorganisation" over "WHO", "Human Rights Watch" over "HRW": more words, then more letters."""
    return (len(new.split()), len(new)) > (len(old.split()), len(old)) and len(new) <= 60


def _days_apart(day: str, first_day: str, last_day: str) -> int:
    d, a, b = (date.fromisoformat(x[:10]) for x in (day, first_day, last_day))
    if a <= d <= b:
        return 0
    return min(abs((d - a).days), abs((d - b).days))


def _closest(rows: list[tuple[int, str, str, str | None, str | None, str]], day: str | None) -> int:
    """The speaker quoted closest in time to ``day`` (ties, or no dates: the oldest)."""

    def distance(row: tuple[int, str, str, str | None, str | None, str]) -> tuple[int, int]:
        if day and row[3] and row[4]:
            return _days_apart(day, row[3], row[4]), row[0]
        return 10**6, row[0]

    return int(min(rows, key=distance)[0])
