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
statements each (4 direct quotes, a quarter of them repeats) are inserted
one at a time, taking turns between the sizes, and the grouping of each
(``update`` in the article's transaction: the work ingest adds per
article) is timed. Reported: ms per new article (p50,
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
        "published, day) VALUES (?, ?, ?, 'speech', 0.9, ?, ?, 'sagte', '', '', "
        "'[]', '[]', '[]', '[]', '[]', ?, ?, ?, ?)",
        rows,
    )


class Sized:
    """One synthetic store of a given size, kept open for the timed part."""

    def __init__(self, n_statements: int, seed: int, tmp: str) -> None:
        self.n_statements = n_statements
        self.quotes = Quotes(seed)
        self.store = Store(Path(tmp) / f"bench-{n_statements}.db")
        self.n_articles = n_statements // STATEMENTS_PER_ARTICLE
        t0 = time.perf_counter()
        with self.store.transaction() as conn:
            for n in range(self.n_articles):
                _insert_article(conn, n, self.quotes, repeat_share=0.05)
        t1 = time.perf_counter()
        grouped = self.store.update_quote_groups()
        t2 = time.perf_counter()
        self.fill_s, self.backfill_s = t1 - t0, t2 - t1
        self.backfill_ms_per_quote = (t2 - t1) * 1000 / max(grouped, 1)
        self.per_article: list[float] = []
        self.candidates: list[int] = []

    def add_article(self, timed: bool = True) -> None:
        """Insert one new article (a quarter of its quotes repeat earlier ones) and time its grouping."""
        original = QG.QuoteIndex._candidates
        found: list[int] = []

        def counting(index: QG.QuoteIndex, keys: list[int]) -> list[int]:
            groups = original(index, keys)
            found.append(len(groups))
            return groups

        QG.QuoteIndex._candidates = counting  # type: ignore[method-assign, assignment]
        try:
            with self.store.transaction() as conn:
                _insert_article(conn, self.n_articles, self.quotes, repeat_share=0.25)
                self.n_articles += 1
                t = time.perf_counter()
                QG.update(conn)
                elapsed = (time.perf_counter() - t) * 1000
        finally:
            QG.QuoteIndex._candidates = original  # type: ignore[method-assign]
        if timed:
            self.per_article.append(elapsed)
            self.candidates.extend(found)

    def result(self) -> dict[str, Any]:
        conn = self.store._conn()
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("statements", "quote_members", "quote_groups", "quote_keys")
        }
        reused = conn.execute("SELECT count(*) FROM quote_groups WHERE n_articles >= 2").fetchone()[0]
        per_article = sorted(self.per_article)
        return {
            "statements": self.n_statements,
            "fill_s": round(self.fill_s, 1),
            "backfill_s": round(self.backfill_s, 1),
            "backfill_ms_per_quote": round(self.backfill_ms_per_quote, 2),
            "new_articles": len(per_article),
            "ms_per_article_p50": round(statistics.median(per_article), 2),
            "ms_per_article_mean": round(statistics.mean(per_article), 2),
            "ms_per_article_p95": round(per_article[int(0.95 * (len(per_article) - 1))], 2),
            "candidate_groups_per_quote_mean": round(statistics.mean(self.candidates), 2) if self.candidates else 0,
            "groups_in_2plus_articles": reused,
            **counts,
        }


def run(sizes: list[int], new: int, seed: int) -> list[dict[str, Any]]:
    """Build every store, then time new articles taking turns between them.

    Taking turns puts the sizes under the same machine load (the CPUs are
    shared); one untimed article each first loads the speaker tagger.
    """
    with tempfile.TemporaryDirectory() as tmp:
        stores = [Sized(n, seed, tmp) for n in sizes]
        for s in stores:
            s.add_article(timed=False)
        for _ in range(new):
            for s in stores:
                s.add_article()
        results = [s.result() for s in stores]
        for s in stores:
            s.store.close()
    return results


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--sizes", default="10000,100000", help="store sizes in statements (default: 10000,100000)")
    p.add_argument("--new", type=int, default=100, help="new articles timed per size (default: 100)")
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = p.parse_args()
    results = run([int(s) for s in args.sizes.split(",")], args.new, args.seed)
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
