"""Precision and recall of quote grouping against the reuse set's gold grouping.

    saidwhat ingest -q --db /tmp/reuse.db ../shared/data/wikinews-quotes/{train,dev} tests/fixtures/reuse/articles.jsonl
    python scripts/measure_reuse.py /tmp/reuse.db [tests/fixtures/reuse]

The held-out set (``tests/fixtures/reuse-heldout``, written after the rules
were fixed) is measured the same way, in a store without the first set
(precision counts every predicted pair in the store).

Items are the gold quotes of ``gold.json`` (article + quote as written).
Each is matched to the stored direct statement of its article whose quote
is the same quote (:func:`saidwhat.quotegroups.same_quote`) or contains it;
its predicted group is that statement's quote group (none when the
extractor missed it or it is too short to be grouped).

Pairwise, over pairs from *different articles* (reuse is across articles):

- precision: of all pairs of statements that the store puts in one group
  (the whole store, Wikinews included), the share that are gold items of
  one gold group;
- recall: of all pairs of gold items in one gold group, the share whose
  statements share a predicted group.

Conflicts: gold conflict groups whose statements' group is flagged, and
flagged groups that are not gold conflicts.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sqlite3
import sys
from pathlib import Path

from saidwhat.quotegroups import normalise, same_quote
from saidwhat.store import article_id_for


def _article_ids(fixtures: Path) -> dict[str, str]:
    """Gold article key → store article id (the store's id is a hash of the URL)."""
    out = {}
    for line in (fixtures / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        out[a["id"]] = article_id_for(a["text"], a["url"])
    return out


def _statements_for(conn: sqlite3.Connection, article_id: str, quote: str) -> list[int]:
    """The article's direct statements that hold this quote (the extractor may report one quote twice)."""
    gold = normalise(quote)
    found = []
    for sid, text in conn.execute(
        "SELECT id, quote FROM statements WHERE article_id = ? AND kind = 'direct' ORDER BY seq", (article_id,)
    ):
        norm = normalise(text)
        if same_quote(norm, gold) or f" {gold} " in f" {norm} ":
            found.append(int(sid))
    return found


def measure(db: str, fixtures: Path) -> dict[str, object]:
    gold = json.loads((fixtures / "gold.json").read_text(encoding="utf-8"))
    ids = _article_ids(fixtures)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    group_of = dict(conn.execute("SELECT statement_id, group_id FROM quote_members"))
    article_of = dict(conn.execute("SELECT statement_id, article_id FROM quote_members"))
    conflicted = {g for (g,) in conn.execute("SELECT id FROM quote_groups WHERE conflict = 1 AND n_articles >= 2")}

    item_gold: dict[int, str] = {}  # statement id → gold group
    missing = []
    gold_pairs = 0
    found_pairs = 0
    for g in gold["groups"]:
        appearances = []
        for a in g["appearances"]:
            sids = _statements_for(conn, ids[a["article"]], a["quote"])
            if not sids:
                missing.append(f"{a['article']}: {a['quote']}")
            for sid in sids:
                item_gold[sid] = g["id"]
            appearances.append((a["article"], sids))
        for (art1, s1), (art2, s2) in itertools.combinations(appearances, 2):
            if art1 == art2:
                continue
            gold_pairs += 1
            groups1 = {group_of[s] for s in s1 if s in group_of}
            if groups1 & {group_of[s] for s in s2 if s in group_of}:
                found_pairs += 1

    members: dict[int, list[int]] = {}
    for sid, gid in group_of.items():
        members.setdefault(gid, []).append(sid)
    predicted_pairs = 0
    true_pairs = 0
    wrong = []
    for sids in members.values():
        for first, second in itertools.combinations(sorted(sids), 2):
            if article_of[first] == article_of[second]:
                continue
            predicted_pairs += 1
            if first in item_gold and item_gold.get(first) == item_gold.get(second):
                true_pairs += 1
            else:
                wrong.append((first, second))

    gold_conflicts = {c["group"] for c in gold["conflicts"]}
    flagged_gold = {item_gold[s] for s in item_gold if group_of.get(s) in conflicted}
    conflict_groups_of_gold = {group_of[s] for s in item_gold if s in group_of}
    false_conflicts = sorted(
        {item_gold[s] for s in item_gold if group_of.get(s) in conflicted} - gold_conflicts
    ) + sorted(f"group {g} (not in the reuse set)" for g in conflicted - conflict_groups_of_gold)
    return {
        "gold_items": sum(len(g["appearances"]) for g in gold["groups"]),
        "items_not_extracted_or_matched": missing,
        "gold_pairs": gold_pairs,
        "predicted_pairs": predicted_pairs,
        "precision": true_pairs / predicted_pairs if predicted_pairs else 1.0,
        "recall": found_pairs / gold_pairs if gold_pairs else 1.0,
        "wrong_pairs": [
            [conn.execute("SELECT quote FROM statements WHERE id = ?", (s,)).fetchone()[0] for s in p] for p in wrong
        ],
        "conflicts_gold": sorted(gold_conflicts),
        "conflicts_found": sorted(flagged_gold & gold_conflicts),
        "conflicts_false": false_conflicts,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("db", help="a store holding the reuse set (and anything else)")
    p.add_argument("fixtures", nargs="?", default=str(Path(__file__).parent.parent / "tests/fixtures/reuse"))
    args = p.parse_args()
    r = measure(args.db, Path(args.fixtures))
    json.dump(r, sys.stdout, ensure_ascii=False, indent=1)
    precision = 100 * float(r["precision"])  # type: ignore[arg-type]
    print(
        f"\nprecision {precision:.1f} % ({r['predicted_pairs']} predicted pairs), "
        f"recall {100 * float(r['recall']):.1f} % ({r['gold_pairs']} gold pairs), "  # type: ignore[arg-type]
        f"conflicts found {len(r['conflicts_found'])} of {len(r['conflicts_gold'])}, "  # type: ignore[arg-type]
        f"false {len(r['conflicts_false'])}",  # type: ignore[arg-type]
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
