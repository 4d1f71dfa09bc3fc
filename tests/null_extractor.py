"""The null extractor: ``saidwhat.pipeline.extract`` with the extraction taken out.

Used by ``scripts/null_extractor_check.py`` (no tests here). With the
environment variable ``SAIDWHAT_NULL_EXTRACTOR=1``, :func:`install` replaces
``extract`` by a function that checks its input as before (the same
``InputError`` for a wrong type, language, date or length) but returns an
:class:`~saidwhat.model.Article` with no statements, at once. A test that still passes
then cannot tell working extraction from none.

The replacement happens right after ``saidwhat.pipeline`` is first imported,
before any other module binds the name (``from ..pipeline import extract``),
so the CLI, ``annotate``, ``ingest``, the web app and the Spark worker all get
it. The check's ``sitecustomize.py`` calls :func:`install` in subprocesses too.

Every call that passes the input checks with a text the real ``extract``
would search (German, not blank) is logged, one line per call, to ``SAIDWHAT_NULL_EXTRACTOR_LOG``
with the test that was running (``PYTEST_CURRENT_TEST``, which subprocesses
inherit), so the check knows which tests extract.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

ENABLE = "SAIDWHAT_NULL_EXTRACTOR"
LOG = "SAIDWHAT_NULL_EXTRACTOR_LOG"
TARGET = "saidwhat.pipeline"

calls = 0  # extract calls in this process, read by the pytest plugin in conftest.py


def enabled() -> bool:
    return os.environ.get(ENABLE) == "1"


def _log_call() -> None:
    global calls
    calls += 1
    path = os.environ.get(LOG)
    if path:
        # "tests/test_x.py::test_y (call)": the test and its phase
        with open(path, "a", encoding="utf-8") as f:
            f.write(os.environ.get("PYTEST_CURRENT_TEST", "?") + "\n")


def _null(real_extract: Callable[..., Any], pipeline: Any) -> Callable[..., Any]:
    def null_extract(text: Any, lang: str = "de", published: Any = None, *, learned: bool | None = None) -> Any:
        if not isinstance(text, str) or len(text) > pipeline.MAX_TEXT_CHARS:
            return real_extract(text, lang, published, learned=False)  # refuses it, as before
        # the real checks of language and date, on an empty text (which returns before any analysis)
        empty = real_extract("", lang, published, learned=False)
        if text.strip() and lang == "de":  # a text the real one would search
            _log_call()
        return pipeline.Article(text=text, lang=empty.lang, published=empty.published)

    null_extract.null = True  # type: ignore[attr-defined]
    return null_extract


def _patch(module: Any) -> None:
    module.extract = _null(module.extract, module)


class _Loader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self.inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.inner.exec_module(module)
        _patch(module)


class _Finder(importlib.abc.MetaPathFinder):
    """Wraps the loader of ``saidwhat.pipeline`` so that it is patched on import."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != TARGET:
            return None
        for finder in sys.meta_path:
            if isinstance(finder, _Finder):
                continue
            spec = finder.find_spec(fullname, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None and spec.loader is not None:
                spec.loader = _Loader(spec.loader)
                return spec
        return None


def install() -> None:
    """Patch ``extract`` now if ``saidwhat.pipeline`` is loaded, else on its import."""
    if not enabled():
        return
    if TARGET in sys.modules:
        if not getattr(sys.modules[TARGET].extract, "null", False):
            _patch(sys.modules[TARGET])
    elif not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
