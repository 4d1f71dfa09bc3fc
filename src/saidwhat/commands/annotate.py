"""``saidwhat annotate IN_DIR OUT_DIR``: predictions in the corpus schema.

Each ``IN_DIR/<name>.json`` (a corpus document: its ``originalText`` is
used, its annotations ignored) or ``IN_DIR/<name>.txt`` becomes
``OUT_DIR/<name>.json``, ready for ``saidwhat eval``. A bad input file is
reported as one line on stderr and the others go on; the exit status is 1
if any file failed. So is an article that takes longer than its time budget
(``--time-limit``, :mod:`saidwhat.budget`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..lang.choice import AUTO, describe_choices

INPUT_SUFFIXES = (".json", ".txt")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "annotate",
        help="extract statements from a directory of articles into corpus-schema JSON",
        description="Run the extractor over IN_DIR/*.json (corpus documents; their annotations are "
        "ignored) and IN_DIR/*.txt, writing OUT_DIR/<name>.json in the corpus schema.",
    )
    p.add_argument("indir", metavar="IN_DIR", help="directory of *.json corpus documents and/or *.txt articles")
    p.add_argument("outdir", metavar="OUT_DIR", help="where to write <name>.json predictions (created)")
    add_lang_argument(p)
    p.add_argument("--workers", type=int, default=1, metavar="N", help="parallel processes (default: 1)")
    p.add_argument(
        "--learned", action="store_true", help="also run the learned stage (CC BY-NC-SA model; see docs/models.md)"
    )
    add_time_limit_argument(p)
    p.set_defaults(func=run)


def add_lang_argument(p: argparse.ArgumentParser) -> None:
    """``--lang CODE|auto`` (extract, annotate, ingest): auto detects each article's language."""
    p.add_argument(
        "--lang",
        default=AUTO,
        metavar="CODE",
        help=f"article language: {describe_choices()}; an explicit code skips the detection (default: {AUTO})",
    )


def add_time_limit_argument(p: argparse.ArgumentParser) -> None:
    """``--time-limit SECONDS``: the per-article budget (annotate, ingest, serve)."""
    from ..budget import DEFAULT_SECONDS, ENV_SECONDS, default_seconds

    p.add_argument(
        "--time-limit",
        type=_seconds,
        default=default_seconds(),
        metavar="SECONDS",
        help=f"report an article that takes longer as failed and go on; 0: no limit "
        f"(default: ${ENV_SECONDS} or {DEFAULT_SECONDS:g})",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 <= value < 1e9:  # (also refuses nan and inf)
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0: no limit)")
    return value


# --------------------------------------------------------------------------
# One file
# --------------------------------------------------------------------------


def _read_input(path: Path) -> tuple[str, str, date | None]:
    """(text, documentName, published date) of one input file."""
    from ..corpus import date_from_document_name, load_corpus_document
    from ..io import read_text_input

    if path.suffix == ".txt":
        text, _ = read_text_input(str(path))
        return text, path.stem, None
    doc = load_corpus_document(path)
    name = str(doc.get("documentName") or path.stem)
    published: date | None = None
    if isinstance(doc.get("published"), str):
        try:
            published = date.fromisoformat(doc["published"])
        except ValueError:
            published = None  # fall back to the date in the document name
    return doc["originalText"], name, published or date_from_document_name(name)


def write_json_atomic(path: Path, obj: Any) -> None:
    """Write JSON via a temporary file in the same directory and ``os.replace``,
    so a reader (or an interrupted run) never sees a half-written file."""
    try:
        data = (json.dumps(obj, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        # a lone surrogate in the text (valid in JSON input, not in UTF-8):
        # its \udXXX escape keeps it, and every offset, exactly
        data = (json.dumps(obj, ensure_ascii=True, indent=1) + "\n").encode("ascii")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def annotate_file(path: Path, outdir: Path, lang: str, time_limit_s: float = 0.0) -> str | None:
    """Annotate one file; returns None on success or a one-line error message."""
    from ..budget import time_limit
    from ..corpus import article_to_corpus
    from ..errors import SaidwhatError
    from ..pipeline import extract

    try:
        text, name, published = _read_input(path)
        with time_limit(time_limit_s):
            article = extract(text, lang=lang, published=published)
        write_json_atomic(outdir / f"{path.stem}.json", article_to_corpus(article, name))
    except SaidwhatError as e:
        msg = str(e)
        return msg if msg.startswith(str(path)) else f"{path}: {msg}"
    except OSError as e:
        return f"{path}: cannot write output: {e.strerror or e}"
    except Exception as e:  # noqa: BLE001 - one bad article must not stop a corpus run
        # An extractor bug on one article: name it in one line, go on.
        first = str(e).splitlines()[0] if str(e) else ""
        return f"{path}: internal error: {type(e).__name__}: {first}"
    return None


# --------------------------------------------------------------------------
# Many files, optionally in worker processes
# --------------------------------------------------------------------------

_worker_args: tuple[Path, str, float] | None = None


def _init_worker(outdir: Path, lang: str, time_limit_s: float) -> None:
    global _worker_args
    _worker_args = (outdir, lang, time_limit_s)
    from ..lang import get as get_language
    from ..lang.choice import languages_for
    from ..pipeline import extract

    # Load the tokenizer and tagger once per process, not per article (every language auto may meet).
    try:
        for code in languages_for(lang):
            extract(get_language(code).sample_text, lang=code)
    except Exception:  # noqa: BLE001 - a failing warm-up shows up per file later
        pass


def _work(path: Path) -> tuple[Path, str | None]:
    assert _worker_args is not None
    return path, annotate_file(path, *_worker_args)


def input_files(indir: Path) -> list[Path]:
    if indir.is_file():
        return [indir]
    return sorted(p for p in indir.iterdir() if p.suffix in INPUT_SUFFIXES and p.is_file())


def annotate_paths(
    paths: list[Path], outdir: Path, lang: str, workers: int, time_limit_s: float = 0.0
) -> Iterator[tuple[Path, str | None]]:
    if workers <= 1 or len(paths) <= 1:
        for p in paths:
            yield p, annotate_file(p, outdir, lang, time_limit_s)
        return
    import multiprocessing as mp

    # "spawn": workers start clean (no inherited threads or half-loaded
    # models) and each loads the models once in its initializer.
    ctx = mp.get_context("spawn")
    with ctx.Pool(min(workers, len(paths)), initializer=_init_worker, initargs=(outdir, lang, time_limit_s)) as pool:
        yield from pool.imap_unordered(_work, paths, chunksize=1)


def run(args: argparse.Namespace) -> int:
    if args.learned:
        os.environ["SAIDWHAT_LEARNED"] = "1"  # inherited by worker processes
    from ..errors import InputError

    indir, outdir = Path(args.indir), Path(args.outdir)
    if not indir.exists():
        raise InputError(f"{indir}: no such file or directory")
    if args.workers < 1:
        raise InputError(f"--workers must be at least 1, not {args.workers}")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"{outdir}: cannot create output directory: {e.strerror}") from None
    if indir.is_dir() and indir.resolve() == outdir.resolve():
        raise InputError(f"{outdir}: output directory is the input directory; inputs would be overwritten")
    paths = input_files(indir)
    # Two inputs with the same stem (a.json, a.txt) would write the same output.
    seen: dict[str, Path] = {}
    todo: list[Path] = []
    failed = 0
    for p in paths:
        if p.stem in seen:
            print(f"saidwhat: {p}: same output name as {seen[p.stem]}, skipped", file=sys.stderr)
            failed += 1
            continue
        seen[p.stem] = p
        todo.append(p)
    done = 0
    for _path, err in annotate_paths(todo, outdir, args.lang, args.workers, args.time_limit):
        if err is None:
            done += 1
        else:
            failed += 1
            print(f"saidwhat: {err}", file=sys.stderr, flush=True)
    print(f"annotated {done} article(s) into {outdir}" + (f", {failed} failed" if failed else ""))
    return 1 if failed else 0
