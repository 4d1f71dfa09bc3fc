"""Reading and writing the Wikinews quotation corpus schema.

The schema (see ``docs/metric.md`` in the shared data) is one JSON object per
article: ``documentName``, ``originalText`` and ``annotations``, each
annotation holding ``quote``/``speaker``/``cue``/``addressee``/``frame`` as
``{"spans": [{"charBegin", "charEnd"}], "text"}`` plus ``type`` and ``medium``.
saidwhat adds ``speakerEntity``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import ROLES, Article, Kind, Medium, Span, SpeakerKind, Stance, Statement, spans_text

_SPEAKER_KINDS = frozenset(k.value for k in SpeakerKind)

_DATE_IN_NAME = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\s*$")


def date_from_document_name(name: str) -> date | None:
    """``"10367 - Titel (2005-08-11)"`` → ``date(2005, 8, 11)``."""
    m = _DATE_IN_NAME.search(name)
    if not m:
        return None
    try:
        return date.fromisoformat(m.group(1))
    except ValueError:
        return None


def _role_to_json(spans: list[Span], text: str) -> dict[str, Any]:
    return {
        "spans": [{"charBegin": s.begin, "charEnd": s.end} for s in sorted(spans)],
        "text": spans_text(spans, text),
    }


def statement_to_annotation(st: Statement, text: str, ident: int) -> dict[str, Any]:
    ann: dict[str, Any] = {name: _role_to_json(st.role(name), text) for name in ROLES}
    ann["type"] = st.kind.corpus_name
    ann["medium"] = st.medium.corpus_name
    ann["speakerEntity"] = st.speaker_entity or ""
    ann["speakerKind"] = st.speaker_kind.value if st.speaker_kind else ""
    ann["confidence"] = round(st.confidence, 4)
    ann["isNested"] = st.nested
    ann["id"] = ident
    ann["stance"] = st.stance.value
    return ann


def article_to_corpus(article: Article, document_name: str) -> dict[str, Any]:
    return {
        "documentName": document_name,
        "originalText": article.text,
        "published": article.published.isoformat() if article.published else None,
        "annotations": [statement_to_annotation(st, article.text, i) for i, st in enumerate(article.statements)],
    }


def _spans_from_json(role: Any) -> list[Span]:
    if not isinstance(role, dict):
        return []
    out = []
    for sp in role.get("spans") or []:
        out.append(Span(int(sp["charBegin"]), int(sp["charEnd"])))
    return out


def annotation_to_statement(ann: dict[str, Any]) -> Statement:
    medium = ann.get("medium") or "none"
    return Statement(
        kind=Kind.from_corpus(ann.get("type") or "Direct"),
        quote=_spans_from_json(ann.get("quote")),
        speaker=_spans_from_json(ann.get("speaker")),
        cue=_spans_from_json(ann.get("cue")),
        addressee=_spans_from_json(ann.get("addressee")),
        frame=_spans_from_json(ann.get("frame")),
        medium=Medium.from_corpus(medium),
        speaker_entity=ann.get("speakerEntity") or None,
        speaker_kind=SpeakerKind(ann["speakerKind"]) if ann.get("speakerKind") in _SPEAKER_KINDS else None,
        confidence=float(ann.get("confidence", 1.0)),
        nested=bool(ann.get("isNested", False)),
        stance=_stance(ann.get("stance")),
    )


def _stance(value: Any) -> Stance:
    """The stance of an annotation; the corpus itself has none (then ``say``)."""
    try:
        return Stance(value) if value else Stance.SAY
    except ValueError:
        raise ValueError(f"unknown stance {value!r}") from None


def load_corpus_document(path: str | Path) -> dict[str, Any]:
    """Load one corpus JSON file, with a clear error naming the file."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror}") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise InputError(f"{p}: not UTF-8 text (byte {e.start})") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{p}: malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("originalText"), str):
        raise InputError(f"{p}: not a corpus document (no 'originalText' string)")
    return doc


def corpus_article(doc: dict[str, Any]) -> Article:
    """The gold article of a corpus document (its statements from ``annotations``)."""
    name = str(doc.get("documentName", ""))
    published = None
    if isinstance(doc.get("published"), str):
        try:
            published = date.fromisoformat(doc["published"])
        except ValueError:
            published = None
    published = published or date_from_document_name(name)
    return Article(
        text=doc["originalText"],
        published=published,
        id=name.split(" - ")[0] if name else None,
        title=name,
        statements=[annotation_to_statement(a) for a in doc.get("annotations") or []],
    )
