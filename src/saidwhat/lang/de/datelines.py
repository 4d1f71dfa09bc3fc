"""Datelines and bylines of agency copy: where the article's text proper begins.

Reads: the raw article text. Writes: character ranges of datelines
("Köln (dpa) -", "BERLIN (Reuters) -", "PARIS, 3. März (Reuters) -",
"Hamburg (dpa/lno) -", "Bremen -") and bylines ("Von Lena Hartmann, dpa",
"Von Thomas Ebert"). The sentence splitter ends a sentence after each, so
that no stage reads "Bremen - Im Prozess … hat der Angeklagte …" as a
sentence whose subject is "Bremen": no speaker or quote reaches into them.

A dateline opens a line: a place (one or two capitalised words), an
optional date, and an agency in brackets (``news_agencies.txt``), then a
dash. Without an agency ("Bremen -") the place must be a known place
(``places.txt``, the NER gazetteer) or written in capitals ("BERLIN -"), and a
capitalised word must follow: "Hintergrundinformationen - besprochene …" or
a football result "Schalke 04 - MSV Duisburg" is none. A byline is a line of
its own that opens with "Von" and names one or two people, with an optional
agency after a comma.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import load_word_set
from .referents import is_place_name

_PLACE = r"[A-ZÄÖÜ][\wÄÖÜäöüß.'-]*(?:[ /][A-ZÄÖÜ][\wÄÖÜäöüß.'-]*)?"
_DATE = r"\d{1,2}\.\s?[A-ZÄÖÜ][a-zäöü]+\.?(?:\s\d{4})?"
_DASH = r"[ \t]+[-–—][ \t]+"
# place, optional date, agency in brackets, dash: "PARIS, 3. März (Reuters) - "
_AGENCY_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>{_PLACE})(?:,[ \t]*{_DATE})?[ \t]+\((?P<agency>[^()\n]{{1,30}})\){_DASH}", re.MULTILINE
)
# a bare place and a dash before a capitalised word: "Bremen - Im Prozess …"
_PLACE_DATELINE = re.compile(rf"^[ \t]*(?P<place>[A-ZÄÖÜ][\wÄÖÜäöüß-]+){_DASH}(?=[A-ZÄÖÜ„\"])", re.MULTILINE)
_NAME = r"[A-ZÄÖÜ][\wÄÖÜäöüß.'-]+(?:[ \t]+[A-ZÄÖÜ][\wÄÖÜäöüß.'-]+){1,3}"
# a whole line: "Von Lena Hartmann, dpa", "Von Jana Richter und Martin Kuhn, Reuters"
_BYLINE = re.compile(
    rf"^[ \t]*Von[ \t]+{_NAME}(?:[ \t]+und[ \t]+{_NAME})?(?:,[ \t]*(?P<agency>[^\n,]{{1,30}}))?[ \t]*$", re.MULTILINE
)


@lru_cache(maxsize=1)
def _agencies() -> frozenset[str]:
    return frozenset(a.casefold() for a in load_word_set("de", "news_agencies"))


def is_agency(credit: str) -> bool:
    """ "dpa", "dpa/lno", "AFP/Reuters": every part a news agency."""
    parts = [p.strip().casefold() for p in re.split(r"[/,]", credit)]
    return bool(parts) and all(p in _agencies() for p in parts)


def _known_place(word: str) -> bool:
    if word.isupper() and len(word) >= 3:
        return True  # "BERLIN -": agency copy writes the place in capitals
    return is_place_name(word)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the datelines and bylines in ``text``, in order.

    A dateline's range ends after its dash and the space after it, where
    the first sentence begins."""
    spans: list[tuple[int, int]] = []
    for m in _AGENCY_DATELINE.finditer(text):
        if is_agency(m.group("agency")):
            spans.append((m.start("place"), m.end()))
    for m in _PLACE_DATELINE.finditer(text):
        if _known_place(m.group("place")) and not any(a <= m.start("place") < b for a, b in spans):
            spans.append((m.start("place"), m.end()))
    for m in _BYLINE.finditer(text):
        agency = m.group("agency")
        if agency is None or is_agency(agency):
            spans.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()))
    return sorted(spans)


def dateline_ends(text: str) -> list[int]:
    """Where a sentence must end because a dateline or byline ends there."""
    return [b for _a, b in dateline_spans(text)]
