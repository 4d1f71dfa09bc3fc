"""A response cache for a read-only store that notices when the store changes.

The server never writes, but an ingest may run next to it (SQLite WAL lets a
writer and readers work at once). So every cached body belongs to a
*generation* of the database file: the size and modification time of the
file and of its ``-wal`` journal, looked at no more than every
``check_every`` seconds. When the generation changes, the cache is emptied.

Concurrent misses on the same key compute once (the others wait for the
first), so fifty clients asking the same expensive question cost one query.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path


class ResponseCache:
    def __init__(
        self,
        db_path: str | Path | None,
        max_entries: int = 2048,
        max_bytes: int = 64 * 1024 * 1024,
        check_every: float = 1.0,
    ) -> None:
        self.db_path = Path(db_path) if db_path is not None and str(db_path) != ":memory:" else None
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.check_every = check_every
        self._data: OrderedDict[Hashable, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._inflight: dict[Hashable, threading.Event] = {}
        self._generation = self._current_generation()
        self._checked = time.monotonic()
        self.hits = 0
        self.misses = 0

    def _current_generation(self) -> tuple[int, ...]:
        if self.db_path is None:
            return ()
        out: list[int] = []
        for p in (self.db_path, Path(str(self.db_path) + "-wal")):
            try:
                st = os.stat(p)
                out += [st.st_size, st.st_mtime_ns]
            except OSError:
                out += [-1, -1]
        return tuple(out)

    def _maybe_invalidate(self) -> None:
        now = time.monotonic()
        if now - self._checked < self.check_every:
            return
        self._checked = now
        gen = self._current_generation()
        if gen != self._generation:
            self._generation = gen
            self._data.clear()
            self._bytes = 0

    def peek(self, key: Hashable) -> bytes | None:
        """The cached body for ``key``, or None; never waits on a computation."""
        if self.max_entries <= 0:
            return None
        with self._lock:
            return self._hit(key)

    def _hit(self, key: Hashable) -> bytes | None:
        """The cached body for ``key`` (counted as a hit), or None; call under the lock."""
        self._maybe_invalidate()
        body = self._data.get(key)
        if body is not None:
            self._data.move_to_end(key)
            self.hits += 1
        return body

    def get_or_compute(self, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        """The cached body for ``key``, computing (once) on a miss."""
        if self.max_entries <= 0:
            return compute()
        while True:
            with self._lock:
                body = self._hit(key)
                if body is not None:
                    return body
                waiting = self._inflight.get(key)
                if waiting is None:
                    mine = threading.Event()
                    self._inflight[key] = mine
                    self.misses += 1
                    break
            waiting.wait(timeout=30)
            # the first caller stored it (or failed): look again
        try:
            body = compute()
            self.put(key, body)
            return body
        finally:
            with self._lock:
                self._inflight.pop(key, None)
            mine.set()

    def put(self, key: Hashable, body: bytes) -> None:
        if self.max_entries <= 0 or len(body) > self.max_bytes // 8:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._bytes -= len(old)
            self._data[key] = body
            self._bytes += len(body)
            while self._data and (len(self._data) > self.max_entries or self._bytes > self.max_bytes):
                _, dropped = self._data.popitem(last=False)
                self._bytes -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._data)
