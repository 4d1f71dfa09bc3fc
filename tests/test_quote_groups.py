"""Quote reuse: matching rules, the store's incremental groups, the CLI and the API.

The store tests ingest ``tests/fixtures/reuse`` (invented articles that
quote the same statements with small changes and some wrong speakers).
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from saidwhat.cli import main
from saidwhat.ingest import ingest
from saidwhat.quotegroups import index_keys, keys_conflict, normalise, same_quote, speaker_key
from saidwhat.store import Store

REPO = Path(__file__).resolve().parents[1]
REUSE = REPO / "tests" / "fixtures" / "reuse"


def _measure_module() -> Any:
    spec = importlib.util.spec_from_file_location("measure_reuse", REPO / "scripts" / "measure_reuse.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["measure_reuse"] = module
    spec.loader.exec_module(module)
    return module


# -- matching ----------------------------------------------------------------


def test_normalise_drops_case_punctuation_and_quotation_marks() -> None:
    forms = ["„Wir schaffen das!“", "»wir schaffen das«", '"Wir schaffen das"', "Wir – schaffen … das [!]"]
    assert {normalise(f) for f in forms} == {"wir schaffen das"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a word dropped
        (
            "Wir werden die Schuldenbremse in diesem Jahr nicht antasten, auch wenn der Druck wächst",
            "Wir werden die Schuldenbremse nicht antasten, auch wenn der Druck wächst",
        ),
        # a word changed
        (
            "Die Sicherheitslage an den Bahnhöfen hat sich in den vergangenen Monaten spürbar verbessert",
            "Die Sicherheitslage an den Bahnhöfen hat sich in den letzten Monaten spürbar verbessert",
        ),
        # cut short (the cut-off end may hold a negation: that is truncation, not a change)
        (
            "Die Pünktlichkeit unserer Züge ist gut genug, das wissen wir, aber wir ruhen uns nicht aus",
            "Die Pünktlichkeit unserer Züge ist gut genug",
        ),
    ],
)
def test_same_quote_with_small_changes(a: str, b: str) -> None:
    assert same_quote(normalise(a), normalise(b))
    # and the index makes them candidates of each other
    assert set(index_keys(a)) & set(index_keys(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a negation inside
        ("Wir werden die Steuern in diesem Jahr nicht erhöhen", "Wir werden die Steuern in diesem Jahr erhöhen"),
        # a number inside
        (
            "Uns fehlen allein in Bayern mehr als 20.000 Fachkräfte",
            "Uns fehlen allein in Bayern mehr als 30.000 Fachkräfte",
        ),
        # alike, but another statement
        (
            "Wir brauchen mehr Wohnungen für junge Familien, und zwar schnell",
            "Wir brauchen mehr Geld für die Schiene, und zwar schnell",
        ),
        # too short to be contained: "the same four words" is no quote reuse
        ("Das ist nicht akzeptabel, sagte er", "Das ist nicht akzeptabel"),
    ],
)
def test_different_quotes_that_look_alike(a: str, b: str) -> None:
    assert not same_quote(normalise(a), normalise(b))


def test_speaker_keys_and_conflicts() -> None:
    merkel = speaker_key("Merkel", "Merkel")
    angela = speaker_key("Bundeskanzlerin Angela Merkel", "Angela Merkel")
    horst = speaker_key("Horst Merkel", "Horst Merkel")
    scholz = speaker_key("Scholz", "Scholz")

    def conflict(*keys: str) -> bool:  # one key per article
        return keys_conflict({f"article {i}": {k} for i, k in enumerate(keys)})

    assert not conflict(merkel, angela)  # a shorter name is the same person
    assert conflict(angela, horst)
    assert conflict(merkel, scholz)
    assert conflict(merkel, angela, horst)
    # pronouns and descriptions resolved to someone do not count
    assert speaker_key("er", "Scholz") == ""
    assert speaker_key("ein Bahnsprecher", "Bahnsprecher") == ""
    assert speaker_key("die Handwerkskammer", "Handwerkskammer") == ""
    assert not conflict(merkel, speaker_key("sie", "Scholz"))
    # a mention with more than the name counts through the entity written in it
    assert speaker_key("Innenminister Markus Hallberg in Mainz", "Hallberg") == "hallberg|"
    # "X zitiert Y" in one article names both; another article naming Y agrees with it
    relay = {"a": {speaker_key("Spiegel-Online", None), scholz}, "b": {scholz}}
    assert not keys_conflict(relay)
    assert keys_conflict({**relay, "c": {angela}})


# -- the store -----------------------------------------------------------------


@pytest.fixture(scope="module")
def reuse_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("reuse") / "store.db"
    summary = ingest([str(REUSE / "articles.jsonl")], str(db), progress=False)
    assert not summary.failed
    return db


def _partition(db: Path) -> set[frozenset[tuple[str, int]]]:
    """The grouping as sets of (article URL, seq): independent of ids and ingest order."""
    conn = sqlite3.connect(db)
    groups: dict[int, set[tuple[str, int]]] = {}
    for gid, url, seq in conn.execute(
        "SELECT m.group_id, a.url, s.seq FROM quote_members m JOIN statements s ON s.id = m.statement_id "
        "JOIN articles a ON a.id = s.article_id"
    ):
        groups.setdefault(gid, set()).add((url, seq))
    conn.close()
    return {frozenset(g) for g in groups.values()}


def test_reuse_set_precision_recall_and_conflicts(reuse_db: Path) -> None:
    result = _measure_module().measure(str(reuse_db), REUSE)
    assert result["items_not_extracted_or_matched"] == []
    assert result["precision"] >= 0.95, result["wrong_pairs"]
    assert result["recall"] >= 0.90
    assert set(result["conflicts_found"]) == set(result["conflicts_gold"])
    assert result["conflicts_false"] == []


def test_held_out_reuse_set(tmp_path: Path) -> None:
    """Written after the rules were fixed (measured once, then kept as a regression test)."""
    heldout = REPO / "tests" / "fixtures" / "reuse-heldout"
    db = tmp_path / "heldout.db"
    ingest([str(heldout / "articles.jsonl")], str(db), progress=False)
    result = _measure_module().measure(str(db), heldout)
    assert result["precision"] >= 0.95 and result["recall"] >= 0.90, result
    # "zusagen" is credited by a pronoun in one article ("fügte sie hinzu"): not counted, by design
    assert set(result["conflicts_found"]) == set(result["conflicts_gold"]) - {"zusagen"}
    assert result["conflicts_false"] == []


def test_first_appearance_is_the_earliest_article(reuse_db: Path) -> None:
    with Store(reuse_db, readonly=True) as store:
        total, groups = store.quote_groups()
        assert total >= 10
        for g in groups:
            full = store.quote_group(g["id"])
            assert full is not None
            days = [a["published"] for a in full["appearances"]]
            assert days == sorted(days)
            assert full["first"]["statement_id"] == full["appearances"][0]["statement_id"]
            assert full["n_articles"] == len({a["article_id"] for a in full["appearances"]})


def test_incremental_ingest_equals_one_batch(reuse_db: Path, tmp_path: Path) -> None:
    """Articles one at a time, newest first, each update reading only the new statements: same groups."""
    lines = (REUSE / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    db = tmp_path / "one-by-one.db"
    for i, line in enumerate(reversed(lines)):
        path = tmp_path / f"a{i}.jsonl"
        path.write_text(line + "\n", encoding="utf-8")
        ingest([str(path)], str(db), progress=False)
    batch = _partition(reuse_db)
    assert any(len(group) > 1 for group in batch)  # the reuse set's quotes recur: there is grouping to compare
    assert _partition(db) == batch


def test_reprocessing_and_backfill_keep_groups_whole(reuse_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(reuse_db.read_bytes())
    before = _partition(db)
    # re-extracting articles deletes their statements (statement ids are reused) and inserts them again
    ingest([str(REUSE / "articles.jsonl")], str(db), reprocess=True, progress=False)
    assert _partition(db) == before
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM quote_groups WHERE n_members = 0").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM quote_groups_dirty").fetchone()[0] == 0
    # a store whose statements predate quote groups is grouped on first use
    for table in ("quote_groups", "quote_members", "quote_keys"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("DELETE FROM meta WHERE key = 'quote_groups_through'")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.update_quote_groups() > 0
        assert store.update_quote_groups() == 0  # nothing new: reads nothing
    assert _partition(db) == before


def test_cli_lists_groups_and_conflicts(reuse_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--db", str(reuse_db), "--conflicts", "--format", "json"]) == 0
    conflicts = json.loads(capsys.readouterr().out)
    assert conflicts["total"] == len(conflicts["results"]) >= 6
    assert all(g["conflict"] and g["n_articles"] >= 2 for g in conflicts["results"])
    gid = next(g["id"] for g in conflicts["results"] if "Krankenhausreform" in g["first"]["quote"])
    assert main(["quotes", "--db", str(reuse_db), str(gid)]) == 0
    out = capsys.readouterr().out
    assert "CONFLICT" in out and "Anna Brückner" in out and "Axel Brückner" in out
    assert main(["quotes", "--db", str(reuse_db), "999999"]) == 1


# -- the API ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(reuse_db: Path) -> Iterator[Any]:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from saidwhat.web import create_app

    store = Store(reuse_db, readonly=True)
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def test_api_quotes_listing_detail_and_statement_field(client: Any) -> None:
    everything = client.get("/api/quotes", params={"limit": 100}).json()
    conflicts = client.get("/api/quotes", params={"conflicts": 1, "limit": 100}).json()
    assert everything["total"] > conflicts["total"] >= 6
    assert all(g["conflict"] for g in conflicts["items"])
    group = conflicts["items"][0]
    detail = client.get(f"/api/quotes/{group['id']}").json()
    assert detail["conflict"] and len(detail["appearances"]) >= 2
    assert detail["first"] == detail["appearances"][0]
    # statements carry their group: "also quoted in N articles"
    first = detail["appearances"][0]
    article = client.get(f"/api/articles/{first['article_id']}").json()
    st = next(s for s in article["statements"] if s["id"] == first["statement_id"])
    assert st["quote_group"] == {"id": group["id"], "n_articles": group["n_articles"], "conflict": True}
    found = client.get("/api/statements", params={"query": "Schuldenbremse"}).json()["items"]
    assert any(s["quote_group"] for s in found) and any(s["quote_group"] is None for s in found)
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "get" in paths["/api/quotes"] and "get" in paths["/api/quotes/{group_id}"]


def test_api_quote_errors_are_json(client: Any) -> None:
    r = client.get("/api/quotes/424242")
    assert r.status_code == 404 and r.json() == {"error": "no quote group with id 424242"}
    assert client.get("/api/quotes/abc").status_code == 422
    assert client.get("/api/quotes", params={"limit": 0}).status_code == 422
