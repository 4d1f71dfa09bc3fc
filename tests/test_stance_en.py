"""English stance (lang/en/stance.py): the speech act of a statement from its cue and its words.

The statements are built here from sentences written for this test (the quote
and the cue marked by hand, as the English extractor will give them), so the
step is tested before an English extractor exists.
"""

from __future__ import annotations

import pytest

from saidwhat.lang.en.lexicons import forms_of
from saidwhat.lang.en.stance import assign_stances, cue_entries
from saidwhat.model import Kind, Span, Stance, Statement
from saidwhat.nlp import Doc, tokenize


def stance_of(text: str, cue: str, quote: str, kind: Kind = Kind.INDIRECT) -> Stance:
    """The stance of the statement whose cue and quote are the first occurrences of these strings in ``text``."""
    c, q = text.index(cue), text.index(quote)
    st = Statement(kind=kind, quote=[Span(q, q + len(quote))], cue=[Span(c, c + len(cue))] if cue else [])
    assign_stances(Doc(text, tokenize(text, "en"), [], "en"), [st])
    return st.stance


@pytest.mark.parametrize(
    ("text", "cue", "quote", "stance"),
    [
        ("The company denied that it had broken the rules.", "denied", "that it had broken the rules", Stance.DENY),
        ("The company did not deny that it had broken the rules.", "deny", "that it had broken", Stance.CONFIRM),
        ("The company didn't deny that it had broken the rules.", "deny", "that it had broken", Stance.CONFIRM),
        ("The mayor rejected the criticism as unfounded.", "rejected", "the criticism as unfounded", Stance.REJECT),
        ("A spokesman declined to comment.", "declined", "to comment", Stance.REFUSE),
        ("The union has called for higher wages.", "has called for", "higher wages", Stance.DEMAND),
        ("The senator asked whether the figures were right.", "asked", "whether the figures", Stance.QUESTION),
        ("The senator asked the agency to investigate.", "asked", "the agency to investigate", Stance.DEMAND),
        ("Experts warned of new floods.", "warned", "of new floods", Stance.WARN),
        ("The opposition accused the government of failure.", "accused", "the government of failure", Stance.CRITICISE),
        ("The association welcomed the decision.", "welcomed", "the decision", Stance.PRAISE),
        ("The group announced it would cut 500 jobs.", "announced", "it would cut 500 jobs", Stance.ANNOUNCE),
        ("Paris pledged to send troops.", "pledged", "to send troops", Stance.PROMISE),
        ("Russia claims it was attacked.", "claims", "it was attacked", Stance.CLAIM),
        ("The police estimate the crowd at 3,000.", "estimate", "the crowd at 3,000", Stance.ESTIMATE),
        ("He acknowledged that the plan had failed.", "acknowledged", "that the plan had failed", Stance.CONFIRM),
        ("The bridge is closed, the spokesman said.", "said", "The bridge is closed", Stance.SAY),
    ],
)
def test_cue_gives_the_stance(text: str, cue: str, quote: str, stance: Stance) -> None:
    assert stance_of(text, cue, quote) == stance


def test_neutral_cue_leaves_it_to_the_words() -> None:
    text = "“That is a disgrace,” she said. “The bridge opens on Monday,” she said."
    assert stance_of(text, "said", "“That is a disgrace,”", Kind.DIRECT) == Stance.CRITICISE
    assert stance_of(text, "she said.", "“The bridge opens on Monday,”", Kind.DIRECT) == Stance.SAY


def test_word_after_a_negation_does_not_count() -> None:
    text = "“There is no danger to residents,” the mayor said."
    assert stance_of(text, "said", "“There is no danger to residents,”", Kind.DIRECT) == Stance.SAY


def test_statement_without_cue_is_read_from_its_words() -> None:
    text = "“We must act now.”"
    assert stance_of(text, "", text, Kind.DIRECT) == Stance.DEMAND


def test_inflections_of_a_lemma() -> None:
    # the stance cues take the cue-verb lexicon's forms (irregular ones from irregular_verbs.txt)
    assert set(forms_of("deny")) == {"deny", "denies", "denied", "denying"}
    assert set(forms_of("urge")) == {"urge", "urges", "urged", "urging"}
    assert set(forms_of("blast")) == {"blast", "blasts", "blasted", "blasting"}
    assert "denied" in {form for form, entries in cue_entries().items() if any(e.words == ("deny",) for e in entries)}
    assert "criticized" in cue_entries() and "laid" in cue_entries()  # irregular forms from forms=
