"""Quotes inside and around reported speech: sentences written for these tests."""

from __future__ import annotations

from saidwhat.model import Kind
from saidwhat.nlp import parse
from saidwhat.pipeline.nested import is_name
from test_de_helpers import check, run


def test_report_with_quoted_fragment_inside() -> None:
    # the narrator's words go on after the fragment: a report around a direct quote
    art = run("Der Sender berichtete von „heftigen Kämpfen“ bei der Einnahme des Hafens durch die Rebellen.")
    check(art, "Einnahme", kind=Kind.REPORTED, speaker="Der Sender")
    check(art, "heftigen Kämpfen", kind=Kind.DIRECT, speaker="Der Sender")

    # a verb particle after the fragment is enough
    art = run("Der Verband kündigte einen „harten Arbeitskampf“ an.")
    check(art, "Verband kündigte", kind=Kind.REPORTED, speaker="Der Verband")


def test_label_fragment_at_clause_end_is_no_report() -> None:
    # "nannte den Plan einen „…“": the fragment alone is the statement
    art = run("Die Bürgermeisterin nannte den Plan des Landes einen „groben Fehler“.")
    assert not any(st.kind == Kind.REPORTED for st in art.statements)
    check(art, "groben Fehler", kind=Kind.DIRECT, speaker="Die Bürgermeisterin")


def test_foreign_title_with_lowercase_particle_is_a_name() -> None:
    # „Diário da Tarde“: "da" joins a foreign name, the quotation marks hold a title
    doc = parse("Diário da Tarde", "de")
    assert is_name(list(doc.tokens))
    # a lower-case word of German keeps a phrase from being a name
    assert not is_name(list(parse("Kampf gegen Armut", "de").tokens))


def test_named_reason_is_reported() -> None:
    # "Als Grund gab/führte X … an": the reason given is what was said
    art = run("Als Grund für die Absage gab die Stadtverwaltung einen Mangel an Personal an.")
    check(art, "Mangel", kind=Kind.REPORTED, speaker="die Stadtverwaltung")
    art = run("Als Ursache führte der Gutachter einen Riss im Rohr an.")
    check(art, "Riss", kind=Kind.REPORTED, speaker="der Gutachter")
    # without "als" the verb leads or states a number: no report
    art = run("Der Verein führte die Tabelle nach dem zehnten Spieltag an.")
    assert not any(st.kind == Kind.REPORTED for st in art.statements)


def test_quote_in_report_takes_the_reports_roles() -> None:
    # the object in quotation marks, no preposition governing it: a quote nested in
    # the report, with the report's speaker and (as the corpus marks it) no cue
    art = run("Der Verband kündigte „harte Maßnahmen“ gegen die Stadt an.")
    check(art, "Verband kündigte", kind=Kind.REPORTED, speaker="Der Verband")
    st = check(art, "harte Maßnahmen", kind=Kind.DIRECT, speaker="Der Verband")
    assert not st.role_text("cue", art.text)
    # governed by the cue's preposition, the quote keeps that cue ("berichtete von")
    art = run("Der Sender berichtete von „heftigen Kämpfen“ bei der Einnahme des Hafens durch die Rebellen.")
    check(art, "heftigen Kämpfen", kind=Kind.DIRECT, speaker="Der Sender", cue="berichtete von")


def test_long_verbless_title_is_no_quote() -> None:
    # a capitalised verbless phrase of many words in marks, no cue: a title
    art = run("Im Museum wurde die Ausstellung „Die Geschichte der Straßenbahn in unserer Stadt von 1890 bis heute“ eröffnet.")
    assert not any(st.kind == Kind.DIRECT for st in art.statements)
