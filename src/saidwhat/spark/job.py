"""The Spark job: articles in, Parquet statement and article tables out.

Run it through the CLI (``saidwhat spark INPUT OUTPUT --master local[*]``) or
hand this file to ``spark-submit``::

    spark-submit --master yarn --conf spark.python.worker.reuse=true \\
        src/saidwhat/spark/job.py hdfs:///news/2024/ hdfs:///saidwhat/2024

(``saidwhat`` and its dependencies must be importable by the executors'
Python: see docs/scaling.md). The driver-side code lives here; everything
that runs per article is in :mod:`saidwhat.spark.worker`.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from saidwhat.errors import InputError, SaidwhatError
from saidwhat.lang import SUPPORTED_LANGUAGES
from saidwhat.lang.choice import AUTO, describe_choices
from saidwhat.spark import (
    ARTICLES_DIR,
    INPUT_FORMATS,
    MARKER_NAME,
    OUTPUT_FORMAT_VERSION,
    STATEMENTS_DIR,
    STATUS_OK,
)
from saidwhat.spark import quotegroups as QG
from saidwhat.spark import worker as W

# Settings the job relies on; a value given by spark-submit --conf or
# spark-defaults.conf wins (see _session_conf).
DEFAULT_CONF: dict[str, str] = {
    # Keep Python workers (and the models they loaded) alive across tasks.
    "spark.python.worker.reuse": "true",
    # Text compresses ~3x better with zstd than snappy, and reads as fast.
    "spark.sql.parquet.compression.codec": "zstd",
    # Partition values are months ("2024-05") and "unknown": keep them strings.
    "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
    "spark.sql.session.timeZone": "UTC",
    # The console progress bar garbles logs (\r without \n); the job prints
    # a summary line instead.
    "spark.ui.showConsoleProgress": "false",
    # Articles per Arrow batch between JVM and Python workers (default
    # 10,000): articles can be large, and a batch is held whole in memory;
    # 1,000 news articles are a few MB, and larger batches cost less per article.
    "spark.sql.execution.arrow.maxRecordsPerBatch": "1000",
}

LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

_JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson")
_WARC_SUFFIXES = (".warc", ".arc")
_COMPRESSION_SUFFIXES = (".gz", ".bz2", ".zst", ".xz")


# --------------------------------------------------------------------------
# Schema


def article_schema() -> Any:
    """Spark schema of the rows produced by :func:`worker.process_partition`."""
    from pyspark.sql import types as T

    role_fields = []
    for name in W.STATEMENT_FIELDS[W.STATEMENT_FIELDS.index("speaker_kind") + 1 :]:  # the roles' text and spans
        if name.endswith("_text"):
            role_fields.append(T.StructField(name, T.StringType()))
        else:
            role_fields.append(T.StructField(name, T.ArrayType(T.IntegerType(), containsNull=False)))
    statement = T.StructType(
        [
            T.StructField("index", T.IntegerType(), False),
            T.StructField("kind", T.StringType(), False),
            T.StructField("medium", T.StringType(), False),
            T.StructField("speaker_entity", T.StringType()),
            T.StructField("confidence", T.DoubleType(), False),
            T.StructField("nested", T.BooleanType(), False),
            T.StructField("said_on", T.StringType()),
            T.StructField("stance", T.StringType(), False),
            T.StructField("speaker_kind", T.StringType()),
            *role_fields,
        ]
    )
    assert tuple(f.name for f in statement.fields) == W.STATEMENT_FIELDS
    schema = T.StructType(
        [
            T.StructField("row_id", T.LongType(), False),
            T.StructField("id", T.StringType(), False),
            T.StructField("url", T.StringType()),
            T.StructField("title", T.StringType()),
            T.StructField("published", T.DateType()),
            T.StructField("source", T.StringType()),
            T.StructField("lang", T.StringType()),
            T.StructField("text", T.StringType()),
            T.StructField("n_statements", T.IntegerType(), False),
            T.StructField("status", T.StringType(), False),
            T.StructField("error", T.StringType()),
            T.StructField("month", T.StringType(), False),
            T.StructField("statements", T.ArrayType(statement, containsNull=False), False),
        ]
    )
    assert tuple(f.name for f in schema.fields) == W.ARTICLE_FIELDS
    return schema


# --------------------------------------------------------------------------
# Session


def _session_conf(master: str | None, extra: dict[str, str]) -> Any:
    from pyspark import SparkConf, SparkContext

    if os.environ.get("PYSPARK_GATEWAY_PORT"):
        # Under spark-submit the JVM already runs with the user's --conf;
        # connect first so that SparkConf() sees them and our defaults do
        # not override them.
        SparkContext._ensure_initialized()
    conf = SparkConf()  # spark-submit's --conf and spark-defaults.conf, when there
    for key, value in DEFAULT_CONF.items():
        if not conf.contains(key):
            conf.set(key, value)
    if master:
        conf.setMaster(master)
    is_local = (conf.get("spark.master") or "local").startswith("local")
    if is_local and not os.environ.get("PYSPARK_PYTHON") and not conf.contains("spark.pyspark.python"):
        # Local workers must run this interpreter (the venv with saidwhat),
        # not whatever "python3" is first on PATH. PySpark's driver reads the
        # worker interpreter from this variable only (not from the conf).
        os.environ["PYSPARK_PYTHON"] = sys.executable
    if is_local and not conf.contains("spark.ui.enabled"):
        conf.set("spark.ui.enabled", "false")  # no port to bind for a local run
    if is_local and not os.environ.get("PYSPARK_GATEWAY_PORT") and not conf.contains("spark.driver.extraJavaOptions"):
        # In local mode the one JVM only reads input and schedules while the
        # Python workers extract, on the same cores: the C1 compiler alone and
        # the serial collector keep its CPU (JIT and GC threads) off them.
        conf.set("spark.driver.extraJavaOptions", LOCAL_JVM_OPTIONS)
    for key, value in extra.items():
        conf.set(key, value)
    return conf


def build_session(master: str | None = None, conf: dict[str, str] | None = None, log_level: str = "ERROR") -> Any:
    """A SparkSession with saidwhat's defaults (existing --conf values win)."""
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("saidwhat").config(conf=_session_conf(master, conf or {})).getOrCreate()
    spark.sparkContext.setLogLevel(log_level)
    return spark


# --------------------------------------------------------------------------
# Hadoop file system (works for file:, hdfs:, s3a: … alike)


class _FS:
    def __init__(self, spark: Any, path: str) -> None:
        jvm = spark._jvm
        self._Path = jvm.org.apache.hadoop.fs.Path
        p = self._Path(path)
        self.fs = p.getFileSystem(spark._jsc.hadoopConfiguration())
        self.path = self.fs.makeQualified(p)

    def child(self, parent: Any, name: str) -> Any:
        return self._Path(parent, name)

    def sibling(self, name: str) -> Any:
        return self._Path(self.path.getParent(), name)

    def exists(self, p: Any) -> bool:
        return bool(self.fs.exists(p))

    def is_dir(self, p: Any) -> bool:
        return bool(self.fs.getFileStatus(p).isDirectory())

    def list_files(self, limit: int = 100_000) -> list[str]:
        """Files matching the path (a glob allowed), folders listed recursively;
        hidden and ``_`` files skipped, as Spark's readers skip them."""
        out: list[str] = []
        matches = self.fs.globStatus(self.path)  # None when a plain path is absent
        for status in matches or []:
            if not status.isDirectory():
                out.append(status.getPath().toString())
                continue
            it = self.fs.listFiles(status.getPath(), True)
            while it.hasNext() and len(out) < limit:
                p = it.next().getPath()
                if not p.getName().startswith((".", "_")):
                    out.append(p.toString())
        return out[:limit]

    def write_bytes(self, p: Any, data: bytes) -> None:
        stream = self.fs.create(p, True)
        try:
            stream.write(bytearray(data))
        finally:
            stream.close()

    def rename(self, src: Any, dst: Any) -> None:
        if not self.fs.rename(src, dst):
            raise SaidwhatError(f"cannot rename {src.toString()} to {dst.toString()}")

    def delete(self, p: Any) -> None:
        if self.fs.exists(p):
            self.fs.delete(p, True)


# --------------------------------------------------------------------------
# Input


def detect_format(spark: Any, path: str) -> str:
    """jsonl / parquet / warc / text from the file names under ``path``."""
    files = _FS(spark, path).list_files(limit=1000)
    if not files:
        raise InputError(f"{path}: no such file, or no input files in it")
    votes: dict[str, int] = {}
    for f in files:
        name = f.lower()
        for suffix in _COMPRESSION_SUFFIXES:
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        if name.endswith(_JSONL_SUFFIXES):
            fmt = "jsonl"
        elif name.endswith(".parquet"):
            fmt = "parquet"
        elif name.endswith(_WARC_SUFFIXES):
            fmt = "warc"
        else:
            fmt = "text"
        votes[fmt] = votes.get(fmt, 0) + 1
    return max(votes, key=lambda k: votes[k])


def read_input(spark: Any, path: str, input_format: str, partitions: int | None) -> Any:
    """The input: a DataFrame for the Arrow formats (jsonl, parquet, text),
    whose columns :func:`worker.process_arrow_batches` reads, or, for WARC, an
    RDD of raw records for :func:`worker.process_partition`."""
    from pyspark.sql import functions as F

    if input_format == "jsonl":
        # Lines, not spark.read.json: a malformed line must become one failed
        # article, and the JSON schema of a large archive need not be inferred.
        # The text source hands the lines to Python as Arrow strings and
        # splits large files into tasks without a shuffle (run_job sets
        # spark.sql.files.minPartitionNum to --partitions); only
        # unsplittable (gzip) input with too few files is shuffled below.
        df = spark.read.option("recursiveFileLookup", "true").text(path)
    elif input_format == "parquet":
        df = spark.read.option("recursiveFileLookup", "true").parquet(path)
        cols = []
        for name in ("id", "url", "title", "published", "source", "lang", "text", "html"):
            if name in df.columns:
                col = F.col(name)
                cols.append(col.cast("string").alias(name) if name in ("id", "url", "title", "source", "lang") else col)
            else:
                cols.append(F.lit(None).cast("string").alias(name))
        df = df.select(*cols)
    elif input_format == "text":
        df = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(path).select("path", "content")
    elif input_format == "warc":
        return _read_warc(spark, path, partitions)
    else:
        raise InputError(f"unknown input format {input_format!r} (one of {', '.join(INPUT_FORMATS)})")
    if partitions and (input_format != "jsonl" or df.rdd.getNumPartitions() < partitions):
        # A DataFrame shuffle (JVM rows), cheap next to the extraction.
        df = df.repartition(partitions)
    return df


def _read_warc(spark: Any, path: str, partitions: int | None) -> Any:
    files = _FS(spark, path).list_files()
    if not files:
        raise InputError(f"{path}: no WARC files")
    sc = spark.sparkContext
    if all(f.startswith("file:") for f in files):
        # Stream each file in the executor: a 1 GB WARC never sits in memory.
        records = sc.parallelize(files, len(files)).mapPartitions(W.warc_partition)
    else:
        # Remote storage: Spark reads each file whole (size executors for it).
        records = (
            spark.read.format("binaryFile")
            .load(files)
            .select("path", "content")
            .rdd.mapPartitions(W.warc_bytes_partition)
        )
    # One WARC holds thousands of pages: spread them before the costly step.
    return records.repartition(partitions or sc.defaultParallelism * 2)


# --------------------------------------------------------------------------
# The job


def _check_replaceable(fs: _FS) -> None:
    """OUTPUT may be replaced only if absent, empty, or an earlier saidwhat output.

    Checked before the job (fail fast) and again right before the swap.
    """
    out = fs.path
    if not fs.exists(out):
        return
    if not fs.is_dir(out):
        raise SaidwhatError(f"{out.toString()} exists and is a file; refusing to replace it")
    if not fs.exists(fs.child(out, MARKER_NAME)) and len(fs.fs.listStatus(out)) > 0:
        raise SaidwhatError(f"{out.toString()} exists and is not a saidwhat spark output; refusing to replace it")


def _swap_into_place(fs: _FS, tmp: Any) -> None:
    """Replace OUTPUT with the finished temp folder by renames only.

    Readers see either the old complete output or the new complete one; at
    worst, for the instant between the two renames, none (never a partial
    one).
    """
    out = fs.path
    _check_replaceable(fs)
    if fs.exists(out):
        old = fs.sibling(f".{out.getName()}.saidwhat-old-{uuid.uuid4().hex[:12]}")
        fs.rename(out, old)
        try:
            fs.rename(tmp, out)
        except BaseException:
            fs.rename(old, out)  # put the previous output back
            raise
        fs.delete(old)
    else:
        fs.rename(tmp, out)


def run_job(
    spark: Any,
    input_path: str,
    output_path: str,
    *,
    input_format: str = "auto",
    partitions: int | None = None,
    lang: str = AUTO,
    max_chars: int = W.DEFAULT_MAX_CHARS,
    timeout_s: float = W.DEFAULT_TIMEOUT_S,
    writer: str = "auto",
) -> dict[str, Any]:
    """Extract statements from ``input_path`` into ``output_path``; returns the marker.

    ``writer``: who writes the Parquet tables. "python": each task, with
    pyarrow (see writer.py; needs a file system the driver shares, as in
    local mode); "spark": the JVM; "auto": "python" for local (file:) output,
    else "spark".
    """
    from saidwhat import __version__

    t0 = time.perf_counter()
    fmt = detect_format(spark, input_path) if input_format == "auto" else input_format
    if fmt not in INPUT_FORMATS:
        raise InputError(f"unknown input format {fmt!r} (one of {', '.join(INPUT_FORMATS)})")
    if partitions is not None and partitions < 1:
        raise InputError("--partitions must be at least 1")
    if input_format != "auto" and not _FS(spark, input_path).list_files(limit=1):
        # Fail here with one line, not later with a Java stack trace.
        raise InputError(f"{input_path}: no such file, or no input files in it")
    fs = _FS(spark, output_path)
    python_writer = _use_python_writer(fs, writer)
    _check_replaceable(fs)
    out = fs.path
    parent = out.getParent()
    if parent is not None and not fs.exists(parent):
        fs.fs.mkdirs(parent)
    # Hidden (dot) name next to OUTPUT: same file system, so the final rename
    # is a metadata operation, and Spark/Hive readers ignore it meanwhile.
    tmp = fs.sibling(f".{out.getName()}.saidwhat-tmp-{uuid.uuid4().hex[:12]}")

    min_partitions_key = "spark.sql.files.minPartitionNum"
    previous_min_partitions = spark.conf.get(min_partitions_key, None)
    if partitions:
        # File sources split the input into at least this many tasks (read
        # when the writes below plan the scan; restored at the end).
        spark.conf.set(min_partitions_key, str(partitions))
    articles = None
    try:
        items = read_input(spark, input_path, fmt, partitions)
        options: dict[str, Any] = {"input_format": fmt, "lang": lang, "max_chars": max_chars, "timeout_s": timeout_s}
        if python_writer:
            months = _run_python_writer(items, fmt, options, _local_path(tmp), uuid.uuid4().hex[:12])
        else:
            articles, months = _run_spark_writer(spark, items, fmt, options, fs, tmp)
        n_articles = sum(m["articles"] for m in months.values())
        n_ok = sum(m["ok"] for m in months.values())
        n_statements = sum(m["statements"] for m in months.values())
        quote_groups = QG.write_quote_groups(
            spark,
            fs.child(tmp, STATEMENTS_DIR).toString(),
            fs.child(tmp, QG.QUOTE_GROUPS_DIR).toString(),
            n_statements,
        )
        marker = {
            "format": "saidwhat-spark",
            "format_version": OUTPUT_FORMAT_VERSION,
            "saidwhat_version": __version__,
            "spark_version": spark.version,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "input": input_path,
            "input_format": fmt,
            "lang": lang,
            "max_chars": max_chars,
            "timeout_s": timeout_s,
            "articles": n_articles,
            "ok": n_ok,
            "failed": n_articles - n_ok,
            "statements": n_statements,
            "quote_groups": quote_groups,
            "writer": "python" if python_writer else "spark",
            "months": months,
            "seconds": round(time.perf_counter() - t0, 1),
        }
        fs.write_bytes(fs.child(tmp, MARKER_NAME), json.dumps(marker, indent=2).encode("utf-8"))
        _swap_into_place(fs, tmp)
    finally:
        if articles is not None:
            articles.unpersist()
        fs.delete(tmp)  # after a failure; after success it is gone already
        if previous_min_partitions is None:
            spark.conf.unset(min_partitions_key)
        else:
            spark.conf.set(min_partitions_key, previous_min_partitions)
    return marker


WRITERS: tuple[str, ...] = ("auto", "python", "spark")


def _use_python_writer(fs: _FS, writer: str) -> bool:
    if writer not in WRITERS:
        raise InputError(f"unknown writer {writer!r} (one of {', '.join(WRITERS)})")
    local = str(fs.fs.getUri().getScheme()) == "file"
    if writer == "python" and not local:
        raise InputError(f"--writer python needs a local (file:) output folder, not {fs.path.toString()}")
    return local if writer == "auto" else writer == "python"


def _local_path(p: Any) -> str:
    return str(p.toUri().getPath())


def _run_python_writer(items: Any, fmt: str, options: dict[str, Any], root: str, job: str) -> dict[str, dict[str, int]]:
    """Extract and write in the Python workers; commit the collected attempts' files."""
    from pyspark.sql.pandas.types import to_arrow_schema

    from saidwhat.spark import writer as PW

    os.makedirs(os.path.join(root, ARTICLES_DIR), exist_ok=True)
    os.makedirs(os.path.join(root, STATEMENTS_DIR), exist_ok=True)
    arrow_schema = to_arrow_schema(article_schema())
    if fmt in W.ARROW_INPUT_FORMATS:
        process = functools.partial(W.write_arrow_batches, root=root, job=job, schema=arrow_schema, **options)
        rows = items.mapInArrow(process, PW.SUMMARY_SCHEMA_DDL).collect()
        summaries = [json.loads(r["summary"]) for r in rows]
    else:
        part = functools.partial(W.write_partition, root=root, job=job, schema=arrow_schema, **options)
        summaries = items.mapPartitionsWithIndex(part).collect()
    return PW.commit(root, summaries)


def _run_spark_writer(
    spark: Any, items: Any, fmt: str, options: dict[str, Any], fs: _FS, tmp: Any
) -> tuple[Any, dict[str, dict[str, int]]]:
    """Extract in the Python workers, write both tables from the JVM; (persisted articles, counts per month)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    schema = article_schema()
    if fmt in W.ARROW_INPUT_FORMATS:
        # Rows cross JVM↔Python as Arrow record batches, both ways: no
        # pickled Row per article, no Python-side schema conversion.
        from pyspark.sql.pandas.types import to_arrow_schema

        process = functools.partial(W.process_arrow_batches, schema=to_arrow_schema(schema), **options)
        articles = items.mapInArrow(process, schema)
    else:
        rows = items.mapPartitionsWithIndex(functools.partial(W.process_partition, **options))
        # verifySchema off: rows are built to the schema by worker.py;
        # checking every nested field again in Python costs ~10% of the job.
        articles = spark.createDataFrame(rows, schema=schema, verifySchema=False)
    # Both tables come from one extraction pass: keep it (spilling to disk).
    articles = articles.persist(StorageLevel.MEMORY_AND_DISK)
    articles.drop("statements").write.partitionBy("month").parquet(fs.child(tmp, ARTICLES_DIR).toString())
    statements = articles.select(
        F.col("row_id").alias("article_row_id"),
        F.col("id").alias("article_id"),
        "published",
        "month",
        F.explode("statements").alias("s"),
    ).select("article_row_id", "article_id", "published", "s.*", "month")
    statements.write.partitionBy("month").parquet(fs.child(tmp, STATEMENTS_DIR).toString())
    per_month = (
        articles.groupBy("month")
        .agg(
            F.count(F.lit(1)).alias("articles"),
            F.sum(F.when(F.col("status") == STATUS_OK, 1).otherwise(0)).alias("ok"),
            F.sum("n_statements").alias("statements"),
        )
        .orderBy("month")
        .collect()
    )
    months = {
        r["month"]: {"articles": int(r["articles"]), "ok": int(r["ok"]), "statements": int(r["statements"] or 0)}
        for r in per_month
    }
    return articles, months


# --------------------------------------------------------------------------
# Command line (shared with ``saidwhat spark``)


def add_arguments(p: argparse.ArgumentParser, *, default_master: str | None) -> None:
    p.add_argument("input", metavar="INPUT", help="a file or folder of articles (local path or any Hadoop URI)")
    p.add_argument("output", metavar="OUTPUT", help="output folder; replaced atomically on success")
    p.add_argument(
        "--master",
        default=default_master,
        help="Spark master: local[*], local[N], spark://host:7077, yarn, k8s://… "
        + (f"(default: {default_master})" if default_master else "(default: as given to spark-submit)"),
    )
    p.add_argument(
        "--input-format",
        default="auto",
        choices=["auto", *INPUT_FORMATS],
        help="input format (default: from the file names)",
    )
    p.add_argument("--partitions", type=int, metavar="N", help="repartition the input into N tasks (default: as read)")
    p.add_argument(
        "--lang",
        default=AUTO,
        choices=(AUTO, *SUPPORTED_LANGUAGES),
        help=f"language of articles without a 'lang' field: {describe_choices()} (default: {AUTO})",
    )
    p.add_argument(
        "--max-chars",
        type=int,
        default=W.DEFAULT_MAX_CHARS,
        help=f"longer articles are recorded as failed (default: {W.DEFAULT_MAX_CHARS:,})",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=W.DEFAULT_TIMEOUT_S,
        metavar="SECONDS",
        help=f"per-article time limit, 0 for none (default: {W.DEFAULT_TIMEOUT_S:g})",
    )
    p.add_argument(
        "--writer",
        default="auto",
        choices=list(WRITERS),
        help="who writes the Parquet: the Python workers (pyarrow; local or shared-mount output) or the JVM "
        "(any Hadoop file system); auto: python for local output (default: auto)",
    )
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="extra Spark setting (repeatable)")
    p.add_argument("--quiet", action="store_true", help="print nothing on success")


def parse_conf(items: Sequence[str]) -> dict[str, str]:
    conf: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--conf {item!r}: expected KEY=VALUE")
        conf[key.strip()] = value.strip()
    return conf


def run_from_args(args: argparse.Namespace) -> int:
    spark = build_session(args.master, parse_conf(args.conf))
    try:
        marker = run_job(
            spark,
            args.input,
            args.output,
            input_format=args.input_format,
            partitions=args.partitions,
            lang=args.lang,
            max_chars=args.max_chars,
            timeout_s=args.timeout,
            writer=args.writer,
        )
    finally:
        spark.stop()
    if not args.quiet:
        print(
            f"{marker['articles']} articles ({marker['ok']} ok, {marker['failed']} failed), "
            f"{marker['statements']} statements in {len(marker['months'])} months "
            f"→ {args.output} ({marker['seconds']} s)",
            file=sys.stderr,
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for ``spark-submit src/saidwhat/spark/job.py INPUT OUTPUT``."""
    parser = argparse.ArgumentParser(prog="saidwhat-spark-job", description=__doc__.splitlines()[0])
    add_arguments(parser, default_master=None)
    args = parser.parse_args(argv)
    try:
        return run_from_args(args)
    except SaidwhatError as e:
        print(f"saidwhat spark: error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
