"""Shared code holds no German: scripts/check_language_neutral.py passes, and catches what it should."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_language_neutral.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_language_neutral", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shared_code_is_language_neutral() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--verbose"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 findings" in done.stdout


def test_check_finds_stts_tags_and_german_words(tmp_path: Path) -> None:
    check = _script()
    shared = tmp_path / "shared.py"
    shared.write_text(
        '"""A docstring may say „sagte er“."""\n'
        'A = "VV(FIN)"\n'
        'B = t.tag.endswith("(FIN)")\n'
        'C = {"sagte", "laut"}\n'
        'D = "the number of statements"  # sagte: a comment is documentation\n',
        encoding="utf-8",
    )
    found = sorted(check.findings(check.german_words(), check.stts_tags(), [shared]))
    assert len(found) == 4, found
    assert "STTS tag" in found[0] and "verb or adjective form" in found[1]
    assert "laut" in found[2] and "sagte" in found[3]  # an inflected form of a cue verb counts
