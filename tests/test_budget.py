"""The per-article time budget (saidwhat.budget) and its four callers:
annotate, ingest, serve and the Spark worker report a slow article as failed
("took longer than N s") and go on."""

from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import saidwhat.pipeline
from conftest import stored_quotes
from saidwhat.budget import ArticleTimeout, check, time_limit
from saidwhat.commands.annotate import annotate_paths
from saidwhat.ingest import ingest, process_item
from saidwhat.ingest.sources import Item
from saidwhat.model import Article
from saidwhat.pipeline import extract

TEXT = "„Wir kommen morgen“, sagte der Sprecher. Er sagte, man sei bereit."
QUOTE = "„Wir kommen morgen“"  # TEXT's direct quote: what the articles that were not slow hold


def _busy(seconds: float) -> None:
    """A pure-Python loop that never calls check(): only the alarm can stop it."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_main_thread_alarm_interrupts_a_busy_loop() -> None:
    started = time.monotonic()
    with pytest.raises(ArticleTimeout, match="took longer than 0.2 s"), time_limit(0.2):
        _busy(10)
    assert time.monotonic() - started < 5


def test_no_limit_and_a_finished_block_raise_nothing() -> None:
    with time_limit(0):
        _busy(0.05)
    with time_limit(5):
        pass
    _busy(0.05)
    check()  # the budget ended with its block


def test_inner_budget_only_shortens_the_outer_one() -> None:
    with pytest.raises(ArticleTimeout, match="0.1 s"), time_limit(30), time_limit(0.1):
        _busy(10)
    with pytest.raises(ArticleTimeout, match="0.1 s"), time_limit(0.1), time_limit(30):
        _busy(10)


def _in_thread(fn: Any) -> BaseException | None:
    raised: list[BaseException] = []

    def run() -> None:
        try:
            fn()
        except BaseException as e:  # noqa: BLE001 - handed back to the test
            raised.append(e)

    t = threading.Thread(target=run)
    t.start()
    t.join(60)
    assert not t.is_alive()
    return raised[0] if raised else None


def test_in_a_thread_the_deadline_is_cooperative() -> None:
    def spend_then_check() -> None:
        with time_limit(0.05):
            _busy(0.2)  # no signal reaches this thread
            check()

    assert isinstance(_in_thread(spend_then_check), ArticleTimeout)


def test_extract_in_a_thread_stops_at_a_stage_boundary() -> None:
    long_text = " ".join([TEXT] * 200)

    def run() -> None:
        with time_limit(1e-6):
            extract(long_text)

    assert isinstance(_in_thread(run), ArticleTimeout)
    assert _in_thread(lambda: extract(TEXT)) is None  # no budget left behind in the thread


@pytest.fixture
def slow_when_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    """``extract`` loops for a minute on a text containing LANGSAM."""
    real = saidwhat.pipeline.extract

    def maybe_slow(text: str, **kw: Any) -> Article:
        if "LANGSAM" in text:
            _busy(60)
        return real(text, **kw)

    monkeypatch.setattr(saidwhat.pipeline, "extract", maybe_slow)


@pytest.mark.usefixtures("slow_when_marked")
def test_annotate_reports_the_slow_file_and_goes_on(tmp_path: Path) -> None:
    indir, outdir = tmp_path / "in", tmp_path / "out"
    indir.mkdir()
    outdir.mkdir()
    (indir / "a.txt").write_text(TEXT, encoding="utf-8")
    (indir / "b.txt").write_text("LANGSAM " + TEXT, encoding="utf-8")
    (indir / "c.txt").write_text(TEXT, encoding="utf-8")
    paths = sorted(indir.iterdir())
    results = dict(annotate_paths(paths, outdir, "de", workers=1, time_limit_s=0.3))
    assert results[indir / "a.txt"] is None and results[indir / "c.txt"] is None
    assert results[indir / "b.txt"] == f"{indir / 'b.txt'}: took longer than 0.3 s"
    assert sorted(p.name for p in outdir.iterdir()) == ["a.json", "c.json"]
    for name in ("a.json", "c.json"):
        written = json.loads((outdir / name).read_text(encoding="utf-8"))
        assert QUOTE in [a["quote"]["text"] for a in written["annotations"]]


@pytest.mark.usefixtures("slow_when_marked")
def test_ingest_reports_the_slow_record() -> None:
    slow = process_item(Item(name="x.jsonl:2", text="LANGSAM " + TEXT), time_limit_s=0.3)
    assert slow.article is None and slow.error == "took longer than 0.3 s"
    fine = process_item(Item(name="x.jsonl:3", text=TEXT), time_limit_s=0.3)
    assert fine.article is not None and fine.article.statements


@pytest.mark.usefixtures("slow_when_marked")
def test_ingest_run_goes_on_and_counts_the_failure(tmp_path: Path) -> None:
    lines = [{"url": f"https://x.de/{k}", "text": t} for k, t in enumerate([TEXT, "LANGSAM " + TEXT, TEXT + " Ja."])]
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    errors = io.StringIO()
    summary = ingest([str(jsonl)], str(tmp_path / "s.db"), progress=False, err=errors, time_limit_s=0.3)
    assert (summary.articles, summary.failed) == (2, 1)
    assert f"skipped {jsonl}:2: took longer than 0.3 s" in errors.getvalue()
    assert QUOTE in stored_quotes(tmp_path / "s.db")


def test_serve_answers_422_and_frees_the_slot(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from saidwhat.store import Store
    from saidwhat.web import create_app

    store = Store(str(tmp_path / "empty.db"))
    tight = create_app(store, extract_time_limit_s=1e-6)  # real extract, in the server's thread pool
    with TestClient(tight) as c:
        for _ in range(3):  # more than the two slots: each timeout gave its slot back
            r = c.post("/api/extract", json={"text": " ".join([TEXT] * 50)})
            assert r.status_code == 422 and "took longer than" in r.json()["error"]
    with TestClient(create_app(store, extract_time_limit_s=60)) as c:
        r = c.post("/api/extract", json={"text": TEXT})
        assert r.status_code == 200 and r.json()["statements"]
