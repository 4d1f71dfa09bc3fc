"""False alarms that are no statements: titles, names, hypotheticals. Sentences written for these tests."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import run


def _quotes(text: str) -> list[str]:
    art = run(text)
    return [text[st.quote[0].begin : st.quote[-1].end] for st in art.statements]


def test_long_verbless_title_is_no_quote() -> None:
    # a capitalised verbless phrase of many words starting like a noun phrase is a title
    text = "Im Museum lief die Ausstellung „Geschichte der Fischerei an der Küste von Pommern und Rügen“ bis zum Herbst."
    assert not any("Fischerei" in q for q in _quotes(text))
    text = "Die Gemeinde stützte sich auf das „Gesetz zur Förderung kleiner Betriebe im ländlichen Raum“ bei der Planung."
    assert not any("Betriebe" in q for q in _quotes(text))


def test_verbless_slogan_stays_a_quote() -> None:
    # a slogan starting with an adverb is no title: it stays a direct quote
    text = "Auf dem Platz standen viele Menschen. Auf ihren Schildern stand „Nieder mit den hohen Mieten in unserer schönen Stadt“ in roter Farbe."
    art = run(text)
    assert any(st.kind == Kind.DIRECT and "Mieten" in text[st.quote[0].begin : st.quote[-1].end] for st in art.statements)


def test_main_clause_after_conditional_cue_clause_is_no_statement() -> None:
    # the cue verb stands in a "wenn" clause or a V1 condition; the main clause is the narrator's
    text = "Wenn die Stadt damals geklagt hätte, wäre der Bau des Bahnhofs gestoppt worden."
    assert not any("Bahnhofs" in q for q in _quotes(text))
    text = "Sollte der Einspruch angenommen werden, könnte das Schwimmbad im Mai wieder öffnen."
    assert not any("Schwimmbad" in q for q in _quotes(text))


def test_main_clause_after_relative_cue_clause_is_no_statement() -> None:
    text = "Was der Richter am Morgen verkündete, führte im Saal zu lautem Jubel."
    assert not any("Jubel" in q for q in _quotes(text))


def test_wie_clause_before_konjunktiv_main_clause_is_kept() -> None:
    text = "Wie der Sprecher der Feuerwehr mitteilte, seien drei Häuser beschädigt worden."
    assert any("Häuser" in q for q in _quotes(text))


def test_prefield_phrase_with_relative_clause_is_no_quote() -> None:
    # the text before the verb is a phrase with a relative clause, not a clause of its own
    # (as the corpus marks a report, the whole sentence is the government's reported one)
    text = "Ein Gesetz, das den Bau von Windrädern regelt, wurde im Landtag von der Regierung angekündigt."
    art = run(text)
    assert not any(st.kind != Kind.REPORTED and text[st.quote[0].begin :].startswith("Ein Gesetz") for st in art.statements)


def test_wie_clause_before_trailing_cue_is_no_quote() -> None:
    text = "Wann die neue Brücke eröffnet wird, gab die Stadtverwaltung bisher nicht bekannt."
    assert not any(q.startswith("Wann") for q in _quotes(text))


def test_clause_before_trailing_cue_stays_a_quote() -> None:
    text = "Die Grenzen des Landes bleiben bis auf weiteres geschlossen, teilte die Regierung mit."
    assert any(q.startswith("Die Grenzen") for q in _quotes(text))


def test_temporal_or_relative_clause_after_cue_object_is_no_complement() -> None:
    text = "Die Lotsen hatten das Boot als vermisst gemeldet, nachdem es vom Radar verschwunden war."
    assert not any(q.startswith("nachdem") for q in _quotes(text))
    text = "Der Bericht schildert die Fehler, welche schließlich zu dem schweren Unfall führten."
    assert not any(q.startswith("welche") for q in _quotes(text))


def test_first_person_view_is_no_statement() -> None:
    # "meiner Meinung nach" is the writer's (or interviewee's) own view, like "ich"
    assert not run("Die Reform ist meiner Meinung nach gescheitert, weil niemand sie wollte.").statements
    assert not run("Meiner Ansicht nach hat die Stadt zu lange gewartet.").statements
