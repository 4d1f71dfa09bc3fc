"""English, as the registry hands it to the shared pipeline (:data:`LANGUAGE`).

Light at import: spaCy's model, the stages, the time expressions and the speaker
names load on first use (the store and the server ask only for the last two).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...pipeline.quotes import QuoteMarks
from .. import Language

if TYPE_CHECKING:
    from ...model import Statement
    from ...nlp import Doc
    from ...pipeline.found import Found
    from ...pipeline.sentences import Article as Analysed
    from ...speakers import SpeakerNames
    from ...timeanchor import TimeExpressions

# English news uses “…” and "…", with ‘…’ (or '…') inside them. “ only ever opens;
# ‘ and ' are mostly apostrophes ("’90s", "rock 'n' roll"): strict, like German's '.
QUOTE_MARKS = QuoteMarks(
    closers={
        "“": '”"',
        '"': '"”',
        "‘": "’'",
        "'": "'’",
    },
    double_openers=frozenset('“"'),
    single_openers=frozenset("‘'"),
    sure_openers=frozenset("“"),
    apostrophes=frozenset("'‘"),
)


def parse(text: str) -> Doc:
    from .parser import parse as parse_english

    return parse_english(text)


def find_statements(art: Analysed) -> list[Found]:
    from .stages import find_statements as english_stages

    return english_stages(art)


def assign_stances(doc: Doc, statements: list[Statement]) -> None:
    from .stance import assign_stances as english_stances

    english_stances(doc, statements)


def load_models() -> None:
    from .parser import load_model

    load_model()


def _time_expressions() -> TimeExpressions:
    from .timeexpr import time_expressions  # type: ignore[import-not-found, unused-ignore]

    result: TimeExpressions = time_expressions()
    return result


def _speaker_names() -> SpeakerNames:
    from .names import speaker_names

    result: SpeakerNames = speaker_names()
    return result


LANGUAGE = Language(
    code="en",
    name="English",
    parse=parse,
    find_statements=find_statements,
    assign_stances=assign_stances,
    quote_marks=QUOTE_MARKS,
    time_expressions=_time_expressions,
    speaker_names=_speaker_names,
    sample_text='"We will be ready by Monday," Anna Walker said. Officials said the bridge would reopen.',
    load_models=load_models,
)
