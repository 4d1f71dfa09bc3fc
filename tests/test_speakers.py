"""Speaker mentions cleaned and merged across articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhat.model import Article, Kind, Span, Statement
from saidwhat.speaker_identity import identify
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


# ---------------------------------------------------------------- who the speaker is (issue 15)


@pytest.mark.parametrize(
    ("entity", "mention", "kind", "name"),
    [
        ("Frankreichs", "Frankreichs Staatspräsident Nicolas Sarkozy", "person", "Nicolas Sarkozy"),
        ("CDU", "Ansicht von Niedersachsens Ministerpräsident Christian Wulff (CDU)", "person", "Christian Wulff"),
        ("Rice", "Ken Rice vom Institut für Astronomie in Edinburgh", "person", "Ken Rice"),
        ("Online", "Spiegel Online", "organisation", "Spiegel Online"),
        ("Reuters", "die Nachrichtenagentur Reuters", "organisation", "Reuters"),
        (
            "HRW",
            "einer Pressemitteilung der Menschenrechtsorganisation Human Rights Watch (HRW)",
            "organisation",
            "Human Rights Watch",
        ),
        ("Reuters", "AFP und Reuters", "group", "AFP und Reuters"),
        ("Polizei", "Angaben der Polizei", "description", "Polizei"),
        ("Angaben", "Celebis Angaben", "name", "Celebi"),
        ("Merkel", "Bundeskanzlerin Merkel", "name", "Merkel"),
    ],
)
def test_identify_kinds(entity: str, mention: str, kind: str, name: str) -> None:
    found = identify(entity, mention)
    assert found is not None and (found.kind, found.name) == (kind, name)


@pytest.mark.parametrize(
    ("entity", "mention"),
    [
        ("Danach", "Danach"),
        ("Polizeiangaben", "Polizeiangaben"),
        ("Angaben", "offiziellen Angaben"),
        ("O", "O"),
        ("Meinung", "Meinung"),
        ("Bremen", "er"),
        ("CDU", "er"),
        ("Staatsanwaltschaft", "er"),
    ],
)
def test_junk_and_disagreeing_pronouns_name_nobody(entity: str, mention: str) -> None:
    assert identify(entity, mention) is None


def test_descriptions_carry_a_key_only_when_a_place_says_which() -> None:
    spanish, chinese = (
        identify("Regierung", "die spanische Regierung"),
        identify("Regierung", "die chinesische Regierung"),
    )
    plain = identify("Regierung", "Die Regierung")
    assert spanish and chinese and plain
    assert spanish.key and chinese.key and spanish.key != chinese.key
    assert plain.kind == "description" and not plain.key
    # inflection does not split a body: "Auswärtigen Amtes" = "Auswärtige Amt"
    a, b = identify("Amtes", "ein Sprecher des Auswärtigen Amtes"), identify("Amt", "Das Auswärtige Amt")
    assert a and b and a.key == b.key


def _names(store: Store) -> dict[str, int]:
    return {s["name"]: s["n_statements"] for s in store.speakers(top=100)}


def test_descriptions_never_merge_across_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        for n, day in enumerate(("2023-01-01", "2023-01-02")):
            store.add_article(_article(f"Die Polizei sagte {n}.", day, [("Die Polizei", "Polizei")]))
        store.add_article(_article("Die spanische Regierung sagte.", "2023-01-03", [("Die spanische Regierung", None)]))
        store.add_article(
            _article("Die spanische Regierung warnte.", "2023-01-04", [("Die spanische Regierung", None)])
        )
        police = [s for s in store.speakers(top=100) if s["name"] == "Polizei"]
        assert [s["n_statements"] for s in police] == [1, 1]
        assert _names(store)["Spanische Regierung"] == 2


def test_bare_surname_needs_evidence(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_article(
            _article("Innenminister Peter Müller sagte.", "2005-01-01", [("Innenminister Peter Müller", None)])
        )
        # 19 years later, no title in common: someone else
        store.add_article(_article("Müller sagte.", "2024-01-01", [("Müller", "Müller")]))
        # the same title is evidence, whatever the date
        store.add_article(_article("Innenminister Müller sagte.", "2016-01-01", [("Innenminister Müller", "Müller")]))
        # close in time is evidence too
        store.add_article(_article("Müller warnte.", "2005-06-01", [("Müller", "Müller")]))
        assert _names(store) == {"Peter Müller": 3, "Müller": 1}


def test_parties_groups_and_junk(tmp_path: Path) -> None:
    text = "Christian Wulff (CDU) sagte. AFP und Reuters meldeten. Danach sei alles gut. Die CDU sagte."
    with Store(tmp_path / "s.db") as store:
        store.add_article(
            _article(
                text,
                "2023-01-01",
                [
                    ("Christian Wulff (CDU)", "CDU"),
                    ("AFP und Reuters", "AFP"),
                    ("Danach", "Danach"),
                    ("Die CDU", "CDU"),
                ],
            )
        )
        store.add_article(_article("AFP meldete.", "2023-01-02", [("AFP", "AFP")]))
        assert _names(store) == {"Christian Wulff": 1, "AFP und Reuters": 1, "CDU": 1, "AFP": 1}


def test_bare_name_takes_the_full_name_written_before_it(tmp_path: Path) -> None:
    text = "Thaksin Shinawatra sprach. Thaksin sagte dann etwas. Auch Peter Lindqvist kam. Lindqvist lachte."
    with Store(tmp_path / "s.db") as store:
        store.add_article(
            _article(text, "2023-01-01", [("Thaksin Shinawatra", None), ("Thaksin", "Thaksin"), ("Lindqvist", None)])
        )
        assert _names(store) == {"Thaksin Shinawatra": 2, "Peter Lindqvist": 1}


def test_organisations_merge_by_name_and_abbreviation_with_the_fullest_name_shown(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_article(_article("Die WHO warnte.", "2005-01-01", [("Die WHO", "WHO")]))
        store.add_article(
            _article(
                "Die Weltgesundheitsorganisation (WHO) in Genf warnte.",
                "2015-01-01",
                [("Die Weltgesundheitsorganisation (WHO) in Genf", "Weltgesundheitsorganisation")],
            )
        )
        store.add_article(
            _article(
                "Die Weltgesundheitsorganisation warnte.", "2020-01-01", [("Die Weltgesundheitsorganisation", None)]
            )
        )
        assert _names(store) == {"Weltgesundheitsorganisation": 3}
