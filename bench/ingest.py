"""Benchmark: ingest throughput, search latency at scale, peak memory.

    .venv/bin/python bench/ingest.py                 # everything (a few minutes)
    .venv/bin/python bench/ingest.py --articles 200  # quicker ingest part
    .venv/bin/python bench/ingest.py --skip-ingest --db some.db   # search only
    .venv/bin/python bench/ingest.py --ingest-only   # ingest targets only (issue 16)

1. The Wikinews train+dev articles (../shared) are converted to JSONL in a
   temporary folder and ingested with ``saidwhat ingest`` (a subprocess, its
   progress bar on this terminal) with 1 and with 2 workers: articles/s and
   the peak RSS of the whole process tree (sampled from /proc).
2. The store is scaled up to ``--scale`` statements by replicating its
   articles and statements (shifted ids, URLs and dates: the FTS index and
   all indexes grow for real), then a mix of searches runs through the
   ``Store`` API: p50/p95 of ``search_statements`` (one result page) and of
   ``count_statements``.
3. Streaming check: a synthetic JSONL of ``--big`` corpus-schema articles is
   ingested with ``--annotations`` (no extraction, so it is quick) to show
   peak memory does not grow with the number of articles.

Every ingest is cold: a fresh process tree with an empty persistent
word-form cache of its own (``SAIDWHAT_WORDFORM_CACHE`` set to a new file, so
the workers of one run share it and no run profits from an earlier one).
Beside them, a fresh process extracts the same articles bare (no store, no
workers) and runs spaCy's blank tokenizer over them once: ingest's CPU time
is reported as a ratio to both. Targets (issue 16), printed as PASS/FAIL:
1 worker at least 100 articles/s, 2 workers at least 1.8x one, and ingest
within 10 % of bare extraction (process-tree CPU seconds against the bare
process's). The first two are wall-clock figures: they need an idle machine
with two free cores (the load average before and after each run is printed
with them); articles per CPU-second are what a busy machine can measure.

Bare extraction starts its clock after loading the tables and HanTa;
ingest's CPU includes its start-up. So the start-up is measured too (an
ingest of one short article, ``start_up``) and the ratio without it is
printed beside the target (``..._after_start_up``, for information: the
target counts the start-up). Bare extraction runs with the persistent
word-form cache off (the cold pass of ``bench/throughput.py``), ingest with
an empty one its workers share; a second bare run with an empty cache of its
own gives the ratio under equal conditions (``..._with_empty_cache``).

Results print as JSON (``--json FILE`` keeps a copy).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared"))
WIKINEWS = SHARED / "data" / "wikinews-quotes"


def to_jsonl(out: Path, limit: int | None = None, corpus_schema: bool = False, repeat: int = 1) -> int:
    """Train+dev as JSONL (our ingest format, or the corpus schema)."""
    files = sorted((WIKINEWS / "train").glob("*.json")) + sorted((WIKINEWS / "dev").glob("*.json"))
    if not files:
        sys.exit(f"bench: {WIKINEWS} not found (needs ../shared)")
    files = files[:limit] if limit else files
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for r in range(repeat):
            for p in files:
                d = json.loads(p.read_text(encoding="utf-8"))
                name = d["documentName"]
                ident, _, rest = name.partition(" - ")
                m = re.search(r"\((\d{4}-\d{2}-\d{2})\)\s*$", name)
                suffix = f" [{r}]" if r else ""  # unique text per copy (its identity)
                if corpus_schema:
                    rec = {
                        "documentName": name,
                        "originalText": d["originalText"] + suffix,
                        "annotations": d["annotations"],
                    }
                else:
                    rec = {
                        "id": ident,
                        "url": f"https://de.wikinews.org/wiki/?curid={ident}" + (f"&copy={r}" if r else ""),
                        "title": re.sub(r"\s*\(\d{4}-\d{2}-\d{2}\)\s*$", "", rest),
                        "published": m.group(1) if m else None,
                        "source": "Wikinews",
                        "text": d["originalText"] + suffix,
                    }
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


class TreeRSS:
    """Peak resident memory and CPU time of a process and all its descendants (Linux /proc).

    CPU is sampled too because the workers are children of a fork server,
    which the ingest process never reaps: ``wait4`` would not count them.
    """

    TICK = os.sysconf("SC_CLK_TCK")

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.cpu: dict[int, float] = {}  # pid -> last seen utime+stime, seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat", encoding="ascii", errors="replace") as f:
                    stat = f.read()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(d))
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(children.get(p, []))
        return out

    def _rss(self, pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _cpu(self, pid: int) -> float | None:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / self.TICK
        except (OSError, ValueError, IndexError):
            return None

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = self._tree()
            self.peak = max(self.peak, sum(self._rss(p) for p in tree))
            for p in tree:
                c = self._cpu(p)
                if c is not None:
                    self.cpu[p] = max(self.cpu.get(p, 0.0), c)
            self._stop.wait(self.interval)

    @property
    def total_cpu(self) -> float:
        return sum(self.cpu.values())

    @property
    def main_cpu(self) -> float:
        return self.cpu.get(self.pid, 0.0)


MIN_ARTICLES_PER_S = 100.0
MIN_SPEEDUP = 1.8
MAX_OVER_BARE = 1.10


def run_ingest(
    src: Path, db: Path, workers: int, extra: list[str] | None = None, quiet: bool = False
) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "saidwhat.cli", "ingest", str(src), "--db", str(db), "--workers", str(workers)]
    cmd += extra or []
    if quiet:
        cmd.append("-q")
    # cold: an empty word-form cache, shared by this run's workers only
    env = {**os.environ, "SAIDWHAT_WORDFORM_CACHE": str(db.with_suffix(".wordforms.sqlite"))}
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    # stderr goes to this terminal: the progress bar shows.
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL if quiet else None, env=env)
    with TreeRSS(proc.pid) as mem:
        proc.wait()
    wall = time.perf_counter() - t0
    cpu = mem.total_cpu
    conn = sqlite3.connect(db)
    n_articles, n_statements = conn.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM statements)"
    ).fetchone()
    conn.close()
    return {
        "workers": workers,
        "returncode": proc.returncode,
        "wall_s": round(wall, 2),
        "articles": n_articles,
        "statements": n_statements,
        "articles_per_s": round(n_articles / wall, 2),
        "peak_rss_mb": round(mem.peak / 2**20, 1),
        # CPU the process tree got (sampled), in seconds and in cores: on a
        # busy machine 2 workers cannot go faster than the cores they get.
        "cpu_s": round(cpu, 1),
        "writer_cpu_s": round(mem.main_cpu, 1),
        "cores_used": round(cpu / wall, 2),
        "articles_per_cpu_s": round(n_articles / cpu, 2) if cpu else None,
        "load_before": round(load_before, 1),
        "load_after": round(os.getloadavg()[0], 1),
    }


def run_start_up(src: Path, db: Path) -> dict[str, Any]:
    """CPU of an ingest of the first (short) article of ``src``: Python, imports, tables, HanTa, the store."""
    lines = [line for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    one = src.with_name("one.jsonl")
    one.write_text(min(lines, key=len) + "\n", encoding="utf-8")
    r = run_ingest(one, db, 1, quiet=True)
    return {"cpu_s": r["cpu_s"], "peak_rss_mb": r["peak_rss_mb"]}


def bare_child(src: Path) -> int:
    """In a fresh process: spaCy's tokenizer, then ``saidwhat.extract``, once over the texts of ``src``."""
    import spacy

    import saidwhat

    texts = [json.loads(line)["text"] for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    tokenizer = spacy.blank("de").tokenizer
    warm_up = (REPO / "examples" / "de-rathaus.txt").read_text(encoding="utf-8")
    tokenizer(warm_up)
    saidwhat.extract(warm_up)
    c0 = time.process_time()
    for t in texts:
        tokenizer(t)
    c1, w1 = time.process_time(), time.perf_counter()
    for t in texts:
        saidwhat.extract(t)
    c2, w2 = time.process_time(), time.perf_counter()
    print(
        json.dumps(
            {"articles": len(texts), "tokenizer_cpu_s": c1 - c0, "extract_cpu_s": c2 - c1, "extract_wall_s": w2 - w1}
        )
    )
    return 0


def run_bare(src: Path, wordform_cache: Path | None = None) -> dict[str, Any]:
    """Bare extraction in a fresh process; the persistent word-form cache off, or ``wordform_cache`` (a new file)."""
    env = {**os.environ, "SAIDWHAT_WORDFORM_CACHE": str(wordform_cache) if wordform_cache else "off"}
    out = subprocess.run(
        [sys.executable, __file__, "--bare-child", str(src)], env=env, check=True, capture_output=True, text=True
    ).stdout
    r: dict[str, Any] = json.loads(out)
    r["articles_per_cpu_s"] = round(r["articles"] / r["extract_cpu_s"], 2)
    return r


def verdicts(
    runs: list[dict[str, Any]],
    bare: dict[str, Any],
    start_up: dict[str, Any] | None = None,
    bare_cached: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The issue-16 targets as PASS/FAIL, with the figures they compare (the others for information)."""
    one = next((r for r in runs if r["workers"] == 1), None)
    two = next((r for r in runs if r["workers"] == 2), None)
    out: dict[str, Any] = {}
    if one:
        out["one_worker_articles_per_s"] = f"{one['articles_per_s']} (target >= {MIN_ARTICLES_PER_S:.0f}): " + (
            "PASS" if one["articles_per_s"] >= MIN_ARTICLES_PER_S else "FAIL"
        )
        out["one_worker_articles_per_cpu_s"] = one["articles_per_cpu_s"]
        over = one["cpu_s"] / bare["extract_cpu_s"]
        out["one_worker_cpu_over_bare_extract"] = f"{over:.2f}x (target <= {MAX_OVER_BARE:.2f}x): " + (
            "PASS" if over <= MAX_OVER_BARE else "FAIL"
        )
        if start_up:
            out["one_worker_cpu_over_bare_extract_after_start_up"] = round(
                (one["cpu_s"] - start_up["cpu_s"]) / bare["extract_cpu_s"], 2
            )
        if bare_cached:
            out["one_worker_cpu_over_bare_extract_with_empty_cache"] = round(
                one["cpu_s"] / bare_cached["extract_cpu_s"], 2
            )
        out["one_worker_cpu_over_tokenizer"] = round(one["cpu_s"] / bare["tokenizer_cpu_s"], 1)
    if one and two:
        speedup = two["articles_per_s"] / one["articles_per_s"]
        out["two_workers_speedup"] = f"{speedup:.2f}x (target >= {MIN_SPEEDUP}x): " + (
            "PASS" if speedup >= MIN_SPEEDUP else "FAIL"
        )
        out["two_workers_cpu_over_one"] = round(two["cpu_s"] / one["cpu_s"], 2)
    return out


def scale_store(src: Path, dst: Path, target: int) -> int:
    """Copy ``src`` and replicate its rows until ``target`` statements."""
    shutil.copy(src, dst)
    conn = sqlite3.connect(dst, isolation_level=None)
    base = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    if base == 0:
        sys.exit("bench: the store to scale has no statements")
    copies = -(-target // base) - 1
    cols = [
        r[1]
        for r in conn.execute("PRAGMA table_info(statements)")
        if r[1] not in ("id", "article_id", "day", "published")
    ]
    acols = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] not in ("id", "url", "published")]
    conn.execute("BEGIN")
    for k in range(1, copies + 1):
        # Copies move back in time by k weeks, so date filters see a spread.
        shift = f"-{7 * k} days"
        conn.execute(
            f"INSERT INTO articles(id, url, published, {', '.join(acols)}) "
            f"SELECT id || '-{k}', url || '#{k}', date(published, ?), {', '.join(acols)} FROM articles "
            "WHERE id NOT LIKE '%-%'",
            (shift,),
        )
        conn.execute(
            f"INSERT INTO statements(article_id, day, published, {', '.join(cols)}) "
            f"SELECT s.article_id || '-{k}', date(s.day, ?), date(s.published, ?), {', '.join('s.' + c for c in cols)} "
            "FROM statements s WHERE s.article_id NOT LIKE '%-%' ORDER BY s.id",
            (shift, shift),
        )
    conn.execute("COMMIT")
    conn.execute("PRAGMA optimize")
    n = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    conn.close()
    return int(n)


def query_mix(db: Path, n: int, seed: int = 7) -> list[dict[str, Any]]:
    """Searches a user would run: words (frequent and rare), speakers, dates, kinds, combinations,
    OR / NOT / phrases, and the source, language and confidence filters."""
    conn = sqlite3.connect(db)
    words: dict[str, int] = {}
    phrases: list[tuple[str, str]] = []  # two words next to each other in a quote
    for (q,) in conn.execute("SELECT quote FROM statements ORDER BY id LIMIT 5000"):
        for w in re.findall(r"\w{5,}", q):
            words[w] = words.get(w, 0) + 1
        pair = re.search(r"(\w{4,}) (\w{4,})", q)
        if pair:
            phrases.append((pair.group(1), pair.group(2)))
    speakers = [
        r[0]
        for r in conn.execute(
            "SELECT sp.name FROM speakers sp JOIN statements s ON s.speaker_id = sp.id "
            "GROUP BY sp.id ORDER BY count(*) DESC LIMIT 30"
        )
    ]
    conn.close()
    ranked = sorted(words, key=lambda w: -words[w])
    frequent, rare = ranked[:50], ranked[-500:]
    rnd = random.Random(seed)
    kinds = ["direct", "indirect", "reported"]
    out: list[dict[str, Any]] = []
    for i in range(n):
        r = i % 12
        if r == 0:
            out.append({"query": rnd.choice(frequent)})
        elif r == 1:
            out.append({"query": rnd.choice(rare)})
        elif r == 2:
            out.append({"query": f"{rnd.choice(frequent)} {rnd.choice(frequent)}"})
        elif r == 3:
            out.append({"speaker": rnd.choice(speakers)})
        elif r == 4:
            out.append({"query": rnd.choice(frequent), "since": "2010-01-01", "until": "2015-12-31"})
        elif r == 5:
            out.append({"kind": rnd.choice(kinds), "since": "2008"})
        elif r == 6:
            out.append({"query": rnd.choice(frequent)[:4] + "*", "kind": "direct"})
        elif r == 7:
            out.append({})  # the start page: newest statements
        elif r == 8:  # the search syntax: OR, NOT, a phrase
            out.append({"query": f"{rnd.choice(frequent)} OR {rnd.choice(rare)}"})
        elif r == 9:
            out.append({"query": f"{rnd.choice(frequent)} NOT {rnd.choice(frequent)}"})
        elif r == 10:
            out.append({"query": '"' + " ".join(rnd.choice(phrases)) + '"'})
        else:  # the article's filters
            out.append({"query": rnd.choice(frequent), "source": "Wikinews", "lang": "de", "min_confidence": 0.5})
    return out


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def bench_search(db: Path, n: int) -> dict[str, Any]:
    from saidwhat.store import Store

    queries = query_mix(db, n)
    store = Store(db, readonly=True)
    store.search_statements(query="warm")  # page cache
    search_ms: list[float] = []
    count_ms: list[float] = []
    for q in queries:
        t0 = time.perf_counter()
        store.search_statements(**q, limit=20)
        t1 = time.perf_counter()
        store.count_statements(**q)
        t2 = time.perf_counter()
        search_ms.append((t1 - t0) * 1000)
        count_ms.append((t2 - t1) * 1000)
    t0 = time.perf_counter()
    store.speakers(top=50)
    speakers_ms = (time.perf_counter() - t0) * 1000
    store.close()
    page = [a + b for a, b in zip(search_ms, count_ms, strict=True)]
    return {
        "queries": len(queries),
        "search_p50_ms": round(percentile(search_ms, 50), 2),
        "search_p95_ms": round(percentile(search_ms, 95), 2),
        "search_max_ms": round(max(search_ms), 2),
        "count_p50_ms": round(percentile(count_ms, 50), 2),
        "count_p95_ms": round(percentile(count_ms, 95), 2),
        "page_p95_ms": round(percentile(page, 95), 2),
        "speakers_top50_ms": round(speakers_ms, 2),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=None, help="use only the first N train+dev articles")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare (default: 1,2)")
    ap.add_argument("--scale", type=int, default=100_000, help="statements in the scaled store (default: 100000)")
    ap.add_argument("--queries", type=int, default=400, help="searches to time (default: 400)")
    ap.add_argument("--big", type=int, default=4000, help="articles in the streaming memory check (0: skip)")
    ap.add_argument("--skip-ingest", action="store_true", help="only the search part, on --db")
    ap.add_argument("--ingest-only", action="store_true", help="only the ingest part and its targets")
    ap.add_argument("--db", type=Path, help="an existing store to scale (with --skip-ingest)")
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    ap.add_argument("--bare-child", type=Path, help=argparse.SUPPRESS)  # one bare extraction run, JSON on stdout
    args = ap.parse_args()
    if args.bare_child:
        return bare_child(args.bare_child)

    results: dict[str, Any] = {"cpus": len(os.sched_getaffinity(0)), "load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="saidwhat-bench-") as tmp_s:
        tmp = Path(tmp_s)
        base_db = args.db
        if not args.skip_ingest:
            src = tmp / "wikinews.jsonl"
            n = to_jsonl(src, args.articles)
            print(f"bench: {n} articles in {src}", file=sys.stderr)
            runs = []
            for w in [int(x) for x in args.workers.split(",")]:
                db = tmp / f"w{w}.db"
                print(f"bench: ingest with --workers {w}", file=sys.stderr)
                r = run_ingest(src, db, w)
                runs.append(r)
                print(f"bench: {r}", file=sys.stderr)
                base_db = base_db or db
            results["ingest"] = runs
            results["bare_extract"] = run_bare(src)
            # ingest runs with an empty cache (its workers share it): writing it costs too
            results["bare_extract_with_empty_cache"] = run_bare(src, tmp / "bare.wordforms.sqlite")
            results["start_up"] = run_start_up(src, tmp / "start-up.db")
            results["targets"] = verdicts(
                runs, results["bare_extract"], results["start_up"], results["bare_extract_with_empty_cache"]
            )
            print(f"bench: {results['targets']}", file=sys.stderr)
            if len(runs) >= 2 and runs[0]["articles_per_s"]:
                one, two = runs[0], runs[1]
                results["speedup"] = round(two["articles_per_s"] / one["articles_per_s"], 2)
                # What 2 workers would give on 2 free cores: the work spread
                # over two, but never faster than the single writer.
                if two["cpu_s"] and one["cpu_s"]:
                    bound = max(two["cpu_s"] / 2, two["writer_cpu_s"])
                    results["speedup_on_free_cores_estimate"] = round(one["cpu_s"] / bound, 2)
        if base_db is None:
            sys.exit("bench: --skip-ingest needs --db")
        if not args.ingest_only:
            scaled = tmp / "scaled.db"
            t0 = time.perf_counter()
            n_st = scale_store(base_db, scaled, args.scale)
            results["scaled_statements"] = n_st
            results["scale_s"] = round(time.perf_counter() - t0, 1)
            results["search"] = bench_search(scaled, args.queries)
        if args.big and not args.skip_ingest and not args.ingest_only:
            for n_big in sorted({max(1, args.big // 4), args.big}):
                big = tmp / f"big{n_big}.jsonl"
                repeat = -(-n_big // 850)
                to_jsonl(big, None, corpus_schema=True, repeat=repeat)
                with big.open("r", encoding="utf-8") as f, (tmp / "cut.jsonl").open("w", encoding="utf-8") as g:
                    for i, line in enumerate(f):
                        if i >= n_big:
                            break
                        g.write(line)
                r = run_ingest(tmp / "cut.jsonl", tmp / f"big{n_big}.db", 1, ["--annotations"], quiet=True)
                results.setdefault("streaming", []).append(r)
                print(f"bench: streaming {r}", file=sys.stderr)
    results["load_after"] = os.getloadavg()[0]
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
