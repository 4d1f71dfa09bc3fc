"""``saidwhat export --format jsonl|csv|parquet OUT``: every stored statement, or those a search finds.

The search filters are those of ``saidwhat search`` (``--query``, ``--speaker``,
``--since`` …, same names): an export holds what the search finds, in article order.

CSV is safe to open in a spreadsheet by default: a cell that starts like a
formula (``=``, ``+``, ``-``, ``@``, TAB or CR, OWASP's list, and the
full-width ``＝＋－＠`` some spreadsheets also take) gets a leading ``'``, so
it shows as text instead of running. ``--raw`` writes the cells as stored.

The file appears under its name only when complete: it is written next to
it under a temporary name and renamed; a path that cannot be written is one
error line, and nothing is left behind.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from .ingest import add_db_argument, default_db
from .options import QUERY_HELP, add_filter_arguments, filters_of

# What makes a spreadsheet read a cell as a formula (or, TAB and CR, hide one).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

# Flat columns for CSV and Parquet; spans travel as JSON text.
COLUMNS = (
    "id",
    "article_id",
    "article_title",
    "url",
    "source",
    "published",
    "said_on",
    "said_on_precision",
    "said_on_expr",
    "kind",
    "medium",
    "stance",
    "confidence",
    "nested",
    "speaker_id",
    "speaker_name",
    "speaker",
    "speaker_entity",
    "speaker_kind",
    "cue",
    "addressee",
    "frame",
    "quote",
    "spans",
)


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="write the stored statements (all, or those of a search) to a file")
    p.add_argument("out", metavar="OUT", help="output file, or - for standard output (jsonl, csv)")
    p.add_argument("--format", required=True, choices=["jsonl", "csv", "parquet"], help="output format")
    p.add_argument("--query", metavar="QUERY", help="only statements this search finds: " + QUERY_HELP)
    add_filter_arguments(p)
    p.add_argument(
        "--raw",
        action="store_true",
        help="CSV: write cells as stored; by default a cell starting with = + - @ TAB or CR gets a leading ' "
        "so a spreadsheet shows it instead of running it as a formula",
    )
    add_db_argument(p)
    p.set_defaults(func=run)


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    row = {k: d.get(k) for k in COLUMNS}
    row["spans"] = json.dumps(d["spans"])
    return row


def spreadsheet_safe(value: Any) -> Any:
    """``value``, with a ``'`` in front if it is text a spreadsheet would take for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(d: dict[str, Any], raw: bool = False) -> dict[str, Any]:
    """A statement dict as one CSV row of :data:`COLUMNS`, spreadsheet-safe unless ``raw``."""
    row = _flat(d)
    return row if raw else {k: spreadsheet_safe(v) for k, v in row.items()}


def run(args: argparse.Namespace) -> int:
    from ..store import Store

    if args.format == "parquet" and args.out == "-":
        raise InputError("parquet cannot go to standard output; give a file name")
    target = None if args.out == "-" else _writable_target(args.out)
    with Store(args.db or default_db(), readonly=True) as store:
        rows = store.iter_statements(**filters_of(args))
        if target is None:
            n = _write(args.format, rows, sys.stdout, args.raw)
        else:
            n = _write_file(args.format, rows, target, args.raw)
    print(f"saidwhat: exported {n} statements to {args.out}", file=sys.stderr)
    return 0


def _writable_target(out: str) -> Path:
    """``out`` as a path, or one clear error if it cannot be a new or replaced file."""
    path = Path(out)
    if path.is_dir():
        raise InputError(f"{out}: is a directory; give a file name")
    folder = path.parent
    if not folder.exists():
        raise InputError(f"{out}: no such directory: {folder}")
    if not folder.is_dir():
        raise InputError(f"{out}: {folder} is not a directory")
    return path


def _write_file(fmt: str, rows: Iterator[dict[str, Any]], target: Path, raw: bool) -> int:
    """Write to a temporary file next to ``target``, then rename: no half-written file under the real name."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(tmp, "x", encoding="utf-8", newline="") as f:  # "x": never someone else's file
            n = 0 if fmt == "parquet" else _write(fmt, rows, f, raw)
        if fmt == "parquet":
            n = _write_parquet(rows, str(tmp))
        os.replace(tmp, target)
    except OSError as e:
        raise InputError(f"{target}: cannot write: {e.strerror or e}") from None
    finally:
        _remove_quietly(tmp)
    return n


def _remove_quietly(path: Path) -> None:
    # On a read-only file system even removing a file that is not there fails (EROFS, not ENOENT).
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _write(fmt: str, rows: Iterator[dict[str, Any]], f: IO[str], raw: bool) -> int:
    n = 0
    if fmt == "jsonl":
        for d in rows:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    else:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for d in rows:
            w.writerow(csv_row(d, raw))
            n += 1
    return n


def _write_parquet(rows: Iterator[dict[str, Any]], path: str, batch: int = 5000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("parquet export needs pyarrow: pip install 'saidwhat[ingest]'") from None
    types = {"id": pa.int64(), "speaker_id": pa.int64(), "confidence": pa.float64(), "nested": pa.bool_()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])
    n = 0
    with pq.ParquetWriter(path, schema) as w:
        buf: list[dict[str, Any]] = []
        for d in rows:
            buf.append(_flat(d))
            if len(buf) >= batch:
                w.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
                buf = []
        if buf or n == 0:
            w.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n
