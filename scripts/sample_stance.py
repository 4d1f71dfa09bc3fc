"""Draw the statements labelled for stance, and show each in context for a human labeller.

usage: python scripts/sample_stance.py PRED_DIR SEED N [CONTEXT_OUT]

PRED_DIR holds `saidwhat annotate` output (one JSON per article, e.g. of the dev
split). N statements are drawn uniformly from all predicted statements (every
kind, with or without a cue) with ``random.Random(SEED)``. The keys (article id,
quote begin, quote end: character offsets of the first and last quote span) go to
stdout as TSV with an empty stance column, ready to be filled in. With
CONTEXT_OUT, the sentence(s) around each quote, the quote marked with [[…]] and
the cue, are written there for reading: keep that file outside the repository
(the corpus text is CC BY-NC-SA and is never committed).
"""

from __future__ import annotations

import glob
import json
import os
import random
import sys
from typing import Any

CONTEXT_CHARS = 220


def statement_rows(pred_dir: str) -> list[tuple[str, int, int, dict[str, Any], str]]:
    rows = []
    for path in sorted(glob.glob(os.path.join(pred_dir, "*.json"))):
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        article_id = os.path.splitext(os.path.basename(path))[0]
        for ann in doc["annotations"]:
            spans = ann["quote"]["spans"]
            begin = min(s["charBegin"] for s in spans)
            end = max(s["charEnd"] for s in spans)
            rows.append((article_id, begin, end, ann, doc["originalText"]))
    return rows


def context(text: str, begin: int, end: int) -> str:
    before = text[max(0, begin - CONTEXT_CHARS) : begin]
    after = text[end : end + CONTEXT_CHARS]
    return f"…{before}[[{text[begin:end]}]]{after}…".replace("\n", " ")


def main(pred_dir: str, seed: int, n: int, context_out: str | None) -> None:
    rows = statement_rows(pred_dir)
    sample = random.Random(seed).sample(rows, min(n, len(rows)))
    sample.sort(key=lambda r: (r[0], r[1]))
    print("# article\tquote_begin\tquote_end\tstance")
    for article_id, begin, end, _, _ in sample:
        print(f"{article_id}\t{begin}\t{end}\t")
    if context_out:
        with open(context_out, "w", encoding="utf-8") as out:
            for k, (article_id, begin, end, ann, text) in enumerate(sample):
                out.write(
                    f"\n#{k} {article_id} {begin} {end} {ann['type']} cue={ann['cue']['text']!r} "
                    f"speaker={ann['speaker']['text']!r}\n{context(text, begin, end)}\n"
                )


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] if len(sys.argv) == 5 else None)
