"""Speakers across articles: one person or organisation, many mentions.

A statement names its speaker in many ways ("Jens Stoltenberg",
"Stoltenberg", "NATO-Generalsekretär Stoltenberg", "er"). The store keeps one
row per speaker plus the aliases seen, and this module decides which row a
mention belongs to:

* titles and roles are stripped (``lang/de/speaker_titles.txt``), appositions
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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Pronouns and determiners that never name a speaker on their own.
PRONOUNS = frozenset(
    "er sie es ich wir ihr du man jener jene dieser diese dieses der die das dem den wer jemand "
    "beide alle viele einige manche andere letzterer letztere ersterer erstere selbst".split()
)
# Pronouns that the ingest may resolve to the previous named speaker of the
# same article when the extractor gave no ``speaker_entity``.
SINGULAR_PRONOUNS = frozenset({"er", "sie"})
_ARTICLES = frozenset("der die das den dem des ein eine einer eines einem einen".split())
# Lower-case particles inside names: "Ursula von der Leyen", "Vincent van Gogh".
_PARTICLES = frozenset("von van der den de di da du zu zum vom al el bin ibn ten ter y".split())
_PARENS = re.compile(r"\([^)]*\)?")
_APPOSITION = re.compile(r"\s*[,;(]\s*|\s+[–—-]\s+")
_STRIP = " \t\n,;:.-–—\"'„“”»«‚‘’()[]"
_UPPER = re.compile(r"^[A-ZÄÖÜ]")


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """The German title/role list (lower case)."""
    raw = resources.files("saidwhat.lang.de").joinpath("speaker_titles.txt").read_text(encoding="utf-8")
    out = set()
    for line in raw.splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            out.add(entry)
    return frozenset(out)


def _is_title(token: str) -> bool:
    t = token.strip(_STRIP.replace(".", "")).lower()
    tl = titles()
    if t in tl or t.rstrip(".") in tl:
        return True
    # "NATO-Generalsekretär", "US-Präsident", "Ex-Kanzlerin": the head of a
    # hyphenated compound decides.
    if "-" in t:
        head = t.rsplit("-", 1)[1]
        return head in tl or head.startswith("ex") and head[2:] in tl
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


def _clean_part(part: str) -> list[str]:
    tokens = [t.strip(_STRIP.replace(".", "")) for t in part.split()]
    tokens = [t for t in tokens if t]
    while tokens and tokens[0].lower() in _ARTICLES:
        tokens = tokens[1:]
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        # "frühere US-Präsident Donald Trump": adjectives before a title go with it.
        if not _is_cap(tokens[0]) and len(tokens) > 2 and _is_title(tokens[1]) and _is_cap(tokens[2]):
            tokens = tokens[1:]
            changed = True
        # Strip a title only when a capitalised word follows ("Präsident Putin"),
        # not in "Sprecher der Polizei" where the role is all we have.
        if _is_title(tokens[0]) and len(tokens) > 1 and _is_cap(tokens[1]):
            tokens = tokens[1:]
            changed = True
    return tokens


@lru_cache(maxsize=65536)
def _tagged(token: str) -> tuple[str, str]:
    """(STTS tag, lemma) of a word out of context; ("", token) without a tagger."""
    try:
        from .lang.de.tagger import tag_word_de
    except ImportError:  # pragma: no cover - the tagger is part of the package
        return "", token
    try:
        tag, lemma = tag_word_de(token)
        return str(tag), str(lemma)
    except Exception:  # a tagger hiccup must not stop an ingest
        return "", token


def _tag(token: str) -> str:
    return _tagged(token)[0]


# Tags that a word of a personal name never has: "Offiziellen Angaben",
# "Seiner Meinung", "Demnach" are capitalised at a sentence start only.
_NOT_NAME_TAGS = ("ADJ", "ADV", "ART", "PPOS", "PPER", "PRO", "PD", "PI", "PRE", "APPR", "KO", "V", "CARD")


def _name_like(tokens: list[str]) -> bool:
    if not tokens or len(tokens) > 5 or not _is_cap(tokens[-1]) or not _is_cap(tokens[0]):
        return False
    for t in tokens:
        if any(c.isdigit() for c in t) or _is_title(t):
            return False
        if not _is_cap(t) and t.lower() not in _PARTICLES:
            return False
        if _is_cap(t) and _tag(t).startswith(_NOT_NAME_TAGS):
            return False
    if len(tokens) == 1:
        return True
    # A genitive before a noun is no name: "Islands Regierung", "Celebis Angaben".
    if tokens[0].endswith("s") and _tagged(tokens[0])[1] == tokens[0][:-1] and _tag(tokens[-1]) == "NN":
        return False
    # A first name is a proper noun: "Angela Merkel", not "Regierung Bush"
    # or "Berliner Polizei". (The surname may be tagged as a noun: "Biden".)
    return _tag(tokens[0]) in ("NE", "")


def _name_suffix(tokens: list[str]) -> list[str] | None:
    """The longest full name (two to four words) that ends ``tokens``."""
    for k in range(min(4, len(tokens) - 1), 1, -1):
        tail = tokens[-k:]
        if _name_like(tail):
            return tail
    return None


def _strip_role_nouns(tokens: list[str]) -> list[str]:
    """ "Commander Randy Henderson" → "Randy Henderson": a noun before a full name."""
    while len(tokens) > 2 and _tag(tokens[0]) == "NN" and _tag(tokens[1]) == "NE" and _is_cap(tokens[2]):
        tokens = tokens[1:]
    return tokens


def parse_mention(text: str | None) -> Mention | None:
    """Clean a speaker mention; None for pronouns and empty mentions."""
    if not text:
        return None
    t = " ".join(text.split()).strip(_STRIP)
    if not t or t.lower() in PRONOUNS:
        return None
    # Parentheses hold a party or place ("Klaus Wowereit (SPD)"), never the name.
    t = _PARENS.sub(" ", t).strip(_STRIP)
    parts = [p for p in _APPOSITION.split(t) if p and p.strip(_STRIP)]
    cleaned = [_strip_role_nouns(_clean_part(p)) for p in parts[:4]]
    cleaned = [c for c in cleaned if c]
    if not cleaned:
        return None
    # Prefer the first part that is a name: "Ein Sprecher der Polizei, Lars
    # Beringer" → "Lars Beringer"; "Stoltenberg, 63, ein …" → "Stoltenberg";
    # then a full name ending a description ("Berlins Regierender
    # Bürgermeister Klaus Wowereit" → "Klaus Wowereit").
    tokens = next((c for c in cleaned if _name_like(c)), None)
    if tokens is None:
        tokens = next((n for n in (_name_suffix(c) for c in cleaned) if n), cleaned[0])
    if len(tokens) == 1 and tokens[0].lower() in PRONOUNS:
        return None
    name = " ".join(tokens)[:120]
    if _name_like(tokens):
        # Surname = last token plus preceding particles ("von der Leyen").
        i = len(tokens) - 1
        while i > 1 and tokens[i - 1].lower() in _PARTICLES:
            i -= 1
        return Mention(name=name, person=True, surname=norm(" ".join(tokens[i:])), first=norm(" ".join(tokens[:i])))
    return Mention(name=name, person=False)


def best_mention(entity: str | None, speaker_text: str | None) -> str | None:
    """What names the speaker: the extractor's entity, unless the mention says more.

    An entity that is a bare surname ("Weber") loses to a speaker text with a
    full name of the same surname ("Bürgermeisterin Anna Weber"): otherwise
    Anna and Karl Weber would be one speaker.
    """
    entity = entity.strip() if entity else None
    if not entity:
        return speaker_text or None
    if speaker_text:
        e, t = parse_mention(entity), parse_mention(speaker_text)
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

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

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
            parsed = [parse_mention(m) for m in mentions]
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
                if surface and norm(surface) not in PRONOUNS:
                    self._alias(ids[i], " ".join(surface.split())[:120])  # type: ignore[arg-type]
        last: int | None = None
        for i, raw in enumerate(mentions):
            if ids[i] is not None:
                last = ids[i]
            elif raw and norm(raw) in SINGULAR_PRONOUNS and last is not None:
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
