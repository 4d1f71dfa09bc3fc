"""Read a ``saidwhat spark`` output folder back into Articles, without Spark.

``saidwhat ingest OUTPUT`` calls :func:`iter_articles` when ``OUTPUT`` holds a
``_saidwhat_spark`` marker, so results computed on a cluster can be browsed
locally. Only pyarrow is needed.

Memory: one month at a time (its articles and its statements), so an archive
of any length streams; a single month must fit in memory.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import ROLES, Article, Kind, Medium, Span, SpeakerKind, Stance, Statement
from . import ARTICLES_DIR, MARKER_NAME, OUTPUT_FORMAT_VERSION, STATEMENTS_DIR

_ARTICLE_COLUMNS = ["row_id", "id", "url", "title", "published", "source", "lang", "text", "status"]


def is_spark_output(path: str | Path) -> bool:
    """Whether ``path`` is a folder written by ``saidwhat spark``."""
    p = Path(path)
    return p.is_dir() and (p / MARKER_NAME).is_file()


def read_marker(path: str | Path) -> dict[str, Any]:
    """The ``_saidwhat_spark`` marker (version, counts per month)."""
    p = Path(path) / MARKER_NAME
    try:
        marker = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: not a saidwhat spark output (no {MARKER_NAME})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{p}: unreadable marker: {e}") from None
    if not isinstance(marker, dict) or marker.get("format") != "saidwhat-spark":
        raise InputError(f"{p}: not a saidwhat spark marker")
    version = marker.get("format_version")
    if not isinstance(version, int) or version > OUTPUT_FORMAT_VERSION:
        raise InputError(
            f"{path}: output format version {version!r} is newer than this saidwhat reads "
            f"({OUTPUT_FORMAT_VERSION}); upgrade saidwhat"
        )
    return marker


def _months(table_dir: Path) -> list[str]:
    if not table_dir.is_dir():
        return []
    return sorted(p.name[len("month=") :] for p in table_dir.iterdir() if p.is_dir() and p.name.startswith("month="))


def _read_month(table_dir: Path, month: str, columns: list[str] | None = None) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # Read the month's folder alone (not a dataset over the whole table):
    # Spark writes hidden .crc files and _SUCCESS next to the data, skip them.
    folder = table_dir / f"month={month}"
    files = sorted(f for f in folder.iterdir() if f.is_file() and not f.name.startswith((".", "_")))
    if not files:
        return None
    tables = [pq.read_table(f, columns=columns) for f in files]
    return pa.concat_tables(tables, promote_options="default") if len(tables) > 1 else tables[0]


def _spans(begins: list[int] | None, ends: list[int] | None) -> list[Span]:
    return [Span(int(b), int(e)) for b, e in zip(begins or [], ends or [], strict=True)]


def statement_from_row(row: dict[str, Any]) -> Statement:
    """One row of the statements table → :class:`Statement` (exactly as extracted)."""
    roles = {role: _spans(row[f"{role}_begin"], row[f"{role}_end"]) for role in ROLES}
    return Statement(
        kind=Kind(row["kind"]),
        medium=Medium(row["medium"]),
        speaker_entity=row["speaker_entity"],
        # outputs written before speaker kinds existed have no such column: not decided
        speaker_kind=SpeakerKind(row["speaker_kind"]) if row.get("speaker_kind") else None,
        confidence=float(row["confidence"]),
        nested=bool(row["nested"]),
        said_on=row["said_on"],
        # outputs written before stances existed have no such column: "say"
        stance=Stance(row.get("stance") or "say"),
        **roles,
    )


def iter_articles(path: str | Path, *, include_failed: bool = False) -> Iterator[Article]:
    """Articles of a ``saidwhat spark`` output with their statements rebuilt.

    Yields month by month (``unknown`` last), articles of a month in id order,
    statements in the order the extractor produced them. Failed articles are
    skipped unless ``include_failed`` (then they come with no statements and
    an empty text when none was stored).
    """
    root = Path(path)
    read_marker(root)
    articles_dir, statements_dir = root / ARTICLES_DIR, root / STATEMENTS_DIR
    months = _months(articles_dir)
    months.sort(key=lambda m: (m == "unknown", m))
    for month in months:
        table = _read_month(articles_dir, month, _ARTICLE_COLUMNS)
        if table is None:
            continue
        rows = table.to_pylist()
        if not include_failed:
            rows = [r for r in rows if r["status"] == "ok"]
        if not rows:
            continue
        by_article: dict[int, list[tuple[int, Statement]]] = defaultdict(list)
        stable = _read_month(statements_dir, month) if (statements_dir / f"month={month}").is_dir() else None
        if stable is not None:
            for srow in stable.to_pylist():
                by_article[srow["article_row_id"]].append((srow["index"], statement_from_row(srow)))
        rows.sort(key=lambda r: (r["id"], r["row_id"]))
        for r in rows:
            published = r["published"]
            statements = [st for _, st in sorted(by_article.pop(r["row_id"], []), key=lambda x: x[0])]
            yield Article(
                text=r["text"] or "",
                lang=r["lang"] or "de",
                published=published if isinstance(published, date) else None,
                statements=statements,
                id=r["id"],
                title=r["title"],
                url=r["url"],
                source=r["source"],
            )
