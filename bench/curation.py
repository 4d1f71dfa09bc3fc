"""What speaker corrections cost a store: applying them all, and storing one more article.

    .venv/bin/python bench/curation.py STORE.db [--overrides N] [--json]

Works on a copy of ``STORE.db`` (any saidwhat store, e.g. one of the 850
train+dev articles). Records ``N`` corrections on its most-quoted speakers
(a third each merges, renames and links), then measures

* ``apply_all``: :func:`saidwhat.store.curation.apply_all` over the whole
  store (what ``--reprocess`` adds, once), best of 5;
* ``put_article``: storing one new article (a copy of the last one) with and
  without the corrections: the extra cost every ingested article pays,
  median of 20.

The target is ``put_article`` with 100 corrections under 50 ms extra
(``PASS``/``FAIL``): an ingest of 1,000 articles then pays under a minute.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from saidwhat.store import Store, curation

TARGET_EXTRA_MS = 50.0


def record(store: Store, n: int) -> int:
    """``n`` corrections on the most-quoted speakers; how many were stored."""
    top = store.speakers(top=2 * n)
    made = 0
    for i in range(0, len(top) - 1, 2):
        if made >= n:
            break
        a, b = top[i], top[i + 1]
        try:
            if made % 3 == 0:
                curation.merge(store, a["id"], b["id"])
            elif made % 3 == 1:
                curation.rename(store, a["id"], a["name"] + " (checked)")
            else:
                curation.link(store, a["id"], f"bench:{a['id']}")
            made += 1
        except curation.CurationError:
            continue
    return made


def put_ms(store: Store, article_id: str, tag: str, rounds: int = 20) -> float:
    """Median ms to store a copy of ``article_id`` as a new article (what each ingested article pays)."""
    stored = store.stored_article(article_id)
    assert stored is not None
    times = []
    for n in range(rounds):
        t = time.perf_counter()
        store.put_article(stored.article, url=f"https://bench.invalid/{tag}/{n}", article_id=f"bench-{tag}-{n}")
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("--overrides", type=int, default=100)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        shutil.copyfile(args.db, db)
        with Store(db) as store:
            article_id = store.article_ids()[-1]
            plain = put_ms(store, article_id, "plain")
            made = record(store, args.overrides)
            conn = store._conn()
            best = float("inf")
            for _ in range(5):
                t = time.perf_counter()
                with store.transaction():
                    curation.apply_all(conn)
                best = min(best, time.perf_counter() - t)
            curated = put_ms(store, article_id, "curated")
            stats = store.stats()
    out = {
        "articles": stats["articles"],
        "statements": stats["statements"],
        "overrides": made,
        "apply_all_ms": round(best * 1000, 1),
        "put_article_ms": round(plain, 1),
        "put_article_curated_ms": round(curated, 1),
        "extra_ms": round(curated - plain, 1),
    }
    ok = out["extra_ms"] < TARGET_EXTRA_MS
    if args.json:
        json.dump({**out, "pass": ok}, sys.stdout)
        print()
    else:
        for k, v in out.items():
            print(f"{k:>24}: {v}")
        print(f"{'PASS' if ok else 'FAIL'}: extra per article {out['extra_ms']} ms (target < {TARGET_EXTRA_MS} ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
