"""The store's schema as ordered migrations.

``MIGRATIONS[i]`` takes a database from schema version ``i`` to ``i + 1``.
Each step runs in its own transaction together with the version bump in
``meta``, so a crash leaves the database at a whole version. Never edit a
released step: append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from ..search.forms import article_forms

Step = str | Callable[[sqlite3.Connection], None]


def fill_search_forms(conn: sqlite3.Connection) -> None:
    """Give every statement its ``search_forms`` (lemmas, compound parts) and rebuild the full-text index.

    Also what a changed analyser needs (:meth:`Store.rebuild_search_index`): it
    reads and writes only the search columns, so no stored data changes.
    Article by article, statements in order: the forms come out as ingest made them.
    """
    articles = conn.execute("SELECT id, lang, length(text) FROM articles ORDER BY rowid").fetchall()
    for aid, lang, length in articles:
        rows = conn.execute(
            "SELECT id, quote, speaker_names FROM statements WHERE article_id = ? ORDER BY seq", (aid,)
        ).fetchall()
        forms = statements_forms([(quote, names) for _, quote, names in rows], lang, length)
        conn.executemany(
            "UPDATE statements SET search_forms = ? WHERE id = ?",
            [(f, sid) for f, (sid, _, _) in zip(forms, rows, strict=True)],
        )
    conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')")


def fill_speaker_days(conn: sqlite3.Connection) -> None:
    """The dates each stored speaker was quoted (what the resolver's "close in time" reads).

    Speakers stored before v9 get no keys: their articles keep the old merges
    until ``saidwhat ingest --reprocess`` applies the new rules to them.
    """
    conn.execute(
        "UPDATE speakers SET first_day = (SELECT min(published) FROM statements WHERE speaker_id = speakers.id), "
        "last_day = (SELECT max(published) FROM statements WHERE speaker_id = speakers.id)"
    )


def statements_forms(statements: list[tuple[str, str]], lang: str, text_length: int) -> list[str]:
    """The ``search_forms`` column of an article's statements, each given as (quote, speaker names), in order.

    The word forms of its quote and speaker names, within the article's bound
    on the analyser's work (``text_length``: the article's length).
    """
    return article_forms([quote + "\n" + names for quote, names in statements], lang, text_length)


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
    # v5: quote reuse (saidwhat.store.quotegroups). Every direct quote of
    # MIN_WORDS words or more is a member of one group; quote_keys maps its
    # LSH/exact keys to the group, so a new quote finds its group by index
    # lookups. Groups of deleted statements are tidied via quote_groups_dirty.
    [
        """CREATE TABLE quote_groups (
            id INTEGER PRIMARY KEY,
            n_members INTEGER NOT NULL,
            n_articles INTEGER NOT NULL,
            first_statement_id INTEGER,     -- earliest published member (ties: first stored)
            first_published TEXT,
            conflict INTEGER NOT NULL DEFAULT 0  -- members credit different people
        )""",
        "CREATE INDEX quote_groups_reused ON quote_groups(n_articles, first_published)",
        "CREATE INDEX quote_groups_conflict ON quote_groups(conflict, n_articles)",
        """CREATE TABLE quote_members (
            statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
            group_id INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            published TEXT,
            norm TEXT NOT NULL,             -- the normalised words
            speaker_key TEXT NOT NULL       -- 'surname|first' when written as a name, else ''
        )""",
        "CREATE INDEX quote_members_group ON quote_members(group_id, published)",
        """CREATE TABLE quote_keys (
            key INTEGER NOT NULL,
            group_id INTEGER NOT NULL,
            PRIMARY KEY (key, group_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX quote_keys_group ON quote_keys(group_id)",
        "CREATE TABLE quote_groups_dirty (group_id INTEGER PRIMARY KEY)",
        """CREATE TRIGGER quote_members_ad AFTER DELETE ON quote_members BEGIN
            INSERT OR IGNORE INTO quote_groups_dirty(group_id) VALUES (old.group_id);
        END""",
        # Statement ids of deleted rows are reused: the next update looks again from there.
        """CREATE TRIGGER statements_quote_ad AFTER DELETE ON statements WHEN old.kind = 'direct' BEGIN
            UPDATE meta SET value = min(CAST(value AS INTEGER), old.id - 1) WHERE key = 'quote_groups_through';
        END""",
    ],
    # v6: speaker corrections (docs/store.md, "Correcting speakers"; store/curation.py).
    # Overrides name speakers by name, so they outlive the ids a --reprocess rebuilds;
    # the machine's own values are kept where a correction changes them (NULL: unchanged).
    [
        """CREATE TABLE speaker_overrides (
            id INTEGER PRIMARY KEY AUTOINCREMENT,  -- 'remove-override N'; never reused; the order they apply in
            op TEXT NOT NULL,               -- merge | split | rename | link
            speaker TEXT NOT NULL,          -- the speaker it applies to, by name or alias
            other TEXT NOT NULL DEFAULT '', -- merge: the speaker merged in; split: the mention split out
            articles TEXT NOT NULL DEFAULT '[]',  -- split: only in these article ids (JSON)
            value TEXT NOT NULL DEFAULT '', -- split, rename: the new name; link: the external id
            source TEXT NOT NULL DEFAULT '',      -- 'cli', 'web', 'alias file, line N'
            created TEXT NOT NULL           -- UTC, ISO
        )""",
        "ALTER TABLE statements ADD COLUMN machine_speaker_id INTEGER",
        # Covering, partial: which statements a correction moved, and where to, without reading rows.
        "CREATE INDEX statements_curated ON statements(machine_speaker_id, speaker_id) "
        "WHERE machine_speaker_id IS NOT NULL",
        "ALTER TABLE speakers ADD COLUMN machine_name TEXT",
        "ALTER TABLE speakers ADD COLUMN curated INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE speaker_aliases ADD COLUMN curated INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE speaker_links (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
            ext_id TEXT NOT NULL,           -- 'wikidata:Q567', a newsroom's id
            PRIMARY KEY (speaker_id, ext_id)
        )""",
    ],
    # v7: search by word forms (docs/store.md "Search"). Each statement keeps
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
    # v8: how each article's language was chosen (--lang auto, saidwhat.lang.choice): 'given' (an
    # explicit language; every article stored before v8), 'detected', or 'fallback' (the detector could
    # not tell: processed as the run's fallback language). Lists the undecided articles.
    [
        "ALTER TABLE articles ADD COLUMN lang_origin TEXT NOT NULL DEFAULT 'given'",
    ],
    # v9: speakers across the archive (issue 15; saidwhat/speaker_merge.py). A speaker
    # keeps the dates it was quoted (a bare surname joins one quoted close in time) and
    # the keys it merges by (its name's words, inflection cut; an abbreviation);
    # kind is now person, name (bare), organisation, group or description.
    [
        "ALTER TABLE speakers ADD COLUMN first_day TEXT",
        "ALTER TABLE speakers ADD COLUMN last_day TEXT",
        """CREATE TABLE speaker_keys (
            key TEXT NOT NULL,              -- 'auswärtig amt', 'who', 'group:afp+reuters'
            speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
            PRIMARY KEY (key, speaker_id)
        )""",
        "CREATE INDEX speaker_keys_speaker ON speaker_keys(speaker_id)",
        fill_speaker_days,
    ],
    # v10: what each statement's speaker is (issue 15): person, organisation,
    # group, anonymous, description. Rows stored before it read NULL (not
    # decided) until re-processed (`saidwhat ingest --reprocess`).
    [
        "ALTER TABLE statements ADD COLUMN speaker_kind TEXT",
        "CREATE INDEX statements_speaker_kind ON statements(speaker_kind, day)",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
