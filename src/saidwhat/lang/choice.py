"""Which language to process an article as: ``--lang auto`` (the default) or an explicit code.

``auto`` asks :func:`saidwhat.langdetect.detect` once per article (German or
English, from the opening 2,000 characters; docs/english.md measures it) and
takes its answer when a language is registered for it. When the detector
cannot tell (too short, another language, mixed), or names a language that is
not registered, the article is processed as the run's fallback language,
German (what saidwhat did before ``auto``), and :attr:`LanguageChoice.origin`
says so: a store keeps it per article (``articles.lang_origin``), so the
undecided ones can be listed. A ``None`` from the detector is never turned into
a guess. An explicit code (``--lang de``, a record's own ``lang`` field) is
taken as given and the detector is not run.

Cheap: the detector is pure Python over a bounded sample (0.1–0.15 ms of CPU
per article), and nothing here loads a language's models.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import SUPPORTED_LANGUAGES, UnsupportedLanguage, check_supported, describe_supported

AUTO = "auto"
FALLBACK_LANGUAGE = "de"  # the run's language when the detector cannot decide

# How an article's language was chosen (the store's ``articles.lang_origin``).
GIVEN = "given"  # an explicit --lang, a record's own "lang" field, or a store made before auto
DETECTED = "detected"  # the detector named a registered language
FALLBACK = "fallback"  # the detector could not tell, or named a language not registered
ORIGINS: tuple[str, ...] = (GIVEN, DETECTED, FALLBACK)


@dataclass(frozen=True)
class LanguageChoice:
    """The language an article is processed as, and how it was chosen."""

    code: str  # a registered language
    origin: str  # one of ORIGINS
    detected: str | None = None  # the detector's answer ("de", "en"); None when undecided or not asked


def check_requested(code: object) -> str:
    """``"auto"`` or a registered code, else :class:`~saidwhat.lang.UnsupportedLanguage`. Loads nothing."""
    if code == AUTO:
        return AUTO
    if not isinstance(code, str) or code not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguage(code, also=AUTO)
    return code


def describe_choices() -> str:
    """For ``--help`` and the API: "auto (detect per article; else de), de (German), …"."""
    return f"{AUTO} (detect per article, {FALLBACK_LANGUAGE} when undecided), {describe_supported()}"


def choose_language(text: str, requested: str = AUTO, fallback: str = FALLBACK_LANGUAGE) -> LanguageChoice:
    """The language to process ``text`` as (see the module docstring).

    ``requested``: ``"auto"`` or a registered code (checked: an unknown code is an
    :class:`~saidwhat.lang.UnsupportedLanguage`); ``fallback``: a registered code.
    """
    if check_requested(requested) != AUTO:
        return LanguageChoice(requested, GIVEN)
    from ..langdetect import detect

    detected = detect(text)
    if detected is not None and detected in SUPPORTED_LANGUAGES:
        return LanguageChoice(detected, DETECTED, detected)
    return LanguageChoice(check_supported(fallback), FALLBACK, detected)


def languages_for(requested: str) -> tuple[str, ...]:
    """The languages a run asked for ``requested`` may meet: all registered ones for ``auto`` (to warm up)."""
    return SUPPORTED_LANGUAGES if check_requested(requested) == AUTO else (requested,)
