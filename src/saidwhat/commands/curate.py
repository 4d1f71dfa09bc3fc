"""``saidwhat speakers merge|split|rename|link|overrides|remove-override|import-aliases``: correct the speakers.

Each correction is stored as an override and made again after every ingest
and ``--reprocess`` (see ``saidwhat.store.curation`` and docs/store.md,
"Correcting speakers"). A speaker is named by its id (``saidwhat speakers``)
or by its name or an alias.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .ingest import default_db


def register(speakers: argparse.ArgumentParser) -> None:
    """Add the correction commands under ``saidwhat speakers``."""
    sub = speakers.add_subparsers(dest="curate", metavar="CORRECTION")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help, description=help)
        # SUPPRESS: no value here must not hide a --db given before the command.
        p.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS, help="the store (default: $SAIDWHAT_DB)")
        p.add_argument("--format", default=argparse.SUPPRESS, choices=["text", "json"], help="output format")
        return p

    p = command("merge", "merge speaker OTHER into SPEAKER (OTHER's statements go to SPEAKER)")
    p.add_argument("speaker", metavar="SPEAKER", help="id, name or alias of the speaker that stays")
    p.add_argument("other", metavar="OTHER", help="id, name or alias of the speaker merged into it")
    p.set_defaults(func=run_merge)

    p = command("split", "move some statements of SPEAKER to another speaker")
    p.add_argument("speaker", metavar="SPEAKER", help="id, name or alias")
    p.add_argument("--mention", metavar="TEXT", help="the statements whose speaker is written or resolved as TEXT")
    p.add_argument("--article", metavar="ID", action="append", default=[], help="only in this article (repeatable)")
    p.add_argument("--name", metavar="NAME", help="the speaker they go to (default: TEXT); an existing one or new")
    p.set_defaults(func=run_split)

    p = command("rename", "give SPEAKER another display name")
    p.add_argument("speaker", metavar="SPEAKER", help="id, name or alias")
    p.add_argument("name", metavar="NAME", help="the new display name")
    p.set_defaults(func=run_rename)

    p = command("link", "link SPEAKER to an external id (wikidata:Q567, newsroom:4711)")
    p.add_argument("speaker", metavar="SPEAKER", help="id, name or alias")
    p.add_argument("ext_id", metavar="EXT_ID", help="scheme:id; a bare Q567 is a Wikidata id")
    p.set_defaults(func=run_link)

    p = command("import-aliases", "link and merge speakers from a CSV file id,name,aliases (aliases split by ;)")
    p.add_argument("file", metavar="FILE.csv")
    p.set_defaults(func=run_import)

    p = command("overrides", "list the stored corrections, in the order they apply")
    p.set_defaults(func=run_overrides)

    p = command("remove-override", "delete correction N and undo what it did")
    p.add_argument("override_id", metavar="N", type=int)
    p.set_defaults(func=run_remove)


def _store(args: argparse.Namespace) -> Any:
    from ..store import Store

    return Store(args.db or default_db())


def _describe(o: dict[str, Any]) -> str:
    """One line for an override: its number, what it does, to whom now, where from."""
    now = f"speaker {o['speaker_id']}" if o["speaker_id"] is not None else "no speaker now"
    return f"{o['id']:>4}  {_what(o)}  [{now}; {o['source']}, {o['created']}]"


def _what(o: dict[str, Any]) -> str:
    if o["op"] == "merge":
        what = f"merge {o['other']!r} into {o['speaker']!r}"
    elif o["op"] == "split":
        parts = [f"mention {o['other']!r}"] if o["other"] else []
        if o["articles"]:
            parts.append(f"articles {', '.join(o['articles'])}")
        what = f"split {' in '.join(parts)} out of {o['speaker']!r} into {o['value']!r}"
    elif o["op"] == "rename":
        what = f"rename {o['speaker']!r} to {o['value']!r}"
    else:
        what = f"link {o['speaker']!r} to {o['value']}"
    return what


def _report(args: argparse.Namespace, override: dict[str, Any], verb: str) -> int:
    if getattr(args, "format", "text") == "json":
        json.dump(override, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{verb} override {override['id']}: {_what(override)} (speaker {override['speaker_id']})")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from ..store import curation

    with _store(args) as store:
        return _report(args, curation.merge(store, args.speaker, args.other), "stored")


def run_split(args: argparse.Namespace) -> int:
    from ..store import curation

    with _store(args) as store:
        out = curation.split(store, args.speaker, mention=args.mention, articles=args.article, name=args.name)
        return _report(args, out, "stored")


def run_rename(args: argparse.Namespace) -> int:
    from ..store import curation

    with _store(args) as store:
        return _report(args, curation.rename(store, args.speaker, args.name), "stored")


def run_link(args: argparse.Namespace) -> int:
    from ..store import curation

    with _store(args) as store:
        return _report(args, curation.link(store, args.speaker, args.ext_id), "stored")


def run_import(args: argparse.Namespace) -> int:
    from ..store import curation

    with _store(args) as store:
        counts = curation.import_aliases(store, args.file)
    if getattr(args, "format", "text") == "json":
        json.dump(counts, sys.stdout)
        sys.stdout.write("\n")
    else:
        print(
            f"{args.file}: {counts['people']} people, {counts['overrides_added']} new overrides; "
            f"{counts['speakers_linked']} speakers linked now"
        )
    return 0


def run_overrides(args: argparse.Namespace) -> int:
    from ..store import Store, curation

    with Store(args.db or default_db(), readonly=True) as store:
        rows = curation.overrides(store)
    if getattr(args, "format", "text") == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print("no overrides")
    for o in rows:
        print(_describe(o))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from ..store import curation

    with _store(args) as store:
        return _report(args, curation.remove_override(store, args.override_id), "removed")
