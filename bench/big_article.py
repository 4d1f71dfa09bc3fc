"""Time per character of one big article against the same text article by article.

    .venv/bin/python bench/big_article.py [--chars N] [--data DIR ...] [--json]

Work that pairs every statement with every other one (or rescans the text
before each statement) is invisible on news-sized articles and dominates a
2 MB one. This bench builds two big inputs out of real articles:

* ``news``: whole articles joined by blank lines, repeated until ``--chars``;
* ``quotes``: only the paragraphs holding a quotation mark, joined the same
  way: an article of many short quoted statements;

and measures ``extract`` plus the store's per-article preparation
(``store.prepare``: mention parsing and ``said_on``) in seconds of process
CPU per million characters, for the pieces one by one and for the joined
text. The reference is normal news article by article; the target is the big
inputs within 3x of it (``PASS``/``FAIL``). Every word form is tagged once
before timing, so both sides run with warm tagger caches.

Articles come from ``../shared/data/wikinews-quotes/{dev,train}`` (or
``--data``), else from the examples bundled with the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared")) / "data" / "wikinews-quotes"
BUNDLED = [REPO / "examples", REPO / "tests" / "fixtures" / "ingest"]
TARGET_RATIO = 3.0
QUOTE_MARKS = frozenset('„“”»«"')


def load_articles(dirs: Iterable[Path]) -> list[str]:
    """Article texts from corpus JSON (``originalText``) and .txt files."""
    texts: list[str] = []
    for d in dirs:
        if not d.is_dir():
            continue
        for p in sorted(d.iterdir()):
            if p.suffix == ".txt":
                texts.append(p.read_text(encoding="utf-8"))
            elif p.suffix == ".json":
                data = json.loads(p.read_text(encoding="utf-8"))
                if isinstance(data, dict) and isinstance(data.get("originalText"), str):
                    texts.append(data["originalText"])
    return [t for t in texts if t.strip()]


def fill(pieces: list[str], chars: int) -> list[str]:
    """``pieces`` in order, repeated as needed, as many as fit in ``chars``
    characters when joined by blank lines."""
    pieces = [p for p in pieces if len(p) <= chars]
    out: list[str] = []
    total = -2
    while pieces:
        for p in pieces:
            if total + 2 + len(p) > chars:
                return out
            out.append(p)
            total += 2 + len(p)
    return out


def quoted_paragraphs(texts: list[str]) -> list[str]:
    """The paragraphs of ``texts`` that hold a quotation mark."""
    return [p for t in texts for p in t.split("\n") if p.strip() and QUOTE_MARKS.intersection(p)]


def cpu_per_mchar(fn: Callable[[str], object], texts: list[str]) -> float:
    """Process CPU seconds per million characters for one pass over ``texts``."""
    chars = sum(len(t) for t in texts)
    c0 = time.process_time()
    for t in texts:
        fn(t)
    return (time.process_time() - c0) / chars * 1e6


def run(articles: list[str], chars: int) -> dict[str, Any]:
    import saidwhat
    from saidwhat.store import prepare

    def process(text: str) -> object:
        return prepare(saidwhat.extract(text, published="2024-05-17"))

    inputs = {"news": fill(articles, chars), "quotes": fill(quoted_paragraphs(articles) or articles, chars)}
    for pieces in inputs.values():  # warm up: every word form tagged once
        for p in dict.fromkeys(pieces):
            saidwhat.extract(p)
    result: dict[str, Any] = {"chars": chars, "articles": len(articles), "target_ratio": TARGET_RATIO}
    reference = cpu_per_mchar(process, inputs["news"])
    result["reference_s_per_mchar"] = reference
    for name, pieces in inputs.items():
        joined = "\n\n".join(pieces)
        one_by_one = reference if name == "news" else cpu_per_mchar(process, pieces)
        big = cpu_per_mchar(process, [joined])
        result[name] = {
            "pieces": len(pieces),
            "chars": len(joined),
            "one_by_one_s_per_mchar": one_by_one,
            "joined_s_per_mchar": big,
            "ratio_to_reference": big / reference,
            "pass": big / reference <= TARGET_RATIO,
        }
    return result


def format_result(r: dict[str, Any]) -> str:
    lines = [
        f"reference: normal news article by article {r['reference_s_per_mchar']:.2f} s/Mchar (process CPU)",
        "",
        "| input  | pieces |     chars | one by one s/Mchar | joined s/Mchar | joined/reference |",
        "|--------|-------:|----------:|-------------------:|---------------:|-----------------:|",
    ]
    for name in ("news", "quotes"):
        d = r[name]
        lines.append(
            f"| {name:<6} | {d['pieces']:6d} | {d['chars']:9,d} | {d['one_by_one_s_per_mchar']:18.2f} "
            f"| {d['joined_s_per_mchar']:14.2f} | {d['ratio_to_reference']:15.2f}x |"
        )
    lines.append("")
    for name in ("news", "quotes"):
        verdict = "PASS" if r[name]["pass"] else "FAIL"
        lines.append(f"{verdict} {name}: {r[name]['ratio_to_reference']:.2f}x (target <= {r['target_ratio']:.0f}x)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--chars", type=int, default=2_000_000, help="size of each big input (default: 2,000,000)")
    ap.add_argument("--data", type=Path, action="append", help="folder of corpus JSON or .txt articles (repeatable)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    dirs = args.data or [SHARED / "dev", SHARED / "train"]
    articles = load_articles(dirs)
    source = ", ".join(str(d) for d in dirs)
    if not articles and not args.data:
        articles = load_articles(BUNDLED)
        source = "bundled examples: " + ", ".join(str(d.relative_to(REPO)) for d in BUNDLED)
    if not articles:
        print(f"big_article: no articles in {source}: skipped", file=sys.stderr)
        return 0
    from saidwhat.pipeline import MAX_TEXT_CHARS

    result = run(articles, min(args.chars, MAX_TEXT_CHARS))
    result["source"] = source
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        sys.stdout.write(f"{len(articles)} articles from {source}\n")
        sys.stdout.write(format_result(result))
    return 0 if result["news"]["pass"] and result["quotes"]["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
