"""The English stages in their order: an analysed article in, statements out.

Reads: the analysed article (:class:`~saidwhat.pipeline.sentences.Article` over an
:class:`~saidwhat.lang.en.parser.EnglishDoc`). Writes: :class:`Found` items, speakers
resolved to entities.

0. ``quotes.with_doubled_apostrophes`` ''…'' quotes added to the shared pairing's
1. ``direct.find_direct``      direct quotes with their frames, split and continued quotes
2. ``indirect.find_indirect``  cue verb + clause / infinitive / object, "according to X"
3. ``colon.colon_statements`` "Name: words" headlines and transcript lines
   ``nested.find_nested``     quoted words inside an indirect statement, a statement of their own
4. ``datelines.cut_datelines``  no statement starts with "LONDON (Reuters) -"
5. ``entities.resolve_entities`` speaker mention → the entity's fullest name

Between stages :func:`saidwhat.budget.check` stops an article past its time budget.
"""

from __future__ import annotations

from ...budget import check as check_budget
from ...pipeline.dedupe import dedupe
from ...pipeline.found import Found
from ...pipeline.sentences import Article as Analysed
from .colon import colon_statements
from .datelines import cut_datelines, dateline_zones
from .direct import find_direct
from .entities import resolve_entities
from .indirect import find_indirect
from .nested import find_nested
from .quotes import with_doubled_apostrophes


def find_statements(art: Analysed) -> list[Found]:
    """Run the English stages over an analysed article."""
    art = with_doubled_apostrophes(art)
    direct, used_cues = find_direct(art)
    check_budget()
    found = direct + dedupe(art, find_indirect(art, used_cues), direct)
    found += colon_statements(art, found)
    found += find_nested(art, found)
    zones = dateline_zones(art)
    cut_datelines(art, found, zones)
    check_budget()
    resolve_entities(art, found, zones)
    return found
