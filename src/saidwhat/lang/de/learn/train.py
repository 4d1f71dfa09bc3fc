"""Retrain saidwhat's learned models (one command each, reproducible).

    python -m saidwhat.lang.de.learn.train ner      # GermEval 2014 → models/ner-de/
    python -m saidwhat.lang.de.learn.train quotes   # Wikinews quotes train → models/quotes-de/

Data (never copied into the repo; default ``../shared/data`` next to the
checkout, or ``$SAIDWHAT_SHARED/data``):

* ``germeval2014-ner/NER-de-{dev,test}.tsv`` — GermEval 2014 NER, CC BY 4.0
  (Benikova, Biemann, Reznicek 2014). Only dev and test are available: the
  model is measured on the last 2,000 sentences of test after training on
  the rest, then retrained on all of it for shipping.
* ``wikinews-quotes/train/*.json`` — German Wikinews quotation corpus,
  CC BY-NC-SA 4.0 (Petersen-Frey and Biemann, LREC-COLING 2024). The model
  trained on it carries the same licence. ``dev/`` is only used to report.

CRF training is deterministic (L-BFGS, no sampling); fold splits use a fixed
order (sorted file names), so a rerun over the same rules gives the same model.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
MODELS = Path(__file__).resolve().parents[1] / "models"


def shared_data() -> Path:
    env = os.environ.get("SAIDWHAT_SHARED")
    base = Path(env) if env else REPO.parent / "shared"
    return base / "data"


def entity_prf(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, tuple[float, float, float]]:
    """Exact-match entity precision/recall/F1, per label and ``ALL`` (micro)."""
    from .ner import LABELS, bio_to_entities

    counts: dict[str, list[int]] = {lab: [0, 0, 0] for lab in (*LABELS, "ALL")}
    for g, p in zip(gold, pred, strict=True):
        gs = set(bio_to_entities(g))
        ps = set(bio_to_entities(p))
        for lab in (*LABELS, "ALL"):
            gl = {e for e in gs if lab in ("ALL", e[0])}
            pl = {e for e in ps if lab in ("ALL", e[0])}
            counts[lab][0] += len(gl & pl)
            counts[lab][1] += len(pl)
            counts[lab][2] += len(gl)
    out: dict[str, tuple[float, float, float]] = {}
    for lab, (tp, np_, ng) in counts.items():
        prec = tp / np_ if np_ else 0.0
        rec = tp / ng if ng else 0.0
        out[lab] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


def train_ner(args: argparse.Namespace) -> int:
    import pycrfsuite

    from ..tagger import tag_word_de
    from . import crf, ner
    from .germeval import read_germeval

    data = shared_data() / "germeval2014-ner"
    out_dir = MODELS / ner.MODEL_FOLDER
    out_dir.mkdir(parents=True, exist_ok=True)
    gz = ner.build_gazetteer()
    (out_dir / "gazetteer.tsv").write_text(
        "# word<TAB>kind — place names from pycountry (LGPL-2.1 data, iso-codes translations)\n"
        + "".join(f"{w}\t{t}\n" for w, t in sorted(gz.items())),
        encoding="utf-8",
    )
    ner.gazetteer.cache_clear()
    ner._word_features.cache_clear()
    dev = read_germeval(data / "NER-de-dev.tsv")
    test = read_germeval(data / "NER-de-test.tsv")
    held_n = 2000
    t0 = time.time()

    def feats(sents: Sequence[tuple[list[str], list[str]]]) -> list[list[list[str]]]:
        return [ner.sentence_features(w, [tag_word_de(x)[0] for x in w]) for w, _ in sents]

    fit = dev + test[:-held_n]
    held = test[-held_n:]
    x_fit, x_held = feats(fit), feats(held)
    print(f"features: {time.time() - t0:.1f}s; fit {len(fit)} sentences, held-out {len(held)}", file=sys.stderr)
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    if not args.skip_eval:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "m.crfsuite")
            t0 = time.time()
            crf.train(x_fit, [y for _, y in fit], path, **params)
            print(f"trained (held-out run) in {time.time() - t0:.0f}s", file=sys.stderr)
            tagger = pycrfsuite.Tagger()
            tagger.open(path)
            pred = [list(tagger.tag(x)) for x in x_held]
        scores = entity_prf([y for _, y in held], pred)
        print("GermEval 2014 test, last 2000 sentences (held out), exact entity match, main types:")
        for lab, (p, r, f) in scores.items():
            print(f"  {lab:4s} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}")
    if args.final:
        t0 = time.time()
        crf.train(x_fit + x_held, [y for _, y in fit + held], str(out_dir / "model.crfsuite"), **params)
        print(
            f"shipped model trained on all {len(fit) + len(held)} sentences in {time.time() - t0:.0f}s", file=sys.stderr
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m saidwhat.lang.de.learn.train", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("ner", help="German NER from GermEval 2014")
    a.add_argument("--c1", type=float, default=0.05)
    a.add_argument("--c2", type=float, default=0.01)
    a.add_argument("--iterations", type=int, default=120)
    a.add_argument("--skip-eval", action="store_true", help="only train the shipped model")
    a.add_argument("--no-final", dest="final", action="store_false", help="only measure on held-out test")
    q = sub.add_parser("quotes", help="stacked statement tagger from Wikinews quotes")
    q.add_argument("--folds", type=int, default=5, help="cross-validation folds on train (0: none)")
    q.add_argument("--iterations", type=int, default=100)
    q.add_argument("--no-final", dest="final", action="store_false", help="only cross-validate")
    q.add_argument("--cache", default="", help="pickle of the CV fold predictions: written, or reused if present")
    q.add_argument("--limit", type=int, default=0, help="use only the first N train articles (debugging)")
    args = ap.parse_args(argv)
    if args.what == "ner":
        return train_ner(args)
    from .statements import train_quotes

    return train_quotes(args)


if __name__ == "__main__":
    raise SystemExit(main())
