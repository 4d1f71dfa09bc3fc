"""``saidwhat eval GOLD PRED``: score predictions with the corpus metric."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "eval",
        help="score predicted annotations against gold (corpus metric)",
        description="Score corpus-schema predictions against gold with the Wikinews corpus metric "
        "(token-level, Hungarian pairing per article). GOLD and PRED are directories matched by "
        "file name, or single files. A gold file without a prediction counts as an empty prediction.",
    )
    p.add_argument("gold", metavar="GOLD_DIR", help="gold corpus JSON directory (or one file)")
    p.add_argument("pred", metavar="PRED_DIR", help="predicted corpus JSON directory (or one file)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--report", action="store_true", help="add an error analysis (Markdown)")
    p.add_argument("--worst", type=int, default=10, metavar="N", help="with --report: show the N worst cases")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluate import format_scores, match_dirs, scores_from_matches

    matches, unmatched = match_dirs(args.gold, args.pred)
    scores = scores_from_matches(matches, unmatched)
    if args.json:
        out: dict[str, Any] = {"scores": scores.to_dict()}
        if args.report:
            from ..report import build_report

            out["report"] = build_report(matches, worst=args.worst).to_dict()
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(format_scores(scores))
    if args.report:
        from ..report import build_report, format_report

        sys.stdout.write("\n")
        sys.stdout.write(format_report(build_report(matches, worst=args.worst)))
    return 0
