"""German named-entity recognition (PER, ORG, LOC, OTH) with a CRF.

Trained on GermEval 2014 (CC BY 4.0; see ``saidwhat/models/ner-de/LICENSE``)
by ``python -m saidwhat.lang.de.learn.train ner``. Features are per word form (shape,
affixes, HanTa POS, a small place-name gazetteer) plus the same for a ±2
window; the per-form part is cached, so tagging is a few dictionary lookups
and one crfsuite call per sentence.

Only the four main types are predicted; GermEval's ``-deriv`` ("deutsche")
and ``-part`` ("NATO-Chef") tags are treated as no entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ....nlp import Doc
from . import crf

MODEL_FOLDER = "ner-de"
LABELS = ("PER", "ORG", "LOC", "OTH")


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: tokens ``[start, end)`` and characters ``[begin, end_char)``."""

    label: str
    start: int
    end: int
    begin: int
    end_char: int
    text: str


_SHAPE_RE = [(re.compile(r"[A-ZÄÖÜ]"), "X"), (re.compile(r"[a-zäöüß]"), "x"), (re.compile(r"[0-9]"), "d")]


def word_shape(w: str) -> str:
    """Compressed shape: "Merkel" → "Xx", "NATO-Chef" → "X-Xx", "2014" → "d"."""
    out: list[str] = []
    for c in w:
        if c.isupper():
            s = "X"
        elif c.islower():
            s = "x"
        elif c.isdigit():
            s = "d"
        else:
            s = c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)[:8]


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Word → gazetteer tag, from the list shipped with the model (if any)."""
    ref = resources.files("saidwhat") / "models" / MODEL_FOLDER / "gazetteer.tsv"
    out: dict[str, str] = {}
    if not ref.is_file():
        return out
    for line in ref.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            w, tag = line.split("\t", 1)
            out[w] = tag
    return out


def build_gazetteer() -> dict[str, str]:
    """Country names (German) and German/Austrian/Swiss regions, from pycountry."""
    import gettext

    import pycountry

    de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    names: dict[str, str] = {}

    def add(name: str, tag: str) -> None:
        for part in re.split(r"[\s,()]+", name):
            if len(part) > 2 and part[:1].isupper():
                names.setdefault(part, tag)

    for c in pycountry.countries:
        add(de.gettext(c.name), "country")
        common = getattr(c, "common_name", None)
        if common:
            add(de.gettext(common), "country")
    for cc in ("DE", "AT", "CH"):
        # (typed in newer pycountry)
        for s in pycountry.subdivisions.get(country_code=cc) or []:  # type: ignore[no-untyped-call,unused-ignore]
            add(s.name, "region")
    return names


@lru_cache(maxsize=300_000)
def _word_features(word: str, pos: str) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]]]:
    """(own features, {offset: features as seen from a neighbour at -offset})."""
    low = word.lower()
    shape = word_shape(word)
    gz = gazetteer().get(word, "")
    own = [
        "w=" + low,
        "sh=" + shape,
        "p=" + pos,
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "p1=" + word[:1],
        "p3=" + low[:3],
        "p4=" + low[:4],
    ]
    if word[:1].isupper():
        own.append("cap")
    if word.isupper() and len(word) > 1:
        own.append("upper")
    if "-" in word[1:]:
        own.append("hy")
        own.append("hyl=" + low.rsplit("-", 1)[-1])
    if gz:
        own.append("gz=" + gz)
    if len(word) <= 2:
        own.append("short")
    near = ["w=" + low, "sh=" + shape, "p=" + pos]
    far = ["w=" + low, "p=" + pos]
    if gz:
        near.append("gz=" + gz)
    ctx = {
        -1: tuple(f"-1:{f}" for f in near),  # this word seen as the previous one
        1: tuple(f"+1:{f}" for f in near),
        -2: tuple(f"-2:{f}" for f in far),
        2: tuple(f"+2:{f}" for f in far),
    }
    return tuple(own), ctx


def sentence_features(words: Sequence[str], tags: Sequence[str]) -> list[list[str]]:
    """CRF features of one sentence (words and their STTS tags)."""
    return _features([_word_features(w, p) for w, p in zip(words, tags, strict=True)])


def _features(per: Sequence[tuple[tuple[str, ...], dict[int, tuple[str, ...]]]]) -> list[list[str]]:
    n = len(per)
    out: list[list[str]] = []
    for i in range(n):
        f = list(per[i][0])
        if i == 0:
            f.append("BOS")
        elif i == n - 1:
            f.append("EOS")
        # per[j][1][-off]: word j's features as seen from position i = j - off
        if i >= 2:
            f.extend(per[i - 2][1][2])
        if i >= 1:
            f.extend(per[i - 1][1][1])
        if i + 1 < n:
            f.extend(per[i + 1][1][-1])
        if i + 2 < n:
            f.extend(per[i + 2][1][-2])
        out.append(f)
    return out


def bio_to_entities(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """(label, start, end) triples from BIO labels (an I- without B- starts one)."""
    out: list[tuple[str, int, int]] = []
    cur: list[object] | None = None
    for i, lab in enumerate(labels):
        if lab.startswith("B-") or (lab.startswith("I-") and (cur is None or cur[0] != lab[2:])):
            if cur is not None:
                out.append((str(cur[0]), int(str(cur[1])), i))
            cur = [lab[2:], i]
        elif lab.startswith("I-"):
            continue
        else:
            if cur is not None:
                out.append((str(cur[0]), int(str(cur[1])), i))
            cur = None
    if cur is not None:
        out.append((str(cur[0]), int(str(cur[1])), len(labels)))
    return out


def tag_sentence(words: Sequence[str], tags: Sequence[str]) -> list[str]:
    """BIO labels for one sentence."""
    return crf.tag(MODEL_FOLDER, sentence_features(words, tags))


def find_entities(doc: Doc) -> list[Entity]:
    """Named entities of a parsed German document, in text order."""
    out: list[Entity] = []
    toks = doc.tokens
    if not toks:
        return out
    tagger = crf.tagger(MODEL_FOLDER)
    feats = _word_features
    with crf._LOCK:  # one tagger, not thread-safe: hold it for the document
        for s in doc.sentences:
            sent = toks[s.start : s.end]
            if not sent:
                continue
            labels = tagger.tag(_features([feats(t.text, t.tag) for t in sent]))
            for label, a, b in bio_to_entities(labels):
                first, last = sent[a], sent[b - 1]
                out.append(
                    Entity(
                        label=label,
                        start=s.start + a,
                        end=s.start + b,
                        begin=first.begin,
                        end_char=last.end,
                        text=doc.text[first.begin : last.end],
                    )
                )
    return out


def token_labels(doc: Doc) -> list[str]:
    """One BIO label per token of ``doc`` (``O`` outside entities)."""
    labels = ["O"] * len(doc.tokens)
    for e in find_entities(doc):
        labels[e.start] = "B-" + e.label
        for k in range(e.start + 1, e.end):
            labels[k] = "I-" + e.label
    return labels
