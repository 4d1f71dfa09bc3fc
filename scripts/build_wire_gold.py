"""Turn the hand-written statement lists of the wire-style articles into gold files with spans.

usage: python scripts/build_wire_gold.py [FOLDER ...]

FOLDER defaults to tests/fixtures/wire/de and tests/fixtures/wire/en. Each folder holds
articles ``NN-name.txt`` (written for this project, not copied from any agency) and one
``statements.tsv`` written by hand: a ``## NN-name`` line opens an article, then one line a
statement, in text order, with four tab-separated fields:

    quote text <TAB> speaker mention text (or -) <TAB> entity <TAB> speaker_kind

A quote over several paragraphs writes its line breaks as ``\n`` (English leaves the closing
mark off every paragraph but the last: one statement from the first opening mark to that one).

The entity is the fullest name the article gives for the one who speaks ("Jens Stoltenberg",
"Polizei Köln"); several accepted names are separated by "|"; "—" means nobody identifiable.
For each statement the quote is searched from the previous statement's quote start on (so
nested and repeated quotes resolve in order) and the speaker mention is the occurrence, as a
whole word, closest to the quote. Writes ``NN-name.gold.json`` next to each article with the
character spans and the texts at those spans, so the gold can be checked against its text.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = [REPO / "tests" / "fixtures" / "wire" / "de", REPO / "tests" / "fixtures" / "wire" / "en"]
KINDS = frozenset({"person", "organisation", "group", "anonymous", "description"})


def read_statement_lists(path: Path) -> dict[str, list[list[str]]]:
    """Article name -> its statement rows (quote, speaker, entity, kind)."""
    articles: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("# "):
            continue
        if line.startswith("## "):
            current = articles.setdefault(line[3:].strip(), [])
            continue
        fields = [field.replace("\\n", "\n") for field in line.split("\t")]
        if current is None or len(fields) != 4:
            raise SystemExit(f"{path}:{n}: expected '## name' first, then 4 tab-separated fields")
        if fields[3] not in KINDS:
            raise SystemExit(f"{path}:{n}: unknown speaker_kind {fields[3]!r}")
        current.append(fields)
    return articles


def nearest_mention(text: str, mention: str, quote: tuple[int, int]) -> tuple[int, int]:
    """The whole-word occurrence of ``mention`` closest to the quote span."""
    best: tuple[int, int] | None = None
    best_gap = len(text) + 1
    for m in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text):
        gap = max(quote[0] - m.end(), m.start() - quote[1], 0)
        if gap < best_gap:
            best, best_gap = (m.start(), m.end()), gap
    if best is None:
        raise ValueError(f"speaker mention {mention!r} not in the text")
    return best


def build_article(text: str, rows: list[list[str]]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    cursor = 0
    for quote_text, speaker_text, entity, kind in rows:
        begin = text.find(quote_text, cursor)
        if begin < 0:
            raise ValueError(f"quote {quote_text[:50]!r} not found after offset {cursor}")
        quote = (begin, begin + len(quote_text))
        cursor = begin
        speaker = None if speaker_text == "-" else nearest_mention(text, speaker_text, quote)
        out.append(
            {
                "quote": list(quote),
                "quote_text": quote_text,
                "speaker": list(speaker) if speaker else None,
                "speaker_text": speaker_text if speaker else None,
                "entity": entity,
                "speaker_kind": kind,
            }
        )
    return out


def build_folder(folder: Path) -> int:
    lists = read_statement_lists(folder / "statements.tsv")
    total = 0
    for name, rows in lists.items():
        text_path = folder / f"{name}.txt"
        text = text_path.read_text(encoding="utf-8")
        try:
            statements = build_article(text, rows)
        except ValueError as exc:
            raise SystemExit(f"{text_path}: {exc}") from exc
        gold = {"article": name, "lang": folder.name, "statements": statements}
        (folder / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")
        total += len(statements)
    print(f"{folder}: {len(lists)} articles, {total} statements")
    return total


def main(argv: list[str]) -> None:
    for folder in [Path(a) for a in argv] or DEFAULT_FOLDERS:
        build_folder(folder)


if __name__ == "__main__":
    main(sys.argv[1:])
