"""Accuracy and speed of ``saidwhat.langdetect.detect`` on the German and English corpora.

Every train and dev article of wikinews-quotes (German) and polnear-en (English), three
ways: the whole article, its title (Wikinews: from the document name; PolNeAR: the first
line) and the first sentence of its body (up to the first ". ", "! " or "? " after at least six words). Per language and view: how many
texts were decided right, wrong, or left undecided (None), and CPU microseconds per text.

    python bench/langdetect_accuracy.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from saidwhat.langdetect import detect

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared")) / "data"
CORPORA = {"de": "wikinews-quotes", "en": "polnear-en"}
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s")
MIN_SENTENCE_WORDS = 6
_WIKINEWS_NAME = re.compile(r"\d+ - (.+) \(\d{4}-\d{2}-\d{2}\)")


def title(doc: dict[str, Any]) -> str:
    """The headline: Wikinews keeps it in the document name ("11059 - TITLE (2005-08-20)"),
    PolNeAR on the text's first line."""
    named = _WIKINEWS_NAME.fullmatch(str(doc.get("documentName") or ""))
    if named:
        return named.group(1)
    return next((line for line in article(doc).split("\n") if line.strip()), "")


def article(doc: dict[str, Any]) -> str:
    return str(doc["originalText"])


def first_sentence(doc: dict[str, Any]) -> str:
    """The body's opening up to the first sentence end after at least six words.

    Six words, so that a dateline or an abbreviation ("WASHINGTON, Dec. 12", "Am 23. Mai")
    does not pass for a sentence.
    """
    text = article(doc)
    lines = [line for line in text.split("\n") if line.strip()]
    # PolNeAR's first line is its headline; Wikinews texts start with the body.
    body = (
        " ".join(lines[1:]) if len(lines) > 1 and not _WIKINEWS_NAME.fullmatch(str(doc.get("documentName"))) else text
    )
    for m in _SENTENCE_END.finditer(body):
        if len(body[: m.end()].split()) >= MIN_SENTENCE_WORDS:
            return body[: m.end()].strip()
    return body.strip()


VIEWS: dict[str, Callable[[dict[str, Any]], str]] = {
    "article": article,
    "title": title,
    "first sentence": first_sentence,
}


def load_docs(data: Path, corpus: str) -> list[dict[str, Any]]:
    files = sorted((data / corpus / "train").glob("*.json")) + sorted((data / corpus / "dev").glob("*.json"))
    if not files:
        raise SystemExit(f"{data / corpus}: no train/dev articles")
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def main(argv: list[str]) -> int:
    data = Path(argv[0]) if argv else DATA
    print("| language | view | texts | right | wrong | undecided | accuracy (decided) | µs per text |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for lang, corpus in CORPORA.items():
        docs = load_docs(data, corpus)
        for view, cut in VIEWS.items():
            samples = [cut(d) for d in docs]
            start = time.process_time()
            answers = [detect(s) for s in samples]
            micros = 1e6 * (time.process_time() - start) / len(samples)
            right = sum(1 for a in answers if a == lang)
            undecided = sum(1 for a in answers if a is None)
            wrong = len(answers) - right - undecided
            decided = right + wrong
            acc = f"{100 * right / decided:.2f} %" if decided else "-"
            print(f"| {lang} | {view} | {len(samples)} | {right} | {wrong} | {undecided} | {acc} | {micros:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
