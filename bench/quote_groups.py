"""Benchmark: cost of grouping a new article's quotes as the store grows.

    python bench/quote_groups.py                       # 10k and 100k statements
    python bench/quote_groups.py --sizes 10000 --new 50 --json bench/results/quote-groups.json

For each size N a temporary store is filled with N synthetic statements
(half of them direct quotes of 6 to 30 words drawn at the word
frequencies of the Wikinews train articles, so common words recur as in
news; needs ../shared; 5 % repeat
an earlier quote with a word dropped, the end cut off, or a different
speaker), written straight into the tables and grouped once with
:func:`saidwhat.store.quotegroups.update`. Then ``--new`` articles of 8
statements each (4 direct quotes, one of them a repeat) are inserted one
at a time, and the grouping of each (``update`` in its own transaction: the
work ingest adds per article) is timed. Reported: ms per new article (p50,
mean, p95), the index size, and the candidate groups checked per quote.

Flat cost means the per-article figures at 10k and 100k are about equal:
each quote costs a fixed number of B-tree lookups in ``quote_keys`` and
checks against the few groups that share a key.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from saidwhat.store import Store
from saidwhat.store import quotegroups as QG

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/wikinews-quotes/train"
STATEMENTS_PER_ARTICLE = 8
FIRST = ["Anna", "Karl", "Petra", "Jens", "Ulrike", "Markus", "Sabine", "Thomas", "Helga", "Frank"]
LAST = ["Albers", "Brandt", "Kessler", "Lorenz", "Obermaier", "Reuter", "Sommer", "Vogt", "Wendt", "Haas"]


def _vocabulary() -> tuple[list[str], list[int]]:
    """Words of the Wikinews train articles with their counts (news German as it is written)."""
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS}: not found (the word frequencies come from the Wikinews train articles)")
    counts: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.json")):
        counts.update(re.findall(r"\w+", json.loads(path.read_text(encoding="utf-8"))["originalText"]))
    words = sorted(counts, key=lambda w: (-counts[w], w))
    return words, [counts[w] for w in words]


class Quotes:
    """Synthetic quotes: Zipf-distributed words, some repeating earlier quotes with small changes."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocab, self.weights = _vocabulary()
        self.earlier: list[str] = []

    def fresh(self) -> str:
        words = self.rng.choices(self.vocab, self.weights, k=self.rng.randint(6, 30))
        return "„" + " ".join(words).capitalize() + ".“"

    def repeat(self) -> str:
        words = self.rng.choice(self.earlier).strip("„.“").split()
        change = self.rng.randrange(3)
        if change == 0 and len(words) > 6:
            del words[self.rng.randrange(1, len(words) - 1)]  # a word dropped
        elif change == 1 and len(words) > 10:
            words = words[: len(words) * 3 // 4]  # the end cut off
        return "»" + " ".join(words) + "«"

    def next(self, repeat_share: float) -> str:
        q = self.repeat() if self.earlier and self.rng.random() < repeat_share else self.fresh()
        if len(self.earlier) < 200_000:
            self.earlier.append(q)
        return q

    def speaker(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"


def _insert_article(conn: Any, n: int, quotes: Quotes, repeat_share: float) -> None:
    aid = f"a{n:09d}"
    day = f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    conn.execute(
        "INSERT INTO articles(id, url, text_hash, title, source, published, lang, text, extractor) "
        "VALUES (?, ?, ?, ?, 'bench', ?, 'de', '', 'bench')",
        (aid, f"https://bench.example/{n}", aid, f"Artikel {n}", day),
    )
    rows = []
    for seq in range(STATEMENTS_PER_ARTICLE):
        direct = seq % 2 == 0
        quote = quotes.next(repeat_share) if direct else quotes.fresh().strip("„“")
        speaker = quotes.speaker()
        rows.append(
            (aid, seq, "direct" if direct else "indirect", quote, speaker, speaker.split()[-1], speaker, day, day)
        )
    conn.executemany(
        "INSERT INTO statements(article_id, seq, kind, medium, confidence, quote, speaker, cue, addressee, frame, "
        "quote_spans, speaker_spans, cue_spans, addressee_spans, frame_spans, speaker_entity, speaker_names, "
        "published, day) VALUES (?, ?, ?, 'speech', 0.9, ?, ?, 'sagte', '', '', '[]', '[]', '[]', '[]', '[]', ?, ?, ?, ?)",
        rows,
    )


def run_size(n_statements: int, new: int, seed: int) -> dict[str, Any]:
    quotes = Quotes(seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        n_articles = n_statements // STATEMENTS_PER_ARTICLE
        t0 = time.perf_counter()
        with store.transaction() as conn:
            for n in range(n_articles):
                _insert_article(conn, n, quotes, repeat_share=0.05)
        t1 = time.perf_counter()
        grouped = store.update_quote_groups()
        t2 = time.perf_counter()
        candidates: list[int] = []
        original = QG.QuoteIndex._candidates

        def counting(self: QG.QuoteIndex, keys: list[int]) -> list[int]:
            found = original(self, keys)
            candidates.append(len(found))
            return found

        QG.QuoteIndex._candidates = counting  # type: ignore[method-assign]
        per_article = []
        try:
            for k in range(new):
                with store.transaction() as conn:
                    _insert_article(conn, n_articles + k, quotes, repeat_share=0.25)
                    t = time.perf_counter()
                    QG.update(conn)
                    per_article.append((time.perf_counter() - t) * 1000)
        finally:
            QG.QuoteIndex._candidates = original  # type: ignore[method-assign]
        conn = store._conn()
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("statements", "quote_members", "quote_groups", "quote_keys")
        }
        reused = conn.execute("SELECT count(*) FROM quote_groups WHERE n_articles >= 2").fetchone()[0]
        store.close()
    per_article.sort()
    return {
        "statements": n_statements,
        "fill_s": round(t1 - t0, 1),
        "backfill_s": round(t2 - t1, 1),
        "backfill_ms_per_quote": round((t2 - t1) * 1000 / max(grouped, 1), 2),
        "new_articles": new,
        "ms_per_article_p50": round(statistics.median(per_article), 2),
        "ms_per_article_mean": round(statistics.mean(per_article), 2),
        "ms_per_article_p95": round(per_article[int(0.95 * (len(per_article) - 1))], 2),
        "candidate_groups_per_quote_mean": round(statistics.mean(candidates), 2) if candidates else 0,
        "groups_in_2plus_articles": reused,
        **counts,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--sizes", default="10000,100000", help="store sizes in statements (default: 10000,100000)")
    p.add_argument("--new", type=int, default=100, help="new articles timed per size (default: 100)")
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = p.parse_args()
    results = [run_size(int(s), args.new, args.seed) for s in args.sizes.split(",")]
    for r in results:
        print(
            f"{r['statements']:>8} statements: {r['ms_per_article_p50']:.2f} ms per new article (p50; mean "
            f"{r['ms_per_article_mean']:.2f}, p95 {r['ms_per_article_p95']:.2f}), "
            f"{r['candidate_groups_per_quote_mean']} candidate groups per quote, "
            f"{r['quote_keys']} index keys; backfill {r['backfill_ms_per_quote']} ms per quote"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
