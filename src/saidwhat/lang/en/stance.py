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
    """The stance of the first cue word that is a cue verb form; "say" when none is."""
    table = cue_verbs()
    for part in st.cue:
        for word in doc.text[part.begin : part.end].lower().split():
            cues = table.get(word)
            if cues:
                return cues[0].stance
    return Stance.SAY
