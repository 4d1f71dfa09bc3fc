"""Time of ``saidwhat.extract`` on long sentences, against normal news.

    .venv/bin/python bench/long_sentences.py [--data DIR] [--only NAME ...] [--scale X] [--json]

Issue 12 measured one long sentence at 17 s and a run-on with many cues at
65 s: the sentence-level stages (cue search, speaker search, indirect
speech) rescanned the sentence per token or per cue. Each input here is one
sentence (or one run-on) of tens of thousands of characters, built from
cue frames, "dass" clauses, commas, quotation marks, names, or real article
sentences joined by commas; the last is a 2 MB article made of such
sentences. The target: each runs within 3x the CPU time per character of
normal news (the dev articles), each of the issue's inputs under 1 s.

Times are process CPU seconds. The tagger caches each word form, so every
input is tagged once before it is timed (``--cold`` times the first pass
too): what is measured is the pipeline, not HanTa's first look at a word,
and normal news is measured the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared")) / "data" / "wikinews-quotes" / "dev"
TARGET_RATIO = 3.0  # per character, against normal news
TARGET_SECONDS = 1.0  # each of the issue's inputs

_NAMES = ["Angela Merkel", "Olaf Scholz", "Jens Stoltenberg", "Ursula von der Leyen", "Max Muster", "Anna Beispiel"]
# a missing full stop before "Die"/"Der" after a noun: cues._run_on_sentence's case
_RUN_ON = "Die Polizei meldete am Montag neue Zahlen Die Regierung sagte der Zeitung das Projekt sei "
_RUN_ON_NOUNS = "Die Polizei meldete am Montag neue Zahlen Die Regierung "
_WORDS = (
    "der Minister hat am Montag in Berlin die neue Regelung für den Verkehr vorgestellt und die Kritik zurückgewiesen"
)


def load_texts(data: Path) -> list[str]:
    return [json.loads(p.read_text(encoding="utf-8"))["originalText"] for p in sorted(data.glob("*.json"))]


def real_sentences(texts: list[str]) -> list[str]:
    """Sentences of the dev articles without their final mark (a rough split is enough)."""
    out: list[str] = []
    for t in texts:
        for s in re.split(r"(?<=[.!?])\s+", t):
            s = s.strip()
            if 40 < len(s) < 300 and s.endswith("."):
                out.append(s[:-1])
    return out


def inputs(texts: list[str], scale: float) -> dict[str, tuple[str, bool]]:
    """name -> (text, one of the issue's own inputs)."""
    n = max(1, int(3000 * scale))
    reals = real_sentences(texts)
    joined = ", ".join(reals[: max(1, int(300 * scale))]) + "."
    return {
        "sagte-comma": ("Er sagte, " * n + "es sei gut.", True),
        "unpunctuated": (" ".join((_WORDS.split() * (2 * n))[: 2 * n]), True),
        "run-on-cues": (
            " ".join(["Die Regierung sagte das Projekt sei gut und der Minister erklärte"] * max(1, n // 10)),
            True,
        ),
        "run-on-articles": (_RUN_ON * max(1, n // 14) + "gut.", False),
        # a comma late in a run-on: the old _run_on_sentence rescanned for it at each article (cubic)
        "run-on-comma": (
            _RUN_ON_NOUNS * max(1, n // 20) + ", " + "er sagte der Zeitung das sei gut " * max(1, n // 20),
            True,
        ),
        "es-heisst": ("Es heißt, " * n + "es sei gut.", False),
        "many-dass": ("Der Minister sagte, dass " * n + "es gut sei.", False),
        "many-commas": ("Er sagte, " + ", ".join(["gut"] * (3 * n)) + ".", False),
        "many-quotes": ("„Das ist gut“, sagte er, " * n + "und ging.", False),
        "name-list": (", ".join(_NAMES * max(1, n // 3)) + " sagten, es sei gut.", False),
        "wie-frames": ("wie der Sprecher mitteilte, " * n + "sei es gut.", False),
        # a judgement, a charge and a relayed quote per frame: the reported stage looked
        # for a coordinated cue verb and relay for "von"/"in" in the frame, once per cue
        "haelt-moeglich": ("Er hält es für möglich, dass " * n + "es gut sei.", False),
        "warf-vor": ("Er warf ihm vor, " * n + "es sei gut.", False),
        # a "nicht" at the end of a long clause of cues; passive cues without an agent
        "negation-at-end": ("der Minister berichtete über die Lage " * (n // 2) + "nicht.", False),
        "passive-noagent": ("der Plan wurde kritisiert " * n + "gut.", False),
        "relayed-quotes": ("„Gut“, wird Panetta zitiert, " * n + "und ging.", False),
        "real-joined": (joined, False),
        "article-2MB": (_two_megabytes(reals, scale), False),
    }


def _two_megabytes(reals: list[str], scale: float) -> str:
    """A 2 MB article of long sentences: real sentences joined by commas, 20 to a sentence."""
    limit = int(1_990_000 * min(1.0, scale))
    parts: list[str] = []
    size = 0
    k = 0
    while size < limit:
        chunk = ", ".join(reals[(k + m) % len(reals)] for m in range(20)) + ". "
        if size + len(chunk) > limit:
            break
        parts.append(chunk)
        size += len(chunk)
        k += 20
    return "".join(parts)


def cpu(fn: Callable[[], object]) -> float:
    c0 = time.process_time()
    fn()
    return time.process_time() - c0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="normal news: a directory of corpus JSON files")
    ap.add_argument("--only", nargs="*", help="run only these inputs")
    ap.add_argument("--scale", type=float, default=1.0, help="size of the inputs (1.0: the issue's sizes)")
    ap.add_argument("--cold", action="store_true", help="do not tag each input once before timing it")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)

    import saidwhat
    from saidwhat.lang.de.tagger import parse

    texts = load_texts(args.data)
    if not args.cold:
        for t in texts:
            parse(t)
    news_chars = sum(len(t) for t in texts)
    news_cpu = cpu(lambda: [saidwhat.extract(t, learned=False) for t in texts])
    per_char = news_cpu / news_chars
    results: dict[str, Any] = {
        "news": {"chars": news_chars, "cpu_s": round(news_cpu, 3), "us_per_char": round(1e6 * per_char, 3)}
    }
    failed = []
    for name, (text, issue_input) in inputs(texts, args.scale).items():
        if args.only and name not in args.only:
            continue
        if not args.cold:
            parse(text)
        seconds = cpu(lambda text=text: saidwhat.extract(text, learned=False))  # type: ignore[misc]
        ratio = (seconds / len(text)) / per_char
        ok = ratio <= TARGET_RATIO and (not issue_input or args.scale != 1.0 or seconds < TARGET_SECONDS)
        results[name] = {"chars": len(text), "cpu_s": round(seconds, 3), "ratio_per_char": round(ratio, 2), "ok": ok}
        if not ok:
            failed.append(name)
        if not args.json:
            verdict = "ok" if ok else "SLOW"
            print(
                f"{name:15s} {len(text):9d} chars {seconds:8.3f} s CPU  {ratio:6.2f}x news per char  {verdict}",
                flush=True,
            )
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"news           {news_chars:9d} chars {news_cpu:8.3f} s CPU  ({1e6 * per_char:.2f} µs per char)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
