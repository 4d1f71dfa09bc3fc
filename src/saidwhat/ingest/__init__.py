"""Bulk ingest: read articles, extract statements, store them.

Extraction runs in ``workers`` processes; the main process is the only
writer. Results are written in input order (a small reorder window), so a
run, or a run killed and re-run, always ends in the same database: every
article is its own transaction, already-stored articles are skipped, and
speaker merging sees the same articles in the same order.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import IO, TypeVar

from ..budget import DEFAULT_SECONDS, time_limit
from ..errors import InputError, SaidwhatError
from ..model import Article
from ..store import Prepared, Store, article_id_for, prepare
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
        else:
            from ..pipeline import extract

            with time_limit(time_limit_s):
                if item.html is not None and item.text is None:
                    _html_to_text(item)
                article = extract(item.text or "", lang=item.lang, published=item.published)
        article.lang = item.lang
        if item.published and (article.published is None or item.article is not None):
            article.published = date.fromisoformat(item.published)
        return IngestResult(item, article, prepared=prepare(article))
    except SaidwhatError as e:
        return IngestResult(item, error=str(e))
    except Exception as e:  # one broken article must not end a long ingest
        return IngestResult(item, error=f"extractor failed: {type(e).__name__}: {e}")


def _init_worker() -> None:
    # Ctrl-C goes to the whole process group: let the main process handle
    # it and shut the pool down, instead of every worker printing a trace.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int, window: int = 0) -> Iterator[R]:
    """``map(fn, items)`` in ``workers`` processes, results in input order.

    At most ``window`` items are in flight, so a huge input is never read
    ahead into memory (``Pool.imap`` would queue all of it).
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
    pending: deque[Future[R]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker) as ex:
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
            lang=a["lang"],
            article_id=aid,
        )


def ingest(
    paths: list[str],
    db: str,
    *,
    workers: int = 1,
    lang: str = "de",
    reprocess: bool = False,
    annotations: bool = False,
    published: str | None = None,
    progress: bool = True,
    err: IO[str] | None = None,
    time_limit_s: float = DEFAULT_SECONDS,
) -> Summary:
    """Ingest ``paths`` into the store at ``db``; see ``saidwhat ingest --help``."""
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
    if paths:
        total = count(paths) if "-" not in paths else None
        records: Iterable[Record] = read(paths, lang=lang, annotations=annotations)
    else:
        total = store.stats()["articles"]
        records = _stored_inputs(store)

    from tqdm import tqdm

    bar = tqdm(
        total=total,
        unit=" articles",
        file=err,
        disable=not progress,
        dynamic_ncols=True,
        smoothing=0.1,
        mininterval=0.5,
    )

    def report(where: str, reason: str) -> None:
        summary.failed += 1
        line = f"saidwhat: skipped {where}: {reason}"
        if len(summary.failures) < 1000:
            summary.failures.append(line)
        bar.write(line, file=err)

    def to_process() -> Iterator[Item]:
        # Filter in the main process: skipping stored articles costs a
        # primary-key lookup, not an extraction.
        for rec in records:
            if isinstance(rec, Failure):
                report(rec.where, rec.reason)
                bar.update(1)
                continue
            if published and not rec.published:
                rec.published = published
            if rec.text is not None and not rec.article_id:
                rec.article_id = article_id_for(rec.text, rec.url)
            if rec.article_id and not reprocess and store.has_article(rec.article_id):
                summary.skipped += 1
                bar.update(1)
                continue
            yield rec

    delay = float(os.environ.get("SAIDWHAT_INGEST_TEST_DELAY", "0") or 0)
    try:
        for res in ordered_map(partial(process_item, time_limit_s=time_limit_s), to_process(), workers):
            item = res.item
            if res.article is None:
                report(item.where, res.error or "unknown error")
            else:
                art = res.article
                aid = item.article_id or article_id_for(art.text, item.url)
                if not reprocess and store.has_article(aid):
                    summary.skipped += 1  # HTML without URL: known only after conversion
                else:
                    store.add_article(
                        art,
                        url=item.url,
                        title=item.title,
                        source=item.source,
                        article_id=aid,
                        ext_id=item.ext_id,
                        extractor=item.extractor,
                        replace=reprocess,
                        prepared=res.prepared,
                        _test_delay=delay,
                    )
                    summary.articles += 1
                    summary.statements += len(art.statements)
            bar.update(1)
    finally:
        bar.close()
        store.close()
        summary.seconds = time.perf_counter() - started
    return summary
