"""Shared test helpers: where ../shared lives, skipping without it, the quotes a store holds."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import null_extractor

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared"))
SEED_TEXT = SHARED / "seed" / "stoltenberg-reuters-de.txt"
SEED_GOLD = SHARED / "seed" / "stoltenberg-reuters-de.gold.json"
WIKINEWS = SHARED / "data" / "wikinews-quotes"

# Tests do not read or fill the user's persistent word-form cache
# (tests/test_wordform_cache.py gives the cache a file of its own)
os.environ.setdefault("SAIDWHAT_WORDFORM_CACHE", "off")


def need_shared(path: Path) -> Path:
    """Skip the calling test cleanly when ../shared (or a file in it) is absent."""
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is not part of the repo)")
    return path


def stored_quotes(db: str | Path) -> set[str]:
    """The quote of every statement in the store at ``db``."""
    # Imported here, not at the top: saidwhat.store imports saidwhat.pipeline,
    # which must come after null_extractor.install() below.
    from saidwhat.store import Store

    with Store(db, readonly=True) as s:
        return {h["quote"] for h in s.search_statements(limit=1000)}


# --- the null-extractor check (scripts/null_extractor_check.py) -------------
# Off unless SAIDWHAT_NULL_EXTRACTOR=1: then extract returns no statements, and
# these hooks note how each test ended, whether its body called extract, and
# whether a fixture it uses did, for the script to count.

null_extractor.install()

_extracting_fixtures: set[str] = set()
_report: dict[str, dict[str, object]] = {}


def _entry(nodeid: str) -> dict[str, object]:
    return _report.setdefault(nodeid, {"outcome": "passed", "extracts": False, "fixture_extracts": False})


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[object], request: pytest.FixtureRequest) -> Iterator[None]:
    before = null_extractor.calls
    yield
    if null_extractor.calls > before:
        _extracting_fixtures.add(fixturedef.argname)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    before = null_extractor.calls
    yield
    if null_extractor.enabled():
        entry = _entry(item.nodeid)
        entry["extracts"] = null_extractor.calls > before
        entry["fixture_extracts"] = bool(set(getattr(item, "fixturenames", ())) & _extracting_fixtures)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if not null_extractor.enabled():
        return
    entry = _entry(report.nodeid)
    if report.failed:
        entry["outcome"] = "failed"
    elif report.skipped and entry["outcome"] != "failed":
        entry["outcome"] = "skipped"


def pytest_sessionfinish(session: pytest.Session) -> None:
    path = os.environ.get("SAIDWHAT_NULL_EXTRACTOR_REPORT")
    if null_extractor.enabled() and path:
        Path(path).write_text(json.dumps(_report, indent=1), encoding="utf-8")
