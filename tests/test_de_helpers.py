"""Helpers for the German extractor tests (no tests here): run, then look statements up by quote."""

from __future__ import annotations

from saidwhat.model import Article, Kind, Statement
from saidwhat.pipeline import extract


def run(text: str) -> Article:
    """The rule stages' own output: these tests pin each rule's construction.

    The learned stage on top (tested in test_learn_*.py, measured in the dev
    gate and the seed test) may drop or add statements.
    """
    return extract(text, lang="de", learned=False)


def by_quote(art: Article, fragment: str) -> Statement:
    """The statement whose quote contains ``fragment`` (the shortest such quote)."""
    hits = [st for st in art.statements if fragment in st.role_text("quote", art.text)]
    assert hits, f"no statement quoting {fragment!r}; got {[st.role_text('quote', art.text) for st in art.statements]}"
    return min(hits, key=lambda st: len(st.role_text("quote", art.text)))


def check(
    art: Article,
    fragment: str,
    *,
    kind: Kind,
    quote: str | None = None,
    speaker: str | None = None,
    cue: str | None = None,
    entity: str | None = None,
    addressee: str | None = None,
) -> Statement:
    st = by_quote(art, fragment)
    text = art.text
    assert st.kind == kind, (st.kind, fragment)
    if quote is not None:
        assert st.role_text("quote", text) == quote
    if speaker is not None:
        assert st.role_text("speaker", text) == speaker
    if cue is not None:
        assert st.role_text("cue", text) == cue
    if entity is not None:
        assert st.speaker_entity == entity
    if addressee is not None:
        assert st.role_text("addressee", text) == addressee
    # offsets always point into the original text
    for sp in st.quote + st.speaker + st.cue + st.frame + st.addressee:
        assert 0 <= sp.begin < sp.end <= len(text)
    return st
