"""Measure the speakers across the archive: merge precision, merge recall, junk (issue 15).

usage: python scripts/measure_merges.py --db STORE [--json] [--details]
       python scripts/measure_merges.py --db STORE --sample   (list the 100 drawn speakers)

STORE is a store of the 850 train+dev articles, built with
``saidwhat ingest --db STORE --workers 2 -q ../shared/data/wikinews-quotes/train
../shared/data/wikinews-quotes/dev`` (docs/entity-gold.md). Three hand-made inputs, all
written before any merge-rule change:

* ``tests/fixtures/entity/merge-judgements.json``: 100 speakers spanning two or more
  articles, drawn with seed 15 (see ``sample_speakers``), each mention (article id + the
  mention text) labelled by reading with the one it refers to; ``pure`` is true when all
  of a speaker's mentions are one person or body, ``junk`` when its name is no speaker.
* ``tests/fixtures/entity/merge-pairs.tsv``: pairs of mentions of the same one in different
  articles.
* ``tests/fixtures/entity/junk-speakers.txt``: names judged junk.

Figures:

* **merge precision** on the 100 judged speakers. A store whose speakers changed cannot be
  judged again without a person, so each judged speaker is followed to the speaker of the
  store that now holds most of its mentions. That speaker counts *pure* when every one of
  its mentions carries a label and all labels are the same (it is a judged-pure speaker or
  a part of one, or gathers mentions that were judged to be one); *impure* when its
  labelled mentions carry two labels; *unjudged* when it also holds mentions nobody
  labelled. Precision = pure / (judged speakers still found); unjudged ones count against
  it and are listed with --details for a person to judge (the optimistic figure counts them
  pure). Limits: a label stands for "the same one" only across the mentions judged; a
  mention text that occurs for two different ones in an article is ambiguous and ignored;
  a speaker whose mentions all vanished (extraction changed) is reported as gone.
* **merge recall** on the pairs: merged when a statement of each side (same article, same
  mention text) has the same speaker. A side not found in the store counts as not merged.
* **junk** among the 100 most quoted speakers: a name in the junk list, or a name failing
  the simple tests of ``junk_reason`` (lower case, an adverb or pronoun, an "Angaben" word,
  two letters or fewer).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "entity"
DEFAULT_JUDGEMENTS = FIXTURES / "merge-judgements.json"
DEFAULT_PAIRS = FIXTURES / "merge-pairs.tsv"
DEFAULT_JUNK = FIXTURES / "junk-speakers.txt"
SAMPLE_SEED = 15
SAMPLE_SIZE = 100
TOP_QUOTED = 100
ADVERBS = frozenset(
    "danach demnach dabei damit dazu dafür darauf zudem außerdem ebenfalls demzufolge zufolge laut so hier dort "
    "heute gestern jedoch aber auch nun bisher zuvor später offenbar".split()
)
PRONOUNS = frozenset("er sie es ich wir ihr man der die das dieser diese dieses jener jene".split())

Mention = tuple[str, str]  # (article id, mention key): see mention_key


def mention_key(text: str) -> str:
    """How the committed files name a speaker mention: a short hash of its text.

    The mentions are spans of the Wikinews corpus (CC BY-NC-SA), which the repo
    does not hold; the store gives the text, the files only its key.
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise SystemExit(f"{path}: no such store (build it with saidwhat ingest, see docs/entity-gold.md)")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def mention_texts(db: sqlite3.Connection, speaker_id: int) -> list[tuple[str, str]]:
    """(article id, mention text) of a speaker's statements, as the store has them."""
    rows = db.execute(
        "SELECT DISTINCT a.ext_id, st.speaker FROM statements st JOIN articles a ON a.id = st.article_id"
        " WHERE st.speaker_id = ? ORDER BY a.ext_id, st.speaker",
        (speaker_id,),
    ).fetchall()
    return [(str(ext), str(m)) for ext, m in rows]


def mentions_of(db: sqlite3.Connection, speaker_id: int) -> list[Mention]:
    return [(ext, mention_key(text)) for ext, text in mention_texts(db, speaker_id)]


def speakers_of_mentions(db: sqlite3.Connection) -> dict[Mention, set[int]]:
    """Every (article id, mention) of the store -> the speakers its statements have."""
    out: dict[Mention, set[int]] = defaultdict(set)
    rows = db.execute(
        "SELECT a.ext_id, st.speaker, st.speaker_id FROM statements st JOIN articles a ON a.id = st.article_id"
        " WHERE st.speaker_id IS NOT NULL"
    )
    for ext, mention, speaker_id in rows:
        out[(str(ext), mention_key(str(mention)))].add(int(speaker_id))
    return out


def sample_speakers(db: sqlite3.Connection) -> list[tuple[int, str]]:
    """The speakers spanning two or more articles, drawn with the fixed seed.

    Ordered first by display name and mentions (not by the numeric id, which depends on the
    order of ingestion), so the same store contents draw the same speakers."""
    rows = db.execute(
        "SELECT s.id, s.name FROM speakers s JOIN statements st ON st.speaker_id = s.id"
        " GROUP BY s.id HAVING COUNT(DISTINCT st.article_id) >= 2"
    ).fetchall()
    keyed = sorted(((name, mention_texts(db, sid)), sid, name) for sid, name in rows)
    items = [(sid, name) for _, sid, name in keyed]
    random.Random(SAMPLE_SEED).shuffle(items)
    return items[:SAMPLE_SIZE]


def print_sample(db: sqlite3.Connection) -> None:
    """The listing a person judges from: each drawn speaker with its mentions per article."""
    for sid, name in sample_speakers(db):
        print(f"### {name}")
        rows = db.execute(
            "SELECT a.ext_id, a.title, st.speaker, st.speaker_entity FROM statements st"
            " JOIN articles a ON a.id = st.article_id WHERE st.speaker_id = ?"
            " GROUP BY a.ext_id, st.speaker ORDER BY a.ext_id",
            (sid,),
        )
        for ext, title, mention, entity in rows:
            print(f"   {ext} [{(title or '')[:60]}] {mention!r} -> {entity!r}")


# --- merge precision ------------------------------------------------------------------------


def read_judgements(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def mention_labels(judgements: list[dict[str, Any]]) -> dict[Mention, str]:
    """(article id, mention) -> the one it refers to; mentions judged two ways are left out."""
    seen: dict[Mention, set[str]] = defaultdict(set)
    for j in judgements:
        for ext, mention, label in j["mentions"]:
            seen[(ext, mention)].add(label)
    return {m: next(iter(labels)) for m, labels in seen.items() if len(labels) == 1}


def precision(db: sqlite3.Connection, judgements: list[dict[str, Any]]) -> dict[str, Any]:
    labels = mention_labels(judgements)
    where = speakers_of_mentions(db)
    verdicts: Counter[str] = Counter()
    details: list[tuple[str, str, list[Mention]]] = []
    for j in judgements:
        holders: Counter[int] = Counter()
        for ext, mention, _ in j["mentions"]:
            for sid in where.get((ext, mention), ()):
                holders[sid] += 1
        if not holders:
            verdicts["gone"] += 1
            details.append((j["name"], "gone", []))
            continue
        now = mentions_of(db, holders.most_common(1)[0][0])
        # The speaker's own judgement settles its mentions that are ambiguous archive-wide.
        own = {**labels, **{(ext, mention): label for ext, mention, label in j["mentions"]}}
        known = {own[m] for m in now if m in own}
        unlabelled = [m for m in now if m not in own]
        verdict = "impure" if len(known) > 1 else "unjudged" if unlabelled else "pure"
        verdicts[verdict] += 1
        details.append((j["name"], verdict, unlabelled))
    found = len(judgements) - verdicts["gone"]
    return {
        "judged": len(judgements),
        "found": found,
        "pure": verdicts["pure"],
        "impure": verdicts["impure"],
        "unjudged": verdicts["unjudged"],
        "gone": verdicts["gone"],
        "precision": round(100 * verdicts["pure"] / found, 1) if found else 0.0,
        "precision_optimistic": round(100 * (verdicts["pure"] + verdicts["unjudged"]) / found, 1) if found else 0.0,
        "details": details,
    }


# --- merge recall ---------------------------------------------------------------------------


def read_pairs(path: Path) -> list[tuple[str, Mention, Mention]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or fields[1] == fields[3]:
            raise SystemExit(f"{path}:{n}: expected entity, article, mention, other article, mention")
        out.append((fields[0], (fields[1], fields[2]), (fields[3], fields[4])))
    return out


def recall(db: sqlite3.Connection, pairs: list[tuple[str, Mention, Mention]]) -> dict[str, Any]:
    where = speakers_of_mentions(db)
    merged, missing = 0, 0
    details: list[tuple[str, Mention, Mention, str]] = []
    for entity, a, b in pairs:
        if a not in where or b not in where:
            missing += 1
            details.append((entity, a, b, "mention not found"))
        elif where[a] & where[b]:
            merged += 1
        else:
            details.append((entity, a, b, "not merged"))
    return {
        "pairs": len(pairs),
        "merged": merged,
        "not_found": missing,
        "recall": round(100 * merged / len(pairs), 1) if pairs else 0.0,
        "details": details,
    }


# --- junk -----------------------------------------------------------------------------------


def read_junk(path: Path) -> set[str]:
    names = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {n.casefold() for n in names if n}


def junk_reason(name: str, junk: set[str]) -> str | None:
    """Why a speaker name is junk, or None."""
    folded = name.strip().casefold()
    if folded in junk:
        return "judged junk"
    if len(folded) <= 2 and not _is_acronym(name.strip()):
        return "too short"
    if folded in ADVERBS:
        return "adverb"
    if folded in PRONOUNS:
        return "pronoun"
    if "angaben" in folded:
        return "'Angaben' word"
    if name[:1].islower():
        return "lower case"
    return None


def _is_acronym(name: str) -> bool:
    """ "EU", "UN": two capitals are an abbreviation of a body's name, not a fragment ("O", "Ab")."""
    return len(name) == 2 and name.isalpha() and name.isupper()


def junk_among_top(db: sqlite3.Connection, junk: set[str]) -> dict[str, Any]:
    rows = db.execute(
        "SELECT s.name, COUNT(*) AS n FROM speakers s JOIN statements st ON st.speaker_id = s.id"
        " GROUP BY s.id ORDER BY n DESC, s.name LIMIT ?",
        (TOP_QUOTED,),
    ).fetchall()
    found = [(name, n, reason) for name, n in rows if (reason := junk_reason(name, junk))]
    return {"top": len(rows), "junk": len(found), "details": found}


# --- output ---------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a store of the 850 train+dev articles")
    parser.add_argument("--judgements", type=Path, default=DEFAULT_JUDGEMENTS)
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument("--junk", type=Path, default=DEFAULT_JUNK)
    parser.add_argument("--sample", action="store_true", help="list the drawn speakers with their mentions")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--details", action="store_true", help="list what is impure, unmerged or junk")
    args = parser.parse_args(argv)

    db = connect(args.db)
    if args.sample:
        print_sample(db)
        return 0
    p = precision(db, read_judgements(args.judgements))
    r = recall(db, read_pairs(args.pairs))
    j = junk_among_top(db, read_junk(args.junk))
    if args.json:
        figures = {"precision": p, "recall": r, "junk": j}
        for part in figures.values():
            part.pop("details")
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return 0
    print(
        f"merge precision: {p['pure']}/{p['found']} = {p['precision']} % of the hand-checked speakers pure"
        f" (impure {p['impure']}, unjudged {p['unjudged']}, gone {p['gone']};"
        f" counting unjudged as pure: {p['precision_optimistic']} %)"
    )
    print(
        f"merge recall: {r['merged']}/{r['pairs']} = {r['recall']} % of the pairs merged"
        f" ({r['not_found']} with a mention not found)"
    )
    print(f"junk among the {j['top']} most quoted speakers: {j['junk']}")
    if args.details:
        for name, verdict, unlabelled in p["details"]:
            if verdict != "pure":
                print(f"  [{verdict}] {name}" + (f" unlabelled: {unlabelled[:5]}" if unlabelled else ""))
        for entity, a, b, why in r["details"]:
            print(f"  [{why}] {entity}: {a} / {b}")
        for name, n, reason in j["details"]:
            print(f"  [junk: {reason}] {name} ({n} statements)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
