"""The store's schema as ordered migrations.

``MIGRATIONS[i]`` takes a database from schema version ``i`` to ``i + 1``.
Each step runs in its own transaction together with the version bump in
``meta``, so a crash leaves the database at a whole version. Never edit a
released step: append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from ..search.forms import index_forms

Step = str | Callable[[sqlite3.Connection], None]


def fill_search_forms(conn: sqlite3.Connection) -> None:
    """Give every statement its ``search_forms`` (lemmas, compound parts) and rebuild the full-text index.

    Also what a changed analyser needs (:meth:`Store.rebuild_search_index`): it
    reads and writes only the search columns, so no stored data changes.
    """
    rows = conn.execute(
        "SELECT s.id, s.quote, s.speaker_names, a.lang FROM statements s JOIN articles a ON a.id = s.article_id"
    ).fetchall()
    conn.executemany(
        "UPDATE statements SET search_forms = ? WHERE id = ?",
        [(statement_forms(quote, names, lang), sid) for sid, quote, names, lang in rows],
    )
    conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')")


def statement_forms(quote: str, speaker_names: str, lang: str) -> str:
    """The ``search_forms`` column of a statement: the word forms of its quote and speaker names."""
    return index_forms(quote + "\n" + speaker_names, lang)


MIGRATIONS: list[list[Step]] = [
    # v1: articles, statements, speakers, aliases, full-text index.
    [
        """CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,            -- hash of the URL, else of the text
            url TEXT UNIQUE,
            ext_id TEXT,                    -- the source's own id, if any
            text_hash TEXT NOT NULL,
            title TEXT,
            source TEXT,
            published TEXT,                 -- ISO date
            lang TEXT NOT NULL,
            text TEXT NOT NULL,
            extractor TEXT NOT NULL         -- 'saidwhat <version>', 'gold', 'spark'
        )""",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_text_hash ON articles(text_hash)",
        """CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,             -- display name, titles stripped
            norm TEXT NOT NULL,
            kind TEXT NOT NULL,             -- 'name' (a proper name) or 'description' ('Sprecher der Polizei')
            surname TEXT NOT NULL DEFAULT '',
            first TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX speakers_surname ON speakers(surname)",
        "CREATE INDEX speakers_norm ON speakers(norm)",
        """CREATE TABLE speaker_aliases (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            norm TEXT NOT NULL,
            PRIMARY KEY (speaker_id, alias)
        )""",
        "CREATE INDEX speaker_aliases_norm ON speaker_aliases(norm)",
        """CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,           -- order within the article
            kind TEXT NOT NULL,
            medium TEXT NOT NULL,
            confidence REAL NOT NULL,
            nested INTEGER NOT NULL DEFAULT 0,
            quote TEXT NOT NULL,
            speaker TEXT NOT NULL,          -- mention text
            cue TEXT NOT NULL,
            addressee TEXT NOT NULL,
            frame TEXT NOT NULL,
            quote_spans TEXT NOT NULL,      -- JSON [[begin, end], ...] into articles.text
            speaker_spans TEXT NOT NULL,
            cue_spans TEXT NOT NULL,
            addressee_spans TEXT NOT NULL,
            frame_spans TEXT NOT NULL,
            speaker_entity TEXT,
            speaker_names TEXT NOT NULL,    -- mention + entity + name: what FTS searches
            speaker_id INTEGER REFERENCES speakers(id),
            published TEXT,                 -- the article's publication date
            said_on TEXT,                   -- resolved from the text, ISO (maybe reduced precision)
            said_on_precision TEXT,         -- day | week | month | year
            said_on_expr TEXT,              -- the expression as written
            day TEXT,                       -- said_on when a day, else published: for filters and order
            UNIQUE (article_id, seq)
        )""",
        "CREATE INDEX statements_speaker ON statements(speaker_id, day)",
        "CREATE INDEX statements_day ON statements(day, id)",
        "CREATE INDEX statements_kind ON statements(kind, day)",
        """CREATE VIRTUAL TABLE statements_fts USING fts5(
            quote, speaker_names,
            content='statements', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
            INSERT INTO statements_fts(rowid, quote, speaker_names) VALUES (new.id, new.quote, new.speaker_names);
        END""",
        """CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
            INSERT INTO statements_fts(statements_fts, rowid, quote, speaker_names)
            VALUES ('delete', old.id, old.quote, old.speaker_names);
        END""",
    ],
    # v2: the date index also covers the speaker and kind filters, so a
    # search with many matches walks it newest-first without reading rows.
    [
        "DROP INDEX IF EXISTS statements_day",
        "CREATE INDEX statements_day ON statements(day, id, speaker_id, kind)",
    ],
    # v3: the speaker index covers kind: counts by kind per speaker (the
    # speakers page) read no statement rows.
    [
        "DROP INDEX IF EXISTS statements_speaker",
        "CREATE INDEX statements_speaker ON statements(speaker_id, day, kind)",
    ],
    # v4: the stance of each statement (docs/stance.md). Rows stored before
    # it read 'say' until re-processed (`saidwhat ingest --reprocess`).
    [
        "ALTER TABLE statements ADD COLUMN stance TEXT NOT NULL DEFAULT 'say'",
        "CREATE INDEX statements_stance ON statements(stance, day)",
    ],
    # v5: search by word forms (docs/store.md "Search"). Each statement keeps
    # the lemmas and compound parts of its words (search_forms), indexed next
    # to the surface text. The index is declared with content="statements" in
    # double quotes: the form Datasette detects, so its ?_search= works.
    [
        "ALTER TABLE statements ADD COLUMN search_forms TEXT NOT NULL DEFAULT ''",
        "DROP TRIGGER IF EXISTS statements_ai",
        "DROP TRIGGER IF EXISTS statements_ad",
        "DROP TABLE IF EXISTS statements_fts",
        """CREATE VIRTUAL TABLE statements_fts USING fts5(
            quote, speaker_names, search_forms,
            content="statements", content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
            INSERT INTO statements_fts(rowid, quote, speaker_names, search_forms)
            VALUES (new.id, new.quote, new.speaker_names, new.search_forms);
        END""",
        """CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
            INSERT INTO statements_fts(statements_fts, rowid, quote, speaker_names, search_forms)
            VALUES ('delete', old.id, old.quote, old.speaker_names, old.search_forms);
        END""",
        fill_search_forms,
        # the source and language filters read these, not the articles' rows (their texts)
        "CREATE INDEX articles_source ON articles(source COLLATE NOCASE, id)",
        "CREATE INDEX articles_lang ON articles(lang COLLATE NOCASE, id)",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
