"""The stages' working form of a statement: token ranges plus provenance.

Stages build :class:`Found` items (token indices are easier to reason about
than characters); :func:`to_statement` turns one into the public
:class:`~saidwhat.model.Statement` with character offsets at the very end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Kind, Medium, Span, SpeakerKind, Statement, merge_spans
from ..nlp import Doc
from ..spanindex import SpanIndex

TokRange = tuple[int, int]  # half-open token range


@dataclass
class Found:
    kind: Kind
    quote: list[Span]  # characters: a direct quote's marks are not token-aligned
    construction: str  # which rule found it (drives confidence)
    speaker: TokRange | None = None
    cue: list[int] = field(default_factory=list)  # token indices
    addressee: TokRange | None = None
    frame: list[TokRange] = field(default_factory=list)
    medium: Medium = Medium.SPEECH
    nested: bool = False
    sent: int = 0
    entity: str | None = None
    # person, organisation, group, anonymous or description (model.SpeakerKind), set with the entity
    speaker_kind: str | None = None
    # a statement that took its speaker from another one shares its mention
    inherited_from: Found | None = None

    @property
    def begin(self) -> int:
        return min(s.begin for s in self.quote)

    @property
    def end(self) -> int:
        return max(s.end for s in self.quote)


def tok_span(doc: Doc, r: TokRange) -> Span:
    return Span(doc.tokens[r[0]].begin, doc.tokens[r[1] - 1].end)


def to_statement(doc: Doc, f: Found, confidence: float) -> Statement:
    def spans(ranges: list[TokRange]) -> list[Span]:
        return merge_spans(tok_span(doc, r) for r in ranges if r[1] > r[0])

    cue_ranges = _runs(sorted(set(f.cue)))
    return Statement(
        kind=f.kind,
        quote=merge_spans(f.quote),
        speaker=spans([f.speaker]) if f.speaker else [],
        cue=spans(cue_ranges),
        addressee=spans([f.addressee]) if f.addressee else [],
        frame=spans(f.frame),
        medium=f.medium,
        speaker_entity=f.entity,
        speaker_kind=SpeakerKind(f.speaker_kind) if f.speaker_kind else None,
        confidence=confidence,
        nested=f.nested,
    )


def _runs(idx: list[int]) -> list[TokRange]:
    out: list[TokRange] = []
    for i in idx:
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


class QuoteContainers:
    """The statements whose quote spans contain a character range, via a span index."""

    def __init__(self, found: list[Found]) -> None:
        self.found = found
        self.index = SpanIndex()
        for f in found:
            self.index.add(f.quote)

    def container(self, begin: int, end: int, skip: str | None = None, strictly_longer: bool = False) -> Found | None:
        """The statement with the shortest quote span around ``[begin, end)``;
        the first such in ``found`` on a tie. ``skip``: a construction left out;
        ``strictly_longer``: a span of exactly ``[begin, end)`` does not count."""
        # a span that contains a non-empty range overlaps it; an empty range gets a full scan
        positions = self.index.overlapping([Span(begin, end)]) if end > begin else range(len(self.found))
        best = None
        for pos in positions:
            f = self.found[pos]
            if f.construction == skip:
                continue
            for sp in f.quote:
                if strictly_longer and len(sp) == end - begin:
                    continue
                if sp.begin <= begin and end <= sp.end and (best is None or len(sp) < best[0]):
                    best = (len(sp), f)
        return best[1] if best else None
