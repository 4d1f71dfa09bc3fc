"""The corpus metric of the German Wikinews quotation corpus, exactly.

See ``docs/metric.md`` in the shared data. In short:

1. every span (gold or predicted) becomes the set of corpus tokens whose
   characters it touches;
2. per article, gold and predicted quotations are paired one to one by the
   Hungarian method, maximising quote-token F1 (+0.01 if the types agree,
   +0.001 if the media agree, both only where the F1 is above zero);
   quotations left over are paired with an empty quotation;
3. per pair and per part (quote, speaker, cue, addressee, frame) tokens are
   counted as tp/fp/fn;
4. per pair and part, precision and recall where defined; *joint* P (R) is
   the mean over every defined precision (recall) of every pair and part in
   the whole evaluation set, F1 = 2PR/(P+R); *quote* is the quote part only,
   *roles* the other four;
5. type (medium) accuracy: paired quotations whose type (medium) agrees,
   divided by the number of predicted quotations (precision) and gold
   quotations (recall).

Parts can be dropped before scoring (``parts=("quote", "speaker", "cue")``,
``saidwhat eval --parts``): a corpus that never marks addressee or frame
(PolNeAR, English) would otherwise charge every predicted addressee or frame
as a false positive. A dropped part is emptied on both sides when the files
are read, so it has no defined precision or recall and drops out of every
mean; the pairing (quote tokens) is unchanged. All five parts are the default.

"Paired" always means both sides non-empty. An assignment the Hungarian
method makes at score zero (no quote token in common) adds nothing to the
maximised sum, so it is not a pairing: both quotations count as unpaired.
Otherwise a wrong quotation could collect speaker credit from an unrelated
gold quotation that happens to be assigned to it.

The gold file's ``tokens`` (``charBegin``/``charEnd``) define the tokens;
gold files without them (the seed article) are tokenised with
:func:`saidwhat.nlp.tokenize`.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import ROLES

PARTS: tuple[str, ...] = ROLES  # quote, speaker, cue, addressee, frame
ROLE_PARTS: tuple[str, ...] = tuple(p for p in PARTS if p != "quote")
# What a corpus without addressee and frame (PolNeAR) is scored on.
QUOTE_SPEAKER_CUE: tuple[str, ...] = ("quote", "speaker", "cue")

TYPE_BONUS = 0.01
MEDIUM_BONUS = 0.001


# --------------------------------------------------------------------------
# Data: quotations as token sets, pairs, per-document matches
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Quotation:
    """One quotation (gold or predicted) as token sets per part."""

    index: int  # position in the file's ``annotations``
    tokens: dict[str, frozenset[int]]
    spans: dict[str, tuple[tuple[int, int], ...]]  # character spans, for showing text
    type: str
    medium: str
    speaker_entity: str = ""
    confidence: float | None = None

    def part(self, name: str) -> frozenset[int]:
        return self.tokens.get(name, frozenset())


@dataclass(frozen=True)
class PartCount:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass(frozen=True)
class Pair:
    """A gold and a predicted quotation; either side may be empty (None)."""

    doc: str
    gold: Quotation | None
    pred: Quotation | None
    counts: dict[str, PartCount]

    @property
    def paired(self) -> bool:
        return self.gold is not None and self.pred is not None

    def joint_f1(self, parts: Sequence[str] = PARTS) -> float:
        """F1 of this pair alone (mean of its defined P and R): for ranking cases."""
        ps = [p for p in (self.counts[n].precision for n in parts) if p is not None]
        rs = [r for r in (self.counts[n].recall for n in parts) if r is not None]
        p = sum(ps) / len(ps) if ps else 0.0
        r = sum(rs) / len(rs) if rs else 0.0
        return _f1(p, r)


@dataclass
class DocumentMatch:
    """The pairing of one article."""

    name: str
    text: str
    gold: list[Quotation]
    pred: list[Quotation]
    pairs: list[Pair]
    missing_prediction: bool = False
    parts: tuple[str, ...] = PARTS  # the parts scored; the others were dropped when reading


# --------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PRF:
    """Precision, recall, F1 as fractions in [0, 1].

    ``n_precision``/``n_recall`` are how many per-pair values were averaged
    (for type/medium: the denominators). A mean over nothing is 0.
    """

    precision: float
    recall: float
    f1: float
    n_precision: int = 0
    n_recall: int = 0


@dataclass(frozen=True)
class Scores:
    joint: PRF
    quote: PRF
    roles: PRF
    parts: dict[str, PRF]  # each scored part alone (all five unless some were dropped)
    type: PRF
    medium: PRF
    documents: int
    gold_quotations: int
    predicted_quotations: int
    paired: int
    missing_predictions: list[str] = field(default_factory=list)
    unmatched_predictions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _prf_over(pairs: Iterable[Pair], parts: Sequence[str]) -> PRF:
    ps: list[float] = []
    rs: list[float] = []
    for pair in pairs:
        for name in parts:
            c = pair.counts[name]
            if (p := c.precision) is not None:
                ps.append(p)
            if (r := c.recall) is not None:
                rs.append(r)
    p, r = _mean(ps), _mean(rs)
    return PRF(p, r, _f1(p, r), len(ps), len(rs))


def _agreement(pairs: Sequence[Pair], attr: str, n_pred: int, n_gold: int) -> PRF:
    agree = sum(
        1 for x in pairs if x.gold is not None and x.pred is not None and getattr(x.gold, attr) == getattr(x.pred, attr)
    )
    p = agree / n_pred if n_pred else 0.0
    r = agree / n_gold if n_gold else 0.0
    return PRF(p, r, _f1(p, r), n_pred, n_gold)


def scores_from_pairs(
    pairs: Sequence[Pair],
    *,
    documents: int,
    missing: Sequence[str] = (),
    unmatched: Sequence[str] = (),
    parts: Sequence[str] = PARTS,
) -> Scores:
    """Aggregate pairs (from any number of articles) into :class:`Scores`.

    ``parts`` are the parts the pairs were read with (see :func:`check_parts`);
    dropped parts have no counts, so they only leave the per-part table.
    """
    n_gold = sum(1 for x in pairs if x.gold is not None)
    n_pred = sum(1 for x in pairs if x.pred is not None)
    role_parts = tuple(p for p in parts if p != "quote")
    return Scores(
        joint=_prf_over(pairs, parts),
        quote=_prf_over(pairs, ("quote",)),
        roles=_prf_over(pairs, role_parts),
        parts={name: _prf_over(pairs, (name,)) for name in parts},
        type=_agreement(pairs, "type", n_pred, n_gold),
        medium=_agreement(pairs, "medium", n_pred, n_gold),
        documents=documents,
        gold_quotations=n_gold,
        predicted_quotations=n_pred,
        paired=sum(1 for x in pairs if x.paired),
        missing_predictions=list(missing),
        unmatched_predictions=list(unmatched),
    )


def scores_from_matches(
    matches: Sequence[DocumentMatch], unmatched: Sequence[str] = (), parts: Sequence[str] | None = None
) -> Scores:
    """Scores over every pair of ``matches``, on the parts they were read with (unless ``parts`` says)."""
    if parts is None:
        parts = matches[0].parts if matches else PARTS
    return scores_from_pairs(
        [p for m in matches for p in m.pairs],
        documents=len(matches),
        missing=[m.name for m in matches if m.missing_prediction],
        unmatched=unmatched,
        parts=parts,
    )


def check_parts(parts: Iterable[str]) -> tuple[str, ...]:
    """The parts to score, in metric order; "quote" is required (it pairs the quotations)."""
    wanted = {p.strip() for p in parts if p.strip()}
    unknown = sorted(wanted - set(PARTS))
    if unknown:
        raise InputError(f"unknown part(s) {', '.join(unknown)}: choose from {', '.join(PARTS)}")
    if "quote" not in wanted:
        raise InputError("the parts to score must include quote: quotations are paired by their quote tokens")
    return tuple(p for p in PARTS if p in wanted)


# --------------------------------------------------------------------------
# Tokens and quotations from corpus documents
# --------------------------------------------------------------------------


class TokenIndex:
    """Maps character spans to the indices of the tokens they touch."""

    def __init__(self, offsets: Sequence[tuple[int, int]]) -> None:
        # Corpus tokens are sorted and do not overlap, so begins and ends are
        # both ascending and two binary searches find the covered range.
        self.begins = [b for b, _ in offsets]
        self.ends = [e for _, e in offsets]

    def __len__(self) -> int:
        return len(self.begins)

    def cover(self, begin: int, end: int) -> range:
        """Tokens whose characters ``[begin, end)`` touches (half-open)."""
        if end <= begin:
            return range(0)
        first = bisect_right(self.ends, begin)  # first token ending after begin
        last = bisect_left(self.begins, end)  # first token starting at/after end
        return range(first, max(first, last))


def document_tokens(doc: dict[str, Any]) -> TokenIndex:
    """The corpus tokens of a gold document, or saidwhat's tokenisation."""
    toks = doc.get("tokens")
    if isinstance(toks, list) and toks:
        try:
            offsets = sorted((int(t["charBegin"]), int(t["charEnd"])) for t in toks)
        except (KeyError, TypeError, ValueError):
            raise InputError(f"{doc.get('documentName', '?')}: malformed 'tokens'") from None
        return TokenIndex(offsets)
    from .nlp import tokenize  # lazy: spaCy is only needed for gold without tokens

    return TokenIndex([(t.begin, t.end) for t in tokenize(doc.get("originalText") or "")])


def _role_spans(role: Any, where: str) -> tuple[tuple[int, int], ...]:
    if not isinstance(role, dict):
        return ()
    out: list[tuple[int, int]] = []
    for sp in role.get("spans") or []:
        try:
            out.append((int(sp["charBegin"]), int(sp["charEnd"])))
        except (KeyError, TypeError, ValueError):
            raise InputError(f"{where}: span without integer charBegin/charEnd: {sp!r}") from None
    return tuple(sorted(out))


def quotations(doc: dict[str, Any], index: TokenIndex, where: str, parts: Sequence[str] = PARTS) -> list[Quotation]:
    """The annotations of a corpus document as token-set quotations.

    Parts not in ``parts`` are left empty (dropped before scoring).
    """
    anns = doc.get("annotations") or []
    if not isinstance(anns, list):
        raise InputError(f"{where}: 'annotations' is not a list")
    out: list[Quotation] = []
    for i, ann in enumerate(anns):
        if not isinstance(ann, dict):
            raise InputError(f"{where}: annotation {i} is not an object")
        spans = {
            name: _role_spans(ann.get(name), f"{where}: annotation {i} {name}") if name in parts else ()
            for name in PARTS
        }
        tokens = {name: frozenset(t for b, e in spans[name] for t in index.cover(b, e)) for name in PARTS}
        conf = ann.get("confidence")
        out.append(
            Quotation(
                index=i,
                tokens=tokens,
                spans=spans,
                type=str(ann.get("type") or ""),
                medium=str(ann.get("medium") or ""),
                speaker_entity=str(ann.get("speakerEntity") or ""),
                confidence=float(conf) if isinstance(conf, int | float) else None,
            )
        )
    return out


# --------------------------------------------------------------------------
# Pairing
# --------------------------------------------------------------------------


def _set_f1(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    tp = len(a & b)
    return 2 * tp / (len(a) + len(b))


def pairing_score(gold: Quotation, pred: Quotation) -> float:
    f = _set_f1(gold.part("quote"), pred.part("quote"))
    if f <= 0:
        return 0.0
    return f + (TYPE_BONUS if gold.type == pred.type else 0.0) + (MEDIUM_BONUS if gold.medium == pred.medium else 0.0)


def _count(gold: Quotation | None, pred: Quotation | None) -> dict[str, PartCount]:
    out: dict[str, PartCount] = {}
    for name in PARTS:
        g = gold.part(name) if gold else frozenset()
        p = pred.part(name) if pred else frozenset()
        tp = len(g & p)
        out[name] = PartCount(tp, len(p) - tp, len(g) - tp)
    return out


def pair_quotations(gold: Sequence[Quotation], pred: Sequence[Quotation], doc: str = "") -> list[Pair]:
    """Hungarian pairing of one article's quotations; leftovers get empty partners."""
    matched: list[tuple[int, int]] = []
    if gold and pred:
        import numpy as np
        from scipy.optimize import linear_sum_assignment

        score = np.array([[pairing_score(g, p) for p in pred] for g in gold], dtype=float)
        rows, cols = linear_sum_assignment(score, maximize=True)
        matched = [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if score[r, c] > 0]
    used_g = {r for r, _ in matched}
    used_p = {c for _, c in matched}
    pairs = [Pair(doc, gold[r], pred[c], _count(gold[r], pred[c])) for r, c in sorted(matched)]
    pairs += [Pair(doc, g, None, _count(g, None)) for i, g in enumerate(gold) if i not in used_g]
    pairs += [Pair(doc, None, p, _count(None, p)) for j, p in enumerate(pred) if j not in used_p]
    return pairs


def match_document(
    gold_doc: dict[str, Any],
    pred_doc: dict[str, Any] | None,
    name: str | None = None,
    parts: Sequence[str] = PARTS,
) -> DocumentMatch:
    """Pair one article; ``pred_doc`` None means the prediction is missing (empty)."""
    name = name or str(gold_doc.get("documentName") or "?")
    text = gold_doc.get("originalText")
    if not isinstance(text, str):
        raise InputError(f"{name}: gold has no 'originalText' string")
    if pred_doc is not None:
        ptext = pred_doc.get("originalText")
        # Offsets are only comparable into the same text; scoring against a
        # different text would give silently meaningless figures.
        if isinstance(ptext, str) and ptext != text:
            raise InputError(f"{name}: prediction's originalText differs from the gold text")
    index = document_tokens(gold_doc)
    gold = quotations(gold_doc, index, f"{name} (gold)", parts)
    pred = quotations(pred_doc, index, f"{name} (prediction)", parts) if pred_doc is not None else []
    return DocumentMatch(
        name=name,
        text=text,
        gold=gold,
        pred=pred,
        pairs=pair_quotations(gold, pred, name),
        missing_prediction=pred_doc is None,
        parts=tuple(parts),
    )


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def match_documents(
    pairs: Iterable[tuple[dict[str, Any], dict[str, Any] | None]], parts: Sequence[str] = PARTS
) -> list[DocumentMatch]:
    return [match_document(g, p, parts=parts) for g, p in pairs]


def evaluate_documents(
    pairs: Iterable[tuple[dict[str, Any], dict[str, Any] | None]], parts: Sequence[str] = PARTS
) -> Scores:
    """Score (gold document, predicted document) pairs; a None prediction is empty."""
    return scores_from_matches(match_documents(pairs, parts), parts=parts)


def _load(path: Path) -> dict[str, Any]:
    from .corpus import load_corpus_document

    return load_corpus_document(path)


def _json_files(path: Path) -> dict[str, Path]:
    return {p.name: p for p in sorted(path.glob("*.json")) if p.is_file()}


def iter_file_pairs(gold: str | Path, pred: str | Path) -> tuple[list[tuple[str, Path, Path | None]], list[str]]:
    """(name, gold file, prediction file or None) and prediction files without gold.

    Either argument may be a single file. Directories are matched by file name.
    """
    g, p = Path(gold), Path(pred)
    for q in (g, p):
        if not q.exists():
            raise InputError(f"{q}: no such file or directory")
    if g.is_file():
        if p.is_dir():
            cand = p / g.name
            return [(g.name, g, cand if cand.is_file() else None)], []
        return [(g.name, g, p)], []
    if p.is_file():
        raise InputError(f"{p}: a single prediction file needs a single gold file, not the directory {g}")
    gold_files = _json_files(g)
    if not gold_files:
        raise InputError(f"{g}: no *.json gold files")
    pred_files = _json_files(p)
    triples = [(name, gf, pred_files.get(name)) for name, gf in gold_files.items()]
    unmatched = sorted(set(pred_files) - set(gold_files))
    return triples, unmatched


def match_dirs(
    gold: str | Path, pred: str | Path, parts: Sequence[str] = PARTS, skip_nested: bool = False
) -> tuple[list[DocumentMatch], list[str]]:
    """Pair gold and predicted files by name. ``skip_nested`` sets aside the statements marked
    nested on both sides before scoring (:func:`without_nested`)."""
    triples, unmatched = iter_file_pairs(gold, pred)
    prepare = without_nested if skip_nested else _unchanged
    matches = [
        match_document(prepare(_load(gf)), prepare(_load(pf)) if pf else None, name, parts) for name, gf, pf in triples
    ]
    return matches, unmatched


def without_nested(doc: dict[str, Any]) -> dict[str, Any]:
    """The document without its nested statements (``isNested``): for a gold corpus that marks none.

    PolNeAR (English) never marks a quote inside another statement's quote as a
    statement of its own, while saidwhat does (as the German corpus does): such
    predictions cannot pair with anything there, like addressees and frames,
    which ``--parts`` drops for the same reason.
    """
    return {**doc, "annotations": [a for a in doc.get("annotations", []) if not a.get("isNested")]}


def _unchanged(doc: dict[str, Any]) -> dict[str, Any]:
    return doc


def evaluate_dirs(gold_dir: str | Path, pred_dir: str | Path, parts: Sequence[str] = PARTS) -> Scores:
    """Score prediction files against gold files matched by name.

    A gold file without a prediction file counts as an empty prediction
    (listed in ``Scores.missing_predictions``); prediction files without a
    gold file are ignored (``Scores.unmatched_predictions``).
    """
    matches, unmatched = match_dirs(gold_dir, pred_dir, parts)
    return scores_from_matches(matches, unmatched)


# --------------------------------------------------------------------------
# Subsets by cue word (the speech-verb subset of an English corpus)
# --------------------------------------------------------------------------

SPEECH_VERB_LISTS = {"en": "en_speech_verbs.txt"}  # packaged in saidwhat/evaluate_data/
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def speech_verb_list(name_or_path: str) -> Path:
    """A packaged speech-verb list by language code ("en"), or any file path."""
    if name_or_path in SPEECH_VERB_LISTS:
        return Path(__file__).parent / "evaluate_data" / SPEECH_VERB_LISTS[name_or_path]
    path = Path(name_or_path)
    if not path.is_file():
        known = ", ".join(sorted(SPEECH_VERB_LISTS))
        raise InputError(f"{name_or_path}: no such speech-verb list (a file, or one of: {known})")
    return path


def load_cue_words(path: Path) -> frozenset[str]:
    """Every word form of a verb list: one verb a line (lemma, then its forms), ``#`` comments."""
    words: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        forms = entry.lower().split()
        if not all(_WORD.fullmatch(f) for f in forms):
            raise InputError(f"{path}:{number}: expected word forms separated by spaces, got {line!r}")
        words.update(forms)
    if not words:
        raise InputError(f"{path}: no verbs in the list")
    return frozenset(words)


def _cue_has_word(q: Quotation, text: str, words: frozenset[str]) -> bool:
    return any(w.lower() in words for b, e in q.spans["cue"] for w in _WORD.findall(text[b:e]))


def cue_word_pairs(matches: Sequence[DocumentMatch], words: frozenset[str]) -> list[Pair]:
    """The pairs whose cue holds one of ``words``: the gold cue decides; a prediction left
    unpaired (no gold to ask) is in the subset when its own cue holds one.

    So the subset's recall is over gold statements with such a cue, and its precision also
    charges spurious predictions that claim such a cue. Needs the cue part scored.
    """
    out: list[Pair] = []
    for m in matches:
        for pair in m.pairs:
            decider = pair.gold if pair.gold is not None else pair.pred
            if decider is not None and _cue_has_word(decider, m.text, words):
                out.append(pair)
    return out


def cue_word_scores(matches: Sequence[DocumentMatch], words: frozenset[str]) -> Scores:
    """:class:`Scores` of the subset :func:`cue_word_pairs` picks."""
    parts = matches[0].parts if matches else PARTS
    if "cue" not in parts:
        raise InputError("a subset by cue word needs the cue part scored")
    pairs = cue_word_pairs(matches, words)
    return scores_from_pairs(pairs, documents=len({p.doc for p in pairs}), parts=parts)


# --------------------------------------------------------------------------
# Presentation
# --------------------------------------------------------------------------


def score_rows(scores: Scores) -> Iterator[tuple[str, PRF]]:
    yield "joint", scores.joint
    yield "quote", scores.quote
    yield "roles", scores.roles
    for name in ROLE_PARTS:
        if name in scores.parts:  # dropped parts have no row
            yield f"  {name}", scores.parts[name]
    yield "type", scores.type
    yield "medium", scores.medium


def format_scores(scores: Scores) -> str:
    """A Markdown table of P/R/F1 (percent) plus counts and notes."""
    lines = ["| measure     |     P |     R |    F1 |", "|-------------|------:|------:|------:|"]
    for label, prf in score_rows(scores):
        lines.append(f"| {label:<11} | {100 * prf.precision:5.1f} | {100 * prf.recall:5.1f} | {100 * prf.f1:5.1f} |")
    lines.append("")
    lines.append(
        f"{scores.documents} articles, {scores.gold_quotations} gold quotations, "
        f"{scores.predicted_quotations} predicted, {scores.paired} paired"
    )
    if scores.missing_predictions:
        shown = ", ".join(scores.missing_predictions[:10])
        more = f" (+{len(scores.missing_predictions) - 10} more)" if len(scores.missing_predictions) > 10 else ""
        lines.append(
            f"note: {len(scores.missing_predictions)} gold file(s) without a prediction file, "
            f"scored as empty predictions: {shown}{more}"
        )
    if scores.unmatched_predictions:
        lines.append(f"note: {len(scores.unmatched_predictions)} prediction file(s) without gold, ignored")
    return "\n".join(lines) + "\n"


def scores_json(scores: Scores) -> str:
    return json.dumps(scores.to_dict(), ensure_ascii=False, indent=2)
