"""Continuations and bare quotes: which speaker mention they take (more cases)."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_bare_quote_after_narration_takes_its_speaking_subject() -> None:
    # the sentence right before has no statement but a speaking subject of
    # its own: the bare quote is hers, not the older statement's speaker
    text = (
        "„Wir bauen die Brücke neu“, sagte der Bürgermeister Karl Brandt. "
        "Die Ministerin Eva Roth kritisierte den Plan. "
        "„Das Geld fehlt an den Schulen.“"
    )
    check(run(text), "Geld fehlt", kind=Kind.DIRECT, speaker="Die Ministerin Eva Roth")


def test_bare_quote_after_owner_source_takes_the_subject() -> None:
    # "nach eigenem Bekunden" only points at its owner, the sentence's subject
    text = (
        "Der Trainer des Vereins, Paul Weber, war nach eigenem Bekunden lange in die Pläne eingeweiht. "
        "„Die Mannschaft braucht einen Neuanfang.“"
    )
    check(run(text), "Neuanfang", kind=Kind.DIRECT, speaker="Der Trainer des Vereins, Paul Weber")


def test_report_inside_a_konjunktiv_sentence_does_not_lend_its_speaker() -> None:
    # "dass sie … ausgingen" is a report inside a sentence that itself continues
    # the statement before ("habe"; "entdeckte" before a noun is no verb): the
    # next Konjunktiv sentence still continues the scientists' statement
    text = (
        "Bislang gingen die Forscher davon aus, dass die Steine langsam wachsen würden. "
        "Der neu entdeckte Planet dagegen habe sich so schnell entwickelt, dass sie nun von einer anderen Theorie ausgingen. "
        "In diesem Fall habe sich der Planet aus Gas gebildet."
    )
    check(run(text), "aus Gas", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="die Forscher")


def test_continuation_of_a_bare_quote_gets_the_quotes_speaker() -> None:
    # the bare quote takes its speaker only after the continuation was made:
    # the Konjunktiv sentence after it shares that speaker mention
    text = (
        "„Die Lage ist ernst“, sagte die Ärztin Maria Stein. "
        "„Wir brauchen mehr Betten.“ "
        "Bei einer Epidemie sei mit vielen Kranken zu rechnen."
    )
    check(run(text), "Epidemie", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="die Ärztin Maria Stein")


def test_konjunktiv_report_continues_with_the_subject_before() -> None:
    # "rate" (Konjunktiv I) is a cue-and-object report that is reported itself:
    # the sentence continues, its speaker the subject of the sentence before
    text = (
        "Der Minister Jürgen Trittin empfahl den Umstieg auf Erdgasautos. "
        "Auch die Fraktionschefin der Grünen, Renate Künast, äußerte sich kritisch gegenüber deutschen Automarken. "
        "Sie rate zum Kauf japanischer Hybridautos."
    )
    check(run(text), "Hybridautos", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="die Fraktionschefin der Grünen, Renate Künast")


def test_hatte_report_continues_the_source_before() -> None:
    # "hätten … verlangt" as the main verb: the report is reported itself
    text = (
        "Laut einer Meldung des Senders sollen Polizisten die Helfer ermutigt haben. "
        "Sie hätten für die Hilfe Geld verlangt."
    )
    check(run(text), "Geld verlangt", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="einer Meldung des Senders")
