"""The extraction pipeline: text in, :class:`~saidwhat.model.Article` out.

Stages run top to bottom over a parsed :class:`~saidwhat.nlp.Doc`; each one
reads what earlier stages wrote and adds to the list of statements.
"""

from __future__ import annotations

from datetime import date

from ..errors import InputError
from ..lang import SUPPORTED_LANGUAGES
from ..model import Article
from ..nlp import parse
from .direct import find_direct_quotes

# Articles larger than this are refused rather than processed for minutes.
MAX_TEXT_CHARS = 2_000_000


def extract(text: str, lang: str = "de", published: date | str | None = None) -> Article:
    """Find every statement in ``text``.

    ``published`` (a date or ISO string) anchors relative dates.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if lang not in SUPPORTED_LANGUAGES:
        raise InputError(f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED_LANGUAGES)})")
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError:
            raise InputError(f"published date {published!r} is not YYYY-MM-DD") from None
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text too long: {len(text)} characters (limit {MAX_TEXT_CHARS})")
    article = Article(text=text, lang=lang, published=published)
    if not text.strip():
        return article
    doc = parse(text, lang)
    article.statements = find_direct_quotes(doc)
    article.statements.sort(key=lambda s: s.start)
    return article
