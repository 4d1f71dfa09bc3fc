"""Direct quotes: marks, frames before and after, split quotes, nesting."""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check, check_case, run, runs_with_anchor

CASES = [
    Case(
        why="colon introduction",
        text="Der Trainer sagte: „Wir haben heute verdient gewonnen.“",
        fragment="verdient",
        kind=Kind.DIRECT,
        speaker="Der Trainer",
        cue="sagte",
        quote="„Wir haben heute verdient gewonnen.“",
    ),
    Case(
        why="split quote, first part has the frame",
        text="„Die Lage ist ernst“, sagte der Sprecher. „Wir tun alles, was wir können.“",
        fragment="Lage",
        quote="„Die Lage ist ernst“",
        kind=Kind.DIRECT,
        speaker="der Sprecher",
    ),
    Case(
        why="split quote, second part has the same speaker",
        text="„Die Lage ist ernst“, sagte der Sprecher. „Wir tun alles, was wir können.“",
        fragment="alles",
        quote="„Wir tun alles, was wir können.“",
        kind=Kind.DIRECT,
        entity="Sprecher",
    ),
    Case(
        why="discontinuous cue fuegte hinzu",
        text="„Wir werden nicht aufgeben“, fügte er hinzu.",
        fragment="aufgeben",
        quote="„Wir werden nicht aufgeben“",
        kind=Kind.DIRECT,
        speaker="er",
        cue="fügte … hinzu",
    ),
    Case(
        why="so frame",
        text="„Das war ein schwarzer Tag für die Stadt“, so Oberbürgermeister Peter Klein.",
        fragment="schwarzer",
        quote="„Das war ein schwarzer Tag für die Stadt“",
        kind=Kind.DIRECT,
        speaker="Oberbürgermeister Peter Klein",
        cue="so",
        entity="Peter Klein",
    ),
    Case(
        why="label quote",
        text="Die Regierung hatte den Einsatz als „notwendige Maßnahme“ bezeichnet.",
        fragment="notwendige",
        kind=Kind.DIRECT,
        speaker="Die Regierung",
        quote="„notwendige Maßnahme“",
    ),
    # the prefield cannot speak: it is the object, the speaker follows the verb
    Case(
        why="colon frame object prefield",
        text="Die neue Regel sieht der Präsident des Vereins skeptisch: „Das ist ein schwerer Fehler.“",
        fragment="Fehler",
        quote="„Das ist ein schwerer Fehler.“",
        kind=Kind.DIRECT,
        speaker="der Präsident des Vereins",
    ),
    # no cue verb the lexicon knows, but the verb-second clause makes the quote its prefield
    Case(
        why="quote as prefield of an unknown verb",
        text="„Wir haben heute hervorragend gespielt“, frohlockte der Trainer nach dem Spiel.",
        fragment="hervorragend",
        quote="„Wir haben heute hervorragend gespielt“",
        kind=Kind.DIRECT,
        speaker="der Trainer",
        cue="frohlockte",
    ),
    Case(
        why="quote as prefield of an unknown reflexive verb",
        text="„Wir geben nicht auf“, gab sich die Ministerin kämpferisch.",
        fragment="geben nicht auf",
        quote="„Wir geben nicht auf“",
        kind=Kind.DIRECT,
        speaker="die Ministerin",
        cue="gab sich",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize(
    ("open_", "close"),
    [("„", "“"), ('"', '"'), ("»", "«"), ("«", "»")],
)
def test_quote_marks_then_frame(open_: str, close: str) -> None:
    text = f"{open_}Wir bauen die Brücke bis zum Sommer fertig.{close}, sagte die Bürgermeisterin Anna Keller."
    art = run(text)
    st = check(
        art, "Brücke", kind=Kind.DIRECT, speaker="die Bürgermeisterin Anna Keller", cue="sagte", entity="Anna Keller"
    )
    q = st.role_text("quote", text)
    assert q.startswith(open_) and q.endswith(close)  # marks belong to the quote
    assert st.role_text("frame", text) == ", sagte die Bürgermeisterin Anna Keller"


def test_quote_spanning_sentences() -> None:
    art = run("„Das Wasser stieg sehr schnell. Wir konnten nur noch das Nötigste retten“, sagte ein Anwohner.")
    st = check(art, "Wasser", kind=Kind.DIRECT, speaker="ein Anwohner", cue="sagte")
    assert "Nötigste" in st.role_text("quote", art.text)


def test_quote_spanning_paragraphs() -> None:
    text = "Die Ministerin sagte: „Der erste Teil der Reform kommt im Mai.\n\n„Der zweite Teil folgt im Herbst.“"
    art = run(text)
    assert art.statements
    st = art.statements[0]
    assert "Herbst" in st.role_text("quote", text) and "Mai" in st.role_text("quote", text)


def test_unbalanced_mark_closes_at_paragraph_end() -> None:
    text = "Er sagte: „Wir kommen morgen wieder und bringen Hilfe mit.\n\nDas Wetter bleibt schlecht."
    art = run(text)
    st = check(art, "morgen", kind=Kind.DIRECT, speaker="Er", cue="sagte")
    assert "Wetter" not in st.role_text("quote", text)


def test_nested_short_quote_in_indirect_speech() -> None:
    text = "Der Minister sagte, die Lage sei eine „echte Katastrophe“ für das Land."
    art = run(text)
    outer = check(art, "die Lage sei", kind=Kind.INDIRECT, speaker="Der Minister", cue="sagte")
    inner = check(art, "„echte Katastrophe“", kind=Kind.DIRECT, speaker="Der Minister", quote="„echte Katastrophe“")
    assert inner.nested and not outer.nested
    assert inner.speaker_entity == outer.speaker_entity == "Minister"


def test_titles_in_quotes_are_not_statements() -> None:
    for _, found in runs_with_anchor("Der Film „Das Boot“ lief am Sonntag im Fernsehen."):
        assert found == []


def test_bare_quote_shares_the_frame_before_it() -> None:
    art = run("„Wir haben lange gewartet“, sagte die Ärztin. „Jetzt beginnt endlich der Umbau der Station.“")
    st = check(art, "Umbau", kind=Kind.DIRECT, speaker="die Ärztin", cue="sagte")
    assert st.role_text("frame", art.text) == ", sagte die Ärztin"


def test_one_quoted_word_with_a_distant_cue_is_no_quote() -> None:
    # one word in marks is mostly a term or title, not something said
    for art, found in runs_with_anchor("Der Verlag berichtete über die neue Reihe „Spätlese“ im Herbstprogramm."):
        assert not [st for st in found if st.kind == Kind.DIRECT and "Spätlese" in st.role_text("quote", art.text)]


def test_quote_then_copula_is_no_frame() -> None:
    for _, found in runs_with_anchor("„Der Fänger im Roggen“, war ein Roman von Salinger."):
        assert not any(st.speaker for st in found)
