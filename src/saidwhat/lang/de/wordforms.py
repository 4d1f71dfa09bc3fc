"""Word forms the shipped tables do not know: a suffix guesser and a persistent cache.

HanTa's analysis of a word form costs about a millisecond (more for long
forms), and news brings new forms with every article: names and compounds.
Two things keep that off the common path, both returning HanTa's own answer:

- :func:`guess`: endings that HanTa analysed the same way for every training
  form that has them ("…ministerium" → ``NN``, lemma the form; "…ungen" →
  ``NN``, lemma "…ung"), learned by ``scripts/build_guesser.py`` and shipped
  as ``lang/de/wordform_guesser.txt``. A form must be at least
  :data:`GUESSER_MIN_LENGTH` characters; shorter ones are cheap for HanTa.
- :class:`WordformCache`: HanTa's answers for everything else, kept in one
  SQLite file (WAL mode: many readers and writers at once, e.g. ingest
  workers, Spark executors on one host, later runs). The default file is
  ``$XDG_CACHE_HOME/saidwhat`` (``~/.cache/saidwhat``); ``SAIDWHAT_WORDFORM_CACHE``
  names another file, or ``off`` disables it. Any error with the file (read-only
  folder, not a database, locked for too long) turns the cache off for the
  process with one warning: it is an optimisation, never a reason to fail.

The guesser is asked before the cache, so a form's analysis never depends on
what the cache holds.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from functools import lru_cache
from pathlib import Path

# forms shorter than this go to HanTa (cheap for short forms, and short
# forms are often abbreviations or function words the endings say little about)
GUESSER_MIN_LENGTH = 6
GUESSER_MAX_SUFFIX = 7
_CASES = ("k", "c", "l")


def guess_key(form: str) -> tuple[str, str]:
    """(shape, form): shape C/L/U for capitalised, lower-case, all upper, plus H (hyphen) and D (digit)."""
    if form.isupper():
        shape = "U"
    elif form[:1].isupper():
        shape = "C"
    else:
        shape = "L"
    if "-" in form:
        shape += "H"
    if any(c.isdigit() for c in form):
        shape += "D"
    return shape, form


def _case(word: str, case: str) -> str:
    if case == "c":
        return word.capitalize()
    if case == "l":
        return word.lower()
    return word


def lemma_rule(form: str, lemma: str) -> str:
    """How ``lemma`` comes from ``form``: "strip append case" (see :func:`apply_rule`), or "?" when no rule does."""
    best: tuple[int, str, str] | None = None
    for case in _CASES:
        cased = _case(form, case)
        m = 0
        while m < min(len(cased), len(lemma)) and cased[m] == lemma[m]:
            m += 1
        strip, append = len(form) - m, lemma[m:]
        if " " in append or _case(form[: len(form) - strip] + append, case) != lemma:
            continue
        if best is None or strip < best[0]:
            best = (strip, append, case)
    if best is None:
        return "?"
    return f"{best[0]} {best[1]} {best[2]}"


def apply_rule(form: str, rule: str) -> str:
    strip, append, case = rule.split(" ")
    return _case(form[: len(form) - int(strip)] + append, case)


def apply_guess(rules: dict[tuple[str, str], tuple[str, str, int]], form: str) -> tuple[str, str] | None:
    """(tag, lemma) by the shortest ending of ``form`` that has a rule, else None."""
    if len(form) < GUESSER_MIN_LENGTH:
        return None
    shape, _ = guess_key(form)
    for n in range(1, min(GUESSER_MAX_SUFFIX, len(form) - 1) + 1):
        hit = rules.get((shape, form[-n:]))
        if hit is not None:
            return hit[0], apply_rule(form, hit[1])
    return None


@lru_cache(maxsize=1)
def _guesser_rules() -> dict[tuple[str, str], tuple[str, str, int]]:
    from sys import intern

    from ...lexicon import iter_lexicon

    rules: dict[tuple[str, str], tuple[str, str, int]] = {}
    for shape, end, tag, rule, support in iter_lexicon("de", "wordform_guesser"):
        rules[(shape, end)] = (intern(tag), rule, int(support))
    return rules


def guess(form: str) -> tuple[str, str] | None:
    """HanTa's answer for ``form`` as the shipped endings predict it, or None."""
    return apply_guess(_guesser_rules(), form)


def default_cache_path() -> Path | None:
    setting = os.environ.get("SAIDWHAT_WORDFORM_CACHE")
    if setting is not None:
        if setting.strip().lower() in {"", "0", "off", "no", "false"}:
            return None
        return Path(setting).expanduser()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "saidwhat" / f"wordforms-{_hanta_version()}.sqlite"


def _hanta_version() -> str:
    # a new HanTa may answer differently: its answers go to a file of their own
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("HanTa")
    except PackageNotFoundError:
        return "unknown"


_INHERITED_CONNECTIONS: list[sqlite3.Connection] = []


class WordformCache:
    """HanTa's answers in one SQLite file shared by processes; writes batched per document."""

    FLUSH_AT = 256

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self._pending: dict[str, tuple[str, str]] = {}
        self.disabled = path is None

    def _connection(self) -> sqlite3.Connection | None:
        if self.disabled:
            return None
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        # A forked child must not use its parent's connection, nor close it
        # (closing may checkpoint the parent's WAL): it is kept, unused, and
        # the child opens its own.
        if self._conn is not None:
            _INHERITED_CONNECTIONS.append(self._conn)
        self._conn, self._pid, self._pending = None, os.getpid(), {}
        try:
            assert self.path is not None
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=5.0, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS forms (form TEXT PRIMARY KEY, tag TEXT, lemma TEXT) WITHOUT ROWID")
        except (OSError, sqlite3.Error) as e:
            self._give_up(e)
            return None
        self._conn = conn
        return conn

    def _give_up(self, error: Exception) -> None:
        print(f"saidwhat: word-form cache {self.path} disabled: {error}", file=sys.stderr)
        self.disabled = True
        self._conn = None
        self._pending = {}

    def get(self, form: str) -> tuple[str, str] | None:
        pending = self._pending.get(form)
        if pending is not None and self._pid == os.getpid():
            return pending
        conn = self._connection()
        if conn is None:
            return None
        try:
            row = conn.execute("SELECT tag, lemma FROM forms WHERE form = ?", (form,)).fetchone()
        except sqlite3.Error as e:
            self._give_up(e)
            return None
        return (str(row[0]), str(row[1])) if row else None

    def put(self, form: str, answer: tuple[str, str]) -> None:
        if self._connection() is None:
            return
        self._pending[form] = answer
        if len(self._pending) >= self.FLUSH_AT:
            self.flush()

    def flush(self) -> None:
        """Write the answers learned since the last flush, in one transaction."""
        if not self._pending or self._pid != os.getpid():
            return
        conn = self._connection()
        if conn is None:
            return
        rows = [(form, tag, lemma) for form, (tag, lemma) in self._pending.items()]
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT OR IGNORE INTO forms VALUES (?, ?, ?)", rows)
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            self._give_up(e)
            return
        finally:
            # an error or the article time budget's alarm between BEGIN and
            # COMMIT must not leave the write lock held: other processes wait on it
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
        self._pending = {}


@lru_cache(maxsize=1)
def wordform_cache() -> WordformCache:
    import atexit

    cache = WordformCache(default_cache_path())
    atexit.register(cache.flush)
    return cache
