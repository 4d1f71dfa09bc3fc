"""A time budget per article, shared by every caller of the extractor.

``annotate``, ``ingest``, ``serve`` and the Spark job all run::

    with time_limit(seconds):
        article = extract(text, ...)

and an article that runs past ``seconds`` raises :class:`ArticleTimeout`
("took longer than 60 s"), which each caller reports as that article's
failure before it goes on with the next. Nothing a user sends can hold a
process (or a server's extraction slot) for minutes.

Two mechanisms, chosen by where the block runs:

- In a process's main thread (``annotate``, ``ingest`` and its worker
  processes, Spark's Python workers): ``SIGALRM``. It is pre-emptive: a
  pure-Python loop is interrupted wherever it is. A single long C call (one
  regex match) finishes first.
- In any other thread (``serve`` runs extraction in its thread pool, and
  Python delivers signals to the main thread only): a cooperative deadline.
  The pipeline calls :func:`check` between its stages, which raises once the
  deadline has passed. A thread cannot be stopped from outside, so a stage
  that is already running finishes first; with every stage linear in the text
  (and ``serve`` capping texts at 50,000 characters) that is a fraction of a
  second. Running extraction in a killable worker process instead would also
  stop a stage that hangs, but costs a model load per process and a pickle of
  every result; we chose the deadline for its cost and because the same
  :func:`check` calls serve the main-thread case for free.

Blocks nest: an inner budget only ever shortens the outer one.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

from .errors import SaidwhatError

# Seconds one article may take (``--time-limit``; ``$SAIDWHAT_TIME_LIMIT``).
# News articles take well under a second, the 2 MB limit a few seconds;
# 0 switches the budget off.
DEFAULT_SECONDS = 60.0
ENV_SECONDS = "SAIDWHAT_TIME_LIMIT"


class ArticleTimeout(SaidwhatError):
    """One article took longer than its time budget."""


def default_seconds() -> float:
    """``$SAIDWHAT_TIME_LIMIT`` when set to a number, else :data:`DEFAULT_SECONDS`."""
    raw = os.environ.get(ENV_SECONDS, "").strip()
    try:
        return float(raw) if raw else DEFAULT_SECONDS
    except ValueError:
        return DEFAULT_SECONDS


class _Deadline(threading.local):
    at: float | None = None  # time.monotonic() value
    seconds: float = 0.0  # the budget it came from, for the message


_deadline = _Deadline()


def _timeout(seconds: float) -> ArticleTimeout:
    return ArticleTimeout(f"took longer than {seconds:g} s")


def check() -> None:
    """Raise :class:`ArticleTimeout` if this thread's budget is spent (cheap: call it often)."""
    at = _deadline.at
    if at is not None and time.monotonic() > at:
        raise _timeout(_deadline.seconds)


def _alarm_usable() -> bool:
    return hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in this block after ``seconds`` (``<= 0``: no limit)."""
    if seconds <= 0:
        yield
        return
    outer_at, outer_seconds = _deadline.at, _deadline.seconds
    at = time.monotonic() + seconds
    if outer_at is not None and outer_at <= at:
        yield  # the outer budget ends first and is already armed
        return
    _deadline.at, _deadline.seconds = at, seconds
    try:
        if _alarm_usable():
            with _alarm(seconds, resume_at=outer_at):
                yield
        else:
            yield
    finally:
        _deadline.at, _deadline.seconds = outer_at, outer_seconds


@contextlib.contextmanager
def _alarm(seconds: float, resume_at: float | None) -> Iterator[None]:
    """SIGALRM after ``seconds``; afterwards the outer block's alarm (due at ``resume_at``) again."""

    def _raise(signum: int, frame: Any) -> None:
        raise _timeout(seconds)

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if resume_at is not None:
            signal.setitimer(signal.ITIMER_REAL, max(resume_at - time.monotonic(), 0.001))
