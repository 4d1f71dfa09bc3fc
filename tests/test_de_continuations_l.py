"""Continuations: where the narrator's own voice resumes (helper l)."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def _quotes(text: str) -> list[str]:
    art = run(text)
    return [art.text[s.quote[0].begin : s.quote[-1].end] for s in art.statements]


def test_conditional_without_konjunktiv_one_is_the_narrators() -> None:
    # "Falls …, wäre …" and "Im Falle …, müsste …" after a statement are the
    # narrator's reasoning: no continuation of the statement
    text = (
        "Der Verband kündigte an, gegen das Urteil Berufung einzulegen. "
        "Im Falle einer Niederlage müsste der Verein hohe Strafen zahlen."
    )
    assert not any("Niederlage" in q for q in _quotes(text))
    text = "Die Regierung erklärte, sie prüfe neue Regeln für den Bergbau. Falls das Gesetz scheitert, wäre der Plan am Ende."
    assert not any("scheitert" in q for q in _quotes(text))


def test_counterfactual_with_so_is_the_narrators() -> None:
    text = (
        "Der Fahrer gab an, lediglich ein Glas Wein getrunken zu haben. "
        "Hätte er tatsächlich nur Wein getrunken, so müsste er sehr viel davon getrunken haben."
    )
    assert not any("tatsächlich" in q for q in _quotes(text))


def test_conditional_with_konjunktiv_one_still_continues() -> None:
    # a Konjunktiv I keeps the sentence reported
    text = (
        "Der Virologe Hans Berg warnte vor einer neuen Grippe. "
        "Er sagte, die Lage sei ernst. "
        "Bei einer Pandemie sei mit vielen Kranken zu rechnen."
    )
    check(run(text), "Pandemie", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Er")


def test_konjunktiv_cue_with_a_second_statement_is_one_continuation() -> None:
    # "Dieser behaupte, … und habe befürchtet, …": the second cue only
    # coordinates with the first; the whole sentence continues the statement
    text = (
        "Die Anklage gibt an, der Sänger werde durch seinen Fahrer belastet. "
        "Dieser behaupte, der Sänger sei ihm nachts mit einer Waffe entgegengekommen "
        "und habe befürchtet, jemanden verletzt zu haben. Der Prozess beginnt morgen."
    )
    art = run(text)
    st = check(art, "Waffe", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Die Anklage")
    assert "verletzt" in art.text[st.quote[0].begin : st.quote[-1].end]
    assert sum(1 for s in art.statements if "verletzt" in art.text[s.quote[0].begin : s.quote[-1].end]) == 1


def test_soll_with_passive_after_a_list_is_a_plan() -> None:
    # "soll … gebildet werden" states a plan even when the commas of a list
    # cut the clause short: no hearsay continuation
    text = (
        "Der Rat erklärte, die Stadt müsse klimaneutral werden. "
        "Dazu soll eine Gruppe aus Ärzten, Forschern, Beamten und Planern gebildet werden."
    )
    assert not any("Planern" in q for q in _quotes(text))


def test_bare_quote_takes_a_name_with_apposition_before_the_verb() -> None:
    # the relative clause in the apposition hid the subject; the noun after
    # the verb ("die Haltung der Regierung") is the object, not the speaker
    text = (
        "Der Brief wurde gestern veröffentlicht. "
        "Karl Brandt, einer der Abgeordneten, die den Brief unterschrieben, verurteilte die Haltung der Regierung. "
        "„Diese Regierung hat versagt.“"
    )
    # (the relative clause is left out of a prefield subject, as subject_phrase does everywhere)
    check(run(text), "versagt", kind=Kind.DIRECT, speaker="Karl Brandt, einer der Abgeordneten")


def test_konjunktiv_two_with_an_indicative_second_verb_is_the_narrators() -> None:
    text = (
        "Die Forscherin Anna Klein warnte vor zu viel Aufregung. "
        "Er hätte zu dem Treffen gerne auch Kritiker eingeladen, hatte aber keine gefunden."
    )
    assert not any("Kritiker" in q for q in _quotes(text))
