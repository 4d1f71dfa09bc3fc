"""English stances: the cue verb's stance column in ``cue_verbs.txt``, "say" otherwise.

Reads: each statement's cue text. Writes: ``Statement.stance``. A finer English stance
labelling (negation, nouns, "declined to comment") is later work; the lexicon column is
where it starts.
"""

from __future__ import annotations

from ...model import Stance, Statement
from ...nlp import Doc
from .lexicons import cue_verbs


def assign_stances(doc: Doc, statements: list[Statement]) -> None:
    for st in statements:
        st.stance = cue_stance(doc, st)


def cue_stance(doc: Doc, st: Statement) -> Stance:
    """The stance of the first cue word that is a cue verb form ("called on" → the
    entry "call on"); "say" when none is."""
    table = cue_verbs()
    words = [w for part in st.cue for w in doc.text[part.begin : part.end].lower().split()]
    for word in words:
        cues = table.get(word)
        if cues:
            with_particle = [c for c in cues if c.particle and c.particle in words]
            return (with_particle or [c for c in cues if not c.particle] or cues)[0].stance
    return Stance.SAY
