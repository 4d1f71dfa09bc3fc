"""saidwhat: who said what, to whom, how and when, in news articles."""

from .errors import InputError, SaidwhatError
from .model import Article, Kind, Medium, Span, Statement
from .pipeline import extract

__all__ = ["Article", "InputError", "Kind", "Medium", "SaidwhatError", "Span", "Statement", "extract"]
__version__ = "0.1.0"
