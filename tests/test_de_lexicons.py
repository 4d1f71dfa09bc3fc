"""The German closed word classes are data files read through the lexicon loader."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

import pytest

from saidwhat.lang.de import lexicons
from saidwhat.lang.de.lexicons import word_class


@pytest.fixture
def fresh_word_class() -> Iterator[None]:
    word_class.cache_clear()
    yield
    word_class.cache_clear()


def test_a_word_without_stage_column_is_taken_by_every_stage() -> None:
    for stage in ("cues", "continuation"):
        assert {"dass", "ob", "wie", "während"} <= word_class("subordinators", stage)
    for stage in ("cues", "continuation", "reported", "indirect", "nested"):
        assert {"der", "die", "das", "welche", "welcher"} <= word_class("relative_pronouns", stage)


def test_a_stage_column_keeps_each_stage_variant() -> None:
    cues = word_class("subordinators", "cues")
    continuation = word_class("subordinators", "continuation")
    assert "zumal" in cues and "zumal" not in continuation
    assert "bis" in continuation and "bis" not in cues
    assert "welchem" in word_class("relative_pronouns", "indirect")
    assert "welchem" not in word_class("relative_pronouns", "cues")
    assert "dem" not in word_class("relative_pronouns", "nested")
    assert "von" in word_class("genitive_determiners", "indirect")
    assert "von" not in word_class("genitive_determiners", "chunks")


def test_unknown_stage_is_an_error_naming_the_file() -> None:
    with pytest.raises(ValueError, match=r"subordinators\.txt.*'cue'"):
        word_class("subordinators", "cue")


def test_misspelt_stage_in_a_file_is_an_error_naming_file_and_word(
    monkeypatch: pytest.MonkeyPatch, fresh_word_class: None
) -> None:
    monkeypatch.setattr(lexicons, "load_lexicon", lambda lang, name: (("wie",), ("zumal", "cuse")))
    with pytest.raises(ValueError, match=r"subordinators\.txt: 'zumal'.*cuse"):
        word_class("subordinators", "cues")


def test_every_german_lexicon_opens_with_a_header_comment() -> None:
    folder = resources.files("saidwhat") / "lang" / "de"
    names = [p.name for p in folder.iterdir() if p.name.endswith(".txt")]
    assert len(names) > 50
    for name in names:
        with (folder / name).open(encoding="utf-8") as f:
            first = f.readline()
        assert first.startswith("# "), name
