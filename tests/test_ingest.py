"""``saidwhat ingest`` end to end, through the CLI, on own fixtures."""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED_TEXT, need_shared, stored_quotes
from saidwhat.cli import main
from saidwhat.store import Store

FIX = Path(__file__).parent / "fixtures" / "ingest"


def run_cli(*args: str) -> int:
    return main(list(args))


def test_fixture_variant_of_the_seed_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Own text: ingested twice, statements once; one speaker per person."""
    db = str(tmp_path / "f.db")
    files = [str(FIX / "nato-1.json"), str(FIX / "nato-2.json")]
    assert run_cli("ingest", *files, "--annotations", "--db", db, "-q") == 0
    assert run_cli("ingest", *files, "--annotations", "--db", db, "-q") == 0
    err = capsys.readouterr().err
    assert "0 articles stored" in err and "2 skipped" in err
    with Store(db, readonly=True) as s:
        assert s.stats()["articles"] == 2 and s.stats()["statements"] == 7
        names = {x["name"]: x["n_statements"] for x in s.speakers()}
        # "Maria Lindqvist", "Lindqvist", "Sie"(entity), "Generalsekretärin Lindqvist",
        # "Bündnis-Generalsekretärin Lindqvist" are one; Peter Lindqvist is another.
        assert names == {"Maria Lindqvist": 5, "Tomas Berg": 1, "Peter Lindqvist": 1}
        maria = next(x for x in s.speakers() if x["name"] == "Maria Lindqvist")
        assert {"Lindqvist", "Generalsekretärin Lindqvist"} <= set(maria["aliases"])
        dated = {h["quote"]: (h["said_on"], h["published"]) for h in s.search_statements(limit=50)}
        assert dated["das Bündnis werde geschlossen handeln"] == ("2023-02-27", "2023-03-02")  # am Montag
        assert dated["er unterstütze den Plan"] == ("2023-03-01", "2023-03-02")  # gestern
        assert dated["„Wir dürfen nicht nachlassen“"] == ("2023-02-24", "2023-03-10")  # am 24. Februar
        assert dated["vor einer Eskalation"][0] == "2022"  # im vergangenen Jahr


@pytest.mark.shared
def test_seed_twice_one_stoltenberg(tmp_path: Path) -> None:
    """The seed article through the real extractor: once, Stoltenberg one speaker."""
    seed = need_shared(SEED_TEXT)
    db = str(tmp_path / "seed.db")
    for _ in range(2):
        assert run_cli("ingest", str(seed), "--published", "2023-02-23", "--db", db, "-q") == 0
    with Store(db, readonly=True) as s:
        n = s.stats()["statements"]
        assert s.stats()["articles"] == 1 and n > 0
        hits = s.search_statements(limit=1000)
        assert len(hits) == n
        stolt = {h["speaker_id"] for h in hits if "stoltenberg" in f"{h['speaker']} {h['speaker_name']}".lower()}
        assert len(stolt) == 1
        sp = s.speaker(stolt.pop())
        assert sp is not None and sp["name"] == "Stoltenberg"
        assert all("Stoltenberg" in a or "NATO" in a for a in sp["aliases"])


def test_corrupt_jsonl_line_is_reported_rest_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    rc = run_cli("ingest", str(FIX / "corrupt.jsonl"), "--db", db, "-q")
    err = capsys.readouterr().err
    assert rc == 1
    assert f"{FIX / 'corrupt.jsonl'}:2: malformed JSON" in err
    assert f"{FIX / 'corrupt.jsonl'}:3: no 'text' or 'html'" in err
    assert "2 articles stored" in err and "2 failed" in err
    with Store(db, readonly=True) as s:
        assert s.stats()["articles"] == 2
        ids = [h["article_id"] for h in s.search_statements(limit=100)]
        urls = {s.article(a)["url"] for a in ids}  # type: ignore[index]
        assert urls == {"https://example.org/news/1", "https://example.org/news/2"}  # both stored have statements


def test_jsonl_metadata_and_idempotence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "j.db")
    assert run_cli("ingest", str(FIX / "articles.jsonl"), "--db", db, "-q") == 0
    with Store(db, readonly=True) as s:
        before = s.stats()
        assert before["articles"] == 3
        art = next(
            a for a in (s.article(h["article_id"]) for h in s.search_statements(limit=100)) if a and a["ext_id"] == "a1"
        )
        assert art["url"] == "https://example.org/news/1" and art["title"] == "Stadtrat beschließt Haushalt"
        assert art["published"] == "2024-05-16" and art["source"] == "Beispielzeitung"
    assert run_cli("ingest", str(FIX / "articles.jsonl"), "--db", db, "-q") == 0
    assert "3 skipped" in capsys.readouterr().err
    with Store(db, readonly=True) as s:
        assert s.stats() == before


def test_reprocess_replaces_statements(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "r.db")
    # Gold annotations first, then re-extract with the current extractor.
    assert run_cli("ingest", str(FIX / "nato-1.json"), "--annotations", "--db", db, "-q") == 0
    with Store(db, readonly=True) as s:
        aid = s.search_statements()[0]["article_id"]
        assert s.article(aid)["extractor"] == "annotations"  # type: ignore[index]
    assert run_cli("ingest", "--reprocess", "--db", db, "-q") == 0
    assert "1 articles stored" in capsys.readouterr().err
    with Store(db, readonly=True) as s:
        a = s.article(aid)
        assert a is not None and a["extractor"].startswith("saidwhat ")
        assert s.stats()["articles"] == 1
        assert s.stats()["statements"] == len(a["statements"])
    assert "„Wir bleiben zusammen, was auch geschieht“" in stored_quotes(db)  # found again by the extractor


def test_folder_recursive_with_html(tmp_path: Path) -> None:
    sub = tmp_path / "in" / "deep"
    sub.mkdir(parents=True)
    (sub / "page.html").write_bytes((FIX / "page.html").read_bytes())
    (tmp_path / "in" / "a.txt").write_text('"Wir bauen aus", sagte Lena Vogt am Dienstag.', encoding="utf-8")
    (tmp_path / "in" / "ignored.png").write_bytes(b"\x89PNG")
    db = str(tmp_path / "h.db")
    assert run_cli("ingest", str(tmp_path / "in"), "--db", db, "-q") == 0
    with Store(db, readonly=True) as s:
        assert s.stats()["articles"] == 2
        page = next(a for a in (s.article(i) for i in s.article_ids()) if a and a["title"] == "Hafen wird ausgebaut")
        assert "Startseite" not in page["text"] and "Impressum" not in page["text"]
        assert "Wir investieren in die Zukunft der Region" in page["text"]
        assert page["published"] == "2024-04-03"
    assert {"„Wir investieren in die Zukunft der Region“", '"Wir bauen aus"'} <= stored_quotes(db)


class _BrokenTrafilatura:
    """An import hook standing for a trafilatura that is installed but cannot import
    (justext without lxml_html_clean, as a fresh install with an old pip left it)."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")


def test_html_without_working_trafilatura_names_the_import_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes((FIX / "page.html").read_bytes())
    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_BrokenTrafilatura(), *sys.meta_path])
    assert run_cli("ingest", str(page), "--db", str(tmp_path / "t.db"), "-q") == 1
    err = capsys.readouterr().err
    assert str(page) in err
    assert "reading HTML needs trafilatura (lxml.html.clean module is now a separate project" in err


def test_warc(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    html = (FIX / "page.html").read_bytes()
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=True)
        for i, (ctype, body) in enumerate([("text/html; charset=utf-8", html), ("image/png", b"\x89PNG")]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(
                f"https://example.org/{i}", "response", payload=io.BytesIO(body), http_headers=headers
            )
            w.write_record(rec)
    db = str(tmp_path / "w.db")
    assert run_cli("ingest", str(path), "--db", db, "-q") == 0
    with Store(db, readonly=True) as s:
        assert s.stats()["articles"] == 1
        a = s.article(s.article_ids()[0])
        assert a is not None and a["url"] == "https://example.org/0"
    assert "„Wir investieren in die Zukunft der Region“" in stored_quotes(db)
    # Not a WARC at all: reported, non-zero.
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(gzip.compress(b"this is no warc"))
    assert run_cli("ingest", str(bad), "--db", db, "-q") == 1


def test_stdin_jsonl_and_text(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    env_cmd = [sys.executable, "-m", "saidwhat.cli", "ingest", "-", "--db", db, "-q"]
    data = (FIX / "articles.jsonl").read_bytes()
    p = subprocess.run(env_cmd, input=data, capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    p = subprocess.run(env_cmd, input=b'"Das geht", sagte Anna Weber.', capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    with Store(db, readonly=True) as s:
        assert s.stats()["articles"] == 4
    assert {"„Das ist ein guter Tag für die Stadt“", '"Das geht"'} <= stored_quotes(db)


def test_spark_folder_without_loader_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "spark-out"
    out.mkdir()
    (out / "_saidwhat_spark").write_text("")
    monkeypatch.setitem(sys.modules, "saidwhat.spark.load", None)  # import fails as if absent
    rc = run_cli("ingest", str(out), "--db", str(tmp_path / "sp.db"), "-q")
    assert rc == 1
    assert "saidwhat.spark.load is not available" in capsys.readouterr().err


def test_spark_folder_with_loader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from saidwhat.corpus import corpus_article

    gold = corpus_article(json.loads((FIX / "nato-1.json").read_text(encoding="utf-8")))
    fake = types.ModuleType("saidwhat.spark.load")
    fake.iter_articles = lambda path: iter([gold])  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "saidwhat.spark.load", fake)
    out = tmp_path / "spark-out"
    out.mkdir()
    (out / "_saidwhat_spark").write_text("")
    db = str(tmp_path / "sp.db")
    assert run_cli("ingest", str(out), "--db", db, "-q") == 0
    with Store(db, readonly=True) as s:
        assert s.stats()["statements"] == 4  # stored as given, not re-extracted
        assert s.article(s.article_ids()[0])["extractor"] == "spark"  # type: ignore[index]


def test_missing_file_and_bad_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "m.db")
    assert run_cli("ingest", str(tmp_path / "nope.jsonl"), "--db", db, "-q") == 1
    assert "nope.jsonl: no such file" in capsys.readouterr().err
    assert run_cli("ingest", str(FIX / "articles.jsonl"), "--db", db, "--workers", "0") == 1
    assert "--workers" in capsys.readouterr().err


def test_workers_give_the_same_database(tmp_path: Path) -> None:
    from test_ingest_crash import dump

    a, b = str(tmp_path / "w1.db"), str(tmp_path / "w2.db")
    assert run_cli("ingest", str(FIX), "--annotations", "--db", a, "-q") == 1  # corrupt.jsonl fails
    assert run_cli("ingest", str(FIX), "--annotations", "--db", b, "-q", "--workers", "2") == 1
    assert dump(a) == dump(b)
    assert "„Das ist ein guter Tag für die Stadt“" in stored_quotes(b)  # extracted from articles.jsonl


def test_search_speakers_stats_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.db")
    run_cli("ingest", str(FIX / "nato-1.json"), str(FIX / "nato-2.json"), "--annotations", "--db", db, "-q")
    capsys.readouterr()
    assert run_cli("search", "Bündnis", "--db", db, "--format", "json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] >= 1 and all("Bündnis" in r["quote"] or "Bündnis" in r["speaker"] for r in out["items"])
    assert run_cli("search", "--speaker", "Lindqvist", "--kind", "direct", "--db", db) == 0
    assert "3 of 3 statements" in capsys.readouterr().out  # Maria and Peter
    assert run_cli("search", "--since", "bad", "--db", db) == 1
    assert "not a date" in capsys.readouterr().err
    assert run_cli("speakers", "--top", "2", "--db", db) == 0
    assert "Maria Lindqvist" in capsys.readouterr().out
    assert run_cli("stats", "--json", "--db", db) == 0
    assert json.loads(capsys.readouterr().out)["statements"] == 7
    for fmt in ("jsonl", "csv", "parquet"):
        out_path = tmp_path / f"out.{fmt}"
        assert run_cli("export", "--format", fmt, str(out_path), "--db", db) == 0
        assert out_path.exists() and not Path(str(out_path) + ".part").exists()
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 7
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "out.parquet").num_rows == 7
    assert run_cli("stats", "--db", str(tmp_path / "none.db")) == 1


def test_default_db_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAIDWHAT_DB", str(tmp_path / "env.db"))
    assert run_cli("ingest", str(FIX / "nato-1.json"), "--annotations", "-q") == 0
    assert sqlite3.connect(tmp_path / "env.db").execute("SELECT count(*) FROM articles").fetchone()[0] == 1
