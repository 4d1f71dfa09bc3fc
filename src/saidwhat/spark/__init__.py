"""Scale-out extraction on Apache Spark.

``saidwhat spark INPUT OUTPUT`` (or ``spark-submit src/saidwhat/spark/job.py
INPUT OUTPUT``) reads an archive of articles, runs :func:`saidwhat.extract`
on every article inside the executors and writes two Parquet tables under
``OUTPUT``:

``articles/month=YYYY-MM/``
    one row per input article: ``row_id, id, url, title, published, source,
    lang, text, n_statements, status (ok|failed), error``;
``statements/month=YYYY-MM/``
    one row per statement: ``article_row_id, article_id, published, index,
    kind, medium, speaker_entity, confidence, nested, said_on, stance, speaker_kind`` and, for each
    role R in quote/speaker/cue/addressee/frame, ``R_text`` plus the spans as
    two parallel arrays ``R_begin``/``R_end`` (character offsets into the
    article text);

``quote_groups/``
    one row per direct quote that recurs in another article: ``group_id,
    article_id, index, published, first, n_articles, conflict`` (see
    :mod:`saidwhat.spark.quotegroups`);

plus a ``_saidwhat_spark`` JSON marker with the version and counts.
:func:`saidwhat.spark.load.iter_articles` reads it back without Spark.

This package's ``__init__`` imports nothing heavy: the executors import
:mod:`saidwhat.spark.worker` only, and pyspark is needed on the driver alone.
"""

from __future__ import annotations

# Bump when the output layout changes; load.py refuses newer layouts.
OUTPUT_FORMAT_VERSION = 1
MARKER_NAME = "_saidwhat_spark"
ARTICLES_DIR = "articles"
STATEMENTS_DIR = "statements"
UNKNOWN_MONTH = "unknown"

INPUT_FORMATS: tuple[str, ...] = ("jsonl", "parquet", "text", "warc")

# An article row's status: the worker writes it, the writer counts it.
STATUS_OK = "ok"
STATUS_FAILED = "failed"

__all__ = [
    "ARTICLES_DIR",
    "INPUT_FORMATS",
    "MARKER_NAME",
    "OUTPUT_FORMAT_VERSION",
    "STATEMENTS_DIR",
    "STATUS_FAILED",
    "STATUS_OK",
    "UNKNOWN_MONTH",
]
