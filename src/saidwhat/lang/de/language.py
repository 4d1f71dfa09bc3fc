"""German, as the registry hands it to the shared pipeline (:data:`LANGUAGE`).

Light at import: the tagger and the stages load on first use (the store and
the server ask for the time expressions and speaker names only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...pipeline.quotes import QuoteMarks
from .. import Language
from .names import speaker_names
from .timeexpr import time_expressions

if TYPE_CHECKING:
    from ...model import Statement
    from ...nlp import Doc
    from ...pipeline.found import Found
    from ...pipeline.sentences import Article as Analysed

# German news uses „…“, »…«, «…» (Swiss), "…" and ‚…‘ inside them.
QUOTE_MARKS = QuoteMarks(
    closers={
        "„": '“”"',
        "»": "«",
        "«": "»",
        '"': '"“”',
        "“": '”"',
        "‚": "‘’'",
        "'": "'",
        "‹": "›",
        "›": "‹",
    },
    double_openers=frozenset('„»«"“‹›'),
    single_openers=frozenset("‚'"),
    sure_openers=frozenset("„‚»‹"),
    apostrophes=frozenset("'"),
)


def parse(text: str) -> Doc:
    from .tagger import parse as parse_german

    return parse_german(text)


def find_statements(art: Analysed) -> list[Found]:
    from .stages import find_statements as german_stages

    return german_stages(art)


def load_models() -> None:
    from .tagger import _hanta

    _hanta()


def assign_stances(doc: Doc, statements: list[Statement]) -> None:
    from .stance import assign_stances as german_stances

    german_stances(doc, statements)


LANGUAGE = Language(
    code="de",
    name="German",
    parse=parse,
    find_statements=find_statements,
    assign_stances=assign_stances,
    quote_marks=QUOTE_MARKS,
    time_expressions=time_expressions,
    speaker_names=speaker_names,
    sample_text="„Wir kommen morgen“, sagte Anna Weber am Montag. Er sagte, man sei bereit.",
    load_models=load_models,
    learned_stage="saidwhat.lang.de.learn.statements",
)
