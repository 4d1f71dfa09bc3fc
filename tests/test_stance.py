"""Stance: the speech act of a statement, from the cue lexicons (docs/stance.md).

The fixture article (tests/fixtures/stance/faehren-de.txt) is written for this
project; the seed test skips without ../shared.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from conftest import SEED_TEXT, need_shared
from saidwhat.cli import main
from saidwhat.corpus import annotation_to_statement, statement_to_annotation
from saidwhat.errors import InputError
from saidwhat.lang.de.lexicons import cue_verbs
from saidwhat.lang.de.stance import assign_stances
from saidwhat.lang.de.tagger import parse
from saidwhat.model import Kind, Span, Stance, Statement
from saidwhat.pipeline import extract
from saidwhat.store import SCHEMA_VERSION, Store

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "stance" / "faehren-de.txt"

# quote fragment → the stance a reader gives it
FIXTURE_STANCES = {
    "Die Reederei hat die Vorwürfe der Gewerkschaft bestritten": Stance.DENY,  # reported, cue inside the quote
    "die Schiffe seien sicher": Stance.SAY,
    "die Wartung sofort zu verbessern": Stance.DEMAND,
    "dass es Mängel gegeben habe": Stance.CONFIRM,  # "bestritt nicht, dass": concedes
    "zwei Fähren seien seit Jahren nicht geprüft worden": Stance.CLAIM,
    "„Wir werden jede Fähre bis Ende Mai prüfen lassen“": Stance.ANNOUNCE,
    "bei Sturm könne es zu Ausfällen kommen": Stance.WARN,
    "fahren die Fähren am Montag wieder": Stance.SAY,  # "laut X"
    "Die Ministerin wies die Kritik der Opposition als unbegründet zurück": Stance.REJECT,
}


@pytest.fixture(scope="module")
def fixture_article() -> tuple[str, list[Statement]]:
    text = FIXTURE.read_text(encoding="utf-8")
    return text, extract(text, published="2026-03-02").statements


def _by_quote(text: str, statements: list[Statement], fragment: str) -> Statement:
    hits = [st for st in statements if st.role_text("quote", text) == fragment]
    assert len(hits) == 1, (fragment, [st.role_text("quote", text) for st in statements])
    return hits[0]


def test_fixture_article_stances(fixture_article: tuple[str, list[Statement]]) -> None:
    text, statements = fixture_article
    assert len(statements) == len(FIXTURE_STANCES)
    for fragment, stance in FIXTURE_STANCES.items():
        assert _by_quote(text, statements, fragment).stance == stance, fragment


def test_stance_in_json(fixture_article: tuple[str, list[Statement]]) -> None:
    text, statements = fixture_article
    st = _by_quote(text, statements, "die Wartung sofort zu verbessern")
    assert st.to_dict(text)["stance"] == "demand"
    ann = statement_to_annotation(st, text, 0)
    assert ann["stance"] == "demand"
    assert annotation_to_statement(ann).stance == Stance.DEMAND
    assert annotation_to_statement({"type": "Direct"}).stance == Stance.SAY  # the corpus has none
    with pytest.raises(ValueError, match="unknown stance"):
        annotation_to_statement({"type": "Direct", "stance": "shout"})


def _stance_of(text: str, quote: str, cue: str) -> Stance:
    """The stance step alone, on one statement with the given quote and cue (first occurrences)."""
    q, c = text.index(quote), text.index(cue)
    st = Statement(kind=Kind.INDIRECT, quote=[Span(q, q + len(quote))], cue=[Span(c, c + len(cue))])
    assign_stances(parse(text), [st])
    return st.stance


def test_refusals_negation_and_clause_words() -> None:
    text = "Ein Sprecher lehnte einen Kommentar ab, ob die Fähre sicher sei."
    assert _stance_of(text, "ob die Fähre sicher sei", "lehnte") == Stance.REFUSE
    text = "Der Minister lehnte den Vorschlag ab, die Steuer zu senken."
    assert _stance_of(text, "die Steuer zu senken", "lehnte") == Stance.REJECT
    text = "Der Sprecher wollte sich nicht dazu äußern, ob die Fähren sicher seien."
    assert _stance_of(text, "ob die Fähren sicher seien", "äußern") == Stance.REFUSE
    text = "Frankreich erklärte sich bereit, zwei Schiffe zu schicken."
    assert _stance_of(text, "zwei Schiffe zu schicken", "erklärte") == Stance.PROMISE
    text = "Die Firma bestritt nicht nur, dass sie zahlte, sie klagte."
    assert _stance_of(text, "dass sie zahlte", "bestritt") == Stance.DENY  # "nicht nur" negates nothing
    text = "Die Firma bestritt nie, dass sie zahlte."
    assert _stance_of(text, "dass sie zahlte", "bestritt") == Stance.CONFIRM


def test_nominal_frames() -> None:
    text = "Nach Einschätzung der Polizei waren es 3000 Menschen."
    st = Statement(
        kind=Kind.INDIRECT,
        quote=[Span(text.index("waren"), len(text) - 1)],
        cue=[Span(0, 4)],
        speaker=[Span(5, text.index(" waren"))],
    )
    assert st.stance.value == "say"
    assign_stances(parse(text), [st])
    assert st.stance == Stance.ESTIMATE


def test_continuation_carries_content_stances_only() -> None:
    text = (
        "Der Verband kritisierte, die Stadt plane schlecht. Sie habe die Händler nicht gefragt. "
        "Der Bürgermeister kündigte an, er werde bauen. Das sei lange geplant."
    )
    statements = extract(text).statements
    stances = [(st.role_text("quote", text), st.stance) for st in statements]
    assert ("die Stadt plane schlecht", Stance.CRITICISE) in stances
    assert ("Sie habe die Händler nicht gefragt.", Stance.CRITICISE) in stances  # says more of the criticism
    assert ("er werde bauen", Stance.ANNOUNCE) in stances
    assert ("Das sei lange geplant.", Stance.SAY) in stances  # the reasons, not a second announcement


def test_lexicon_flags_parse() -> None:
    (bestreiten,) = cue_verbs()["bestreiten"]
    assert (bestreiten.stance, bestreiten.negated) == (Stance.DENY, Stance.CONFIRM)
    stances = {cv.particle: cv.stance for cv in cue_verbs()["sagen"]}
    assert stances == {None: Stance.SAY, "voraus": Stance.ESTIMATE}  # "sagte … voraus" forecasts
    # every flag names a known stance (an unknown one fails loading with the file named)
    assert {cv.stance for entries in cue_verbs().values() for cv in entries} <= set(Stance)


@pytest.mark.shared
def test_seed_denials_and_claims() -> None:
    """The seed: the two "bestritten" statements deny, the "behauptet" ones claim."""
    text = need_shared(SEED_TEXT).read_text(encoding="utf-8")
    statements = extract(text, published="2023-02-23").statements

    def framed_by(word: str) -> list[Statement]:
        own = [st for st in statements if word in st.role_text("cue", text)]
        # a reported statement carries its verb inside its quote
        return own + [st for st in statements if st.kind == Kind.REPORTED and word in st.role_text("quote", text)]

    denials, claims = framed_by("bestritten"), framed_by("behauptet")
    assert len(denials) == 2 and all(st.stance == Stance.DENY for st in denials)
    assert len(claims) == 2 and all(st.stance == Stance.CLAIM for st in claims)


# ---------------------------------------------------------------- store, CLI, export


@pytest.fixture()
def db(tmp_path: Path, fixture_article: tuple[str, list[Statement]]) -> str:
    path = str(tmp_path / "s.db")
    with Store(path) as store:
        store.add_article(extract(FIXTURE.read_text(encoding="utf-8"), published=date(2026, 3, 2)), title="Fähren")
    return path


def test_store_filters_by_stance(db: str) -> None:
    with Store(db, readonly=True) as store:
        denials = store.search_statements(stance="deny")
        assert [d["stance"] for d in denials] == ["deny"] and "bestritten" in denials[0]["quote"]
        assert store.count_statements(stance="deny") == 1
        assert store.count_statements(stance="SAY") == 2
        stored = store.article(denials[0]["article_id"])
        assert {d["stance"] for d in stored["statements"]} >= {"deny", "claim"}  # type: ignore[index]
        with pytest.raises(InputError, match="unknown stance 'shout'"):
            store.search_statements(stance="shout")
        plan = store._conn().execute("EXPLAIN QUERY PLAN SELECT id FROM statements WHERE stance = 'deny'").fetchall()
        assert any("statements_stance" in str(row) for row in plan)


def test_older_store_migrates_keeping_its_rows(tmp_path: Path) -> None:
    """A v3 store (before stance) opens, gains the column, keeps every row: they read 'say'."""
    from saidwhat.store import schema

    p = tmp_path / "v3.db"
    conn = sqlite3.connect(p)
    for step in schema.MIGRATIONS[:3]:
        for sql in step:
            assert isinstance(sql, str)  # the first steps are SQL only
            conn.execute(sql)
    conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '3')")
    conn.execute(
        "INSERT INTO articles(id, text_hash, lang, text, extractor) VALUES ('a1', 'h', 'de', 'Er sagte, es "
        "regne.', 'x')"
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
        assert [s["stance"] for s in store.search_statements()] == ["say"]
        assert store.count_statements(stance="say") == 1


def test_cli_search_and_export_by_stance(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--stance", "claim", "--db", db, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == 1 and out["items"][0]["stance"] == "claim"
    assert main(["search", "--stance", "warn", "--db", db]) == 0
    assert "warn" in capsys.readouterr().out
    assert main(["search", "--stance", "shout", "--db", db]) == 1
    assert "unknown stance" in capsys.readouterr().err

    every = tmp_path / "all.csv"
    assert main(["export", "--format", "csv", str(every), "--db", db]) == 0
    rows = list(csv.DictReader(every.open(encoding="utf-8")))
    assert len(rows) == len(FIXTURE_STANCES)
    assert sorted(r["stance"] for r in rows) == sorted(s.value for s in FIXTURE_STANCES.values())
    only = tmp_path / "deny.jsonl"
    assert main(["export", "--format", "jsonl", str(only), "--stance", "deny", "--db", db]) == 0
    lines = [json.loads(x) for x in only.read_text(encoding="utf-8").splitlines()]
    assert [d["stance"] for d in lines] == ["deny"]
    assert main(["export", "--format", "csv", str(tmp_path / "bad.csv"), "--stance", "shout", "--db", db]) == 1
    assert not (tmp_path / "bad.csv").exists()


def test_api_field_and_filter(db: str) -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from saidwhat.web import create_app

    with Store(db, readonly=True) as store, TestClient(create_app(store)) as client:
        r = client.get("/api/statements", params={"stance": "reject"})
        assert r.status_code == 200
        body = r.json()
        assert body["total"] == 1 and body["items"][0]["stance"] == "reject"
        everything = client.get("/api/statements", params={"limit": 100}).json()["items"]
        assert sorted(i["stance"] for i in everything) == sorted(s.value for s in FIXTURE_STANCES.values())
        r = client.get("/api/statements", params={"stance": "shout"})
        assert r.status_code == 422 and "error" in r.json()
        article = client.get(f"/api/articles/{body['items'][0]['article_id']}").json()
        assert {s["stance"] for s in article["statements"]} >= {"reject", "deny", "confirm"}
        extracted = client.post(
            "/api/extract", json={"text": "Die Gewerkschaft forderte, die Löhne zu erhöhen."}
        ).json()
        assert [s["stance"] for s in extracted["statements"]] == ["demand"]
        spec = client.get("/api/openapi.json").json()
        params = {p["name"] for p in spec["paths"]["/api/statements"]["get"]["parameters"]}
        assert "stance" in params
