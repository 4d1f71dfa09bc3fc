"""``saidwhat spark``: Spark output equals local extraction, failures stay local.

One ``local[2]`` SparkSession serves the whole module (a JVM start costs
seconds); each job runs over a handful of articles.
"""

from __future__ import annotations

import io
import json
import shutil
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import WIKINEWS, need_shared

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (not installed)", allow_module_level=True)

import pyarrow.parquet as pq  # noqa: E402

import saidwhat  # noqa: E402
from saidwhat.corpus import article_to_corpus, corpus_article, load_corpus_document  # noqa: E402
from saidwhat.errors import SaidwhatError  # noqa: E402
from saidwhat.model import ROLES, Article, spans_text  # noqa: E402
from saidwhat.spark import MARKER_NAME  # noqa: E402
from saidwhat.spark import worker as W  # noqa: E402
from saidwhat.spark.job import build_session, run_job  # noqa: E402
from saidwhat.spark.load import is_spark_output, iter_articles, read_marker  # noqa: E402
from saidwhat.store import Store  # noqa: E402

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "de-1",
        "url": "https://example.org/nato",
        "title": "Nato warnt vor Eskalation",
        "published": "2022-02-24",
        "source": "Beispiel-Agentur",
        "text": (
            "Brüssel. Nato-Generalsekretär Jens Stoltenberg hat Russland vor einer weiteren Eskalation gewarnt. "
            "„Wir werden jeden Zentimeter des Bündnisgebiets verteidigen“, sagte Stoltenberg am Donnerstag "
            "in Brüssel. Der Kreml wies die Vorwürfe zurück.\n\n"
            "Ein Sprecher des Außenministeriums sagte, man sei zu Gesprächen bereit. Die Lage sei jedoch "
            "ernst. Laut Diplomaten soll es noch in dieser Woche ein Treffen geben."
        ),
    },
    {
        "id": "de-2",
        "title": "Stadtrat beschließt Haushalt",
        "published": "2021-11-03T09:30:00+01:00",
        "source": "Lokalblatt",
        "text": (
            "Der Stadtrat hat am Mittwoch den Haushalt für das kommende Jahr beschlossen. Bürgermeisterin "
            "Anna Berger erklärte den Abgeordneten, die Stadt müsse sparen. „Wir können uns keine neuen "
            "Schulden leisten“, so Berger. Die Opposition kritisierte den Plan scharf: »Das ist "
            "unsozial«, sagte Fraktionschef Max Müller."
        ),
    },
    {
        "id": "de-3",
        "title": "Kein Zitat",
        "text": "Das Wetter bleibt am Wochenende freundlich. Die Temperaturen steigen auf bis zu 25 Grad.",
    },
    {
        "id": "de-4",
        "published": "2020-03-15",
        "text": (
            "Der Virologe Christian Drosten warnte vor einer schnellen Ausbreitung des Virus. Die Zahl der "
            "Infektionen könne sich alle drei Tage verdoppeln, sagte er im Podcast. Er betonte: „Wir müssen "
            "jetzt handeln.“ Gesundheitsminister Spahn teilte mit, weitere Maßnahmen würden geprüft."
        ),
    },
    {
        "id": "de-5",
        "url": "https://example.org/fussball",
        "published": "2023-05-20",
        "text": (
            "„Das war eine überragende Leistung der Mannschaft“, lobte der Trainer nach dem Spiel. "
            "Kapitän Thomas Meier sagte der Zeitung, das Team habe „Charakter gezeigt“."
        ),
    },
]

POISON: list[str] = [
    json.dumps({"id": "binary", "text": "\x00\x01\x02\x7f\x03" * 200}),
    json.dumps({"id": "huge", "published": "2022-02-01", "text": "Sehr lang. " * 500_000}),  # 5.5 MB
    '{"id": "broken", "text": "unterminated',
    json.dumps(["not", "an", "object"]),
    json.dumps({"id": "no-text", "title": "nur ein Titel"}),
]


@pytest.fixture(scope="module")
def spark() -> Any:
    session = build_session("local[2]", {"spark.default.parallelism": "2", "spark.sql.shuffle.partitions": "2"})
    yield session
    session.stop()


def _write_jsonl(
    path: Path,
    records: list[dict[str, Any]],
    extra_lines: list[str] = (),  # type: ignore[assignment]
) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        for line in extra_lines:
            f.write(line + "\n")
    return path


def _expected(record: dict[str, Any]) -> Article:
    return saidwhat.extract(record["text"], lang="de", published=W.parse_published(record.get("published")))


def _assert_parity(out: Path, records: list[dict[str, Any]]) -> dict[str | None, Article]:
    """Spark output, read back, equals ``saidwhat.extract`` statement for statement."""
    loaded = {a.id: a for a in iter_articles(out)}
    assert set(loaded) == {r["id"] for r in records}
    n_statements = 0
    for r in records:
        got, want = loaded[r["id"]], _expected(r)
        assert got.text == r["text"]
        assert got.published == W.parse_published(r.get("published"))
        assert (got.title, got.url, got.source) == (r.get("title"), r.get("url"), r.get("source"))
        # Every role's spans (order included), kind, medium, entity, confidence, nesting, date:
        assert got.statements == want.statements, r["id"]
        # …and so the corpus-schema (annotate) form is identical too.
        assert article_to_corpus(got, r["id"]) == article_to_corpus(want, r["id"])
        n_statements += len(want.statements)
    assert n_statements > 0, "equal empty outputs would prove nothing"
    assert read_marker(out)["statements"] >= n_statements
    return loaded


def _article_rows(out: Path) -> dict[str, dict[str, Any]]:
    rows = pq.read_table(out / "articles", partitioning="hive").to_pylist()
    return {r["id"]: r for r in rows}


def test_jsonl_parity_and_poisoned_articles(spark: Any, tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", ARTICLES, POISON)
    out = tmp_path / "out"
    marker = run_job(spark, str(src), str(out), partitions=3)
    assert marker["input_format"] == "jsonl"
    assert marker["articles"] == len(ARTICLES) + len(POISON)
    assert marker["ok"] == len(ARTICLES)
    assert is_spark_output(out)

    _assert_parity(out, ARTICLES)

    rows = _article_rows(out)
    assert rows["binary"]["status"] == "failed" and "binary" in rows["binary"]["error"]
    assert rows["huge"]["status"] == "failed" and "too long" in rows["huge"]["error"]
    assert rows["huge"]["text"] is None  # megabytes of non-article are not kept
    assert rows["huge"]["month"] == "2022-02"
    assert rows["no-text"]["status"] == "failed" and rows["no-text"]["title"] == "nur ein Titel"
    malformed = [r for r in rows.values() if r["id"].startswith("line:")]
    assert len(malformed) == 2 and all(r["status"] == "failed" for r in malformed)
    for r in rows.values():
        if r["status"] == "ok":
            assert r["error"] is None
    assert rows["de-1"]["month"] == "2022-02" and rows["de-2"]["month"] == "2021-11"
    assert rows["de-3"]["month"] == "unknown"

    # The statements table: one row per statement, role texts match offsets.
    stmts = pq.read_table(out / "statements", partitioning="hive").to_pylist()
    assert len(stmts) == marker["statements"]
    texts = {a["id"]: a["text"] for a in ARTICLES}
    for s in stmts:
        text = texts[s["article_id"]]
        for role in ROLES:
            spans = [saidwhat.Span(b, e) for b, e in zip(s[f"{role}_begin"], s[f"{role}_end"], strict=True)]
            assert (s[f"{role}_text"] or "") == spans_text(spans, text)
    assert {s["month"] for s in stmts} <= {"2022-02", "2021-11", "2020-03", "2023-05", "unknown"}

    # failed articles come back only when asked for
    assert len(list(iter_articles(out, include_failed=True))) == marker["articles"]

    # models were loaded once per Python worker process (worker reuse on)
    summaries = (
        spark.sparkContext.parallelize(range(6), 6)
        .mapPartitions(lambda _: [__import__("saidwhat.spark.worker").spark.worker.state_summary()])
        .collect()
    )
    assert all(s["loads"] <= 1 for s in summaries), summaries


def _table_rows(out: Path, table: str) -> list[dict[str, Any]]:
    rows = pq.read_table(out / table, partitioning="hive").to_pylist()
    key = "row_id" if table == "articles" else "article_row_id"
    return sorted(rows, key=lambda r: (r[key], r.get("index", 0)))


def test_python_and_jvm_writers_write_the_same_tables(spark: Any, tmp_path: Path) -> None:
    """--writer python (pyarrow in the workers) and --writer spark (the JVM): same rows, same marker."""
    src = _write_jsonl(tmp_path / "in.jsonl", ARTICLES, POISON[:1] + POISON[2:])
    markers = {}
    for writer in ("python", "spark"):
        markers[writer] = run_job(spark, str(src), str(tmp_path / writer), partitions=3, writer=writer)
        assert markers[writer]["writer"] == writer
        _assert_parity(tmp_path / writer, ARTICLES)
    for key in ("articles", "ok", "failed", "statements", "months"):
        assert markers["python"][key] == markers["spark"][key], key
    for table in ("articles", "statements"):
        assert _table_rows(tmp_path / "python", table) == _table_rows(tmp_path / "spark", table), table
    # the Python writer leaves no attempt folders behind
    assert not list((tmp_path / "python").rglob("_attempts"))


def test_python_writer_commits_only_collected_attempts(tmp_path: Path) -> None:
    """A failed or duplicate task attempt's files never reach the output."""
    import pyarrow as pa
    from pyspark.sql.pandas.types import to_arrow_schema

    from saidwhat.spark import writer as PW
    from saidwhat.spark.job import article_schema

    schema = to_arrow_schema(article_schema())
    state = W.WorkerState(extract=saidwhat.extract, pid=0, loads=1, load_seconds=0.0)
    rows = [W.process_record(dict(a), i, state=state, lang="de") for i, a in enumerate(ARTICLES)]
    batch = W.rows_to_batch(rows, schema)
    summaries = []
    for attempt in ("p00000-a1", "p00000-a2"):  # the same partition twice: a speculative duplicate
        w = PW.PartitionWriter(root=str(tmp_path), job="j", attempt=attempt)
        w.add(batch)
        summaries.append(w.close())
    months = PW.commit(str(tmp_path), summaries[:1])  # the driver collected the first attempt only
    assert not (tmp_path / PW.ATTEMPTS_DIR).exists()
    files = sorted(p.name for p in tmp_path.rglob("*.parquet"))
    assert files and all("p00000-a1" in f for f in files)
    assert sum(m["articles"] for m in months.values()) == len(ARTICLES)
    assert sum(m["statements"] for m in months.values()) == sum(len(r[-1]) for r in rows)
    got = pq.read_table(tmp_path / "statements", partitioning="hive")
    assert got.num_rows == sum(len(r[-1]) for r in rows)
    assert set(pa.Table.from_batches([batch]).column("month").to_pylist()) == set(months)


def test_rerun_replaces_output_atomically(spark: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_job(spark, str(_write_jsonl(tmp_path / "a.jsonl", ARTICLES)), str(out))
    old_files = {p.relative_to(out) for p in out.rglob("*.parquet")}
    second = run_job(spark, str(_write_jsonl(tmp_path / "b.jsonl", ARTICLES[:2])), str(out))
    assert (first["articles"], second["articles"]) == (len(ARTICLES), 2)
    assert read_marker(out)["articles"] == 2
    assert {a.id for a in iter_articles(out)} == {"de-1", "de-2"}
    new_files = {p.relative_to(out) for p in out.rglob("*.parquet")}
    assert not (old_files & new_files)  # nothing of the first run is left
    # no temp or backup folders are left next to OUTPUT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "b.jsonl", "out"]

    # an empty input gives an empty (but valid) output
    (tmp_path / "empty.jsonl").write_text("")
    assert run_job(spark, str(tmp_path / "empty.jsonl"), str(out), input_format="jsonl")["articles"] == 0
    assert list(iter_articles(out)) == [] and read_marker(out)["statements"] == 0


def test_missing_input_is_one_clear_error(spark: Any, tmp_path: Path) -> None:
    from saidwhat.errors import InputError

    for fmt in ("auto", "jsonl"):
        with pytest.raises(InputError, match="no such file"):
            run_job(spark, str(tmp_path / "nope.jsonl"), str(tmp_path / "out"), input_format=fmt)


def test_refuses_to_replace_foreign_folder(spark: Any, tmp_path: Path) -> None:
    out = tmp_path / "precious"
    out.mkdir()
    (out / "thesis.tex").write_text("do not delete")
    with pytest.raises(SaidwhatError, match="not a saidwhat spark output"):
        run_job(spark, str(_write_jsonl(tmp_path / "a.jsonl", ARTICLES[:1])), str(out))
    assert (out / "thesis.tex").read_text() == "do not delete"


def test_parquet_text_and_warc_inputs(spark: Any, tmp_path: Path) -> None:
    import pyarrow as pa

    # Parquet with the same columns, published as a real date column
    records = [dict(r) for r in ARTICLES[:3]]
    table = pa.table(
        {
            "id": [r["id"] for r in records],
            "url": [r.get("url") for r in records],
            "title": [r.get("title") for r in records],
            "published": [W.parse_published(r.get("published")) for r in records],
            "source": [r.get("source") for r in records],
            "text": [r["text"] for r in records],
        }
    )
    (tmp_path / "pq").mkdir()
    pq.write_table(table, tmp_path / "pq" / "articles.parquet")
    out = tmp_path / "out-pq"
    assert run_job(spark, str(tmp_path / "pq"), str(out))["input_format"] == "parquet"
    _assert_parity(out, records)

    # Plain text files: one article each, id = file name
    txt = tmp_path / "txt"
    txt.mkdir()
    for r in ARTICLES[:2]:
        (txt / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    (txt / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    out = tmp_path / "out-txt"
    marker = run_job(spark, str(txt), str(out), input_format="text")
    assert (marker["articles"], marker["ok"]) == (3, 2)
    got = {a.id: a for a in iter_articles(out)}
    for r in ARTICLES[:2]:
        assert got[r["id"]].statements == saidwhat.extract(r["text"]).statements
    assert _article_rows(out)["garbage"]["status"] == "failed"

    # WARC: HTML responses → main text → statements
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = tmp_path / "crawl.warc.gz"
    with warc.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for r in ARTICLES[:2]:
            paragraphs = "".join(f"<p>{p}</p>" for p in r["text"].split("\n\n"))
            html = (
                f"<html><head><title>{r['title']}</title></head><body><nav>Startseite | Politik</nav>"
                f"<article><h1>{r['title']}</h1>{paragraphs}</article><footer>Impressum</footer></body></html>"
            ).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                f"https://example.org/{r['id']}", "response", payload=io.BytesIO(html), http_headers=headers
            )
            writer.write_record(rec)
    out = tmp_path / "out-warc"
    marker = run_job(spark, str(warc), str(out))
    assert marker["input_format"] == "warc" and (marker["articles"], marker["ok"]) == (2, 2)
    for a in iter_articles(out):
        assert a.url and a.url.startswith("https://example.org/de-")
        assert "Bündnisgebiets" in a.text or "Schulden" in a.text
        assert a.statements == saidwhat.extract(a.text, published=a.published).statements
        assert all(st.quote for st in a.statements)


@pytest.mark.shared
def test_parity_on_wikinews_dev(spark: Any, tmp_path: Path) -> None:
    dev = need_shared(WIKINEWS / "dev")
    records = []
    for f in sorted(dev.glob("*.json"))[:20]:
        gold = corpus_article(load_corpus_document(f))
        records.append(
            {
                "id": f.stem,
                "title": gold.title,
                "published": gold.published.isoformat() if gold.published else None,
                "text": gold.text,
            }
        )
    out = tmp_path / "out"
    marker = run_job(spark, str(_write_jsonl(tmp_path / "dev.jsonl", records)), str(out), partitions=4)
    assert marker["ok"] == len(records) == 20
    _assert_parity(out, records)


def test_worker_guards_without_spark() -> None:
    class Slow:
        def __call__(self, text: str, **kw: Any) -> Article:
            time.sleep(5)
            return Article(text=text)

    state = W.WorkerState(extract=Slow(), pid=0, loads=1, load_seconds=0.0)
    row = W.process_record({"id": "slow", "text": "Ein Text."}, 7, state=state, lang="de", timeout_s=0.2)
    fields = dict(zip(W.ARTICLE_FIELDS, row, strict=True))
    assert fields["status"] == "failed" and "ArticleTimeout" in fields["error"]
    assert fields["row_id"] == 7 and fields["text"] == "Ein Text."

    class Boom:
        def __call__(self, text: str, **kw: Any) -> Article:
            raise RuntimeError("extractor bug")

    state = W.WorkerState(extract=Boom(), pid=0, loads=1, load_seconds=0.0)
    row = W.process_record({"id": "x", "text": "Text", "published": "2024-05-01"}, 1, state=state, lang="de")
    fields = dict(zip(W.ARTICLE_FIELDS, row, strict=True))
    assert fields["status"] == "failed" and fields["error"] == "RuntimeError: extractor bug"
    assert fields["month"] == "2024-05"

    assert W.parse_published("2021-11-03T09:30:00+01:00") == date(2021, 11, 3)
    assert W.parse_published("gestern") is None
    assert W.record_from_file("file:/data/a/12345.txt", b"x")["id"] == "12345"
    assert W.clean_str("a\ud800b") == "a?b"


def test_quote_groups_table_matches_the_store(spark: Any, tmp_path: Path) -> None:
    """The job's quote_groups/ table groups the reuse set as the store does, conflicts included.

    (Before test_cli: the CLI stops the shared session.)
    """
    from saidwhat.ingest import ingest
    from saidwhat.spark.quotegroups import QUOTE_GROUPS_DIR

    reuse = Path(__file__).resolve().parent / "fixtures" / "reuse" / "articles.jsonl"
    records = [json.loads(line) for line in reuse.read_text(encoding="utf-8").splitlines()]
    src = _write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out"
    marker = run_job(spark, str(src), str(out), partitions=3)
    rows = pq.read_table(out / QUOTE_GROUPS_DIR).to_pylist()
    url_of = {r["id"]: r["url"] for r in records}
    texts = {r["id"]: r["text"] for r in records}
    stmts = {
        (s["article_id"], s["index"]): s for s in pq.read_table(out / "statements", partitioning="hive").to_pylist()
    }
    spark_groups: dict[int, set[tuple[str, str]]] = {}
    for r in rows:
        quote = stmts[(r["article_id"], r["index"])]["quote_text"]
        assert quote and quote in texts[r["article_id"]]
        spark_groups.setdefault(r["group_id"], set()).add((url_of[r["article_id"]], quote))
    assert marker["quote_groups"]["groups"] == len(spark_groups) >= 10
    # each group has exactly one first appearance, the earliest published
    for gid in spark_groups:
        members = [r for r in rows if r["group_id"] == gid]
        firsts = [r for r in members if r["first"]]
        assert len(firsts) == 1 and firsts[0]["published"] == min(m["published"] for m in members)

    db = tmp_path / "store.db"
    ingest([str(reuse)], str(db), progress=False)
    with Store(db, readonly=True) as store:
        total, groups = store.quote_groups(limit=1000)
        store_groups = {
            g["id"]: {(a["url"], a["quote"]) for a in store.quote_group(g["id"])["appearances"]}  # type: ignore[index]
            for g in groups
        }
        conflicts = {frozenset(store_groups[g["id"]]) for g in store.quote_groups(conflicts=True, limit=1000)[1]}
    assert {frozenset(g) for g in spark_groups.values()} == {frozenset(g) for g in store_groups.values()}
    spark_conflicts = {frozenset(spark_groups[r["group_id"]]) for r in rows if r["conflict"]}
    assert spark_conflicts == conflicts and len(conflicts) == marker["quote_groups"]["conflicts"] >= 6


def test_cli(spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Last in the module: the command stops the (shared) session when done.
    from saidwhat.cli import main

    src = _write_jsonl(tmp_path / "in.jsonl", ARTICLES[:2])
    out = tmp_path / "out"
    assert main(["spark", str(src), str(out), "--master", "local[2]", "--input-format", "jsonl"]) == 0
    assert "2 articles (2 ok, 0 failed)" in capsys.readouterr().err
    assert json.loads((out / MARKER_NAME).read_text())["ok"] == 2


def test_arrow_batches_without_spark(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mapInArrow body: JSONL lines in, article record batches of the job's schema out."""
    import pyarrow as pa
    from pyspark.sql.pandas.types import to_arrow_schema

    from saidwhat.spark.job import article_schema

    def boom_on_x(text: str, **kw: Any) -> Article:
        if text == "x":
            raise RuntimeError("extractor bug")
        return saidwhat.extract(text, **kw)

    state = W.WorkerState(extract=boom_on_x, pid=0, loads=1, load_seconds=0.0)
    monkeypatch.setattr(W, "worker_state", lambda lang="de": state)
    schema = to_arrow_schema(article_schema())
    lines = [json.dumps(ARTICLES[0], ensure_ascii=False), "", "{broken", json.dumps({"id": "x", "text": "x"})]
    batches = [pa.RecordBatch.from_pydict({"value": lines[:2]}), pa.RecordBatch.from_pydict({"value": lines[2:]})]
    out = list(
        W.process_arrow_batches(batches, input_format="jsonl", lang="de", max_chars=1000, timeout_s=0, schema=schema)
    )
    assert all(b.schema == schema for b in out)
    rows = pa.Table.from_batches(out).to_pylist()
    assert [r["row_id"] for r in rows] == [0, 1, 2]  # the blank line is skipped, not counted
    assert [r["status"] for r in rows] == ["ok", "failed", "failed"]
    assert rows[0]["n_statements"] == len(_expected(ARTICLES[0]).statements) == len(rows[0]["statements"]) > 0
    assert rows[1]["id"].startswith("line:") and rows[2]["error"] == "RuntimeError: extractor bug"
    assert rows[0]["text"] == ARTICLES[0]["text"]


def test_local_mode_jvm_options_unless_given() -> None:
    # (a cluster master gets none; not asserted here: with the module's session
    # running, SparkConf() reads that JVM's settings, these options included)
    from saidwhat.spark.job import LOCAL_JVM_OPTIONS, _session_conf

    assert _session_conf("local[2]", {}).get("spark.driver.extraJavaOptions") == LOCAL_JVM_OPTIONS
    mine = {"spark.driver.extraJavaOptions": "-Xss4m"}
    assert _session_conf("local[2]", mine).get("spark.driver.extraJavaOptions") == "-Xss4m"
