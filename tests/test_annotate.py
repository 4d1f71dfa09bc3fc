"""``saidwhat annotate``: corpus-schema predictions, one bad file never stops a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import WIKINEWS, need_shared
from saidwhat.cli import main
from saidwhat.commands.annotate import write_json_atomic

ARTICLE = "„Wir werden das prüfen“, sagte Bürgermeisterin Anna Weber am Montag. Sie lehnte weitere Angaben ab."
# what ARTICLE says, and who: (quote, speakerEntity) of each annotation
STATEMENTS = [("„Wir werden das prüfen“", "Anna Weber")]


def statements_of(path: Path) -> list[tuple[str, str]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return [(ann["quote"]["text"], ann["speakerEntity"]) for ann in doc["annotations"]]


def corpus_doc(text: str = ARTICLE, name: str = "42 - Rathaus (2021-03-04)") -> dict[str, object]:
    return {
        "documentName": name,
        "originalText": text,
        # Annotations of the input are ignored, even nonsensical ones.
        "annotations": [{"type": "NoSuchType", "quote": "broken"}],
    }


@pytest.fixture()
def indir(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.json").write_text(json.dumps(corpus_doc(), ensure_ascii=False), encoding="utf-8")
    (d / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "latin1.txt").write_bytes(ARTICLE.replace("„", '"').replace("“", '"').encode("latin-1"))
    (d / "broken.json").write_text('{\n  "documentName": "x",\n  "originalText": "a" oops\n}', encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "notes.md").write_text("ignored: neither .json nor .txt", encoding="utf-8")
    return d


def test_annotate_directory(indir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["annotate", str(indir), str(out)]) == 1  # two bad files
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2, captured.err
    broken = next(e for e in errors if "broken.json" in e)
    assert broken.startswith(f"saidwhat: {indir / 'broken.json'}: ") and "line 3" in broken
    binary = next(e for e in errors if "binary.txt" in e)
    assert binary.startswith("saidwhat: ") and "binary" in binary
    assert "Traceback" not in captured.err
    assert "3 article(s)" in captured.out and "2 failed" in captured.out

    assert sorted(p.name for p in out.iterdir()) == ["good.json", "latin1.json", "plain.json"]  # no temp files left
    good = json.loads((out / "good.json").read_text(encoding="utf-8"))
    assert good["documentName"] == "42 - Rathaus (2021-03-04)"
    assert good["originalText"] == ARTICLE
    assert good["published"] == "2021-03-04"  # from the (YYYY-MM-DD) in the name
    assert statements_of(out / "good.json") == STATEMENTS
    assert statements_of(out / "latin1.json") == [('"Wir werden das prüfen"', "Anna Weber")]
    for ann in good["annotations"]:
        assert ann["type"] != "NoSuchType"
        for sp in ann["quote"]["spans"]:
            assert 0 <= sp["charBegin"] < sp["charEnd"] <= len(ARTICLE)
    plain = json.loads((out / "plain.json").read_text(encoding="utf-8"))
    assert plain["documentName"] == "plain" and plain["originalText"] == ARTICLE
    assert plain["annotations"] == good["annotations"]
    # The output is valid input for eval (scored against itself: 100).
    assert main(["eval", str(out / "good.json"), str(out / "good.json"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["scores"]["quote"]["recall"] == 1.0


def test_published_field_wins_over_name(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    doc = corpus_doc() | {"published": "2020-01-01"}
    (d / "a.json").write_text(json.dumps(doc), encoding="utf-8")
    assert main(["annotate", str(d), str(tmp_path / "out")]) == 0
    assert json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))["published"] == "2020-01-01"
    assert statements_of(tmp_path / "out" / "a.json") == STATEMENTS


def test_annotate_refuses_overwriting_inputs(indir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(indir), str(indir)]) == 1
    assert "inputs would be overwritten" in capsys.readouterr().err


def test_annotate_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(tmp_path / "nope"), str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("saidwhat: error: ") and "no such file" in err


def test_write_json_atomic_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    write_json_atomic(target, {"a": 1})

    class Unserialisable:
        pass

    with pytest.raises(TypeError):
        write_json_atomic(target, {"a": Unserialisable()})
    assert json.loads(target.read_text(encoding="utf-8")) == {"a": 1}  # old content intact
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]  # temp file removed


@pytest.mark.slow
def test_workers_give_same_output(indir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(indir), str(tmp_path / "one")]) == 1
    assert main(["annotate", str(indir), str(tmp_path / "two"), "--workers", "2"]) == 1
    err = capsys.readouterr().err
    assert err.count("broken.json") == 2 and "Traceback" not in err
    one = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert one == sorted(p.name for p in (tmp_path / "two").iterdir())
    assert statements_of(tmp_path / "two" / "good.json") == STATEMENTS
    for name in one:
        assert (tmp_path / "one" / name).read_text(encoding="utf-8") == (tmp_path / "two" / name).read_text(
            encoding="utf-8"
        )


@pytest.mark.shared
def test_annotate_dev_sample_scores(tmp_path: Path) -> None:
    """Plumbing on real data: three dev articles through annotate and eval."""
    dev = need_shared(WIKINEWS / "dev")
    sample = tmp_path / "gold"
    sample.mkdir()
    for p in sorted(dev.glob("*.json"))[:3]:
        (sample / p.name).write_bytes(p.read_bytes())
    assert main(["annotate", str(sample), str(tmp_path / "pred")]) == 0
    from saidwhat.evaluate import evaluate_dirs

    s = evaluate_dirs(sample, tmp_path / "pred")
    assert s.documents == 3 and not s.missing_predictions
    # plumbing, not quality (the dev gate measures that): predictions came out and pair with gold quotes
    assert s.joint.n_precision > 0 and s.joint.f1 > 0
