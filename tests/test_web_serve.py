"""``saidwhat serve`` as a process, and the response cache noticing database changes."""

from __future__ import annotations

import functools
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from fastapi.testclient import TestClient  # noqa: E402

from saidwhat.cli import main  # noqa: E402
from saidwhat.commands.serve import is_loopback  # noqa: E402
from saidwhat.lang.de.samples import ANNOTATED, annotated_article, sample_store  # noqa: E402
from saidwhat.store import Store  # noqa: E402
from saidwhat.web import create_app  # noqa: E402
from saidwhat.web.cache import ResponseCache  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str, host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store.db"
    sample_store(path)
    return path


def test_serve_process_binds_loopback_read_only(db: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    before = db.stat().st_mtime_ns
    proc = subprocess.Popen(
        [sys.executable, "-m", "saidwhat.cli", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, headers, body = get(f"http://127.0.0.1:{port}/api/stats")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stderr.read().decode() if proc.stderr else "no server") from None
                time.sleep(0.2)
        assert status == 200 and json.loads(body)["statements"] > 0
        assert "server" not in {k.lower() for k in headers}  # no version banner
        status, _, body = get(f"http://127.0.0.1:{port}/api/statements?query=Personal")
        assert status == 200 and json.loads(body)["total"] == 2  # "Personal" and "Pflegepersonal"
        status, _, body = get(f"http://127.0.0.1:{port}/")
        assert status == 200 and b"/static/app.js" in body
        # a foreign Host header (DNS rebinding) is refused
        status, _, body = get(f"http://127.0.0.1:{port}/api/stats", host="evil.example")
        assert status == 400 and json.loads(body) == {"error": "invalid Host header"}
        # bound to loopback only
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(1)
            ip = _non_loopback_ip()
            if ip:
                assert s.connect_ex((ip, port)) != 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert db.stat().st_mtime_ns == before


def _non_loopback_ip() -> str | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent for UDP connect
            ip = str(s.getsockname()[0])
            return None if ip.startswith("127.") else ip
    except OSError:
        return None


def test_serve_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("saidwhat: error:") and "missing.db" in err and "Traceback" not in err
    assert main(["serve", "--db", str(tmp_path / "missing.db"), "--port", "70000"]) == 1


def test_is_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2") and not is_loopback("example.org")


def test_cache_serves_hits_and_notices_a_changed_database(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    sample_store(path)
    reader = Store(path, readonly=True)
    # the sample articles' extracted statements besides the one annotated (not extracted) article's
    assert reader.stats()["statements"] > len(annotated_article().statements)
    app = create_app(reader, cache_entries=100)
    app.state.cache.check_every = 0.0
    app.state.front_cache.check_every = 0.0
    with TestClient(app) as c:
        first = c.get("/api/statements", params={"speaker": "Lenz"})
        assert first.headers["x-cache"] == "miss"
        again = c.get("/api/statements", params={"speaker": "Lenz"})
        assert again.headers["x-cache"] == "hit" and again.json() == first.json()
        n = first.json()["total"]
        # an ingest next to the server: the cached answer must not outlive it
        extra = annotated_article()
        with Store(path) as writer:
            writer.add_article(extra, url=ANNOTATED.url + "?2", title="Noch einmal")
        time.sleep(0.01)
        after = c.get("/api/statements", params={"speaker": "Lenz"})
        assert after.headers["x-cache"] == "miss" and after.json()["total"] == n + 1
        # errors are never cached; hits still carry the security headers
        assert c.get("/api/speakers/99999").status_code == 404
        assert c.get("/api/speakers/99999").headers.get("x-cache") != "hit"
        hit = c.get("/api/statements", params={"speaker": "Lenz"})
        assert hit.headers["x-cache"] == "hit" and "default-src 'self'" in hit.headers["content-security-policy"]
    reader.close()


def test_cache_bounds_and_single_flight() -> None:
    cache = ResponseCache(None, max_entries=3)
    calls: list[int] = []

    def number(i: int) -> bytes:
        calls.append(i)
        return str(i).encode()

    for i in range(5):
        assert cache.get_or_compute(i, functools.partial(number, i)) == str(i).encode()
    assert calls == [0, 1, 2, 3, 4]  # each key computed once
    assert len(cache) == 3 and cache.peek(0) is None and cache.peek(4) == b"4"
    off = ResponseCache(None, max_entries=0)
    assert off.get_or_compute("k", lambda: b"x") == b"x" and off.peek("k") is None

    import threading

    slow = ResponseCache(None, max_entries=10)
    started = threading.Event()
    computed = []

    def compute() -> bytes:
        computed.append(1)
        started.set()
        time.sleep(0.2)
        return b"body"

    results: list[bytes] = []
    threads = [threading.Thread(target=lambda: results.append(slow.get_or_compute("q", compute))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [b"body"] * 8 and computed == [1]
