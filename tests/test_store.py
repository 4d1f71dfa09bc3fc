"""The store's query API (the contract the web API is built on)."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest

from saidwhat.errors import InputError
from saidwhat.model import Article, Kind, Medium, Span, Statement
from saidwhat.store import SCHEMA_VERSION, Store, fts_query

TEXT = (
    'Der Stadtrat tagte. "Wir senken die Gebühren", sagte Bürgermeisterin Anna Weber am Montag. '
    "Kämmerer Jonas Brandt erklärte, die Schulden würden sinken."
)


def _spans(frag: str, start: int = 0) -> list[Span]:
    b = TEXT.index(frag, start)
    return [Span(b, b + len(frag))]


def make_article(published: date = date(2024, 5, 16)) -> Article:
    s1 = Statement(
        kind=Kind.DIRECT,
        quote=_spans('"Wir senken die Gebühren"'),
        speaker=_spans("Bürgermeisterin Anna Weber"),
        cue=_spans("sagte"),
        medium=Medium.SPEECH,
        speaker_entity="Anna Weber",
        confidence=0.9,
    )
    s2 = Statement(
        kind=Kind.INDIRECT,
        quote=_spans("die Schulden würden sinken"),
        speaker=_spans("Kämmerer Jonas Brandt"),
        cue=_spans("erklärte"),
        frame=_spans("Kämmerer Jonas Brandt erklärte"),
    )
    return Article(text=TEXT, published=published, statements=[s2, s1], title="Gebühren sinken")


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "t.db")
    s.add_article(make_article(), url="https://example.org/a", source="Beispiel")
    return s


def test_add_is_idempotent(store: Store) -> None:
    aid = store.add_article(make_article(), url="https://example.org/a")
    assert store.stats()["articles"] == 1 and store.stats()["statements"] == 2
    # Without a URL the text identifies the article: a different id.
    store.add_article(make_article())
    assert store.stats()["articles"] == 2
    assert isinstance(aid, str) and len(aid) == 16


def test_statement_dict_fields(store: Store) -> None:
    hits = store.search_statements()
    # newest first: the indirect statement has no date of its own, so it counts as of its publication day
    assert [(h["kind"], h["said_on"]) for h in hits] == [("indirect", None), ("direct", "2024-05-13")]
    d = next(h for h in hits if h["kind"] == "direct")
    for key in (
        "id article_id article_title published said_on kind medium confidence quote speaker speaker_id "
        "speaker_name cue addressee frame spans"
    ).split():
        assert key in d
    assert d["quote"] == '"Wir senken die Gebühren"'
    assert d["speaker"] == "Bürgermeisterin Anna Weber" and d["speaker_name"] == "Anna Weber"
    assert d["published"] == "2024-05-16" and d["said_on"] == "2024-05-13"  # "am Montag"
    b, e = d["spans"]["quote"][0]
    assert TEXT[b:e] == d["quote"]
    assert set(d["spans"]) == {"quote", "speaker", "cue", "addressee", "frame"}
    json.dumps(d)  # JSON-serialisable


def test_filters(store: Store) -> None:
    assert store.count_statements(query="Gebühren") == 1
    assert store.count_statements(query="gebuhren") == 1  # diacritics folded
    assert store.count_statements(query="Schuld*") == 1
    assert store.count_statements(query="Weber") == 1  # speaker names are indexed too
    assert store.count_statements(speaker="weber") == 1
    assert store.count_statements(speaker="Brandt", kind="indirect") == 1
    assert store.count_statements(kind="Direct") == 1
    assert store.count_statements(since="2024-05-14") == 1  # the direct one was said on Monday the 13th
    assert store.count_statements(until="2024-05") == 2
    assert store.count_statements(since="2025") == 0
    assert store.search_statements(limit=1, offset=1)[0]["id"] != store.search_statements(limit=1)[0]["id"]


@pytest.mark.parametrize("q", ['"', "AND", "a OR", "NEAR(", "*", "'; DROP TABLE statements; --", "(", "x:y"])
def test_hostile_queries_do_not_break(store: Store, q: str) -> None:
    store.search_statements(query=q)
    store.count_statements(query=q, speaker=q)
    assert store.stats()["statements"] == 2


def test_fts_query() -> None:
    assert fts_query('Krieg "den Frieden" frie*') == '("krieg" AND {quote speaker_names} : "den frieden" AND "frie"*)'
    assert fts_query("  ") is None


def test_bad_filters_are_user_errors(store: Store) -> None:
    with pytest.raises(InputError):
        store.search_statements(since="gestern")
    with pytest.raises(InputError):
        store.search_statements(kind="quote")


def test_speakers_and_speaker(store: Store) -> None:
    sp = store.speakers(top=10)
    assert {s["name"] for s in sp} == {"Anna Weber", "Jonas Brandt"}
    weber = next(s for s in sp if s["name"] == "Anna Weber")
    assert weber["by_kind"] == {"direct": 1} and weber["n_statements"] == 1
    assert "Bürgermeisterin Anna Weber" in weber["aliases"]
    assert weber["first"] == "2024-05-13" and weber["last"] == "2024-05-13"
    assert store.speaker(weber["id"]) == weber
    assert store.speaker(999) is None
    assert [s["name"] for s in store.speakers(query="brandt")] == ["Jonas Brandt"]
    assert store.speaker_statements(weber["id"])[0]["quote"] == '"Wir senken die Gebühren"'


def test_article(store: Store) -> None:
    aid = store.search_statements()[0]["article_id"]
    a = store.article(aid)
    assert a is not None
    assert a["text"] == TEXT and a["url"] == "https://example.org/a" and a["source"] == "Beispiel"
    assert a["title"] == "Gebühren sinken" and a["published"] == "2024-05-16" and a["lang"] == "de"
    # Statements in text order.
    assert [s["kind"] for s in a["statements"]] == ["direct", "indirect"]
    assert store.article("nope") is None


def test_stats(store: Store) -> None:
    s = store.stats()
    assert s["articles"] == 1 and s["statements"] == 2 and s["speakers"] == 2
    assert s["by_kind"] == {"direct": 1, "indirect": 1}
    assert s["first"] == s["last"] == "2024-05-16"
    assert s["schema_version"] == SCHEMA_VERSION


def test_replace_swaps_statements(store: Store) -> None:
    art = make_article()
    art.statements = art.statements[:1]
    store.add_article(art, url="https://example.org/a", replace=True)
    assert store.stats()["statements"] == 1
    # The speaker nobody quotes any more is gone.
    assert [s["name"] for s in store.speakers()] == ["Jonas Brandt"]
    assert store.stats()["speakers"] == 1


def test_readonly_and_threads(store: Store, tmp_path: Path) -> None:
    store.close()
    ro = Store(tmp_path / "t.db", readonly=True)
    results: list[int] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(ro.count_statements(query="Gebühren"))
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and results == [1] * 8
    with pytest.raises((InputError, sqlite3.OperationalError)):
        ro.add_article(make_article(), url="https://example.org/b")
    ro.close()
    with pytest.raises(InputError):
        Store(tmp_path / "missing.db", readonly=True)


def test_file_is_plain_sqlite_in_wal_mode(store: Store, tmp_path: Path) -> None:
    store.close()
    conn = sqlite3.connect(tmp_path / "t.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert conn.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'Schulden'").fetchone()[0] == 1
    conn.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    Store(tmp_path / "n.db").close()
    conn = sqlite3.connect(tmp_path / "n.db")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    with pytest.raises(InputError, match="newer"):
        Store(tmp_path / "n.db")


def test_not_a_database(tmp_path: Path) -> None:
    p = tmp_path / "x.db"
    p.write_text("hello, not sqlite " * 100)
    with pytest.raises(InputError):
        Store(p)
    other = tmp_path / "other.db"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE foo(x)")
    c.commit()
    c.close()
    with pytest.raises(InputError, match="not a saidwhat database"):
        Store(other)


def test_migrations_apply_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from saidwhat.store import schema

    Store(tmp_path / "m.db").close()
    steps = [*schema.MIGRATIONS, ["ALTER TABLE articles ADD COLUMN extra TEXT"]]
    monkeypatch.setattr("saidwhat.store.MIGRATIONS", steps)
    monkeypatch.setattr("saidwhat.store.SCHEMA_VERSION", len(steps))
    s = Store(tmp_path / "m.db")
    assert s.schema_version == len(steps)
    cols = [r[1] for r in s._conn().execute("PRAGMA table_info(articles)")]
    assert "extra" in cols
    s.close()


def test_readonly_open_migrates_an_older_database(tmp_path: Path) -> None:
    from saidwhat.store import schema

    p = tmp_path / "old.db"
    conn = sqlite3.connect(p)
    for sql in schema.MIGRATIONS[0]:
        assert isinstance(sql, str)  # the first steps are SQL only
        conn.execute(sql)
    conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '1')")
    conn.commit()
    conn.close()
    with Store(p, readonly=True) as s:
        assert s.schema_version == SCHEMA_VERSION and s.stats()["statements"] == 0


def test_a_batch_commits_its_articles_together(tmp_path: Path) -> None:
    """Inside ``batch()`` nothing is visible to other connections until the batch ends; then all of it is."""
    db = tmp_path / "b.db"
    store = Store(db)
    reader = Store(db, readonly=True)
    with store.batch():
        store.add_article(make_article(), url="https://example.org/1")
        store.add_article(make_article(date(2024, 5, 17)), url="https://example.org/2")
        assert store.stats()["articles"] == 2  # the writer sees its own batch
        assert reader.stats()["articles"] == 0
    assert reader.stats()["articles"] == 2 and reader.stats()["statements"] == 4
    reader.close()
    store.close()


def test_a_failed_write_in_a_batch_is_undone_alone(tmp_path: Path) -> None:
    """Each write in a batch is a savepoint: one SQLite refuses leaves no trace, the others land."""
    store = Store(tmp_path / "b.db")
    bad = make_article(date(2024, 5, 18))
    bad.statements[0].speaker_entity = "Jonas \udc80"  # not UTF-8: refused after the article's row is written
    with store.batch():
        store.add_article(make_article(), url="https://example.org/1")
        with pytest.raises(UnicodeEncodeError):
            store.add_article(bad, url="https://example.org/2")
        store.add_article(make_article(date(2024, 5, 17)), url="https://example.org/3")
    urls = sorted(store.article(a)["url"] for a in store.article_ids())  # type: ignore[index]
    assert urls == ["https://example.org/1", "https://example.org/3"]
    assert store.stats()["statements"] == 4
    store.close()


def test_a_prepared_article_is_stored_without_the_tagger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest workers work out the quote groups' speaker keys (and search forms): the writer never tags a word.

    The same rows as storing the article unprepared.
    """
    from saidwhat.lang.de import names, tagger
    from saidwhat.search import forms
    from saidwhat.store import prepare

    plain = Store(tmp_path / "plain.db")
    plain.add_article(make_article(), url="https://example.org/1")
    article = make_article()
    prepared = prepare(article)

    tagged: list[str] = []

    def no_tagging(word: str) -> tuple[str, str]:
        tagged.append(word)
        return "NN", word

    for name in ("tag_word_de", "tag_word_bounded"):
        monkeypatch.setattr(tagger, name, no_tagging)
    names._tagged.cache_clear()  # what prepare() tagged above
    forms.word_forms.cache_clear()
    with Store(tmp_path / "prepared.db") as store:
        store.add_article(article, url="https://example.org/1", prepared=prepared)
        conn = store._conn()
        rows = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in ("statements", "quote_members", "quote_keys")}
    assert tagged == []
    conn = plain._conn()
    assert rows["quote_members"] and rows == {
        t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in ("statements", "quote_members", "quote_keys")
    }
    plain.close()
