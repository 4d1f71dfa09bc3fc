"""Imported by the worker fork server: load the extractor's models once.

Workers are forked from a server process that imported this module, so
each of them starts with the models in (copy-on-write) memory instead of
loading them again, which takes seconds.
"""

from __future__ import annotations


def _warm() -> None:
    try:
        from .. import lang
        from ..pipeline import extract
        from ..search.forms import ANALYSERS
        from ..store import prepare

        for code in lang.SUPPORTED_LANGUAGES:
            language = lang.get(code)
            prepare(extract(language.sample_text, lang=code, published="2024-01-01"))
            # the sample's words may all be in the shipped tables, so the
            # tagger's model may not be loaded yet: load it here once, not in
            # every worker at its first new word
            language.load_models()
            # the same for the search forms' tables (the compound splitter's nouns)
            if code in ANALYSERS:
                ANALYSERS[code].load()
    except Exception:  # warming is an optimisation; workers load lazily otherwise
        pass


_warm()
