"""Dump a store's contents as text, one row a line, so two stores can be compared with ``diff``.

    python scripts/store_dump.py STORE.db > a.txt
    python scripts/store_dump.py STORE.db OTHER.db   # exit 0 and "IDENTICAL" when equal, else the first differences

Every table of the schema (articles, statements, speakers, aliases, quote
groups, members and keys, overrides, links, meta) in rowid order, and
whether the full-text index matches the statements. A
change in ingest's write path (batching, who computes what) must leave this
dump unchanged on the same articles.
"""

from __future__ import annotations

import difflib
import sqlite3
import sys
from collections.abc import Iterator

# Tables whose order is their meaning (ids); WITHOUT ROWID tables by primary key.
_ORDER = {"quote_keys": "key, group_id", "meta": "key"}
# Not content: what the schema keeps for the FTS5 index itself (checked through a query below).
_SKIP_PREFIX = ("statements_fts", "sqlite_")


def dump(path: str) -> Iterator[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if not r[0].startswith(_SKIP_PREFIX)
    ]
    for table in tables:
        order = _ORDER.get(table, "rowid")
        select = "*" if table in _ORDER else "rowid, *"
        for row in conn.execute(f"SELECT {select} FROM {table} ORDER BY {order}"):
            yield f"{table}\t{row!r}"
    conn.close()
    yield f"fts\t{fts_check(path)}"


def fts_check(path: str) -> str:
    """'index matches statements', or FTS5's complaint.

    The index's own pages depend on how the rows were committed (one
    transaction or many), so they are not compared: FTS5's integrity check
    (rank 1: against the content table) says whether it finds what the
    statements hold. The check writes nothing, but SQLite asks for a writable connection.
    """
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO statements_fts(statements_fts, rank) VALUES ('integrity-check', 1)")
        return "index matches statements"
    except sqlite3.DatabaseError as e:
        return f"index damaged: {e}"
    finally:
        conn.close()


def main(argv: list[str]) -> int:
    if len(argv) == 1:
        for line in dump(argv[0]):
            print(line)
        return 0
    if len(argv) != 2:
        sys.exit(__doc__)
    a, b = list(dump(argv[0])), list(dump(argv[1]))
    if a == b:
        print(f"IDENTICAL ({len(a)} rows)")
        return 0
    for n, line in enumerate(difflib.unified_diff(a, b, argv[0], argv[1], lineterm="")):
        if n >= 60:
            print("…")
            break
        print(line)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
