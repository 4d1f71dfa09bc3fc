"""``saidwhat extract FILE|-``: statements of one article, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from .annotate import add_lang_argument


def register(sub: Any) -> None:
    p = sub.add_parser("extract", help="find the statements in one article")
    p.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    add_lang_argument(p)
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, anchors relative dates")
    p.add_argument("--format", default="text", choices=["text", "json"], help="output format (default: text)")
    p.add_argument(
        "--learned", action="store_true", help="also run the learned stage (CC BY-NC-SA model; see docs/models.md)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..io import read_text_input
    from ..pipeline import extract

    if args.learned:
        os.environ["SAIDWHAT_LEARNED"] = "1"
    text, _name = read_text_input(args.file)
    article = extract(text, lang=args.lang, published=args.published)
    if args.format == "json":
        json.dump(article.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(format_table(article))
    return 0


def _clip(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def format_table(article: Any) -> str:
    """A readable table: speaker (entity) → quote, kind, cue."""
    text = article.text
    if not article.statements:
        return "no statements found\n"
    lines = [f"{'#':>3}  {'speaker':<28} {'kind':<22} {'cue':<18} quote"]
    for n, st in enumerate(article.statements, 1):
        speaker = st.role_text("speaker", text) or "?"
        if st.speaker_entity and st.speaker_entity != speaker:
            speaker = f"{speaker} → {st.speaker_entity}"
        lines.append(
            f"{n:>3}  {_clip(speaker, 28):<28} {st.kind.value:<22} "
            f"{_clip(st.role_text('cue', text), 18):<18} {_clip(st.role_text('quote', text), 90)}"
        )
    lines.append(f"{len(article.statements)} statements")
    return "\n".join(lines) + "\n"
