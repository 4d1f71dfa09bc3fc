"""English speaker names (``lang/en/names.py``) and English search forms (``lang/en/searchforms.py``).

The name rules are exercised through the shared engine (:func:`saidwhat.speakers.parse_mention`)
with the English rules patched in for "en" (English is registered when the extractor is merged).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from saidwhat import speakers
from saidwhat.lang.en.names import is_genitive, is_role_noun, speaker_names, word_class
from saidwhat.model import Article, Kind, Span, Statement
from saidwhat.search.forms import index_forms, word_forms
from saidwhat.speakers import COMMON_NOUN, NOT_A_NAME, Mention
from saidwhat.store import Store


@pytest.fixture
def english_names(monkeypatch: pytest.MonkeyPatch) -> None:
    real = speakers.names_for
    monkeypatch.setattr(speakers, "names_for", lambda lang: speaker_names() if lang == "en" else real(lang))


@pytest.mark.parametrize(
    ("mention", "name", "surname", "first"),
    [
        ("Sen. Rachel Kim", "Rachel Kim", "kim", "rachel"),
        ("Senator Rachel Kim, a Democrat from Oregon", "Rachel Kim", "kim", "rachel"),
        ("chief executive Alistair Greene", "Alistair Greene", "greene", "alistair"),
        ("Transport Minister Etienne Laroche", "Etienne Laroche", "laroche", "etienne"),
        ("Gov. Tom Hale", "Tom Hale", "hale", "tom"),
        ("Former President Barack Obama", "Barack Obama", "obama", "barack"),
        ("Vice President Kamala Harris", "Kamala Harris", "harris", "kamala"),
        ("President Biden", "Biden", "biden", ""),
        ("Its leader, Sophie Marchetti", "Sophie Marchetti", "marchetti", "sophie"),
        ("Analyst Priya Nair of Bellmont Securities", "Priya Nair", "nair", "priya"),
        ("Ursula von der Leyen", "Ursula von der Leyen", "von der leyen", "ursula"),
        ("Kelly Ayotte", "Kelly Ayotte", "ayotte", "kelly"),  # "-ly" alone is no adverb
    ],
)
def test_names_are_cleaned_to_the_person(
    english_names: None, mention: str, name: str, surname: str, first: str
) -> None:
    assert speakers.parse_mention(mention, "en") == Mention(name=name, person=True, surname=surname, first=first)


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("A spokeswoman for the Unite union", "spokeswoman for the Unite union"),  # no name before "for"
        ("the carmaker", "carmaker"),
        ("The 61-year-old", "61-year-old"),
        ("the Frenchman", "Frenchman"),
        ("two people familiar with the matter", "two people familiar with the matter"),
        ("However", "However"),
        ("Separately", "Separately"),
    ],
)
def test_descriptions_are_no_names(english_names: None, mention: str, name: str) -> None:
    got = speakers.parse_mention(mention, "en")
    assert got is not None and (got.name, got.person) == (name, False)


@pytest.mark.parametrize("pronoun", ["he", "She", "they", "someone"])
def test_pronouns_name_nobody(english_names: None, pronoun: str) -> None:
    assert speakers.parse_mention(pronoun, "en") is None


def test_word_classes_without_a_tagger() -> None:
    assert word_class("However") == word_class("Reportedly") == word_class("Monday") == NOT_A_NAME
    assert word_class("spokeswoman") == word_class("Carmaker") == COMMON_NOUN
    assert word_class("Greene") == word_class("Emily") == ""  # unknown: may be a name
    assert is_role_noun("officials") and is_role_noun("vice-chairman") and not is_role_noun("Greene")
    assert is_genitive("Britain's") and is_genitive("Harcourt’s") and not is_genitive("Reuters")


def test_negations_and_pronouns_for_resolving() -> None:
    names = speaker_names()
    assert {"not", "never", "don't", "won’t"} <= names.negations
    assert names.singular_pronouns == {"he", "she"}


def test_german_mentions_are_not_cut_at_english_words() -> None:
    # the apposition cut is English only: German has no cut words
    assert speakers.names_for("de").name_cut_words == frozenset()


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("said", "say"),
        ("says", "say"),
        ("saying", "say"),
        ("denied", "deny"),
        ("told", "tell"),
        ("officials", "official"),
    ],
)
def test_english_word_forms(word: str, lemma: str) -> None:
    assert lemma in word_forms(word, "en")


def test_names_have_no_other_form() -> None:
    assert word_forms("Reuters", "en") == () and index_forms("Trump", "en") == ""


def _english_article(quote: str, speaker: str) -> Article:
    text = f'"{quote}," {speaker} said.'
    b = text.index(speaker)
    st = Statement(kind=Kind.DIRECT, quote=[Span(1, 1 + len(quote))], speaker=[Span(b, b + len(speaker))])
    return Article(text=text, lang="en", published=date(2021, 11, 17), statements=[st])


def test_search_finds_english_statements_by_their_word_forms(tmp_path: Path) -> None:
    with Store(tmp_path / "en.db") as store:
        store.add_article(_english_article("The ministry denied the reports", "Tom Hale"), url="https://example.org/1")
        store.add_article(_english_article("She says the plan is dead", "Anna Berg"), url="https://example.org/2")

        def found(query: str) -> list[str]:
            return sorted(d["quote"] for d in store.search_statements(query, limit=10))

        assert found("denies") == ["The ministry denied the reports"]
        assert found("said") == ["She says the plan is dead"]
        assert found("report") == ["The ministry denied the reports"]
