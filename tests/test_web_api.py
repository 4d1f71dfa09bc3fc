"""The HTTP API (FastAPI TestClient) over a real SQLite store built from fixtures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from saidwhat.commands.options import FILTERS  # noqa: E402
from saidwhat.lang.de.samples import HOSTILE, XSS_ATTR, XSS_SCRIPT, sample_store  # noqa: E402
from saidwhat.store import Store  # noqa: E402
from saidwhat.web import MAX_BODY_BYTES, MAX_EXTRACT_CHARS, create_app  # noqa: E402
from saidwhat.web.app import SECURITY_HEADERS  # noqa: E402

STATIC = Path(__file__).resolve().parents[1] / "src" / "saidwhat" / "web" / "static"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("web") / "store.db"
    ids = sample_store(path)
    from saidwhat.pipeline import extract

    with Store(path) as store:
        hostile = extract(HOSTILE.text, published=HOSTILE.published)
        ids.append(store.add_article(hostile, url=HOSTILE.url, title=HOSTILE.title, source=HOSTILE.source))
    return path, ids


@pytest.fixture(scope="module")
def store(db: tuple[Path, list[str]]) -> Iterator[Store]:
    s = Store(db[0], readonly=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as c:
        yield c


def assert_secure(r: Any) -> None:
    for name, value in SECURITY_HEADERS:
        assert r.headers.get(name.decode()) == value.decode(), name
    assert "default-src 'self'" in r.headers["content-security-policy"]


def assert_json_error(r: Any, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = r.json()
    assert isinstance(body.get("error"), str) and body["error"]
    assert "Traceback" not in r.text and 'File "' not in r.text
    assert_secure(r)
    return body


# ---------------------------------------------------------------- reading


def test_openapi_document_lists_the_api(client: TestClient) -> None:
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    for p in ("/api/statements", "/api/speakers", "/api/speakers/{speaker_id}", "/api/articles/{article_id}"):
        assert "get" in paths[p]
    assert "post" in paths["/api/extract"]
    params = {p["name"] for p in paths["/api/statements"]["get"]["parameters"]}
    assert params == {*FILTERS, "limit", "offset"}
    # Swagger UI / ReDoc would load from a CDN: not served.
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_statements_lists_everything_with_total(client: TestClient, store: Store) -> None:
    r = client.get("/api/statements", params={"limit": 3})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == store.count_statements() > 3
    assert len(body["items"]) == 3 and body["limit"] == 3 and body["offset"] == 0
    item = body["items"][0]
    for key in ("id", "article_id", "article_title", "published", "kind", "quote", "speaker", "cue", "spans"):
        assert key in item
    page2 = client.get("/api/statements", params={"limit": 3, "offset": 3}).json()
    assert {i["id"] for i in page2["items"]}.isdisjoint({i["id"] for i in body["items"]})


def test_statements_filters(client: TestClient) -> None:
    r = client.get("/api/statements", params={"query": "Patienten"}).json()
    assert r["total"] == 1 and "Patienten" in r["items"][0]["quote"]
    r = client.get("/api/statements", params={"speaker": "Berger"}).json()
    assert r["total"] >= 2 and all(i["speaker_name"] == "Anna Berger" for i in r["items"])
    r = client.get("/api/statements", params={"kind": "indirect"}).json()
    assert r["total"] >= 2 and all(i["kind"] == "indirect" for i in r["items"])
    r = client.get("/api/statements", params={"since": "2024-04-01", "until": "2024-04-30"}).json()
    assert r["total"] >= 1 and all("2024-04-01" <= i["published"] <= "2024-04-30" for i in r["items"])
    r = client.get("/api/statements", params={"query": "", "speaker": " "}).json()  # blank = no filter
    assert r["total"] > 5
    r = client.get("/api/statements", params={"query": "Wortdasesnichtgibt"}).json()
    assert r == {"items": [], "total": 0, "limit": 20, "offset": 0}


@pytest.mark.parametrize(
    "query",
    [
        "' OR 1=1 --",
        '"; DROP TABLE statements; --',
        'NEAR(a b) AND "',
        "*",
        "Wir*",
        XSS_SCRIPT,
        XSS_ATTR,
        "javascript:alert(1)",
        "%00\\",
    ],
)
def test_hostile_queries_are_just_words(client: TestClient, query: str) -> None:
    for params in ({"query": query}, {"speaker": query}):
        r = client.get("/api/statements", params=params)
        assert r.status_code == 200, r.text
        assert isinstance(r.json()["total"], int)
    assert client.get("/api/speakers", params={"query": query}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 1000},
        {"offset": -1},
        {"since": "gestern"},
        {"until": "2024-13-01"},
        {"kind": "gossip"},
        {"query": "x" * 201},
        {"since": "2024-05-01", "until": "2024-04-01"},
    ],
)
def test_bad_parameters_are_422_json(client: TestClient, params: dict[str, Any]) -> None:
    body = assert_json_error(client.get("/api/statements", params=params), 422)
    assert body["error"].startswith("invalid " + ("until" if "until" in params else next(iter(params))))


def test_speakers_and_speaker_page(client: TestClient) -> None:
    items = client.get("/api/speakers").json()["items"]
    berger = next(s for s in items if s["name"] == "Anna Berger")
    assert berger["n_statements"] >= 2 and sum(berger["by_kind"].values()) == berger["n_statements"]
    r = client.get(f"/api/speakers/{berger['id']}")
    assert r.status_code == 200
    detail = r.json()
    assert detail["name"] == "Anna Berger"
    dates = [s["published"] for s in detail["statements"]]
    assert dates == sorted(dates) and len(dates) == berger["n_statements"]
    assert all(s["speaker_id"] == berger["id"] for s in detail["statements"])
    assert client.get("/api/speakers", params={"query": "lenz"}).json()["items"][0]["name"] == "Karl Lenz"


def test_unknown_things_are_404_json(client: TestClient) -> None:
    assert_json_error(client.get("/api/speakers/999999"), 404)
    assert_json_error(client.get("/api/articles/nope"), 404)
    assert_json_error(client.get("/api/nothing-here"), 404)
    assert_json_error(client.get("/api/speakers/abc"), 422)
    assert_json_error(client.get("/static/nope.js"), 404)


def test_article_has_text_and_spans_that_point_into_it(client: TestClient, db: tuple[Path, list[str]]) -> None:
    for aid in db[1]:
        r = client.get(f"/api/articles/{aid}")
        assert r.status_code == 200
        art = r.json()
        assert art["id"] == aid and art["text"]
        for st in art["statements"]:
            for role in ("quote", "speaker", "cue", "addressee"):
                spans = st["spans"][role]
                assert " … ".join(art["text"][b:e] for b, e in spans) == st[role]


def test_hostile_article_comes_back_verbatim_as_json(client: TestClient, db: tuple[Path, list[str]]) -> None:
    r = client.get(f"/api/articles/{db[1][-1]}")
    assert r.headers["content-type"] == "application/json"
    art = r.json()
    assert art["title"] == HOSTILE.title and art["url"] == HOSTILE.url and art["source"] == HOSTILE.source
    assert XSS_SCRIPT in art["text"]
    assert_secure(r)


def test_stats(client: TestClient, store: Store) -> None:
    s = client.get("/api/stats").json()
    assert s["statements"] == store.count_statements() and s["articles"] >= 6


# ---------------------------------------------------------------- extract


def test_extract_returns_statements_with_spans(client: TestClient) -> None:
    text = '"Wir bauen die Brücke neu", sagte die Bürgermeisterin am Montag.'
    r = client.post("/api/extract", json={"text": text, "published": "2024-03-04"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["text"] == text and body["published"] == "2024-03-04" and body["lang"] == "de"
    assert body["statements"], body
    st = body["statements"][0]
    b, e = st["spans"]["quote"][0]
    assert text[b:e] == st["quote"] and "Brücke" in st["quote"]
    assert_secure(r)


def test_extract_limits_are_413_json(client: TestClient) -> None:
    body = assert_json_error(client.post("/api/extract", json={"text": "a" * (MAX_EXTRACT_CHARS + 1)}), 413)
    assert str(MAX_EXTRACT_CHARS) in body["error"]
    big = json.dumps({"text": "a" * (MAX_BODY_BYTES + 10)})
    r = client.post("/api/extract", content=big, headers={"content-type": "application/json"})
    assert "too large" in assert_json_error(r, 413)["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"a" * 65536
        yield b'"}'

    r = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert_json_error(r, 413)


def test_extract_bad_requests(client: TestClient) -> None:
    assert_json_error(client.post("/api/extract", content=b"text=hi", headers={"content-type": "text/plain"}), 415)
    assert_json_error(
        client.post("/api/extract", content=b"{not json", headers={"content-type": "application/json"}), 422
    )
    assert_json_error(client.post("/api/extract", json={"txt": "x"}), 422)
    assert_json_error(client.post("/api/extract", json={"text": "x", "lang": "fr"}), 422)
    assert_json_error(client.post("/api/extract", json={"text": "x", "published": "bald"}), 422)
    assert_json_error(client.post("/api/statements", json={}), 405)


# ---------------------------------------------------------------- errors, headers


class _BrokenStore:
    """Every query fails the way a bug would, with internals in the message."""

    def __getattr__(self, name: str) -> Any:
        def fail(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("secret internals: /srv/db password=hunter2")

        return fail


def test_internal_error_is_json_500_without_traceback() -> None:
    app = create_app(_BrokenStore())

    def broken_extract(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("division by zero in secret_module.py")

    app_x = create_app(_BrokenStore(), extract_fn=broken_extract)
    with TestClient(app) as c, TestClient(app_x) as cx:
        for r in (
            c.get("/api/statements"),
            c.get("/api/speakers"),
            c.get("/api/speakers/1"),
            c.get("/api/articles/x"),
            c.get("/api/stats"),
            cx.post("/api/extract", json={"text": "Hallo"}),
        ):
            body = assert_json_error(r, 500)
            assert body == {"error": "internal server error"}
            assert "secret" not in r.text and "hunter2" not in r.text and "Error" not in r.text


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/static/app.js", "/static/app.css", "/api/statements", "/api/openapi.json"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert_secure(r)
    assert client.get("/").headers["content-type"].startswith("text/html")
    assert client.get("/static/app.js").headers["content-type"].split(";")[0] in (
        "text/javascript",
        "application/javascript",
    )


def test_host_header_check(store: Store) -> None:
    app = create_app(store, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as ok:
        assert ok.get("/api/stats").status_code == 200
    with TestClient(app, base_url="http://localhost") as ok:
        assert ok.get("/api/stats").status_code == 200
    with TestClient(app, base_url="http://evil.example:8000") as bad:
        assert_json_error(bad.get("/api/stats"), 400)


# ---------------------------------------------------------------- the page's sources


def test_page_is_self_contained_and_builds_dom_safely() -> None:
    html = (STATIC / "index.html").read_text()
    js = (STATIC / "app.js").read_text()
    css = (STATIC / "app.css").read_text()
    for source in (html, js, css):
        assert "http://" not in source.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in source and "//cdn" not in source
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js, sink
    assert "<script>" not in html and "onclick" not in html and "style=" not in html


def test_extract_refuses_an_unregistered_language(client: TestClient) -> None:
    body = assert_json_error(client.post("/api/extract", json={"text": "„Yes“, he said.", "lang": "xx"}), 422)
    assert "'xx'" in body["error"] and "de (German)" in body["error"]


def test_languages_lists_the_registry(client: TestClient) -> None:
    r = client.get("/api/languages")
    assert r.status_code == 200
    assert r.json() == {"languages": [{"code": "de", "name": "German"}, {"code": "en", "name": "English"}]}
