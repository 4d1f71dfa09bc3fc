"""Parquet written by the Python workers themselves (``--writer python``).

The JVM writer (``--writer spark``) sends every extracted article back to the
JVM, keeps the whole result persisted, sorts each task's rows by month, and
writes the two tables in two more passes. On a laptop or a small cluster that
costs as much CPU as the extraction of an already-seen article. Here each task
writes its own Parquet files with pyarrow as it goes, month by month, and
sends the driver one small summary row: which files it wrote and what they
hold. The JVM only reads the input and schedules.

The output layout and columns are the JVM writer's exactly (``load.py`` and
Spark read both alike), with one commit rule of our own, because Spark's
output committer is not involved:

- a task attempt writes under ``<tmp>/_attempts/<attempt>/``, never into the
  final folders;
- the driver moves the files of the attempts whose summary it collected (one
  successful attempt per partition: a failed or speculative duplicate
  attempt's summary is never returned by ``collect``) into place, then drops
  ``_attempts``; ``job.run_job`` then swaps the whole folder in atomically.

Workers and driver must see the same file system: local mode, or a folder
mounted on every machine. Other stores (HDFS, S3) use the JVM writer.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import ARTICLES_DIR, STATEMENTS_DIR, STATUS_OK

ATTEMPTS_DIR = "_attempts"
# Rows of one table and month held before they are written as a row group:
# a task's articles span many months (an archive in crawl order), and writing
# every batch's slice of every month made thousands of tiny row groups.
FLUSH_ROWS = 20_000
SUMMARY_SCHEMA_DDL = "summary string"
# Columns the statements table repeats from its article (JVM writer's order).
_STATEMENT_KEYS = (("article_row_id", "row_id"), ("article_id", "id"), ("published", "published"))


def _attempt_id() -> str:
    """Partition and attempt of the running task ("p00003-a17"); "local" outside Spark."""
    try:
        from pyspark import TaskContext
    except ImportError:
        return "local"
    ctx = TaskContext.get()
    if ctx is None:
        return "local"
    return f"p{ctx.partitionId():05d}-a{ctx.taskAttemptId()}"


@dataclass
class _MonthCounts:
    articles: int = 0
    ok: int = 0
    statements: int = 0


@dataclass
class PartitionWriter:
    """Writes one task's article batches as Parquet, one file per table and month.

    ``root`` is the job's temporary output folder (a local path), ``job`` a
    name part unique to this job run, so that no file name repeats between
    runs.
    """

    root: str
    job: str
    attempt: str = field(default_factory=_attempt_id)
    _writers: dict[tuple[str, str], Any] = field(default_factory=dict)
    _pending: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    _pending_rows: dict[tuple[str, str], int] = field(default_factory=dict)
    _files: list[str] = field(default_factory=list)
    _months: dict[str, _MonthCounts] = field(default_factory=dict)

    @property
    def attempt_dir(self) -> str:
        return os.path.join(self.root, ATTEMPTS_DIR, self.attempt)

    def add(self, batch: Any) -> None:
        """One record batch of the job's article schema (``worker.ARTICLE_FIELDS``)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        if batch.num_rows == 0:
            return
        table = pa.Table.from_batches([batch])
        months = table.column("month")
        distinct = pc.unique(months).to_pylist()
        for month in distinct:
            part = table if len(distinct) == 1 else table.filter(pc.equal(months, month))
            self._add_month(str(month), part)

    def _add_month(self, month: str, part: Any) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc

        counts = self._months.setdefault(month, _MonthCounts())
        counts.articles += part.num_rows
        counts.ok += pc.sum(pc.equal(part.column("status"), STATUS_OK)).as_py() or 0
        statements = part.column("statements")
        counts.statements += pc.sum(pc.list_value_length(statements)).as_py() or 0
        self._write(ARTICLES_DIR, month, part.drop_columns(["statements", "month"]))
        flat = pc.list_flatten(statements)
        if len(flat) == 0:
            return
        parents = pc.list_parent_indices(statements)
        columns = {name: pc.take(part.column(source), parents) for name, source in _STATEMENT_KEYS}
        struct = flat.combine_chunks() if isinstance(flat, pa.ChunkedArray) else flat
        for i, f in enumerate(struct.type):
            columns[f.name] = struct.field(i)
        self._write(STATEMENTS_DIR, month, pa.table(columns))

    def _write(self, table_dir: str, month: str, table: Any) -> None:
        key = (table_dir, month)
        self._pending.setdefault(key, []).append(table)
        self._pending_rows[key] = self._pending_rows.get(key, 0) + table.num_rows
        if self._pending_rows[key] >= FLUSH_ROWS:
            self._flush(key)

    def _flush(self, key: tuple[str, str]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        tables = self._pending.pop(key, [])
        self._pending_rows.pop(key, None)
        if not tables:
            return
        table = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
        writer = self._writers.get(key)
        if writer is None:
            table_dir, month = key
            rel = os.path.join(table_dir, f"month={month}", f"part-{self.attempt}-{self.job}.zstd.parquet")
            path = os.path.join(self.attempt_dir, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            writer = pq.ParquetWriter(path, table.schema, compression="zstd")
            self._writers[key] = writer
            self._files.append(rel)
        writer.write_table(table)

    def close(self) -> dict[str, Any]:
        """Write what is pending, close the files; the summary the driver needs to commit them."""
        for key in list(self._pending):
            self._flush(key)
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
        return {
            "attempt": self.attempt,
            "files": self._files,
            "months": {m: vars(c) for m, c in self._months.items()},
        }


def summary_batch(summary: dict[str, Any]) -> Any:
    import pyarrow as pa

    return pa.RecordBatch.from_pylist([{"summary": json.dumps(summary)}], schema=pa.schema([("summary", pa.string())]))


def write_all(batches: Iterable[Any], *, root: str, job: str) -> dict[str, Any]:
    """Write article batches as one task's files; the task's summary (files are closed even on failure)."""
    writer = PartitionWriter(root=root, job=job)
    try:
        for batch in batches:
            writer.add(batch)
    finally:
        summary = writer.close()
    return summary


def write_batches(batches: Iterable[Any], *, root: str, job: str) -> Iterator[Any]:
    """Consume article batches, write them, yield one summary batch (``SUMMARY_SCHEMA_DDL``)."""
    yield summary_batch(write_all(batches, root=root, job=job))


def commit(root: str, summaries: Iterable[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Move the collected attempts' files into place under ``root``; counts per month.

    Runs on the driver after ``collect``: only successful attempts are in
    ``summaries``. Everything left under ``_attempts`` (failed or duplicate
    attempts) is removed.
    """
    import shutil

    months: dict[str, dict[str, int]] = {}
    for s in summaries:
        src_root = os.path.join(root, ATTEMPTS_DIR, s["attempt"])
        for rel in s["files"]:
            dst = os.path.join(root, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            os.replace(os.path.join(src_root, rel), dst)
        for month, c in s["months"].items():
            m = months.setdefault(month, {"articles": 0, "ok": 0, "statements": 0})
            for k in m:
                m[k] += int(c[k])
    shutil.rmtree(os.path.join(root, ATTEMPTS_DIR), ignore_errors=True)
    return dict(sorted(months.items()))
