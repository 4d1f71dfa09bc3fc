"""Latency of ``GET /api/statements`` under concurrent clients, on loopback.

    .venv/bin/python bench/serve.py [--statements 100000] [--clients 50] [--duration 20] [--db FILE] [--json]

1. Builds (or reuses) a store of ``--statements`` statements: invented
   articles of ten statements each, drawn from a fixed vocabulary and a pool
   of speakers, stored with ``Store.add_article`` (the store's own insert
   path: FTS, speaker resolution and all).
2. Starts ``saidwhat serve`` on a free loopback port as a subprocess.
3. Runs ``--clients`` closed-loop clients (each sends its next request as soon
   as the last answer arrives, or after ``--think-ms`` on average, HTTP/1.1
   keep-alive) for ``--duration``
   seconds, after a short warm-up, with a varied mix of queries: free text
   (common and rare words, prefixes, two words), speaker, kind, date ranges,
   paging and combinations.
4. Reports p50/p95/p99 latency, throughput and status codes. Target: p95 <
   100 ms at 50 clients on 100,000 statements.

Everything is bounded: the store build, the server start and the load run
each have a deadline; the server is stopped at the end whatever happens.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from saidwhat.model import Article, Kind, Span, Statement  # noqa: E402
from saidwhat.store import Store  # noqa: E402

TARGET_P95_MS = 100.0
PER_ARTICLE = 10

FIRST = [
    "Anna",
    "Karl",
    "Peter",
    "Maria",
    "Jens",
    "Olaf",
    "Ursula",
    "Annalena",
    "Friedrich",
    "Sahra",
    "Markus",
    "Christian",
    "Robert",
    "Nancy",
    "Boris",
    "Lisa",
    "Thomas",
    "Katrin",
    "Hubertus",
    "Svenja",
]
LAST = [
    "Berger",
    "Lenz",
    "Vogel",
    "Schmidt",
    "Müller",
    "Weber",
    "Fischer",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Schulz",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Hartmann",
    "Krüger",
    "Lange",
    "Werner",
    "Krause",
]
WORDS = (
    "wir müssen die Lage ernst nehmen und sofort handeln denn die Krise betrifft alle Menschen im Land "
    "Regierung Opposition Haushalt Pflege Klinik Schule Brücke Bahn Energie Strom Gas Preise Steuern Rente "
    "Sicherheit Frieden Krieg Ukraine Russland Europa NATO Bündnis Verteidigung Munition Hilfe Unterstützung "
    "Klima Wetter Hochwasser Dürre Landwirtschaft Wald Wasser Verkehr Auto Fahrrad Bus Pendler Stadt Gemeinde "
    "Bürgermeisterin Minister Kanzler Präsident Parlament Gesetz Gericht Urteil Polizei Feuerwehr Ermittlungen "
    "Wirtschaft Arbeit Löhne Gewerkschaft Streik Unternehmen Export Import Inflation Zinsen Bank Börse Aktie "
    "niemand kann das akzeptieren es ist ein guter Tag für unsere Region wir haben lange darauf gewartet "
    "die Kosten müssen offen auf den Tisch das ist nicht verhandelbar wir werden alles prüfen und berichten"
).split()
CUES = ["sagte", "betonte", "erklärte", "warnte", "kritisierte", "forderte", "räumte ein"]
# A few words are made rare on purpose, so queries range from very to barely selective.
RARE = ["Zeppelin", "Quittenmus", "Walfang", "Xylophon", "Bratwurststand"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ---------------------------------------------------------------- the store


def synthetic_article(rng: random.Random, k: int, speakers: list[str]) -> Article:
    parts: list[str] = []
    statements: list[Statement] = []
    pos = 0
    for _ in range(PER_ARTICLE):
        words = rng.sample(WORDS, rng.randint(6, 16))
        if rng.random() < 0.01:
            words.insert(rng.randrange(len(words)), rng.choice(RARE))
        quote = '"' + " ".join(words).capitalize() + '"'
        speaker = rng.choice(speakers)
        cue = rng.choice(CUES)
        direct = rng.random() < 0.7
        if direct:
            sentence = f"{quote}, {cue} {speaker}."
            q = (0, len(quote))
            c = (len(quote) + 2, len(quote) + 2 + len(cue))
            sp = (c[1] + 1, c[1] + 1 + len(speaker))
        else:
            body = " ".join(words)
            sentence = f"{speaker} {cue}, {body}."
            sp = (0, len(speaker))
            c = (sp[1] + 1, sp[1] + 1 + len(cue))
            q = (c[1] + 2, c[1] + 2 + len(body))
        statements.append(
            Statement(
                kind=Kind.DIRECT if direct else Kind.INDIRECT,
                quote=[Span(pos + q[0], pos + q[1])],
                speaker=[Span(pos + sp[0], pos + sp[1])],
                cue=[Span(pos + c[0], pos + c[1])],
                speaker_entity=speaker,
                confidence=0.9,
            )
        )
        parts.append(sentence)
        pos += len(sentence) + 2
    published = date(2020, 1, 1) + timedelta(days=k % 1800)
    return Article(text="\n\n".join(parts), lang="de", published=published, statements=statements)


def build_store(path: Path, n_statements: int, deadline_s: float = 900.0) -> dict[str, Any]:
    rng = random.Random(1)
    speakers = [f"{f} {last}" for f in FIRST for last in LAST]
    rng.shuffle(speakers)
    speakers = speakers[:400]
    t0 = time.monotonic()
    with Store(path) as store:
        have = store.count_statements()
        k = have // PER_ARTICLE
        while store.count_statements() < n_statements:
            if time.monotonic() - t0 > deadline_s:
                raise SystemExit(f"store build over {deadline_s:.0f} s; stopped at {store.count_statements()}")
            article = synthetic_article(rng, k, speakers)
            store.add_article(article, title=f"Synthetischer Artikel {k}", source="bench", article_id=f"bench-{k:07d}")
            k += 1
        stats = store.stats()
    return {
        "statements": stats["statements"],
        "articles": stats["articles"],
        "speakers": stats["speakers"],
        "build_s": round(time.monotonic() - t0, 1),
    }


# ---------------------------------------------------------------- queries


def query_mix(rng: random.Random, speaker_names: list[str], n: int = 4000) -> list[str]:
    """``n`` varied request paths (clients draw from them uniformly)."""
    common = ["Krise", "Energie", "Ukraine", "Regierung", "Pflege", "Brücke", "Preise", "Hochwasser", "Bahn"]
    kinds = ["direct", "indirect"]
    paths = []
    for _ in range(n):
        p: dict[str, Any] = {}
        r = rng.random()
        if r < 0.10:
            pass  # newest statements
        elif r < 0.35:
            p["query"] = rng.choice(common)
        elif r < 0.45:
            p["query"] = rng.choice(RARE)
        elif r < 0.55:
            p["query"] = rng.choice(common)[:4] + "*"
        elif r < 0.65:
            p["query"] = " ".join(rng.sample(common, 2))
        elif r < 0.80:
            p["speaker"] = rng.choice(speaker_names)
        elif r < 0.90:
            y = rng.randint(2020, 2024)
            m = rng.randint(1, 12)
            p["since"] = f"{y}-{m:02d}-01"
            p["until"] = f"{y}-{m:02d}-28"
            if rng.random() < 0.5:
                p["kind"] = rng.choice(kinds)
        else:
            p["query"] = rng.choice(common)
            p["speaker"] = rng.choice(speaker_names).split()[-1]
            p["kind"] = rng.choice(kinds)
        if rng.random() < 0.2:
            p["offset"] = 20 * rng.randint(1, 5)
        paths.append("/api/statements" + ("?" + urlencode(p) if p else ""))
    return paths


# ---------------------------------------------------------------- load


async def client(
    port: int,
    paths: list[str],
    rng: random.Random,
    stop_at: float,
    record_from: float,
    latencies: list[float],
    statuses: dict[int, int],
    done: list[int],
    think: float = 0.0,
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.monotonic() < stop_at:
            path = rng.choice(paths)
            t0 = time.monotonic()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\n\r\n".encode())
            await writer.drain()
            status_line = await reader.readline()
            if not status_line:
                raise ConnectionError("server closed the connection")
            status = int(status_line.split()[1])
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            await reader.readexactly(length)
            t1 = time.monotonic()
            done[0] += 1
            if t0 >= record_from:
                latencies.append(t1 - t0)
                statuses[status] = statuses.get(status, 0) + 1
            if think > 0:
                await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
    finally:
        writer.close()


async def load(
    port: int, paths: list[str], clients: int, duration: float, warmup: float, think: float = 0.0
) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    done = [0]
    start = time.monotonic()
    record_from = start + warmup
    stop_at = record_from + duration
    tasks = [
        client(port, paths, random.Random(i), stop_at, record_from, latencies, statuses, done, think)
        for i in range(clients)
    ]
    results = await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout=warmup + duration + 30)
    errors = [repr(r) for r in results if isinstance(r, BaseException)]
    elapsed = time.monotonic() - record_from
    ms = sorted(x * 1000 for x in latencies)

    def pct(p: float) -> float:
        return round(ms[min(len(ms) - 1, int(p / 100 * len(ms)))], 1) if ms else float("nan")

    return {
        "requests": len(ms),
        "throughput_rps": round(len(ms) / elapsed, 1),
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
        "max_ms": round(ms[-1], 1) if ms else None,
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "client_errors": errors[:5],
        "all_requests": done[0],
    }


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process and its children (Linux: uvicorn workers), independent of machine load."""
    total = 0.0
    todo = [pid]
    try:
        while todo:
            p = todo.pop()
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
    except (OSError, ValueError, IndexError):
        return None if total == 0 else total
    return total


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def start_server(db: Path, port: int, extra: list[str]) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "saidwhat.cli", "serve", "--db", str(db), "--port", str(port), *extra]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while True:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise SystemExit(f"server exited: {err[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            raise SystemExit("server did not start within 30 s")
        time.sleep(0.2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=20.0, help="measured seconds (after --warmup)")
    ap.add_argument("--warmup", type=float, default=3.0)
    ap.add_argument(
        "--think-ms",
        type=float,
        default=0.0,
        help="mean pause of each client between answer and next request (uniform 0.5x-1.5x); 0: closed loop",
    )
    ap.add_argument("--db", type=Path, help="store to use (built there if missing or short); default: a temp file")
    ap.add_argument("--server-arg", action="append", default=[], help="extra argument for saidwhat serve")
    ap.add_argument(
        "--paths", type=int, default=4000, help="distinct request paths drawn for the mix (fewer: more repeats)"
    )
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="saidwhat-bench-")
        args.db = Path(tmp.name) / "bench.db"
    built = build_store(args.db, args.statements)
    with Store(args.db, readonly=True) as store:
        names = [s["name"] for s in store.speakers(top=400)]
    paths = query_mix(random.Random(7), names, args.paths)
    port = free_port()
    proc = start_server(args.db, port, args.server_arg)
    try:
        load_before = load_average()
        cpu0 = cpu_seconds(proc.pid)
        result = asyncio.run(load(port, paths, args.clients, args.duration, args.warmup, args.think_ms / 1000))
        cpu1 = cpu_seconds(proc.pid)
        load_after = load_average()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if tmp is not None:
            tmp.cleanup()
    report = {
        "store": built,
        "clients": args.clients,
        "think_ms": args.think_ms,
        "duration_s": args.duration,
        "cpus": os.cpu_count(),
        **result,
        # over all requests, warm-up included
        "server_cpu_s": round(cpu1 - cpu0, 2) if cpu0 is not None and cpu1 is not None else None,
        "server_cpu_ms_per_request": round((cpu1 - cpu0) * 1000 / max(1, result["all_requests"]), 2)
        if cpu0 is not None and cpu1 is not None
        else None,
        "load_average_before": load_before,
        "load_average_after": load_after,
        "target_p95_ms": TARGET_P95_MS,
        "ok": result["p95_ms"] < TARGET_P95_MS and not result["client_errors"],
    }
    if args.json:
        print(json.dumps(report))
    else:
        s = report["store"]
        print(
            f"store: {s['statements']:,} statements, {s['articles']:,} articles, {s['speakers']:,} speakers "
            f"(build {s['build_s']} s)"
        )
        mode = f"pausing ~{args.think_ms:.0f} ms between requests" if args.think_ms > 0 else "closed loop"
        print(f"load: {args.clients} clients, {mode}, {args.duration:.0f} s measured, {report['cpus']} CPUs")
        print(
            f"requests: {result['requests']:,}  throughput: {result['throughput_rps']} req/s  "
            f"statuses: {result['statuses']}"
        )
        print(
            f"latency ms: p50 {result['p50_ms']}  p95 {result['p95_ms']}  p99 {result['p99_ms']}  "
            f"max {result['max_ms']}  (target p95 < {TARGET_P95_MS:.0f})"
        )
        print(
            f"server CPU: {report['server_cpu_s']} s, {report['server_cpu_ms_per_request']} ms/request; load average "
            f"{report['load_average_before']} before, {report['load_average_after']} after"
        )
        if result["client_errors"]:
            print("client errors:", result["client_errors"])
        print("OK" if report["ok"] else "MISSED TARGET")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
