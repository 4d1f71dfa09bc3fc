"""English speakers in the store: descriptions in lower case and spokespeople of a body.

English writes common nouns in lower case, so the name rules of
``saidwhat.speaker_identity`` (written for German, where every noun is
capitalised) see no name in "the regional government". Such a speaker is a
description of its article; a spokesperson's speaker is the body.
"""

from __future__ import annotations

from saidwhat.speaker_identity import DESCRIPTION, PERSON, identify
from saidwhat.speaker_merge import article_identities


def test_lower_case_description_is_a_speaker_of_its_article() -> None:
    got = identify("The regional government", "The regional government", "en")
    assert got is not None and got.kind == DESCRIPTION and got.name == "regional government"
    assert got.key == ""  # a description never merges across articles by itself
    assert "noun:government" in got.also


def test_spokesperson_speaks_for_the_body() -> None:
    got = identify(None, "A spokeswoman for the transport ministry", "en")
    assert got is not None and got.name == "transport ministry"


def test_anonymous_people_keep_their_noun() -> None:
    [people, officials] = article_identities(
        "x", [None, None], ["two people familiar with the talks", "officials close to the minister"], [0, 0], "en"
    )
    assert people is not None and people.name == "two people"
    assert officials is not None and officials.name == "officials"


def test_named_people_stay_people_and_german_is_unchanged() -> None:
    person = identify("Tom Okafor", "union leader Tom Okafor", "en")
    assert person is not None and person.kind == PERSON and person.name == "Tom Okafor"
    # German capitalises its nouns: a lower-case phrase there is no description by this rule
    assert identify(None, "der regionale", "de") is None
