"""The embedded statement store: one SQLite file (WAL mode).

One writer (the process that ingests), any number of readers. Each thread
gets its own connection, so a web server may call a read-only ``Store`` from
its worker threads. All SQL is parameterised.

The query methods return plain JSON-serialisable dicts; see ``docs/store.md``.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError, StoreError
from ..model import ROLES, Article, Kind, Medium, Span, SpeakerKind, Stance, Statement, spans_text
from ..search.highlight import match_spans
from ..search.query import Parsed, SyntaxProblem, parse_query
from ..speaker_identity import Identity
from ..speaker_merge import ArchiveResolver, article_identities
from ..speakers import names_for as speaker_names_for
from ..speakers import norm, parse_mention
from ..timeanchor import SaidOn, said_on_all, time_expressions_for
from . import curation, quotegroups
from .schema import MIGRATIONS, SCHEMA_VERSION, fill_search_forms, statements_forms

__all__ = [
    "SCHEMA_VERSION",
    "Prepared",
    "QueryError",
    "Store",
    "StoredArticle",
    "article_id_for",
    "fts_query",
    "prepare",
    "speaker_id_of",
    "store_error",
]

_BUSY_TIMEOUT_MS = 10_000
# SQLite integers are signed 64-bit: a larger id, limit or offset cannot even be asked for.
SQLITE_MAX_INT = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]+")
# Search words and speaker names a search takes: far more than anyone types, small enough to stay fast.
MAX_SEARCH_CHARS = 1000
MAX_SEARCH_WORDS = 32
_SURROGATE = re.compile("[\ud800-\udfff]")


class QueryError(InputError):
    """A search value the store cannot ask for (a bad date, kind, id or text): the asker's mistake.

    ``field`` names the filter, ``problem`` says what is wrong, echoing the value.
    """

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def shown(value: object, width: int = 60) -> str:
    """``value`` quoted for an error message: escapes control characters and surrogates, cut to ``width``."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def checked_text(value: str, field: str) -> str:
    """``value`` unchanged, or a :class:`QueryError` if it is not valid Unicode text.

    A lone surrogate (``\\ud800``) cannot be encoded as UTF-8, so SQLite would
    raise on it; command-line arguments carry one for every byte that is not UTF-8.
    """
    bad = _SURROGATE.search(value)
    if bad:
        raise QueryError(
            field,
            f"{shown(value)} is not valid text: a lone surrogate U+{ord(bad.group()):04X} at character {bad.start()}",
        )
    return value


def checked_name(value: str, field: str) -> str:
    """:func:`checked_text`, and at most :data:`MAX_SEARCH_CHARS` characters.

    A speaker name becomes a LIKE pattern, and one over 50,000 bytes is an SQLite error.
    """
    if len(value) > MAX_SEARCH_CHARS:
        raise QueryError(field, f"{len(value)} characters; at most {MAX_SEARCH_CHARS}")
    return checked_text(value, field)


def speaker_id_of(speaker: str | int) -> int | None:
    """The speaker id a speaker filter names (an int, or ASCII digits), else None (a name to look up).

    Only ASCII digits are an id: ``"²"`` and ``"٣"`` count as digits for
    :meth:`str.isdigit` but are names here.
    """
    if isinstance(speaker, int):
        number = speaker
    elif _ASCII_DIGITS.fullmatch(speaker.strip()):
        number = int(speaker.strip())
    else:
        return None
    if not 0 <= number <= SQLITE_MAX_INT:
        raise QueryError("speaker", f"id {shown(str(number))} is out of range (0 to {SQLITE_MAX_INT})")
    return number


def _row_count(value: int) -> int:
    """A LIMIT or OFFSET SQLite accepts: below 0 means 0, beyond 64 bits means 'all'."""
    return min(max(0, int(value)), SQLITE_MAX_INT)


# Above this many matches a search walks the date index instead of sorting.
_MANY = 400


def article_id_for(text: str, url: str | None = None) -> str:
    """An article's identity: its URL if it has one, else its text."""
    key = ("url:" + url.strip()) if url and url.strip() else ("text:" + text)
    # surrogatepass: a lone surrogate must not crash the caller (the record
    # is refused when stored); every other text hashes as plain UTF-8.
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def store_error(e: sqlite3.Error, path: str) -> StoreError:
    """SQLite's error as one line that says what is wrong and what to do."""
    name = getattr(e, "sqlite_errorname", "") or ""
    msg = str(e)
    if name.startswith("SQLITE_READONLY") or "readonly" in msg:
        why = "the database is read-only (the file, its folder or the disk): nothing can be stored"
    elif name.startswith("SQLITE_FULL") or "is full" in msg:
        why = "the disk is full: free some space and run again"
    elif name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in msg or "not a database" in msg:
        why = "the database file is damaged (SQLite: " + msg + "); restore it from a backup"
    elif name.startswith("SQLITE_CANTOPEN") or "unable to open" in msg:
        folder = Path(path).resolve().parent
        if not folder.is_dir():
            why = f"cannot open the database file: no folder {folder}"
        elif not os.access(folder, os.W_OK):
            why = f"cannot open the database file: its folder {folder} is read-only"
        else:
            why = "cannot open the database file (no permission for it, or not a file)"
    elif name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in msg:
        why = f"another process has held the database locked for {_BUSY_TIMEOUT_MS // 1000} s; try again later"
    elif name.startswith("SQLITE_IOERR") or "disk I/O" in msg:
        why = f"the disk failed to read or write (SQLite: {msg})"
    else:
        why = f"database error: {msg}"
    return StoreError(f"{path}: {why}")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def fts_query(query: str) -> str | None:
    """A user's search (docs/store.md, "Search") as an FTS5 MATCH expression; None if it has no word."""
    parsed = _parsed_query(query)
    return parsed.fts if parsed else None


def _parsed_query(query: str) -> Parsed | None:
    """:func:`parse_query` of a search, or a :class:`QueryError` for what it cannot ask or more than a search needs.

    Each word is one more full-text lookup: 50,000 words took 29 s.
    """
    try:
        parsed = parse_query(checked_name(query, "query"))
    except SyntaxProblem as e:
        raise QueryError("query", f"{shown(query)}: {e}") from None
    if parsed is not None and parsed.n_terms > MAX_SEARCH_WORDS:
        raise QueryError("query", f"{parsed.n_terms} words; a search takes at most {MAX_SEARCH_WORDS}")
    return parsed


_ISO_DAY = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?(?:-([0-9]{2}))?")


def _iso_day(value: date | str | None, what: str) -> str | None:
    """``value`` (YYYY-MM-DD, YYYY-MM or YYYY, ASCII digits) as the first (since) or last (until) day it covers."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    parts = _ISO_DAY.fullmatch(value.strip())
    try:
        if parts is None:
            raise ValueError
        year, month, day = (int(p) if p else None for p in parts.groups())
        assert year is not None  # the pattern requires it
        if day is not None:
            return date(year, month or 1, day).isoformat()
        if what == "since":
            return date(year, month or 1, 1).isoformat()
        month = month or 12
        return date(year, month, calendar.monthrange(year, month)[1]).isoformat()
    except ValueError:
        raise QueryError(what, f"{shown(value)} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") from None


def _kind_value(kind: str | None) -> str | None:
    if not kind:
        return None
    for k in Kind:
        if kind.lower() in (k.value, k.corpus_name.lower(), k.value.replace("_", "-")):
            return k.value
    raise QueryError("kind", f"unknown kind {shown(kind)} (one of: {', '.join(k.value for k in Kind)})")


def _speaker_kind_value(speaker_kind: str | None) -> str | None:
    if not speaker_kind or not speaker_kind.strip():
        return None
    try:
        return SpeakerKind(speaker_kind.strip().lower()).value
    except ValueError:
        raise QueryError(
            "speaker_kind",
            f"unknown speaker kind {shown(speaker_kind)} (one of: {', '.join(k.value for k in SpeakerKind)})",
        ) from None


def _stance_value(stance: str | None) -> str | None:
    if not stance:
        return None
    try:
        return Stance(stance.strip().lower()).value
    except ValueError:
        raise QueryError(
            "stance", f"unknown stance {shown(stance)} (one of: {', '.join(s.value for s in Stance)})"
        ) from None


_LANG = re.compile(r"[a-z]{2,3}")


def _lang_value(lang: str) -> str:
    value = lang.strip().lower()
    if not _LANG.fullmatch(value):
        raise QueryError("lang", f"{shown(lang)} is not a language code (like de or en)")
    return value


def _confidence_value(value: float | str | None) -> float | None:
    """A minimum confidence from 0 to 1, or None for no minimum."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not 0.0 <= number <= 1.0:  # also NaN
        raise QueryError("min_confidence", f"{shown(value)} is not a number from 0 to 1")
    return number


def _with_highlights(items: list[dict[str, Any]], query: str | None) -> list[dict[str, Any]]:
    """``items``, each with ``highlight``: where ``query`` matched its quote and speaker (see search_statements)."""
    parsed = _parsed_query(query) if query and query.strip() else None
    if parsed is None:
        return items
    for item in items:
        lang = item.get("lang") or "de"
        item["highlight"] = {
            "quote": match_spans(item["quote"], parsed.terms, lang),
            "speaker": match_spans(item["speaker"], parsed.terms, lang),
        }
    return items


_STATEMENT_COLS = (
    "s.id, s.article_id, a.title, s.published, s.said_on, s.said_on_precision, s.said_on_expr, s.kind, s.medium, "
    "s.confidence, s.nested, s.quote, s.speaker, s.speaker_id, sp.name, s.speaker_entity, s.cue, s.addressee, "
    "s.frame, s.quote_spans, s.speaker_spans, s.cue_spans, s.addressee_spans, s.frame_spans, a.url, a.source, s.seq, "
    "s.stance, a.lang, s.speaker_kind"
)
_STATEMENT_FROM = "statements s JOIN articles a ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id"


def _statement_dict(r: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
    return {
        "id": r[0],
        "article_id": r[1],
        "article_title": r[2],
        "published": r[3],
        "said_on": r[4],
        "said_on_precision": r[5],
        "said_on_expr": r[6],
        "kind": r[7],
        "medium": r[8],
        "confidence": r[9],
        "nested": bool(r[10]),
        "quote": r[11],
        "speaker": r[12],
        "speaker_id": r[13],
        "speaker_name": r[14],
        "speaker_entity": r[15],
        "cue": r[16],
        "addressee": r[17],
        "frame": r[18],
        "spans": {name: json.loads(r[19 + i]) for i, name in enumerate(ROLES)},
        "url": r[24],
        "source": r[25],
        "seq": r[26],
        "stance": r[27],
        "lang": r[28],
        "speaker_kind": r[29],
    }


class Store:
    """A statement store in one SQLite file.

    ``readonly=True`` opens the file with ``mode=ro`` and never writes: safe
    for a server next to a running ingest (WAL lets readers and the writer
    work at once).
    """

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        if readonly and self.path != ":memory:" and not Path(self.path).exists():
            raise InputError(f"{self.path}: no such database (run 'saidwhat ingest' first)")
        try:
            if not readonly:
                self._migrate(self._conn())
            else:
                self._check_version(self._conn())
        except sqlite3.Error as e:
            self.close()
            raise store_error(e, self.path) from None

    # -- connections -------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.readonly:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not self.readonly:
                # WAL: readers never block the writer; NORMAL sync is still
                # crash-safe for a killed process (only power loss may lose
                # the last commits, never corrupt the file).
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as e:
            raise store_error(e, self.path) from None
        return conn

    def _conn(self) -> sqlite3.Connection:
        # check_same_thread=False only so close() can close every thread's
        # connection; each thread otherwise uses its own.
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.Error:
                    pass
            self._all.clear()
        self._local = threading.local()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every query inside sees the same state of the database.

        In WAL mode a reader's snapshot is fixed by its first read until it
        ends, whatever a writer commits meanwhile. Nested use joins the outer one.
        """
        conn = self._conn()
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands, or none of it.

        Inside :meth:`batch` it is a savepoint of the batch's transaction: on
        an error only its own changes are undone, and they land when the batch commits.
        """
        if self.readonly:
            raise InputError(f"{self.path}: opened read-only")
        conn = self._conn()
        if getattr(self._local, "batch", False):
            with _savepoint(conn):
                yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            _rollback(conn)
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error:
            _rollback(conn)
            raise

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many writes (:meth:`put_article` calls) in one transaction, committed together at the end.

        Committing once for many articles saves SQLite's per-commit work (the
        WAL frames of the same index pages, a new full-text segment each time).
        Each write inside is a savepoint: one that fails is undone alone and
        the others still land, unless the error leaves no transaction to
        commit (SQLite rolls back by itself after some, like a full disk).
        """
        if getattr(self._local, "batch", False):
            yield
            return
        with self.transaction():
            self._local.batch = True
            try:
                yield
            finally:
                self._local.batch = False

    @property
    def in_transaction(self) -> bool:
        """Whether this thread's connection has a write transaction open (SQLite may have ended one after an error)."""
        return self._conn().in_transaction

    # -- schema ------------------------------------------------------------

    def _version(self, conn: sqlite3.Connection) -> int:
        has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        if not has_meta:
            if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise InputError(f"{self.path}: an SQLite file, but not a saidwhat database")
            return 0
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _usable_version(self, conn: sqlite3.Connection) -> int:
        """The file's schema version; an error unless this saidwhat can open it."""
        try:
            v = self._version(conn)
        except sqlite3.Error as e:
            raise store_error(e, self.path) from None
        if v > SCHEMA_VERSION:
            raise InputError(
                f"{self.path}: schema v{v} is newer than this saidwhat (v{SCHEMA_VERSION}); upgrade saidwhat"
            )
        return v

    def _check_version(self, conn: sqlite3.Connection) -> None:
        v = self._usable_version(conn)
        if v < SCHEMA_VERSION:
            # An older database (from an earlier saidwhat) is migrated once,
            # in its own transactions, if the file is writable: a read-only
            # server must not fail on it. Otherwise: a clear error.
            if not os.access(self.path, os.W_OK):
                raise InputError(
                    f"{self.path}: schema v{v} is older and the file is read-only; open it for writing once"
                )
            Store(self.path).close()

    def _migrate(self, conn: sqlite3.Connection) -> None:
        v = self._usable_version(conn)
        for i in range(v, SCHEMA_VERSION):
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Re-check under the write lock: another process may have
                # migrated meanwhile.
                if self._version(conn) > i:
                    conn.execute("ROLLBACK")
                    continue
                for step in MIGRATIONS[i]:
                    if isinstance(step, str):
                        conn.execute(step)
                    else:
                        step(conn)
                conn.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (str(i + 1),),
                )
            except BaseException:
                _rollback(conn)
                raise
            conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return self._version(self._conn())

    # -- writing -----------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._conn().execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_article(
        self,
        article: Article,
        *,
        url: str | None = None,
        title: str | None = None,
        source: str | None = None,
        article_id: str | None = None,
        ext_id: str | None = None,
        extractor: str | None = None,
        replace: bool = False,
        prepared: Prepared | None = None,
        _test_delay: float = 0.0,
    ) -> str:
        """Store an article and its statements; returns the article id.

        Idempotent: an article already stored (same id) is left as it is,
        unless ``replace`` is set, which swaps its statements (and metadata)
        in one transaction. ``prepared``: :func:`prepare` of ``article``,
        when a worker process already did that part.
        """
        url = url or article.url
        aid = article_id or article_id_for(article.text, url)
        self.put_article(
            article,
            url=url,
            title=title,
            source=source,
            article_id=aid,
            ext_id=ext_id,
            extractor=extractor,
            replace=replace,
            prepared=prepared,
            _test_delay=_test_delay,
        )
        return aid

    def put_article(
        self,
        article: Article,
        *,
        url: str | None = None,
        title: str | None = None,
        source: str | None = None,
        article_id: str | None = None,
        ext_id: str | None = None,
        extractor: str | None = None,
        replace: bool = False,
        prepared: Prepared | None = None,
        _test_delay: float = 0.0,
    ) -> bool:
        """:meth:`add_article`, but says whether this call wrote the article.

        False when it was already stored (by an earlier run, or by another
        process a moment ago): ingest counts what it actually inserted.
        """
        url = url or article.url
        aid = article_id or article_id_for(article.text, url)
        if not replace and self.has_article(aid):
            return False
        with self.transaction() as conn:
            exists = conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone() is not None
            if exists and not replace:
                return False
            # Speakers are resolved against the machine's names and aliases;
            # the corrections are made again after (store/curation.py).
            curated = curation.active(conn)
            if curated:
                # Replacing deletes speakers left without statements: it must see the machine's.
                (curation.reset if exists else curation.reset_names)(conn)
            if exists:
                self._delete_article(conn, aid)
            self._insert(conn, aid, article, url, title, source, ext_id, extractor, _test_delay, prepared)
            if curated:
                curation.apply_all(conn)
        return True

    def _delete_article(self, conn: sqlite3.Connection, aid: str) -> None:
        old = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT speaker_id FROM statements WHERE article_id = ? AND speaker_id IS NOT NULL", (aid,)
            )
        ]
        conn.execute("DELETE FROM statements WHERE article_id = ?", (aid,))
        conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
        # Speakers nobody quotes any more go, so a re-processed store holds
        # what a fresh ingest would.
        for sid in old:
            if not conn.execute("SELECT 1 FROM statements WHERE speaker_id = ? LIMIT 1", (sid,)).fetchone():
                conn.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", (sid,))
                conn.execute("DELETE FROM speaker_keys WHERE speaker_id = ?", (sid,))
                conn.execute("DELETE FROM speakers WHERE id = ?", (sid,))

    def _insert(
        self,
        conn: sqlite3.Connection,
        aid: str,
        article: Article,
        url: str | None,
        title: str | None,
        source: str | None,
        ext_id: str | None,
        extractor: str | None,
        test_delay: float = 0.0,
        prepared: Prepared | None = None,
    ) -> None:
        from .. import __version__

        text = article.text
        published = article.published.isoformat() if article.published else None
        conn.execute(
            "INSERT INTO articles(id, url, ext_id, text_hash, title, source, published, lang, lang_origin, text, "
            "extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                aid,
                url or None,
                ext_id if ext_id is not None else article.id,
                text_hash(text),
                title if title is not None else article.title,
                source if source is not None else article.source,
                published,
                article.lang,
                article.lang_origin,
                text,
                extractor or f"saidwhat {__version__}",
            ),
        )
        if test_delay:
            # Crash tests: hold the transaction open so a kill lands inside it.
            time.sleep(test_delay)
        prep = prepared if prepared is not None and prepared.article is article else prepare(article)
        statements = prep.statements
        speaker_ids = ArchiveResolver(conn, article.lang).resolve_article(
            prep.identities, prep.surfaces, article.published, prep.pronoun_only
        )
        rows = []
        for seq, (st, sid, when) in enumerate(zip(statements, speaker_ids, prep.when, strict=True)):
            speaker_text = st.role_text("speaker", text)
            names = _speaker_names(speaker_text, st)
            quote = st.role_text("quote", text)
            day = when.value if when and when.precision == "day" else published
            rows.append(
                (
                    aid,
                    seq,
                    st.kind.value,
                    st.medium.value,
                    float(st.confidence),
                    int(st.nested),
                    quote,
                    speaker_text,
                    st.role_text("cue", text),
                    st.role_text("addressee", text),
                    st.role_text("frame", text),
                    *(json.dumps([[s.begin, s.end] for s in sorted(st.role(r))]) for r in ROLES),
                    st.speaker_entity,
                    names,
                    sid,
                    published,
                    when.value if when else None,
                    when.precision if when else None,
                    when.expr if when else None,
                    day,
                    st.stance.value,
                    prep.forms[seq],
                    st.speaker_kind.value if st.speaker_kind else None,
                )
            )
        conn.executemany(
            "INSERT INTO statements(article_id, seq, kind, medium, confidence, nested, quote, speaker, cue, addressee, "
            "frame, quote_spans, speaker_spans, cue_spans, addressee_spans, frame_spans, speaker_entity, "
            "speaker_names, speaker_id, published, said_on, said_on_precision, said_on_expr, day, stance, search_forms, "
            "speaker_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        quotegroups.update(conn, prep.quotes)  # the new direct quotes join their groups in this transaction

    def article_ids(self) -> list[str]:
        return [r[0] for r in self._conn().execute("SELECT id FROM articles ORDER BY rowid")]

    def article_input(self, article_id: str) -> dict[str, Any] | None:
        """What re-processing needs of a stored article (no statements)."""
        r = (
            self._conn()
            .execute(
                "SELECT id, url, ext_id, title, source, published, lang, lang_origin, text FROM articles WHERE id = ?",
                (article_id,),
            )
            .fetchone()
        )
        if not r:
            return None
        keys = ("id", "url", "ext_id", "title", "source", "published", "lang", "lang_origin", "text")
        return dict(zip(keys, r, strict=True))

    def stored_article(self, article_id: str) -> StoredArticle | None:
        """A stored article with its statements as objects, as :meth:`add_article` takes them.

        Re-storing it (in a rebuilt database) gives the same rows: the spans,
        kinds and entities are what the extractor found; speakers and dates
        are derived from them again.
        """
        conn = self._conn()
        r = conn.execute(
            "SELECT url, ext_id, title, source, published, lang, lang_origin, text, extractor FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if not r:
            return None
        url, ext_id, title, source, published, lang, lang_origin, text, extractor = r
        statements = [
            _statement_from_row(row)
            for row in conn.execute(
                "SELECT kind, medium, confidence, nested, speaker_entity, said_on, said_on_expr, stance, speaker_kind, "
                "quote_spans, speaker_spans, cue_spans, addressee_spans, frame_spans "
                "FROM statements WHERE article_id = ? ORDER BY seq",
                (article_id,),
            )
        ]
        article = Article(
            text=text,
            lang=lang,
            lang_origin=lang_origin,
            published=date.fromisoformat(published) if published else None,
            statements=statements,
            id=ext_id,
            title=title,
            url=url,
            source=source,
        )
        return StoredArticle(article_id, article, url, title, source, ext_id, extractor)

    def check_writable(self) -> None:
        """Fail now, not after an hour of work, if the store cannot be written."""
        if self.readonly:
            raise InputError(f"{self.path}: opened read-only")
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("UPDATE meta SET value = value WHERE key = 'schema_version'")
        finally:
            _rollback(conn)

    def data_version(self) -> int:
        """Changes when another connection commits (SQLite's ``data_version``)."""
        return int(self._conn().execute("PRAGMA data_version").fetchone()[0])

    def replace_contents(self, rebuilt: str | Path, expected_version: int) -> None:
        """Swap every article, statement and speaker for those of the database ``rebuilt``.

        One transaction: readers see the old store or the new one, a crash
        leaves the old one. Ids (article rowids, statement and speaker ids)
        are copied, so the store equals ``rebuilt`` row for row. Refused if
        another process wrote to this store since :meth:`data_version` gave
        ``expected_version``: its writes would be lost.
        """
        conn = self._conn()
        conn.execute("ATTACH DATABASE ? AS rebuilt", (str(rebuilt),))
        try:
            with self.transaction():
                if self.data_version() != expected_version:
                    raise StoreError(
                        f"{self.path}: another process wrote to the store during --reprocess; "
                        "nothing was replaced, run it again"
                    )
                # Children first when deleting, parents first when inserting
                # (foreign keys); the triggers keep the full-text index in step.
                for table in _DERIVED_TABLES:
                    conn.execute(f"DELETE FROM main.{table}")
                for table in reversed(_CONTENT_TABLES):
                    conn.execute(f"DELETE FROM main.{table}")
                for table in _CONTENT_TABLES:
                    cols = ", ".join(r[1] for r in conn.execute(f"PRAGMA main.table_info({table})"))
                    conn.execute(
                        f"INSERT INTO main.{table}(rowid, {cols}) "
                        f"SELECT rowid, {cols} FROM rebuilt.{table} ORDER BY rowid"
                    )
                # What ingest derives from the statements (quote groups) comes
                # along as the rebuild made it, with how far it got.
                for table in _DERIVED_TABLES:
                    conn.execute(f"INSERT INTO main.{table} SELECT * FROM rebuilt.{table}")
                conn.execute("DELETE FROM main.meta WHERE key = ?", (quotegroups.THROUGH_KEY,))
                conn.execute(
                    "INSERT INTO main.meta(key, value) SELECT key, value FROM rebuilt.meta WHERE key = ?",
                    (quotegroups.THROUGH_KEY,),
                )
                # The corrections (kept in this store) apply to the new contents.
                curation.apply_all(conn)
        finally:
            conn.execute("DETACH DATABASE rebuilt")

    # -- queries -------------------------------------------------------------

    def _speaker_ids(self, name: str) -> list[int]:
        """Ids of speakers whose name or an alias contains ``name`` (case-insensitive).

        Memoised per thread until the database changes: a search asks twice
        (to pick a plan, then to run it).
        """
        conn = self._conn()
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        cache: dict[str, list[int]] | None = getattr(self._local, "speaker_ids", None)
        if cache is None or getattr(self._local, "speaker_ids_version", None) != version:
            cache = {}
            self._local.speaker_ids = cache
            self._local.speaker_ids_version = version
        key = name.strip().casefold()
        if key not in cache:
            pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            cache[key] = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM speakers WHERE norm LIKE ? ESCAPE '\\' "
                    "UNION SELECT speaker_id FROM speaker_aliases WHERE norm LIKE ? ESCAPE '\\' ORDER BY 1",
                    (pattern, pattern),
                )
            ]
            if len(cache) > 256:
                cache.pop(next(iter(cache)))
        return cache[key]

    def _where(
        self,
        query: str | None,
        speaker: str | int | None,
        since: date | str | None,
        until: date | str | None,
        kind: str | None,
        stance: str | None = None,
        source: str | None = None,
        lang: str | None = None,
        min_confidence: float | str | None = None,
        joined: bool = False,
        speaker_kind: str | None = None,
    ) -> tuple[str, list[Any]]:
        """The WHERE clause of a search and its parameters.

        ``joined``: the query joins the article as ``a`` (searches and exports do), so the
        source and language filters read it there instead of listing every matching article.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if query and query.strip():
            parsed = _parsed_query(query)
            if parsed is None:
                clauses.append("0")
            else:
                clauses.append("s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)")
                params.append(parsed.fts)
        if speaker is not None and str(speaker).strip():
            speaker_id = speaker_id_of(speaker)
            if speaker_id is not None:
                clauses.append("s.speaker_id = ?")
                params.append(speaker_id)
            else:
                clauses.append("s.speaker_id IN (SELECT value FROM json_each(?))")
                params.append(json.dumps(self._speaker_ids(checked_name(str(speaker), "speaker"))))
        s = _iso_day(since, "since")
        if s:
            clauses.append("s.day >= ?")
            params.append(s)
        u = _iso_day(until, "until")
        if u:
            clauses.append("s.day <= ?")
            params.append(u)
        if s and u and s > u:
            raise QueryError("until", f"{shown(str(until))} is before since {shown(str(since))}")
        k = _kind_value(kind)
        if k:
            clauses.append("s.kind = ?")
            params.append(k)
        st = _stance_value(stance)
        if st:
            clauses.append("s.stance = ?")
            params.append(st)
        sk = _speaker_kind_value(speaker_kind)
        if sk:
            clauses.append("s.speaker_kind = ?")
            params.append(sk)
        # Source and language live on the article: the articles that have them, from an index
        # (schema v7), counted first. None (a source that is not there): nothing to look for.
        # All of them (one language, one outlet): no filter at all, rather than a list of every article.
        for column, value in (("source", source), ("lang", lang)):
            if value and value.strip():
                wanted = checked_name(value.strip(), "source") if column == "source" else _lang_value(value)
                n, of = self._articles_with(column, wanted)
                if n == 0:
                    clauses.append("0")
                elif n < of:
                    if joined:
                        clauses.append(f"a.{column} = ? COLLATE NOCASE")
                    else:
                        clauses.append(f"s.article_id IN (SELECT id FROM articles WHERE {column} = ? COLLATE NOCASE)")
                    params.append(wanted)
        c = _confidence_value(min_confidence)
        if c is not None:
            clauses.append("s.confidence >= ?")
            params.append(c)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _articles_with(self, column: str, value: str) -> tuple[int, int]:
        """How many articles have ``column`` (source or lang) = ``value`` (any case), and how many there are."""
        assert column in ("source", "lang")  # never user input: an identifier
        conn = self._conn()
        n = conn.execute(f"SELECT count(*) FROM articles WHERE {column} = ? COLLATE NOCASE", (value,)).fetchone()[0]
        return int(n), int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search_statements(
        self,
        query: str | None = None,
        speaker: str | int | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        kind: str | None = None,
        limit: int = 20,
        offset: int = 0,
        stance: str | None = None,
        source: str | None = None,
        lang: str | None = None,
        min_confidence: float | str | None = None,
        speaker_kind: str | None = None,
    ) -> list[dict[str, Any]]:
        """Statements matching all given filters, newest first.

        With a ``query``, each statement also has ``highlight``: where the
        query matched, as ``{"quote": [[begin, end], …], "speaker": …}``
        offsets into its ``quote`` and ``speaker`` texts.
        """
        where, params = self._where(
            query,
            speaker,
            since,
            until,
            kind,
            stance,
            source,
            lang,
            min_confidence,
            joined=True,
            speaker_kind=speaker_kind,
        )
        # Two plans. Few matches: fetch them all, sort, cut (the default).
        # Many matches (a frequent word, a broad speaker pattern): walk the
        # date index newest first and stop after one page, instead of
        # sorting thousands of rows. The full-text/speaker count that decides
        # costs well under a millisecond.
        hint = ""
        estimate = self._estimate(query, speaker)
        if estimate is None and (source or lang):
            # Only an article filter narrows the search: as many matches as those articles hold.
            estimate = self.count_statements(source=source, lang=lang)
        if estimate is not None and estimate > _MANY:
            hint = " INDEXED BY statements_day"
        sql = (
            f"SELECT {_STATEMENT_COLS} FROM statements s{hint} JOIN articles a ON a.id = s.article_id "
            f"LEFT JOIN speakers sp ON sp.id = s.speaker_id{where} "
            "ORDER BY s.day DESC, s.id DESC LIMIT ? OFFSET ?"  # NULL days sort last
        )
        rows = self._conn().execute(sql, [*params, _row_count(limit), _row_count(offset)]).fetchall()
        items = [_statement_dict(r) for r in rows]
        return _with_highlights(items, query)

    def search_page(
        self,
        query: str | None = None,
        speaker: str | int | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        kind: str | None = None,
        limit: int = 20,
        offset: int = 0,
        stance: str | None = None,
        source: str | None = None,
        lang: str | None = None,
        min_confidence: float | str | None = None,
        speaker_kind: str | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of :meth:`search_statements` and the total it belongs to, from the same database state.

        An ingest may commit between two queries; inside one read transaction
        both see the same snapshot, so the total never disagrees with the page.
        """
        filters: dict[str, Any] = {
            "query": query,
            "speaker": speaker,
            "since": since,
            "until": until,
            "kind": kind,
            "stance": stance,
            "source": source,
            "lang": lang,
            "min_confidence": min_confidence,
            "speaker_kind": speaker_kind,
        }
        with self._snapshot():
            items = self.search_statements(**filters, limit=limit, offset=offset)
            # each item says whether its quote recurs elsewhere (CLI and API alike)
            reuse = self.quote_reuse([item["id"] for item in items])
            for item in items:
                item["quote_group"] = reuse.get(item["id"])
            if _row_count(offset) == 0 and len(items) < _row_count(limit):
                return items, len(items)  # the page holds them all: no need to count
            return items, self.count_statements(**filters)

    def _estimate(self, query: str | None, speaker: str | int | None) -> int | None:
        """An upper bound on the matches, from the full-text index or the speaker index alone."""
        conn = self._conn()
        bounds: list[int] = []
        if query and query.strip():
            parsed = _parsed_query(query)
            if parsed is None:
                return 0
            bounds.append(
                conn.execute(
                    "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?", (parsed.fts,)
                ).fetchone()[0]
            )
        if speaker is not None and str(speaker).strip():
            where, params = self._where(None, speaker, None, None, None)
            bounds.append(conn.execute(f"SELECT count(*) FROM statements s{where}", params).fetchone()[0])
        return min(bounds) if bounds else None

    def count_statements(
        self,
        query: str | None = None,
        speaker: str | int | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        kind: str | None = None,
        stance: str | None = None,
        source: str | None = None,
        lang: str | None = None,
        min_confidence: float | str | None = None,
        speaker_kind: str | None = None,
    ) -> int:
        only_words = query and query.strip() and not (speaker is not None and str(speaker).strip())
        if only_words and not (since or until or kind or stance or source or lang or min_confidence or speaker_kind):
            # Words alone: the full-text index counts without reading rows.
            return self._estimate(query, None) or 0
        where, params = self._where(
            query, speaker, since, until, kind, stance, source, lang, min_confidence, speaker_kind=speaker_kind
        )
        return int(self._conn().execute(f"SELECT count(*) FROM statements s{where}", params).fetchone()[0])

    def iter_statements(
        self,
        batch: int = 2000,
        stance: str | None = None,
        *,
        query: str | None = None,
        speaker: str | int | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        kind: str | None = None,
        source: str | None = None,
        lang: str | None = None,
        min_confidence: float | str | None = None,
        speaker_kind: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Every statement matching the filters (those of :meth:`search_statements`), in article order, streamed.

        For export. Bad filters are an error here, before the first row is read.
        """
        where, params = self._where(
            query,
            speaker,
            since,
            until,
            kind,
            stance,
            source,
            lang,
            min_confidence,
            joined=True,
            speaker_kind=speaker_kind,
        )
        return self._iter_rows(where, params, batch)

    def rebuild_search_index(self) -> int:
        """Recompute every statement's word forms and rebuild the full-text index; returns the statements.

        For a store whose forms came from another analyser version.
        Only the search columns change.
        """
        with self.transaction() as conn:
            fill_search_forms(conn)
            return int(conn.execute("SELECT count(*) FROM statements").fetchone()[0])

    def _iter_rows(self, where: str, params: list[Any], batch: int) -> Iterator[dict[str, Any]]:
        conn = self._connect()  # own connection: a long read must not share a cursor
        try:
            cur = conn.execute(f"SELECT {_STATEMENT_COLS} FROM {_STATEMENT_FROM}{where} ORDER BY s.id", params)
            while True:
                rows = cur.fetchmany(batch)
                if not rows:
                    break
                for r in rows:
                    yield _statement_dict(r)
        finally:
            conn.close()

    def _speaker_dicts(self, rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
        if not rows:
            return []
        conn = self._conn()
        ids = [r[0] for r in rows]
        marks = ",".join("?" * len(ids))
        by_kind: dict[int, dict[str, int]] = {i: {} for i in ids}
        for sid, kind, n in conn.execute(
            f"SELECT speaker_id, kind, count(*) FROM statements WHERE speaker_id IN ({marks}) "
            "GROUP BY speaker_id, kind",
            ids,
        ):
            by_kind[sid][kind] = n
        aliases: dict[int, list[str]] = {i: [] for i in ids}
        for sid, alias in conn.execute(
            f"SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id IN ({marks}) ORDER BY speaker_id, alias",
            ids,
        ):
            aliases[sid].append(alias)
        links = curation.links(conn, ids)
        return [
            {
                "id": r[0],
                "name": r[1],
                "kind": r[2],
                "aliases": aliases[r[0]],
                "links": links[r[0]],
                "n_statements": r[3],
                "by_kind": by_kind[r[0]],
                "first": r[4],
                "last": r[5],
            }
            for r in rows
        ]

    def speakers(self, top: int = 50, offset: int = 0, query: str | None = None) -> list[dict[str, Any]]:
        """Speakers by number of statements (most-quoted first)."""
        params: list[Any] = []
        where = " WHERE speaker_id IS NOT NULL"
        if query and query.strip():
            where = " WHERE speaker_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(self._speaker_ids(checked_name(query, "query"))))
        # Count over the (speaker_id, day) index alone, then names and date
        # range (two index probes each) for one page only.
        conn = self._conn()
        top_rows = conn.execute(
            "SELECT t.speaker_id, sp.name, sp.kind, t.n FROM "
            "(SELECT speaker_id, count(*) AS n "
            f" FROM statements INDEXED BY statements_speaker{where} GROUP BY speaker_id "
            "  ORDER BY n DESC, speaker_id LIMIT ? OFFSET ?) t "
            "JOIN speakers sp ON sp.id = t.speaker_id ORDER BY t.n DESC, sp.id",
            [*params, _row_count(top), _row_count(offset)],
        ).fetchall()
        rows = []
        for sid, name, kind, n in top_rows:
            first = conn.execute("SELECT min(day) FROM statements WHERE speaker_id = ?", (sid,)).fetchone()[0]
            last = conn.execute("SELECT max(day) FROM statements WHERE speaker_id = ?", (sid,)).fetchone()[0]
            rows.append((sid, name, kind, n, first, last))
        return self._speaker_dicts(rows)

    def speaker(self, speaker_id: int) -> dict[str, Any] | None:
        if not 0 <= speaker_id <= SQLITE_MAX_INT:
            return None  # no such id can be stored
        rows = (
            self._conn()
            .execute(
                "SELECT sp.id, sp.name, sp.kind, count(s.id), min(s.day), max(s.day) "
                "FROM speakers sp LEFT JOIN statements s ON s.speaker_id = sp.id WHERE sp.id = ? GROUP BY sp.id",
                (int(speaker_id),),
            )
            .fetchall()
        )
        out = self._speaker_dicts(rows)
        return out[0] if out else None

    def speaker_statements(self, speaker_id: int, limit: int = 500) -> list[dict[str, Any]]:
        if not 0 <= speaker_id <= SQLITE_MAX_INT:
            return []
        rows = (
            self._conn()
            .execute(
                f"SELECT {_STATEMENT_COLS} FROM {_STATEMENT_FROM} WHERE s.speaker_id = ? "
                "ORDER BY s.published IS NULL, s.published, s.said_on, s.article_id, s.seq LIMIT ?",
                (int(speaker_id), _row_count(limit)),
            )
            .fetchall()
        )
        return [_statement_dict(r) for r in rows]

    def article(self, article_id: str) -> dict[str, Any] | None:
        checked_text(article_id, "article id")
        conn = self._conn()
        r = conn.execute(
            "SELECT id, title, url, source, published, lang, text, ext_id, extractor FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if not r:
            return None
        rows = conn.execute(
            f"SELECT {_STATEMENT_COLS} FROM {_STATEMENT_FROM} WHERE s.article_id = ? ORDER BY s.seq", (article_id,)
        ).fetchall()
        return {
            "id": r[0],
            "title": r[1],
            "url": r[2],
            "source": r[3],
            "published": r[4],
            "lang": r[5],
            "text": r[6],
            "ext_id": r[7],
            "extractor": r[8],
            "statements": [_statement_dict(x) for x in rows],
        }

    def stats(self) -> dict[str, Any]:
        """What the store holds (counts from one snapshot); not where it lives: callers show that if they want."""
        with self._snapshot() as conn:
            return self._stats(conn)

    def _stats(self, conn: sqlite3.Connection) -> dict[str, Any]:
        def one(sql: str) -> Any:
            return conn.execute(sql).fetchone()[0]

        first, last = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "statements": one("SELECT count(*) FROM statements"),
            "speakers": one("SELECT count(*) FROM speakers"),
            "by_kind": {
                k: n for k, n in conn.execute("SELECT kind, count(*) FROM statements GROUP BY kind ORDER BY kind")
            },
            "first": first,
            "last": last,
            "with_said_on": one("SELECT count(*) FROM statements WHERE said_on IS NOT NULL"),
            "by_lang": {
                f"{lang} ({origin})": n
                for lang, origin, n in conn.execute(
                    "SELECT lang, lang_origin, count(*) FROM articles GROUP BY lang, lang_origin ORDER BY lang, lang_origin"
                )
            },
            "schema_version": self._version(conn),
        }

    # -- quote reuse (store/quotegroups.py) ------------------------------------

    def update_quote_groups(self) -> int:
        """Group direct statements stored before quote groups existed (ingest keeps them current)."""
        with self.transaction() as conn:
            return quotegroups.update(conn)

    def quote_groups(
        self, conflicts: bool = False, limit: int = 50, offset: int = 0
    ) -> tuple[int, list[dict[str, Any]]]:
        """Quotes that recur in two articles or more (``conflicts``: credited to different people)."""
        return quotegroups.list_groups(self._conn(), conflicts, limit, offset)

    def quote_group(self, group_id: int) -> dict[str, Any] | None:
        return quotegroups.group(self._conn(), int(group_id))

    def quote_reuse(self, statement_ids: list[int]) -> dict[int, dict[str, Any]]:
        """``{statement id: {id, n_articles, conflict}}`` for statements whose quote recurs elsewhere."""
        return quotegroups.groups_for_statements(self._conn(), statement_ids)


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    """A nested transaction: on an error its changes are undone, the outer transaction's stay."""
    conn.execute("SAVEPOINT write")
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # else SQLite rolled all of it back already
            try:
                conn.execute("ROLLBACK TO write")
                conn.execute("RELEASE write")
            except sqlite3.Error:
                pass
        raise
    conn.execute("RELEASE write")


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back, keeping the error that got here: after SQLITE_FULL and the
    like, SQLite may have rolled back by itself already."""
    try:
        conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass


# The tables that hold a store's content, parents before children.
_CONTENT_TABLES = ("articles", "speakers", "speaker_aliases", "speaker_keys", "statements")
# Tables ingest fills from the statements (store/quotegroups.py), copied as a whole.
_DERIVED_TABLES = ("quote_keys", "quote_members", "quote_groups", "quote_groups_dirty")


@dataclass
class StoredArticle:
    """An article as stored: the object plus what ``add_article`` takes beside it."""

    article_id: str
    article: Article
    url: str | None
    title: str | None
    source: str | None
    ext_id: str | None
    extractor: str | None


def _statement_from_row(row: tuple[Any, ...]) -> Statement:
    kind, medium, confidence, nested, entity, day, expr, stance, speaker_kind, *spans = row
    roles = {name: [Span(b, e) for b, e in json.loads(raw)] for name, raw in zip(ROLES, spans, strict=True)}
    return Statement(
        kind=Kind(kind),
        medium=Medium(medium),
        confidence=confidence,
        nested=bool(nested),
        speaker_entity=entity,
        speaker_kind=SpeakerKind(speaker_kind) if speaker_kind else None,
        # A date the extractor gave itself has no expression; others are
        # resolved from the text again.
        said_on=day if day and not expr else None,
        stance=Stance(stance),
        **roles,
    )


@dataclass
class Prepared:
    """The CPU-heavy part of storing an article, done before the transaction.

    Parsing speaker mentions (POS tags) and resolving dates need no database,
    so ingest workers do it in parallel; the single writer only matches and
    inserts.
    """

    article: Article
    statements: list[Statement]  # in text order
    identities: list[Identity | None]  # who each speaker is (saidwhat.speaker_identity)
    pronoun_only: list[bool]  # the speaker is a pronoun the extractor did not resolve
    surfaces: list[str | None]
    when: list[SaidOn | None]
    forms: list[str]  # search_forms of each statement (word forms of quote and speaker names)
    # quotegroups.quote_facts of the direct statements, by (quote, speaker, entity)
    quotes: dict[quotegroups.QuoteText, quotegroups.QuoteFacts | None]


def _speaker_names(speaker_text: str, st: Statement) -> str:
    """What the full-text index searches as the speaker: the mention as written and the entity."""
    return " ".join(dict.fromkeys(x for x in (speaker_text, st.speaker_entity or "") if x))


def prepare(article: Article) -> Prepared:
    text = article.text
    statements = sorted(article.statements, key=lambda s: (s.start, min(s.cue).begin if s.cue else 0))
    surfaces = [spans_text(st.speaker, text) if st.speaker else None for st in statements]
    names = speaker_names_for(article.lang)
    words = time_expressions_for(article.lang)  # None: a language without time expressions
    forms = statements_forms(
        [(st.role_text("quote", text), _speaker_names(st.role_text("speaker", text), st)) for st in statements],
        article.lang,
        len(text),
    )
    return Prepared(
        article=article,
        statements=statements,
        identities=article_identities(
            text,
            [st.speaker_entity for st in statements],
            surfaces,
            [min(st.speaker).begin if st.speaker else st.start for st in statements],
            article.lang,
        ),
        pronoun_only=[
            not st.speaker_entity and norm(s or "") in names.singular_pronouns
            for st, s in zip(statements, surfaces, strict=True)
        ],
        surfaces=surfaces,
        when=said_on_all(text, statements, article.published, words) if words else [None] * len(statements),
        forms=forms,
        quotes=_quote_facts(statements, text),
    )


def _quote_facts(statements: list[Statement], text: str) -> dict[quotegroups.QuoteText, quotegroups.QuoteFacts | None]:
    """:func:`quotegroups.quote_facts` of each direct statement, as the store will hold its texts."""
    facts: dict[quotegroups.QuoteText, quotegroups.QuoteFacts | None] = {}
    for st in statements:
        if st.kind is Kind.DIRECT:
            key = (st.role_text("quote", text), st.role_text("speaker", text), st.speaker_entity)
            if key not in facts:
                facts[key] = quotegroups.quote_facts(*key)
    return facts


# Imported here for callers that want to check a mention the way the store does.
__all__ += ["parse_mention"]
