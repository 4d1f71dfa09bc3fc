"""Error analysis over the pairs the corpus metric makes (``saidwhat eval --report``).

Everything here is read off the :class:`~saidwhat.evaluate.DocumentMatch`
objects, so the breakdown uses the very pairing the scores come from. The
output is Markdown so it can be pasted into an issue or kept in ``docs/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from .evaluate import PARTS, PRF, ROLE_PARTS, DocumentMatch, Pair, Quotation, scores_from_pairs
from .lexicon import load_word_set

GOLD_TYPES: tuple[str, ...] = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
CONFIDENT = 0.8
BANDS: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 + 1e-9)

# The gold corpus's language: which speaker mentions are pronouns is its
# lexicon ``referring_pronouns.txt``.
CORPUS_LANGUAGE = "de"

CAUSES: dict[str, str] = {
    "missed": "missed quote (gold quotation left unpaired)",
    "spurious": "spurious quote (predicted quotation left unpaired)",
    "split": "split span (one gold quote overlapped by several predictions not paired elsewhere)",
    "merged": "merged span (one prediction overlaps several gold quotes not paired elsewhere)",
    "boundary": "boundary error (paired, quote token F1 < 1)",
    "wrong_speaker": "wrong speaker (paired, both have a speaker, tokens disjoint)",
    "speaker_missed": "speaker missed (paired, gold has a speaker, prediction none)",
    "pronoun_unresolved": "pronoun speaker unresolved (gold speaker a pronoun, speakerEntity empty or wrong)",
    "cue_missed": "cue missed (paired, gold cue not hit by the predicted cue)",
    "type_wrong": "wrong type (paired, types differ)",
}


@dataclass(frozen=True)
class TypeRow:
    type: str
    gold: int  # gold quotations of this type
    found: int  # of which paired with a prediction
    predicted: int  # predictions claiming this type
    quote: PRF
    joint: PRF


@dataclass(frozen=True)
class RoleRow:
    role: str
    score: PRF
    gold: int  # paired pairs where the gold fills the role
    missed: int  # ... and the prediction leaves it empty
    disjoint: int  # ... and the prediction fills it with other tokens
    extra: int  # paired pairs where only the prediction fills it


@dataclass(frozen=True)
class Case:
    doc: str
    score: float  # the pair's own joint F1
    causes: list[str]
    gold: dict[str, str] | None  # part -> text, plus "type", "speakerEntity"
    pred: dict[str, str] | None


@dataclass(frozen=True)
class ConfidenceRow:
    label: str
    predictions: int
    paired: int
    quote_precision: float
    joint_precision: float


@dataclass
class Report:
    types: list[TypeRow]
    roles: list[RoleRow]
    causes: dict[str, int]
    pronoun_speakers: int  # paired gold quotations with a pronoun speaker
    boundary_kinds: dict[str, int]  # too long / too short / shifted
    confidence: list[ConfidenceRow]
    has_confidence: bool
    calibration: list[ConfidenceRow]  # per confidence band, non-empty bands only
    worst: list[Case] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _role_text(q: Quotation, name: str, text: str) -> str:
    return " … ".join(text[b:e] for b, e in q.spans.get(name, ()))


def _describe(q: Quotation | None, text: str) -> dict[str, str] | None:
    if q is None:
        return None
    out = {name: _role_text(q, name, text) for name in PARTS}
    out["type"] = q.type
    out["medium"] = q.medium
    out["speakerEntity"] = q.speaker_entity
    if q.confidence is not None:
        out["confidence"] = f"{q.confidence:.2f}"
    return out


def is_pronoun(mention: str, lang: str = CORPUS_LANGUAGE) -> bool:
    """A speaker mention that needs resolving to a name ("er", "der")."""
    return mention.strip().lower() in _referring_pronouns(lang)


@lru_cache(maxsize=4)
def _referring_pronouns(lang: str) -> frozenset[str]:
    return load_word_set(lang, "referring_pronouns")


def _pair_causes(pair: Pair, text: str, split: set[int], merged: set[int]) -> list[str]:
    g, p = pair.gold, pair.pred
    causes: list[str] = []
    if g is not None and g.index in split:
        causes.append("split")
    if p is not None and p.index in merged:
        causes.append("merged")
    if g is None or p is None:
        causes.insert(0, "missed" if p is None else "spurious")
        return causes
    if pair.counts["quote"].fp or pair.counts["quote"].fn:
        causes.append("boundary")
    gs, ps = g.part("speaker"), p.part("speaker")
    if gs and ps and not gs & ps:
        causes.append("wrong_speaker")
    elif gs and not ps:
        causes.append("speaker_missed")
    if gs and is_pronoun(_role_text(g, "speaker", text)):
        # With a gold entity we can tell right from wrong; without one (the
        # corpus has none) only a missing resolution is certainly an error.
        if not p.speaker_entity or (g.speaker_entity and g.speaker_entity.casefold() != p.speaker_entity.casefold()):
            causes.append("pronoun_unresolved")
    gc = g.part("cue")
    if gc and not gc & p.part("cue"):
        causes.append("cue_missed")
    if g.type != p.type:
        causes.append("type_wrong")
    return causes


def _overlaps(match: DocumentMatch) -> tuple[set[int], set[int]]:
    """Gold quotations split over several predictions, predictions merging several golds.

    Quotations nest (a direct quote inside reported speech), so overlap alone
    is no error: a prediction correctly paired with a *different* gold
    quotation does not count as a fragment of this one, and vice versa.
    """
    partner_of_gold = {x.gold.index: x.pred.index for x in match.pairs if x.gold is not None and x.pred is not None}
    partner_of_pred = {v: k for k, v in partner_of_gold.items()}
    split: set[int] = set()
    for g in match.gold:
        fragments = [
            p
            for p in match.pred
            if g.part("quote") & p.part("quote") and partner_of_pred.get(p.index, g.index) == g.index
        ]
        if len(fragments) > 1:
            split.add(g.index)
    merged: set[int] = set()
    for p in match.pred:
        covered = [
            g
            for g in match.gold
            if g.part("quote") & p.part("quote") and partner_of_gold.get(g.index, p.index) == p.index
        ]
        if len(covered) > 1:
            merged.add(p.index)
    return split, merged


def _boundary_kind(pair: Pair) -> str:
    c = pair.counts["quote"]
    if c.fp and not c.fn:
        return "too long"
    if c.fn and not c.fp:
        return "too short"
    return "shifted (both)"


def _confidence_row(label: str, pairs: Sequence[Pair]) -> ConfidenceRow:
    preds = [x for x in pairs if x.pred is not None]
    s = scores_from_pairs(preds, documents=0)
    return ConfidenceRow(
        label=label,
        predictions=len(preds),
        paired=sum(1 for x in preds if x.paired),
        quote_precision=s.quote.precision,
        joint_precision=s.joint.precision,
    )


def build_report(matches: Sequence[DocumentMatch], worst: int = 10) -> Report:
    pairs = [p for m in matches for p in m.pairs]
    texts = {m.name: m.text for m in matches}

    types: list[TypeRow] = []
    seen_types = {p.gold.type for p in pairs if p.gold is not None} | {p.pred.type for p in pairs if p.pred is not None}
    for t in list(GOLD_TYPES) + sorted(seen_types - set(GOLD_TYPES)):
        of_type = [p for p in pairs if p.gold is not None and p.gold.type == t]
        predicted = sum(1 for p in pairs if p.pred is not None and p.pred.type == t)
        if not of_type and not predicted and t not in GOLD_TYPES:
            continue
        s = scores_from_pairs(of_type, documents=0)
        types.append(TypeRow(t, len(of_type), sum(1 for p in of_type if p.paired), predicted, s.quote, s.joint))

    roles: list[RoleRow] = []
    paired = [p for p in pairs if p.paired]
    scored = matches[0].parts if matches else PARTS  # parts dropped before scoring get no row
    all_scores = scores_from_pairs(pairs, documents=len(matches), parts=scored)
    for name in (p for p in ROLE_PARTS if p in scored):
        role_score = all_scores.parts[name]
        g_has = [p for p in paired if p.gold is not None and p.gold.part(name)]
        roles.append(
            RoleRow(
                role=name,
                score=role_score,
                gold=len(g_has),
                missed=sum(1 for p in g_has if p.pred is not None and not p.pred.part(name)),
                disjoint=sum(
                    1
                    for p in g_has
                    if p.gold is not None
                    and p.pred is not None
                    and p.pred.part(name)
                    and not p.gold.part(name) & p.pred.part(name)
                ),
                extra=sum(
                    1
                    for p in paired
                    if p.gold is not None and p.pred is not None and p.pred.part(name) and not p.gold.part(name)
                ),
            )
        )

    causes = dict.fromkeys(CAUSES, 0)
    boundary_kinds: dict[str, int] = {}
    cases: list[tuple[float, int, Case]] = []
    for m in matches:
        split, merged = _overlaps(m)
        causes["split"] += len(split)
        causes["merged"] += len(merged)
        for p in m.pairs:
            cs = _pair_causes(p, m.text, split, merged)
            for c in cs:
                if c not in ("split", "merged"):  # counted per quotation above
                    causes[c] += 1
            if "boundary" in cs:
                k = _boundary_kind(p)
                boundary_kinds[k] = boundary_kinds.get(k, 0) + 1
            score = p.joint_f1()
            if score < 1.0 or cs:
                size = len(p.gold.part("quote")) if p.gold else len(p.pred.part("quote")) if p.pred else 0
                cases.append(
                    (
                        score,
                        -size,
                        Case(m.name, score, cs, _describe(p.gold, texts[m.name]), _describe(p.pred, texts[m.name])),
                    )
                )
    # Worst first; among equals the longer quotation first (a bigger loss).
    cases.sort(key=lambda x: (x[0], x[1], x[2].doc))

    pronoun_speakers = sum(
        1
        for m in matches
        for p in m.pairs
        if p.paired
        and p.gold is not None
        and p.gold.part("speaker")
        and is_pronoun(_role_text(p.gold, "speaker", m.text))
    )

    with_conf = [p for p in pairs if p.pred is not None and p.pred.confidence is not None]
    confident = [
        p for p in with_conf if p.pred is not None and p.pred.confidence is not None and p.pred.confidence >= CONFIDENT
    ]
    rest = [
        p for p in with_conf if p.pred is not None and p.pred.confidence is not None and p.pred.confidence < CONFIDENT
    ]
    confidence = [
        _confidence_row("all predictions", pairs),
        _confidence_row(f"confidence ≥ {CONFIDENT}", confident),
        _confidence_row(f"confidence < {CONFIDENT}", rest),
    ]

    # A calibrated confidence has precision rising with the band.
    calibration = []
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        band = [
            p
            for p in with_conf
            if p.pred is not None and p.pred.confidence is not None and lo <= p.pred.confidence < hi
        ]
        if band:
            calibration.append(_confidence_row(f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}", band))

    return Report(
        types=types,
        roles=roles,
        causes=causes,
        pronoun_speakers=pronoun_speakers,
        boundary_kinds=boundary_kinds,
        confidence=confidence,
        has_confidence=bool(with_conf),
        calibration=calibration,
        worst=[c for _, _, c in cases[: max(0, worst)]],
    )


# --------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _clip(s: str, width: int = 240) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _cell(s: str) -> str:
    return _clip(s).replace("|", "\\|") or "—"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    """A Markdown table; ``align`` has one ``l``/``r`` per column (default: first left, rest right)."""
    align = align or "l" + "r" * (len(header) - 1)
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("--:" if a == "r" else "---" for a in align) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def format_report(report: Report) -> str:
    lines: list[str] = ["## By gold quotation type", ""]
    lines += _table(
        ["type", "gold", "found", "predicted", "quote P", "quote R", "quote F1", "joint F1"],
        (
            [
                t.type,
                str(t.gold),
                str(t.found),
                str(t.predicted),
                _pct(t.quote.precision),
                _pct(t.quote.recall),
                _pct(t.quote.f1),
                _pct(t.joint.f1),
            ]
            for t in report.types
        ),
    )
    lines += [
        "",
        "*found*: paired with a prediction. P, R and F1 per type are over the pairs whose gold quotation has "
        "that type (spurious predictions have no gold type and are left out of them).",
        "",
        "## By role",
        "",
    ]
    lines += _table(
        ["role", "P", "R", "F1", "gold has (paired)", "missed", "disjoint", "extra"],
        (
            [
                r.role,
                _pct(r.score.precision),
                _pct(r.score.recall),
                _pct(r.score.f1),
                str(r.gold),
                str(r.missed),
                str(r.disjoint),
                str(r.extra),
            ]
            for r in report.roles
        ),
    )
    lines += [
        "",
        "*missed*: gold fills the role, the paired prediction leaves it empty; *disjoint*: both fill it, no token "
        "in common; *extra*: only the prediction fills it (costs precision).",
        "",
        "## By cause",
        "",
    ]
    cause_rows = []
    for key, label in CAUSES.items():
        n = report.causes.get(key, 0)
        detail = ""
        if key == "boundary" and report.boundary_kinds:
            detail = ", ".join(f"{k}: {v}" for k, v in sorted(report.boundary_kinds.items()))
        if key == "pronoun_unresolved":
            detail = f"of {report.pronoun_speakers} paired gold pronoun speakers"
        cause_rows.append([label, str(n), detail])
    lines += _table(["cause", "count", "detail"], cause_rows, align="lrl")
    lines += ["", f"## Precision by confidence (threshold {CONFIDENT})", ""]
    if not report.has_confidence:
        lines.append("No prediction carries a `confidence` field.")
    else:
        lines += _table(
            ["predictions", "count", "paired", "quote P", "joint P"],
            (
                [c.label, str(c.predictions), str(c.paired), _pct(c.quote_precision), _pct(c.joint_precision)]
                for c in report.confidence
            ),
        )
        lines += ["", "By confidence band:", ""]
        lines += _table(
            ["confidence", "count", "paired", "quote P", "joint P"],
            (
                [c.label, str(c.predictions), str(c.paired), _pct(c.quote_precision), _pct(c.joint_precision)]
                for c in report.calibration
            ),
        )
        lines += [
            "",
            "*quote P* / *joint P*: the metric's precision over those predictions' pairs only; "
            "*paired*: predictions that found a gold partner.",
        ]
    if report.worst:
        lines += ["", f"## Worst {len(report.worst)} cases", ""]
        for n, case in enumerate(report.worst, 1):
            lines.append(
                f"### {n}. {case.doc} — pair F1 {_pct(case.score).strip()}: {', '.join(case.causes) or 'roles'}"
            )
            lines.append("")
            rows = []
            for part in (*PARTS, "type", "speakerEntity", "confidence"):
                g = case.gold.get(part, "") if case.gold else ""
                p = case.pred.get(part, "") if case.pred else ""
                if g or p:
                    rows.append([part, _cell(g), _cell(p)])
            lines += _table(["", "gold", "predicted"], rows, align="lll")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
