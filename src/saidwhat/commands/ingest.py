"""``saidwhat ingest PATH…``: extract statements from many articles into the store."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from .annotate import add_lang_argument, add_time_limit_argument


def default_db() -> str:
    """``$SAIDWHAT_DB``, else ``saidwhat.db`` in the current directory."""
    return os.environ.get("SAIDWHAT_DB") or "saidwhat.db"


def add_db_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="FILE", default=None, help="the store (default: $SAIDWHAT_DB or ./saidwhat.db)")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="extract statements from many articles into the store",
        description=(
            "Read .txt, .json (article or corpus schema), .jsonl (one article a line: id, url, title, "
            "published, source, text or html), .html, .warc/.warc.gz files, folders (recursively), "
            "Spark output folders, or - for standard input; store articles and statements. "
            "Articles already stored (same URL, else same text) are skipped."
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for standard input")
    add_db_argument(p)
    p.add_argument("--workers", type=int, default=1, metavar="N", help="extraction processes (default: 1)")
    add_lang_argument(p)
    p.add_argument(
        "--reprocess",
        action="store_true",
        help=(
            "re-extract articles already stored (all of them when no PATH is given); the store ends as a fresh "
            "ingest of its articles would make it"
        ),
    )
    p.add_argument(
        "--annotations",
        action="store_true",
        help="store the annotations of corpus-schema files instead of extracting (load a gold corpus)",
    )
    p.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="publication date for inputs that carry none (anchors relative dates: yesterday, on Monday)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    add_time_limit_argument(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..ingest import ingest

    summary = ingest(
        args.paths,
        args.db or default_db(),
        workers=args.workers,
        lang=args.lang,
        reprocess=args.reprocess,
        annotations=args.annotations,
        published=args.published,
        progress=not args.quiet,
        time_limit_s=args.time_limit,
    )
    print(f"saidwhat: {summary.line()}", file=sys.stderr)
    return 1 if summary.failed else 0
