"""CPU time of ``extract`` on the pathological inputs of issue 12, against normal news.

usage: python bench/pathological.py [--cpu-limit SECONDS] [NAME ...]

Each input runs in a fresh process (models loaded and warmed first, so only
the extraction is timed; ``--cpu-limit`` CPU seconds stop one that runs away,
whatever else loads the machine) and is
reported with its process CPU seconds, its seconds per million characters
and that rate against normal news (the bundled examples, or ../shared's dev
articles when present). Target: each input under 1 s (PASS/FAIL); a crash
is a FAIL too. ``unclosed-100k-quotes`` times the quote stage alone on the
100 KB line (its own super-linear part). ``random-N`` are 50 KB of random
lower-case words of N letters: new word forms for HanTa with every word, bounded
by the tagger's per-article allowance. The children run with the persistent
word-form cache off (``SAIDWHAT_WORDFORM_CACHE=off``), so an earlier run does
not make HanTa's work disappear. Run it against another tree with ``PYTHONPATH=OTHER/src``.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "wikinews-quotes" / "dev"
TARGET_S = 1.0


def _letters(n: int) -> str:
    rng = random.Random(n)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzäöüß") for _ in range(n))


def _random_words(letters: int, chars: int = 50_000) -> str:
    rng = random.Random(letters)
    # each word and its space: enough words for ``chars`` characters
    count = -(-chars // (letters + 1))
    words: list[str] = []
    for _ in range(count):
        words.append("".join(rng.choice("abcdefghijklmnopqrstuvwxyzäöüß") for _ in range(letters)))
    return " ".join(words)


def _long_word(n: int) -> str:
    return f"Der Sprecher sagte, das Wort {_letters(n)} sei gut."


def _unpunctuated(tokens: int) -> str:
    words = "der Minister sagte die Lage sei ernst und die Regierung erklärte man werde prüfen".split()
    return " ".join(words[i % len(words)] for i in range(tokens))


def _unclosed_line() -> str:
    return ("Er sagte 'so ‚ und " * 6_000)[:100_000]


# name → input text
INPUTS: dict[str, Callable[[], str]] = {
    "surrogate": lambda: "Er sagte \ud800 gut.",
    "blank-line": lambda: "Titel\n\n\xa0\nDer Mann sagte, er komme.",  # NBSP: Python splits on it
    "word-1600": lambda: _long_word(1_600),
    "word-2500": lambda: _long_word(2_500),
    "unclosed-100k": _unclosed_line,
    "unclosed-100k-quotes": _unclosed_line,  # quotes.find_quotes alone (STAGE_ONLY)
    "er-sagte-3000": lambda: "Er sagte, " * 3_000 + "es sei gut.",
    "unpunctuated-6000": lambda: _unpunctuated(6_000),
    "run-on-4000": lambda: " ".join(["der Bericht Die Regierung sagte"] * 800),
    "random-12": lambda: _random_words(12),
    "random-30": lambda: _random_words(30),
    "random-60": lambda: _random_words(60),
}


# inputs timed on one stage instead of all of extract
STAGE_ONLY = {"unclosed-100k-quotes"}


def normal_texts() -> list[str]:
    files = sorted(DEV.glob("*.json"))
    if files:
        return [json.loads(f.read_text(encoding="utf-8"))["originalText"] for f in files]
    return [Path(f).read_text(encoding="utf-8") for f in sorted(glob.glob(str(REPO / "examples" / "*.txt")))]


def _warm_up() -> None:
    from saidwhat.pipeline import extract

    extract("„Wir kommen morgen“, sagte der Sprecher Qwzrtplk. Er sagte, man sei bereit.")  # loads HanTa too


def _cpu(fn: Callable[[], object]) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


def measure_one(name: str) -> dict[str, object]:
    """In the child process: CPU seconds of one input (or its error)."""
    from saidwhat.pipeline import extract

    _warm_up()
    from saidwhat.lang import get as get_language
    from saidwhat.pipeline.quotes import find_quotes

    marks = get_language("de").quote_marks
    text = INPUTS[name]()
    run = (lambda: find_quotes(text, marks)) if name in STAGE_ONLY else (lambda: extract(text))
    try:
        seconds = _cpu(run)
    except Exception as e:  # noqa: BLE001 - a crash is a result here
        return {"chars": len(text), "error": f"{type(e).__name__}: {str(e)[:80]}"}
    return {"chars": len(text), "seconds": seconds}


def measure_normal() -> dict[str, object]:
    """In the child process: CPU seconds per character on normal news (second pass, caches warm)."""
    from saidwhat.pipeline import extract

    _warm_up()
    texts = normal_texts()
    for t in texts:
        extract(t)
    seconds = _cpu(lambda: [extract(t) for t in texts])
    return {"chars": sum(map(len, texts)), "seconds": seconds}


def _limit_cpu(seconds: float) -> Callable[[], None]:
    def limit() -> None:  # in the child, before it starts: SIGXCPU past the limit
        import resource

        resource.setrlimit(resource.RLIMIT_CPU, (int(seconds), int(seconds) + 5))

    return limit


def run_child(arg: str, cpu_limit: float) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, f"--child={arg}"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SAIDWHAT_WORDFORM_CACHE": "off"},
        preexec_fn=_limit_cpu(cpu_limit),
    )
    if done.returncode < 0:
        return {"error": f"over {cpu_limit:g} s CPU (stopped)"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1][:100]}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", metavar="NAME", help=f"inputs to run (default: all of {', '.join(INPUTS)})")
    ap.add_argument(
        "--cpu-limit", type=float, default=90.0, help="CPU seconds before an input is stopped (default: 90)"
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(measure_normal() if args.child == "-normal" else measure_one(args.child)))
        return 0
    normal = run_child("-normal", args.cpu_limit)
    if "error" in normal:
        print(f"normal news failed: {normal['error']}")
        return 1
    normal_rate = float(str(normal["seconds"])) / int(str(normal["chars"]))
    print(f"normal news: {int(str(normal['chars'])):,} chars, {normal_rate * 1e6:.2f} s/Mchar CPU")
    print(f"{'input':<20}{'chars':>9}{'CPU s':>10}{'s/Mchar':>10}{'x news':>9}  target < {TARGET_S:g} s")
    failed = 0
    for name in args.names or list(INPUTS):
        r = run_child(name, args.cpu_limit)
        chars = len(INPUTS[name]())
        if "error" in r:
            failed += 1
            print(f"{name:<20}{chars:>9}  FAIL: {r['error']}")
            continue
        seconds = float(str(r["seconds"]))
        rate = seconds / chars
        verdict = "PASS" if seconds < TARGET_S else "FAIL"
        failed += verdict == "FAIL"
        print(f"{name:<20}{chars:>9}{seconds:>10.3f}{rate * 1e6:>10.1f}{rate / normal_rate:>9.1f}  {verdict}")
    print(f"{failed} of {len(args.names or INPUTS)} inputs fail the target")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
