"""Scoring an English corpus: parts dropped before scoring (``--parts``) and the
speech-verb subset (``--speech-verbs``), on a tiny invented article and gold."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED, need_shared
from saidwhat.cli import main
from saidwhat.errors import InputError
from saidwhat.evaluate import (
    QUOTE_SPEAKER_CUE,
    check_parts,
    cue_word_pairs,
    cue_word_scores,
    evaluate_documents,
    load_cue_words,
    match_document,
    speech_verb_list,
    without_nested,
)

# Token i of TEXT is the i-th whitespace-separated word:
#        0    1     2   3    4  5   6    7     8     9    10   11   12   13  14   15   16     17
TEXT = "Smith said taxes will rise . Polls show voters are angry . Crime fell , Jones told Reuters"
WORDS = [(m.start(), m.end()) for m in re.finditer(r"\S+", TEXT)]


def span(first: int, last: int) -> list[dict[str, int]]:
    return [{"charBegin": WORDS[first][0], "charEnd": WORDS[last][1]}]


def role(first: int | None = None, last: int | None = None) -> dict[str, Any]:
    if first is None:
        return {"spans": [], "text": ""}
    return {"spans": span(first, last if last is not None else first), "text": ""}


def ann(quote: tuple[int, int], speaker: int, cue: int, addressee: int | None = None) -> dict[str, Any]:
    return {
        "quote": role(*quote),
        "speaker": role(speaker),
        "cue": role(cue),
        "addressee": role(addressee),
        "frame": role(),
        "type": "Indirect",
        "medium": "Speech",
    }


def doc(*anns: dict[str, Any]) -> dict[str, Any]:
    tokens = [{"charBegin": b, "charEnd": e} for b, e in WORDS]
    return {"documentName": "en-test", "originalText": TEXT, "annotations": list(anns), "tokens": tokens}


# Like PolNeAR: no addressee in the gold; "show" (evidence, not speech) is a cue too.
GOLD = doc(ann((2, 4), 0, 1), ann((8, 10), 6, 7), ann((12, 13), 15, 16))
# A prediction that finds both speech statements and adds the addressee "Reuters".
PRED = doc(ann((2, 4), 0, 1), ann((12, 13), 15, 16, addressee=17))


def test_addressee_costs_precision_unless_dropped() -> None:
    everything = evaluate_documents([(GOLD, PRED)])
    dropped = evaluate_documents([(GOLD, PRED)], parts=QUOTE_SPEAKER_CUE)
    assert everything.parts["addressee"].precision == 0.0  # "Reuters" is not in the gold
    assert "addressee" not in dropped.parts and "frame" not in dropped.parts
    assert set(dropped.parts) == {"quote", "speaker", "cue"}
    # The spurious addressee was the only precision below 1 among the paired statements.
    assert dropped.joint.precision == 1.0
    assert everything.joint.precision < 1.0
    # Recall: the "Polls show" statement is missed on every part it fills.
    assert dropped.joint.recall == pytest.approx(6 / 9)


def test_dropping_a_part_does_not_change_the_pairing() -> None:
    a = match_document(GOLD, PRED)
    b = match_document(GOLD, PRED, parts=QUOTE_SPEAKER_CUE)
    assert [(p.gold and p.gold.index, p.pred and p.pred.index) for p in a.pairs] == [
        (p.gold and p.gold.index, p.pred and p.pred.index) for p in b.pairs
    ]
    assert all(not q.part("addressee") for q in b.pred)


def test_check_parts() -> None:
    assert check_parts(["cue", " quote", "speaker"]) == ("quote", "speaker", "cue")
    with pytest.raises(InputError, match="must include quote"):
        check_parts(["speaker", "cue"])
    with pytest.raises(InputError, match="unknown part.*speakers"):
        check_parts(["quote", "speakers"])


def test_speech_verb_subset_uses_the_gold_cue() -> None:
    verbs = load_cue_words(speech_verb_list("en"))
    assert {"said", "told", "says"} <= verbs and "show" not in verbs
    m = match_document(GOLD, PRED, parts=QUOTE_SPEAKER_CUE)
    subset = cue_word_pairs([m], verbs)
    assert sorted(p.gold.index for p in subset if p.gold is not None) == [0, 2]  # "said", "told"
    scores = cue_word_scores([m], verbs)
    assert scores.gold_quotations == 2 and scores.paired == 2
    assert scores.joint.f1 == 1.0


def test_unpaired_prediction_counts_in_the_subset_by_its_own_cue() -> None:
    verbs = frozenset({"said"})
    spurious = doc(ann((2, 4), 0, 1), ann((12, 13), 6, 1))  # quote shares no token with any gold quote
    m = match_document(doc(ann((2, 4), 0, 1)), spurious, parts=QUOTE_SPEAKER_CUE)
    subset = cue_word_pairs([m], verbs)
    assert len(subset) == 2 and sum(1 for p in subset if p.gold is None) == 1


def test_cue_word_list_errors_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "verbs.txt"
    bad.write_text("# verbs\nsay says said\nsay-so\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"verbs\.txt:3"):
        load_cue_words(bad)
    with pytest.raises(InputError, match="no such speech-verb list"):
        speech_verb_list(str(tmp_path / "missing.txt"))


def _write(directory: Path, d: dict[str, Any]) -> Path:
    directory.mkdir()
    (directory / "a.json").write_text(json.dumps(d), encoding="utf-8")
    return directory


def test_cli_parts_and_speech_verbs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = _write(tmp_path / "gold", GOLD), _write(tmp_path / "pred", PRED)
    assert main(["eval", str(gold), str(pred)]) == 0
    default = capsys.readouterr().out
    assert "|   addressee |" in default and "speech verb" not in default
    assert main(["eval", "--parts", "quote,speaker,cue", "--speech-verbs", "en", str(gold), str(pred)]) == 0
    out = capsys.readouterr().out
    assert "addressee" not in out and "frame" not in out
    tables = out.split("Statements whose cue is a speech verb (en):")
    assert len(tables) == 2
    assert "| joint       | 100.0 | 100.0 | 100.0 |" in tables[1]
    assert main(["eval", "--json", "--parts", "quote,speaker,cue", "--speech-verbs", "en", str(gold), str(pred)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["scores"]["parts"]) == {"quote", "speaker", "cue"}
    assert data["speech_verb_scores"]["gold_quotations"] == 2


def test_cli_rejects_parts_without_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = _write(tmp_path / "gold", GOLD), _write(tmp_path / "pred", PRED)
    assert main(["eval", "--parts", "speaker,cue", str(gold), str(pred)]) != 0
    assert "must include quote" in capsys.readouterr().err


@pytest.mark.shared
def test_polnear_gold_scores_itself_perfectly() -> None:
    dev = need_shared(SHARED / "data" / "polnear-en" / "dev")
    first = sorted(dev.glob("*.json"))[0]
    gold = json.loads(first.read_text(encoding="utf-8"))
    scores = evaluate_documents([(gold, gold)], parts=QUOTE_SPEAKER_CUE)
    assert scores.joint.f1 == 1.0 and set(scores.parts) == set(QUOTE_SPEAKER_CUE)


def test_nested_predictions_are_set_aside_for_a_gold_that_marks_none() -> None:
    # "taxes will rise" quoted inside Smith's statement: a nested statement of its own
    nested = {**ann((2, 4), 0, 1), "isNested": True}
    pred = doc(ann((2, 4), 0, 1), nested, ann((12, 13), 15, 16))
    with_nested = evaluate_documents([(GOLD, pred)], parts=QUOTE_SPEAKER_CUE)
    aside = evaluate_documents([(without_nested(GOLD), without_nested(pred))], parts=QUOTE_SPEAKER_CUE)
    assert with_nested.joint.precision < 1.0  # the nested one pairs with no gold statement
    assert aside.joint.precision == 1.0
    assert [a.get("isNested", False) for a in without_nested(pred)["annotations"]] == [False, False]
