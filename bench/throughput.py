"""Throughput of ``saidwhat.extract`` against spaCy's blank German tokenizer.

    .venv/bin/python bench/throughput.py [--data DIR] [--limit N] [--json] [--tracemalloc]

Both run over the same texts in the same process, each loaded and warmed up
on a few texts first. Both keep per-word-form caches (spaCy's tokenizer
caches each chunk it has split, saidwhat's tagger each word form), so the
two are compared like for like: first pass against first pass (a corpus the
process has not seen) and repeated pass against repeated pass (steady state
of a long run). The target is a pipeline at most 20x the tokenizer's time.
Times are process CPU seconds (robust on a shared machine) with wall-clock
seconds alongside; the tokenizer's repeated pass is the best of several.

``--learned`` measures the pipeline with its (opt-in) learned stage
(``extract(..., learned=True)``); the default is the default pipeline, rules only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared")) / "data" / "wikinews-quotes" / "dev"
TARGET_RATIO = 20.0


def load_texts(data: Path, limit: int | None) -> list[str]:
    files = sorted(p for p in data.iterdir() if p.suffix in (".json", ".txt")) if data.is_dir() else [data]
    texts: list[str] = []
    for p in files[:limit]:
        if p.suffix == ".json":
            texts.append(json.loads(p.read_text(encoding="utf-8"))["originalText"])
        else:
            texts.append(p.read_text(encoding="utf-8"))
    return texts


def timed(fn: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) for one pass over ``texts``."""
    c0, w0 = time.process_time(), time.perf_counter()
    for t in texts:
        fn(t)
    return time.process_time() - c0, time.perf_counter() - w0


def run(texts: list[str], tokenizer_passes: int, trace: bool, learned: bool = False) -> dict[str, Any]:
    import spacy

    import saidwhat

    def extract(text: str) -> object:
        return saidwhat.extract(text, learned=learned)

    tokenizer = spacy.blank("de").tokenizer
    warm = texts[:5]
    for t in warm:  # load models, fill the tagger's word cache a little
        extract(t)
        tokenizer(t)

    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)

    tok_first_cpu, tok_first_wall = timed(tokenizer, texts)
    tok_cpu, tok_wall = min(timed(tokenizer, texts) for _ in range(tokenizer_passes))
    pipe_cpu, pipe_wall = timed(extract, texts)
    # Per-word-form caches (the tagger's) are cold for most of the first
    # pass; a second pass shows the steady state of a long corpus run.
    warm_cpu, warm_wall = timed(extract, texts)
    traced_peak: int | None = None
    if trace:
        # Tracing slows allocation-heavy code several-fold, so it gets its own
        # untimed pass; with warm caches its peak is the per-article working
        # memory (the caches themselves show in the RSS).
        tracemalloc.start()
        for t in texts:
            extract(t)
        traced_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

    # ru_maxrss is KiB on Linux, bytes on macOS.
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mib = maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024
    return {
        "texts": len(texts),
        "words": words,
        "chars": chars,
        "pipeline": {"cpu_s": pipe_cpu, "wall_s": pipe_wall, "words_per_s": words / pipe_cpu if pipe_cpu else None},
        "pipeline_warm": {
            "cpu_s": warm_cpu,
            "wall_s": warm_wall,
            "words_per_s": words / warm_cpu if warm_cpu else None,
        },
        "learned_stage": learned,
        "tokenizer_first": {
            "cpu_s": tok_first_cpu,
            "wall_s": tok_first_wall,
            "words_per_s": words / tok_first_cpu if tok_first_cpu else None,
        },
        "tokenizer": {"cpu_s": tok_cpu, "wall_s": tok_wall, "words_per_s": words / tok_cpu if tok_cpu else None},
        "ratio_cpu": pipe_cpu / tok_first_cpu if tok_first_cpu else None,
        "ratio_wall": pipe_wall / tok_first_wall if tok_first_wall else None,
        "ratio_cpu_warm": warm_cpu / tok_cpu if tok_cpu else None,
        "target_ratio": TARGET_RATIO,
        "peak_rss_mib": round(peak_mib, 1),
        "tracemalloc_peak_mib": round(traced_peak / 2**20, 1) if traced_peak is not None else None,
    }


def format_table(r: dict[str, Any]) -> str:
    def row(name: str, d: dict[str, Any]) -> str:
        return f"| {name:<29} | {d['cpu_s']:8.3f} | {d['wall_s']:8.3f} | {d['words_per_s']:>12,.0f} |"

    def verdict(ratio: float | None) -> str:
        return "met" if ratio is not None and ratio <= TARGET_RATIO else "NOT met"

    mode = "with the learned stage (--learned)" if r["learned_stage"] else "default: rules only"
    lines = [
        f"{r['texts']} texts, {r['words']:,} words, {r['chars']:,} characters; pipeline {mode}",
        "",
        "| step                          |  CPU (s) | wall (s) |      words/s |",
        "|-------------------------------|---------:|---------:|-------------:|",
        row("saidwhat.extract, first pass", r["pipeline"]),
        row("saidwhat.extract, repeated", r["pipeline_warm"]),
        row('spacy.blank("de"), first pass', r["tokenizer_first"]),
        row('spacy.blank("de"), repeated', r["tokenizer"]),
        "",
        f"first pass: pipeline/tokenizer {r['ratio_cpu']:.1f}x CPU, {r['ratio_wall']:.1f}x wall "
        f"(target <= {TARGET_RATIO:.0f}x: {verdict(r['ratio_cpu'])})",
        f"repeated:   pipeline/tokenizer {r['ratio_cpu_warm']:.1f}x CPU "
        f"(target <= {TARGET_RATIO:.0f}x: {verdict(r['ratio_cpu_warm'])})",
        f"peak RSS: {r['peak_rss_mib']:.1f} MiB",
    ]
    if r["tracemalloc_peak_mib"] is not None:
        lines.append(f"tracemalloc peak during a warm extract pass: {r['tracemalloc_peak_mib']:.1f} MiB")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"corpus JSON or .txt directory (default: {DEFAULT_DATA})"
    )
    ap.add_argument("--limit", type=int, help="only the first N files")
    ap.add_argument("--passes", type=int, default=5, help="tokenizer passes, best kept (default: 5)")
    ap.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slows extract)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("--learned", action="store_true", help="measure extract(..., learned=True)")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"throughput: {args.data}: no such file or directory (use --data)", file=sys.stderr)
        return 2
    texts = load_texts(args.data, args.limit)
    if not texts:
        print(f"throughput: {args.data}: no texts", file=sys.stderr)
        return 2
    result = run(texts, max(1, args.passes), args.tracemalloc, learned=args.learned)
    result["data"] = str(args.data)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        sys.stdout.write(format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
