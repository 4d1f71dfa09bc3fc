"""``saidwhat speakers``: the most-quoted speakers in the store; corrections in :mod:`.curate`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import curate
from .ingest import add_db_argument, default_db
from .options import positive_count


def register(sub: Any) -> None:
    p = sub.add_parser("speakers", help="most-quoted speakers, with counts by kind")
    p.add_argument("--top", type=positive_count, default=20, metavar="N", help="show N speakers (default: 20)")
    p.add_argument("--query", metavar="NAME", help="only speakers whose name or alias contains NAME")
    p.add_argument("--format", default="text", choices=["text", "json"], help="output format (default: text)")
    add_db_argument(p)
    p.set_defaults(func=run)
    curate.register(p)  # saidwhat speakers merge|split|rename|link|…


_SHORT = {
    "direct": "dir",
    "indirect": "ind",
    "free_indirect": "free",
    "indirect_free_indirect": "ind-free",
    "reported": "rep",
}


def run(args: argparse.Namespace) -> int:
    from ..store import Store

    with Store(args.db or default_db(), readonly=True) as store:
        rows = store.speakers(top=args.top, query=args.query)
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print("no speakers")
        return 0
    print(f"{'#':>5}  {'speaker':<30} {'n':>6}  by kind")
    for r in rows:
        kinds = ", ".join(f"{_SHORT.get(k, k)} {n}" for k, n in sorted(r["by_kind"].items(), key=lambda kv: -kv[1]))
        name = r["name"] if len(r["name"]) <= 30 else r["name"][:29] + "…"
        print(f"{r['id']:>5}  {name:<30} {r['n_statements']:>6}  {kinds}")
    return 0
