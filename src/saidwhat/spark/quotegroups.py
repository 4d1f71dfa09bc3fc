"""Quote groups over a Spark job's statements: the ``quote_groups/`` table.

Runs on the driver after both tables are written: the direct quotes are
streamed (``toLocalIterator``, one partition at a time, in publication
order) into the same incremental index the store uses
(:class:`saidwhat.store.quotegroups.QuoteIndex`), kept in a temporary
SQLite file on the driver's disk, so driver memory does not grow with the
archive. Each quote costs index lookups, not comparisons with the archive;
the single driver pass is the limit (about a millisecond per direct quote:
a million direct quotes take some twenty minutes), and distributing the key
computation over the executors is the next step should that become the
bottleneck.

``quote_groups/`` holds one row per direct quote that recurs in another
article: ``group_id, article_id, index`` (the statement's index in the
statements table), ``published, first`` (the earliest appearance),
``n_articles, conflict`` (its members credit different people).
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from saidwhat.quotegroups import eligible, normalise, speaker_key
from saidwhat.store.quotegroups import Member, QuoteIndex, standalone_tables

QUOTE_GROUPS_DIR = "quote_groups"
_FIELDS = ("group_id", "article_id", "index", "published", "first", "n_articles", "conflict")


def quote_groups_schema() -> Any:
    from pyspark.sql import types as T

    return T.StructType(
        [
            T.StructField("group_id", T.LongType(), False),
            T.StructField("article_id", T.StringType(), False),
            T.StructField("index", T.IntegerType(), False),
            T.StructField("published", T.StringType()),
            T.StructField("first", T.BooleanType(), False),
            T.StructField("n_articles", T.IntegerType(), False),
            T.StructField("conflict", T.BooleanType(), False),
        ]
    )


def _direct_quotes(spark: Any, statements_path: str) -> Any:
    from pyspark.sql import functions as F

    return (
        spark.read.parquet(statements_path)
        .where(F.col("kind") == "direct")
        .select(
            "article_id",
            "index",
            F.col("published").cast("string").alias("published"),
            "quote_text",
            "speaker_text",
            "speaker_entity",
        )
        .orderBy(F.col("published").asc_nulls_last(), "article_id", "index")
    )


def _group(rows: Any, conn: sqlite3.Connection) -> None:
    """Feed the quotes into the index; ``refs`` maps the index's member ids back to statements."""
    conn.execute("CREATE TABLE refs (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, idx INTEGER NOT NULL)")
    index = QuoteIndex(conn)
    conn.execute("BEGIN")
    for n, row in enumerate(rows):
        quote = row["quote_text"] or ""
        norm = normalise(quote)
        if not eligible(norm):
            continue
        conn.execute("INSERT INTO refs(id, article_id, idx) VALUES (?, ?, ?)", (n, row["article_id"], row["index"]))
        key = speaker_key(row["speaker_text"], row["speaker_entity"])
        index.add(Member(n, row["article_id"], row["published"], quote, norm, key))
    conn.execute("COMMIT")


def _recurring(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT g.id, r.article_id, r.idx, m.published, m.statement_id = g.first_statement_id, g.n_articles, "
        "g.conflict = 1 FROM quote_members m JOIN quote_groups g ON g.id = m.group_id "
        "JOIN refs r ON r.id = m.statement_id "
        "WHERE g.n_articles >= 2 ORDER BY g.id, m.published IS NULL, m.published, m.statement_id"
    ).fetchall()


def write_quote_groups(spark: Any, statements_path: str, out_path: str, n_statements: int) -> dict[str, int]:
    """Group the direct quotes under ``statements_path``; write ``out_path``; counts for the marker."""
    rows: list[tuple[Any, ...]] = []
    if n_statements:
        with tempfile.TemporaryDirectory(prefix="saidwhat-quotes-") as tmp:
            conn = sqlite3.connect(Path(tmp) / "index.db", isolation_level=None)
            try:
                standalone_tables(conn)
                _group(_direct_quotes(spark, statements_path).toLocalIterator(), conn)
                rows = [(int(g), a, int(i), p, bool(f), int(n), bool(c)) for g, a, i, p, f, n, c in _recurring(conn)]
            finally:
                conn.close()
    spark.createDataFrame(rows, schema=quote_groups_schema()).coalesce(1).write.parquet(out_path)
    groups = {r[0] for r in rows}
    return {"groups": len(groups), "conflicts": len({r[0] for r in rows if r[6]}), "quotes": len(rows)}
