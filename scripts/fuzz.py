"""Fuzz ``saidwhat.extract`` for as long as you like: no crash, no stall, spans inside the text.

usage: python scripts/fuzz.py [--minutes 10] [--seed 1] [--failures DIR] [--limit SECONDS]

Each input is either a random mix of German words, cue verbs, quotation marks
of every kind, zero-width characters, BOMs, lone surrogates, odd spaces, line
breaks and long tokens (URLs, letter runs, digit and symbol soup), or a real
article with random mutations (pieces inserted, stretches deleted or
repeated, quotation marks swapped, line breaks removed). Real articles come
from ``../shared`` (the Wikinews corpus, the seed) when it is there, else
from the bundled ``examples/``.

An input fails when ``extract`` raises, runs past ``--limit`` seconds (the
per-article budget, :mod:`saidwhat.budget`), or returns a statement whose
spans break :meth:`saidwhat.model.Article.span_errors`; each failing input is
saved as JSON (``ensure_ascii``: surrogates survive) under ``--failures``
(``failure-000000.json`` is no failure: the input slowest per character).
At the end it reports how many inputs ran, the failures, the slowest input
and the worst time per character against that of the real articles.
``tests/test_extract_properties.py`` draws its inputs from :data:`PIECES`.
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import string
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

QUOTE_MARKS = ['"', "„", "“", "”", "«", "»", "‹", "›", "‚", "‘", "’", "'"]
ODD_CHARACTERS = [
    "\u200b",  # zero-width space
    "\u200c",
    "\u200d",
    "\u2060",  # word joiner
    "\ufeff",  # BOM
    "\ud800",  # lone surrogates (valid in JSON, not in UTF-8)
    "\udfff",
    "\udc80",
    "\xa0",  # spaces Python splits on and regexes' [ \t] does not
    "\u3000",
    "\u2028",
    "\x85",
    "\t",
    "\r",
    "\x00",
]
WORDS = (
    "Er sie der die das ein eine und oder aber nicht sei habe werde würden seien sagte sagt erklärte "
    "betonte fügte hinzu kündigte an laut zufolge so nach Angaben Ansicht dass ob weil wenn Bürgermeisterin "
    "Merkel Stoltenberg Russland NATO Regierung Sprecher Minister Polizei Dr. Prof. z.B. u.a. Mio. 2009. 3. "
    "am Montag gestern Berlin Ukraine Krieg Gesetz man ich wir es Die Der Das Auch Jetzt gut schlecht bereit"
).split()
PUNCTUATION = [".", ",", ":", ";", "!", "?", "…", "-", "–", "(", ")", "/"]
BREAKS = ["\n", "\n\n", "\n \n", "\r\n"]
# the short pieces random inputs are made of
PIECES: list[str] = WORDS + QUOTE_MARKS + ODD_CHARACTERS + PUNCTUATION + BREAKS + [" "] * 8


def long_token(rng: random.Random) -> str:
    """A token no dictionary knows: a URL, a run of letters, digit and symbol soup."""
    length = rng.choice([65, 200, 1_600, 2_500])
    kind = rng.randrange(3)
    if kind == 0:
        path = "".join(rng.choice(string.ascii_lowercase + "/-_.0123456789") for _ in range(length))
        return "https://www.example.de/" + path
    if kind == 1:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzäöüß") for _ in range(length)).capitalize()
    return "".join(rng.choice(string.digits + string.punctuation + "äöü") for _ in range(length))


def random_mix(rng: random.Random) -> str:
    pieces: list[str] = []
    for _ in range(rng.randint(1, 400)):
        pieces.append(long_token(rng) if rng.random() < 0.005 else rng.choice(PIECES))
        if rng.random() < 0.6:
            pieces.append(" ")
    return "".join(pieces)


def _insert(rng: random.Random, text: str) -> str:
    at = rng.randint(0, len(text))
    piece = long_token(rng) if rng.random() < 0.05 else rng.choice(PIECES)
    return text[:at] + piece + text[at:]


def _delete(rng: random.Random, text: str) -> str:
    at = rng.randint(0, len(text))
    return text[:at] + text[at + rng.randint(1, 200) :]


def _repeat(rng: random.Random, text: str) -> str:
    at = rng.randint(0, len(text))
    stretch = text[at : at + rng.randint(1, 300)]
    return text[:at] + stretch * rng.randint(2, 20) + text[at:]


def _swap_marks(rng: random.Random, text: str) -> str:
    new = rng.choice(QUOTE_MARKS)
    return "".join(new if c in QUOTE_MARKS and rng.random() < 0.3 else c for c in text)


def _join_lines(rng: random.Random, text: str) -> str:
    return text.replace("\n", rng.choice(["", " ", "\u2028"]))


MUTATIONS: list[Callable[[random.Random, str], str]] = [*[_insert] * 6, _delete, _repeat, _swap_marks, _join_lines]


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 12)):
        text = rng.choice(MUTATIONS)(rng, text)
    return text


def real_articles() -> list[str]:
    files = sorted(glob.glob(str(SHARED / "data" / "wikinews-quotes" / "*" / "*.json")))
    texts = [json.loads(Path(f).read_text(encoding="utf-8"))["originalText"] for f in files]
    texts += [Path(f).read_text(encoding="utf-8") for f in sorted(glob.glob(str(SHARED / "seed" / "*.txt")))]
    return texts or [Path(f).read_text(encoding="utf-8") for f in sorted(glob.glob(str(REPO / "examples" / "*.txt")))]


@dataclass
class Run:
    inputs: int = 0
    chars: int = 0
    seconds: float = 0.0
    failures: int = 0
    slowest: tuple[float, int] = (0.0, 0)  # seconds, characters
    worst_rate: tuple[float, int] = (0.0, 0)  # seconds per character, characters (inputs of 1,000+ chars)
    worst_text: str = ""


def check_one(text: str, limit: float) -> tuple[float, str | None]:
    """CPU seconds of one extraction and what went wrong (None: nothing)."""
    from saidwhat.budget import time_limit
    from saidwhat.pipeline import extract

    started = time.process_time()
    try:
        with time_limit(limit):
            article = extract(text, published="2024-01-01")
        json.dumps(article.to_dict())  # what the CLI and the API write
    except Exception as e:  # noqa: BLE001 - every exception is a finding
        return time.process_time() - started, f"{type(e).__name__}: {e}"
    seconds = time.process_time() - started
    if article.text != text:
        return seconds, "article text differs from the input"
    errors = article.span_errors()
    return seconds, "; ".join(errors[:5]) if errors else None


def save_failure(folder: Path, n: int, text: str, problem: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"failure-{n:06d}.json"
    path.write_text(json.dumps({"problem": problem, "text": text}) + "\n", encoding="ascii")
    return path


def news_rate(articles: list[str]) -> float:
    """CPU seconds per character on real articles (second pass: caches warm, as in a long run)."""
    from saidwhat.pipeline import extract

    sample = articles[:200]
    for text in sample:
        extract(text)
    started = time.process_time()
    for text in sample:
        extract(text)
    return (time.process_time() - started) / max(1, sum(map(len, sample)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="wall-clock minutes to run (default: 10)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--failures", default="fuzz-failures", help="folder for failing inputs (default: fuzz-failures)")
    ap.add_argument("--limit", type=float, default=60.0, help="seconds one input may take (default: 60)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    articles = real_articles()
    normal = news_rate(articles)
    print(f"{len(articles)} real articles; normal news: {normal * 1e6:.2f} s/Mchar", flush=True)
    run = Run()
    stop = time.monotonic() + args.minutes * 60
    while time.monotonic() < stop:
        text = random_mix(rng) if rng.random() < 0.5 else mutate(rng, rng.choice(articles))
        seconds, problem = check_one(text, args.limit)
        run.inputs += 1
        run.chars += len(text)
        run.seconds += seconds
        run.slowest = max(run.slowest, (seconds, len(text)))
        if len(text) >= 1_000 and seconds / len(text) > run.worst_rate[0]:
            run.worst_rate, run.worst_text = (seconds / len(text), len(text)), text
        if problem is not None:
            run.failures += 1
            where = save_failure(Path(args.failures), run.failures, text, problem)
            print(f"FAIL ({len(text)} chars, saved to {where}): {problem[:200]}", flush=True)
    rate, rate_chars = run.worst_rate
    if run.worst_text:
        save_failure(
            Path(args.failures), 0, run.worst_text, f"not a failure: the worst time per char, {rate * 1e6:.2f} s/Mchar"
        )
    print(
        f"{run.inputs} inputs ({run.chars / 1e6:.2f} Mchar) in {args.minutes:g} min, {run.failures} failures\n"
        f"slowest input: {run.slowest[0]:.3f} s CPU ({run.slowest[1]} chars)\n"
        f"worst time per char (inputs of 1,000+ chars): {rate * 1e6:.2f} s/Mchar ({rate_chars} chars), "
        f"{rate / normal:.1f}x normal news; all inputs: {run.seconds / max(1, run.chars) * 1e6:.2f} s/Mchar"
    )
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main())
