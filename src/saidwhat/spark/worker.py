"""What runs inside the Spark executors' Python workers.

Nothing here imports pyspark at module level (only :func:`_partition_id`
asks pyspark's TaskContext, inside a task): the functions are shipped to the
executors by reference (``saidwhat.spark.worker.process_arrow_batches``,
``process_partition``), so each task carries
a few bytes of configuration instead of a pickled closure, and the executors
import this module from the installed package.

Models (tokenizer, HanTa, lexicons) are loaded at most once per Python worker
process, by :func:`worker_state`, a module-level lazy singleton. With
``spark.python.worker.reuse=true`` a worker process lives across tasks, so a
job of 10,000 partitions loads the models once per executor core, not 10,000
times.

Every article is processed inside its own ``try``: a bad article (binary
garbage, a 5 MB text, an extractor bug, a pathological input that runs too
long) becomes a ``failed`` row with its error, and the job goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any

from ..budget import DEFAULT_SECONDS, time_limit
from ..model import ROLES, Article, Statement
from . import STATUS_FAILED, STATUS_OK

# Longest article text processed (characters). News articles are a few
# thousand characters; anything near this is a crawl accident (a whole feed,
# a PDF dump) and would only make the extractor slow. Below the pipeline's
# own MAX_TEXT_CHARS so that the guard is ours, not an exception from deep
# inside the extractor.
DEFAULT_MAX_CHARS = 1_000_000
# Wall-clock limit per article (seconds); 0 disables it. The same budget as
# annotate, ingest and serve (saidwhat.budget).
DEFAULT_TIMEOUT_S = DEFAULT_SECONDS
# Errors are stored in the article table: keep them readable, not a dump.
_MAX_ERROR_CHARS = 500

# Column order of one statement struct and one article row; job.py builds the
# Spark schema from these, load.py reads them back by name.
STATEMENT_FIELDS: tuple[str, ...] = (
    "index",
    "kind",
    "medium",
    "speaker_entity",
    "confidence",
    "nested",
    "said_on",
    "stance",
    "speaker_kind",
) + tuple(f"{role}_{part}" for role in ROLES for part in ("text", "begin", "end"))

ARTICLE_FIELDS: tuple[str, ...] = (
    "row_id",
    "id",
    "url",
    "title",
    "published",
    "source",
    "lang",
    "text",
    "n_statements",
    "status",
    "error",
    "month",
    "statements",
)

RawRecord = dict[str, Any]
OutputRow = tuple[Any, ...]


class BadArticle(Exception):
    """An input record that is not an article we can process."""


# --------------------------------------------------------------------------
# The per-process singleton


@dataclass
class WorkerState:
    """Models and counters of one Python worker process."""

    extract: Callable[..., Article]
    pid: int
    loads: int  # how often models were loaded in this process (should stay 1)
    load_seconds: float
    articles: int = 0
    extract_seconds: float = 0.0  # time spent inside extract(), for the overhead figure


_STATE: WorkerState | None = None
_LOCK = threading.Lock()


def worker_state(lang: str = "de") -> WorkerState:
    """The process-wide extractor, loaded on first use.

    Loading (imports, HanTa's model, lexicons) costs seconds; doing it here,
    once, rather than in the partition function means a reused worker pays
    it once for its lifetime. A forked process (new pid) reloads: its
    counters must be its own.
    """
    global _STATE
    state = _STATE
    if state is not None and state.pid == os.getpid():
        return state
    with _LOCK:
        if _STATE is not None and _STATE.pid == os.getpid():
            return _STATE
        t0 = time.perf_counter()
        from ..lang import get as get_language
        from ..lang.choice import languages_for
        from ..pipeline import extract

        # Touch the models now so that the first article's time is its own (every language auto may meet).
        for code in languages_for(lang):
            extract(get_language(code).sample_text, lang=code)
        loads = (_STATE.loads if _STATE is not None else 0) + 1
        _STATE = WorkerState(extract=extract, pid=os.getpid(), loads=loads, load_seconds=time.perf_counter() - t0)
        return _STATE


def state_summary() -> dict[str, Any]:
    """This process's pid and load count (for tests and diagnostics)."""
    s = _STATE
    mine = s is not None and s.pid == os.getpid()
    return {
        "pid": os.getpid(),
        "loads": s.loads if s and mine else 0,
        "articles": s.articles if s and mine else 0,
        "load_seconds": round(s.load_seconds, 2) if s and mine else 0.0,
        "extract_seconds": round(s.extract_seconds, 2) if s and mine else 0.0,
    }


# --------------------------------------------------------------------------
# Input records → raw article dicts


def _short_hash(data: str | bytes) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha1(data).hexdigest()[:16]


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    s = value if isinstance(value, str) else str(value)
    s = clean_str(s)
    return s or None


def clean_str(s: str) -> str:
    """Replace lone surrogates (from JSON ``\\ud800`` escapes) with ``?``.

    They cannot be encoded as UTF-8, so Parquet (and the JVM) would reject
    the whole partition. Each one becomes one ``?``, so character offsets
    into the text stay valid.
    """
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "replace").decode("utf-8")


def record_from_json_line(line: str) -> RawRecord | None:
    """One JSONL line → raw record; ``None`` for blank lines."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return {"id": f"line:{_short_hash(line)}", "error": f"malformed JSON: {e.msg} at column {e.colno}"}
    if not isinstance(obj, dict):
        return {"id": f"line:{_short_hash(line)}", "error": f"JSON line is a {type(obj).__name__}, not an object"}
    return obj


def record_from_row(row: Any) -> RawRecord:
    """A Parquet row (pyspark Row) → raw record."""
    return dict(row.asDict()) if hasattr(row, "asDict") else dict(row)


def record_from_file(path: str, content: bytes | bytearray) -> RawRecord:
    """One plain-text file (binaryFile row) → raw record; id = file name sans extension."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    return {"id": stem or name, "url": path, "raw": bytes(content), "name": path}


def iter_warc_records(stream: Any, origin: str) -> Iterator[RawRecord]:
    """HTML responses of a WARC stream → raw records (html kept as bytes).

    A broken WARC (truncated gzip, bad header) ends that file with one failed
    record naming the file and offset; the records before it are kept.
    """
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(stream)
    offset = 0
    try:
        for rec in it:
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            status = rec.http_headers.get_statuscode()
            ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
            if status != "200" or ("html" not in ctype and ctype):
                continue
            record_id = (rec.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
            url = rec.rec_headers.get_header("WARC-Target-URI")
            body = rec.content_stream().read()
            # Only valid once the record has been read (warcio reads to its end).
            offset = it.get_record_offset()
            yield {
                "id": record_id or url or f"{origin}#{offset}",
                "url": url,
                "html": body,
                # The crawl date: a fallback when the page names no date.
                "crawl_date": rec.rec_headers.get_header("WARC-Date"),
                "name": f"{origin}#{offset}",
            }
    except Exception as e:  # a corrupt archive must not fail the job
        yield {"id": f"{origin}#{offset}", "url": None, "error": f"broken WARC file: {type(e).__name__}: {e}"}


def warc_partition(paths: Iterable[Any]) -> Iterator[RawRecord]:
    """Stream local WARC files (one path per element) into raw records."""
    for p in paths:
        path = str(p)
        local = path[len("file:") :] if path.startswith("file:") else path
        while local.startswith("//"):
            local = local[1:]
        try:
            f = open(local, "rb")
        except OSError as e:
            yield {"id": path, "error": f"cannot read WARC file: {e.strerror}"}
            continue
        with f:  # stays open while the caller drains the records
            yield from iter_warc_records(f, path)


def warc_bytes_partition(rows: Iterable[Any]) -> Iterator[RawRecord]:
    """WARC files read whole by Spark's binaryFile source (remote storage)."""
    import io

    for row in rows:
        yield from iter_warc_records(io.BytesIO(bytes(row["content"])), str(row["path"]))


# --------------------------------------------------------------------------
# Raw record → article text


def check_text(text: str, name: str) -> None:
    """Refuse what is not text: NUL bytes or many control characters.

    The same rule as :func:`saidwhat.io.decode_text`, for text that arrives
    already decoded (JSON, Parquet).
    """
    head = text[:65536]
    if "\x00" in head:
        raise BadArticle(f"{name}: binary data, not text")
    sample = text[:10000]
    # A regex, not a per-character Python loop (~1 ms an article, a tenth of
    # the extraction itself). Control characters and U+FFFD (bytes that were
    # not UTF-8, replaced on reading) mark binary data.
    bad = len(_NOT_TEXT.findall(sample))
    if sample and bad > len(sample) * 0.05:
        raise BadArticle(f"{name}: does not look like text (too many control characters)")


_NOT_TEXT = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


class _TextOfHtml(HTMLParser):
    """A crude main-text fallback when trafilatura is not installed."""

    _BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "br", "tr"}
    _SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def _decode_html(html: str | bytes) -> str:
    if isinstance(html, str):
        return html
    for enc in ("utf-8", "cp1252"):
        try:
            return html.decode(enc)
        except UnicodeDecodeError:
            continue
    return html.decode("utf-8", "replace")


def html_to_text(html: str | bytes, url: str | None) -> tuple[str, str | None, str | None]:
    """Main text, title and date (ISO) of an HTML page.

    trafilatura (the ``ingest`` extra) drops navigation, teasers and comments;
    without it a tag-stripping fallback keeps paragraph text.
    """
    trafilatura: Any
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    if trafilatura is not None:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
        if doc is None:
            raise BadArticle("no main text found in the HTML")
        # trafilatura ≥ 2 returns a Document, older versions a dict.
        fields: dict[str, Any] = (
            doc if isinstance(doc, dict) else {k: getattr(doc, k, None) for k in ("text", "title", "date")}
        )
        text = fields.get("text") or ""
        if not text.strip():
            raise BadArticle("no main text found in the HTML")
        return text, fields.get("title"), fields.get("date")
    parser = _TextOfHtml()
    parser.feed(_decode_html(html))
    parser.close()
    paragraphs = [" ".join(p.split()) for p in "".join(parser.parts).split("\n\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise BadArticle("no text found in the HTML")
    return text, " ".join("".join(parser.title).split()) or None, None


def parse_published(value: Any) -> date | None:
    """A date from a date, datetime or ISO string (``2022-02-24``, ``2022-02-24T10:00Z``)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    if len(s) < 10:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def month_of(published: date | None) -> str:
    from . import UNKNOWN_MONTH

    return published.strftime("%Y-%m") if published else UNKNOWN_MONTH


# --------------------------------------------------------------------------
# One article → one output row


def statement_row(index: int, st: Statement, text: str) -> OutputRow:
    """A statement as the struct stored in Parquet (order = STATEMENT_FIELDS)."""
    row: list[Any] = [
        index,
        st.kind.value,
        st.medium.value,
        st.speaker_entity,
        float(st.confidence),
        bool(st.nested),
        st.said_on,
        st.stance.value,
        st.speaker_kind.value if st.speaker_kind else None,
    ]
    for role in ROLES:
        spans = st.role(role)
        # Spans keep the extractor's order (not sorted) so they rebuild exactly.
        row.append(st.role_text(role, text) if spans else None)
        row.append([s.begin for s in spans])
        row.append([s.end for s in spans])
    return tuple(row)


def _error_message(e: BaseException) -> str:
    msg = clean_str(f"{type(e).__name__}: {e}")
    return msg if len(msg) <= _MAX_ERROR_CHARS else msg[: _MAX_ERROR_CHARS - 1] + "…"


def _fallback_id(raw: RawRecord) -> str:
    for key in ("url", "name"):
        if raw.get(key):
            return str(raw[key])
    payload = raw.get("text") or raw.get("html") or raw.get("raw") or repr(sorted(raw))
    return f"sha1:{_short_hash(payload if isinstance(payload, str | bytes) else repr(payload))}"


def process_record(
    raw: RawRecord,
    row_id: int,
    *,
    state: WorkerState,
    lang: str,
    max_chars: int = DEFAULT_MAX_CHARS,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> OutputRow:
    """Extract the statements of one raw record; never raises (except interrupts)."""
    ident = _opt_str(raw.get("id")) or _fallback_id(raw)
    url = _opt_str(raw.get("url"))
    title = _opt_str(raw.get("title"))
    source = _opt_str(raw.get("source"))
    article_lang = _opt_str(raw.get("lang")) or lang
    published = parse_published(raw.get("published"))
    text: str | None = None
    try:
        if raw.get("error"):
            raise BadArticle(str(raw["error"]))
        name = str(raw.get("name") or ident)
        if isinstance(raw.get("text"), str):
            text = raw["text"]
        elif raw.get("raw") is not None:
            from ..io import decode_text

            text = decode_text(bytes(raw["raw"]), name)
        elif raw.get("html") is not None:
            html = raw["html"]
            if len(html) > max_chars * 8:  # markup is bulky, but not this bulky
                raise BadArticle(f"HTML too large: {len(html)} characters")
            text, html_title, html_date = html_to_text(html, url)
            title = title or _opt_str(html_title)
            published = published or parse_published(html_date) or parse_published(raw.get("crawl_date"))
        elif raw.get("text") is not None:
            raise BadArticle(f"'text' is a {type(raw['text']).__name__}, not a string")
        else:
            raise BadArticle("record has neither 'text' nor 'html'")
        assert text is not None
        if len(text) > max_chars:
            over = len(text)
            text = None  # do not store megabytes of non-article in the table
            raise BadArticle(f"text too long: {over} characters (limit {max_chars})")
        text = clean_str(text)
        check_text(text, name)
        t0 = time.perf_counter()
        with time_limit(timeout_s):
            article = state.extract(text, lang=article_lang, published=published)
        state.extract_seconds += time.perf_counter() - t0
        state.articles += 1
        statements = [statement_row(i, st, text) for i, st in enumerate(article.statements)]
        return (
            row_id, ident, url, title, published, source, article.lang, text,
            len(statements), STATUS_OK, None, month_of(published), statements,
        )  # fmt: skip
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as e:
        if text is not None and (len(text) > max_chars or "\x00" in text[:65536]):
            text = None
        return (
            row_id, ident, url, title, published, source, _failed_article_lang(article_lang, text),
            clean_str(text) if text is not None else None,
            0, STATUS_FAILED, _error_message(e), month_of(published), [],
        )  # fmt: skip


def _failed_article_lang(requested: str, text: str | None) -> str:
    """The language column of a failed article: ``auto`` resolved where its text is known (never raises)."""
    from ..lang.choice import AUTO, FALLBACK_LANGUAGE, choose_language

    if requested != AUTO:
        return requested
    try:
        return choose_language(text or "", AUTO).code
    except Exception:  # noqa: BLE001 - a failed row is written whatever its text holds
        return FALLBACK_LANGUAGE


def to_raw(item: Any, input_format: str) -> RawRecord | None:
    """An element of the input RDD → raw record (``None`` to skip it)."""
    if input_format == "jsonl":
        line = item["value"] if not isinstance(item, str) else item
        return record_from_json_line(line)
    if input_format == "text":
        return record_from_file(str(item["path"]), item["content"])
    if input_format == "parquet":
        return record_from_row(item)
    if isinstance(item, dict):  # warc: already raw records
        return item
    raise ValueError(f"unknown input format {input_format!r}")


def process_partition(
    index: int,
    items: Iterable[Any],
    *,
    input_format: str,
    lang: str,
    max_chars: int,
    timeout_s: float,
) -> Iterator[OutputRow]:
    """``mapPartitionsWithIndex`` body: input elements → article rows.

    ``row_id`` = partition index << 32 | position: unique in the output even
    when the input repeats an article id, so statements join back to exactly
    one article row.
    """
    base = index << 32
    n = 0
    # Outside the per-article try: if the models cannot load (saidwhat or a
    # dependency missing on an executor), that is a broken deployment, and
    # the task must fail loudly rather than mark every article "failed".
    state = worker_state(lang)
    for item in items:
        try:
            raw = to_raw(item, input_format)
        except Exception as e:  # a row we cannot even read
            raw = {"id": f"partition{index}:{n}", "error": f"unreadable input record: {_error_message(e)}"}
        if raw is None:
            continue
        yield process_record(raw, base | n, state=state, lang=lang, max_chars=max_chars, timeout_s=timeout_s)
        n += 1


# --------------------------------------------------------------------------
# The Arrow path (jsonl, parquet, text): DataFrame.mapInArrow

# Input formats that reach the workers as Arrow record batches; WARC records
# are made in Python (warcio) and take the RDD path above.
ARROW_INPUT_FORMATS: tuple[str, ...] = ("jsonl", "parquet", "text")


def _partition_id() -> int:
    """The Spark partition this task computes (0 outside Spark)."""
    try:
        from pyspark import TaskContext
    except ImportError:  # called without Spark (tests)
        return 0
    ctx = TaskContext.get()
    return ctx.partitionId() if ctx is not None else 0


def _batch_items(batch: Any, input_format: str) -> list[Any]:
    """An input record batch → the elements :func:`to_raw` understands.

    One C++ conversion per column, not one Row object per element: JSONL
    lines come out as plain ``str``, Parquet and file rows as dicts.
    """
    if input_format == "jsonl":
        return list(batch.column(0).to_pylist())
    return list(batch.to_pylist())


def rows_to_batch(rows: list[OutputRow], schema: Any) -> Any:
    """Article rows (:data:`ARTICLE_FIELDS` order) → one pyarrow RecordBatch of ``schema``."""
    import pyarrow as pa

    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    arrays = [pa.array(list(col), type=field.type) for col, field in zip(columns, schema, strict=True)]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def process_arrow_batches(
    batches: Iterable[Any],
    *,
    input_format: str,
    lang: str,
    max_chars: int,
    timeout_s: float,
    schema: Any,
) -> Iterator[Any]:
    """``mapInArrow`` body: input record batches → article record batches.

    The same per-article processing (and guarantees) as
    :func:`process_partition`, with rows crossing JVM↔Python as Arrow
    columns instead of pickled rows. ``row_id`` = partition index << 32 |
    position in the partition, as there. ``schema`` is the Arrow form of the
    job's article schema (built on the driver).
    """
    base = _partition_id() << 32
    n = 0
    # As in process_partition: a broken deployment fails the task.
    state = worker_state(lang)
    for batch in batches:
        rows: list[OutputRow] = []
        for item in _batch_items(batch, input_format):
            try:
                raw = to_raw(item, input_format)
            except Exception as e:  # a row we cannot even read
                raw = {"id": f"partition{base >> 32}:{n}", "error": f"unreadable input record: {_error_message(e)}"}
            if raw is None:
                continue
            rows.append(process_record(raw, base | n, state=state, lang=lang, max_chars=max_chars, timeout_s=timeout_s))
            n += 1
        if rows:
            yield rows_to_batch(rows, schema)


# --------------------------------------------------------------------------
# The same, writing Parquet in the worker (``--writer python``, see writer.py)


def write_arrow_batches(batches: Iterable[Any], *, root: str, job: str, **options: Any) -> Iterator[Any]:
    """``mapInArrow`` body: input batches → Parquet files under ``root`` → one summary batch."""
    from .writer import write_batches

    yield from write_batches(process_arrow_batches(batches, **options), root=root, job=job)


def write_partition(
    index: int, items: Iterable[Any], *, root: str, job: str, schema: Any, **options: Any
) -> Iterator[dict[str, Any]]:
    """``mapPartitionsWithIndex`` body (WARC): records → Parquet files → one summary dict."""
    from .writer import write_all

    rows = process_partition(index, items, **options)
    yield write_all((rows_to_batch(chunk, schema) for chunk in _chunks(rows, 200)), root=root, job=job)


def _chunks(rows: Iterable[OutputRow], size: int) -> Iterator[list[OutputRow]]:
    chunk: list[OutputRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
