"""Article-wide work stays linear in the number of statements.

Long articles used to pair every statement with every other one (nested
quotes, role links, reports, dates) or rescan the text before each one
(speakers). These tests count work, not time: the reads of statement
attributes while extracting and storing an article four times as long, and
the characters the speaker search scans. A pair loop reintroduced makes the
count grow sixteen-fold instead of four-fold. Speed itself is measured in
``bench/big_article.py``. The index helpers that replaced the loops are
checked against the plain scans they replaced.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import saidwhat
from saidwhat import speaker_merge, speakers
from saidwhat.lang.de.entities import _RoleIndex
from saidwhat.lang.de.nested import _speaker_tokens
from saidwhat.lang.de.reported import _SpeakingBySentence
from saidwhat.lang.de.timeexpr import time_expressions
from saidwhat.model import Article, Kind, Span, Statement
from saidwhat.nlp import Token
from saidwhat.pipeline.found import Found, QuoteContainers
from saidwhat.speaker_identity import identify
from saidwhat.store import Store, prepare
from saidwhat.timeanchor import blank_spans, said_on, said_on_all

_SURNAMES = ["Weber", "Krause", "Lehmann", "Brandt", "Vogel", "Seidel"]


def _news(blocks: int) -> str:
    """An article of ``blocks`` paragraphs, each with a handful of statements of
    the kinds the article-wide stages pair up: a nested quote in reported
    speech, a role noun naming an earlier speaker, reports (one inside a
    continuation, one by "man"), a pronoun, dates."""
    out = []
    for i in range(blocks):
        name = _SURNAMES[i % len(_SURNAMES)]
        out.append(
            f"Der Bürgermeister Karl {name} sagte am Montag, die Stadt habe eine „sehr schwierige Lage“ vor sich. "
            f"„Wir werden das gemeinsam schaffen“, sagte der Bürgermeister. "
            f"Die Polizei teilte mit, dass die Straße bis zum 3. März gesperrt bleibe. "
            f"Er kritisierte die Pläne der Regierung als „völlig unrealistisch und teuer“. "
            f"Die Opposition warf der Regierung Versagen vor. "
            f"Laut der Sprecherin der Stadt sei die Lage gestern ernst gewesen. "
            f"Die Ursache habe sich so schnell gezeigt, dass die Experten nun von einem Kurzschluss ausgingen. "
            f"Bis jetzt geht man von einem technischen Defekt aus."
        )
    return "\n\n".join(out)


@contextmanager
def _counting_reads(monkeypatch: pytest.MonkeyPatch, classes: tuple[type, ...]) -> Iterator[list[int]]:
    """Count every attribute read on instances of ``classes`` inside the block."""
    count = [0]
    with monkeypatch.context() as m:
        for cls in classes:
            m.setattr(cls, "__getattribute__", _counted(cls.__getattribute__, count))
        yield count


def _counted(original: Any, count: list[int]) -> Any:
    def counted(self: Any, name: str) -> Any:
        count[0] += 1
        return original(self, name)

    return counted


def _reads_while(monkeypatch: pytest.MonkeyPatch, classes: tuple[type, ...], fn: Any, *args: Any) -> int:
    with _counting_reads(monkeypatch, classes) as count:
        fn(*args)
    return count[0]


def test_statement_reads_grow_linearly_with_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _news(15), _news(60)
    a = saidwhat.extract(small, published="2024-03-20")
    b = saidwhat.extract(large, published="2024-03-20")
    # the workload is what it claims: statements of several kinds, four times as many
    assert len(a.statements) >= 60 and len(b.statements) >= 4 * len(a.statements) - 4
    assert any(st.nested for st in a.statements) and any(st.kind == Kind.REPORTED for st in a.statements)
    reads_small = _reads_while(monkeypatch, (Found, Span), saidwhat.extract, small)
    reads_large = _reads_while(monkeypatch, (Found, Span), saidwhat.extract, large)
    # linear work reads four times as much; a pair loop over statements sixteen times
    assert reads_small > 1000
    assert reads_large <= 6 * reads_small, (reads_small, reads_large)


def test_store_preparation_reads_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    small = saidwhat.extract(_news(15), published="2024-03-20")
    large = saidwhat.extract(_news(60), published="2024-03-20")
    assert any(w is not None for w in prepare(small).when)  # dates are resolved: the masking runs
    reads_small = _reads_while(monkeypatch, (Span,), prepare, small)
    reads_large = _reads_while(monkeypatch, (Span,), prepare, large)
    assert reads_small > 100
    assert reads_large <= 6 * reads_small, (reads_small, reads_large)


class _CountingRe:
    """``re`` for the speaker merging module, counting the characters its searches scan."""

    def __init__(self) -> None:
        self.scanned = 0

    def finditer(self, pattern: str, string: str, flags: int = 0) -> Iterator[re.Match[str]]:
        self.scanned += len(string)
        return re.finditer(pattern, string, flags)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


def _mentions_article(text: str, mentions: list[str]) -> Article:
    sts, at = [], 0
    for mention in mentions:
        b = text.index(mention, at)
        at = b + len(mention)
        sts.append(Statement(kind=Kind.DIRECT, quote=[Span(b, at)], speaker=[Span(b, at)]))
    return Article(text=text, published=date(2024, 3, 20), statements=sts)


def test_surname_mentions_scan_the_text_once_per_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _CountingRe()
    with Store(tmp_path / "s.db") as store:
        store.add_article(_mentions_article("Anna Weber sagte etwas.", ["Anna Weber"]))
        store.add_article(_mentions_article("Karl Weber sagte etwas.", ["Karl Weber"]))
        n = 60
        text = "Karl Weber sagte etwas. Anna Weber sagte etwas. " + " ".join(["Weber sagte noch etwas."] * n)
        monkeypatch.setattr(speaker_merge, "re", counting)
        store.add_article(_mentions_article(text, ["Karl Weber", "Anna Weber"] + ["Weber"] * n))
        monkeypatch.undo()
        names = {s["name"]: s["n_statements"] for s in store.speakers()}
    # the surname goes to the full name written last before it, as before
    assert names == {"Anna Weber": n + 2, "Karl Weber": 2}
    # two full names searched once each, not once per mention
    assert 0 < counting.scanned <= 2 * len(text)


# -- the index helpers against the scans they replaced ------------------------


def _random_found(rng: random.Random, n: int, n_tokens: int = 400) -> list[Found]:
    out = []
    constructions = ["direct", "reported", "reported_mixed", "indirect"]
    for _ in range(n):
        spans = []
        for _ in range(rng.choice([1, 1, 2])):
            b = rng.randrange(0, 5000)
            spans.append(Span(b, b + rng.randrange(0, 300)))
        a = rng.randrange(0, n_tokens - 5)
        speaker = (a, a + rng.randrange(0, 5)) if rng.random() < 0.8 else None
        out.append(Found(Kind.DIRECT, spans, rng.choice(constructions), speaker=speaker, sent=rng.randrange(0, 30)))
    return out


def _container_scan(found: list[Found], begin: int, end: int) -> Found | None:
    best = None
    for f in found:
        for sp in f.quote:
            if sp.begin <= begin and end <= sp.end and (best is None or len(sp) < best[0]):
                best = (len(sp), f)
    return best[1] if best else None


def test_quote_containers_match_a_full_scan() -> None:
    rng = random.Random(3)
    for _ in range(20):
        found = _random_found(rng, 80)
        containers = QuoteContainers(found)
        for _ in range(100):
            b = rng.randrange(0, 5200)
            e = b + rng.randrange(0, 60)
            assert containers.container(b, e) is _container_scan(found, b, e)
            kept = [f for f in found if f.construction != "reported_mixed"]
            assert containers.container(b, e, skip="reported_mixed") is _container_scan(kept, b, e)


def test_speaker_tokens_mark_every_speaker_phrase() -> None:
    found = _random_found(random.Random(5), 50)
    marks = _speaker_tokens(found, 400)
    for k in range(400):
        expected = any(f.speaker is not None and f.speaker[0] <= k < f.speaker[1] for f in found)
        assert bool(marks[k]) == expected


def test_context_statement_matches_a_full_scan() -> None:
    rng = random.Random(7)
    found = _random_found(rng, 120)
    speaking = _SpeakingBySentence(found[:60])
    for f in found[60:]:
        speaking.add(f)
    for si in range(35):
        near = [f for f in found if f.speaker is not None and si - 3 <= f.sent < si]
        expected = max(near, key=lambda f: (f.sent, f.begin)) if near else None
        assert speaking.context_statement(si) is expected


def test_role_index_finds_the_latest_phrase_with_the_noun() -> None:
    rng = random.Random(11)
    words = ["der", "NATO-Chef", "Sprecher", "Ministerin", "Polizeisprecher", "Chef", "Jens", "Müller"]
    toks = [Token(i, rng.choice(words), 0, 0) for i in range(300)]
    entries: list[tuple[tuple[int, int], int, str]] = []
    for pos in range(120):
        a = rng.randrange(0, 295)
        entries.append(((a, a + rng.randrange(1, 5)), pos, rng.choice(["X", "Y", "Z", ""])))
    index = _RoleIndex(toks)
    added: list[tuple[tuple[int, int], int, str]] = []
    # added in token order, as resolved; phrases starting together in any order
    for speaker, pos, entity in sorted(entries, key=lambda e: (e[0][0], rng.random())):
        for nouns in (["chef"], ["sprecher", "ministerin"], ["nato-chef"], ["r p"]):
            at = speaker[0]
            best = None
            for (a, b), _, ent in sorted(added, key=lambda e: e[1]):  # the old scan, in ``found`` order
                phrase = " ".join(t.text.lower() for t in toks[a:b])
                if a < at and ent and any(n in phrase for n in nouns) and (best is None or a > best[0]):
                    best = (a, ent)
            assert index.latest_with(nouns, at) == (best[1] if best else None)
        index.add(speaker, pos, entity)
        added.append((speaker, pos, entity))


def test_blank_spans_blanks_exactly_the_spans() -> None:
    rng = random.Random(13)
    text = "".join(rng.choice("abc „“. \n") for _ in range(500))
    spans = [Span(b, b + rng.randrange(0, 40)) for b in (rng.randrange(0, 520) for _ in range(30))]
    blanked = blank_spans(text, spans)
    assert len(blanked) == len(text)
    for i, (c, d) in enumerate(zip(text, blanked, strict=True)):
        inside = any(sp.begin <= i < sp.end for sp in spans)
        assert d == (" " if inside else c)


def test_said_on_all_equals_said_on_with_every_quote_masked() -> None:
    text = _news(6) + "\n\nAm 12. Mai sagte er: „Am 1. April war alles anders.“"
    art = saidwhat.extract(text, published="2024-05-17")
    quotes = [q for st in art.statements for q in st.quote]
    german = time_expressions()
    expected = [said_on(text, st, art.published, german, quotes) for st in art.statements]
    assert sum(1 for w in expected if w is not None) >= 5
    assert said_on_all(text, art.statements, art.published, german) == expected


def test_full_names_match_the_search_before_each_mention() -> None:
    """The article's full names are found once (not searched again per mention); the last one before wins."""
    text = "Anna  Weber sagte. ANNA WEBER meinte, Anna Webers Haus. Karl Weber, Anna\nWeber und Weber. Anna Weber"
    names = speaker_merge._ArticleNames(text, speakers.names_for("de"))
    bare = identify("Weber", "Weber")
    assert bare is not None
    pattern = r"\b(Anna|Karl)\s+Weber\b"
    for at in range(len(text) + 1):
        hits = [m for m in re.finditer(pattern, text, flags=re.IGNORECASE) if m.start() <= at]
        found = names.full_name(bare, at)
        assert (found.first if found else None) == (hits[-1].group(1).lower() if hits else None), at
