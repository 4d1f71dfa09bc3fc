"""Speaker corrections (store/curation.py): the CLI, the API, and that they last.

The store is built once from tests/fixtures/ingest (Anna Weber, Karl Weber,
Jonas Brandt, Maria Lindqvist, Tomas Berg) and copied for each test.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from saidwhat.cli import main
from saidwhat.store import Store

FIX = Path(__file__).parent / "fixtures" / "ingest"
NEW_ARTICLE = {
    "id": "a4",
    "url": "https://example.org/news/4",
    "title": "Schulden",
    "published": "2024-06-03",
    "text": "Die Stadt spart. „Wir sind auf gutem Weg“, sagte Kämmerer Jonas Brandt am Montag. "
    "Beim Empfang sagte Lena Vogt, die Stadt brauche mehr Geld für Kultur.",
}


def run_cli(*args: str) -> int:
    return main(list(args))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("curation") / "base.db"
    assert run_cli("ingest", str(FIX / "articles.jsonl"), str(FIX / "nato-1.json"), "--db", str(db), "-q") == 0
    return db


@pytest.fixture()
def db(built: Path, tmp_path: Path) -> str:
    path = tmp_path / "c.db"
    shutil.copyfile(built, path)
    return str(path)


def speaker_of(db: str) -> dict[tuple[str, str], str]:
    """(speaker as written, quote) → the name of the speaker the statement belongs to."""
    with Store(db, readonly=True) as s:
        return {(h["speaker"], h["quote"]): h["speaker_name"] for h in s.search_statements(limit=1000)}


def speaker_named(db: str, name: str) -> dict[str, Any]:
    with Store(db, readonly=True) as s:
        found = [sp for sp in s.speakers(top=1000) if sp["name"] == name]
    assert len(found) == 1, (name, found)
    return found[0]


def names(db: str) -> dict[str, int]:
    with Store(db, readonly=True) as s:
        return {sp["name"]: sp["n_statements"] for sp in s.speakers(top=1000)}


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    return err


def machine_state(db: str) -> list[tuple[Any, ...]]:
    """Everything the corrections may touch, with ids: speakers, aliases, statement → speaker."""
    conn = sqlite3.connect(db)
    try:
        return [
            *conn.execute("SELECT 'sp', id, name, norm, kind, surname, first FROM speakers ORDER BY id"),
            *conn.execute("SELECT 'al', speaker_id, alias FROM speaker_aliases ORDER BY 2, 3"),
            *conn.execute("SELECT 'st', id, speaker_id FROM statements ORDER BY id"),
            *conn.execute("SELECT 'ln', speaker_id, ext_id FROM speaker_links ORDER BY 2, 3"),
        ]
    finally:
        conn.close()


# ---------------------------------------------------------------- the CLI


def test_merge_rename_link_split_by_cli(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = names(db)
    assert before["Anna Weber"] == 3 and before["Jonas Brandt"] == 1
    assert run_cli("speakers", "merge", "Anna Weber", "Jonas Brandt", "--db", db) == 0
    assert "stored override 1: merge 'Jonas Brandt' into 'Anna Weber'" in capsys.readouterr().out
    after = names(db)
    assert after["Anna Weber"] == 4 and "Jonas Brandt" not in after
    assert "Jonas Brandt" in speaker_named(db, "Anna Weber")["aliases"]

    berg = speaker_named(db, "Tomas Berg")["id"]
    assert run_cli("speakers", "rename", str(berg), "Tomas Berg (Außenminister)", "--db", db) == 0
    assert names(db)["Tomas Berg (Außenminister)"] == 1 and "Tomas Berg" not in names(db)

    assert run_cli("speakers", "link", "Maria Lindqvist", "Q42", "--db", db) == 0
    assert speaker_named(db, "Maria Lindqvist")["links"] == ["wikidata:Q42"]

    # "Weber" in the second article and the "sie" resolved to it go; "Bürgermeisterin Anna Weber" stays.
    assert run_cli("speakers", "split", "Anna Weber", "--mention", "Weber", "--name", "Hanna Weber", "--db", db) == 0
    moved = speaker_of(db)
    assert moved[("Weber", "Die Stadt werde die Pläne nicht aufgeben")] == "Hanna Weber"
    assert moved[("sie", "„Wir brauchen sichere Wege für alle“")] == "Hanna Weber"
    assert moved[("Bürgermeisterin Anna Weber", "„Das ist ein guter Tag für die Stadt“")] == "Anna Weber"
    capsys.readouterr()

    assert run_cli("speakers", "overrides", "--db", db, "--format", "json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [o["op"] for o in listed] == ["merge", "rename", "link", "split"]
    assert listed[3]["other"] == "Weber" and listed[3]["value"] == "Hanna Weber"


def test_split_by_article(db: str) -> None:
    with Store(db, readonly=True) as s:
        aid = next(h["article_id"] for h in s.search_statements(limit=100) if h["speaker"] == "Weber")
    assert run_cli("speakers", "split", "Anna Weber", "--article", aid, "--name", "Weber (Radwege)", "--db", db) == 0
    assert names(db)["Weber (Radwege)"] == 2 and names(db)["Anna Weber"] == 1


def test_remove_override_undoes_it_exactly(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    machine = machine_state(db)
    assert run_cli("speakers", "merge", "Anna Weber", "Karl Weber", "--db", db) == 0
    assert run_cli("speakers", "rename", "Anna Weber", "Anna und Karl", "--db", db) == 0
    assert run_cli("speakers", "link", "Anna und Karl", "wikidata:Q1", "--db", db) == 0
    assert run_cli("speakers", "split", "Maria Lindqvist", "--mention", "Lindqvist", "--name", "X", "--db", db) == 0
    assert machine_state(db) != machine
    for n in ("4", "3", "2", "1"):
        assert run_cli("speakers", "remove-override", n, "--db", db) == 0
    assert machine_state(db) == machine
    assert run_cli("speakers", "overrides", "--db", db) == 0
    assert "no overrides" in capsys.readouterr().out


def test_chained_corrections_undone_out_of_order(db: str) -> None:
    machine = machine_state(db)
    steps = [
        ("merge", "Anna Weber", "Jonas Brandt"),
        ("merge", "Karl Weber", "Anna Weber"),  # Anna (with Brandt) into Karl
        (
            "split",
            "Karl Weber",
            "--mention",
            "Jonas Brandt",
            "--name",
            "J. Brandt",
        ),  # Brandt out again, under a new name
        ("merge", "Maria Lindqvist", "Karl Weber"),
    ]
    for step in steps:
        assert run_cli("speakers", *step, "--db", db) == 0
    assert names(db)["Maria Lindqvist"] == 3 + 2 + 3 + 1 - 1 and names(db)["J. Brandt"] == 1
    for n in ("2", "4", "1", "3"):
        assert run_cli("speakers", "remove-override", n, "--db", db) == 0
        conn = sqlite3.connect(db)
        try:  # never a statement marked as moved to its own machine speaker
            assert (
                conn.execute("SELECT count(*) FROM statements WHERE speaker_id = machine_speaker_id").fetchone()[0] == 0
            )
        finally:
            conn.close()
    assert machine_state(db) == machine


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["merge", "1", "1"], "cannot merge speaker 1 'Anna Weber' into itself"),
        (["merge", "1", "999"], "merge: no speaker with id 999"),
        (["merge", "Nobody Here", "1"], "merge into: no speaker named 'Nobody Here'"),
        (["rename", "999", "X"], "rename: no speaker with id 999"),
        (["rename", "Anna Weber", "Karl Weber"], "already called or known as 'Karl Weber'; merge the two instead"),
        (["rename", "Anna Weber", " "], "rename: new name: empty"),
        (["link", "Anna Weber", "not an id"], "'not an id' is not an id like wikidata:Q567"),
        (["split", "Anna Weber"], "give the mention to split out, or article ids, or both"),
        (["split", "Anna Weber", "--mention", "Brandt"], "has no statements mentioned as 'Brandt'"),
        (["split", "Karl Weber", "--mention", "Karl Weber"], "all 2 statements of speaker 3 'Karl Weber'"),
        (["split", "Anna Weber", "--article", "nope", "--name", "X"], "split: no article with id 'nope'"),
        (["remove-override", "7"], "no override 7 (see saidwhat speakers overrides)"),
    ],
)
def test_bad_corrections_give_one_line(
    db: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    machine = machine_state(db)
    assert run_cli("speakers", *args, "--db", db) == 1
    line = error_line(capsys)
    assert line.startswith("saidwhat: error: ") and message in line, line
    assert machine_state(db) == machine


def test_a_merge_cycle_is_refused(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    anna, brandt = speaker_named(db, "Anna Weber")["id"], speaker_named(db, "Jonas Brandt")["id"]
    assert run_cli("speakers", "merge", str(anna), str(brandt), "--db", db) == 0
    capsys.readouterr()
    assert run_cli("speakers", "merge", "Jonas Brandt", "Anna Weber", "--db", db) == 1
    assert f"'Jonas Brandt' is already part of speaker {anna} 'Anna Weber'" in error_line(capsys)
    assert run_cli("speakers", "merge", str(brandt), str(anna), "--db", db) == 1
    assert f"speaker {brandt} 'Jonas Brandt' has no statements (merged or split away)" in error_line(capsys)


def test_the_same_correction_twice_is_stored_once(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli("speakers", "link", "Anna Weber", "Q1", "--db", db) == 0
    assert run_cli("speakers", "link", "1", "wikidata:Q1", "--db", db) == 0
    capsys.readouterr()
    assert run_cli("speakers", "overrides", "--db", db) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1


# ---------------------------------------------------------------- lasting


def curate_all(db: str) -> None:
    assert run_cli("speakers", "merge", "Anna Weber", "Jonas Brandt", "--db", db) == 0
    assert run_cli("speakers", "rename", "Tomas Berg", "Tomas Berg (Außenminister)", "--db", db) == 0
    assert run_cli("speakers", "link", "Maria Lindqvist", "wikidata:Q42", "--db", db) == 0
    assert run_cli("speakers", "split", "Anna Weber", "--mention", "Weber", "--name", "Hanna Weber", "--db", db) == 0


def test_corrections_survive_reprocess(db: str) -> None:
    curate_all(db)
    before, shown = speaker_of(db), names(db)
    assert run_cli("ingest", "--reprocess", "--db", db, "-q") == 0
    assert speaker_of(db) == before
    assert names(db) == shown
    assert speaker_named(db, "Maria Lindqvist")["links"] == ["wikidata:Q42"]


def test_corrections_apply_to_new_articles_as_to_a_rebuild(db: str, tmp_path: Path) -> None:
    curate_all(db)
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps(NEW_ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("ingest", str(new), "--db", db, "-q") == 0
    assigned = speaker_of(db)
    # Brandt is merged into Anna Weber: his new statement goes there too.
    assert assigned[("Kämmerer Jonas Brandt", "„Wir sind auf gutem Weg“")] == "Anna Weber"
    state = names(db)
    assert run_cli("ingest", "--reprocess", "--db", db, "-q") == 0
    assert speaker_of(db) == assigned
    assert names(db) == state


# ---------------------------------------------------------------- alias files


def test_alias_file_links_merges_and_preseeds(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text(
        "id,name,aliases\n"
        "Q100,Anna Weber,Jonas Brandt\n"
        "newsroom:7,Maria Lindqvist,\n"
        "Q200,Lena Vogt,L. Vogt;Vogt\n",  # not in the store yet
        encoding="utf-8",
    )
    assert run_cli("speakers", "import-aliases", str(csv), "--db", db) == 0
    assert "3 people, 6 new overrides; 2 speakers linked now" in capsys.readouterr().out
    assert speaker_named(db, "Anna Weber")["links"] == ["wikidata:Q100"]
    assert speaker_named(db, "Anna Weber")["n_statements"] == 4
    assert speaker_named(db, "Maria Lindqvist")["links"] == ["newsroom:7"]
    # Importing again adds nothing.
    assert run_cli("speakers", "import-aliases", str(csv), "--db", db) == 0
    assert "0 new overrides" in capsys.readouterr().out
    # A person of the file who appears later is linked when stored.
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps(NEW_ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("ingest", str(new), "--db", db, "-q") == 0
    assert speaker_named(db, "Lena Vogt")["links"] == ["wikidata:Q200"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,id\nAnna,Q1\n", ":1: the first line must be the header id,name,aliases"),
        ("id,name,aliases\nQ1,Anna Weber,\nQ1,Karl Weber,\n", ":3: id wikidata:Q1 is already on line 2"),
        ("id,name,aliases\nQ1,Anna Weber,Weber\nQ2,Karl Weber,Weber\n", ":3: 'Weber' also names wikidata:Q1 (line 2)"),
        ("id,name,aliases\nQ1,,x\n", ":2: name: empty"),
        ("id,name,aliases\nnot an id,Anna,\n", ":2: id: 'not an id' is not an id"),
        ("id,name,aliases\nQ1,Anna,x,y\n", ":2: 4 fields; give id,name,aliases"),
    ],
)
def test_bad_alias_file_names_the_line(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text(content, encoding="utf-8")
    machine = machine_state(db)
    assert run_cli("speakers", "import-aliases", str(csv), "--db", db) == 1
    line = error_line(capsys)
    assert f"{csv}{message}" in line, line
    assert machine_state(db) == machine


def test_alias_file_not_utf8(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "latin1.csv"
    csv.write_bytes("id,name,aliases\nQ1,Jürgen,\n".encode("latin-1"))
    assert run_cli("speakers", "import-aliases", str(csv), "--db", db) == 1
    assert f"{csv}:2: not UTF-8 text" in error_line(capsys)


# ---------------------------------------------------------------- the API

fastapi = pytest.importorskip("fastapi")


@pytest.fixture()
def api(db: str) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from saidwhat.web import create_app

    reader, writer = Store(db, readonly=True), Store(db)
    with TestClient(create_app(reader, curator=writer, cache_entries=64)) as client:
        yield client
    reader.close()
    writer.close()


def test_api_corrections(api: Any, db: str) -> None:
    anna = speaker_named(db, "Anna Weber")["id"]
    brandt = speaker_named(db, "Jonas Brandt")["id"]
    assert api.get(f"/api/speakers/{anna}").json()["n_statements"] == 3  # cached now
    r = api.post(f"/api/speakers/{anna}/merge", json={"other": brandt})
    assert r.status_code == 200, r.text
    assert r.json()["speaker_id"] == anna and r.json()["override"]["source"] == "web"
    assert api.get(f"/api/speakers/{anna}").json()["n_statements"] == 4  # not the cached answer
    assert api.post(f"/api/speakers/{anna}/rename", json={"name": "Dr. Anna Weber"}).status_code == 200
    assert api.post(f"/api/speakers/{anna}/link", json={"ext_id": "Q5"}).json()["override"]["value"] == "wikidata:Q5"
    r = api.post(f"/api/speakers/{anna}/split", json={"mention": "Weber", "name": "Hanna Weber"})
    assert r.status_code == 200, r.text
    hanna = r.json()["speaker_id"]
    assert api.get(f"/api/speakers/{hanna}").json()["name"] == "Hanna Weber"
    listed = api.get("/api/overrides").json()
    assert listed["enabled"] is True and [o["op"] for o in listed["items"]] == ["merge", "rename", "link", "split"]
    r = api.delete(f"/api/overrides/{listed['items'][0]['id']}")
    assert r.status_code == 200 and r.json()["override"]["op"] == "merge"
    assert speaker_named(db, "Jonas Brandt")["n_statements"] == 1


@pytest.mark.parametrize(
    ("path", "body", "status", "message"),
    [
        ("/api/speakers/999/rename", {"name": "X"}, 404, "rename: no speaker with id 999"),
        ("/api/speakers/1/merge", {"other": 1}, 422, "into itself"),
        ("/api/speakers/1/merge", {"other": "Nobody"}, 404, "no speaker named 'Nobody'"),
        ("/api/speakers/1/merge", {"other": 2, "force": True}, 422, "invalid force"),
        ("/api/speakers/1/rename", {}, 422, "invalid name"),
        ("/api/speakers/1/link", {"ext_id": "x y"}, 422, "is not an id like"),
        ("/api/speakers/1/split", {"articles": ["nope"], "name": "X"}, 404, "no article with id 'nope'"),
    ],
)
def test_api_bad_corrections(api: Any, path: str, body: dict[str, Any], status: int, message: str) -> None:
    r = api.post(path, json=body)
    assert r.status_code == status, r.text
    assert message in r.json()["error"]
    assert "/" not in r.json()["error"].replace("/api", "")  # no file paths


def test_api_corrections_off_without_curator(db: str) -> None:
    from fastapi.testclient import TestClient

    from saidwhat.web import create_app

    with Store(db, readonly=True) as reader, TestClient(create_app(reader)) as client:
        r = client.post("/api/speakers/1/rename", json={"name": "X"})
        assert r.status_code == 403 and "saidwhat serve --curation" in r.json()["error"]
        assert client.delete("/api/overrides/1").status_code == 403
        assert client.get("/api/overrides").json() == {"enabled": False, "items": []}
