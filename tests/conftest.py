"""Shared test helpers: where ../shared lives, and skipping without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared"))
SEED_TEXT = SHARED / "seed" / "stoltenberg-reuters-de.txt"
SEED_GOLD = SHARED / "seed" / "stoltenberg-reuters-de.gold.json"
WIKINEWS = SHARED / "data" / "wikinews-quotes"


def need_shared(path: Path) -> Path:
    """Skip the calling test cleanly when ../shared (or a file in it) is absent."""
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is not part of the repo)")
    return path
