"""Helpers for the German extractor tests (no tests here): run, then look statements up by quote."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Case:
    """One sentence we wrote and what the rule stages must find in it.

    ``why`` names the rule the case pins (it becomes the test id); ``fragment``
    is a piece of the quote that picks the statement out. With ``absent`` set,
    no statement may quote the fragment (a false alarm the rules must not raise).
    A role given as ``""`` must be empty.
    """

    why: str
    text: str
    fragment: str
    kind: Kind | None = None
    speaker: str | None = None
    cue: str | None = None
    quote: str | None = None
    entity: str | None = None
    addressee: str | None = None
    absent: bool = False


def check_case(case: Case) -> None:
    art = run(case.text)
    if case.absent:
        quoted = [st.role_text("quote", art.text) for st in art.statements]
        assert not any(case.fragment in q for q in quoted), (case.why, quoted)
        return
    assert case.kind is not None, f"case {case.why!r} names no kind"
    check(
        art,
        case.fragment,
        kind=case.kind,
        quote=case.quote,
        speaker=case.speaker,
        cue=case.cue,
        entity=case.entity,
        addressee=case.addressee,
    )


def case_id(case: Case) -> str:
    return case.why
