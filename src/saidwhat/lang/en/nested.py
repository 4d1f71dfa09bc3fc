"""Stage: quoted words inside an indirect statement.

Reads: the quote regions and the statements found. Writes: DIRECT :class:`Found`
items marked ``nested`` for a closed quote that lies inside another statement's
quote, with that statement's speaker and cue ('Walker said the plan was "a
disaster for the city"': the speaker's own words, "a disaster for the city", are
a statement of their own, as in German, see ``lang/de/nested.py``).

A quote that is itself a direct statement, or that holds a whole statement, is
left alone; one word between the marks is a term ('the so-called "reform"'),
not a quotation.
"""

from __future__ import annotations

from ...model import Kind, Span
from ...pipeline.found import Found, QuoteContainers
from ...pipeline.quotes import QuoteRegion
from ...pipeline.sentences import Article

# fewer words than this between the marks is a term or a label, not someone's words
MIN_WORDS = 2


def find_nested(art: Article, found: list[Found]) -> list[Found]:
    """A nested DIRECT statement for each quoted passage inside an indirect statement's quote."""
    taken = {s.begin for f in found if f.kind == Kind.DIRECT for s in f.quote}
    hosts = QuoteContainers([f for f in found if f.kind != Kind.DIRECT])
    out: list[Found] = []
    for q in art.quotes:
        if not q.closed or _is_taken(q, taken) or len(q.inner(art.doc.text).split()) < MIN_WORDS:
            continue
        host = hosts.container(q.begin, q.end, strictly_longer=True)  # the innermost statement around it
        if host is not None:
            out.append(
                Found(
                    Kind.DIRECT,
                    [Span(q.begin, q.end)],
                    "nested",
                    speaker=host.speaker,
                    cue=list(host.cue),
                    nested=True,
                    sent=host.sent,
                )
            )
    return out


def _is_taken(q: QuoteRegion, taken: set[int]) -> bool:
    """A direct statement already starts at this quote (at its mark or right after it)."""
    return q.begin in taken or q.begin + 1 in taken
