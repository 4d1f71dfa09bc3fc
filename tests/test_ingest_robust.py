"""``saidwhat ingest`` on bad input, a bad database and a killed parent.

Every bad record is reported with its file and line (or WARC record and
byte) and the rest goes on; database trouble ends the run with one line and
keeps what was stored; ``--reprocess`` ends in what a fresh ingest makes.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from conftest import WIKINEWS, need_shared, stored_quotes
from saidwhat.cli import main
from saidwhat.errors import StoreError
from saidwhat.store import Store

FIX = Path(__file__).parent / "fixtures" / "ingest"
NATO = json.loads((FIX / "nato-1.json").read_text(encoding="utf-8"))
TEXT = "„Wir bauen den Hafen aus“, sagte Bürgermeisterin Lena Vogt am Dienstag."
QUOTE = "„Wir bauen den Hafen aus“"  # TEXT's statement


def run_cli(*args: str) -> int:
    return main(list(args))


def _line(obj: object) -> str:
    # ensure_ascii keeps lone surrogates as \ud800 escapes, as scrapers write them.
    return json.dumps(obj, ensure_ascii=True) + "\n"


def _article_count(db: Path | str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def dump(db: Path | str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every content table with its rowid (the ids), in rowid order."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = ("articles", "speakers", "speaker_aliases", "statements", "statements_fts")
        rows = {t: conn.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid").fetchall() for t in tables}
        # what ingest derives from the statements: the quote groups (quote_keys has no rowid)
        for t in ("quote_groups", "quote_members", "quote_keys"):
            rows[t] = sorted(conn.execute(f"SELECT * FROM {t}").fetchall())
        rows["meta"] = conn.execute("SELECT * FROM meta WHERE key = 'quote_groups_through'").fetchall()
        return rows
    finally:
        conn.close()


# -- bad records -------------------------------------------------------------


def test_surrogates_in_text_and_url_are_reported_rest_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "s.jsonl"
    src.write_text(
        _line({"url": "https://example.org/1", "text": "Er sagte \ud800 gut."})
        + _line({"url": "https://example.org/\udc80", "text": TEXT})
        + _line({"url": "https://example.org/3", "title": "T\udfff", "text": TEXT + " Drei."})
        + _line({"url": "https://example.org/4", "text": TEXT + " Vier."}),
        encoding="ascii",
    )
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(src), "--db", db, "-q") == 1
    err = capsys.readouterr().err
    assert f"{src}:1: 'text' holds a lone surrogate (U+D800) at character 9" in err
    assert f"{src}:2: 'url' holds a lone surrogate (U+DC80)" in err
    assert f"{src}:3: 'title' holds a lone surrogate (U+DFFF)" in err
    assert "1 articles stored" in err and "3 failed" in err and "Traceback" not in err
    with Store(db, readonly=True) as s:
        assert [s.article(a)["url"] for a in s.article_ids()] == ["https://example.org/4"]  # type: ignore[index]
    assert QUOTE in stored_quotes(db)  # with its statement


def test_surrogate_in_an_already_extracted_article_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Spark output skips the JSON checks: the writer refuses the record, the run goes on."""
    import types

    from saidwhat.corpus import corpus_article

    good = corpus_article(NATO)
    bad = corpus_article(NATO)
    bad.text = bad.text.replace("Lindqvist", "Lindqvist\udc00", 1)
    fake = types.ModuleType("saidwhat.spark.load")
    fake.iter_articles = lambda path: iter([bad, good])  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "saidwhat.spark.load", fake)
    out = tmp_path / "spark-out"
    out.mkdir()
    (out / "_saidwhat_spark").write_text("")
    db = str(tmp_path / "sp.db")
    assert run_cli("ingest", str(out), "--db", db, "-q") == 1
    err = capsys.readouterr().err
    assert f"{out}[0]: cannot be stored: UnicodeEncodeError" in err and "1 articles stored" in err
    assert _article_count(db) == 1


MALFORMED_ANNOTATIONS = [
    ("a string", "'annotations' must be a list, not str"),
    (["not an object"], "annotations[0]: expected an object, got str"),
    ([{"quote": {"spans": [{"charBegin": 0}]}}], "annotations[0]: malformed (KeyError: missing key 'charEnd')"),
    ([{"quote": {"spans": [{"charBegin": "x", "charEnd": 3}]}}], "annotations[0]: malformed (ValueError"),
    ([{"quote": {"spans": 5}}], "annotations[0]: malformed (TypeError"),
    (
        [{"quote": {"spans": [{"charBegin": 0, "charEnd": 99999}]}}],
        "annotations[0]: quote span [0, 99999] lies outside the text",
    ),
    (
        [{"quote": {"spans": [{"charBegin": -5, "charEnd": 2}]}}],
        "annotations[0]: malformed (ValueError: invalid span [-5, 2))",
    ),
    ([{"type": ["Direct"], "quote": {"spans": []}}], "annotations[0]: malformed (TypeError"),
    (
        [{"type": "Shouted", "quote": {"spans": []}}],
        "annotations[0]: malformed (ValueError: unknown quotation type 'Shouted')",
    ),
    ([{"speakerEntity": {"name": "x"}}], "annotations[0]: 'speakerEntity' must be a string, not dict"),
    ([{"confidence": "hoch"}], "annotations[0]: malformed (ValueError"),
]


def test_malformed_annotations_are_reported_rest_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "gold.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i, (anns, _) in enumerate(MALFORMED_ANNOTATIONS):
            f.write(_line({**NATO, "documentName": f"{i} - Kaputt", "annotations": anns}))
        f.write(_line(NATO))
    db = str(tmp_path / "g.db")
    assert run_cli("ingest", str(src), "--annotations", "--db", db, "-q") == 1
    err = capsys.readouterr().err
    for n, (_, reason) in enumerate(MALFORMED_ANNOTATIONS, 1):
        assert f"{src}:{n}: {reason}" in err
    assert f"1 articles stored, 4 statements, 0 skipped (already stored), {len(MALFORMED_ANNOTATIONS)} failed" in err
    assert "Traceback" not in err


def _stdin_ingest(db: Path, data: bytes) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "saidwhat.cli", "ingest", "-", "--db", str(db), "-q"]
    return subprocess.run(cmd, input=data, capture_output=True, timeout=120)


def test_stdin_jsonl_with_a_broken_first_line(tmp_path: Path) -> None:
    data = b'{"url": "https://example.org/x", "text": "kaputt\n' + (FIX / "articles.jsonl").read_bytes()
    p = _stdin_ingest(tmp_path / "s.db", data)
    err = p.stderr.decode()
    assert p.returncode == 1 and "<stdin>:1: malformed JSON" in err and "Traceback" not in err
    assert _article_count(tmp_path / "s.db") == 3  # every good line of the fixture, with its statements:
    assert {
        "„Das ist ein guter Tag für die Stadt“",
        "„Wir brauchen sichere Wege für alle“",
        "„Wir haben so viele Mitglieder wie nie“",
    } <= stored_quotes(tmp_path / "s.db")


# -- WARC ----------------------------------------------------------------------


def _page_quote(i: int) -> str:
    """The direct quote of record ``i`` of :func:`_warc`."""
    return f"„Wir investieren in die Zukunft der Region {i}“"


def _warc(gzip: bool, n: int = 2) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (FIX / "page.html").read_bytes()
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gzip)
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = html.replace(b"Hafen wird ausgebaut", f"Hafen wird ausgebaut {i}".encode())
        body = body.replace(b"Zukunft der Region", f"Zukunft der Region {i}".encode())
        rec = w.create_warc_record(
            f"https://example.org/{i}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        w.write_record(rec)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("gzip", "cut"),
    [(True, 4), (True, 30), (True, 400), (False, 10), (False, 400)],
    ids=["gz-trailer", "gz-deflate-end", "gz-content", "plain-content-end", "plain-content"],
)
def test_truncated_warc_is_reported_and_the_intact_file_completes_it(
    tmp_path: Path, gzip: bool, cut: int, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("trafilatura")
    whole = _warc(gzip)
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    part = tmp_path / "cut" / name
    part.parent.mkdir()
    part.write_bytes(whole[:-cut])
    db = str(tmp_path / "w.db")
    assert run_cli("ingest", str(part), "--db", db, "-q") == 1
    err = capsys.readouterr().err
    assert re.search(rf"{re.escape(str(part))}: record 2 at byte \d+ \(https://example.org/1\): cut off", err), err
    assert "1 articles stored" in err
    assert _page_quote(0) in stored_quotes(db) and _page_quote(1) not in stored_quotes(db)
    intact = tmp_path / name
    intact.write_bytes(whole)
    assert run_cli("ingest", str(intact), "--db", db, "-q") == 0
    assert "1 articles stored, " in capsys.readouterr().err
    with Store(db, readonly=True) as s:
        assert sorted(s.article(a)["url"] for a in s.article_ids()) == [  # type: ignore[index]
            "https://example.org/0",
            "https://example.org/1",
        ]
    assert {_page_quote(0), _page_quote(1)} <= stored_quotes(db)


def test_corrupt_gzip_in_a_warc_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("warcio")
    whole = bytearray(_warc(True))
    whole[len(whole) // 2 + 40 : len(whole) // 2 + 60] = b"\xff" * 20  # inside the second member
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(whole))
    assert run_cli("ingest", str(bad), "--db", str(tmp_path / "b.db"), "-q") == 1
    err = capsys.readouterr().err
    assert f"{bad}: " in err and "Traceback" not in err
    assert "record 2" in err or "broken WARC after record 1" in err
    assert _page_quote(0) in stored_quotes(tmp_path / "b.db")  # the intact first record is stored


# -- the database --------------------------------------------------------------


def _jsonl(tmp: Path, n: int) -> Path:
    """n distinct corpus-schema articles (for --annotations: no extraction, fast)."""
    path = tmp / "many.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(_line({**NATO, "originalText": NATO["originalText"] + f" (Meldung {i})"}))
    return path


def test_read_only_database_is_one_line_and_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As root chmod does not stop writes: open the file the way a read-only mount does (mode=ro)."""
    db = tmp_path / "ro.db"
    assert run_cli("ingest", str(FIX / "nato-1.json"), "--annotations", "--db", str(db), "-q") == 0
    before = dump(db)
    real_connect = sqlite3.connect

    def read_only(path: str, *args: object, **kw: object) -> sqlite3.Connection:
        kw.pop("uri", None)
        opener: Any = real_connect  # (mypy cannot match **kw to connect's overloads)
        conn: sqlite3.Connection = opener(f"file:{path}?mode=ro", *args, uri=True, **kw)
        return conn

    def connect(path: str, *args: object, **kw: object) -> sqlite3.Connection:
        opener: Any = read_only if str(path) == str(db) else real_connect
        conn: sqlite3.Connection = opener(path, *args, **kw)
        return conn

    monkeypatch.setattr("saidwhat.store.sqlite3.connect", connect)
    for extra in ([str(FIX / "nato-2.json")], ["--reprocess"]):
        capsys.readouterr()
        assert run_cli("ingest", *extra, "--annotations", "--db", str(db), "-q") == 1
        err = capsys.readouterr().err
        assert err.strip().splitlines()[-1] == (
            f"saidwhat: error: {db}: the database is read-only (the file, its folder or the disk): "
            "nothing can be stored; the store was not changed"
        )
    monkeypatch.undo()
    assert dump(db) == before


def _cap_pages(monkeypatch: pytest.MonkeyPatch, extra_pages: int) -> None:
    """A full disk: the store's connections may grow the file by ``extra_pages`` pages only."""
    real_connect = Store._connect

    def capped(self: Store) -> sqlite3.Connection:
        conn = real_connect(self)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + extra_pages}")
        return conn

    monkeypatch.setattr(Store, "_connect", capped)


def test_full_disk_is_one_line_and_keeps_what_was_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "full.db"
    Store(db).close()
    _cap_pages(monkeypatch, 12)
    assert run_cli("ingest", str(_jsonl(tmp_path, 60)), "--annotations", "--db", str(db), "-q") == 1
    last = capsys.readouterr().err.strip().splitlines()[-1]
    m = re.fullmatch(
        rf"saidwhat: error: {re.escape(str(db))}: the disk is full: free some space and run again; "
        r"the (\d+) articles this run stored before are kept",
        last,
    )
    assert m, last
    monkeypatch.undo()
    kept = int(m.group(1))
    assert 0 < kept < 60 and _article_count(db) == kept
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(DISTINCT article_id) FROM statements").fetchone()[0] == kept
    conn.close()


def test_full_disk_during_reprocess_leaves_the_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "full.db"
    assert run_cli("ingest", str(_jsonl(tmp_path, 30)), "--annotations", "--db", str(db), "-q") == 0
    before = dump(db)
    _cap_pages(monkeypatch, 5)
    assert run_cli("ingest", "--reprocess", "--db", str(db), "-q") == 1
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith("the disk is full: free some space and run again; the store was not changed")
    )
    monkeypatch.undo()
    assert dump(db) == before
    assert not list(tmp_path.glob(".saidwhat-reprocess-*"))  # the scratch files are gone


def test_damaged_database_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.db"
    assert run_cli("ingest", str(_jsonl(tmp_path, 20)), "--annotations", "--db", str(good), "-q") == 0
    conn = sqlite3.connect(good)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    page = 4096
    for name, where in (("pages.db", 3 * page), ("header.db", 0)):
        bad = tmp_path / name
        data = bytearray(good.read_bytes())
        data[where : where + 2 * page] = b"\x5a" * (2 * page)
        bad.write_bytes(bytes(data))
        capsys.readouterr()
        assert run_cli("ingest", str(FIX / "nato-2.json"), "--annotations", "--db", str(bad), "-q") == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert err.strip().splitlines()[-1].startswith(f"saidwhat: error: {bad}: the database file is damaged")


def test_changed_during_reprocess_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert run_cli("ingest", str(FIX / "nato-1.json"), "--annotations", "--db", str(db), "-q") == 0
    other = tmp_path / "other.db"
    assert run_cli("ingest", str(FIX / "nato-2.json"), "--annotations", "--db", str(other), "-q") == 0
    before = dump(db)
    with Store(db) as store:
        version = store.data_version()
        with Store(db) as writer:  # another process, as far as SQLite is concerned
            writer._conn().execute("UPDATE articles SET title = 'geändert'")
        with pytest.raises(StoreError, match="another process wrote to the store"):
            store.replace_contents(other, version)
    after = dump(db)
    assert after["statements"] == before["statements"] and after["articles"][0][5] == "geändert"


def test_two_ingests_at_once_count_what_each_stored(tmp_path: Path) -> None:
    src = _jsonl(tmp_path, 30)
    db = tmp_path / "two.db"
    Store(db).close()
    cmd = [sys.executable, "-m", "saidwhat.cli", "ingest", str(src), "--annotations", "--db", str(db), "-q"]
    env = {**os.environ, "SAIDWHAT_INGEST_TEST_DELAY": "0.02"}
    procs = [subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE) for _ in range(2)]
    stored = skipped = 0
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
        m = re.search(r"(\d+) articles stored, \d+ statements, (\d+) skipped", err.decode())
        assert m, err.decode()
        stored += int(m.group(1))
        skipped += int(m.group(2))
    assert stored == _article_count(db) == 30 and skipped == 30


# -- workers -------------------------------------------------------------------


def _marked_pids(mark: str) -> list[int]:
    """Processes whose environment holds ``mark`` (the main process, fork server, workers)."""
    pids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if mark.encode() in (d / "environ").read_bytes():
                    stat = (d / "stat").read_text()
                    if stat.rsplit(")", 1)[1].split()[0] != "Z":  # a zombie has ended
                        pids.append(int(d.name))
            except OSError:
                continue
    return pids


def _committed_quotes(db: Path) -> set[str]:
    """The quotes a running ingest has committed so far (none before it made its tables).

    Plain SQLite, not :func:`stored_quotes`: the store may not exist yet or be half made.
    """
    if not db.exists():
        return set()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {q for (q,) in conn.execute("SELECT DISTINCT quote FROM statements")}
    except sqlite3.OperationalError:  # no tables yet, or the schema is being written
        return set()
    finally:
        conn.close()


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    src = tmp_path / "texts.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(2000):
            f.write(_line({"url": f"https://example.org/{i}", "text": f"{TEXT} Meldung {i}."}))
    mark = f"SAIDWHAT_TEST_MARK={uuid.uuid4().hex}"
    key, value = mark.split("=")
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "saidwhat.cli", "ingest", str(src), "--workers", "2", "--db", str(db), "-q"]
    proc = subprocess.Popen(cmd, env={**os.environ, key: value}, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        # main, fork server, two workers, and the first statements they extracted are stored
        while (
            (len(_marked_pids(mark)) < 4 or QUOTE not in _committed_quotes(db))
            and proc.poll() is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.1)
        assert QUOTE in _committed_quotes(db), "the workers stored no statement"
        assert proc.poll() is None and len(_marked_pids(mark)) >= 4, "the workers did not start"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 20
        while _marked_pids(mark) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _marked_pids(mark) == []
    finally:
        for pid in _marked_pids(mark):  # only what this test started
            os.kill(pid, signal.SIGKILL)


# -- --reprocess ---------------------------------------------------------------

WEBER = [
    "Die Stadt baut. „Das dauert“, sagte Weber am Montag.",
    "„Wir bauen den Hafen aus“, sagte Bürgermeisterin Anna Weber. Weber erklärte, es werde teuer.",
    "„Das ist zu teuer“, sagte Karl Weber. Weber sagte, er sei dagegen.",
    "„Das ist falsch“, sagte Merkel. Die Kanzlerin Angela Merkel sagte, man prüfe das.",
    "„Wir prüfen“, sagte Weber. Horst Merkel sagte, er warte ab.",
]
# the direct quote of each text
WEBER_QUOTES = ["„Das dauert“", QUOTE, "„Das ist zu teuer“", "„Das ist falsch“", "„Wir prüfen“"]


def test_reprocess_equals_a_fresh_ingest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Same rows and ids; surname-only speakers completed by later articles make history matter."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(_line({"url": f"https://example.org/{i}", "text": t}) for i, t in enumerate(WEBER)))
    fresh, again = tmp_path / "fresh.db", tmp_path / "again.db"
    assert run_cli("ingest", str(src), "--db", str(fresh), "-q") == 0
    assert set(WEBER_QUOTES) <= stored_quotes(fresh)
    shutil.copy(fresh, again)
    assert run_cli("ingest", "--reprocess", "--db", str(again), "-q") == 0
    assert dump(again) == dump(fresh)
    assert run_cli("ingest", "--reprocess", str(src), "--db", str(again), "-q") == 0  # with paths
    assert dump(again) == dump(fresh)
    assert "5 articles stored" in capsys.readouterr().err


def test_reprocess_keeps_an_article_whose_extraction_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import saidwhat.ingest as ingest_module
    from saidwhat.ingest import IngestResult

    src = tmp_path / "in.jsonl"
    src.write_text("".join(_line({"url": f"https://example.org/{i}", "text": t}) for i, t in enumerate(WEBER)))
    db = tmp_path / "r.db"
    assert run_cli("ingest", str(src), "--db", str(db), "-q") == 0
    assert QUOTE in stored_quotes(db)  # the statement of https://example.org/1, which must survive
    before = dump(db)
    real = ingest_module.process_item

    def fail_one(item: Any, time_limit_s: float = 0.0) -> IngestResult:
        if item.url == "https://example.org/1":
            return IngestResult(item, error="extractor failed: test")
        return real(item, time_limit_s)

    monkeypatch.setattr(ingest_module, "process_item", fail_one)
    assert run_cli("ingest", "--reprocess", "--db", str(db), "-q") == 1
    assert "extractor failed: test" in capsys.readouterr().err
    assert dump(db) == before


@pytest.mark.shared
def test_reprocess_equals_a_fresh_ingest_on_wikinews(tmp_path: Path) -> None:
    dev = need_shared(WIKINEWS / "dev")
    files = sorted(dev.glob("*.json"))[:60]
    fresh, again = tmp_path / "fresh.db", tmp_path / "again.db"
    assert run_cli("ingest", *map(str, files), "--db", str(fresh), "-q") == 0
    shutil.copy(fresh, again)
    assert run_cli("ingest", "--reprocess", "--workers", "2", "--db", str(again), "-q") == 0
    a, b = dump(fresh), dump(again)
    assert len(a["articles"]) == 60 and len(a["speakers"]) > 60
    assert a == b
