"""Fail if German words or STTS tag strings appear in shared code.

    python scripts/check_language_neutral.py [--verbose]

Everything German lives in ``src/saidwhat/lang/de/`` (docs/architecture.md).
This check reads every Python file under ``src/saidwhat`` outside the language
folders (``lang/de/``, ``lang/en/``: a language's own code holds its words)
and looks at its string literals (docstrings and comments are documentation
and may quote German examples, and so may comments inside SQL statements;
tests and docs are not checked):

- a word of a literal that is a German word: one of the lexicons in
  ``lang/de/`` (cue verbs, pronouns, titles, function words, …; not the
  word-form tables, first names and places, which are international) — minus
  :data:`SHARED_SPELLINGS`, strings that are not German in shared code;
- a literal, or a whitespace-separated part of one, that is an STTS tag
  (``lang/de/stts.txt``), or that holds a bracketed STTS verb/adjective form
  such as ``(FIN)``.

Exit status 0 when nothing is found, 1 otherwise (each finding printed as
``path:line: 'literal' (reason)``).
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "saidwhat"
LANGUAGES = PACKAGE / "lang"
GERMAN = LANGUAGES / "de"
# lexicons that are no German vocabulary (names of people and places and the
# particles inside names are international; the word-form tables hold every
# word; abbreviations are mostly Latin or English too ("max", "str");
# confidence holds rule names; stts the tags, checked apart)
NOT_VOCABULARY = {
    "wordforms",
    "wordforms_general",
    "wordforms_frequent",
    "wordform_guesser",
    "compound_nonparts",
    "first_names",
    "places",
    "name_particles",
    "name_link_particles",
    "foreign_particles",
    "np_links",
    "abbreviations",
    "news_agencies",
    "legal_forms",
    "confidence",
    "stts",
    "body_name_ends",  # last words of bodies' names ("Times", "Watch"): mostly English, like names
}
# Spellings of German words that are English words too ("in", "also",
# "these"), or names in shared code ("dir", "lang"): not counted. "must" and
# "field" are English words that the word-form tables list as inflected forms
# of lexicon words ("must" under "müssen", a lemma in modal_lemmas.txt).
# "organisation" is British English: a speaker_kind value (model.SpeakerKind).
SHARED_SPELLINGS = frozenset("an in so was also these dir find warn word lang must field organisation".split())
_WORD = re.compile(r"[^\W\d_]+")
_SQL_COMMENT = re.compile(r"--[^\n]*")  # a comment inside an SQL statement is documentation
_BRACKETED_FORM = re.compile(r"\((?:FIN|INF|PP|IMP|IZU|A|D)\)")


def lexicon_words(path: Path) -> set[str]:
    words: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].split("\t", 1)[0].strip()
        words.update(w.lower() for w in _WORD.findall(line))
    return words


def german_words() -> frozenset[str]:
    """The lexicons' words, and every inflected form of them the word-form tables know ("sagte" for "sagen")."""
    words: set[str] = set()
    for path in sorted(GERMAN.glob("*.txt")):
        if path.stem not in NOT_VOCABULARY:
            words |= lexicon_words(path)
    for table in ("wordforms", "wordforms_general"):
        for raw in (GERMAN / f"{table}.txt").read_text(encoding="utf-8").splitlines():
            fields = raw.split("\t")
            if len(fields) == 3 and not raw.startswith("#") and fields[2].lower() in words:
                words.add(fields[0].lower())
    return frozenset(w for w in words if len(w) > 1) - SHARED_SPELLINGS


def stts_tags() -> frozenset[str]:
    tags = set()
    for raw in (GERMAN / "stts.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("\t", 1)[0].strip()
        if line and not line.startswith("#"):
            tags.add(line)
    return frozenset(tags)


def shared_files() -> Iterator[Path]:
    """Python files outside the language folders (lang/de/, lang/en/, …: each may use its own language)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if not any(folder.parent == PACKAGE / "lang" for folder in path.parents):
            yield path


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def string_literals(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = _docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


_SQL_WORDS = ("CREATE ", "SELECT ", "INSERT ", "UPDATE ", "DELETE ", "ALTER ", "WITH ")


def findings(words: frozenset[str], tags: frozenset[str], files: Iterable[Path]) -> Iterator[str]:
    for path in files:
        rel = path.relative_to(REPO) if REPO in path.parents else path
        for line, literal in string_literals(path):
            literal = _SQL_COMMENT.sub("", literal) if literal.lstrip().startswith(_SQL_WORDS) else literal
            shown = literal if len(literal) <= 60 else literal[:57] + "..."
            if literal in tags or any(part in tags for part in literal.split()):
                yield f"{rel}:{line}: {shown!r} (STTS tag)"
            elif _BRACKETED_FORM.search(literal):
                yield f"{rel}:{line}: {shown!r} (STTS verb or adjective form)"
            else:
                german = sorted({w for w in (m.lower() for m in _WORD.findall(literal)) if w in words})
                if german:
                    yield f"{rel}:{line}: {shown!r} (German: {', '.join(german[:5])})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true", help="say what was checked")
    args = ap.parse_args(argv)
    words, tags = german_words(), stts_tags()
    found = list(findings(words, tags, shared_files()))
    for f in found:
        print(f)
    if args.verbose or found:
        n = sum(1 for _ in shared_files())
        print(f"{len(found)} findings in {n} shared files ({len(words)} German words, {len(tags)} STTS tags)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
