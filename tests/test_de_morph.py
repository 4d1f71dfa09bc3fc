"""Konjunktiv detection and the tokeniser/tagger helpers the extractor relies on."""

from __future__ import annotations

import pytest

from saidwhat.lang.de.morph import mood
from saidwhat.lang.de.tagger import parse


def _mood_of(sentence: str, word: str) -> str | None:
    doc = parse(sentence)
    for k, t in enumerate(doc.tokens):
        if t.text == word:
            return mood(t, doc.tokens[k - 1] if k else None)
    raise AssertionError(word)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Er sagte, die Invasion sei Teil eines Musters.", "sei"),
        ("Sie sagten, die Kosten seien gestiegen.", "seien"),
        ("Er meinte, sie habe recht.", "habe"),
        ("Dazu gehöre auch die Unterstützung.", "gehöre"),
        ("Das Muster umfasse mehrere Länder.", "umfasse"),
        ("Er werde kommen.", "werde"),
        ("Sie könne nichts sagen.", "könne"),
    ],
)
def test_konjunktiv_one(sentence: str, word: str) -> None:
    assert _mood_of(sentence, word) == "k1"


@pytest.mark.parametrize(("sentence", "word"), [("Sie hätten gewarnt.", "hätten"), ("Das wäre gut.", "wäre")])
def test_konjunktiv_two(sentence: str, word: str) -> None:
    assert _mood_of(sentence, word) == "k2"


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Ich habe Hunger.", "habe"),
        ("Er sagt die Wahrheit.", "sagt"),
        ("Sie arbeitet viel.", "arbeitet"),
        ("Er kam spät.", "kam"),
    ],
)
def test_indicative(sentence: str, word: str) -> None:
    assert _mood_of(sentence, word) is None


def test_sentence_initial_function_words_are_retagged() -> None:
    doc = parse("Gestern hat die Polizei gesagt, es sei ruhig.")
    assert doc.tokens[0].tag == "ADV"
    doc = parse("Das Ministerium teilte mit, es sei ruhig.")
    assert doc.tokens[0].tag == "ART"


@pytest.mark.parametrize(
    ("text", "n_sentences"),
    [
        ("Die Wahl war im Sommer 2009. Die Anwältin erklärte, sie sei gehindert worden.", 2),
        ("Er landete auf Platz 3. Er sagte, er sei zufrieden.", 2),
        ("Am 3. Oktober sagte sie, es sei ruhig.", 1),
        ("Die Kolonie wurde unabhängig im Jahr 1960. Günther Platter sagte, das sei bekannt.", 2),
        ("Er feierte zum 19. Mal den Titel.", 1),
        ("Die Wahl zum 16. Deutschen Bundestag begann.", 1),
    ],
)
def test_number_with_dot_ends_a_sentence_only_before_a_function_word(text: str, n_sentences: int) -> None:
    assert len(parse(text).sentences) == n_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Wahlverlauf und Beteiligung\nWie der Wahlleiter mitteilte, lag sie bei 41 Prozent.", 2),
        ("Erster Absatz.\n\nKurzer Titel\nDer Text beginnt hier.", 3),
        # hard-wrapped running text is no heading: a comma, a verb, a lower-case last word
        ("Der Minister sagte am Montag in Berlin, die\nRegierung werde handeln.", 1),
        ("Der Minister besuchte die Stadt\nBerlin und sprach.", 1),
    ],
)
def test_heading_run_into_its_paragraph_is_a_sentence(text: str, sentences: int) -> None:
    assert len(parse(text).sentences) == sentences


def test_preterite_read_as_an_adjective_is_the_verb() -> None:
    doc = parse("Laut netzpolitik.org veröffentlichte das Ministerium einen Bericht.")
    verb = doc.tokens[2]
    assert (verb.tag, verb.lemma) == ("VV(FIN)", "veröffentlichen")
    # attributive: after an article or before a noun it stays the adjective
    doc = parse("Die veröffentlichte Studie und der Bericht.")
    assert doc.tokens[1].tag == "ADJ(A)"


def test_regnal_number_dot_is_no_sentence_end() -> None:
    assert len(parse("Sie sagte, Ludwig XIV. „war ein kluger König“.").sentences) == 1
    assert len(parse("Er traf Ludwig XIV. Der König sprach lange.").sentences) == 2
