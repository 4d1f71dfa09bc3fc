"""``saidwhat stats``: what the store holds."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .ingest import add_db_argument, default_db


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="counts of articles, statements and speakers in the store")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_argument(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store import Store

    with Store(args.db or default_db(), readonly=True) as store:
        s = store.stats()
        path = store.path
    if args.json:
        json.dump({**s, "path": path}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"database    {path} (schema v{s['schema_version']})")
    print(f"articles    {s['articles']}  ({s['first'] or '?'} … {s['last'] or '?'})")
    print(f"statements  {s['statements']}  ({s['with_said_on']} dated in the text)")
    for k, n in s["by_kind"].items():
        print(f"  {k:<24}{n}")
    print("languages   " + (", ".join(f"{k}: {n}" for k, n in s["by_lang"].items()) or "-"))
    print(f"speakers    {s['speakers']}")
    return 0
