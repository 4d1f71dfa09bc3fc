"""The German stages in their order: an analysed article in, statements out.

Reads: the analysed article (:class:`~saidwhat.pipeline.sentences.Article`:
German tokens with STTS tags, sentences, quote regions). Writes:
:class:`~saidwhat.pipeline.found.Found` items, speakers resolved to entities.

Order (each module says what it reads and writes):

1. ``direct.find_direct``     direct quotes with their frames; embedded quotes set aside
2. ``indirect.find_indirect`` cue verb frames and nominal frames ("laut X") in a sentence
3. ``reported.find_reported`` cue verb + object sentences
4. ``continuation``           Konjunktiv continuations, "soll" hearsay, bare-quote speakers
5. ``nested.find_nested``     quotes inside reported speech, labels ("als „…“ bezeichnet");
   ``mixed.demanded_objects`` and ``relay.relayed_quotes`` ("Y zitiert X": the quote once for each party)
6. ``entities``               speaker mention → canonical entity

Between stages :func:`saidwhat.budget.check` stops an article past its time budget.
"""

from __future__ import annotations

from ...budget import check as check_budget
from ...lexicon import load_word_set
from ...pipeline.dedupe import dedupe
from ...pipeline.found import Found
from ...pipeline.sentences import Article as Analysed
from .continuation import find_continuations
from .direct import find_direct
from .entities import resolve_entities
from .indirect import find_indirect
from .mixed import demanded_objects
from .nested import find_nested
from .relay import relayed_quotes
from .reported import find_reported


def find_statements(art: Analysed) -> list[Found]:
    """Run the German stages over an analysed article."""
    direct, embedded, used_cues = find_direct(art)
    check_budget()
    found = direct + dedupe(art, find_indirect(art, used_cues), direct)
    check_budget()
    found += find_reported(art, found)
    check_budget()
    kept, continuations = find_continuations(art, found)
    found = kept + continuations
    check_budget()
    found += find_nested(art, embedded, found)
    found += demanded_objects(art, found)
    found += relayed_quotes(art, found)
    check_budget()
    found = _impersonal_speakers(art, found)
    resolve_entities(art, found)
    # speaker carriers (a cue verb's subject lent to a continuation) are no statements
    return [f for f in found if f.construction != "speaker_only"]


def _impersonal_speakers(art: Analysed, found: list[Found]) -> list[Found]:
    """ "man" names nobody: the corpus never marks it as a speaker (train: 0 of
    16 predicted "man" speakers were right), so the statement keeps no speaker.
    A statement whose speaker is "ich" was never annotated either (train: 0 of 7):
    the narrator's own words are no statement."""
    out: list[Found] = []
    for f in found:
        if f.speaker is not None and f.speaker[1] - f.speaker[0] == 1:
            w = art.tokens[f.speaker[0]].lower
            if w == "man":
                f.speaker = None
            elif w == "ich":
                continue
        if (
            f.speaker is not None
            and f.speaker[1] - f.speaker[0] in (2, 3)
            and art.tokens[f.speaker[0]].lower in _FIRST_PERSON_POSSESSIVES
        ):
            continue  # "meiner Meinung nach": the writer's or interviewee's own view, like "ich"
        out.append(f)
    return out


_FIRST_PERSON_POSSESSIVES = load_word_set("de", "first_person_possessives")
