"""Quote groups in the store: an index that grows with every ingested article.

Tables (schema v5): ``quote_groups`` (one row per group, with its counts,
first appearance and conflict flag), ``quote_members`` (each grouped direct
quote: its group, normalised words and speaker key), ``quote_keys`` (index
key → group, see :func:`saidwhat.quotegroups.index_keys`).

Adding a quote costs 25 key lookups in ``quote_keys`` (a B-tree: log N),
one check against the members of each candidate group, and a refresh of
the one group it joins; nothing reads the archive. That is what keeps the
cost per new article flat as the store grows (``bench/quote_groups.py``).

:func:`update` runs inside the ingest transaction (``Store._insert``) and
groups every direct statement stored since the last update; the meta row
``quote_groups_through`` remembers how far it got. Deleting statements
(re-processing an article) lowers that mark and marks their groups dirty
(triggers in the schema), so the next update regroups and tidies them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..quotegroups import eligible, index_keys, keys_conflict, normalise, same_quote, speaker_key

__all__ = [
    "Member",
    "QuoteFacts",
    "QuoteIndex",
    "group",
    "groups_for_statements",
    "list_groups",
    "quote_facts",
    "update",
]

THROUGH_KEY = "quote_groups_through"
# A new quote is checked against at most this many distinct wordings of a
# candidate group: a quote repeated ten thousand times costs no more.
MAX_WORDINGS_CHECKED = 50
_BATCH = 2000
INDEX_CACHE_KIB = 256 * 1024


@dataclass(frozen=True)
class Member:
    """A direct quote to be grouped."""

    statement_id: int
    article_id: str
    published: str | None
    quote: str  # as written
    norm: str  # quotegroups.normalise(quote)
    speaker_key: str  # quotegroups.speaker_key
    keys: tuple[int, ...] | None = None  # quotegroups.index_keys(quote); None: computed when added


@dataclass(frozen=True)
class QuoteFacts:
    """What grouping needs of a direct quote, none of it from the database.

    Ingest workers work it out (:func:`saidwhat.store.prepare`), so the single
    writer only looks groups up; the speaker key needs the tagger, which the
    writer then never loads.
    """

    norm: str
    keys: tuple[int, ...]
    speaker_key: str


# A direct statement's quote, speaker mention and entity: what its facts are computed from.
QuoteText = tuple[str, str, str | None]


def quote_facts(quote: str, speaker: str, entity: str | None) -> QuoteFacts | None:
    """The facts of a direct quote, None if it is too short to be grouped (:func:`eligible`)."""
    norm = normalise(quote)
    if not eligible(norm):
        return None
    return QuoteFacts(norm, tuple(index_keys(quote)), speaker_key(speaker, entity))


class QuoteIndex:
    """Adds quotes to groups on an open connection (inside the caller's transaction)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, member: Member) -> int:
        """Put ``member`` into its group (a new one if it matches none); the group id."""
        norm = member.norm
        keys = list(member.keys) if member.keys is not None else index_keys(member.quote)
        matched = [g for g in self._candidates(keys) if self._matches(g, norm)]
        if matched:
            gid = min(matched)
            for other in matched:
                if other != gid:
                    self._merge(other, into=gid)
        else:
            cur = self.conn.execute("INSERT INTO quote_groups(n_members, n_articles) VALUES (0, 0)")
            assert cur.lastrowid is not None
            gid = cur.lastrowid
        self.conn.execute(
            "INSERT OR REPLACE INTO quote_members(statement_id, group_id, article_id, published, norm, speaker_key) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (member.statement_id, gid, member.article_id, member.published, norm, member.speaker_key),
        )
        self.conn.executemany("INSERT OR IGNORE INTO quote_keys(key, group_id) VALUES (?, ?)", [(k, gid) for k in keys])
        self.refresh(gid)
        return gid

    def _candidates(self, keys: list[int]) -> list[int]:
        marks = ",".join("?" * len(keys))
        rows = self.conn.execute(f"SELECT DISTINCT group_id FROM quote_keys WHERE key IN ({marks})", keys)
        return sorted(r[0] for r in rows)

    def _matches(self, gid: int, norm: str) -> bool:
        wordings = self.conn.execute(
            "SELECT DISTINCT norm FROM quote_members WHERE group_id = ? LIMIT ?", (gid, MAX_WORDINGS_CHECKED)
        )
        return any(same_quote(norm, w) for (w,) in wordings)

    def _merge(self, gid: int, into: int) -> None:
        """A quote that matches two groups joins them (single linkage)."""
        self.conn.execute("UPDATE quote_members SET group_id = ? WHERE group_id = ?", (into, gid))
        self.conn.execute("UPDATE OR IGNORE quote_keys SET group_id = ? WHERE group_id = ?", (into, gid))
        self.conn.execute("DELETE FROM quote_keys WHERE group_id = ?", (gid,))
        self.conn.execute("DELETE FROM quote_groups WHERE id = ?", (gid,))
        self.conn.execute("DELETE FROM quote_groups_dirty WHERE group_id = ?", (gid,))

    def refresh(self, gid: int) -> None:
        """Recount a group from its members; an empty group goes, with its keys."""
        n_members, n_articles = self.conn.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM quote_members WHERE group_id = ?", (gid,)
        ).fetchone()
        if not n_members:
            self.conn.execute("DELETE FROM quote_keys WHERE group_id = ?", (gid,))
            self.conn.execute("DELETE FROM quote_groups WHERE id = ?", (gid,))
            return
        first_id, first_published = self.conn.execute(
            "SELECT statement_id, published FROM quote_members WHERE group_id = ? "
            "ORDER BY published IS NULL, published, statement_id LIMIT 1",
            (gid,),
        ).fetchone()
        speaker_keys: dict[str, set[str]] = {}
        for article_id, key in self.conn.execute(
            "SELECT DISTINCT article_id, speaker_key FROM quote_members WHERE group_id = ?", (gid,)
        ):
            speaker_keys.setdefault(article_id, set()).add(key)
        self.conn.execute(
            "UPDATE quote_groups SET n_members = ?, n_articles = ?, first_statement_id = ?, first_published = ?, "
            "conflict = ? WHERE id = ?",
            (n_members, n_articles, first_id, first_published, int(keys_conflict(speaker_keys)), gid),
        )

    def tidy(self) -> None:
        """Recount the groups that lost members since the last update."""
        for (gid,) in self.conn.execute("SELECT group_id FROM quote_groups_dirty").fetchall():
            self.refresh(gid)
        self.conn.execute("DELETE FROM quote_groups_dirty")


def _through(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (THROUGH_KEY,)).fetchone()
    return int(row[0]) if row else 0


def update(conn: sqlite3.Connection, known: Mapping[QuoteText, QuoteFacts | None] | None = None) -> int:
    """Group the direct statements stored since the last update; how many were grouped.

    Runs in the caller's write transaction. Reads only the new statements.
    ``known``: the :func:`quote_facts` of (some of) them, worked out before.
    """
    # The index keys are random by design (hashes), so every new quote touches
    # B-tree pages all over quote_keys: keep them in SQLite's own page cache
    # (pages are allocated as used; the default is 2 MB).
    conn.execute(f"PRAGMA cache_size = -{INDEX_CACHE_KIB}")
    index = QuoteIndex(conn)
    index.tidy()
    through = _through(conn)
    grouped = 0
    while True:
        rows = conn.execute(
            "SELECT s.id, s.article_id, s.published, s.quote, s.speaker, s.speaker_entity FROM statements s "
            # "+s.kind": walk the new ids (primary key), not the kind index, which
            # would read every direct statement in the store (20 ms at 100k).
            "WHERE s.id > ? AND +s.kind = 'direct' "
            "AND NOT EXISTS (SELECT 1 FROM quote_members m WHERE m.statement_id = s.id) ORDER BY s.id LIMIT ?",
            (through, _BATCH),
        ).fetchall()
        for sid, aid, published, quote, speaker, entity in rows:
            text = (quote, speaker, entity)
            facts = known[text] if known is not None and text in known else quote_facts(*text)
            if facts is not None:
                index.add(Member(sid, aid, published, quote, facts.norm, facts.speaker_key, facts.keys))
                grouped += 1
        if len(rows) < _BATCH:
            break
        through = rows[-1][0]
    last = conn.execute("SELECT max(id) FROM statements").fetchone()[0] or 0
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (THROUGH_KEY, str(last)))
    return grouped


# -- reading ---------------------------------------------------------------

_APPEARANCE_COLS = (
    "m.statement_id, m.group_id, m.article_id, a.title, a.url, a.source, m.published, s.quote, s.speaker, "
    "s.speaker_entity, sp.name, m.speaker_key"
)
_APPEARANCE_FROM = (
    "quote_members m JOIN statements s ON s.id = m.statement_id JOIN articles a ON a.id = m.article_id "
    "LEFT JOIN speakers sp ON sp.id = s.speaker_id"
)


def _appearance(r: tuple[Any, ...]) -> dict[str, Any]:
    return {
        "statement_id": r[0],
        "article_id": r[2],
        "article_title": r[3],
        "url": r[4],
        "source": r[5],
        "published": r[6],
        "quote": r[7],
        "speaker": r[8],
        "speaker_entity": r[9],
        "speaker_name": r[10],
        # Whether this appearance names its speaker (and so counts for conflicts).
        "named": bool(r[11]),
    }


def _summary(conn: sqlite3.Connection, row: tuple[Any, ...]) -> dict[str, Any]:
    gid, n_members, n_articles, first_id, conflict = row
    first = conn.execute(f"SELECT {_APPEARANCE_COLS} FROM {_APPEARANCE_FROM} WHERE m.statement_id = ?", (first_id,))
    first_row = first.fetchone()
    return {
        "id": gid,
        "n_members": n_members,
        "n_articles": n_articles,
        "conflict": bool(conflict),
        "first": _appearance(first_row) if first_row else None,
    }


def list_groups(
    conn: sqlite3.Connection, conflicts: bool = False, limit: int = 50, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """Groups quoted in two articles or more (or only the conflicts), most articles first; (total, page)."""
    where = "n_articles >= 2" + (" AND conflict = 1" if conflicts else "")
    total = conn.execute(f"SELECT count(*) FROM quote_groups WHERE {where}").fetchone()[0]
    rows = conn.execute(
        f"SELECT id, n_members, n_articles, first_statement_id, conflict FROM quote_groups WHERE {where} "
        "ORDER BY n_articles DESC, first_published IS NULL, first_published, id LIMIT ? OFFSET ?",
        (max(0, int(limit)), max(0, int(offset))),
    ).fetchall()
    return int(total), [_summary(conn, r) for r in rows]


def group(conn: sqlite3.Connection, gid: int) -> dict[str, Any] | None:
    """One group with all its appearances, first appearance first."""
    row = conn.execute(
        "SELECT id, n_members, n_articles, first_statement_id, conflict FROM quote_groups WHERE id = ?", (gid,)
    ).fetchone()
    if not row:
        return None
    out = _summary(conn, row)
    members = conn.execute(
        f"SELECT {_APPEARANCE_COLS} FROM {_APPEARANCE_FROM} WHERE m.group_id = ? "
        "ORDER BY m.published IS NULL, m.published, m.statement_id",
        (gid,),
    ).fetchall()
    out["appearances"] = [_appearance(r) for r in members]
    return out


def groups_for_statements(conn: sqlite3.Connection, statement_ids: list[int]) -> dict[int, dict[str, Any]]:
    """For statements whose quote recurs in other articles: their group id, article count and conflict flag."""
    if not statement_ids:
        return {}
    rows = conn.execute(
        "SELECT m.statement_id, g.id, g.n_articles, g.conflict FROM quote_members m "
        "JOIN quote_groups g ON g.id = m.group_id "
        "WHERE m.statement_id IN (SELECT value FROM json_each(?)) AND g.n_articles >= 2",
        (_json_ids(statement_ids),),
    )
    return {sid: {"id": gid, "n_articles": n, "conflict": bool(c)} for sid, gid, n, c in rows}


def _json_ids(ids: list[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in ids) + "]"


def standalone_tables(conn: sqlite3.Connection) -> None:
    """Create the quote tables in an empty database without a store around them (the Spark driver's index)."""
    from .schema import MIGRATIONS

    step = next(s for s in MIGRATIONS if any(isinstance(sql, str) and "CREATE TABLE quote_groups" in sql for sql in s))
    for sql in step:
        # (this step is all SQL; the trigger on the store's statements table is left out)
        if isinstance(sql, str) and " ON statements " not in sql:
            conn.execute(sql)
