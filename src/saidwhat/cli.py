"""The ``saidwhat`` command line: parses arguments and calls plain functions.

Each sub-command lives in ``saidwhat/commands/<name>.py`` and exposes
``register(subparsers)``; command modules import nothing heavy at module
level, so ``saidwhat --help`` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .errors import SaidwhatError
from .lang import UnsupportedLanguage
from .lang.choice import check_requested

COMMANDS: tuple[str, ...] = (
    "extract",
    "annotate",
    "eval",
    "ingest",
    "search",
    "speakers",
    "export",
    "quotes",
    "stats",
    "serve",
    "spark",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saidwhat", description="Who said what, to whom, how and when: statements in news articles."
    )
    parser.add_argument("--version", action="version", version=f"saidwhat {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"saidwhat.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"saidwhat.commands.{name}":
                continue  # not built yet in this checkout
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if getattr(args, "lang", None) is not None:
        try:
            check_requested(args.lang)
        except UnsupportedLanguage as e:  # a usage error, found before any work
            print(f"saidwhat {args.command}: error: {e}", file=sys.stderr)
            return 2
    try:
        return int(args.func(args) or 0)
    except SaidwhatError as e:
        print(f"saidwhat: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("saidwhat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
