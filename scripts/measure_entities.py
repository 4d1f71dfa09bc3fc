"""Measure ``speaker_entity``: does each statement name the one who actually speaks? (issue 15)

usage: python scripts/measure_entities.py [--dev-gold TSV] [--corpus DIR] [--wire FOLDER ...]
                                          [--json] [--errors]

Two golds, both written by hand before any rule change (see docs/entity-gold.md):

* the dev entity gold, ``tests/fixtures/entity/dev-entities.tsv``: keys into the Wikinews dev
  split (article id, quote begin/end of the corpus annotation) with the entity and the
  speaker_kind. Skipped with a note when the corpus (``../shared``) is absent.
* the wire-style articles, ``tests/fixtures/wire/de`` (and ``wire/en`` for later English work):
  invented dpa/Reuters/AFP-style texts with ``NN-name.gold.json`` gold files.

Every article is extracted afresh with ``saidwhat.extract``. A gold statement is *found* when
a predicted statement's quote covers half or more of the gold quote's characters (the one
covering most is taken, the shorter one on a tie). It is *right* when that prediction's
``speaker_entity`` names the gold entity:

* strict (the figure): after normalising both names (case folded; articles, bracketed parts
  and punctuation dropped; up to two crude German inflection endings cut from each word), the
  prediction equals one of the accepted gold names. A bare surname or a part of an
  organisation's name ("Vester" for "Anton Vester", "Polizei" for "Polizei Köln") is WRONG:
  the issue asks for the fullest name the article gives. A gold entity "—" (nobody
  identifiable) is right when the prediction has no entity, or names the generic word listed
  with it ("—|Beobachter").
* lenient: strict, or the prediction's words are a part of an accepted gold name's words.

Wrong statements are put into one category each, tested in this order: ``missing statement``
(no prediction covers the quote), ``dateline as speaker`` (the predicted speaker lies in a
dateline or byline: "Köln (dpa) -", "Von Anna Berger, dpa"), ``no entity`` (the prediction
has none), ``not the fullest name`` (right only leniently), ``description unresolved`` (the
entity is words of the gold speaker mention, "Die 41-Jährige", "Behörde", or of another mention
of the same one: "er" left as "Der 58-Jährige"), ``wrong antecedent`` (the entity names or
is a mention of another speaker of the same article), ``fragment`` (anything else: a word of
the sentence, "Kosten").

``--errors`` lists every wrong statement; ``--json`` prints the figures as JSON (the tests use
it). Exits 0; the figures are pinned as floors in tests/test_entity_gold.py.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV_GOLD = REPO / "tests" / "fixtures" / "entity" / "dev-entities.tsv"
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "wikinews-quotes" / "dev"
DEFAULT_WIRE = [REPO / "tests" / "fixtures" / "wire" / "de"]
KINDS = ("person", "organisation", "group", "anonymous", "description")
NOBODY = "—"
CATEGORIES = (
    "missing statement",
    "dateline as speaker",
    "no entity",
    "not the fullest name",
    "description unresolved",
    "wrong antecedent",
    "fragment",
)
# How the dev articles were drawn (documented in the gold file's header).
DEV_SEED = 15
DEV_MIN_STATEMENTS = 150
DEV_MIN_ARTICLES = 20

_DETERMINERS = frozenset("der die das den dem des ein eine einer eines einem einen the a an".split())
_INFLECTION = ("es", "en", "er", "em", "e", "n", "s")
# A dateline at the start of a paragraph: "Köln (dpa) -", "BERLIN (Reuters) -",
# "PARIS, 3. März (Reuters) -", "Hamburg (dpa/lno) -", "Bremen -".
_DATELINE = re.compile(
    r"^[A-ZÄÖÜ][\wÄÖÜäöüß.'-]*(?:[ /][A-ZÄÖÜ][\wÄÖÜäöüß.'-]*)*(?:,[^()\n–—-]{1,25})?"
    r"(?:\s*\([^()\n]{1,30}\))?\s+[-–—]\s",
    re.MULTILINE,
)
# A byline line: "Von Lena Hartmann, dpa", "By Claire Dubois".
_BYLINE = re.compile(r"^(?:Von|By) [^\n]{1,80}$", re.MULTILINE)


@dataclass
class GoldStatement:
    article: str
    quote: tuple[int, int]
    entity: str  # accepted names separated by "|"
    kind: str
    speaker: tuple[int, int] | None = None  # the gold mention, where known


@dataclass
class Outcome:
    gold: GoldStatement
    predicted_entity: str | None
    strict: bool
    lenient: bool
    category: str | None  # None when right (strict)
    predicted_kind: str | None = None


@dataclass
class Report:
    name: str
    outcomes: list[Outcome] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        n = len(self.outcomes)
        strict = sum(o.strict for o in self.outcomes)
        lenient = sum(o.lenient for o in self.outcomes)
        by_kind = {
            k: [sum(o.strict for o in self.outcomes if o.gold.kind == k), sum(o.gold.kind == k for o in self.outcomes)]
            for k in KINDS
        }
        errors = Counter(o.category for o in self.outcomes if o.category)
        found = sum(o.category != "missing statement" for o in self.outcomes)
        return {
            "name": self.name,
            "statements": n,
            "articles": len({o.gold.article for o in self.outcomes}),
            "strict_right": strict,
            "strict_accuracy": round(100 * strict / n, 1) if n else 0.0,
            "lenient_right": lenient,
            "lenient_accuracy": round(100 * lenient / n, 1) if n else 0.0,
            "found": found,
            "strict_accuracy_of_found": round(100 * strict / found, 1) if found else 0.0,
            "lenient_accuracy_of_found": round(100 * lenient / found, 1) if found else 0.0,
            "by_kind": by_kind,
            "errors": {c: errors.get(c, 0) for c in CATEGORIES},
        }


def normalise(name: str) -> tuple[str, ...]:
    """Words of a name, compared case-insensitively and without inflection endings."""
    name = unicodedata.normalize("NFC", name).casefold()
    name = re.sub(r"\([^)]*\)", " ", name)
    words = [w.strip("-'’") for w in re.findall(r"[\w'’-]+", name)]
    return tuple(_stem(w) for w in words if w and w not in _DETERMINERS)


def _stem(word: str) -> str:
    """Cut up to two inflection endings ("Beobachtern" and "Beobachter" -> "beobacht")."""
    for _ in range(2):
        ending = next((e for e in _INFLECTION if len(word) > 4 and word.endswith(e)), None)
        if ending is None:
            break
        word = word[: -len(ending)]
    return word


def accepted_names(entity: str) -> list[str]:
    return [e.strip() for e in entity.split("|") if e.strip()]


def strict_match(gold_entity: str, predicted: str | None) -> bool:
    names = accepted_names(gold_entity)
    if not predicted or not normalise(predicted):
        return NOBODY in names
    return any(normalise(predicted) == normalise(n) for n in names if n != NOBODY)


def lenient_match(gold_entity: str, predicted: str | None) -> bool:
    if strict_match(gold_entity, predicted):
        return True
    words = set(normalise(predicted or ""))
    return bool(words) and any(words <= set(normalise(n)) for n in accepted_names(gold_entity) if n != NOBODY)


def dateline_regions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)] + [
        (m.start(), m.end()) for m in _BYLINE.finditer(text)
    ]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def best_prediction(gold: GoldStatement, predictions: list[Any]) -> Any | None:
    """The prediction covering most of the gold quote, if it covers half or more of it."""
    length = gold.quote[1] - gold.quote[0]
    best, best_key = None, (0, 0)
    for st in predictions:
        covered = sum(max(0, min(s.end, gold.quote[1]) - max(s.begin, gold.quote[0])) for s in st.quote)
        size = sum(s.end - s.begin for s in st.quote)
        if 2 * covered >= length and covered > 0 and (covered, -size) > best_key:
            best, best_key = st, (covered, -size)
    return best


def classify(gold: GoldStatement, st: Any, text: str, article_golds: list[GoldStatement]) -> str:
    """The error category of a wrong statement (see the module docstring for the order)."""
    if st is None:
        return "missing statement"
    speaker = [(s.begin, s.end) for s in st.speaker]
    if any(_overlaps(sp, region) for sp in speaker for region in dateline_regions(text)):
        return "dateline as speaker"
    entity = st.speaker_entity
    if not entity or not normalise(entity):
        return "no entity"
    if lenient_match(gold.entity, entity):
        return "not the fullest name"
    words = set(normalise(entity))
    if words <= _mention_words(gold, text):
        return "description unresolved"
    for other in article_golds:
        if other is gold:
            continue
        if words <= _mention_words(other, text) or lenient_match(other.entity, entity):
            # A mention of the same one left as it is, or a mention of someone else.
            return "description unresolved" if other.entity == gold.entity else "wrong antecedent"
    return "fragment"


def _mention_words(gold: GoldStatement, text: str) -> set[str]:
    return set(normalise(text[gold.speaker[0] : gold.speaker[1]])) if gold.speaker else set()


def score_article(name: str, text: str, golds: list[GoldStatement], predictions: list[Any]) -> list[Outcome]:
    out = []
    for gold in golds:
        st = best_prediction(gold, predictions)
        entity = st.speaker_entity if st is not None else None
        strict = st is not None and strict_match(gold.entity, entity)
        lenient = st is not None and lenient_match(gold.entity, entity)
        kind = getattr(st, "speaker_kind", None) if st is not None else None
        category = None if strict else classify(gold, st, text, golds)
        out.append(Outcome(gold, entity, strict, lenient, category, getattr(kind, "value", kind)))
    return out


# --- the dev gold -----------------------------------------------------------------------


def sample_dev_articles(corpus: Path) -> list[str]:
    """The dev articles the gold was drawn from, in drawing order (seed 15)."""
    ids = sorted(p.stem for p in corpus.glob("*.json"))
    random.Random(DEV_SEED).shuffle(ids)
    chosen, statements = [], 0
    for article_id in ids:
        n = len(json.loads((corpus / f"{article_id}.json").read_text(encoding="utf-8"))["annotations"])
        if n == 0:
            continue
        chosen.append(article_id)
        statements += n
        if statements >= DEV_MIN_STATEMENTS and len(chosen) >= DEV_MIN_ARTICLES:
            break
    return chosen


def read_dev_gold(path: Path) -> list[GoldStatement]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or fields[4] not in KINDS:
            raise SystemExit(f"{path}:{n}: expected 5 tab-separated fields ending in a speaker_kind")
        out.append(GoldStatement(fields[0], (int(fields[1]), int(fields[2])), fields[3], fields[4]))
    return out


def measure_dev(gold_path: Path, corpus: Path) -> Report | None:
    if not corpus.is_dir():
        return None
    from saidwhat import extract
    from saidwhat.corpus import corpus_article, load_corpus_document

    golds = read_dev_gold(gold_path)
    report = Report("dev entity gold")
    for article_id in sorted({g.article for g in golds}, key=int):
        doc = load_corpus_document(corpus / f"{article_id}.json")
        mine = [g for g in golds if g.article == article_id]
        attach_corpus_speakers(doc, mine)
        article = corpus_article(doc)
        predictions = extract(article.text, published=article.published).statements
        report.outcomes += score_article(article_id, article.text, mine, predictions)
    return report


def attach_corpus_speakers(doc: dict[str, Any], golds: list[GoldStatement]) -> None:
    """Give each gold statement the corpus' speaker mention (for the error categories)."""
    for ann in doc["annotations"]:
        spans = ann["quote"]["spans"]
        key = (spans[0]["charBegin"], spans[-1]["charEnd"])
        speaker = ann["speaker"]["spans"]
        for g in golds:
            if g.quote == key and speaker:
                g.speaker = (speaker[0]["charBegin"], speaker[-1]["charEnd"])


# --- the wire-style articles ----------------------------------------------------------------


def read_wire_gold(path: Path) -> list[GoldStatement]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        GoldStatement(
            data["article"],
            (s["quote"][0], s["quote"][1]),
            s["entity"],
            s["speaker_kind"],
            (s["speaker"][0], s["speaker"][1]) if s["speaker"] else None,
        )
        for s in data["statements"]
    ]


def measure_wire(folder: Path) -> Report:
    from saidwhat import extract

    report = Report(f"wire {folder.name}")
    lang = folder.name if folder.name in ("de", "en") else "de"
    for gold_path in sorted(folder.glob("*.gold.json")):
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        golds = read_wire_gold(gold_path)
        predictions = extract(text, lang=lang).statements
        report.outcomes += score_article(golds[0].article if golds else gold_path.stem, text, golds, predictions)
    return report


# --- output -----------------------------------------------------------------------------------


def print_report(report: Report, show_errors: bool) -> None:
    f = report.figures()
    print(f"== {f['name']}: {f['statements']} statements in {f['articles']} articles")
    n = f["statements"]
    print(f"  speaker_entity right (strict, fullest name): {f['strict_right']}/{n} = {f['strict_accuracy']} %")
    print(f"  lenient (a part of the name accepted):      {f['lenient_right']}/{n} = {f['lenient_accuracy']} %")
    print(
        f"  of the {f['found']} statements found: strict {f['strict_accuracy_of_found']} %,"
        f" lenient {f['lenient_accuracy_of_found']} %"
    )
    print(
        "  by speaker_kind (strict right / statements): "
        + ", ".join(f"{k} {r}/{n}" for k, (r, n) in f["by_kind"].items())
    )
    print("  errors: " + ", ".join(f"{c} {n}" for c, n in f["errors"].items()))
    kinds = [o for o in report.outcomes if o.predicted_kind]
    if kinds:
        right = sum(o.predicted_kind == o.gold.kind for o in kinds)
        print(f"  speaker_kind right: {right}/{len(report.outcomes)}")
    if show_errors:
        for o in report.outcomes:
            if o.category:
                where = f"{o.gold.article} {o.gold.quote}"
                print(f"    [{o.category}] {where}: gold {o.gold.entity!r}, got {o.predicted_entity!r}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-gold", type=Path, default=DEFAULT_DEV_GOLD)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--wire", type=Path, nargs="*", default=DEFAULT_WIRE, help="wire folders (none: dev only)")
    parser.add_argument("--no-dev", action="store_true", help="measure the wire articles only")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every wrong statement")
    args = parser.parse_args(argv)

    reports: list[Report] = []
    if not args.no_dev:
        dev = measure_dev(args.dev_gold, args.corpus)
        if dev is None:
            print(f"dev entity gold skipped: no corpus at {args.corpus}", file=sys.stderr)
        else:
            reports.append(dev)
    reports += [measure_wire(folder) for folder in args.wire]
    if args.json:
        print(json.dumps([r.figures() for r in reports], ensure_ascii=False, indent=1))
    else:
        for r in reports:
            print_report(r, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
