"""How much HanTa work each article of a corpus needs, against the tagger's per-article allowance.

usage: SAIDWHAT_WORDFORM_CACHE=off python scripts/hanta_need.py DIR [DIR ...]

For each article (``*.json`` with ``originalText``): the cost, in letters
squared, of the distinct word forms only HanTa can tag (see
``saidwhat/lang/de/tagger.py``), with the allowance opened without limit.
Prints the largest need, the largest need per character and the smallest
ratio of allowance to need: below 1, an article would lose HanTa's tags.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from saidwhat.lang.de import tagger
from saidwhat.nlp import tokenize


def need(text: str) -> int:
    """Letters squared of the forms that need HanTa in ``text`` (heading check and tagging, as ``parse`` asks)."""
    with tagger.hanta_allowance(len(text)) as allowance:
        allowance.limit = sys.maxsize
        tokens = tokenize(text, "de")
        tagger.split_sentences(text, tokens)
        tagger.tag_tokens(tokens)
    return allowance.spent


def main(dirs: list[str]) -> int:
    rows = []
    for d in dirs:
        for f in sorted(Path(d).glob("*.json")):
            text = json.loads(f.read_text(encoding="utf-8"))["originalText"]
            rows.append((need(text), len(text), f.name))
    if not rows:
        print("no articles")
        return 1
    most = max(rows)
    per_char = max(rows, key=lambda r: r[0] / max(r[1], 1))
    tightest = min(rows, key=lambda r: tagger.HantaAllowance(r[1]).limit / max(r[0], 1))
    print(f"{len(rows)} articles; largest need {most[0]:,} ({most[2]}, {most[1]:,} chars)")
    print(
        f"largest need per 1,000 chars {1000 * per_char[0] / per_char[1]:,.0f} ({per_char[2]}, {per_char[1]:,} chars)"
    )
    ratio = tagger.HantaAllowance(tightest[1]).limit / max(tightest[0], 1)
    print(f"smallest allowance/need {ratio:.2f} ({tightest[2]}: need {tightest[0]:,}, {tightest[1]:,} chars)")
    return 0 if ratio >= 1 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
