"""``saidwhat quotes [ID] [--conflicts]``: direct quotes that recur across articles."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from .ingest import add_db_argument, default_db
from .search import _clip


def register(sub: Any) -> None:
    p = sub.add_parser(
        "quotes",
        help="direct quotes that recur across articles, and attribution conflicts",
        description=(
            "List groups of the same direct quote (same words after normalising punctuation, case and "
            "quotation marks, or nearly so) found in two or more stored articles, first appearance first; "
            "with ID, every appearance of one group."
        ),
    )
    p.add_argument("id", nargs="?", type=int, metavar="ID", help="show one group with all its appearances")
    p.add_argument("--conflicts", action="store_true", help="only groups whose members credit different people")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N groups (default: 20)")
    p.add_argument("--format", default="text", choices=["text", "json"], help="output format (default: text)")
    add_db_argument(p)
    p.set_defaults(func=run)


def _open(path: str) -> Any:
    """The store; brought up to date first when the file is writable (a store from before quote groups)."""
    from ..errors import InputError
    from ..store import Store

    if not os.path.exists(path):
        raise InputError(f"{path}: no such database (run 'saidwhat ingest' first)")
    if os.access(path, os.W_OK):
        store = Store(path)
        store.update_quote_groups()
        return store
    return Store(path, readonly=True)


def _who(a: dict[str, Any]) -> str:
    return str(a["speaker_name"] or a["speaker_entity"] or a["speaker"] or "?")


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError

    with _open(args.db or default_db()) as store:
        if args.id is not None:
            found = store.quote_group(args.id)
            if found is None:
                raise InputError(f"no quote group {args.id}")
            return _print_group(found, args.format)
        total, groups = store.quote_groups(conflicts=args.conflicts, limit=args.limit)
    if args.format == "json":
        json.dump({"total": total, "results": groups}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for g in groups:
        first = g["first"] or {}
        flag = "  CONFLICT" if g["conflict"] else ""
        print(f"#{g['id']:<6} {g['n_articles']} articles{flag}  first {first.get('published') or '?'}: {_who(first)}")
        print(f"{'':8}{_clip(first.get('quote', ''), 110)}")
    what = "conflicting groups" if args.conflicts else "quotes in 2+ articles"
    print(f"{len(groups)} of {total} {what}")
    return 0


def _print_group(g: dict[str, Any], fmt: str) -> int:
    if fmt == "json":
        json.dump(g, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    flag = " — attribution CONFLICT" if g["conflict"] else ""
    print(f"quote group #{g['id']}: {g['n_members']} appearances in {g['n_articles']} articles{flag}")
    for i, a in enumerate(g["appearances"]):
        label = "first" if i == 0 else "later"
        print(f"{label:<6}{a['published'] or '?':<11} {_clip(_who(a), 28):<28} {_clip(a['article_title'] or '', 50)}")
        print(f"{'':17}{_clip(a['quote'], 100)}")
    return 0
