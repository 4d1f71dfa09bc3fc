"""``saidwhat spark INPUT OUTPUT``: extract statements from an archive on Apache Spark."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    # Imports only argparse-level code: pyspark loads when the command runs.
    from ..spark.job import add_arguments

    p = sub.add_parser(
        "spark",
        help="extract statements from many articles on Apache Spark (needs the 'spark' extra)",
        description="Read articles (JSONL, Parquet, text files or WARC), extract their statements on Spark "
        "and write Parquet tables of statements and articles, partitioned by month, to OUTPUT "
        "(replaced atomically). The same job runs under spark-submit: src/saidwhat/spark/job.py.",
    )
    add_arguments(p, default_master="local[*]")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import SaidwhatError

    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SaidwhatError("pyspark is not installed: pip install 'saidwhat[spark]'") from None
    from ..spark.job import run_from_args

    return run_from_args(args)
