"""Reading GermEval 2014 NER files (tab-separated, one token a line)."""

from __future__ import annotations

from pathlib import Path

Sentence = tuple[list[str], list[str]]  # words, outer BIO labels


def main_label(tag: str) -> str:
    """Keep PER/ORG/LOC/OTH; ``-deriv``/``-part`` tags become ``O``."""
    if tag == "O" or tag.endswith("deriv") or tag.endswith("part"):
        return "O"
    return tag


def read_germeval(path: str | Path) -> list[Sentence]:
    sents: list[Sentence] = []
    words: list[str] = []
    labels: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#\t") or line.startswith("# "):
            continue
        if not line.strip():
            if words:
                sents.append((words, labels))
            words, labels = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        labels.append(main_label(cols[2]))
    if words:
        sents.append((words, labels))
    return sents
