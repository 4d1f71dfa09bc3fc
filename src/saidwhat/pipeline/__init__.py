"""The extraction pipeline: text in, :class:`~saidwhat.model.Article` out.

The orchestration is shared; what is language-specific comes from the
registry (:func:`saidwhat.lang.get`, see docs/architecture.md). Steps, in
order (each module says what it reads and writes):

1. ``Language.parse``        tokens, sentences, tags and lemmas (German:
   ``lang/de/tagger.py``, HanTa cached per word form)
2. ``quotes.find_quotes``    passages between the language's quotation marks
3. ``Language.find_statements`` the language's stages in their order (German:
   ``lang/de/stages.py``: direct, indirect, reported, continuation, nested,
   mixed, relay, entities)
4. ``confidence``            per-rule precision measured on train (the
   language's ``confidence.txt``)
5. ``Language.learned_stage`` (German: ``lang/de/learn/statements.py``) a CRF stacked on the rules' output (opt-in:
    ``learned=True`` or ``SAIDWHAT_LEARNED=1``, when its model is installed):
    drops weak rule statements, fills missing roles, adds quotes the rules
    missed. See docs/models.md.
6. ``Language.assign_stances`` the speech act of each statement (say, deny,
    demand, …) from the cue lexicons; changes nothing else. See docs/stance.md.

Between stages the pipeline calls :func:`saidwhat.budget.check`: under a
cooperative time budget (extraction in a thread, as ``serve`` runs it) an
article past its budget stops there with :class:`~saidwhat.budget.ArticleTimeout`.
"""

from __future__ import annotations

import importlib
import os
from datetime import date

from .. import lang as languages
from ..budget import check as check_budget
from ..errors import InputError
from ..lang.choice import choose_language
from ..model import Article
from .confidence import confidence
from .found import to_statement
from .quotes import find_quotes
from .sentences import Article as Analysed

# Articles larger than this are refused rather than processed for minutes.
MAX_TEXT_CHARS = 2_000_000


def learned_stage_enabled() -> bool:
    """Whether ``extract`` runs the learned stage when not told: ``SAIDWHAT_LEARNED=1``.

    Off by default: in cross-validation on train it is 0.3 points of joint F1
    below the rules alone (on dev +0.5 joint, -0.3 speaker), at four times the
    cost, and its model is CC BY-NC-SA (see docs/models.md). The CLI's
    ``--learned`` sets this variable, so worker processes inherit it.
    """
    return os.environ.get("SAIDWHAT_LEARNED", "").strip().lower() in {"1", "true", "yes", "on"}


def extract(
    text: str, lang: str = "de", published: date | str | None = None, *, learned: bool | None = None
) -> Article:
    """Find every statement in ``text``.

    ``lang``: a registered code, or ``"auto"``: detect the language of ``text``
    (German when undecided; :mod:`saidwhat.lang.choice`). The article's
    ``lang`` and ``lang_origin`` say what was chosen and how.
    ``published`` (a date or ISO string) anchors relative dates.
    ``learned`` runs the CRF stacked on the rules (see :func:`learned_stage_enabled`
    for the default); ``learned=False`` is the rules' output alone, what that
    stage is trained on.
    """
    if learned is None:
        learned = learned_stage_enabled()
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    choice = choose_language(text, lang)  # UnsupportedLanguage (an InputError) names what is supported
    language = languages.get(choice.code)
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError:
            raise InputError(f"published date {published!r} is not YYYY-MM-DD") from None
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text too long: {len(text)} characters (limit {MAX_TEXT_CHARS})")
    article = Article(text=text, lang=choice.code, published=published, lang_origin=choice.origin)
    if not text.strip():
        return article
    doc = language.parse(text)
    check_budget()
    art = Analysed.build(doc, find_quotes(text, language.quote_marks))
    check_budget()
    found = language.find_statements(art)
    article.statements = [to_statement(doc, f, confidence(f, choice.code)) for f in found]
    check_budget()
    if learned and language.learned_stage:
        learned_stage = importlib.import_module(language.learned_stage)  # lazy: its CRFs load on first use
        if learned_stage.has_model():
            article.statements = learned_stage.relabel(doc, article)
    article.statements.sort(key=lambda s: s.start)
    language.assign_stances(doc, article.statements)
    return article
