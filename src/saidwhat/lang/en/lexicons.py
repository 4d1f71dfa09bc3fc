"""The English cue-verb lexicon: word form → lemma and complement frames.

Reads ``cue_verbs.txt`` (lemma, frames; a statement's stance is ``stance_cues.txt``'s, read by ``stance.py``) and
``irregular_verbs.txt`` (forms that the regular -s/-ed/-ing rules get wrong).
A multi-word cue ("point out") is found by its verb; the particle is checked
by the stage that reads the parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...lexicon import load_lexicon

FRAMES = frozenset({"clause", "to", "object", "raising"})


@dataclass(frozen=True)
class CueVerb:
    lemma: str  # "say", "point out"
    frames: frozenset[str]  # which complements hold the statement (see cue_verbs.txt)

    @property
    def verb(self) -> str:
        return self.lemma.split()[0]

    @property
    def particle(self) -> str:
        """ "out" for "point out"; "" for a one-word verb."""
        parts = self.lemma.split()
        return parts[1] if len(parts) > 1 else ""


def regular_forms(verb: str) -> tuple[str, ...]:
    """The -s, -ed and -ing forms of a regular English verb ("note" → notes, noted, noting)."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb + "s", verb + "d", verb[:-1] + "ing"
    if verb.endswith("ee"):
        return verb + "s", verb + "d", verb + "ing"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es", verb + "ed", verb + "ing"
    return verb + "s", verb + "ed", verb + "ing"


@cache
def irregular_forms() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[1].split()) for row in load_lexicon("en", "irregular_verbs") if len(row) > 1}


def forms_of(verb: str) -> tuple[str, ...]:
    """Every form of ``verb``, the lemma first."""
    return (verb, *irregular_forms().get(verb, regular_forms(verb)))


@cache
def cue_verbs() -> dict[str, list[CueVerb]]:
    """Lower-cased word form → the cue verbs it may be (several for "point"/"point out")."""
    table: dict[str, list[CueVerb]] = {}
    for row in load_lexicon("en", "cue_verbs"):
        frames = frozenset(f.strip() for f in row[1].split(",")) if len(row) > 1 else frozenset({"clause"})
        unknown = frames - FRAMES
        if unknown:
            raise ValueError(f"lang/en/cue_verbs.txt: {row[0]!r}: unknown frame(s) {sorted(unknown)}")
        cue = CueVerb(row[0], frames)
        for form in forms_of(cue.verb):
            table.setdefault(form, []).append(cue)
    return table


@cache
def cue_forms() -> frozenset[str]:
    """Every word form that may be a cue verb (the parser's test for "can this sentence hold a statement?")."""
    return frozenset(cue_verbs())


@cache
def lemma_of_form() -> dict[str, str]:
    """Word form → verb lemma for the cue verbs (the English pipeline runs no lemmatizer)."""
    return {form: cues[0].verb for form, cues in cue_verbs().items()}
