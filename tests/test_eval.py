"""The corpus metric on tiny hand-computed examples, and ``saidwhat eval``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED_GOLD, WIKINEWS, need_shared
from saidwhat.cli import main
from saidwhat.evaluate import evaluate_dirs, evaluate_documents, match_document

# Token i of TEXT is the i-th whitespace-separated word:
#  0   1     2    3   4   5        6     7  8    9   10
TEXT = "„ Wir kommen “ , sagte Stoltenberg . Er teilte mit"
WORDS = [(m.start(), m.end()) for m in re.finditer(r"\S+", TEXT)]


def tok(*idx: int) -> list[tuple[int, int]]:
    """Character spans of the given tokens, each token its own span."""
    return [WORDS[i] for i in idx]


def run(first: int, last: int) -> list[tuple[int, int]]:
    """One character span from token ``first`` to token ``last`` inclusive."""
    return [(WORDS[first][0], WORDS[last][1])]


def role(spans: list[tuple[int, int]] | None = None) -> dict[str, Any]:
    spans = spans or []
    return {"spans": [{"charBegin": b, "charEnd": e} for b, e in spans], "text": ""}


def ann(
    quote: list[tuple[int, int]],
    speaker: list[tuple[int, int]] | None = None,
    cue: list[tuple[int, int]] | None = None,
    *,
    type: str = "Direct",
    medium: str = "Speech",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "quote": role(quote),
        "speaker": role(speaker),
        "cue": role(cue),
        "addressee": role(),
        "frame": role(),
        "type": type,
        "medium": medium,
        **extra,
    }


def doc(*anns: dict[str, Any], tokens: bool = True, name: str = "1 - Test (2024-01-02)") -> dict[str, Any]:
    d: dict[str, Any] = {"documentName": name, "originalText": TEXT, "annotations": list(anns)}
    if tokens:
        d["tokens"] = [{"charBegin": b, "charEnd": e, "id": i} for i, (b, e) in enumerate(WORDS)]
    return d


GOLD = doc(
    ann(run(0, 3), tok(6), tok(5)),
    ann(run(0, 3), tok(8), tok(9, 10), type="Indirect"),  # discontinuous cue "teilte … mit"
)


def test_identity_scores_100() -> None:
    s = evaluate_documents([(GOLD, GOLD)])
    for prf in (s.joint, s.quote, s.roles, s.type, s.medium, *s.parts.values()):
        if prf.n_precision or prf.n_recall:
            assert prf.precision == prf.recall == prf.f1 == 1.0
    assert s.paired == 2 and s.gold_quotations == 2 and s.predicted_quotations == 2


def test_empty_prediction_gives_recall_zero() -> None:
    for pred in (doc(), None):
        s = evaluate_documents([(GOLD, pred)])
        assert s.joint.recall == 0.0 and s.quote.recall == 0.0
        assert s.joint.n_precision == 0  # nothing predicted: no precision defined
        # 2 quotations x (quote, speaker, cue) filled in gold = 6 recall terms
        assert s.joint.n_recall == 6
        assert s.paired == 0 and s.type.recall == 0.0
    assert evaluate_documents([(GOLD, None)]).missing_predictions == ["1 - Test (2024-01-02)"]


def test_partial_span_earns_partial_credit() -> None:
    gold = doc(ann(run(0, 3), tok(6), tok(5)))
    # quote: 2 of the 4 gold tokens, nothing else; the second span starts in
    # the middle of "kommen" and so covers that whole token.
    b, e = WORDS[2]
    pred = doc(ann([WORDS[1], (b + 2, e)], tok(6), tok(5)))
    s = evaluate_documents([(gold, pred)])
    assert s.quote.precision == 1.0 and s.quote.recall == 0.5
    # joint: precisions (1, 1, 1), recalls (0.5, 1, 1)
    assert s.joint.precision == 1.0
    assert s.joint.recall == pytest.approx(2.5 / 3)
    assert s.joint.f1 == pytest.approx(2 * (2.5 / 3) / (1 + 2.5 / 3))


def test_discontinuous_cue() -> None:
    gold = doc(ann(run(0, 3), tok(8), tok(9, 10), type="Indirect"))
    pred = doc(ann(run(0, 3), tok(8), tok(9), type="Indirect"))  # "teilte" without "mit"
    s = evaluate_documents([(gold, pred)])
    assert s.parts["cue"].precision == 1.0 and s.parts["cue"].recall == 0.5
    assert s.roles.recall == pytest.approx((1 + 0.5) / 2)
    # a discontinuous predicted cue matching both pieces gets full credit
    s = evaluate_documents([(gold, doc(ann(run(0, 3), tok(8), tok(9, 10), type="Indirect")))])
    assert s.parts["cue"].f1 == 1.0


def test_type_bonus_decides_tie() -> None:
    gold = doc(ann(run(0, 3), tok(6), tok(5), type="Direct"))
    wrong_type = ann(run(0, 3), type="Indirect", medium="Speech")
    right_type = ann(run(0, 3), tok(6), tok(5), type="Direct", medium="Writing")
    for anns in ((wrong_type, right_type), (right_type, wrong_type)):
        m = match_document(gold, doc(*anns))
        (paired,) = [p for p in m.pairs if p.paired]
        assert paired.pred is not None and paired.pred.type == "Direct"
    s = evaluate_documents([(gold, doc(wrong_type, right_type))])
    assert s.type.precision == 0.5 and s.type.recall == 1.0
    assert s.medium.precision == 0.0  # the paired one has the other medium


def test_type_bonus_outweighs_medium_bonus() -> None:
    gold = doc(ann(run(0, 3), type="Direct", medium="Speech"))
    m = match_document(gold, doc(ann(run(0, 3), type="Indirect"), ann(run(0, 3), medium="Writing")))
    (paired,) = [p for p in m.pairs if p.paired]
    assert paired.pred is not None and paired.pred.index == 1


def test_no_overlap_is_not_a_pair() -> None:
    # Same speaker, disjoint quotes: no pairing, so the speaker earns nothing.
    gold = doc(ann(run(0, 1), tok(6)))
    pred = doc(ann(run(8, 9), tok(6)))
    s = evaluate_documents([(gold, pred)])
    assert s.paired == 0
    assert s.parts["speaker"].precision == 0.0 and s.parts["speaker"].recall == 0.0
    # the spurious quotation costs precision on both parts it fills
    assert s.joint.n_precision == 2 and s.joint.precision == 0.0


def test_extra_role_costs_precision() -> None:
    gold = doc(ann(run(0, 3)))
    pred = doc(ann(run(0, 3), tok(6)))  # a speaker where gold has none
    s = evaluate_documents([(gold, pred)])
    assert s.joint.precision == 0.5 and s.joint.recall == 1.0


def test_means_pool_pairs_across_articles() -> None:
    # Article A: one perfect pair. Article B: two gold quotes, one found with
    # half its quote. Pooled quote recall = (1 + 0.5 + 0) / 3, not a mean of
    # per-article means.
    a = doc(ann(run(0, 3)), name="A")
    b = doc(ann(run(0, 3)), ann(run(8, 10)), name="B")
    b_pred = doc(ann(run(0, 1)), name="B")
    s = evaluate_documents([(a, a), (b, b_pred)])
    assert s.quote.recall == pytest.approx(0.5)
    assert s.quote.precision == 1.0
    assert s.documents == 2


def test_gold_without_tokens_is_tokenised() -> None:
    gold = doc(ann(run(0, 3), tok(6), tok(5)), tokens=False)
    pred = doc(ann(run(1, 2), tok(6), tok(5)), tokens=False)
    s = evaluate_documents([(gold, pred)])
    assert s.quote.precision == 1.0 and s.quote.recall == 0.5


def test_different_text_is_an_error() -> None:
    from saidwhat.errors import InputError

    other = dict(doc(), originalText=TEXT + " x")
    with pytest.raises(InputError, match="originalText differs"):
        evaluate_documents([(GOLD, other)])


def _write(path: Path, d: dict[str, Any]) -> None:
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")


def test_evaluate_dirs_missing_prediction(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    _write(gold / "a.json", GOLD)
    _write(gold / "b.json", GOLD)
    _write(pred / "a.json", GOLD)
    _write(pred / "z.json", GOLD)
    s = evaluate_dirs(gold, pred)
    assert s.missing_predictions == ["b.json"] and s.unmatched_predictions == ["z.json"]
    assert s.quote.precision == 1.0 and s.quote.recall == 0.5
    assert main(["eval", str(gold), str(pred)]) == 0
    out = capsys.readouterr().out
    assert "| joint" in out and "scored as empty predictions: b.json" in out
    assert main(["eval", str(gold / "a.json"), str(pred / "a.json"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scores"]["joint"]["f1"] == 1.0


def test_eval_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.json").write_text("{\n  'x': 1\n}", encoding="utf-8")
    _write(tmp_path / "good.json", GOLD)
    assert main(["eval", str(tmp_path / "good.json"), str(tmp_path / "bad.json")]) == 1
    err = capsys.readouterr().err.strip()
    assert "bad.json" in err and "line 2" in err and len(err.splitlines()) == 1
    assert main(["eval", str(tmp_path / "nope"), str(tmp_path)]) == 1
    assert "no such file" in capsys.readouterr().err


def test_eval_report_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "g.json", GOLD)
    _write(tmp_path / "p.json", doc(ann(run(1, 2), tok(8), tok(5), confidence=0.9)))
    assert main(["eval", str(tmp_path / "g.json"), str(tmp_path / "p.json"), "--report", "--worst", "2"]) == 0
    out = capsys.readouterr().out
    assert "By gold quotation type" in out and "Worst" in out and "confidence" in out


@pytest.mark.shared
def test_seed_gold_identity() -> None:
    gold = json.loads(need_shared(SEED_GOLD).read_text(encoding="utf-8"))
    assert "tokens" not in gold
    s = evaluate_documents([(gold, gold)])
    assert s.joint.f1 == 1.0 and s.paired == len(gold["annotations"])


@pytest.mark.shared
def test_dev_identity() -> None:
    dev = need_shared(WIKINEWS / "dev")
    s = evaluate_dirs(dev, dev)
    assert s.joint.f1 == 1.0 and s.gold_quotations == s.paired == 653


def test_report_causes() -> None:
    from saidwhat.report import build_report, format_report

    gold = doc(ann(run(0, 3), tok(8), tok(5)))  # speaker "Er", a pronoun
    pred = doc(ann(run(0, 1), tok(8), tok(5)), ann(run(2, 3), confidence=0.9))
    r = build_report([match_document(gold, pred)], worst=5)
    assert r.causes["split"] == 1 and r.causes["merged"] == 0
    assert r.causes["boundary"] == 1 and r.causes["spurious"] == 1 and r.causes["missed"] == 0
    assert r.causes["pronoun_unresolved"] == 1 and r.pronoun_speakers == 1
    confident = next(c for c in r.confidence if "≥" in c.label)
    assert confident.predictions == 1 and confident.paired == 0 and confident.joint_precision == 0.0
    # The resolved entity counts as resolved when gold names none.
    pred = doc(ann(run(0, 3), tok(8), tok(5), speakerEntity="Stoltenberg"))
    r = build_report([match_document(gold, pred)])
    assert r.causes["pronoun_unresolved"] == 0 and r.causes["boundary"] == 0
    # ... and as unresolved when gold names someone else.
    gold_named = doc(ann(run(0, 3), tok(8), tok(5), speakerEntity="Weber"))
    assert build_report([match_document(gold_named, pred)]).causes["pronoun_unresolved"] == 1
    assert "| pronoun speaker unresolved" in format_report(r)


def test_report_nested_quotes_are_not_split() -> None:
    from saidwhat.report import build_report

    # An inner quotation nested in an outer one, both found exactly.
    gold = doc(ann(run(0, 10), type="Indirect"), ann(run(0, 3)))
    r = build_report([match_document(gold, gold)])
    assert r.causes["split"] == r.causes["merged"] == 0
    assert r.worst == []  # nothing wrong, no cases
