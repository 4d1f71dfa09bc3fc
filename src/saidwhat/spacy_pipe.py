"""saidwhat as a spaCy pipeline component: ``nlp.add_pipe("saidwhat")``.

For users who already run a spaCy pipeline. The component extracts the
statements of ``doc.text`` (saidwhat tokenises and tags on its own; the
pipeline's tokens are only where the results land) and puts them on the Doc:

- ``doc.spans["saidwhat"]``: every part of every statement as a Span whose
  ``label_`` is its role (``quote``, ``speaker``, ``cue``, ``addressee``,
  ``frame``) and whose ``id_`` is the statement's number (``"0"``, ``"1"`` …);
  a role's character span is widened to whole tokens of the pipeline;
- ``doc._.saidwhat``: the :class:`~saidwhat.model.Statement` objects, which
  know their text (``st.quote_text``, ``st.speaker_text``, kind, stance …).

The factory is registered when this module is imported, and through the
``spacy_factories`` entry point of an installed saidwhat (so a saved pipeline
with the component loads without importing it first)::

    import spacy
    nlp = spacy.blank("de")
    nlp.add_pipe("saidwhat")
    doc = nlp('"Wir brauchen mehr Geld", sagte Anna Berger.')
    [(s.label_, s.text) for s in doc.spans["saidwhat"]]
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .model import ROLES, Statement

SPANS_KEY = "saidwhat"

if not Doc.has_extension("saidwhat"):
    Doc.set_extension("saidwhat", default=None)


class SaidwhatComponent:
    """Extracts statements and stores them on the Doc (see the module docstring)."""

    def __init__(self, lang: str, spans_key: str = SPANS_KEY, learned: bool | None = None) -> None:
        self.lang = lang
        self.spans_key = spans_key
        self.learned = learned

    def __call__(self, doc: Doc) -> Doc:
        from .pipeline import extract

        article = extract(doc.text, lang=self.lang, learned=self.learned)
        doc._.saidwhat = list(article.statements)
        doc.spans[self.spans_key] = [
            span for i, st in enumerate(article.statements) for span in _role_spans(doc, st, i)
        ]
        return doc


def _role_spans(doc: Doc, statement: Statement, index: int) -> list[Any]:
    spans = []
    for role in ROLES:
        for part in statement.role(role):
            span = doc.char_span(part.begin, part.end, label=role, alignment_mode="expand")
            if span is not None:  # a part of whitespace only covers no token
                span.id_ = str(index)
                spans.append(span)
    return spans


@Language.factory(
    "saidwhat",
    default_config={"spans_key": SPANS_KEY, "learned": None},
)
def make_saidwhat(nlp: Language, name: str, spans_key: str, learned: bool | None) -> SaidwhatComponent:
    """The component for ``nlp.add_pipe("saidwhat")`` (German; other languages give no statements yet)."""
    return SaidwhatComponent(nlp.lang or "de", spans_key=spans_key, learned=learned)
