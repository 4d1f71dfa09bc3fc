"""Benchmark: ``saidwhat spark`` in local[1] and local[2] vs. a plain extract loop.

Input: the Wikinews train+dev articles (../shared/data/wikinews-quotes),
replicated to ``--n`` articles (default 20,000) with distinct ids, written as
one JSONL file. Measured on the same machine, in this order:

1. single process: ``saidwhat.extract`` in a loop over the same articles (the
   work of ``saidwhat annotate`` without its file writing) after one warm-up
   call that loads the models;
2. ``saidwhat spark`` with ``local[1]``, then ``local[2]``, each in a fresh
   process and SparkContext. The session start and a start-up job over a
   few tiny articles (JVM warm-up, Python workers started, their models
   loaded: Spark's one-off cost per job, like the loop's model load) are
   timed apart from the measured job; ``--cold`` leaves the start-up job out,
   so that the measured job pays them.

Reported: articles/s of each, the speed-up local[2]/local[1], and Spark's
overhead per article: (Spark local[1] time per article − extraction time per
article) / extraction time per article, against the loop and against the
time spent inside ``extract()`` in the job. The machine's load (``uptime``)
is printed beside the numbers: on a shared machine the figures move with it.
The copies are laid out ``--order blocked`` (default; see :func:`replicate`)
or ``interleaved``.

    .venv/bin/python bench/spark.py            # the full run (20,000 articles)
    .venv/bin/python bench/spark.py --cold --order interleaved
    .venv/bin/python bench/spark.py --n 2000   # a quick one
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared")) / "data" / "wikinews-quotes"


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "load average: " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def load_articles(data: Path) -> list[dict[str, Any]]:
    from saidwhat.corpus import corpus_article, load_corpus_document

    out = []
    for split in ("train", "dev"):
        for f in sorted((data / split).glob("*.json")):
            a = corpus_article(load_corpus_document(f))
            out.append(
                {
                    "id": f.stem,
                    "title": a.title,
                    "published": a.published.isoformat() if a.published else None,
                    "source": "wikinews",
                    "text": a.text,
                }
            )
    if not out:
        raise SystemExit(f"no articles under {data}/{{train,dev}}")
    return out


def replicate(articles: list[dict[str, Any]], n: int, order: str = "blocked") -> list[dict[str, Any]]:
    """``n`` articles from ``articles``, each copy with its own id.

    ``blocked``: the copies of one article follow each other (a1 a1 a1 … a2 a2 …),
    so each Spark task holds its own distinct articles, as every task of a
    real archive does. ``interleaved``: a1 a2 … a850 a1 a2 …, so every task
    holds every distinct article, and every Python worker process meets all
    of them for the first time (word caches cold): a replication artefact
    that makes N workers do N times the first-pass work of one.
    """
    k = len(articles)
    if order == "interleaved":
        picks = [i % k for i in range(n)]
    else:
        picks = sorted(i % k for i in range(n))
    return [dict(articles[j], id=f"{articles[j]['id']}-{i}") for i, j in enumerate(picks)]


def bench_extract(records: list[dict[str, Any]]) -> dict[str, Any]:
    from datetime import date

    from saidwhat import extract

    t0 = time.perf_counter()
    extract("„Wir kommen morgen“, sagte der Sprecher.")  # model load, as each Spark worker does once
    load_s = time.perf_counter() - t0
    seen: set[str] = set()
    first_pass = 0.0  # seconds on articles met for the first time (word caches filling)
    n_statements = 0
    cpu0, t0 = time.process_time(), time.perf_counter()
    for r in records:
        t1 = time.perf_counter()
        published = date.fromisoformat(r["published"]) if r["published"] else None
        n_statements += len(extract(r["text"], lang="de", published=published).statements)
        if r["text"] not in seen:
            seen.add(r["text"])
            first_pass += time.perf_counter() - t1
    wall = time.perf_counter() - t0
    unique = len(seen)
    return {
        # Unseen articles (word caches filling) vs. replicas (caches warm):
        # real archives are all unseen articles, on ever warmer caches.
        "first_pass_ms_per_article": round(1000 * first_pass / max(1, unique), 3),
        "repeat_ms_per_article": round(1000 * (wall - first_pass) / max(1, len(records) - unique), 3),
        "seconds": round(wall, 2),
        "cpu_seconds": round(time.process_time() - cpu0, 2),
        "load_seconds": round(load_s, 2),
        "articles_per_s": round(len(records) / wall, 1),
        "ms_per_article": round(1000 * wall / len(records), 3),
        "statements": n_statements,
    }


def _tree_cpu_seconds(root: int) -> float:
    """CPU seconds (user+system) of a live process and all its descendants (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(d)] = int(fields[1])
        cpu[int(d)] = (int(fields[11]) + int(fields[12])) / ticks

    def under_root(pid: int) -> bool:
        while pid > 1:
            if pid == root:
                return True
            pid = parent.get(pid, 1)
        return False

    return sum(c for pid, c in cpu.items() if under_root(pid))


def _spark_cpu(spark: Any) -> float | None:
    """CPU seconds of the local Spark JVM, its Python daemon and workers."""
    proc = getattr(spark.sparkContext._gateway, "proc", None)
    if proc is None or not os.path.isdir("/proc"):
        return None
    return _tree_cpu_seconds(proc.pid)


def _start_up_job(spark: Any, run_job: Any, partitions: int, writer: str) -> float:
    """A job over a few tiny articles: starts the Python workers, loads their
    models, compiles the JVM's hot paths. Its time is Spark's (and saidwhat's)
    one-off start-up; the measured job after it costs what each article costs."""
    work = Path(tempfile.mkdtemp(prefix="saidwhat-bench-warm-"))
    try:
        src = work / "tiny.jsonl"
        line = {"text": "„Wir kommen morgen“, sagte der Sprecher. Er sagte, man sei bereit."}
        src.write_text("".join(json.dumps(dict(line, id=f"w{i}")) + "\n" for i in range(4 * partitions)))
        t0 = time.perf_counter()
        run_job(spark, str(src), str(work / "out"), input_format="jsonl", partitions=partitions, writer=writer)
        return time.perf_counter() - t0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench_spark(
    master: str, src: Path, out: Path, n: int, partitions: int, writer: str = "auto", warm_up: bool = True
) -> dict[str, Any]:
    from saidwhat.spark.job import build_session, run_job

    t0 = time.perf_counter()
    spark = build_session(master)
    start_s = time.perf_counter() - t0
    try:
        start_up_job_s = _start_up_job(spark, run_job, partitions, writer) if warm_up else None
        cpu0 = _spark_cpu(spark)
        t0 = time.perf_counter()
        marker = run_job(spark, str(src), str(out), input_format="jsonl", partitions=partitions, writer=writer)
        wall = time.perf_counter() - t0
        # Before stopping: the reused Python workers are still alive to count.
        cpu1 = _spark_cpu(spark)
        workers = worker_summaries(spark)
    finally:
        spark.stop()
    extract_s = sum(w["extract_seconds"] for w in workers)
    job_cpu = None if cpu0 is None or cpu1 is None else cpu1 - cpu0
    return {
        "master": master,
        "partitions": partitions,
        "writer": marker["writer"],
        "session_start_seconds": round(start_s, 2),
        # None: the measured job itself paid the start-up (--cold)
        "start_up_job_seconds": round(start_up_job_s, 2) if start_up_job_s is not None else None,
        "seconds": round(wall, 2),
        "articles_per_s": round(n / wall, 1),
        "ms_per_article": round(1000 * wall / n, 3),
        "ok": marker["ok"],
        "failed": marker["failed"],
        "statements": marker["statements"],
        # JVM + Python workers, on a shared machine a steadier figure than wall time
        "cpu_seconds": round(job_cpu, 2) if job_cpu is not None else None,
        "cpu_ms_per_article": round(1000 * job_cpu / n, 3) if job_cpu is not None else None,
        "worker_processes": len(workers),
        "model_loads": sum(w["loads"] for w in workers),
        # Time inside extract() summed over the Python workers: the job's
        # wall time minus this (per core) is what Spark itself costs.
        "worker_extract_seconds": round(extract_s, 2),
        "uptime_after": uptime(),
    }


def _summary(batches: Any) -> Any:
    import time as _time

    import pyarrow as pa

    from saidwhat.spark.worker import state_summary

    for _ in batches:
        pass
    _time.sleep(0.3)  # hold the slot so that every worker process gets a task
    yield pa.RecordBatch.from_pylist([{"summary": json.dumps(state_summary())}])


def worker_summaries(spark: Any) -> list[dict[str, Any]]:
    """Per Python worker process: model loads, articles, seconds in extract().

    Asked through mapInArrow, as the job runs: Spark keeps separate Python
    worker pools for RDD functions and for Arrow UDFs.
    """
    n = spark.sparkContext.defaultParallelism * 8
    rows = spark.range(n, numPartitions=n).mapInArrow(_summary, "summary string").collect()
    by_pid = {s["pid"]: s for s in (json.loads(r["summary"]) for r in rows)}
    return [s for s in by_pid.values() if s["loads"]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000, help="articles (replicated from train+dev; default 20000)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="wikinews-quotes folder")
    ap.add_argument("--partitions", type=int, default=8, help="Spark tasks, the same for every master (default 8)")
    ap.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    ap.add_argument(
        "--order",
        choices=["blocked", "interleaved"],
        default="blocked",
        help="how the copies are laid out (see replicate(); default: blocked)",
    )
    ap.add_argument(
        "--writer", choices=["auto", "python", "spark"], default="auto", help="who writes the Parquet (default: auto)"
    )
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument(
        "--cold",
        action="store_true",
        help="no start-up job first: the measured job also starts the workers and loads the models",
    )
    # internal: one Spark measurement in this (fresh) process
    ap.add_argument("--one", metavar="MASTER", help=argparse.SUPPRESS)
    ap.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(
            json.dumps(bench_spark(args.one, args.src, args.out, args.n, args.partitions, args.writer, not args.cold))
        )
        return 0

    records = replicate(load_articles(args.data), args.n, args.order)
    work = Path(tempfile.mkdtemp(prefix="saidwhat-bench-"))
    try:
        src = work / "articles.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        results: dict[str, Any] = {
            "n": args.n,
            "order": args.order,
            "cold": args.cold,
            "unique_articles": len({r["text"] for r in records}),
            "mean_chars": round(sum(len(r["text"]) for r in records) / len(records)),
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "uptime_before": uptime(),
        }
        print(f"{args.n} articles, {results['uptime_before']}", flush=True)
        results["extract"] = bench_extract(records)
        results["extract"]["uptime_after"] = uptime()
        print("extract loop:", json.dumps(results["extract"]), flush=True)
        results["spark"] = {}
        for master in args.masters:
            # Each master in a fresh process: a new JVM (no JIT warmed by the
            # previous run) and cold Python workers, as a real job starts.
            out = work / f"out-{master.replace('[', '').replace(']', '').replace('*', 'all')}"
            cmd = [sys.executable, __file__, "--one", master, "--src", str(src), "--out", str(out)]
            cmd += ["--n", str(args.n), "--partitions", str(args.partitions), "--writer", args.writer]
            cmd += ["--cold"] if args.cold else []
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                raise SystemExit(f"spark {master} failed:\n{proc.stderr[-3000:]}")
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            results["spark"][master] = r
            print(f"spark {master}:", json.dumps(r), flush=True)
        ex_ms = results["extract"]["ms_per_article"]
        if "local[1]" in results["spark"]:
            one = results["spark"]["local[1]"]
            results["overhead_vs_extract"] = round((one["ms_per_article"] - ex_ms) / ex_ms, 3)
            if one["cpu_seconds"]:
                ex_cpu = results["extract"]["cpu_seconds"] / results["n"]
                results["cpu_overhead_vs_extract"] = round((one["cpu_seconds"] / results["n"] - ex_cpu) / ex_cpu, 3)
            if one["worker_extract_seconds"]:
                # The same, against the extraction time measured inside the
                # job (same caches, same moment's load): Spark's own share.
                results["overhead_in_job"] = round(
                    (one["seconds"] - one["worker_extract_seconds"]) / one["worker_extract_seconds"], 3
                )
            if "local[2]" in results["spark"]:
                results["speedup_local2_over_local1"] = round(
                    one["seconds"] / results["spark"]["local[2]"]["seconds"], 2
                )
        print(
            "summary: "
            + json.dumps(
                {
                    k: results.get(k)
                    for k in (
                        "n",
                        "order",
                        "cold",
                        "speedup_local2_over_local1",
                        "overhead_vs_extract",
                        "cpu_overhead_vs_extract",
                        "overhead_in_job",
                        "cpus",
                    )
                }
            )
        )
        if args.json:
            args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
