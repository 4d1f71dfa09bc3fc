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
    is a piece of the quote that picks the statement out, ``quote`` the whole
    quote it must have. With ``absent`` set, no statement may quote the fragment
    (a false alarm the rules must not raise). A role given as ``""`` must be
    empty. ``known_miss`` says what is wrong with today's quote where the case
    leaves it unpinned.
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
    known_miss: str | None = None


# A test that something is absent passes when nothing is extracted at all. So
# each one is run a second time with this paragraph after its text: the
# statement in it must be found, and the absence must still hold.
ANCHOR = "„Wir bleiben bei unserem Plan“, sagte die Sprecherin der Stadt, Maria Keller."
ANCHOR_QUOTE = "„Wir bleiben bei unserem Plan“"


def check_anchor(art: Article) -> Statement:
    """The statement of :data:`ANCHOR` in ``art``: exact quote, speaker entity."""
    return check(art, "unserem Plan", kind=Kind.DIRECT, quote=ANCHOR_QUOTE, entity="Maria Keller")


def runs_with_anchor(text: str) -> list[tuple[Article, list[Statement]]]:
    """``text`` run alone, and again with :data:`ANCHOR` after it; for each
    run the article and its statements that lie in ``text``.

    For tests that something is *not* found: the anchor's statement must be
    found (:func:`check_anchor`), so such a test fails when nothing is
    extracted at all, and the absence must hold in both runs.
    """
    anchored = run(text + "\n\n" + ANCHOR)
    check_anchor(anchored)
    return [(art, [st for st in art.statements if st.start < len(text)]) for art in (run(text), anchored)]


def quote_ranges(art: Article, statements: list[Statement]) -> list[str]:
    """Each statement's quote from its first to its last span, gaps included."""
    return [art.text[st.quote[0].begin : st.quote[-1].end] for st in statements]


def check_case(case: Case) -> None:
    """Run ``case`` and check every role it names.

    A present case must name its exact quote (``quote``), unless ``known_miss``
    says why the quote found today is not the right one (the case then still
    pins kind, speaker and the other roles it names).
    """
    if case.absent:
        for art, found in runs_with_anchor(case.text):
            quoted = [st.role_text("quote", art.text) for st in found]
            assert not any(case.fragment in q for q in quoted), (case.why, quoted)
        return
    art = run(case.text)
    assert case.kind is not None, f"case {case.why!r} names no kind"
    assert case.quote is not None or case.known_miss, f"case {case.why!r} names no quote"
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
