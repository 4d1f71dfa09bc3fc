"""saidwhat: who said what, to whom, how and when, in news articles.

``saidwhat.extract`` is loaded on first use: importing the package (or
``saidwhat.store``, ``saidwhat.web``) does not load the extractor's stages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import InputError, SaidwhatError
from .model import Article, Kind, Medium, Span, Statement

if TYPE_CHECKING:
    from .pipeline import extract

__all__ = ["Article", "InputError", "Kind", "Medium", "SaidwhatError", "Span", "Statement", "extract"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "extract":
        from .pipeline import extract

        globals()["extract"] = extract  # found directly from now on
        return extract
    raise AttributeError(f"module 'saidwhat' has no attribute {name!r}")
