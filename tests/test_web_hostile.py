"""Hostile values against every endpoint, request limits, consistent paging, no file paths in answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from saidwhat.lang.de.samples import ANNOTATED, annotated_article, sample_store  # noqa: E402
from saidwhat.store import SQLITE_MAX_INT, Store  # noqa: E402
from saidwhat.web import MAX_HEADER_BYTES, create_app  # noqa: E402
from saidwhat.web.app import MAX_URL_BYTES  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

# The first two statements the API lists from sample_store() (newest day first,
# then the last stored): what the extractor finds in the newest sample, Hochwasser.
NEWEST_QUOTES = ['"Die Kosten müssen offen auf den Tisch"', '"Wir können uns keine weiteren Verzögerungen leisten"']

# Values a fuzzer or a careless client sends: huge and negative numbers, digits
# that are not ASCII, blanks, control characters, very long text, impossible dates.
HOSTILE = (
    "²",
    "٣",
    "１２",
    str(SQLITE_MAX_INT + 1),
    str(SQLITE_MAX_INT),
    "-1",
    str(-(SQLITE_MAX_INT + 2)),
    "1e3",
    "0x10",
    "1_000",
    "",
    " ",
    "abc",
    "\x00",
    "x" * 5000,
    "2024-02-30",
    "0000-01-01",
    "99999-01-01",
    "NaN",
    "+5",
    "\u202e",
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "store.db"
    sample_store(path)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    store = Store(db, readonly=True)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c
    store.close()


def assert_client_error(r: Any, db: Path) -> dict[str, Any]:
    """A 4xx JSON answer with a message; never a 500, never the database's path."""
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = r.json()
    assert isinstance(body["error"], str) and body["error"]
    assert str(db) not in r.text and str(db.parent) not in r.text
    return body


def assert_answered(r: Any, db: Path) -> None:
    """200 or a 4xx JSON error."""
    if r.status_code == 200:
        assert str(db.parent) not in r.text
    else:
        assert_client_error(r, db)


# ---------------------------------------------------------------- the reported cases


def test_speaker_that_looks_like_a_number_is_never_a_500(client: TestClient, db: Path) -> None:
    # "²".isdigit() is True but int("²") fails: it is a name here, and matches nobody.
    r = client.get("/api/statements", params={"speaker": "²"})
    assert r.status_code == 200 and r.json()["total"] == 0
    # one past SQLite's largest integer: no such id can exist; the answer says why, with the value
    body = assert_client_error(client.get("/api/statements", params={"speaker": str(SQLITE_MAX_INT + 1)}), db)
    assert body["error"].startswith("invalid speaker") and str(SQLITE_MAX_INT + 1) in body["error"]
    r = client.get("/api/statements", params={"speaker": str(SQLITE_MAX_INT)})
    assert r.status_code == 200 and r.json()["total"] == 0


def test_extract_with_a_lone_surrogate_is_422(client: TestClient, db: Path) -> None:
    raw = b'{"text": "Er sagte \\ud800 gut."}'  # valid JSON, not valid Unicode text
    r = client.post("/api/extract", content=raw, headers={"content-type": "application/json"})
    body = assert_client_error(r, db)
    assert r.status_code == 422 and body["error"].startswith("invalid text") and "surrogate" in body["error"]
    assert "U+D800" in body["error"]


def test_stats_do_not_show_the_database_path(client: TestClient, db: Path) -> None:
    r = client.get("/api/stats")
    assert r.status_code == 200 and r.json()["statements"] > 0
    assert "path" not in r.json() and str(db) not in r.text and db.name not in r.text


def test_store_errors_do_not_show_the_path(tmp_path: Path) -> None:
    path = tmp_path / "gone.db"
    sample_store(path, samples=())  # the hand-annotated article only, no extraction: this tests the file's path
    store = Store(path, readonly=True)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        os.remove(path)  # a new thread's connection now fails to open, naming the file
        store.close()
        r = c.get("/api/statements")
        assert r.status_code in (200, 503), r.text
        assert str(tmp_path) not in r.text and "gone.db" not in r.text


def test_bad_values_echo_the_value(client: TestClient, db: Path) -> None:
    cases = {
        ("/api/statements", "limit", "abc"): "'abc'",
        ("/api/statements", "offset", "-1"): "-1",
        ("/api/statements", "since", "2024-02-30"): "2024-02-30",
        ("/api/statements", "kind", "gossip"): "gossip",
        ("/api/speakers", "limit", "٣"): "'٣'",
    }
    for (path, name, value), echo in cases.items():
        body = assert_client_error(client.get(path, params={name: value}), db)
        assert body["error"].startswith(f"invalid {name}:") and echo in body["error"], body
    body = assert_client_error(client.get("/api/speakers/²"), db)
    assert body["error"].startswith("invalid speaker_id") and "²" in body["error"]


@pytest.mark.parametrize("value", HOSTILE)
def test_every_parameter_of_every_endpoint_survives(client: TestClient, db: Path, value: str) -> None:
    for name in ("query", "speaker", "since", "until", "kind", "limit", "offset"):
        assert_answered(client.get("/api/statements", params={name: value}), db)
    for name in ("query", "limit", "offset"):
        assert_answered(client.get("/api/speakers", params={name: value}), db)
    if value.strip() and "\x00" not in value:  # not a URL path segment otherwise
        assert_answered(client.get(f"/api/speakers/{value}"), db)
        assert_answered(client.get(f"/api/articles/{value}"), db)
    for body in ({"text": "Er sagte, es sei gut.", "published": value}, {"text": "x", "lang": value}):
        assert_client_error(client.post("/api/extract", json=body), db)


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF", "%00", "%C0%AF", "%EF%BF%BF"])
def test_undecodable_bytes_in_the_url(client: TestClient, db: Path, raw: str) -> None:
    for name in ("query", "speaker", "since", "kind", "limit"):
        assert_answered(client.get(f"/api/statements?{name}={raw}"), db)
    assert_answered(client.get(f"/api/speakers?query={raw}"), db)
    assert_answered(client.get(f"/api/speakers/{raw}"), db)
    assert_answered(client.get(f"/api/articles/{raw}"), db)


# ---------------------------------------------------------------- limits


def test_header_and_url_limits(client: TestClient, db: Path) -> None:
    r = client.get("/api/stats", headers={"x-filler": "a" * (8 * 1024 * 1024)})  # the reported 8 MB header
    body = assert_client_error(r, db)
    assert r.status_code == 431 and str(MAX_HEADER_BYTES) in body["error"]
    many = {f"x-h{i}": "b" * 1000 for i in range(MAX_HEADER_BYTES // 1000 + 1)}  # many small ones add up
    assert client.get("/api/stats", headers=many).status_code == 431
    assert client.get("/api/stats", headers={"x-filler": "a" * 1000}).status_code == 200
    r = client.get("/api/statements", params={"query": "a" * (MAX_URL_BYTES + 1)})
    assert r.status_code == 414 and str(MAX_URL_BYTES) in assert_client_error(r, db)["error"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _read_answer(conn: socket.socket) -> bytes:
    """One HTTP answer with a Content-Length (keep-alive: the server does not hang up)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(
        next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length"))
    )
    while len(body) < length:
        body += conn.recv(65536)
    return head + b"\r\n\r\n" + body


def test_served_process_stops_reading_an_oversized_header(db: Path) -> None:
    """``saidwhat serve`` answers and hangs up while the header is still arriving (it never holds it whole)."""
    pytest.importorskip("uvicorn")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "saidwhat.cli", "serve", "--db", str(db), "--port", str(port), "--log-level", "error"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = socket.create_connection(("127.0.0.1", port), timeout=10)
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        with conn:
            # A little over the limit: the app's own JSON answer.
            conn.sendall(
                b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + b"a" * MAX_HEADER_BYTES + b"\r\n\r\n"
            )
            head, _, body = _read_answer(conn).partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 431") and b"request headers too large" in body, head
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            # Four times the limit, and no blank line: the request is not complete.
            conn.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + b"a" * (4 * MAX_HEADER_BYTES))
            answer = b""
            try:
                while chunk := conn.recv(65536):  # an unlimited parser would wait for the rest: a timeout
                    answer += chunk
            except ConnectionResetError:
                pass  # it hung up with our bytes unread: refused as well
        assert not answer or answer.startswith(b"HTTP/1.1 4"), answer[:200]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_without_httptools_serve_uses_h11_with_the_same_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from saidwhat.web.protocol import HEAD_LIMIT_BYTES, HeadLimitedHttpTools, uvicorn_http_options

    pytest.importorskip("httptools")
    assert uvicorn_http_options() == {"http": HeadLimitedHttpTools}
    monkeypatch.setitem(sys.modules, "httptools", None)  # import httptools now raises ImportError
    assert uvicorn_http_options() == {"http": "h11", "h11_max_incomplete_event_size": HEAD_LIMIT_BYTES}


# ---------------------------------------------------------------- paging


def test_total_and_page_come_from_one_state_of_the_store(tmp_path: Path) -> None:
    """A commit between the page query and the count must not tear the page (store level)."""
    path = tmp_path / "live.db"
    sample_store(path)

    class CommitInBetween(Store):
        def search_statements(self, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
            items = super().search_statements(*args, **kwargs)
            with Store(path) as writer:  # an ingest commits right now
                writer.add_article(annotated_article(), url=ANNOTATED.url + "?again", title="Noch einmal")
            return items

    reader = CommitInBetween(path, readonly=True)
    before = reader.count_statements()
    items, total = reader.search_page(limit=2)
    assert [i["quote"] for i in items] == NEWEST_QUOTES
    assert total == before  # the count saw what the page saw
    assert reader.count_statements() > before  # and the commit did land
    reader.close()


def test_cached_pages_are_never_torn(tmp_path: Path) -> None:
    """The reported case: a total cached apart from its items, stale after an ingest (web level)."""
    path = tmp_path / "live.db"
    sample_store(path)
    reader = Store(path, readonly=True)
    app = create_app(reader, cache_entries=100)
    app.state.cache.check_every = 3600.0  # the cache does not notice the change in time
    app.state.front_cache.check_every = 3600.0
    with TestClient(app) as c:
        first = c.get("/api/statements", params={"limit": 2}).json()
        n = first["total"]
        assert [i["quote"] for i in first["items"]] == NEWEST_QUOTES and n > 2
        with Store(path) as writer:
            writer.add_article(annotated_article(), url=ANNOTATED.url + "?again", title="Noch einmal")
        later = c.get("/api/statements", params={"limit": 2, "offset": n}).json()
        assert later["items"], "the new statements are on this page"
        assert later["offset"] + len(later["items"]) <= later["total"] == reader.count_statements()
    reader.close()
