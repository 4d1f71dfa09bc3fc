"""Re-measure ``lang/de/confidence.txt`` on the TRAIN split (never dev).

For each extraction rule ("construction") the table holds the share of the
statements it produced on train whose quote overlaps a gold quote by half or
more of the shorter of the two (characters). ``pipeline.confidence`` reads it.

    python scripts/measure_confidence.py ../shared/data/wikinews-quotes/train          # print
    python scripts/measure_confidence.py ../shared/data/wikinews-quotes/train --write  # update the table
    python scripts/measure_confidence.py --lang en ../shared/data/polnear-en/train --write  # English

Run it after a rule change: the table describes the rules of its day.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from saidwhat.corpus import load_corpus_document
from saidwhat.model import Span

HEADER = """\
# Confidence of each extraction rule ("construction"): the share of the
# statements it produced on the TRAIN split of the {corpus}
# whose quote overlapped a gold quote by half or more of the shorter one (remeasured
# {day} with scripts/measure_confidence.py; dev was not used). Read by
# saidwhat.pipeline.confidence; rules not listed get 0.5.
# Format: construction<TAB>precision<TAB>statements measured
"""


def _gold_quotes(doc: dict[str, Any]) -> list[list[tuple[int, int]]]:
    out = []
    for ann in doc.get("annotations", []):
        spans = (ann.get("quote") or {}).get("spans") or []
        out.append([(int(s["charBegin"]), int(s["charEnd"])) for s in spans])
    return out


def _overlaps_by_half(quote: list[Span], gold: list[list[tuple[int, int]]]) -> bool:
    length = sum(s.end - s.begin for s in quote)
    for g in gold:
        inter = sum(max(0, min(s.end, b) - max(s.begin, a)) for s in quote for a, b in g)
        if inter and inter >= 0.5 * min(length, sum(b - a for a, b in g)):
            return True
    return False


CORPUS_NAMES = {"de": "Wikinews quotation corpus", "en": "PolNeAR corpus (../shared/data/polnear-en)"}


def measure(train_dir: Path, lang_code: str = "de") -> dict[str, tuple[int, int]]:
    """construction -> (statements right, statements) over ``train_dir``."""
    # the stages' own output (Found) carries the construction the public
    # Statement does not: run them as extract() does, without the conversion
    from saidwhat import lang
    from saidwhat.pipeline.quotes import find_quotes
    from saidwhat.pipeline.sentences import Article as Analysed

    language = lang.get(lang_code)

    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in sorted(train_dir.glob("*.json")):
        doc = load_corpus_document(path)
        text = doc["originalText"]
        gold = _gold_quotes(doc)
        analysed = Analysed.build(language.parse(text), find_quotes(text, language.quote_marks))
        for f in language.find_statements(analysed):
            total[f.construction] += 1
            right[f.construction] += _overlaps_by_half(f.quote, gold)
    return {name: (right[name], total[name]) for name in total}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train_dir", type=Path)
    ap.add_argument("--lang", default="de", choices=sorted(CORPUS_NAMES), help="language (default: de)")
    ap.add_argument("--write", action="store_true", help="rewrite saidwhat/lang/LANG/confidence.txt")
    args = ap.parse_args(argv)
    if "dev" in args.train_dir.name or "test" in args.train_dir.name:
        print(f"{args.train_dir}: measure on train only", file=sys.stderr)
        return 2
    table = measure(args.train_dir, args.lang)
    lines = [f"{name}\t{r / n:.2f}\t{n}" for name, (r, n) in sorted(table.items(), key=lambda kv: (-kv[1][1], kv[0]))]
    header = HEADER.format(day=datetime.date.today().isoformat(), corpus=CORPUS_NAMES[args.lang])
    text = header + "\n".join(lines) + "\n"
    if args.write:
        path = Path(str(resources.files("saidwhat") / "lang" / args.lang / "confidence.txt"))
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
