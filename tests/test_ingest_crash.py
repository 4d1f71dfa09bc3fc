"""Crash safety: ``kill -9`` during ingest, re-run, same database as a clean run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

FIX = Path(__file__).parent / "fixtures" / "ingest"
TABLES = ("meta", "articles", "speakers", "speaker_aliases", "statements")


def dump(db: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted; plus what the full-text index finds."""
    conn = sqlite3.connect(db)
    try:
        out = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
        conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
        out["fts"] = sorted(
            conn.execute("SELECT rowid FROM statements_fts WHERE statements_fts MATCH 'Lindqvist OR Bündnis'")
        )
        return out
    finally:
        conn.close()


def _corpus(tmp: Path, n: int = 40) -> Path:
    """n articles in the corpus schema, variations of the fixtures (distinct texts)."""
    docs = [json.loads((FIX / f).read_text(encoding="utf-8")) for f in ("nato-1.json", "nato-2.json")]
    path = tmp / "many.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            d = dict(docs[i % 2])
            # Appending keeps every offset valid and makes each text unique.
            d["originalText"] = d["originalText"] + f" (Meldung {i})"
            d["documentName"] = f"{9100 + i} - Meldung {i} (2023-03-{1 + i % 28:02d})"
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
            if i == 17:
                f.write("{not json\n")  # a bad line in the middle: reported every run
    return path


def _cmd(src: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "saidwhat.cli", "ingest", str(src), "--annotations", "--db", str(db), "-q"]


def _articles(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_kill_9_then_rerun_equals_clean_run(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    clean = tmp_path / "clean.db"
    p = subprocess.run(_cmd(src, clean), capture_output=True, timeout=60)
    assert p.returncode == 1 and b"many.jsonl:19: malformed JSON" in p.stderr

    crashed = tmp_path / "crashed.db"
    # Each article's transaction stays open 30 ms, so the kills land inside
    # transactions as well as between them; kill three times at growing depth.
    env = {**os.environ, "SAIDWHAT_INGEST_TEST_DELAY": "0.03"}
    kills = 0
    for threshold in (3, 12, 25):
        proc = subprocess.Popen(_cmd(src, crashed), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while proc.poll() is None and _articles(crashed) < threshold and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.poll() is None:
            time.sleep(0.015)  # somewhere inside the next transaction
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        assert _articles(crashed) < 40
    assert kills >= 2
    p = subprocess.run(_cmd(src, crashed), capture_output=True, timeout=60)
    assert p.returncode == 1  # the bad line again
    assert dump(str(crashed)) == dump(str(clean))
