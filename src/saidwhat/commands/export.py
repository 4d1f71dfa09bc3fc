"""``saidwhat export --format jsonl|csv|parquet OUT``: every stored statement."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from .ingest import add_db_argument, default_db

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
    "cue",
    "addressee",
    "frame",
    "quote",
    "spans",
)


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="write all stored statements to a file")
    p.add_argument("out", metavar="OUT", help="output file, or - for standard output (jsonl, csv)")
    p.add_argument("--format", required=True, choices=["jsonl", "csv", "parquet"], help="output format")
    p.add_argument("--stance", metavar="STANCE", help="only statements of this stance (docs/stance.md)")
    add_db_argument(p)
    p.set_defaults(func=run)


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    row = {k: d.get(k) for k in COLUMNS}
    row["spans"] = json.dumps(d["spans"])
    return row


def run(args: argparse.Namespace) -> int:
    from ..store import Store

    if args.format == "parquet" and args.out == "-":
        raise InputError("parquet cannot go to standard output; give a file name")
    with Store(args.db or default_db(), readonly=True) as store:
        rows = store.iter_statements(stance=args.stance)
        tmp = args.out + ".part" if args.out != "-" else None
        try:
            n = _write(args.format, rows, tmp)
            if tmp:
                os.replace(tmp, args.out)  # no half-written file under the real name
        finally:
            if tmp and os.path.exists(tmp):
                os.remove(tmp)
    print(f"saidwhat: exported {n} statements to {args.out}", file=sys.stderr)
    return 0


def _write(fmt: str, rows: Iterator[dict[str, Any]], path: str | None) -> int:
    n = 0
    if fmt == "parquet":
        assert path is not None
        return _write_parquet(rows, path)
    f = open(path, "w", encoding="utf-8", newline="") if path else sys.stdout
    try:
        if fmt == "jsonl":
            for d in rows:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
                n += 1
        else:
            w = csv.DictWriter(f, fieldnames=COLUMNS)
            w.writeheader()
            for d in rows:
                w.writerow(_flat(d))
                n += 1
    finally:
        if path:
            f.close()
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
