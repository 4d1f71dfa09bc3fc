"""``saidwhat search QUERY``: statements in the store, newest first."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .ingest import add_db_argument, default_db
from .options import QUERY_HELP, add_filter_arguments, filters_of, positive_count


def register(sub: Any) -> None:
    p = sub.add_parser("search", help="search the stored statements")
    p.add_argument("query", nargs="?", default=None, metavar="QUERY", help=QUERY_HELP)
    add_filter_arguments(p)
    p.add_argument("--limit", type=positive_count, default=20, metavar="N", help="at most N results (default: 20)")
    p.add_argument("--format", default="text", choices=["text", "json"], help="output format (default: text)")
    add_db_argument(p)
    p.set_defaults(func=run)


def _clip(s: str, width: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def run(args: argparse.Namespace) -> int:
    from ..store import Store

    with Store(args.db or default_db(), readonly=True) as store:
        hits, total = store.search_page(**filters_of(args), limit=args.limit)
    if args.format == "json":
        # The keys of GET /api/statements: one reader for both.
        page = {"items": hits, "total": total, "limit": args.limit, "offset": 0}
        json.dump(page, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not hits:
        print("no statements found")
        return 0
    for h in hits:
        when = h["said_on"] or h["published"] or "?"
        who = h["speaker_name"] or h["speaker"] or "?"
        print(f"{when:<10}  {_clip(who, 24):<24} {h['kind']:<9} {h['stance']:<9} {_clip(h['quote'], 100)}")
        if h["article_title"]:
            print(f"{'':<12}{_clip(h['article_title'], 80)}  [{h['article_id']}]")
    print(f"{len(hits)} of {total} statements")
    return 0
