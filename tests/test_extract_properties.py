"""Property-based tests of ``extract`` on whatever arrives (hypothesis).

Inputs mix German words, cue verbs, quotation marks of every kind,
zero-width characters, BOMs, lone surrogates, odd spaces, line breaks and
long tokens (the pieces of ``scripts/fuzz.py``, which runs the same check for
as long as one likes). For every input: no exception, the article keeps the
text as given, every span lies inside it, and each role's text is the text
at its spans. The deadline is a hang guard only; speed is measured in
``bench/pathological.py``. Each test first checks that ``extract`` finds the
statement of the anchor paragraph of ``test_de_helpers`` (these properties
hold for an extractor that finds nothing, too).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import timedelta
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from saidwhat.model import Article, Span, spans_text
from saidwhat.pipeline import extract
from test_de_helpers import ANCHOR, check_anchor


def _load_fuzz() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "scripts" / "fuzz.py"
    spec = importlib.util.spec_from_file_location("saidwhat_fuzz_script", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()

long_tokens = st.builds(
    lambda c, n: c * n,
    st.sampled_from(["a", "Ü", "x1", "-", "'", "‚", "\u200b", "https://a.de/"]),
    st.integers(min_value=60, max_value=400),
)
pieces = st.one_of(st.sampled_from(fuzz.PIECES), long_tokens, st.text(max_size=8))
texts = st.lists(pieces, max_size=120).map("".join)

SETTINGS = settings(
    max_examples=200,
    deadline=timedelta(seconds=30),  # a hang guard, not a speed test
    suppress_health_check=[HealthCheck.too_slow],
)


def assert_well_formed(article: Article, text: str) -> None:
    assert article.text == text  # the text as given, lone surrogates included
    assert article.span_errors() == []
    out = article.to_dict()
    json.dumps(out)  # what the CLI and the API write
    for st_dict, statement in zip(out["statements"], article.statements, strict=True):
        for role in ("quote", "speaker", "cue", "addressee", "frame"):
            spans = [Span(b, e) for b, e in st_dict[role]["spans"]]
            assert spans == statement.role(role)
            assert st_dict[role]["text"] == spans_text(spans, text)
            for s in spans:
                assert 0 <= s.begin <= s.end <= len(text)


def assert_extracts_the_anchor(published: str | None = None) -> None:
    """The extractor under test finds statements at all: the anchor paragraph's.

    The properties below also hold for an extractor that finds nothing; this
    check makes each test fail then.
    """
    article = extract(ANCHOR, published=published)
    assert_well_formed(article, ANCHOR)
    check_anchor(article)


@SETTINGS
@given(texts)
@example("Er sagte \ud800 gut.")  # a lone surrogate: the tokenizer's UTF-8 hashing failed
@example("x\n\n\xa0\nDer Mann sagte, er komme.")  # a line of NBSP: the heading test indexed no words
@example("„" + "Wort " * 3 + "\ud83d“, sagte er.\ufeff\n\u200b\n")
def survives_any_mix(text: str) -> None:
    assert_well_formed(extract(text, published="2024-01-01"), text)


def test_extract_survives_any_mix() -> None:
    assert_extracts_the_anchor(published="2024-01-01")
    survives_any_mix()  # hypothesis: every example above and SETTINGS.max_examples drawn


@SETTINGS
@given(st.sampled_from(fuzz.real_articles()), st.randoms(use_true_random=False))
def survives_mutated_articles(article: str, rng: object) -> None:
    text = fuzz.mutate(rng, article)
    assert_well_formed(extract(text), text)


def test_extract_survives_mutated_articles() -> None:
    assert_extracts_the_anchor()
    survives_mutated_articles()


def test_a_surrogate_keeps_offsets_and_quote_text() -> None:
    text = "„Wir \ud800 kommen morgen“, sagte der Sprecher."
    article = extract(text)
    (statement,) = article.statements
    assert statement.role_text("quote", text) == "„Wir \ud800 kommen morgen“"
    assert statement.role_text("speaker", text) == "der Sprecher"
