"""Search by German word forms: compound splitting, the query syntax, highlights, filters, migration, Datasette."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from saidwhat.cli import main
from saidwhat.lang.de.searchforms import split_compound_de
from saidwhat.model import Article, Kind, Span, Statement
from saidwhat.search.forms import word_forms
from saidwhat.search.query import parse_query
from saidwhat.store import QueryError, Store
from saidwhat.store.schema import MIGRATIONS

REPO = Path(__file__).resolve().parents[1]

# (quote, speaker, published, source, confidence)
QUOTES = [
    ("Die Sicherheitskrise in Europa ist ernst.", "Jens Stoltenberg", "2023-02-20", "Reuters", 0.9),
    ("Wir verurteilen die Aggressionen Russlands.", "Annalena Baerbock", "2023-03-01", "dpa", 0.8),
    ("Der Krieg muss enden.", "Olaf Scholz", "2022-05-10", "Reuters", 0.95),
    ("Wir wollen Frieden für alle.", "Olaf Scholz", "2021-06-01", "dpa", 0.6),
    ("Der Bürgerkrieg hat viele Opfer gefordert.", "Antonio Guterres", "2019-01-15", "Wikinews", 0.7),
    ("Es gibt keinen kalten Krieg, aber Frieden ist fern.", "Wladimir Putin", "2018-11-11", "Wikinews", 0.5),
]


def statement_article(quote: str, speaker: str, published: str) -> Article:
    text = f"„{quote}“, sagte {speaker}."
    b = text.index(speaker)
    st = Statement(kind=Kind.DIRECT, quote=[Span(1, 1 + len(quote))], speaker=[Span(b, b + len(speaker))])
    return Article(text=text, published=date.fromisoformat(published), statements=[st])


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "search.db"
    with Store(path) as store:
        for i, (quote, speaker, published, source, confidence) in enumerate(QUOTES):
            article = statement_article(quote, speaker, published)
            article.statements[0].confidence = confidence
            store.add_article(article, url=f"https://example.org/{i}", title=f"A{i}", source=source)
    return path


def quotes(store: Store, query: str, **filters: object) -> list[str]:
    return sorted(d["quote"] for d in store.search_statements(query, limit=100, **filters))  # type: ignore[arg-type]


# ---------------------------------------------------------------- word forms


def test_compounds_split_into_known_nouns() -> None:
    assert split_compound_de("Sicherheitskrise") == ("Sicherheit", "Krise")  # linking s
    assert split_compound_de("Kriegsverbrechen") == ("Krieg", "Verbrechen")  # "Kriegs" is a form of Krieg
    assert split_compound_de("Bundesverteidigungsminister") == ("Bund", "Verteidigung", "Minister")
    assert split_compound_de("Verhandlung") == ()  # "Ver" is no noun
    assert split_compound_de("Staatsanwaltschaft") == ()  # "-schaft" is a suffix, not a part
    assert word_forms("Aggressionen", "de") == ("Aggression",)
    assert word_forms("Sicherheitskrisen", "de") == ("Sicherheitskrise", "Sicherheit", "Krise")
    assert word_forms("Sicherheitskrise", "en") == ()  # no English analyser yet


def compound_list() -> list[tuple[str, tuple[str, ...]]]:
    rows = []
    for line in (REPO / "tests" / "fixtures" / "compounds_de.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, parts = line.split("\t")
            rows.append((word, () if parts == "-" else tuple(parts.split())))
    return rows


def test_compound_splitter_on_the_word_list() -> None:
    """Measured on tests/fixtures/compounds_de.txt (60 words, hand-split): 54 exactly right (90 %)."""
    from saidwhat.lang.de.tagger import tag_word_de

    rows = compound_list()
    right = [w for w, parts in rows if split_compound_de(tag_word_de(w)[1]) == parts]
    # compounds found among the compounds, and non-compounds left whole
    compounds = [(w, p) for w, p in rows if p]
    found = [w for w, p in compounds if split_compound_de(tag_word_de(w)[1])]
    false_splits = [w for w, p in rows if not p and split_compound_de(tag_word_de(w)[1])]
    assert len(right) >= 54 and len(rows) == 60, sorted({w for w, _ in rows} - set(right))
    assert len(found) >= 38 and len(compounds) == 41
    assert len(false_splits) <= 1


# ---------------------------------------------------------------- the query syntax


def test_query_syntax_as_fts5() -> None:
    def fts(q: str) -> str | None:
        parsed = parse_query(q)
        return parsed.fts if parsed else None

    assert fts("Krieg OR Frieden") == '("krieg" OR "frieden")'
    assert fts("Krieg NOT Frieden") == fts("Krieg -Frieden") == '("krieg" NOT "frieden")'
    assert fts('"kalter Krieg"') == '{quote speaker_names} : "kalter krieg"'
    assert fts("Krieg*") == '"krieg"*'
    assert fts("Aggressionen") == '("aggressionen" OR "aggression")'  # the word and its lemma
    assert fts("(Krieg OR Krise) Nato") == '(("krieg" OR "krise") AND "nato")'
    assert fts("and or not") == '("and" AND "or" AND "not")'  # lower case: words, not operators
    assert fts('"" * ()') is None


def test_only_excluded_words_is_a_plain_error(db: Path) -> None:
    with Store(db, readonly=True) as store, pytest.raises(QueryError) as e:
        store.search_statements("NOT Krieg")
    assert "needs a word to look for" in str(e.value) and "'NOT Krieg'" in str(e.value)


# ---------------------------------------------------------------- search in the store


def test_word_forms_and_compounds_are_found(db: Path) -> None:
    with Store(db, readonly=True) as store:
        assert quotes(store, "Krise") == ["Die Sicherheitskrise in Europa ist ernst."]
        assert quotes(store, "Aggression") == ["Wir verurteilen die Aggressionen Russlands."]
        krieg = quotes(store, "Krieg")
        assert "Der Bürgerkrieg hat viele Opfer gefordert." in krieg and len(krieg) == 3
        assert quotes(store, "Krieg OR Frieden") == sorted({*krieg, "Wir wollen Frieden für alle."})
        assert quotes(store, "Krieg NOT Frieden") == [
            "Der Bürgerkrieg hat viele Opfer gefordert.",
            "Der Krieg muss enden.",
        ]
        assert quotes(store, '"kalter Krieg"') == []  # as written: "kalten Krieg"
        assert quotes(store, '"kalten Krieg"') == ["Es gibt keinen kalten Krieg, aber Frieden ist fern."]
        assert quotes(store, "Sicherheit*") == ["Die Sicherheitskrise in Europa ist ernst."]
        assert store.count_statements("Krieg OR Frieden") == 4


def test_highlights_mark_the_surface_word_that_matched(db: Path) -> None:
    with Store(db, readonly=True) as store:
        cases = (("Krise", "Sicherheitskrise"), ("Aggression", "Aggressionen"), ("krieg*", "Bürgerkrieg"))
        for query, word in cases:
            (hit,) = [d for d in store.search_statements(query) if word in d["quote"]]
            assert [hit["quote"][b:e] for b, e in hit["highlight"]["quote"]] == [word]
        (hit,) = store.search_statements("Scholz Frieden")
        assert [hit["quote"][b:e] for b, e in hit["highlight"]["quote"]] == ["Frieden"]
        assert [hit["speaker"][b:e] for b, e in hit["highlight"]["speaker"]] == ["Scholz"]
        (hit,) = store.search_statements('"kalten Krieg" NOT Bürgerkrieg')
        assert [hit["quote"][b:e] for b, e in hit["highlight"]["quote"]] == ["kalten", "Krieg"]
        assert "highlight" not in store.search_statements()[0]  # no query, nothing to mark


def test_filters_source_lang_confidence(db: Path) -> None:
    with Store(db, readonly=True) as store:
        assert len(quotes(store, "", source="reuters")) == 2  # any case
        assert quotes(store, "Krieg", source="Wikinews", min_confidence=0.6) == [
            "Der Bürgerkrieg hat viele Opfer gefordert."
        ]
        assert len(quotes(store, "", lang="de")) == 6 and quotes(store, "", lang="en") == []
        assert store.count_statements(min_confidence="0.9") == 2
        for bad, field in (({"min_confidence": "1.5"}, "min_confidence"), ({"lang": "deutsch"}, "lang")):
            with pytest.raises(QueryError) as e:
                store.search_statements(**bad)  # type: ignore[arg-type]
            assert e.value.field == field and repr(next(iter(bad.values()))) in str(e.value)
        with pytest.raises(QueryError, match="before since"):
            store.search_statements(since="2023", until="2022")


def test_export_takes_the_search(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    args = ["export", str(out), "--format", "jsonl", "--query", "Krieg OR Frieden", "--source", "dpa", "--db", str(db)]
    assert main(args) == 0
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["quote"] for r in rows] == ["Wir wollen Frieden für alle."]


def test_cli_json_has_the_api_keys(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from saidwhat.web import create_app

    assert main(["search", "Krise", "--format", "json", "--db", str(db)]) == 0
    cli = json.loads(capsys.readouterr().out)
    with Store(db, readonly=True) as store:
        api = TestClient(create_app(store)).get("/api/statements", params={"query": "Krise"}).json()
    assert set(cli) == set(api) == {"items", "total", "limit", "offset"}
    assert cli["items"] == api["items"] and set(cli["items"][0]) >= {"highlight", "url", "source", "lang"}


# ---------------------------------------------------------------- migration and Datasette


def v4_store(path: Path) -> None:
    """A store as schema v4 left it, with one statement."""
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:4]:
        for sql in step:
            assert isinstance(sql, str)
            conn.execute(sql)
    conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '4')")
    conn.execute(
        "INSERT INTO articles(id, url, text_hash, lang, text, extractor) "
        "VALUES ('a1', 'https://example.org/a', 'h', 'de', '„Die Sicherheitskrise ist ernst“, sagte er.', 'x')"
    )
    conn.execute(
        "INSERT INTO statements(article_id, seq, kind, medium, confidence, quote, speaker, cue, addressee, frame, "
        "quote_spans, speaker_spans, cue_spans, addressee_spans, frame_spans, speaker_names, published, day) "
        "VALUES ('a1', 0, 'direct', 'speech', 0.9, 'Die Sicherheitskrise ist ernst', 'er', 'sagte', '', '', "
        "'[[1, 31]]', '[[39, 41]]', '[[33, 38]]', '[]', '[]', 'er', '2023-01-01', '2023-01-01')"
    )
    conn.close()


def test_a_v4_store_is_migrated_and_finds_word_forms(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    v4_store(path)
    before = sqlite3.connect(path).execute("SELECT * FROM statements").fetchall()
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS) >= 5
        assert quotes(store, "Krise") == ["Die Sicherheitskrise ist ernst"]
    conn = sqlite3.connect(path)
    after = conn.execute("SELECT * FROM statements").fetchall()
    cols = [r[1] for r in conn.execute("PRAGMA table_info(statements)")]
    # every old column kept its value; the new one holds the word forms
    assert [row[: len(before[0])] for row in after] == before
    assert after[0][cols.index("search_forms")] == "der Sicherheit Krise sein"  # lemmas of Die, ist


def test_datasette_detects_the_full_text_index(db: Path) -> None:
    datasette = pytest.importorskip("datasette.app")
    from datasette.utils import detect_fts

    conn = sqlite3.connect(db)
    assert detect_fts(conn, "statements") == "statements_fts"
    conn.close()
    ds = datasette.Datasette([str(db)])

    async def search(q: str) -> list[str]:
        r = await ds.client.get(f"/{db.stem}/statements.json", params={"_search": q, "_shape": "array"})
        assert r.status_code == 200, r.text
        return sorted(row["quote"] for row in r.json())

    # ?_search= reaches the word forms too: "Krise" finds the Sicherheitskrise
    assert asyncio.run(search("Krise")) == ["Die Sicherheitskrise in Europa ist ernst."]
    assert len(asyncio.run(search("Krieg"))) == 3


# ---------------------------------------------------------------- Python API


def test_statements_know_their_text_and_articles_are_self_contained() -> None:
    article = statement_article("Der Krieg muss enden.", "Olaf Scholz", "2022-05-10")
    st = article.statements[0]
    assert (st.quote_text, st.speaker_text, st.cue_text) == ("Der Krieg muss enden.", "Olaf Scholz", "")
    out = article.to_dict()
    b, e = out["statements"][0]["quote"]["spans"][0]
    assert out["text"][b:e] == "Der Krieg muss enden."
    with pytest.raises(ValueError, match="belongs to no article"):
        _ = Statement(kind=Kind.DIRECT, quote=[Span(0, 1)]).quote_text


def test_spacy_component_puts_statements_on_doc_spans() -> None:
    import spacy

    import saidwhat.spacy_pipe  # noqa: F401  (registers the factory)

    nlp = spacy.blank("de")
    nlp.add_pipe("saidwhat")
    doc = nlp("„Wir brauchen mehr Geld“, sagte Anna Berger am Montag.")
    spans = {(s.label_, s.id_, s.text) for s in doc.spans["saidwhat"]}
    assert {("quote", "0", "„Wir brauchen mehr Geld“"), ("speaker", "0", "Anna Berger"), ("cue", "0", "sagte")} <= spans
    assert doc._.saidwhat[0].speaker_text == "Anna Berger"


# ---------------------------------------------------------------- the API's edges


def test_api_dates_filters_and_plain_errors(db: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from saidwhat.web import create_app

    with Store(db, readonly=True) as store:
        client = TestClient(create_app(store))
        # dates as the CLI takes them
        got = client.get("/api/statements", params={"since": "2023", "until": "2023-02"}).json()
        assert [d["quote"] for d in got["items"]] == ["Die Sicherheitskrise in Europa ist ernst."]
        got = client.get(
            "/api/statements", params={"query": "Krieg OR Frieden", "source": "dpa", "min_confidence": "0.5"}
        )
        assert [d["quote"] for d in got.json()["items"]] == ["Wir wollen Frieden für alle."]
        for params, message in (
            ({"since": "2023-13"}, "invalid since: '2023-13' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
            ({"since": "2023-01-01T10:00"}, "invalid since: '2023-01-01T10:00' is not a date"),
            ({"kind": "quote"}, "invalid kind: unknown kind 'quote' (one of: direct,"),
            ({"limit": "ten"}, "invalid limit: 'ten' is not a whole number"),
            ({"limit": "1000"}, "invalid limit: '1000' must be 100 or less"),
            ({"min_confidence": "high"}, "invalid min_confidence: 'high' is not a number from 0 to 1"),
            ({"query": "NOT Krieg"}, "invalid query: 'NOT Krieg': a search of only left-out words"),
        ):
            r = client.get("/api/statements", params=params)
            assert r.status_code == 422 and r.json()["error"].startswith(message), r.json()
            assert "Input should" not in r.text and "Datetimes" not in r.text


def test_api_export_is_the_search_as_a_safe_csv(db: Path) -> None:
    pytest.importorskip("fastapi")
    import csv

    from fastapi.testclient import TestClient

    from saidwhat.web import create_app

    with Store(db) as store:
        article = statement_article("=HYPERLINK(1) sagt der Krieg", "Eve", "2020-01-01")
        store.add_article(article, url="https://example.org/eve", source="dpa")
    with Store(db, readonly=True) as store:
        client = TestClient(create_app(store))
        r = client.get("/api/export", params={"format": "csv", "query": "Krieg", "source": "dpa"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]
        rows = list(csv.DictReader(r.text.splitlines()))
        assert [row["quote"] for row in rows] == ["'=HYPERLINK(1) sagt der Krieg"]  # no formula
        r = client.get("/api/export", params={"format": "jsonl", "query": "Krieg OR Frieden"})
        assert len(r.text.splitlines()) == store.count_statements("Krieg OR Frieden") == 5
        r = client.get("/api/export", params={"format": "xlsx"})
        assert r.status_code == 422 and "'xlsx'" in r.json()["error"]
        assert client.get("/api/export", params={"since": "soon"}).status_code == 422


def test_serve_on_a_busy_port_is_one_line(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("uvicorn")
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--db", str(db), "--port", str(port)]) != 0
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        f"saidwhat: error: port {port} on 127.0.0.1 is already in use; stop what serves there or give --port"
    ]
