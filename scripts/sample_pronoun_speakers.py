"""Print a random sample of predicted statements whose speaker is a pronoun, for checking by hand.

usage: python scripts/sample_pronoun_speakers.py PRED_DIR SEED N

PRED_DIR holds `saidwhat annotate` output (one JSON per article). For each sampled
statement it prints the speaker mention, the resolved ``speakerEntity`` and the
350 characters before the mention, so a reader can judge whether the entity is
the one the pronoun refers to. The sample depends only on the statements, not on
their entities, so the same seed shows the same statements before and after a
change to entity resolution.
"""

from __future__ import annotations

import glob
import json
import os
import random
import sys

PRONOUNS = {"er", "sie", "es", "ihr", "ihm", "ihn", "ihnen", "ihrer", "seiner", "dieser", "diese", "der", "die"}


def main(pred_dir: str, seed: int, n: int) -> None:
    rows = []
    for path in sorted(glob.glob(os.path.join(pred_dir, "*.json"))):
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        text = doc["originalText"]
        for ann in doc["annotations"]:
            mention = ann["speaker"]["text"].strip()
            if mention.lower() in PRONOUNS and ann["speaker"]["spans"]:
                begin = ann["speaker"]["spans"][0]["charBegin"]
                context = text[max(0, begin - 350) : begin + 60].replace("\n", " ")
                rows.append((os.path.basename(path), mention, ann.get("speakerEntity", ""), context))
    print(len(rows), "statements with a pronoun speaker")
    random.seed(seed)
    for name, mention, entity, context in random.sample(rows, min(n, len(rows))):
        print(f"\n[{name}] {mention!r} -> {entity!r}\n   ...{context}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
