"""German/English detection on tiny invented texts, and on the corpora when ../shared is there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED, need_shared
from saidwhat import langdetect
from saidwhat.langdetect import detect, evidence

GERMAN = (
    "Der Bürgermeister der Stadt sagte am Montag, dass die neue Brücke nicht vor dem Sommer "
    "fertig werde. Die Kosten seien bereits um ein Drittel gestiegen."
)
ENGLISH = (
    "The mayor of the city said on Monday that the new bridge would not be finished before "
    "the summer. The costs have already risen by a third, he told reporters."
)


def test_running_text() -> None:
    assert detect(GERMAN) == "de"
    assert detect(ENGLISH) == "en"


def test_short_titles_by_spelling() -> None:
    # Function words alone would not decide these; the letter sequences do.
    assert detect("Schwere Überschwemmungen in Süddeutschland") == "de"
    assert detect("Thousands rally outside Washington courthouse") == "en"


def test_undecided_without_evidence() -> None:
    for text in ("", "   ", "12:30 – 14:00", "Angela Merkel", "Lorem ipsum dolor sit amet"):
        assert detect(text) is None, text


def test_undecided_when_evidence_is_even() -> None:
    # Half German, half English: neither language has twice the other's evidence.
    mixed = "Die Regierung und der Kanzler. The government and the chancellor."
    ev = evidence(mixed)
    assert ev.de > 0 and ev.en > 0
    assert detect(mixed) is None


def test_only_the_opening_is_read() -> None:
    tail = " " + ENGLISH * 200
    assert len(GERMAN * 20) > langdetect.SAMPLE_CHARS
    assert detect(GERMAN * 20 + tail) == "de"


def test_quoted_english_in_a_german_article_stays_german() -> None:
    text = GERMAN + ' „We will not give up", sagte der Trainer nach dem Spiel in der Kabine.'
    assert detect(text) == "de"


def test_profiles_are_disjoint() -> None:
    # A word in both lists would be evidence for both languages at once.
    assert not langdetect.profile("de").words & langdetect.profile("en").words
    with pytest.raises(ValueError, match="no language profile"):
        langdetect.profile("fr")


@pytest.mark.shared
@pytest.mark.parametrize(("lang", "corpus"), [("de", "wikinews-quotes"), ("en", "polnear-en")])
def test_dev_articles(lang: str, corpus: str) -> None:
    dev = need_shared(SHARED / "data" / corpus / "dev")
    answers = [detect(json.loads(f.read_text(encoding="utf-8"))["originalText"]) for f in sorted(dev.glob("*.json"))]
    assert answers and all(a in (lang, None) for a in answers)  # never the wrong language
    assert answers.count(lang) >= 0.98 * len(answers)


WIRE = Path(__file__).parent / "fixtures" / "wire"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_project_wire_articles(lang: str) -> None:
    """The wire-style articles written for this project (not shared data)."""
    texts = sorted((WIRE / lang).glob("*.txt"))
    assert texts
    for path in texts:
        assert detect(path.read_text(encoding="utf-8")) == lang, path.name
