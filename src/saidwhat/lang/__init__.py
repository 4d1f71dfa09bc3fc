"""The language registry: one sub-package per language, found by its code.

A language is a folder, ``saidwhat/lang/<code>/``: its tokenizer settings,
tagger, sentence rules, extraction stages and word lists (plain-text
lexicons). The shared pipeline knows none of them; it asks :func:`get` for a
:class:`Language` and calls what that provides. See docs/architecture.md,
"How to add a language".

Only the registry's table is read at import time: a language's modules load
when :func:`get` is first asked for it, so ``saidwhat --help`` or the server
stay light.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from ..model import Statement
    from ..nlp import Doc
    from ..pipeline.found import Found
    from ..pipeline.quotes import QuoteMarks
    from ..pipeline.sentences import Article as AnalysedArticle
    from ..speakers import SpeakerNames
    from ..timeanchor import TimeExpressions

# code → (English name, module that defines ``LANGUAGE``)
_REGISTRY: dict[str, tuple[str, str]] = {
    "de": ("German", "saidwhat.lang.de.language"),
    "en": ("English", "saidwhat.lang.en.language"),
}

SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(_REGISTRY)


class UnsupportedLanguage(InputError):
    """A language code no language is registered for."""

    def __init__(self, code: object, also: str = "") -> None:
        self.code = code
        supported = f"{also}, {describe_supported()}" if also else describe_supported()
        super().__init__(f"unsupported language {code!r} (supported: {supported})")


@dataclass(frozen=True)
class Language:
    """Everything the shared pipeline needs from one language.

    - ``parse``: text → :class:`~saidwhat.nlp.Doc` (tokens with fine tag,
      universal POS, lemma and morphology; sentences);
    - ``find_statements``: the language's ordered stages over an analysed
      article (quotes paired, sentences known) → :class:`Found` items;
    - ``assign_stances``: each finished statement's speech act;
    - ``quote_marks``: which marks open and close a quotation;
    - ``time_expressions``: words for relative dates and months;
    - ``speaker_names``: pronouns, titles and name rules for merging speakers;
    - ``sample_text``: a sentence or two with statements, to warm the models up;
    - ``load_models``: loads the models the sample text may leave unloaded;
    - ``learned_stage``: the module of its opt-in learned stage, if any;
    - ``lexicon_folder``: where its plain-text word lists live (also the
      confidence table, ``confidence.txt``).
    """

    code: str
    name: str
    parse: Callable[[str], Doc]
    find_statements: Callable[[AnalysedArticle], list[Found]]
    assign_stances: Callable[[Doc, list[Statement]], None]
    quote_marks: QuoteMarks
    time_expressions: Callable[[], TimeExpressions]
    speaker_names: Callable[[], SpeakerNames]
    # a short text with a statement in it, for loading the models before the first article
    sample_text: str
    # loads what the sample text may not need (German: HanTa), so forked workers share it
    load_models: Callable[[], None]
    # module of the opt-in learned stage (``has_model()``, ``relabel(doc, article)``), if the language has one
    learned_stage: str | None = None

    @property
    def lexicon_folder(self) -> Traversable:
        return resources.files("saidwhat") / "lang" / self.code


def describe_supported() -> str:
    """The registered languages for messages and ``--help``: "de (German)"."""
    return ", ".join(f"{code} ({name})" for code, (name, _module) in _REGISTRY.items())


def language_names() -> dict[str, str]:
    """Code → English name of every registered language (for the page)."""
    return {code: name for code, (name, _module) in _REGISTRY.items()}


def check_supported(code: object) -> str:
    """``code`` when a language is registered for it, else :class:`UnsupportedLanguage`.

    Cheap: loads nothing. Commands and the API call it before any work.
    """
    if not isinstance(code, str) or code not in _REGISTRY:
        raise UnsupportedLanguage(code)
    return code


def get(code: str) -> Language:
    """The registered :class:`Language` for ``code``; loads its modules on first use."""
    return _load(check_supported(code))


@cache
def _load(code: str) -> Language:
    language: Language = importlib.import_module(_REGISTRY[code][1]).LANGUAGE
    return language
