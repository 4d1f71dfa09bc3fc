"""Speaker mentions cleaned and merged across articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhat.model import Article, Kind, Span, Statement
from saidwhat.speakers import best_mention, parse_mention
from saidwhat.store import Store


@pytest.mark.parametrize(
    ("mention", "name", "surname", "first"),
    [
        ("Jens Stoltenberg", "Jens Stoltenberg", "stoltenberg", "jens"),
        ("Stoltenberg", "Stoltenberg", "stoltenberg", ""),
        ("NATO-Generalsekretär Stoltenberg", "Stoltenberg", "stoltenberg", ""),
        ("NATO-Generalsekretär Jens Stoltenberg", "Jens Stoltenberg", "stoltenberg", "jens"),
        ("Stoltenberg, 63, ein ehemaliger Ministerpräsident Norwegens", "Stoltenberg", "stoltenberg", ""),
        ("die deutsche Bundeskanzlerin Angela Merkel (CDU)", "Angela Merkel", "merkel", "angela"),
        ("der frühere US-Präsident Donald Trump", "Donald Trump", "trump", "donald"),
        ("Ein Sprecher der Polizei, Lars Beringer", "Lars Beringer", "beringer", "lars"),
        ("Kommissionspräsidentin Ursula von der Leyen", "Ursula von der Leyen", "von der leyen", "ursula"),
        ("Berlins Regierender Bürgermeister Klaus Wowereit (SPD)", "Klaus Wowereit", "wowereit", "klaus"),
    ],
)
def test_parse_names(mention: str, name: str, surname: str, first: str) -> None:
    m = parse_mention(mention)
    assert m is not None and m.person
    assert (m.name, m.surname, m.first) == (name, surname, first)


@pytest.mark.parametrize("mention", ["er", "Sie", "", "  ", None])
def test_pronouns_are_no_speakers(mention: str | None) -> None:
    assert parse_mention(mention) is None


def test_descriptions_are_not_names() -> None:
    for text in ("Ein Sprecher der Polizei", "Berliner Polizei", "Offiziellen Angaben", "Regierung Bush"):
        m = parse_mention(text)
        assert m is not None and not (m.person and m.first), text


def test_best_mention_prefers_full_name_over_bare_surname_entity() -> None:
    assert best_mention("Weber", "Bürgermeisterin Anna Weber") == "Bürgermeisterin Anna Weber"
    assert best_mention("Anna Weber", "sie") == "Anna Weber"
    assert best_mention(None, "Der Richter") == "Der Richter"


def _article(text: str, published: str, mentions: list[tuple[str, str | None]]) -> Article:
    """One statement per (speaker text, entity); spans found in ``text`` in order."""
    sts = []
    at = 0
    for speaker, entity in mentions:
        b = text.index(speaker, at)
        at = b + len(speaker)
        sts.append(
            Statement(
                kind=Kind.DIRECT,
                quote=[Span(b, b + len(speaker))],
                speaker=[Span(b, b + len(speaker))],
                speaker_entity=entity,
            )
        )
    from datetime import date

    return Article(text=text, published=date.fromisoformat(published), statements=sts)


def test_one_person_many_mentions(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_article(_article("Jens Stoltenberg sagte etwas.", "2023-01-01", [("Jens Stoltenberg", None)]))
        store.add_article(_article("Stoltenberg sagte etwas.", "2023-01-02", [("Stoltenberg", None)]))
        store.add_article(
            _article(
                "NATO-Generalsekretär Stoltenberg sagte.", "2023-01-03", [("NATO-Generalsekretär Stoltenberg", None)]
            )
        )
        sp = store.speakers()
        assert len(sp) == 1
        assert sp[0]["name"] == "Jens Stoltenberg" and sp[0]["n_statements"] == 3
        assert {"Jens Stoltenberg", "Stoltenberg", "NATO-Generalsekretär Stoltenberg"} <= set(sp[0]["aliases"])


def test_surname_only_speaker_learns_first_name(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_article(_article("Stoltenberg sagte etwas.", "2023-01-01", [("Stoltenberg", None)]))
        store.add_article(_article("Jens Stoltenberg sagte.", "2023-01-02", [("Jens Stoltenberg", None)]))
        sp = store.speakers()
        assert [(s["name"], s["n_statements"]) for s in sp] == [("Jens Stoltenberg", 2)]


def test_same_surname_different_first_names_stay_apart(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_article(_article("Angela Merkel sagte etwas.", "2023-01-01", [("Angela Merkel", None)]))
        store.add_article(_article("Horst Merkel sagte etwas.", "2023-01-02", [("Horst Merkel", None)]))
        # A surname after a full name in the same article is that person.
        store.add_article(
            _article(
                "Horst Merkel, Bäcker, lachte. Merkel sagte dann etwas.",
                "2023-01-03",
                [("Horst Merkel", None), ("Merkel", None)],
            )
        )
        names = {s["name"]: s["n_statements"] for s in store.speakers()}
        assert names == {"Angela Merkel": 1, "Horst Merkel": 3}


def test_pronoun_follows_previous_named_speaker(tmp_path: Path) -> None:
    text = "Anna Weber sagte etwas. Dann sagte er noch etwas."
    with Store(tmp_path / "s.db") as store:
        aid = store.add_article(_article(text, "2023-01-01", [("Anna Weber", None), ("er", None)]))
        art = store.article(aid)
        assert art is not None
        assert [s["speaker_name"] for s in art["statements"]] == ["Anna Weber", "Anna Weber"]
