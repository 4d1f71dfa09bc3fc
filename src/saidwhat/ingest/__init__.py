"""Bulk ingest: read articles, extract statements, store them.

Extraction runs in ``workers`` processes; the main process is the only
writer. Results are written in input order (a small reorder window), so a
run, or a run killed and re-run, always ends in the same database: articles
are written whole, in batches (:class:`_Batch`), already-stored articles are
skipped, and speaker merging sees the same articles in the same order. ``--reprocess``
rebuilds the whole store that way (see :func:`_reprocess`).

A bad record is reported and skipped; database trouble (read-only, disk
full, damaged file) ends the run with one line, keeping what was stored.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO, TypeVar

from ..budget import DEFAULT_SECONDS, time_limit
from ..errors import InputError, SaidwhatError, StoreError
from ..lang.choice import AUTO, GIVEN, choose_language
from ..model import Article
from ..store import Prepared, Store, article_id_for, prepare, store_error
from .sources import Failure, Item, Record, count, read

__all__ = ["IngestResult", "Summary", "ingest", "process_item"]

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class IngestResult:
    """What a worker sends back: the article, or why it failed."""

    item: Item
    article: Article | None = None
    error: str | None = None
    prepared: Prepared | None = None


@dataclass
class Summary:
    articles: int = 0  # newly stored (or re-processed)
    statements: int = 0  # in those articles
    skipped: int = 0  # already stored
    failed: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.articles} articles stored, {self.statements} statements, "
            f"{self.skipped} skipped (already stored), {self.failed} failed "
            f"in {self.seconds:.1f} s ({rate:.1f} articles/s)"
        )


def _html_to_text(item: Item) -> None:
    """Main text and metadata of an HTML page (trafilatura)."""
    import json

    try:
        import trafilatura
    except ImportError as err:
        # name the real failure: trafilatura may be installed but one of its own imports missing
        raise InputError(f"reading HTML needs trafilatura ({err}): pip install 'saidwhat[ingest]'") from None
    raw = trafilatura.extract(
        item.html or "", url=item.url, output_format="json", with_metadata=True, include_comments=False
    )
    if not raw:
        raise InputError("no article text found in the HTML")
    meta = json.loads(raw)
    item.text = meta.get("text") or ""
    if not item.text.strip():
        raise InputError("no article text found in the HTML")
    item.title = item.title or meta.get("title") or None
    page_date = meta.get("date")
    if page_date:
        # The page's own date beats a crawl date (WARC-Date).
        try:
            item.published = date.fromisoformat(page_date[:10]).isoformat()
        except ValueError:
            pass
    item.source = item.source or meta.get("sitename") or meta.get("hostname") or None
    item.html = None  # don't ship the page back to the writer


def process_item(item: Item, time_limit_s: float = 0.0) -> IngestResult:
    """Worker side: HTML to text, then extraction, within ``time_limit_s``. Never raises."""
    try:
        if item.article is not None:
            article = item.article
            # stored as read (Spark output, --annotations): only its language may still be to choose
            choice = choose_language(article.text, item.lang)
            article.lang, article.lang_origin = choice.code, choice.origin
        else:
            from ..pipeline import extract

            with time_limit(time_limit_s):
                if item.html is not None and item.text is None:
                    _html_to_text(item)
                article = extract(item.text or "", lang=item.lang, published=item.published)
        if item.published and (article.published is None or item.article is not None):
            article.published = date.fromisoformat(item.published)
        return IngestResult(item, article, prepared=prepare(article))
    except SaidwhatError as e:
        return IngestResult(item, error=str(e))
    except Exception as e:  # one broken article must not end a long ingest
        return IngestResult(item, error=f"extractor failed: {type(e).__name__}: {e}")


def _init_worker(parent_alive: Connection) -> None:
    # Ctrl-C goes to the whole process group: let the main process handle
    # it and shut the pool down, instead of every worker printing a trace.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent_alive,), daemon=True).start()


def _exit_with_parent(parent_alive: Connection) -> None:
    """End this worker when the main process is gone, even by ``kill -9``.

    Workers hang off the fork server, not the main process, and hold the
    pool's queues and the fork server's life line themselves, so neither
    they nor the fork server ever notice a killed parent (PR_SET_PDEATHSIG
    would name the fork server). The main process holds the only write end
    of this pipe and never writes: end of file means it died.
    """
    try:
        parent_alive.recv_bytes()
    except (EOFError, OSError):
        pass
    os._exit(1)


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int, window: int = 0) -> Iterator[R]:
    """``map(fn, items)`` in ``workers`` processes, results in input order.

    At most ``window`` items are in flight, so a huge input is never read
    ahead into memory (``Pool.imap`` would queue all of it). The workers
    end with the main process, however it ends.
    """
    if workers <= 1:
        for x in items:
            yield fn(x)
        return
    import multiprocessing

    window = window or workers * 4
    # fork is cheapest (workers start with the modules loaded), but is unsafe
    # once threads run (tqdm's monitor); forkserver is the safe default.
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["saidwhat.ingest.warm"])
    alive_r, alive_w = ctx.Pipe(duplex=False)
    pending: deque[Future[R]] = deque()
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(alive_r,)
        ) as ex:
            try:
                for x in items:
                    pending.append(ex.submit(fn, x))
                    if len(pending) >= window:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            except BaseException:
                for f in pending:
                    f.cancel()
                raise
    finally:
        alive_w.close()
        alive_r.close()


def _stored_inputs(store: Store) -> Iterator[Record]:
    """Every stored article, as input for ``--reprocess``."""
    for aid in store.article_ids():
        a = store.article_input(aid)
        if a is None:
            continue
        yield Item(
            name=f"db:{aid}",
            text=a["text"],
            url=a["url"],
            title=a["title"],
            published=a["published"],
            source=a["source"],
            ext_id=a["ext_id"],
            # a language chosen by the detector is chosen again (a language registered since may win)
            lang=a["lang"] if a["lang_origin"] == GIVEN else AUTO,
            article_id=aid,
        )


# Errors of one record's values, not of the database (those end the run).
_BAD_RECORD_ON_WRITE = (sqlite3.InterfaceError, sqlite3.ProgrammingError, sqlite3.IntegrityError, ValueError, TypeError)


class _Run:
    """One ingest run: its counts, its progress bar, and the reading-extracting-storing loop."""

    def __init__(
        self, summary: Summary, err: IO[str], total: int | None, progress: bool, time_limit_s: float = DEFAULT_SECONDS
    ) -> None:
        from tqdm import tqdm

        self.summary = summary
        self.time_limit_s = time_limit_s
        self.err = err
        self.bar = tqdm(
            total=total,
            unit=" articles",
            file=err,
            disable=not progress,
            dynamic_ncols=True,
            smoothing=0.1,
            mininterval=0.5,
        )

    def report(self, where: str, reason: str) -> None:
        self.summary.failed += 1
        line = f"saidwhat: skipped {where}: {reason}"
        if len(self.summary.failures) < 1000:
            self.summary.failures.append(line)
        self.bar.write(line, file=self.err)

    def _to_process(self, records: Iterable[Record], target: Store, published: str | None) -> Iterator[Item]:
        # Filter in the main process: skipping stored articles costs a
        # primary-key lookup, not an extraction.
        for rec in records:
            if isinstance(rec, Failure):
                self.report(rec.where, rec.reason)
                self.bar.update(1)
                continue
            if published and not rec.published:
                rec.published = published
            if rec.text is not None and not rec.article_id:
                rec.article_id = article_id_for(rec.text, rec.url)
            if rec.article_id and target.has_article(rec.article_id):
                self.summary.skipped += 1
                self.bar.update(1)
                continue
            yield rec

    def store_all(
        self,
        records: Iterable[Record],
        target: Store,
        workers: int,
        published: str | None,
        on_failure: Callable[[Item], None] | None = None,
    ) -> None:
        """Extract ``records`` and store each article in ``target`` unless it holds it already.

        ``on_failure`` is called, in order with the writes, for each article whose extraction failed.
        Finished articles are written in batches (:class:`_Batch`).
        """
        batch = _Batch(self, target, on_failure)
        extract_one = partial(process_item, time_limit_s=self.time_limit_s)
        for res in ordered_map(extract_one, self._to_process(records, target, published), workers):
            if res.article is None:
                self.report(res.item.where, res.error or "unknown error")
            batch.add(res)
            self.bar.update(1)
            if batch.due():
                batch.write()
        batch.write()


# A batch is written when it holds this many articles, or when the next
# article arrives after its first one has waited this long (so a reader sees
# an article about that much later, plus one article's extraction at most).
BATCH_ARTICLES = 16
BATCH_SECONDS = 1.0
# Articles a commit when --reprocess copies them into its scratch database.
REBUILD_BATCH = 256


class _Batch:
    """Extracted articles waiting to be written together, in one transaction (:meth:`Store.batch`).

    Committing once per batch instead of once per article saves SQLite's
    per-commit work. Each article is still whole or absent: a kill loses the
    batch being written (a re-run extracts it again), a record SQLite refuses
    is undone alone. Articles are counted as stored only once committed.
    """

    def __init__(self, run: _Run, target: Store, on_failure: Callable[[Item], None] | None) -> None:
        self.run = run
        self.target = target
        self.on_failure = on_failure
        self.results: list[IngestResult] = []
        self.since = 0.0
        self.test_delay = float(os.environ.get("SAIDWHAT_INGEST_TEST_DELAY", "0") or 0)

    def add(self, res: IngestResult) -> None:
        if res.article is None and self.on_failure is None:
            return  # nothing to write
        if not self.results:
            self.since = time.monotonic()
        self.results.append(res)

    def due(self) -> bool:
        return len(self.results) >= BATCH_ARTICLES or (
            bool(self.results) and time.monotonic() - self.since >= BATCH_SECONDS
        )

    def write(self) -> None:
        """Write the waiting articles in one transaction; on a database error, commit those before it, then raise."""
        if not self.results:
            return
        results, self.results = self.results, []
        summary = self.run.summary
        stored = skipped = statements = 0
        error: Exception | None = None
        with self.target.batch():
            for res in results:
                try:
                    wrote = self._write_one(res)
                except (sqlite3.Error, StoreError) as e:
                    if not self.target.in_transaction:
                        raise  # SQLite rolled the whole batch back: nothing to commit
                    error = e  # its savepoint is undone; the articles before it are committed below
                    break
                if wrote and res.article is not None:
                    stored += 1
                    statements += len(res.article.statements)
                elif wrote is False:
                    skipped += 1
        summary.articles += stored
        summary.statements += statements
        summary.skipped += skipped
        if error is not None:
            raise error

    def _write_one(self, res: IngestResult) -> bool | None:
        """Store one article: True if written, False if already stored, None if not an article to store."""
        item = res.item
        if res.article is None:
            if self.on_failure is not None:
                self.on_failure(item)
            return None
        art = res.article
        try:
            # Counted from what this run wrote: another ingest at the same
            # time may have stored the article a moment earlier.
            return self.target.put_article(
                art,
                url=item.url,
                title=item.title,
                source=item.source,
                # HTML without URL: its id is known only after conversion.
                article_id=item.article_id or article_id_for(art.text, item.url),
                ext_id=item.ext_id,
                extractor=item.extractor,
                prepared=res.prepared,
                _test_delay=self.test_delay,
            )
        except _BAD_RECORD_ON_WRITE as e:
            # A value SQLite cannot take (its savepoint rolled back); the
            # database itself is fine, so the run goes on.
            self.run.report(item.where, f"cannot be stored: {type(e).__name__}: {e}")
            return None


def _copy_article(source: Store, article_id: str, target: Store) -> None:
    stored = source.stored_article(article_id)
    if stored is None:
        return
    target.put_article(
        stored.article,
        url=stored.url,
        title=stored.title,
        source=stored.source,
        article_id=stored.article_id,
        ext_id=stored.ext_id,
        extractor=stored.extractor,
    )


def _rebuild(store: Store, fresh: Store, target: Store) -> None:
    """``target`` = the store's articles in their order, each from ``fresh`` if re-extracted there.

    Articles new to the store follow in the order they were read. Every
    article goes through the same write path as in a first ingest, in the
    same order, starting from no speakers: the speakers (and all ids) come
    out as a fresh ingest makes them.
    """
    order = [(fresh if fresh.has_article(aid) else store, aid) for aid in store.article_ids()]
    order += [(fresh, aid) for aid in fresh.article_ids() if not store.has_article(aid)]
    # A scratch database: many articles a commit (a failure discards all of it anyway)
    for start in range(0, len(order), REBUILD_BATCH):
        with target.batch():
            for source, aid in order[start : start + REBUILD_BATCH]:
                _copy_article(source, aid, target)


def _reprocess(
    run: _Run, store: Store, paths: list[str], records: Iterable[Record], workers: int, published: str | None
) -> None:
    """Re-extract ``records`` and rebuild the store as a fresh ingest would have made it.

    Replacing one article after the other would resolve its speakers
    against those of articles stored after it (and move it to the end), so
    the result would depend on history. Instead the store is rebuilt in a
    scratch database, which then replaces the store's content in one
    transaction. Until then the store is untouched: an interrupted run
    loses nothing. Needs free disk for two copies of the store next to it.
    """
    store.check_writable()
    version = store.data_version()
    try:
        work = Path(tempfile.mkdtemp(prefix=".saidwhat-reprocess-", dir=Path(store.path).resolve().parent))
    except OSError as e:
        raise StoreError(f"{store.path}: cannot make a working folder next to it: {e.strerror or e}") from None
    try:
        with Store(work / "rebuilt.db") as rebuilt:
            if paths:
                # The inputs come in their own order: extract them aside
                # first, then rebuild in the store's order.
                with Store(work / "extracted.db") as fresh:
                    run.store_all(records, fresh, workers, published)
                    _rebuild(store, fresh, rebuilt)
            else:
                # The stored articles, in the store's order: straight into
                # the rebuilt store; one that fails keeps what it had.
                def keep_old(item: Item) -> None:
                    if item.article_id:
                        _copy_article(store, item.article_id, rebuilt)

                run.store_all(records, rebuilt, workers, published, on_failure=keep_old)
        store.replace_contents(work / "rebuilt.db", version)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ingest(
    paths: list[str],
    db: str,
    *,
    workers: int = 1,
    lang: str = AUTO,
    reprocess: bool = False,
    annotations: bool = False,
    published: str | None = None,
    progress: bool = True,
    err: IO[str] | None = None,
    time_limit_s: float = DEFAULT_SECONDS,
) -> Summary:
    """Ingest ``paths`` into the store at ``db``; see ``saidwhat ingest --help``.

    Database trouble (read-only, disk full, damaged file) ends the run with
    a :class:`StoreError`; every article stored before it stays stored.
    """
    err = err or sys.stderr
    if workers < 1:
        raise InputError(f"--workers must be at least 1, not {workers}")
    if published:
        try:
            published = date.fromisoformat(published).isoformat()
        except ValueError:
            raise InputError(f"--published {published!r} is not a date (YYYY-MM-DD)") from None
    if not paths and not reprocess:
        raise InputError("nothing to ingest: give files, folders or - for standard input")
    store = Store(db)
    summary = Summary()
    started = time.perf_counter()
    run: _Run | None = None
    try:
        if paths:
            total = count(paths) if "-" not in paths else None
            records: Iterable[Record] = read(paths, lang=lang, annotations=annotations)
        else:
            total = store.stats()["articles"]
            records = _stored_inputs(store)
        run = _Run(summary, err, total, progress, time_limit_s)
        if reprocess:
            _reprocess(run, store, paths, records, workers, published)
        else:
            run.store_all(records, store, workers, published)
    except sqlite3.Error as e:
        raise StoreError(f"{store_error(e, db)}; {_what_is_kept(summary, reprocess)}") from None
    except StoreError as e:
        raise StoreError(f"{e}; {_what_is_kept(summary, reprocess)}") from None
    finally:
        if run is not None:
            run.bar.close()
        store.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _what_is_kept(summary: Summary, reprocess: bool) -> str:
    if reprocess or not summary.articles:
        return "the store was not changed"
    return f"the {summary.articles} articles this run stored before are kept"
