"""Measure the stance step against the hand labels of dev statements.

usage: python scripts/measure_stance.py [LABELS] [CORPUS_DIR] [--gold-en]

LABELS defaults to tests/fixtures/stance/dev-labels.tsv (article id, quote begin,
quote end, stance; drawn by scripts/sample_stance.py), CORPUS_DIR to
../shared/data/wikinews-quotes/dev. Each labelled article is extracted afresh
and its statements are matched to the labels by quote span. Prints accuracy,
macro-F1 over the stances other than ``say`` (every non-say stance that occurs
in the labels or the predictions counts), the same two figures for the baseline
that labels everything ``say``, per-stance precision/recall/F1 and a confusion
table (rows: label, columns: prediction). Exits 0 without printing figures when
the corpus is absent (../shared is not part of the repository).

--gold-en measures the English stance step (lang/en/stance.py) on the GOLD
statements of an English corpus (PolNeAR: gold quote and cue spans given),
before an English extractor exists: e.g.
``python scripts/measure_stance.py tests/fixtures/stance/en-dev-labels.tsv ../shared/data/polnear-en/dev --gold-en``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_LABELS = REPO / "tests" / "fixtures" / "stance" / "dev-labels.tsv"
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "wikinews-quotes" / "dev"

Key = tuple[str, int, int]


def read_labels(path: Path) -> dict[Key, str]:
    labels: dict[Key, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise SystemExit(f"{path}:{n}: expected 4 tab-separated fields, got {len(fields)}")
        labels[(fields[0], int(fields[1]), int(fields[2]))] = fields[3]
    return labels


def predict(corpus: Path, articles: set[str]) -> dict[Key, str]:
    """Stance of every statement of the labelled articles, by quote span."""
    from saidwhat import extract
    from saidwhat.corpus import corpus_article, load_corpus_document

    out: dict[Key, str] = {}
    for article_id in sorted(articles):
        gold = corpus_article(load_corpus_document(corpus / f"{article_id}.json"))
        for st in extract(gold.text, published=gold.published).statements:
            key = (article_id, min(s.begin for s in st.quote), max(s.end for s in st.quote))
            out.setdefault(key, st.stance.value)
    return out


def predict_gold_en(corpus: Path, articles: set[str]) -> dict[Key, str]:
    """Stance the English step gives each gold statement of the labelled articles, by quote span."""
    from saidwhat.corpus import corpus_article, load_corpus_document
    from saidwhat.lang.en.stance import assign_stances
    from saidwhat.nlp import Doc, tokenize

    out: dict[Key, str] = {}
    for article_id in sorted(articles):
        gold = corpus_article(load_corpus_document(corpus / f"{article_id}.json"))
        statements = [st for st in gold.statements if st.quote]
        assign_stances(Doc(gold.text, tokenize(gold.text, "en"), [], "en"), statements)
        for st in statements:
            key = (article_id, min(s.begin for s in st.quote), max(s.end for s in st.quote))
            out.setdefault(key, st.stance.value)
    return out


def f1_table(pairs: list[tuple[str, str]]) -> dict[str, tuple[float, float, float, int]]:
    """Per stance: precision, recall, F1, support (labels)."""
    stances = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    table = {}
    for s in stances:
        tp = sum(1 for g, p in pairs if g == s and p == s)
        n_pred = sum(1 for _, p in pairs if p == s)
        n_gold = sum(1 for g, _ in pairs if g == s)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        table[s] = (prec, rec, f1, n_gold)
    return table


def scores(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """Accuracy and macro-F1 over the non-say stances (labels or predictions)."""
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs)
    table = f1_table(pairs)
    non_say = [v[2] for s, v in table.items() if s != "say"]
    return accuracy, (sum(non_say) / len(non_say) if non_say else 0.0)


def confusion(pairs: list[tuple[str, str]]) -> str:
    stances = sorted({g for g, _ in pairs} | {p for _, p in pairs}, key=lambda s: (s != "say", s))
    counts = Counter(pairs)
    width = max(len(s) for s in stances) + 1
    lines = ["label \\ pred".ljust(width + 2) + "".join(s[:5].rjust(6) for s in stances)]
    for g in stances:
        lines.append(g.ljust(width + 2) + "".join(str(counts[(g, p)] or ".").rjust(6) for p in stances))
    return "\n".join(lines)


def main(labels_path: Path, corpus: Path, gold_en: bool = False) -> int:
    if not corpus.is_dir():
        print(f"{corpus} not available (../shared is not part of the repo): nothing measured")
        return 0
    labels = read_labels(labels_path)
    predicted = (predict_gold_en if gold_en else predict)(corpus, {k[0] for k in labels})
    missing = [k for k in labels if k not in predicted]
    pairs = [(g, predicted[k]) for k, g in labels.items() if k in predicted]
    print(
        f"{len(labels)} labelled statements, {len(pairs)} matched by quote span, {len(missing)} not predicted any more"
    )
    acc, macro = scores(pairs)
    base_acc, base_macro = scores([(g, "say") for g, _ in pairs])
    print(f"stance accuracy {100 * acc:.1f} %, macro-F1 over non-say stances {100 * macro:.1f}")
    flagged = [(g, p) for g, p in pairs if p != "say"]
    right = sum(1 for g, p in flagged if g == p)
    print(f"given a stance other than say: {len(flagged)}, right {right} ({100 * right / max(1, len(flagged)):.1f} %)")
    print(
        f"baseline (everything say): accuracy {100 * base_acc:.1f} %, "
        f"macro-F1 over non-say stances {100 * base_macro:.1f}"
    )
    print("\nper stance        P      R     F1  labels")
    for s, (p, r, f, n) in sorted(f1_table(pairs).items(), key=lambda kv: -kv[1][3]):
        print(f"{s:12} {100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f} {n:6d}")
    print("\n" + confusion(pairs))
    return 0


if __name__ == "__main__":
    gold = "--gold-en" in sys.argv[1:]
    args = [a for a in sys.argv[1:] if a != "--gold-en"]
    if len(args) > 2:
        sys.exit(__doc__)
    labels_arg = Path(args[0]) if args else DEFAULT_LABELS
    sys.exit(main(labels_arg, Path(args[1]) if len(args) > 1 else DEFAULT_CORPUS, gold))
