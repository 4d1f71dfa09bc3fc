"""Imported by the worker fork server: load the extractor's models once.

Workers are forked from a server process that imported this module, so
each of them starts with the models in (copy-on-write) memory instead of
loading them again, which takes seconds.
"""

from __future__ import annotations


def _warm() -> None:
    try:
        from ..nlp import _hanta
        from ..pipeline import extract
        from ..store import prepare

        prepare(extract('"Das geht", sagte Anna Weber am Montag.', lang="de", published="2024-01-01"))
        # every word above is in the shipped tables, so HanTa is not loaded
        # yet: load it here once, not in every worker at its first new word
        _hanta()
    except Exception:  # warming is an optimisation; workers load lazily otherwise
        pass


_warm()
