"""speaker_kind through the store, CLI, export, API and the annotate JSON (issue 15).
Article written for these tests."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from saidwhat.cli import main
from saidwhat.corpus import annotation_to_statement, statement_to_annotation
from saidwhat.errors import InputError
from saidwhat.model import SpeakerKind
from saidwhat.pipeline import extract
from saidwhat.store import SCHEMA_VERSION, Store

ARTICLE = (
    "Kiel (dpa) - Die Stadtwerke Kiel GmbH erhöhen die Preise. Das Unternehmen teilte mit, die Kosten seien "
    "gestiegen. Bürgermeisterin Helga Sander sagte, die Stadt prüfe Hilfen. Beobachter sagten, der Winter werde teuer."
)
KINDS = {"Kosten": "organisation", "Hilfen": "person", "Winter": "anonymous"}


def _kind_of(items: list[dict[str, object]], word: str) -> object:
    return next(i["speaker_kind"] for i in items if word in str(i["quote"]))


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "k.db")
    with Store(path) as store:
        store.add_article(extract(ARTICLE, published=date(2026, 1, 5)), title="Preise")
    return path


def test_extract_gives_each_statement_a_kind() -> None:
    statements = extract(ARTICLE).statements
    assert all(st.speaker_kind is not None for st in statements)
    for word, kind in KINDS.items():
        st = next(s for s in statements if word in s.quote_text)
        assert st.speaker_kind == SpeakerKind(kind), (word, st.speaker_kind)


def test_annotate_json_round_trip() -> None:
    art = extract(ARTICLE)
    st = next(s for s in art.statements if "Hilfen" in s.quote_text)
    ann = statement_to_annotation(st, art.text, 0)
    assert ann["speakerKind"] == "person"
    assert annotation_to_statement(ann).speaker_kind == SpeakerKind.PERSON
    assert annotation_to_statement({**ann, "speakerKind": ""}).speaker_kind is None


def test_store_keeps_and_filters_by_speaker_kind(db: str) -> None:
    with Store(db, readonly=True) as store:
        items = store.search_statements(limit=100)
        for word, kind in KINDS.items():
            assert _kind_of(items, word) == kind
        people = store.search_statements(speaker_kind="person")
        assert people and all(i["speaker_kind"] == "person" for i in people)
        assert store.count_statements(speaker_kind="PERSON") == len(people)
        with pytest.raises(InputError, match="unknown speaker kind 'robot'"):
            store.search_statements(speaker_kind="robot")
        stored = store.stored_article(items[0]["article_id"])
        assert stored is not None
        assert {st.speaker_kind for st in stored.article.statements} >= {SpeakerKind.PERSON, SpeakerKind.ANONYMOUS}


def test_a_v7_store_is_migrated_and_its_rows_read_no_kind(tmp_path: Path) -> None:
    from saidwhat.store import schema

    p = tmp_path / "v7.db"
    conn = sqlite3.connect(p)
    for step in schema.MIGRATIONS[:7]:
        for sql in step:
            if isinstance(sql, str):
                conn.execute(sql)
            else:
                sql(conn)
    conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '7')")
    conn.execute(
        "INSERT INTO articles(id, text_hash, lang, text, extractor) VALUES ('a1', 'h', 'de', 'Er sagte, es regne.', 'x')"
    )
    conn.execute(
        "INSERT INTO statements(article_id, seq, kind, medium, confidence, quote, speaker, cue, addressee, frame, "
        "quote_spans, speaker_spans, cue_spans, addressee_spans, frame_spans, speaker_names) "
        "VALUES ('a1', 0, 'indirect', 'speech', 1.0, 'es regne', 'Er', 'sagte', '', '', '[[10, 18]]', '[[0, 2]]', "
        "'[[3, 8]]', '[]', '[]', 'Er')"
    )
    conn.commit()
    conn.close()
    with Store(p) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [s["speaker_kind"] for s in store.search_statements()] == [None]
        assert store.count_statements(speaker_kind="person") == 0


def test_cli_search_and_export_by_speaker_kind(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--speaker-kind", "anonymous", "--db", db, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] >= 1 and all(i["speaker_kind"] == "anonymous" for i in out["items"])
    assert main(["search", "--speaker-kind", "robot", "--db", db]) == 1
    assert "unknown speaker kind" in capsys.readouterr().err
    every = tmp_path / "all.csv"
    assert main(["export", "--format", "csv", str(every), "--db", db]) == 0
    rows = list(csv.DictReader(every.open(encoding="utf-8")))
    assert {r["speaker_kind"] for r in rows} >= {"organisation", "person", "anonymous"}


def test_api_field_and_filter(db: str) -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from saidwhat.web import create_app

    with Store(db, readonly=True) as store, TestClient(create_app(store)) as client:
        r = client.get("/api/statements", params={"speaker_kind": "organisation"})
        assert r.status_code == 200
        items = r.json()["items"]
        assert items and all(i["speaker_kind"] == "organisation" for i in items)
        assert client.get("/api/statements", params={"speaker_kind": "robot"}).status_code == 422
        r = client.get("/api/export", params={"format": "jsonl", "speaker_kind": "person"})
        lines = [json.loads(x) for x in r.text.splitlines()]
        assert lines and all(d["speaker_kind"] == "person" for d in lines)
