"""``--lang auto`` (the default): each article's language detected, German when undecided, a code wins.

English extraction is not registered in this branch: these tests check the *choice*
of language (with a registry that also holds English, patched in where needed),
and that German articles are processed exactly as with an explicit ``--lang de``.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED, WIKINEWS, need_shared
from saidwhat.cli import main
from saidwhat.lang import SUPPORTED_LANGUAGES, UnsupportedLanguage, choice
from saidwhat.lang.choice import AUTO, DETECTED, FALLBACK, GIVEN, check_requested, choose_language, languages_for
from saidwhat.pipeline import extract
from saidwhat.store import Store
from saidwhat.store.schema import MIGRATIONS

GERMAN = (
    "BERLIN (dpa) - Die Bundesregierung will die Förderung für Elektroautos verlängern. "
    "„Wir halten Wort“, sagte Verkehrsministerin Anna Weber am Montag in Berlin. "
    "Die Opposition kritisierte den Plan und sprach von einem teuren Wahlgeschenk."
)
ENGLISH = (
    "LONDON (Reuters) - Britain's Harcourt Bank will cut 2,000 jobs over the next two years, the lender said "
    'on Tuesday. "These are difficult but necessary decisions," chief executive Alistair Greene said in a '
    "statement, adding that the branches in rural areas would be the last to close."
)
UNDECIDED = "Harcourt 2,000"  # names and figures only: no language evidence


@pytest.fixture
def with_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """A registry that holds English too (only the choice reads it; nothing English is loaded)."""
    monkeypatch.setattr(choice, "SUPPORTED_LANGUAGES", ("de", "en"))


def test_german_is_detected() -> None:
    assert choose_language(GERMAN) == choice.LanguageChoice("de", DETECTED, "de")


def test_english_is_detected_when_registered(with_english: None) -> None:
    assert choose_language(ENGLISH) == choice.LanguageChoice("en", DETECTED, "en")


def test_english_falls_back_while_not_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(choice, "SUPPORTED_LANGUAGES", ("de",))
    # the detector's answer is kept, but the article is processed as the fallback language
    assert choose_language(ENGLISH) == choice.LanguageChoice("de", FALLBACK, "en")


def test_undecided_text_falls_back_and_is_never_guessed(with_english: None) -> None:
    assert choose_language(UNDECIDED) == choice.LanguageChoice("de", FALLBACK, None)
    assert choose_language("") == choice.LanguageChoice("de", FALLBACK, None)


def test_an_explicit_language_wins_over_the_detector() -> None:
    assert choose_language(ENGLISH, "de") == choice.LanguageChoice("de", GIVEN, None)


def test_the_fallback_language_is_the_runs() -> None:
    with pytest.raises(UnsupportedLanguage):
        choose_language(UNDECIDED, AUTO, fallback="xx")


@pytest.mark.parametrize("code", ["xx", "", "AUTO", None, 3])
def test_unknown_codes_are_refused_naming_auto(code: object) -> None:
    with pytest.raises(UnsupportedLanguage) as got:
        choose_language(GERMAN, code)  # type: ignore[arg-type]
    assert repr(code) in str(got.value) and "auto" in str(got.value)


def test_check_requested_and_languages_to_warm() -> None:
    assert check_requested("auto") == "auto" and check_requested("de") == "de"
    assert languages_for("auto") == SUPPORTED_LANGUAGES
    assert languages_for("de") == ("de",)


def test_extract_auto_is_extract_de_for_german_text() -> None:
    auto, given = extract(GERMAN, lang="auto"), extract(GERMAN, lang="de")
    assert (auto.lang, auto.lang_origin, given.lang_origin) == ("de", DETECTED, GIVEN)
    assert auto.statements and [s.to_dict(GERMAN) for s in auto] == [s.to_dict(GERMAN) for s in given]


def test_cli_extract_defaults_to_auto(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GERMAN, encoding="utf-8")
    assert main(["extract", "--format", "json", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["lang"], out["lang_origin"]) == ("de", DETECTED)
    assert main(["extract", "--format", "json", "--lang", "de", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["lang_origin"] == GIVEN


def test_cli_help_explains_auto(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("extract", "annotate", "ingest"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        help_text = " ".join(capsys.readouterr().out.split())
        assert "auto (detect per article, de when undecided)" in help_text and "(default: auto)" in help_text


def test_cli_unknown_language_names_auto(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", "--lang", "xx", "in", "out"]) == 2
    assert "auto" in capsys.readouterr().err


def _ingest(tmp_path: Path, records: list[dict[str, Any]], *args: str) -> Path:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(src), "--db", str(db), "-q", *args]) == 0
    return db


def _origins(db: Path) -> dict[str, tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return {
            aid: (lang, origin) for aid, lang, origin in conn.execute("SELECT ext_id, lang, lang_origin FROM articles")
        }
    finally:
        conn.close()


def test_ingest_stores_how_each_language_was_chosen(tmp_path: Path) -> None:
    records = [
        {"id": "de", "text": GERMAN},
        {"id": "short", "text": UNDECIDED},
        {"id": "own", "text": GERMAN.replace("Berlin", "Bonn"), "lang": "de"},  # a record's own language
    ]
    db = _ingest(tmp_path, records)
    assert _origins(db) == {"de": ("de", DETECTED), "short": ("de", FALLBACK), "own": ("de", GIVEN)}
    with Store(db, readonly=True) as store:
        assert store.stats()["by_lang"] == {"de (detected)": 1, "de (fallback)": 1, "de (given)": 1}
    # --reprocess keeps a given language and asks the detector again for the others
    assert main(["ingest", "--reprocess", "--db", str(db), "-q"]) == 0
    assert _origins(db) == {"de": ("de", DETECTED), "short": ("de", FALLBACK), "own": ("de", GIVEN)}


def test_ingest_with_an_explicit_language_skips_the_detector(tmp_path: Path) -> None:
    db = _ingest(tmp_path, [{"id": "de", "text": GERMAN}], "--lang", "de")
    assert _origins(db) == {"de": ("de", GIVEN)}


def test_a_v7_store_gains_the_origin_column_as_given(tmp_path: Path) -> None:
    path = tmp_path / "v7.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:7]:
        for sql in step:
            if isinstance(sql, str):
                conn.execute(sql)
    conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '7')")
    conn.execute(
        "INSERT INTO articles(id, text_hash, lang, text, extractor) VALUES ('a1', 'h', 'de', 'Ein Text.', 'x')"
    )
    conn.close()
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS) >= 8
        assert store.stats()["by_lang"] == {"de (given)": 1}


def test_api_extract_defaults_to_auto(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from saidwhat.web import create_app

    with Store(tmp_path / "api.db") as store, TestClient(create_app(store)) as client:
        got = client.post("/api/extract", json={"text": GERMAN}).json()
        assert (got["lang"], got["lang_origin"]) == ("de", DETECTED) and got["statements"]
        got = client.post("/api/extract", json={"text": GERMAN, "lang": "de"}).json()
        assert got["lang_origin"] == GIVEN
        bad = client.post("/api/extract", json={"text": GERMAN, "lang": "xx"})
        assert bad.status_code == 422 and "auto" in bad.text


def test_spark_rows_carry_the_detected_language() -> None:
    from saidwhat.spark import STATUS_OK
    from saidwhat.spark import worker as W

    state = W.worker_state("de")
    row = W.process_record({"id": "x", "text": GERMAN}, 1, state=state, lang=AUTO)
    assert row[6] == "de" and row[9] == STATUS_OK
    failed = W.process_record({"id": "y", "text": 3}, 2, state=state, lang=AUTO)
    assert failed[6] == "de" and failed[9] != STATUS_OK


@pytest.mark.shared
def test_every_german_corpus_article_stays_german_with_english_registered(with_english: None) -> None:
    """With English registered too, ``auto`` processes each Wikinews article as German (so its output is
    what ``--lang de`` gives) and each PolNeAR article as English."""
    chosen: dict[str, set[str]] = {}
    for corpus in (need_shared(WIKINEWS), need_shared(SHARED / "data" / "polnear-en")):
        for path in sorted(corpus.glob("*/*.json")):
            text = json.loads(path.read_text(encoding="utf-8"))["originalText"]
            chosen.setdefault(corpus.name, set()).add(choose_language(text).code)
    assert chosen == {"wikinews-quotes": {"de"}, "polnear-en": {"en"}}
