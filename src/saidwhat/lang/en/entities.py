"""Stage: speaker mention → entity (placeholder until written)."""

from __future__ import annotations

from ...pipeline.found import Found
from ...pipeline.sentences import Article


def resolve_entities(art: Article, found: list[Found]) -> None:
    for f in found:
        if f.speaker is not None:
            a, b = f.speaker
            f.entity = art.doc.text[art.tokens[a].begin : art.tokens[b - 1].end]
