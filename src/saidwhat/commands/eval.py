"""``saidwhat eval GOLD PRED``: score predictions with the corpus metric."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..evaluate import DocumentMatch, Scores


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
    p.add_argument(
        "--parts",
        default="quote,speaker,cue,addressee,frame",
        metavar="LIST",
        help="comma-separated parts to score (default: all five); the others are dropped on both sides "
        "before scoring. PolNeAR (English) marks no addressee or frame: use --parts quote,speaker,cue",
    )
    p.add_argument(
        "--skip-nested",
        action="store_true",
        help="set aside statements marked nested (a quote inside another statement's quote) on both sides "
        "before scoring: PolNeAR (English) marks none, so use it with --parts quote,speaker,cue there",
    )
    p.add_argument(
        "--speech-verbs",
        metavar="LIST",
        help="also score the statements whose cue is a speech verb, from LIST: a packaged list by language "
        "code (en: saidwhat/evaluate_data/en_speech_verbs.txt) or a file of verbs, one a line with its forms",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluate import check_parts, format_scores, match_dirs, scores_from_matches

    parts = check_parts(args.parts.split(","))
    matches, unmatched = match_dirs(args.gold, args.pred, parts, skip_nested=args.skip_nested)
    scores = scores_from_matches(matches, unmatched)
    subset = _speech_verb_scores(matches, args.speech_verbs) if args.speech_verbs else None
    if args.json:
        out: dict[str, Any] = {"scores": scores.to_dict()}
        if subset is not None:
            out["speech_verb_scores"] = subset.to_dict()
        if args.report:
            from ..report import build_report

            out["report"] = build_report(matches, worst=args.worst).to_dict()
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(format_scores(scores))
    if subset is not None:
        sys.stdout.write(f"\nStatements whose cue is a speech verb ({args.speech_verbs}):\n\n")
        sys.stdout.write(format_scores(subset))
    if args.report:
        from ..report import build_report, format_report

        sys.stdout.write("\n")
        sys.stdout.write(format_report(build_report(matches, worst=args.worst)))
    return 0


def _speech_verb_scores(matches: Sequence[DocumentMatch], list_name: str) -> Scores:
    from ..evaluate import cue_word_scores, load_cue_words, speech_verb_list

    return cue_word_scores(matches, load_cue_words(speech_verb_list(list_name)))
