"""Speaker curation: users correct the machine's speakers, and the corrections last.

Four corrections, each stored as one row of ``speaker_overrides``:

* **merge** A B: B's statements (and aliases, links) go to A;
* **split** S: the statements of S with a given mention ("de Maizière") and/or
  in given articles go to another speaker (a new one unless one has that name);
* **rename** S: a new display name;
* **link** S: an external id ("wikidata:Q567", a newsroom's own id).

Speaker ids do not last (``ingest --reprocess`` rebuilds them), so an override
names its speakers by *name*: a key matches the speaker whose display name or
an alias normalises to it (:func:`find_speaker`). What the store shows is a
pure function of what the machine made and the list of overrides:

* the machine's values are kept where a correction changes them
  (``statements.machine_speaker_id``, ``speakers.machine_name``; NULL means
  unchanged), and what a correction adds is flagged (``curated`` speakers and
  aliases, ``speaker_links``);
* :func:`reset` puts the machine's state back; :func:`apply_all` resets, then
  applies every override in the order it was made.

The store calls :func:`reset` before it resolves a new article's speakers (the
resolver sees what the machine made, as in a fresh ingest) and
:func:`apply_all` after it, in the same transaction; after ``--reprocess`` it
applies them to the rebuilt contents. So corrections survive both, and
removing one (:func:`remove_override`) undoes exactly it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..speakers import best_mention, norm, parse_mention

if TYPE_CHECKING:
    from . import Store

__all__ = [
    "OPS",
    "CurationError",
    "active",
    "apply_all",
    "find_speaker",
    "import_aliases",
    "link",
    "merge",
    "overrides",
    "remove_override",
    "rename",
    "reset",
    "split",
]

OPS = ("merge", "split", "rename", "link")
MAX_NAME_CHARS = 120  # as the resolver cuts mentions
MAX_EXT_ID_CHARS = 200
MAX_SPLIT_ARTICLES = 1000
# "wikidata:Q567", "dpa-people:4711"; a bare Wikidata id is taken as one.
_EXT_ID = re.compile(r"[A-Za-z][\w.-]*:[^\s]+")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


class CurationError(InputError):
    """A correction that cannot be made, in one line. ``missing``: a speaker or override that does not exist."""

    def __init__(self, message: str, missing: bool = False) -> None:
        super().__init__(message)
        self.missing = missing


# ---------------------------------------------------------------- state


def active(conn: sqlite3.Connection) -> bool:
    """Whether any override is stored (else the store holds only what the machine made)."""
    return conn.execute("SELECT 1 FROM speaker_overrides LIMIT 1").fetchone() is not None


def reset(conn: sqlite3.Connection) -> None:
    """Put back all the machine made: statements (:func:`reset_names` for the rest).

    Speakers a split created are kept (without statements and aliases) so
    that applying the overrides again gives them their old ids; the resolver
    cannot match them (no surname, no alias). :func:`apply_all` drops those
    left unused.
    """
    conn.execute(
        "UPDATE statements SET speaker_id = machine_speaker_id, machine_speaker_id = NULL "
        "WHERE machine_speaker_id IS NOT NULL"
    )
    reset_names(conn)


def reset_names(conn: sqlite3.Connection) -> None:
    """Put back the machine's speaker names and aliases and drop the links; statements stay as they are.

    What the resolver matches a new mention by: cheap, as few speakers are
    corrected, while moving thousands of statements back and forth for every
    ingested article is not (see bench/curation.py).
    """
    renamed = conn.execute("SELECT id, machine_name FROM speakers WHERE machine_name IS NOT NULL").fetchall()
    for sid, name in renamed:
        conn.execute(
            "UPDATE speakers SET name = ?, norm = ?, machine_name = NULL WHERE id = ?", (name, norm(name), sid)
        )
    conn.execute("DELETE FROM speaker_aliases WHERE curated = 1")
    conn.execute("DELETE FROM speaker_links")


def apply_all(conn: sqlite3.Connection) -> None:
    """Make the store what the machine made with every override applied, in order. Idempotent.

    Names, aliases and links are reset and set again; which statement belongs
    to which speaker is worked out in memory (:class:`_Assignment`) and only
    the statements whose speaker differs from what is stored are written.
    """
    reset_names(conn)
    assignment = _Assignment(conn)
    for row in conn.execute("SELECT id, op, speaker, other, articles, value FROM speaker_overrides ORDER BY id"):
        _APPLY[row[1]](assignment, row[2], row[3], json.loads(row[4]), row[5])
    assignment.write()
    conn.execute(
        "DELETE FROM speakers WHERE curated = 1 "
        "AND NOT EXISTS (SELECT 1 FROM statements t WHERE t.speaker_id = speakers.id)"
    )


class _Assignment:
    """Statement → speaker as the overrides applied so far leave it, over what the machine made.

    The machine's speaker of a statement is ``machine_speaker_id``, or
    ``speaker_id`` where that is NULL. A merge moves whole speakers: it is
    held per machine speaker (``owner``), so a merge of two speakers quoted
    thousands of times costs a few index lookups, not a row each. A split
    moves single statements (``moved``), which win over ``owner``.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.owner: dict[int, int] = {}  # machine speaker → speaker now, where not itself
        self.moved: dict[int, int] = {}  # statement → speaker now (splits)
        self.machine: dict[int, int] = {}  # statement → machine speaker, for statements looked at
        self.has_own: dict[int, bool] = {}  # machine speaker → it has statements not split away

    def owner_of(self, machine_speaker: int) -> int:
        return self.owner.get(machine_speaker, machine_speaker)

    def _members(self, speaker_id: int) -> list[int]:
        """The machine speakers whose statements are now with ``speaker_id``."""
        found = [m for m, o in self.owner.items() if o == speaker_id]
        return found if speaker_id in self.owner else [speaker_id, *found]

    def _machine_ids(self, machine_speaker: int) -> list[int]:
        ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM statements WHERE speaker_id = ?1 AND machine_speaker_id IS NULL "
                "UNION ALL SELECT id FROM statements WHERE machine_speaker_id = ?1",
                (machine_speaker,),
            )
        ]
        for i in ids:
            self.machine[i] = machine_speaker
        return ids

    def statements_of(self, speaker_id: int) -> list[int]:
        """Every statement now with ``speaker_id`` (reads them: for splits)."""
        out = [i for i, to in self.moved.items() if to == speaker_id]
        for m in self._members(speaker_id):
            out.extend(i for i in self._machine_ids(m) if i not in self.moved)
        return sorted(out)

    def has_statements(self, speaker_id: int) -> bool:
        if any(to == speaker_id for to in self.moved.values()):
            return True
        return any(self._has_own(m) for m in self._members(speaker_id))

    def _has_own(self, machine_speaker: int) -> bool:
        if machine_speaker not in self.has_own:
            if any(m == machine_speaker for m in self.machine.values()):
                own = any(i not in self.moved for i in self._machine_ids(machine_speaker))
            else:
                own = (
                    self.conn.execute(
                        "SELECT EXISTS (SELECT 1 FROM statements WHERE speaker_id = ?1 AND machine_speaker_id IS NULL) "
                        "OR EXISTS (SELECT 1 FROM statements WHERE machine_speaker_id = ?1)",
                        (machine_speaker,),
                    ).fetchone()[0]
                    == 1
                )
            self.has_own[machine_speaker] = own
        return self.has_own[machine_speaker]

    def find(self, key: str) -> int | None:
        return _ranked(self.conn, key, self.has_statements)

    def merge(self, source: int, target: int) -> None:
        """Everything now with ``source`` goes to ``target``."""
        for m in self._members(source):
            if m == target:
                self.owner.pop(m, None)
            else:
                self.owner[m] = target
        for i, to in self.moved.items():
            if to == source:
                self.moved[i] = target
        self._drop_needless_moves()

    def move(self, statement_ids: list[int], to: int) -> None:
        """Move statements (from :meth:`statements_of`) to speaker ``to``."""
        for i in statement_ids:
            self.moved[i] = to
        self.has_own.clear()  # a machine speaker may have lost its last statement
        self._drop_needless_moves()

    def _drop_needless_moves(self) -> None:
        for i in [i for i, to in self.moved.items() if self.owner_of(self.machine[i]) == to]:
            del self.moved[i]

    def write(self) -> None:
        """Store the assignment; only rows whose speaker differs from it are written."""
        conn = self.conn
        split = json.dumps(sorted(self.moved))
        stored = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT machine_speaker_id FROM statements WHERE machine_speaker_id IS NOT NULL"
            )
        ]
        for m in sorted(set(stored) | set(self.owner)):
            to = self.owner_of(m)
            not_split = "id NOT IN (SELECT value FROM json_each(?2))"
            if to == m:
                conn.execute(
                    f"UPDATE statements SET speaker_id = ?1, machine_speaker_id = NULL WHERE machine_speaker_id = ?1 AND {not_split}",
                    (m, split),
                )
                continue
            conn.execute(
                f"UPDATE statements SET speaker_id = ?3 WHERE machine_speaker_id = ?1 AND speaker_id != ?3 AND {not_split}",
                (m, split, to),
            )
            conn.execute(
                "UPDATE statements SET machine_speaker_id = ?1, speaker_id = ?3 "
                f"WHERE speaker_id = ?1 AND machine_speaker_id IS NULL AND {not_split}",
                (m, split, to),
            )
        conn.executemany(
            "UPDATE statements SET machine_speaker_id = coalesce(machine_speaker_id, speaker_id), speaker_id = ?1 "
            "WHERE id = ?2 AND speaker_id != ?1",
            [(to, i) for i, to in sorted(self.moved.items())],
        )
        # A statement split before and now back with its machine speaker, whose speaker is not merged.
        conn.execute(
            "UPDATE statements SET speaker_id = machine_speaker_id, machine_speaker_id = NULL "
            "WHERE id IN (SELECT value FROM json_each(?)) AND speaker_id = machine_speaker_id",
            (split,),
        )


def _ranked(conn: sqlite3.Connection, key: str, has_statements: Callable[[int], bool]) -> int | None:
    """The speaker ``key`` names: one with statements first, then by display name over alias, then the oldest."""
    candidates = conn.execute(
        "SELECT id, 0 FROM speakers WHERE norm = ?1 UNION SELECT speaker_id, 1 FROM speaker_aliases WHERE norm = ?1",
        (norm(key),),
    ).fetchall()
    if not candidates:
        return None
    return int(min(candidates, key=lambda c: (not has_statements(c[0]), c[1], c[0]))[0])


def find_speaker(conn: sqlite3.Connection, key: str) -> int | None:
    """The speaker a name or alias means now (see :func:`_ranked`); None if none."""
    return _ranked(conn, key, lambda sid: _has_statements(conn, sid))


def _add_alias(conn: sqlite3.Connection, speaker_id: int, alias: str) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO speaker_aliases(speaker_id, alias, norm, curated) VALUES (?, ?, ?, 1)",
        (speaker_id, alias, norm(alias)),
    )


def _set_name(conn: sqlite3.Connection, speaker_id: int, name: str) -> None:
    conn.execute(
        "UPDATE speakers SET machine_name = coalesce(machine_name, name), name = ?, norm = ? WHERE id = ?",
        (name, norm(name), speaker_id),
    )
    _add_alias(conn, speaker_id, name)


def _apply_merge(state: _Assignment, into: str, other: str, articles: list[str], value: str) -> None:
    source = state.find(other)
    if source is None:
        return
    target = state.find(into)
    if target is None:
        # The speaker to merge into is gone (re-extraction named it otherwise):
        # the mentions still belong to the person the user named.
        _set_name(state.conn, source, into)
        return
    if target == source:
        return
    state.merge(source, target)
    state.conn.execute(
        "INSERT OR IGNORE INTO speaker_aliases(speaker_id, alias, norm, curated) "
        "SELECT ?, alias, norm, 1 FROM speaker_aliases WHERE speaker_id = ?",
        (target, source),
    )
    state.conn.execute(
        "INSERT OR IGNORE INTO speaker_links(speaker_id, ext_id) SELECT ?, ext_id FROM speaker_links WHERE speaker_id = ?",
        (target, source),
    )


def _split_statements(
    conn: sqlite3.Connection, statement_ids: list[int], mention: str, articles: list[str]
) -> list[int]:
    """Those of ``statement_ids`` that ``mention`` names, in ``articles``.

    A statement matches if its speaker is written so, or if the name the
    store resolved it by (:func:`best_mention`, cleaned) is: "Weber" then
    finds "sagte Weber" and the "sie" resolved to Weber, not "Anna Weber".
    """
    key = norm(mention)
    wanted = set(articles)
    out = []
    for sid, article_id, text, entity in conn.execute(
        "SELECT id, article_id, speaker, speaker_entity FROM statements "
        "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        (json.dumps(statement_ids),),
    ):
        if wanted and article_id not in wanted:
            continue
        if key:
            parsed = parse_mention(best_mention(entity, text))
            forms = {norm(text or ""), norm(parsed.name) if parsed else ""}
            if key not in forms:
                continue
        out.append(int(sid))
    return out


def _split_target(state: _Assignment, name: str, source: int) -> int:
    """The speaker called ``name`` (other than ``source``), else a new curated one."""
    rows = state.conn.execute(
        "SELECT id, curated FROM speakers WHERE norm = ? AND id != ?", (norm(name), source)
    ).fetchall()
    if rows:
        return int(min(rows, key=lambda r: (not state.has_statements(r[0]), -r[1], r[0]))[0])
    parsed = parse_mention(name)
    kind = "name" if parsed is not None and parsed.person else "description"
    # No surname: the resolver never matches a curated speaker by name.
    cur = state.conn.execute(
        "INSERT INTO speakers(name, norm, kind, surname, first, curated) VALUES (?, ?, ?, '', '', 1)",
        (name, norm(name), kind),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def _apply_split(state: _Assignment, speaker: str, mention: str, articles: list[str], name: str) -> None:
    source = state.find(speaker)
    if source is None:
        return
    ids = _split_statements(state.conn, state.statements_of(source), mention, articles)
    if not ids:
        return
    target = _split_target(state, name, source)
    state.move(ids, target)
    _add_alias(state.conn, target, name)
    if mention:
        _add_alias(state.conn, target, mention)


def _apply_rename(state: _Assignment, speaker: str, other: str, articles: list[str], name: str) -> None:
    found = state.find(speaker)
    if found is not None:
        _set_name(state.conn, found, name)


def _apply_link(state: _Assignment, speaker: str, other: str, articles: list[str], ext_id: str) -> None:
    found = state.find(speaker)
    if found is not None:
        state.conn.execute("INSERT OR IGNORE INTO speaker_links(speaker_id, ext_id) VALUES (?, ?)", (found, ext_id))


_APPLY: dict[str, Callable[[_Assignment, str, str, list[str], str], None]] = {
    "merge": _apply_merge,
    "split": _apply_split,
    "rename": _apply_rename,
    "link": _apply_link,
}


# ---------------------------------------------------------------- checking input


def _text(value: object, what: str, limit: int = MAX_NAME_CHARS) -> str:
    """``value`` as a one-line name, or a :class:`CurationError` saying what is wrong with it."""
    if not isinstance(value, str):
        raise CurationError(f"{what}: give a text, not {type(value).__name__}")
    text = " ".join(value.split())
    if not text:
        raise CurationError(f"{what}: empty")
    if len(text) > limit:
        raise CurationError(f"{what}: {len(text)} characters; at most {limit}")
    bad = _CONTROL.search(text)
    if bad:
        raise CurationError(f"{what}: {text[:60]!r} holds a control character U+{ord(bad.group()):04X}")
    return text


def ext_id_value(value: object, what: str = "external id") -> str:
    """An external id as stored: ``scheme:id`` ("wikidata:Q567"); a bare "Q567" is a Wikidata id."""
    text = _text(value, what, MAX_EXT_ID_CHARS)
    if _WIKIDATA.fullmatch(text):
        return "wikidata:" + text
    if not _EXT_ID.fullmatch(text):
        raise CurationError(f"{what}: {text[:60]!r} is not an id like wikidata:Q567 or newsroom:4711 (scheme:id)")
    return text


def _speaker_row(conn: sqlite3.Connection, ref: str | int, what: str) -> tuple[int, str]:
    """(id, name) of the speaker ``ref`` names: an id (int or ASCII digits), else a name or alias."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isascii() and ref.strip().isdigit()):
        number = int(ref)
        row = (
            conn.execute("SELECT id, name FROM speakers WHERE id = ?", (number,)).fetchone() if number < 2**63 else None
        )
        if row is None:
            raise CurationError(f"{what}: no speaker with id {number} (see saidwhat speakers)", missing=True)
        return int(row[0]), str(row[1])
    name = _text(ref, what)
    found = find_speaker(conn, name)
    if found is None:
        raise CurationError(f"{what}: no speaker named {name!r} (see saidwhat speakers --query)", missing=True)
    return found, str(conn.execute("SELECT name FROM speakers WHERE id = ?", (found,)).fetchone()[0])


def _stable_name(conn: sqlite3.Connection, speaker_id: int, name: str, what: str) -> str:
    """``name``, once sure that it will find ``speaker_id`` again when the override is applied."""
    if not _has_statements(conn, speaker_id):
        raise CurationError(f"{what}: speaker {speaker_id} {name!r} has no statements (merged or split away)")
    found = find_speaker(conn, name)
    if found != speaker_id:
        raise CurationError(
            f"{what}: speaker {speaker_id} shares its name {name!r} with speaker {found}; rename one of them first"
        )
    return name


def _has_statements(conn: sqlite3.Connection, speaker_id: int) -> bool:
    return conn.execute("SELECT 1 FROM statements WHERE speaker_id = ? LIMIT 1", (speaker_id,)).fetchone() is not None


def _statement_count(conn: sqlite3.Connection, speaker_id: int) -> int:
    return int(conn.execute("SELECT count(*) FROM statements WHERE speaker_id = ?", (speaker_id,)).fetchone()[0])


# ---------------------------------------------------------------- recording


def _record(
    conn: sqlite3.Connection,
    op: str,
    speaker: str,
    source: str,
    other: str = "",
    articles: Iterable[str] = (),
    value: str = "",
) -> dict[str, Any]:
    """Store one override (unless the same one is stored) and apply all; the override as a dict."""
    override_id = _insert_override(conn, op, speaker, source, other, articles, value)
    apply_all(conn)
    return _override_dicts(conn, "WHERE id = ?", (override_id,))[0]


def _insert_override(
    conn: sqlite3.Connection,
    op: str,
    speaker: str,
    source: str,
    other: str = "",
    articles: Iterable[str] = (),
    value: str = "",
) -> int:
    """The id of the override, stored now unless the same one is stored already (not applied yet)."""
    arts = json.dumps(sorted(set(articles)))
    row = conn.execute(
        "SELECT id FROM speaker_overrides WHERE op = ? AND speaker = ? AND other = ? AND articles = ? AND value = ?",
        (op, speaker, other, arts, value),
    ).fetchone()
    if row is not None:
        return int(row[0])
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    cur = conn.execute(
        "INSERT INTO speaker_overrides(op, speaker, other, articles, value, source, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (op, speaker, other, arts, value, source, now),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def merge(store: Store, into: str | int, other: str | int, source: str = "cli") -> dict[str, Any]:
    """Merge speaker ``other`` into ``into``; returns the override with ``speaker_id`` (the merged speaker)."""
    with store.transaction() as conn:
        a, a_name = _speaker_row(conn, into, "merge into")
        b, b_name = _speaker_row(conn, other, "merge")
        if a == b:
            # Named by another name or alias: merged before (by hand or by the machine).
            aliases = [
                r for r in (into, other) if isinstance(r, str) and not r.strip().isdigit() and norm(r) != norm(a_name)
            ]
            if aliases:
                raise CurationError(f"merge: {aliases[0].strip()!r} is already part of speaker {a} {a_name!r}")
            raise CurationError(f"merge: cannot merge speaker {a} {a_name!r} into itself")
        out = _record(
            conn,
            "merge",
            _stable_name(conn, a, a_name, "merge into"),
            source,
            other=_stable_name(conn, b, b_name, "merge"),
        )
        out["speaker_id"] = find_speaker(conn, a_name)
        return out


def split(
    store: Store,
    speaker: str | int,
    mention: str | None = None,
    articles: Iterable[str] = (),
    name: str | None = None,
    source: str = "cli",
) -> dict[str, Any]:
    """Move the statements of ``speaker`` named by ``mention`` and/or in ``articles`` to the speaker ``name``."""
    arts = sorted({_text(a, "split: article id", 200) for a in articles})
    if len(arts) > MAX_SPLIT_ARTICLES:
        raise CurationError(f"split: {len(arts)} article ids; at most {MAX_SPLIT_ARTICLES}")
    said = _text(mention, "split: mention") if mention is not None and mention.strip() else ""
    if not said and not arts:
        raise CurationError("split: give the mention to split out, or article ids, or both")
    new_name = _text(name, "split: new name") if name is not None and name.strip() else said
    if not new_name:
        raise CurationError("split: give a name for the speaker the statements go to")
    with store.transaction() as conn:
        sid, sname = _speaker_row(conn, speaker, "split")
        key = _stable_name(conn, sid, sname, "split")
        for aid in arts:
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone() is None:
                raise CurationError(f"split: no article with id {aid!r}", missing=True)
        mine = [r[0] for r in conn.execute("SELECT id FROM statements WHERE speaker_id = ?", (sid,))]
        chosen = _split_statements(conn, mine, said, arts)
        total = _statement_count(conn, sid)
        where = (f" mentioned as {said!r}" if said else "") + (f" in {len(arts)} article(s)" if arts else "")
        if not chosen:
            raise CurationError(f"split: speaker {sid} {sname!r} has no statements{where}")
        if len(chosen) == total:
            raise CurationError(
                f"split: all {total} statements of speaker {sid} {sname!r} are{where}; rename or merge it instead"
            )
        if norm(new_name) == norm(sname):
            raise CurationError(f"split: the new name {new_name!r} is the speaker's own; choose another")
        out = _record(conn, "split", key, source, other=said, articles=arts, value=new_name)
        moved_to = conn.execute("SELECT speaker_id FROM statements WHERE id = ?", (chosen[0],)).fetchone()[0]
        out["speaker_id"] = moved_to
        return out


def rename(store: Store, speaker: str | int, name: str, source: str = "cli") -> dict[str, Any]:
    """Give ``speaker`` the display name ``name``."""
    new_name = _text(name, "rename: new name")
    with store.transaction() as conn:
        sid, sname = _speaker_row(conn, speaker, "rename")
        key = _stable_name(conn, sid, sname, "rename")
        if new_name == sname:
            raise CurationError(f"rename: speaker {sid} is already called {sname!r}")
        clash = find_speaker(conn, new_name)
        if clash is not None and clash != sid and _has_statements(conn, clash):
            raise CurationError(
                f"rename: speaker {clash} is already called or known as {new_name!r}; merge the two instead"
            )
        out = _record(conn, "rename", key, source, value=new_name)
        out["speaker_id"] = sid
        return out


def link(store: Store, speaker: str | int, ext_id: str, source: str = "cli") -> dict[str, Any]:
    """Link ``speaker`` to an external id ("wikidata:Q567")."""
    value = ext_id_value(ext_id)
    with store.transaction() as conn:
        sid, sname = _speaker_row(conn, speaker, "link")
        out = _record(conn, "link", _stable_name(conn, sid, sname, "link"), source, value=value)
        out["speaker_id"] = sid
        return out


def remove_override(store: Store, override_id: int) -> dict[str, Any]:
    """Delete override ``override_id`` and undo what it did; returns the removed override."""
    with store.transaction() as conn:
        found = _override_dicts(conn, "WHERE id = ?", (override_id,)) if 0 <= override_id < 2**63 else []
        if not found:
            raise CurationError(f"no override {override_id} (see saidwhat speakers overrides)", missing=True)
        conn.execute("DELETE FROM speaker_overrides WHERE id = ?", (override_id,))
        apply_all(conn)
        return found[0]


def _override_dicts(conn: sqlite3.Connection, where: str = "", params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    keys = ("id", "op", "speaker", "other", "articles", "value", "source", "created")
    rows = conn.execute(
        f"SELECT id, op, speaker, other, articles, value, source, created FROM speaker_overrides {where} ORDER BY id",
        params,
    ).fetchall()
    out = []
    for r in rows:
        d = dict(zip(keys, r, strict=True))
        d["articles"] = json.loads(d["articles"])
        d["speaker_id"] = find_speaker(conn, d["speaker"])
        out.append(d)
    return out


def overrides(store: Store) -> list[dict[str, Any]]:
    """Every stored override in the order it applies, with the speaker id it applies to now (None if none)."""
    with store._snapshot() as conn:
        return _override_dicts(conn)


def links(conn: sqlite3.Connection, speaker_ids: list[int]) -> dict[int, list[str]]:
    """The external ids of each speaker."""
    out: dict[int, list[str]] = {i: [] for i in speaker_ids}
    for sid, ext_id in conn.execute(
        "SELECT speaker_id, ext_id FROM speaker_links WHERE speaker_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY speaker_id, ext_id",
        (json.dumps(speaker_ids),),
    ):
        out[sid].append(ext_id)
    return out


# ---------------------------------------------------------------- alias files


def _alias_rows(path: Path) -> list[tuple[int, str, str, list[str]]]:
    """(line, external id, name, aliases) of an alias file; a :class:`CurationError` naming the line if bad."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise CurationError(f"{path}: cannot read: {e.strerror or e}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise CurationError(f"{path}:{line}: not UTF-8 text (byte {raw[e.start]:#04x})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, str, str, list[str]]] = []
    try:
        header = next(reader, None)
        if header is None or [h.strip().lower() for h in header] not in (["id", "name"], ["id", "name", "aliases"]):
            raise CurationError(f"{path}:1: the first line must be the header id,name,aliases")
        for record in reader:
            line = reader.line_num
            if not any(f.strip() for f in record):
                continue
            if len(record) not in (2, 3):
                raise CurationError(f"{path}:{line}: {len(record)} fields; give id,name,aliases")
            try:
                ext = ext_id_value(record[0], "id")
                name = _text(record[1], "name")
                aliases = [_text(a, "alias") for a in record[2].split(";") if a.strip()] if len(record) == 3 else []
            except CurationError as e:
                raise CurationError(f"{path}:{line}: {e}") from None
            rows.append((line, ext, name, aliases))
    except csv.Error as e:
        raise CurationError(f"{path}:{reader.line_num}: {e}") from None
    return rows


def _check_alias_rows(path: Path, rows: list[tuple[int, str, str, list[str]]]) -> None:
    """One person per id, and a name or alias belongs to one person only."""
    ids: dict[str, int] = {}
    owner: dict[str, tuple[int, str]] = {}
    for line, ext, name, aliases in rows:
        if ext in ids:
            raise CurationError(f"{path}:{line}: id {ext} is already on line {ids[ext]}")
        ids[ext] = line
        for form in [name, *aliases]:
            key = norm(form)
            if key in owner and owner[key][1] != ext:
                raise CurationError(f"{path}:{line}: {form!r} also names {owner[key][1]} (line {owner[key][0]})")
            owner[key] = (line, ext)


def import_aliases(store: Store, path: str | Path) -> dict[str, int]:
    """Record the people of an alias file (``id,name,aliases``; aliases separated by ``;``).

    Each row merges its aliases into the speaker called ``name`` and links
    that speaker to ``id``. Speakers not yet in the store are matched when
    they appear (the overrides are applied after every ingest). All rows or
    none; importing the same file again adds nothing.
    """
    p = Path(path)
    rows = _alias_rows(p)
    _check_alias_rows(p, rows)
    with store.transaction() as conn:
        n_before = int(conn.execute("SELECT count(*) FROM speaker_overrides").fetchone()[0])
        for line, ext, name, aliases in rows:
            where = f"alias file, line {line}"
            # Merges first: a row whose name is not stored yet takes its name
            # from a stored alias, and the link then finds it.
            for alias in aliases:
                if norm(alias) != norm(name):
                    _insert_override(conn, "merge", name, where, other=alias)
            _insert_override(conn, "link", name, where, value=ext)
        apply_all(conn)
        added = int(conn.execute("SELECT count(*) FROM speaker_overrides").fetchone()[0]) - n_before
        linked = int(conn.execute("SELECT count(DISTINCT speaker_id) FROM speaker_links").fetchone()[0])
    return {"people": len(rows), "overrides_added": added, "speakers_linked": linked}
