"""Train and cross-validate a content model for the German stance step on the hand-labelled TRAIN statements.

usage: python scripts/train_stance.py [--corpus DIR]

Reads tests/fixtures/stance/train-labels.tsv and train-labels-2.tsv (keys only:
article id, quote begin/end, stance), extracts each labelled article of
../shared/data/wikinews-quotes/train afresh and matches its statements by quote
span. A statement whose frame (cue verb, statement noun, continued statement)
gives a stance keeps it; a model may only decide the others, the ones the frame
leaves neutral (``training_rows`` in lang/de/stance.py).

The model: a multinomial logistic regression (L2, fitted with scipy's L-BFGS:
deterministic, no random start) over binary features (``content_features``:
the quote's words and lemmas, the cue's lemma, the kind, the Konjunktiv, the
lemmas of the quote's sentence and the one before, the stance_words.txt vote)
seen in at least MIN_COUNT statements. A non-say stance is taken only with at
least the threshold's probability. Measured by FOLDS-fold cross-validation over
articles (no article in two folds), on ALL labelled statements the way the stance
step runs (frame first), for a grid of L2 strengths and thresholds, as:

- "model": the model decides every neutral frame;
- "lexicon, then model": stance_words.txt first, the model only where it finds nothing;

beside "lexicon" (the shipped step: frame, then stance_words.txt), which has
nothing to fit. The result (docs/stance.md): the model does not beat the
lexicon, so the stance step does not use one. Dev labels are never read.
Exits 0 without measuring when the corpus is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure_stance import confusion, read_labels, scores  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
LABELS = [REPO / "tests" / "fixtures" / "stance" / n for n in ("train-labels.tsv", "train-labels-2.tsv")]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "wikinews-quotes" / "train"
MIN_COUNT = 2  # a feature of one statement only says nothing general
FOLDS = 5
L2_GRID = (0.3, 1.0, 3.0)
THRESHOLD_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)

Key = tuple[str, int, int]
Row = tuple[Key, str, str, list[str]]  # key, frame stance, label, features


def labelled_rows(corpus: Path) -> list[Row]:
    """Every labelled statement still predicted: its key, its frame's stance, its label, its features."""
    from saidwhat import extract
    from saidwhat.corpus import corpus_article, load_corpus_document
    from saidwhat.lang.de.language import parse
    from saidwhat.lang.de.stance import training_rows

    labels: dict[Key, str] = {}
    for path in LABELS:
        labels.update(read_labels(path))
    rows: list[Row] = []
    for article_id in sorted({k[0] for k in labels}):
        gold = corpus_article(load_corpus_document(corpus / f"{article_id}.json"))
        statements = extract(gold.text, published=gold.published).statements
        seen: set[Key] = set()
        for st, frame, features in training_rows(parse(gold.text), statements):
            key = (article_id, min(s.begin for s in st.quote), max(s.end for s in st.quote))
            if key in labels and key not in seen:
                seen.add(key)
                rows.append((key, frame.value, labels[key], features))
    print(f"{len(labels)} labelled statements, {len(rows)} still predicted", file=sys.stderr)
    return rows


@dataclass(frozen=True)
class Model:
    """Weights (feature x stance), biases, the stances in column order."""

    column: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    stances: list[str]

    def predict(self, features: list[str], threshold: float) -> str:
        z = self.bias.copy()
        for f in set(features):
            if f in self.column:
                z += self.weights[self.column[f]]
        p = np.exp(z - z.max())
        p /= p.sum()
        order = [k for k in np.argsort(-p) if self.stances[k] != "say"]
        return self.stances[order[0]] if order and p[order[0]] >= threshold else "say"


def fit(rows: list[Row], l2: float) -> Model:
    """Logistic regression on the rows (all of them neutral frames)."""
    counts = Counter(f for _, _, _, feats in rows for f in set(feats))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    column = {f: j for j, f in enumerate(vocab)}
    stances = sorted({label for _, _, label, _ in rows} | {"say"})
    x = np.zeros((len(rows), len(vocab)))
    y = np.zeros((len(rows), len(stances)))
    for i, (_, _, label, feats) in enumerate(rows):
        for f in set(feats):
            if f in column:
                x[i, column[f]] = 1.0
        y[i, stances.index(label)] = 1.0
    n_w = len(vocab) * len(stances)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[:n_w].reshape(len(vocab), len(stances))
        z = x @ w + theta[n_w:]
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        nll = -float(np.sum(y * np.log(p + 1e-12)))
        g = p - y
        grad_w = x.T @ g + w / l2
        return nll + float(np.sum(w * w)) / (2 * l2), np.concatenate([grad_w.ravel(), g.sum(axis=0)])

    res = minimize(loss, np.zeros(n_w + len(stances)), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return Model(column, res.x[:n_w].reshape(len(vocab), len(stances)), res.x[n_w:], stances)


def word_vote(features: list[str]) -> str:
    """The stance_words.txt vote carried in the features (the shipped step's answer), else say."""
    return next((f[3:] for f in features if f.startswith("sw:")), "say")


def shipped_step(frame: str, features: list[str]) -> str:
    """The stance the shipped step gives: the frame's, else (not for a report) the stance_words.txt vote."""
    return word_vote(features) if frame == "say" and "k:reported" not in features else frame


def cross_validate(rows: list[Row]) -> dict[tuple[str, float, float], list[tuple[str, str]]]:
    """(label, prediction) pairs of every statement, per (way, l2, threshold), each fold fitted without it."""
    articles = sorted({r[0][0] for r in rows})
    fold = {a: n % FOLDS for n, a in enumerate(articles)}
    pairs: dict[tuple[str, float, float], list[tuple[str, str]]] = {}
    for l2 in L2_GRID:
        for k in range(FOLDS):
            model = fit([r for r in rows if fold[r[0][0]] != k and r[1] == "say"], l2)
            for t in THRESHOLD_GRID:
                for _, frame, label, feats in (r for r in rows if fold[r[0][0]] == k):
                    alone = frame if frame != "say" else model.predict(feats, t)
                    vote = shipped_step(frame, feats)
                    after = vote if vote != "say" else model.predict(feats, t)
                    pairs.setdefault(("model", l2, t), []).append((label, alone))
                    pairs.setdefault(("lexicon, then model", l2, t), []).append((label, after))
    return pairs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"{args.corpus} not available (../shared is not part of the repo): nothing measured")
        return 0
    rows = labelled_rows(args.corpus)
    lexicon = [(label, shipped_step(frame, feats)) for _, frame, label, feats in rows]
    acc, macro = scores(lexicon)
    print(
        f"lexicon (the shipped step), {len(rows)} train statements: accuracy {100 * acc:.1f} %, "
        f"macro-F1 over non-say stances {100 * macro:.1f}"
    )
    pairs = cross_validate(rows)
    for way in ("model", "lexicon, then model"):
        best = max((k for k in pairs if k[0] == way), key=lambda k: sum(scores(pairs[k])) / 2)
        acc, macro = scores(pairs[best])
        print(
            f"{way}, {FOLDS}-fold cross-validated by article, best of the grid (l2 {best[1]}, threshold "
            f"{best[2]}): accuracy {100 * acc:.1f} %, macro-F1 over non-say stances {100 * macro:.1f}"
        )
    print("\nlexicon (the shipped step) on the train labels:\n" + confusion(lexicon))
    return 0


if __name__ == "__main__":
    sys.exit(main())
