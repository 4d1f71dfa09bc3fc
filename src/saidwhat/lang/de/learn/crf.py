"""Small helpers around python-crfsuite: loading shipped models, tagging."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from contextlib import ExitStack
from importlib import resources
from typing import Any

_LOCK = threading.RLock()
_TAGGERS: dict[str, Any] = {}
_KEEP = ExitStack()  # keeps extracted resource files alive for the process


def model_path(folder: str, name: str = "model.crfsuite") -> str:
    ref = resources.files("saidwhat") / "models" / folder / name
    return str(_KEEP.enter_context(resources.as_file(ref)))


def has_model(folder: str, name: str = "model.crfsuite") -> bool:
    return (resources.files("saidwhat") / "models" / folder / name).is_file()


def tagger(folder: str, name: str = "model.crfsuite") -> Any:
    """The CRF tagger of a shipped model, opened once per process."""
    key = f"{folder}/{name}"
    t = _TAGGERS.get(key)
    if t is None:
        with _LOCK:
            t = _TAGGERS.get(key)
            if t is None:
                import pycrfsuite

                t = pycrfsuite.Tagger()
                t.open(model_path(folder, name))
                _TAGGERS[key] = t
    return t


def tag(folder: str, xseq: Sequence[Sequence[str]], name: str = "model.crfsuite") -> list[str]:
    """Labels for one sequence of feature lists."""
    if not xseq:
        return []
    with _LOCK:  # a crfsuite Tagger is not thread-safe
        return list(tagger(folder, name).tag(xseq))


def train(
    xseqs: Sequence[Sequence[Sequence[str]]],
    yseqs: Sequence[Sequence[str]],
    out_path: str,
    *,
    c1: float = 0.1,
    c2: float = 0.01,
    max_iterations: int = 150,
    min_freq: float = 1,
    verbose: bool = False,
) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=verbose)
    for x, y in zip(xseqs, yseqs, strict=True):
        trainer.append(x, y)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": min_freq,
        }
    )
    trainer.train(out_path)
