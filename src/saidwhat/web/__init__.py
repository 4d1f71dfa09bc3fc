"""saidwhat's web layer: a read-only HTTP API and a page over a statement store.

``create_app(store)`` builds the FastAPI application; ``saidwhat serve`` runs it
with uvicorn. FastAPI is imported here, so import this package only when the
``web`` extra is installed.
"""

from __future__ import annotations

from .app import MAX_BODY_BYTES, MAX_EXTRACT_CHARS, MAX_HEADER_BYTES, create_app

__all__ = ["MAX_BODY_BYTES", "MAX_EXTRACT_CHARS", "MAX_HEADER_BYTES", "create_app"]
