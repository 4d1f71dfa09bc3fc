"""How often does the corpus annotate a quoted fragment inside an indirect quotation as its own statement?

usage: python scripts/nested_convention.py GOLD_DIR

For every gold Indirect quotation, each passage in quotation marks inside it
(3-200 characters) counts as annotated when another gold quotation covers it
(not much longer than the passage). saidwhat's nested stage follows what this
measures; the seed article's gold does not annotate such fragments, which is
why its nested fragments show up as unpaired predictions there.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections.abc import Sequence

_QUOTED = re.compile(r"[„\"“][^„\"“”]{3,200}[“\"”]")


def _bounds(ann: dict[str, dict[str, list[dict[str, int]]]]) -> tuple[int, int] | None:
    spans = ann["quote"]["spans"]
    if not spans:
        return None
    return min(s["charBegin"] for s in spans), max(s["charEnd"] for s in spans)


def main(gold_dir: str) -> None:
    total = annotated = 0
    unannotated: list[str] = []
    for path in sorted(glob.glob(os.path.join(gold_dir, "*.json"))):
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        text: str = doc["originalText"]
        anns: Sequence[dict] = doc["annotations"]  # type: ignore[type-arg]
        for ann in anns:
            outer = _bounds(ann)
            if ann["type"] != "Indirect" or outer is None:
                continue
            for m in _QUOTED.finditer(text, outer[0], outer[1]):
                b, e = m.start(), m.end()
                total += 1
                covered = False
                for other in anns:
                    inner = _bounds(other)
                    if other is ann or inner is None:
                        continue
                    if inner[0] <= b + 1 and inner[1] >= e - 1 and inner[1] - inner[0] < (e - b) + 30:
                        covered = True
                        break
                annotated += covered
                if not covered:
                    unannotated.append(text[b:e])
    print(f"{total} quoted passages inside gold Indirect quotations, {annotated} annotated as statements of their own")
    print("examples not annotated:", unannotated[:10])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
