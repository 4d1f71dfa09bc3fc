"""How often the English time rules date a PolNeAR train statement plausibly, per rule.

usage: python scripts/measure_time_en.py [CORPUS_DIR] [--sample N] [--seed S] [--json]

CORPUS_DIR defaults to ../shared/data/polnear-en/train. Each article's publication
date is the date in its file name ("nyt_2016-03-02_…"). The statements are the corpus
gold ones (not the extractor's: English extraction is not needed for this), dated
with :func:`saidwhat.timeanchor.said_on_all` and the English expressions
(``saidwhat/lang/en/timeexpr.py``), exactly as the store dates them.

Two figures per rule (the rule is the first of the rules whose pattern matches the
expression found, the same order the engine tries them):

* ``in window``: an automatic proxy, the share of resolved dates that fall where a
  statement reported in that article can have been made: day and week up to 14 days
  before publication (and never after it), month up to two months before, year the
  publication year or the one before;
* ``sample``: ``--sample N`` prints N random hits per rule (seeded, ``--seed``) with the
  sentence the engine read, the publication date and the resolved date, for reading
  by hand. The figures of such a reading are in docs/english.md.

Exits 0 without figures when the corpus is absent (../shared is not part of the repository).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "polnear-en" / "train"
_DATE_IN_FILE_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
DAY_WINDOW = 14  # days before publication a "day" or "week" date may lie
MONTH_WINDOW = 2  # months before publication a "month" date may lie


def publication_date(name: str) -> date | None:
    m = _DATE_IN_FILE_NAME.search(name)
    return date.fromisoformat(m.group(1)) if m else None


def rule_of(expr: str, rules: tuple[tuple[str, re.Pattern[str]], ...]) -> str:
    """The rule that found ``expr``: the first whose pattern matches it (the engine's order)."""
    return next((kind for kind, rx in rules if rx.search(expr)), "?")


def in_window(value: str, precision: str, published: date) -> bool:
    """Whether a resolved date lies where a statement reported on ``published`` can have been made."""
    if precision in ("day", "week"):
        d = date.fromisoformat(value)
        return published - timedelta(days=DAY_WINDOW) <= d <= published
    if precision == "month":
        year, month = int(value[:4]), int(value[5:7])
        months_back = (published.year - year) * 12 + published.month - month
        return 0 <= months_back <= MONTH_WINDOW
    return published.year - 1 <= int(value) <= published.year


def measure(corpus: Path) -> tuple[dict[str, Counter[str]], dict[str, list[dict[str, str]]]]:
    from saidwhat.corpus import corpus_article, load_corpus_document
    from saidwhat.lang.en.timeexpr import time_expressions
    from saidwhat.timeanchor import _anchor, blank_spans, said_on_all, statement_sentence

    words = time_expressions()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    hits: dict[str, list[dict[str, str]]] = defaultdict(list)
    for path in sorted(corpus.glob("*.json")):
        published = publication_date(path.stem)
        if published is None:
            continue
        article = corpus_article(load_corpus_document(path))
        statements = article.statements
        counts["(all)"]["statements"] += len(statements)
        quotes = [q for st in statements for q in st.quote]
        for st, got in zip(statements, said_on_all(article.text, statements, published, words), strict=True):
            if got is None:
                continue
            rule = rule_of(got.expr, words.rules)
            plausible = in_window(got.value, got.precision, published)
            counts[rule]["dated"] += 1
            counts[rule]["in window"] += plausible
            if _anchor(st) is not None:
                sentence = statement_sentence(blank_spans(article.text, quotes), st, (), words.abbreviations)
                hits[rule].append(
                    {
                        "article": path.stem,
                        "published": published.isoformat(),
                        "said_on": got.value,
                        "expr": got.expr,
                        "in_window": str(plausible),
                        "sentence": " ".join(sentence.split())[:300],
                    }
                )
    return counts, hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="print N random hits per rule")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"{args.corpus}: not found (../shared is not part of the repository); nothing measured")
        return 0
    counts, hits = measure(args.corpus)
    rules = sorted((r for r in counts if r != "(all)"), key=lambda r: -counts[r]["dated"])
    if args.json:
        json.dump({r: dict(counts[r]) for r in counts}, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"{counts['(all)']['statements']} gold statements; dated: {sum(counts[r]['dated'] for r in rules)}")
    print(f"{'rule':<10} {'dated':>6} {'in window':>10}")
    for r in rules:
        c = counts[r]
        print(f"{r:<10} {c['dated']:>6} {c['in window'] / c['dated']:>10.1%}")
    rng = random.Random(args.seed)
    for r in rules if args.sample else ():
        print(f"\n## {r}")
        for h in rng.sample(hits[r], min(args.sample, len(hits[r]))):
            print(f"{h['published']} -> {h['said_on']:<10} [{h['expr']}] {h['article'][:40]}\n    {h['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
