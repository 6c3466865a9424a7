"""The copies a sync tool leaves beside a board when two machines changed it at once.

Every tool names its copy differently (checked against each tool's own words, December 2026):

- Dropbox: ``team (Kenta Mori's conflicted copy 2026-12-07).renkei``, a second one the same
  day gets `` (1)`` inside the brackets; help.dropbox.com/organize/conflicted-copy ("the
  editor's username, 'conflicted copy', and the save date"). Dropbox's Japanese help
  (help.dropbox.com/ja-jp/organize/conflicted-copy) quotes the words as 「Conflicted copy」,
  while people on Japanese clients report ``team (Kenta Mori の競合コピー 2026-12-07).renkei``
  (with or without the space): both are found, by the words "conflict" and 競合.
- Nextcloud / ownCloud desktop (2.5 and later): ``team (conflicted copy [USER ]2026-12-07
  104212).renkei`` (``Utility::makeConflictFileName``, owncloud/client#6365); before 2.5:
  ``team_conflict-20261207-104212.renkei`` or ``team_conflict_USER-20261207-104212.renkei``.
- Syncthing: ``team.sync-conflict-20261207-104212-ABCDEFG.renkei`` (date, time, device id).
- Box: its documentation (support.box.com 360044193873) says the second save "gets saved
  separately as a copy" without naming it, and Box Sync 3.x's notes speak of a "-copy of"
  version. A Box copy whose name says "conflict" is found by name; a numbered
  ``team (1).renkei`` or a hyphenated ``team-….renkei`` is checked as below.
- OneDrive: ``team-KENTA-PC.renkei``, the computer's name appended with a hyphen (and
  ``team-KENTA-PC-2.renkei`` for the next one); a clash on upload gets ``team (1).renkei``.
- Google Drive for desktop: ``team (1).renkei``; iCloud Drive: ``team 2.renkei``.

A name that says "conflict" in some language is a copy by its name. The numbered and hyphenated
names say nothing of the sort: ``plan-2027.renkei`` or ``budget 2.renkei`` may be ordinary boards.
Such a file is reported only when its contents show it is a copy of this board: an SQLite file
whose board row has the same name and moment of creation and whose history starts with the same
Activity rows. Only files whose name fits one of those patterns are ever opened, so listing a
folder of thousands of files stays a matter of milliseconds.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Mapping
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from renkei.store import lease
from renkei.store.migrate import SQLITE_HEADER

# Words that name a conflict: English (Dropbox, Nextcloud, ownCloud, Syncthing, Box) and
# Japanese (Dropbox's 競合コピー; コンフリクト as some clients and people write it).
_CONFLICT_WORDS = ("conflict", "競合", "コンフリクト")

# What may come between the board's name and the conflict words: a space and a bracket
# (Dropbox, Nextcloud), a dot (Syncthing), an underscore (old ownCloud), a hyphen (OneDrive
# with a word), or a full-width bracket typed on a Japanese system.
_SEPARATORS = (" ", ".", "_", "-", "(", "（")

# The names that do not say "conflict", as the part between the board's name and extension.
_AMBIGUOUS = re.compile(
    r" \(\d{1,4}\)"  # Google Drive, OneDrive and Box: team (1).renkei
    r"| \d{1,4}"  # iCloud Drive: team 2.renkei
    r"|-[\w-]{1,63}"  # OneDrive: team-KENTA-PC.renkei, team-KENTA-PC-2.renkei
)

# How many of the first Activity rows a copy must share with the board: the start of a
# board's history is written once and never changes, so two boards made apart differ there.
_SHARED_ROWS = 20

# A merged conflict copy is kept beside the board under this name, never found again.
_MERGED = re.compile(r"\.merged-\d{8}-\d{6}(-\d+)?\.[^.]*-copy$")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a copy of a board shares with it, as SQLite stores it (text, not parsed), and
    the copy's last Activity row, which says whether it holds anything the board lacks."""

    name: str
    created_at: str
    first_rows: tuple[ActivityRow, ...]
    last_row: ActivityRow | None

    def matches(self, other: Fingerprint) -> bool:
        if (self.name, self.created_at) != (other.name, other.created_at):
            return False
        # A copy made before the board had any history, or a board whose copy was made
        # when it was new, shares the rows both have; the identity above is to the
        # microsecond, so an empty history on one side is still a copy.
        shared = min(len(self.first_rows), len(other.first_rows))
        return self.first_rows[:shared] == other.first_rows[:shared]


# Read as raw SQL on both sides so that the board (through its own connection) and a
# candidate (through sqlite3) are compared value for value.
_COLUMNS = "id, revision, at, actor_id, entity, entity_id, field, old, new"
IDENTITY_SQL = "SELECT name, created_at FROM board LIMIT 1"
FIRST_ROWS_SQL = f"SELECT {_COLUMNS} FROM activity ORDER BY id LIMIT {_SHARED_ROWS}"
LAST_ROW_SQL = f"SELECT {_COLUMNS} FROM activity ORDER BY id DESC LIMIT 1"
ROW_SQL = f"SELECT {_COLUMNS} FROM activity WHERE id = :id"

# One Activity row as the queries above read it (the columns of _COLUMNS, in order).
ActivityRow = tuple[object, ...]

# Runs one of the queries above on a board and returns its rows as tuples.
Query = Callable[[str, Mapping[str, object]], list[ActivityRow]]

# Whatever reading a file that may be anything can raise: each means "not a copy".
_READ_ERRORS = (OSError, sqlite3.Error, SQLAlchemyError, ValueError, TypeError, lease.LeaseBusy)


def conflict_copies(path: Path, board: Query | None = None) -> list[Path]:
    """Conflict copies a sync tool left beside the board file ``path``: edits in them are
    not on the board, so someone should merge them (``renkei board merge``).

    ``board`` runs a query on this board when a name needs its contents checked (the
    caller's own connection, so the board is read under its usual lock, see
    ``engine_query``); without it the file is read directly. It is used only when a name
    fits an ambiguous pattern."""
    stem = path.stem.casefold()
    suffix = path.suffix.casefold()
    if not suffix:
        return []
    found: list[Path] = []
    ambiguous: list[Path] = []
    try:
        # Listed under the board's lease: on a network mount a listing is cached (sshfs: 20 s),
        # and one taken while a writer elsewhere had its -journal beside the board would make
        # this computer's next save see a journal that is gone.
        with lease.holding(path), os.scandir(path.parent) as entries:
            names = [entry.name for entry in entries]
    except (OSError, lease.LeaseBusy):
        return []
    for name in names:
        kind = _kind(name, stem, suffix)
        if kind is None:
            continue
        other = path.parent / name
        if kind == "named":
            if other.is_file():
                found.append(other)
        else:
            ambiguous.append(other)
    if ambiguous:
        found.extend(_copies_with_changes(ambiguous, board or file_query(path, immutable=False)))
    return sorted(found)


def _kind(name: str, stem: str, suffix: str) -> str | None:
    """``named`` for a name that says conflict, ``ambiguous`` for one that only may be a copy,
    None for anything else (another board, the board's own side files)."""
    if name.startswith("."):
        return None  # hidden: the board's own build files (.team.renkei.new-*), macOS ._ files
    folded = name.casefold()
    # Same extension only: team.renkei-journal, team.renkei.lock, team.renkei.lock-seen/,
    # *.bak backups and *.merged-*.renkei-copy (merged already) all fail here.
    if not folded.endswith(suffix) or _MERGED.search(name):
        return None
    middle = name[: len(name) - len(suffix)]
    if not middle.casefold().startswith(stem) or len(middle) == len(stem):
        return None
    rest = middle[len(stem) :]
    if rest[0] in _SEPARATORS and any(word in rest.casefold() for word in _CONFLICT_WORDS):
        return "named"
    if _AMBIGUOUS.fullmatch(rest):
        return "ambiguous"
    return None


def _copies_with_changes(candidates: list[Path], board: Query) -> list[Path]:
    """The candidates that are copies of the board and hold a change it lacks. A copy whose
    every Activity row is on the board (a backup, macOS's "Keep both" of an unchanged file,
    an old download) has nothing to merge: a warning about it would not be true."""
    try:
        mine = read_fingerprint(board)
    except _READ_ERRORS:
        return []  # the board cannot be read now: say nothing rather than guess
    if mine is None:
        return []
    copies = []
    for candidate in candidates:
        theirs = fingerprint_of_file(candidate)
        if theirs is None or theirs.last_row is None or not mine.matches(theirs):
            continue
        try:
            same = board(ROW_SQL, {"id": theirs.last_row[0]})
        except _READ_ERRORS:
            same = []  # cannot tell: report it, a merge of nothing new says so
        if same and same[0] == theirs.last_row:
            continue
        copies.append(candidate)
    return copies


def fingerprint_of_file(path: Path) -> Fingerprint | None:
    """The fingerprint of a candidate copy, or None when it is not a board (not SQLite,
    broken, cut short, unreadable). Read as immutable: a sync tool's copy is a file nobody
    writes, so SQLite takes no lock on it and leaves no journal beside it."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
        with closing(sqlite3.connect(_uri(path, immutable=True), uri=True)) as conn:
            return read_fingerprint(
                lambda sql, params: [tuple(r) for r in conn.execute(sql, params)]
            )
    except _READ_ERRORS:
        return None


def read_fingerprint(query: Query) -> Fingerprint | None:
    """Read a fingerprint through ``query``, so the board and a candidate are read by the
    same statements."""
    identity = query(IDENTITY_SQL, {})
    if not identity:
        return None
    last = query(LAST_ROW_SQL, {})
    return Fingerprint(
        name=str(identity[0][0]),
        created_at=str(identity[0][1]),
        first_rows=tuple(query(FIRST_ROWS_SQL, {})),
        last_row=last[0] if last else None,
    )


def _uri(path: Path, *, immutable: bool) -> str:
    return f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")


def file_query(path: Path, *, immutable: bool) -> Query:
    """Queries on a board file read directly, read-only (each on a short connection)."""

    def run(sql: str, params: Mapping[str, object]) -> list[ActivityRow]:
        uri = _uri(path, immutable=immutable)
        # A live board is read under its lease; an immutable copy needs no lock at all.
        connection = sqlite3.connect(uri, uri=True) if immutable else lease.connect(path, uri)
        with closing(connection) as conn:
            return [tuple(row) for row in conn.execute(sql, dict(params))]

    return run


def engine_query(engine: Engine) -> Query:
    """Queries on the open board through its own engine (and so its own locking)."""

    def run(sql: str, params: Mapping[str, object]) -> list[ActivityRow]:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql), dict(params))]

    return run


def merged_copy_path(copy: Path, when: datetime) -> Path:
    """Where a merged copy is kept: ``NAME.merged-YYYYmmdd-HHMMSS.renkei-copy`` beside it,
    an extension no one opens as a board by mistake, and a name the conflict check skips."""
    stamp = when.strftime("%Y%m%d-%H%M%S")
    extension = (copy.suffix or ".renkei").lstrip(".")
    target = copy.with_name(f"{copy.stem}.merged-{stamp}.{extension}-copy")
    n = 1
    while target.exists():
        n += 1
        target = copy.with_name(f"{copy.stem}.merged-{stamp}-{n}.{extension}-copy")
    return target
