"""Reading user-supplied text safely: clear errors, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import InputError

# A single article above this size is almost certainly not an article.
MAX_INPUT_BYTES = 20_000_000


def decode_text(raw: bytes, name: str) -> str:
    """Decode article bytes as UTF-8 (BOM allowed); refuse binary data."""
    if b"\x00" in raw[:65536]:
        raise InputError(f"{name}: binary data, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        # Old German archives are often Latin-1/cp1252; accept them only if
        # the bytes decode cleanly and look like text.
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not UTF-8 text (invalid byte at offset {e.start})") from None
    if text and sum(1 for c in text[:10000] if not c.isprintable() and c not in "\n\r\t") > len(text[:10000]) * 0.05:
        raise InputError(f"{name}: does not look like text (too many control characters)")
    return text


def read_text_input(path: str) -> tuple[str, str]:
    """Read ``path`` (or ``-`` for stdin); returns (text, display name)."""
    if path == "-":
        raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a directory, expected a file")
        try:
            with p.open("rb") as f:
                raw = f.read(MAX_INPUT_BYTES + 1)
        except OSError as e:
            raise InputError(f"{path}: cannot read: {e.strerror}") from None
        name = path
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: larger than {MAX_INPUT_BYTES // 1_000_000} MB, not a single article")
    return decode_text(raw, name), name
