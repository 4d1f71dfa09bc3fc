"""``search``, ``speakers``, ``stats`` and ``export`` on hostile values and bad output paths."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from saidwhat.cli import main
from saidwhat.commands.export import FORMULA_START, spreadsheet_safe
from saidwhat.lang.de.samples import Sample, annotated_article
from saidwhat.store import SQLITE_MAX_INT, Store

# An article whose title, source, speaker and quotes start like spreadsheet formulas.
FORMULAS = Sample(
    title='=HYPERLINK("http://evil.example","klick")',
    source="@SUM(1+1)*cmd|' /C calc'!A0",
    published=date(2024, 5, 6),
    url="https://example.org/formeln",
    text=(
        "=1+2 sagte Max Muster.\n\n"
        "-5 Prozent seien zu wenig, sagte +Eve.\n\n"
        "\tTAB vorn sei harmlos, sagte Anna Berger.\n\n"
        "Es sei alles gut, sagte Karl Lenz."
    ),
)
ANNOTATIONS = (
    {"kind": "direct", "quote": "=1+2", "speaker": "Max Muster", "cue": "sagte", "addressee": "", "entity": ""},
    {"kind": "indirect", "quote": "-5 Prozent seien zu wenig", "speaker": "+Eve", "cue": "sagte", "addressee": ""},
    {"kind": "indirect", "quote": "\tTAB vorn sei harmlos", "speaker": "Anna Berger", "cue": "sagte", "addressee": ""},
    {"kind": "indirect", "quote": "Es sei alles gut", "speaker": "Karl Lenz", "cue": "sagte", "addressee": ""},
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("formulas") / "store.db"
    with Store(path) as store:
        a = FORMULAS
        store.add_article(annotated_article(a, ANNOTATIONS), url=a.url, title=a.title, source=a.source)
    return path


def formula_cells(text: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [cell for row in rows[1:] for cell in row if cell.startswith(FORMULA_START)]


# ---------------------------------------------------------------- search, speakers, stats


def test_search_speaker_values_that_crashed(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--speaker", "²", "--db", str(db)]) == 0  # a name, matching nobody
    assert "no statements found" in capsys.readouterr().out
    assert main(["search", "--speaker", str(SQLITE_MAX_INT + 1), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("saidwhat: error: speaker:") and str(SQLITE_MAX_INT + 1) in err and err.count("\n") == 1
    assert main(["search", "--speaker", str(SQLITE_MAX_INT), "--db", str(db)]) == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "\udcff"],  # a byte that is not UTF-8, as Python passes it on from argv
        ["search", "--speaker", "Berger\udcff"],
        ["speakers", "--query", "\udcff"],
        ["search", "--since", "２０２４"],
        ["search", "--since", "0000"],
        ["search", "--until", "2024-02-30"],
        ["search", "--until", "2024-13"],
        ["search", "--since", "-001"],
        ["search", "--kind", "\udcff"],
        ["search", " ".join(f"w{i}" for i in range(33))],  # each different word costs a lookup
        ["search", "--speaker", "a" * 60_000],  # too long for a LIKE pattern
        ["speakers", "--query", "a" * 60_000],
    ],
)
def test_bad_values_are_one_error_line(db: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("saidwhat: error: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("value", [str(10**30), "0", "-3", "٣", "1_000", "abc", ""])
def test_counts_must_be_plain_positive_numbers(db: Path, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["search", "--limit", value], ["speakers", "--top", value]):
        with pytest.raises(SystemExit) as stop:
            main([*argv, "--db", str(db)])
        assert stop.value.code == 2
        assert "is not a whole number from 1 to" in capsys.readouterr().err


def test_a_word_repeated_is_searched_once(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", " ".join(["Prozent"] * 100), "--format", "json", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1


def test_search_and_stats_still_answer(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--until", "2024-05", "--format", "json", "--db", str(db)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == len(out["items"]) == 4
    assert main(["search", "--since", "2024-05-07", "--db", str(db)]) == 0
    assert "no statements found" in capsys.readouterr().out
    assert main(["stats", "--db", str(db)]) == 0
    assert str(db) in capsys.readouterr().out  # the command line shows its own file; the web does not


# ---------------------------------------------------------------- export: formulas


def test_spreadsheet_safe_prefixes_only_formula_text() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r", "＝"):
        assert spreadsheet_safe(start + "1") == "'" + start + "1"
    assert spreadsheet_safe("Es sei gut") == "Es sei gut"
    assert spreadsheet_safe(-5) == -5 and spreadsheet_safe(None) is None  # numbers stay numbers


def test_csv_export_has_no_formula_cells_unless_raw(db: Path, tmp_path: Path) -> None:
    safe, raw = tmp_path / "safe.csv", tmp_path / "raw.csv"
    assert main(["export", "--format", "csv", str(safe), "--db", str(db)]) == 0
    assert main(["export", "--format", "csv", "--raw", str(raw), "--db", str(db)]) == 0
    raw_text, safe_text = raw.read_text(encoding="utf-8"), safe.read_text(encoding="utf-8")
    hostile = formula_cells(raw_text)
    # title, source, two quotes (=, -), a speaker (+), TAB quote: each in the raw file
    assert {"=1+2", "-5 Prozent seien zu wenig", "+Eve", "\tTAB vorn sei harmlos", FORMULAS.title} <= set(hostile)
    assert formula_cells(safe_text) == []
    rows = list(csv.DictReader(io.StringIO(safe_text, newline="")))
    assert {r["quote"] for r in rows} >= {"'=1+2", "'-5 Prozent seien zu wenig", "'\tTAB vorn sei harmlos"}
    assert {r["article_title"] for r in rows} == {"'" + FORMULAS.title}
    assert len(rows) == 4 and all(json.loads(r["spans"])["quote"] for r in rows)  # the rest as before


def test_csv_to_standard_output_is_safe_too(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "csv", "-", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "=1+2" in out and formula_cells(out) == []


# ---------------------------------------------------------------- export: where to


def _one_line_error(capsys: pytest.CaptureFixture[str], *expected: str) -> None:
    err = capsys.readouterr().err
    assert err.startswith("saidwhat: error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    for word in expected:
        assert word in err, err


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_to_bad_paths_is_one_line_and_leaves_nothing(
    db: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    (tmp_path / "a-file").write_text("x")
    before = sorted(p.name for p in tmp_path.iterdir())
    cases = {
        tmp_path / "missing" / "out": "no such directory",
        tmp_path: "is a directory",
        tmp_path / "a-file" / "out": "not a directory",
    }
    for out, expected in cases.items():
        assert main(["export", "--format", fmt, str(out), "--db", str(db)]) == 1
        _one_line_error(capsys, str(out), expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def _tmpfs(where: Path, options: str) -> Iterator[Path]:
    """A small tmpfs mounted at ``where`` for one test; skips where none can be mounted (not root, no mount)."""
    where.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)]
    if shutil.which("mount") is None or subprocess.run(mount, capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A read-only file system: root ignores chmod, not a read-only mount."""
    yield from _tmpfs(tmp_path / "ro", "ro,size=1m")


@pytest.fixture
def full_dir(tmp_path: Path) -> Iterator[Path]:
    """A file system with no space left: a 64 KiB tmpfs filled up by a file called ``filler``."""
    for where in _tmpfs(tmp_path / "full", "size=64k"):
        try:
            with open(where / "filler", "wb", buffering=0) as f:
                while True:
                    f.write(b"x" * 4096)
        except OSError:
            pass  # full
        yield where


def test_export_to_a_read_only_file_system(db: Path, read_only_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = read_only_dir / "out.csv"
    assert main(["export", "--format", "csv", str(out), "--db", str(db)]) == 1
    _one_line_error(capsys, str(out), "cannot write", "Read-only file system")
    assert list(read_only_dir.iterdir()) == []


def test_export_to_a_full_disk(db: Path, full_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filled = (full_dir / "filler").stat().st_size
    assert main(["export", "--format", "csv", str(full_dir / "out.csv"), "--db", str(db)]) == 1
    _one_line_error(capsys, "cannot write", "No space left on device")
    assert [p.name for p in full_dir.iterdir()] == ["filler"] and (full_dir / "filler").stat().st_size == filled


@pytest.mark.skipif(not Path("/sys").is_dir(), reason="needs a file system nobody, root included, may write: /sys")
def test_export_where_nobody_may_write(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = Path("/sys/saidwhat-export.csv")
    assert main(["export", "--format", "csv", str(out), "--db", str(db)]) == 1
    _one_line_error(capsys, str(out), "cannot write")
    assert not out.exists()


def test_a_failed_write_leaves_no_file_and_keeps_an_old_one(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    out.write_text("the previous export\n")
    import saidwhat.commands.export as export

    def full_disk(*args: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "_write", full_disk)
    assert main(["export", "--format", "csv", str(out), "--db", str(db)]) == 1
    _one_line_error(capsys, "cannot write", "No space left on device")
    assert out.read_text() == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no .part left behind
