"""Reading inputs for ingest: files, folders, stdin, WARC, Spark output.

Everything is streamed: a reader yields one :class:`Item` (an article to
process) or :class:`Failure` (a bad file or record, reported and skipped) at
a time, so a 10 GB JSONL file costs the memory of one line.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..corpus import annotation_to_statement, corpus_article, date_from_document_name
from ..errors import InputError
from ..io import MAX_INPUT_BYTES, decode_text
from ..model import ROLES, Article, Statement

EXTENSIONS = (".txt", ".json", ".jsonl", ".html", ".htm", ".warc", ".warc.gz")
SPARK_MARKER = "_saidwhat_spark"


@dataclass
class Item:
    """One article to store, as read; ``text`` or ``html`` or ``article``."""

    name: str  # file name (and record) for messages
    line: int | None = None  # JSONL line number
    text: str | None = None
    html: bytes | str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    ext_id: str | None = None
    lang: str = "de"
    # Already extracted (Spark output, --annotations): stored as is.
    article: Article | None = None
    extractor: str | None = None
    # Re-processing a stored article: its id.
    article_id: str | None = None

    @property
    def where(self) -> str:
        return f"{self.name}:{self.line}" if self.line is not None else self.name


@dataclass
class Failure:
    name: str
    line: int | None
    reason: str

    @property
    def where(self) -> str:
        return f"{self.name}:{self.line}" if self.line is not None else self.name


Record = Item | Failure


def _ext(p: Path) -> str:
    n = p.name.lower()
    return ".warc.gz" if n.endswith(".warc.gz") else p.suffix.lower()


def is_spark_dir(p: Path) -> bool:
    return p.is_dir() and (p / SPARK_MARKER).exists()


def expand(paths: Iterable[str]) -> Iterator[str | Path]:
    """Files to read, folders walked recursively in sorted order; '-' = stdin.

    Sorted, so that the same command always stores articles in the same
    order (speaker merging, and so the database, depends on it).
    """
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        p = Path(raw)
        if not p.exists():
            yield Path(raw)  # reported as missing by read()
        elif is_spark_dir(p):
            yield p
        elif p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                rp = Path(root)
                if is_spark_dir(rp) and rp != p:
                    yield rp
                    dirs[:] = []
                    continue
                for f in sorted(files):
                    fp = rp / f
                    if not f.startswith(".") and _ext(fp) in EXTENSIONS:
                        yield fp
        else:
            yield p


def count(paths: Iterable[str]) -> int | None:
    """How many articles ``paths`` hold, for the progress bar's ETA; None if unknown."""
    total = 0
    for p in expand(paths):
        if p == "-" or isinstance(p, str):
            return None
        ext = _ext(p)
        if is_spark_dir(p) or ext in (".warc", ".warc.gz"):
            return None
        if ext == ".jsonl":
            try:
                with p.open("rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def read(paths: Iterable[str], lang: str = "de", annotations: bool = False) -> Iterator[Record]:
    for p in expand(paths):
        if p == "-":
            yield from _read_stdin(lang, annotations)
            continue
        assert isinstance(p, Path)
        name = str(p)
        if not p.exists():
            yield Failure(name, None, "no such file or directory")
            continue
        try:
            if is_spark_dir(p):
                yield from _read_spark(p)
                continue
            ext = _ext(p)
            if ext == ".jsonl":
                with p.open("rb") as f:
                    yield from _read_jsonl(f, name, lang, annotations)
            elif ext in (".warc", ".warc.gz"):
                with p.open("rb") as f:
                    yield from _read_warc(f, name, lang)
            else:
                raw = _read_file(p)
                yield from _read_blob(raw, name, ext, lang, annotations)
        except InputError as e:
            yield Failure(name, None, _strip_name(str(e), name))
        except OSError as e:
            yield Failure(name, None, f"cannot read: {e.strerror or e}")


def _strip_name(msg: str, name: str) -> str:
    return msg[len(name) + 2 :] if msg.startswith(name + ": ") else msg


def _read_file(p: Path) -> bytes:
    with p.open("rb") as f:
        raw = f.read(MAX_INPUT_BYTES + 1)
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError(f"larger than {MAX_INPUT_BYTES // 1_000_000} MB, not a single article")
    return raw


def _read_blob(raw: bytes, name: str, ext: str, lang: str, annotations: bool) -> Iterator[Record]:
    if ext in (".html", ".htm"):
        yield Item(name=name, html=raw, lang=lang)
        return
    text = decode_text(raw, name)
    if ext == ".json":
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as e:
            yield Failure(name, None, f"malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}")
            return
        docs = doc if isinstance(doc, list) else [doc]
        for i, d in enumerate(docs):
            yield _from_object(d, f"{name}[{i}]" if isinstance(doc, list) else name, None, lang, annotations)
        return
    if not text.strip():
        yield Failure(name, None, "empty file")
        return
    yield Item(name=name, text=text, title=Path(name).stem if name != "<stdin>" else None, lang=lang)


def _read_jsonl(f: Iterable[bytes], name: str, lang: str, annotations: bool) -> Iterator[Record]:
    for n, raw in enumerate(f, 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
        except UnicodeDecodeError as e:
            yield Failure(name, n, f"not UTF-8 (byte {e.start})")
            continue
        except json.JSONDecodeError as e:
            yield Failure(name, n, f"malformed JSON at column {e.colno}: {e.msg}")
            continue
        yield _from_object(obj, name, n, lang, annotations)


def _date(value: Any) -> str | None:
    """An ISO date from '2023-02-23', '2023-02-23T10:00:00Z' and the like."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"'published' must be a string, not {type(value).__name__}")
    try:
        d = date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"'published' {value!r} is not an ISO date (YYYY-MM-DD)") from None
    return _plausible(d)


def _plausible(d: date | None) -> str | None:
    """Placeholder dates ("0001-01-01" in some corpus files) mean: unknown."""
    return d.isoformat() if d and d.year >= 1800 else None


def _opt_str(obj: dict[str, Any], key: str) -> str | None:
    v = obj.get(key)
    if v is None:
        return None
    if isinstance(v, int | float) and not isinstance(v, bool):
        return str(v)
    if not isinstance(v, str):
        raise InputError(f"'{key}' must be a string, not {type(v).__name__}")
    return v or None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_unicode(value: Any, where: str) -> None:
    """Refuse lone surrogates: valid in JSON (``"\\ud800"``), but no text, and nothing SQLite can store."""
    if isinstance(value, str):
        m = _SURROGATE.search(value)
        if m:
            raise InputError(
                f"{where} holds a lone surrogate (U+{ord(m.group()):04X}) at character {m.start()}: not valid Unicode"
            )
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_unicode(k, f"a key in {where}")
            _check_unicode(v, f"'{k}'" if where == "the record" else f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_unicode(v, f"{where}[{i}]")


def _annotated_article(obj: dict[str, Any], lang: str) -> Article:
    """The statements of a corpus document's ``annotations``, each checked: a clear error, never a crash."""
    anns = obj.get("annotations")
    if anns is not None and not isinstance(anns, list):
        raise InputError(f"'annotations' must be a list, not {type(anns).__name__}")
    article = corpus_article({**obj, "annotations": []})
    article.lang = lang
    article.statements = [_annotation(i, ann, len(article.text)) for i, ann in enumerate(anns or [])]
    return article


def _annotation(i: int, ann: Any, text_length: int) -> Statement:
    if not isinstance(ann, dict):
        raise InputError(f"annotations[{i}]: expected an object, got {type(ann).__name__}")
    entity = ann.get("speakerEntity")
    if entity is not None and not isinstance(entity, str):
        raise InputError(f"annotations[{i}]: 'speakerEntity' must be a string, not {type(entity).__name__}")
    try:
        st = annotation_to_statement(ann)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as e:
        what = f"missing key {e}" if isinstance(e, KeyError) else str(e)
        raise InputError(f"annotations[{i}]: malformed ({type(e).__name__}: {what})") from None
    for role in ROLES:
        for sp in st.role(role):
            if not 0 <= sp.begin <= sp.end <= text_length:
                raise InputError(
                    f"annotations[{i}]: {role} span [{sp.begin}, {sp.end}] lies outside the text "
                    f"(0 to {text_length} characters)"
                )
    return st


def _from_object(obj: Any, name: str, line: int | None, lang: str, annotations: bool) -> Record:
    if not isinstance(obj, dict):
        return Failure(name, line, f"expected a JSON object, got {type(obj).__name__}")
    try:
        _check_unicode(obj, "the record")
        if isinstance(obj.get("originalText"), str):  # the corpus schema
            doc_name = str(obj.get("documentName") or "")
            pub = _date(obj.get("published")) if obj.get("published") else None
            if pub is None:
                pub = _plausible(date_from_document_name(doc_name))
            title = doc_name.split(" - ", 1)[1] if " - " in doc_name else doc_name or None
            if title and title.endswith(")") and pub and title.endswith(f"({pub})"):
                title = title[: -len(f"({pub})")].rstrip()
            ext_id = doc_name.split(" - ", 1)[0] if " - " in doc_name else None
            if not obj["originalText"].strip():
                return Failure(name, line, "empty 'originalText'")
            article = _annotated_article(obj, lang) if annotations else None
            return Item(
                name=name,
                line=line,
                text=obj["originalText"],
                title=title,
                published=pub,
                ext_id=ext_id,
                url=_opt_str(obj, "url"),
                source=_opt_str(obj, "source"),
                lang=lang,
                article=article,
                extractor="annotations" if annotations else None,
            )
        text, html = obj.get("text"), obj.get("html")
        if text is not None and not isinstance(text, str):
            return Failure(name, line, f"'text' must be a string, not {type(text).__name__}")
        if html is not None and not isinstance(html, str):
            return Failure(name, line, f"'html' must be a string, not {type(html).__name__}")
        if not (text and text.strip()) and not (html and html.strip()):
            return Failure(name, line, "no 'text' or 'html'")
        return Item(
            name=name,
            line=line,
            text=text if text and text.strip() else None,
            html=None if text and text.strip() else html,
            url=_opt_str(obj, "url"),
            title=_opt_str(obj, "title"),
            published=_date(obj.get("published")),
            source=_opt_str(obj, "source"),
            ext_id=_opt_str(obj, "id"),
            lang=_opt_str(obj, "lang") or lang,
        )
    except InputError as e:
        return Failure(name, line, str(e))


def _read_warc(f: IO[bytes], name: str, lang: str) -> Iterator[Record]:
    """The HTML pages of a WARC file, each record checked for completeness.

    A record shorter than its declared ``Content-Length``, or whose gzip
    member does not end, was cut off (a truncated download, a damaged
    disk): it is reported, not stored, so ingesting the intact file later
    stores it.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Failure(name, None, "reading WARC needs warcio: pip install 'saidwhat[ingest]'")
        return
    n = 0
    offset = 0
    try:
        records = ArchiveIterator(f)
        for record in records:
            n += 1
            item = _warc_page(record, name, n, lang)
            records.read_to_end(record)
            if records.member_info:
                offset = records.member_info[0]
            where = f"record {n} at byte {offset}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            if _cut_off(record, records):
                yield Failure(name, None, f"{where} ({url}): cut off before its end (truncated or damaged archive)")
            elif isinstance(item, Failure):
                yield Failure(name, None, f"{where} ({url}): {item.reason}")
            elif item is not None:
                yield item
    except Exception as e:  # a third-party parser on hostile bytes: anything may come up
        # (warcio quotes the bad bytes in its message: printable and short for a terminal)
        detail = ascii(str(e))[1:-1][:200]
        yield Failure(name, None, f"broken WARC after record {n} (byte {offset}): {type(e).__name__}: {detail}")


def _warc_page(record: Any, name: str, n: int, lang: str) -> Item | Failure | None:
    """The HTML page of a WARC response record; None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode()
    if "html" not in ctype or status != "200":
        return None
    payload = record.content_stream().read(MAX_INPUT_BYTES + 1)
    if len(payload) > MAX_INPUT_BYTES:
        return Failure(name, None, f"larger than {MAX_INPUT_BYTES // 1_000_000} MB")
    warc_date = record.rec_headers.get_header("WARC-Date")
    return Item(
        name=f"{name}#{n}",
        html=payload,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        # The crawl date only stands in when the page carries no date.
        published=(warc_date or "")[:10] or None,
        lang=lang,
    )


def _cut_off(record: Any, records: Any) -> bool:
    """Whether ``record`` (read to its end) holds fewer bytes than declared, or its gzip member ends early."""
    if record.raw_stream.limit > 0:  # Content-Length not reached
        return True
    decompressor = getattr(records.reader, "decompressor", None)
    return decompressor is not None and not decompressor.eof


def _read_spark(p: Path) -> Iterator[Record]:
    try:
        from ..spark.load import iter_articles  # written by the Spark side; may be absent
    except ImportError:
        yield Failure(str(p), None, "a Spark output folder, but saidwhat.spark.load is not available in this install")
        return
    for i, article in enumerate(iter_articles(p)):
        yield Item(
            name=f"{p}[{i}]",
            text=article.text,
            url=article.url,
            title=article.title,
            published=article.published.isoformat() if article.published else None,
            source=article.source,
            ext_id=article.id,
            lang=article.lang,
            article=article,
            extractor="spark",
        )


def _read_stdin(lang: str, annotations: bool) -> Iterator[Record]:
    buf = sys.stdin.buffer
    head = buf.peek(16)[:16] if hasattr(buf, "peek") else b""
    stream: IO[bytes] = buf
    if not head:
        # Not peekable (a pipe wrapper): read it whole, sniff, then stream.
        data = buf.read()
        head, stream = data[:16], io.BytesIO(data)
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        yield from _read_warc(stream, "<stdin>", lang)
        return
    first = stream.readline()
    stripped = first.lstrip(b"\xef\xbb\xbf").strip()
    if stripped.startswith(b"{") and _is_json(stripped):
        # JSON Lines: stream it, one record at a time.
        yield from _read_jsonl(_chain(first, stream=stream), "<stdin>", lang, annotations)
        return
    rest = stream.read(MAX_INPUT_BYTES + 1 - len(first))
    raw = first + rest
    if stripped.startswith(b"{") and _looks_like_jsonl(raw):
        # JSON Lines whose first line is broken: report that line, read on.
        yield from _read_jsonl(_chain(*_whole_lines(raw, stream), stream=stream), "<stdin>", lang, annotations)
        return
    if len(raw) > MAX_INPUT_BYTES:
        yield Failure(
            "<stdin>", None, f"larger than {MAX_INPUT_BYTES // 1_000_000} MB (use JSON Lines for many articles)"
        )
        return
    s = raw.lstrip(b"\xef\xbb\xbf").lstrip()
    ext = ".json" if s[:1] in (b"{", b"[") else ".html" if s[:1] == b"<" else ".txt"
    try:
        yield from _read_blob(raw, "<stdin>", ext, lang, annotations)
    except InputError as e:
        yield Failure("<stdin>", None, _strip_name(str(e), "<stdin>"))


def _is_json(raw: bytes) -> bool:
    try:
        json.loads(raw)
        return True
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def _looks_like_jsonl(raw: bytes) -> bool:
    """Not one JSON document, but some later line is a JSON object of its own."""
    if _is_json(raw):
        return False
    for line in io.BytesIO(raw).readlines()[1:]:
        stripped = line.strip()
        if stripped.startswith(b"{") and _is_json(stripped):
            return True
    return False


def _whole_lines(raw: bytes, stream: IO[bytes]) -> list[bytes]:
    """The lines of ``raw``, read ahead from ``stream``; its last line completed from the stream."""
    lines = io.BytesIO(raw).readlines()
    if lines and not lines[-1].endswith(b"\n"):
        lines[-1] += stream.readline()
    return lines


def _chain(*lines: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    """Lines already read, then the rest of a stream, as lines."""
    yield from lines
    yield from stream
