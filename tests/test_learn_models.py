"""The learned stages: shipped models load; NER and the statement decoder behave."""

from __future__ import annotations

import pytest

from saidwhat.lang.de.learn import crf, ner, statements
from saidwhat.lang.de.tagger import parse
from saidwhat.model import Article, Kind, Span, Statement


def test_models_ship_with_the_package() -> None:
    assert crf.has_model(ner.MODEL_FOLDER)
    assert statements.has_model()
    assert crf.tagger(ner.MODEL_FOLDER) is crf.tagger(ner.MODEL_FOLDER)  # loaded once


def test_ner_finds_person_and_organisation() -> None:
    text = "Bundeskanzlerin Angela Merkel sagte am Montag der Nachrichtenagentur Reuters, die Lage sei ernst."
    ents = ner.find_entities(parse(text))
    found = {(e.text, e.label) for e in ents}
    assert ("Angela Merkel", "PER") in found
    assert ("Reuters", "ORG") in found
    for e in ents:
        assert text[e.begin : e.end_char] == e.text


def test_ner_empty_doc() -> None:
    assert ner.find_entities(parse("")) == []


def test_bio_to_entities() -> None:
    assert ner.bio_to_entities(["B-PER", "I-PER", "O", "I-ORG", "B-LOC"]) == [
        ("PER", 0, 2),
        ("ORG", 3, 4),
        ("LOC", 4, 5),
    ]


def _labels(doc_tokens: list[str], spec: dict[str, str]) -> list[str]:
    """Labels from ``{"a b": "Lab"}``-style word runs (first occurrence, B-/I- added)."""
    out = ["O"] * len(doc_tokens)
    for run, lab in spec.items():
        words = run.split()
        for k in range(len(doc_tokens) - len(words) + 1):
            if doc_tokens[k : k + len(words)] == words and all(x == "O" for x in out[k : k + len(words)]):
                for j in range(len(words)):
                    out[k + j] = lab if lab == "FRM" else ("B-" if j == 0 else "I-") + lab
                break
    return out


def test_decoder_builds_statements_from_labels() -> None:
    text = "Der Minister sagte, die Lage sei ernst. Sie werde sich aber bessern."
    doc = parse(text)
    words = [t.text for t in doc.tokens]
    q = _labels(words, {"die Lage sei ernst": "Indirect", "Sie werde sich aber bessern .": "IndirectFreeIndirect"})
    r = _labels(words, {"Der Minister": "SPK", "sagte": "CUE", ",": "FRM"})
    sts = statements.decode(doc, q, r)
    assert [s.kind for s in sts] == [Kind.INDIRECT, Kind.INDIRECT_FREE_INDIRECT]
    first, second = sts
    assert first.role_text("quote", text) == "die Lage sei ernst"
    assert first.role_text("speaker", text) == "Der Minister"
    assert first.role_text("cue", text) == "sagte"
    assert first.role_text("frame", text) == "Der Minister sagte,"
    assert second.role_text("quote", text) == "Sie werde sich aber bessern."
    # a continuation without its own speaker keeps the previous one
    assert second.speaker == first.speaker
    assert second.cue == []


def test_decoder_merges_quote_interrupted_by_frame() -> None:
    text = "Ein Tatverdacht bestehe nach Angaben der Polizei nicht mehr."
    doc = parse(text)
    words = [t.text for t in doc.tokens]
    q = _labels(words, {"Ein Tatverdacht bestehe": "Indirect", "nicht mehr": "Indirect"})
    r = _labels(words, {"nach": "CUE", "Angaben der Polizei": "SPK"})
    r = ["FRM" if lab == "O" and w in ("nach",) else lab for lab, w in zip(r, words, strict=True)]
    sts = statements.decode(doc, q, r)
    assert len(sts) == 1
    st = sts[0]
    assert len(st.quote) == 2
    assert st.role_text("speaker", text) == "Angaben der Polizei"
    assert st.role_text("cue", text) == "nach"


def test_decoder_adds_nested_direct_quote() -> None:
    text = "Er sagte, die Lage sei „sehr ernst“ geworden."
    doc = parse(text)
    words = [t.text for t in doc.tokens]
    q = _labels(words, {"die Lage sei „ sehr ernst “ geworden": "Indirect"})
    r = _labels(words, {"Er": "SPK", "sagte": "CUE", ",": "FRM"})
    sts = statements.decode(doc, q, r)
    assert [s.nested for s in sts] == [False, True]
    assert sts[1].kind == Kind.DIRECT
    assert sts[1].role_text("quote", text) == "„sehr ernst“"
    assert sts[1].speaker == sts[0].speaker


def test_merge_with_rules_drops_rejected_and_adds_missed() -> None:
    text = "Er sagte, es regne. Sie meinte, es schneie."
    doc = parse(text)
    rule = Statement(kind=Kind.INDIRECT, quote=[Span(10, 18)], speaker=[Span(0, 2)])
    learned = Statement(kind=Kind.INDIRECT, quote=[Span(32, 42)], speaker=[Span(20, 23)])
    p_low = [0.0] * len(doc.tokens)
    assert statements.merge_with_rules(doc, [rule], [learned], p_low, keep=0.5) == [learned]
    p_high = [1.0] * len(doc.tokens)
    got = statements.merge_with_rules(doc, [rule], [learned], p_high, keep=0.5)
    assert [s.quote for s in got] == [rule.quote, learned.quote]


@pytest.mark.slow
def test_relabel_runs_on_rule_output() -> None:
    text = "Der Minister sagte am Montag, die Lage sei ernst. „Wir tun alles“, sagte er."
    doc = parse(text)
    art = statements.rules_only(text, None, statements.rule_extractor())
    rule_quotes = [s.role_text("quote", text) for s in art.statements]
    assert rule_quotes == ["die Lage sei ernst", "„Wir tun alles“"]
    out = statements.relabel(doc, Article(text=text, statements=list(art.statements)))
    assert all(isinstance(s, Statement) for s in out)
    # the CRF keeps both rule statements (it would find "ernst" even without them)
    assert [s.role_text("quote", text) for s in out] == rule_quotes
