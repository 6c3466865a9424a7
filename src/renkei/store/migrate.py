"""Check → back up → migrate → open, and the refusals that leave a file untouched."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import Connection, inspect, select, text

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence
from renkei.files import create_like
from renkei.store import lease
from renkei.store.schema import APPLICATION_ID, board_table

if TYPE_CHECKING:  # Alembic is imported when a migration is due, not at start-up
    from alembic.config import Config
    from alembic.script import ScriptDirectory

SQLITE_HEADER = b"SQLite format 3\x00"


class BoardRefused(Sentence):
    """This file or database cannot be opened as a board; nothing in it was changed (a
    marked sentence: ``renkei.domain.i18n.Sentence``)."""


# Every migration this build ships, oldest first. Opening a board only needs to compare
# revisions, so Alembic (a quarter of a second to import) loads only when a board really
# migrates; a unit test keeps this list equal to the migration scripts.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "renkei.store:migrations")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return KNOWN_REVISIONS[-1]


def is_known_revision(revision: str) -> bool:
    return revision in KNOWN_REVISIONS


class BoardEmpty(BoardRefused):
    """An empty file or database: not a board (yet). Reads refuse it; only an explicit
    create may make a board there."""


class BoardDamaged(BoardRefused):
    """The file's structure is broken (the header, or ``quick_check``): salvage is the way on."""

    def __init__(self, path: Path, detail: object):
        text, values = _damaged_sentence(path, detail)
        super().__init__(text, *values)
        self.path = path


class BoardBusy(BoardRefused):
    """Another program holds the board's lock for longer than we waited."""


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def _empty_file(path: Path) -> BoardEmpty:
    return BoardEmpty(
        QT_TRANSLATE_NOOP(
            "Refusal",
            "%1 is empty (0 bytes), so it is not a board yet. If a sync client (OneDrive, "
            "Dropbox, Google Drive…) is still downloading it, wait until it has finished and "
            "open it again. It was left as it is.",
        ),
        path.name,
    )


def inspect_sqlite_file(path: Path) -> str | None:
    """The board's migration revision, or BoardRefused (BoardEmpty for an empty file).

    A refused file keeps every byte. The one write an inspection may cause is SQLite's own
    recovery: a writer that stopped mid-change (a crash, kill -9, a laptop put to sleep)
    leaves a hot ``-journal`` that only a read-write open can roll back, putting the board
    back exactly as it was at its last commit."""
    if path.is_dir():
        raise BoardRefused(QT_TRANSLATE_NOOP("Refusal", "%1 is a folder, not a board file."), path)
    # Every look at the file and its journal under the board's lease: a journal seen now is no
    # live writer's, and a network mount never caches what a writer elsewhere was half-way
    # through (see store/lease.py).
    try:
        ticket = lease.acquire(path)
    except lease.LeaseBusy as error:
        raise BoardBusy(
            QT_TRANSLATE_NOOP("Refusal", "%1; try again when they are done. Nothing was changed."),
            error,
        ) from error
    try:
        return _inspect_under_lease(path)
    finally:
        ticket.release()


def _inspect_under_lease(path: Path) -> str | None:
    if path.stat().st_size == 0:
        raise _empty_file(path)
    with path.open("rb") as handle:
        header_bytes = handle.read(100)
    if header_bytes[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise BoardRefused(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 is not a Renkei board: it is not an SQLite database file. Choose a .renkei "
                "board file, or import the file with File → Import.",
            ),
            path.name,
        )
    # Renkei never uses WAL. A WAL-mode file is another program's database: read it as
    # immutable so SQLite leaves no -wal/-shm files beside it (bytes 18-19 are 2 in WAL mode).
    wal = len(header_bytes) >= 20 and header_bytes[18:20] == b"\x02\x02"
    recover = not wal and lease.journal_is_there(path)
    for attempt in (1, 2):
        mode = "rw" if recover else "ro"
        uri = f"file:{quote(str(path))}?mode={mode}" + ("&immutable=1" if wal else "")
        try:
            problems, row = _read_board_tables(path, uri)
            break
        except sqlite3.DatabaseError as error:
            # SQLite may still see, on a network mount, a journal the look above found gone
            # (the mount's cached name outlived our look by a moment): it takes it for a
            # crashed save's and cannot open it. Look once more, which makes the mount
            # forget a gone one, and read again.
            if attempt == 1 and not wal and not recover and _phantom_journal(error):
                recover = lease.journal_is_there(path)
                continue
            raise _refusal(path, error, recover) from error
    if problems != ["ok"]:
        # SQLite may pack several findings into one row, one a line.
        lines = [
            line.strip()
            for problem in problems
            for line in problem.splitlines()
            if line.strip() and not line.startswith("***")
        ]
        first = (lines or ["?"])[0][:120]
        more = QT_TRANSLATE_NOOP("Refusal", "%1, and %2 more problems")
        raise BoardDamaged(path, Sentence(more, first, len(lines) - 1) if len(lines) > 1 else first)
    revision = row[0] if row else None
    _refuse_unknown(revision, path.name)
    return revision


def _read_board_tables(path: Path, uri: str) -> tuple[list[str], tuple[str] | None]:
    """The quick check's findings and the board's migration row, read under the lease."""
    with closing(lease.connect(path, uri, timeout=10.0)) as conn:
        found = conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        tables = {row[0] for row in found}
        if not tables:
            raise BoardEmpty(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "%1 is an empty SQLite database, not a board. It was left as it is.",
                ),
                path.name,
            )
        if "board" not in tables or "alembic_version" not in tables:
            raise BoardRefused(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "%1 is an SQLite database, but not a Renkei board (it has none of a board's "
                    "tables). It was left as it is.",
                ),
                path.name,
            )
        app = conn.execute("SELECT application FROM board").fetchone()
        if app is None or app[0] != APPLICATION_ID:
            raise BoardRefused(
                QT_TRANSLATE_NOOP("Refusal", "%1 is an SQLite database, but not a Renkei board."),
                path.name,
            )
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        # A quick structural check (milliseconds for a large board): a file damaged by a
        # half-finished copy or a sync tool is refused before anyone writes to it.
        problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    return problems, row


def _phantom_journal(error: sqlite3.DatabaseError) -> bool:
    """An error SQLite gives when it takes a journal it cannot open for a crashed save's: a
    read-only look that would have to roll it back, or the journal itself unopenable."""
    code = getattr(error, "sqlite_errorname", "") or ""
    return code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) or "readonly" in str(error)


def _refusal(path: Path, error: sqlite3.DatabaseError, recover: bool) -> BoardRefused:
    """Word an SQLite error met while inspecting: only a real fault of the file is "damaged"."""
    code = getattr(error, "sqlite_errorname", "") or ""
    text = str(error)
    if "locked" in text or "busy" in text or code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return BoardBusy(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 is being changed by another program and stayed locked; try again in a "
                "moment. Nothing was changed.",
            ),
            path.name,
        )
    if recover and (
        code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM"))
        or "readonly" in text
        or "unable to open" in text
    ):
        return BoardRefused(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 was left mid-change by a program that stopped (a crash, or a computer put to "
                "sleep). Renkei needs write access to it and to its folder (%2) to finish undoing "
                "that unfinished change; nothing is lost. Ask for write access, or copy the board "
                "together with its -journal file to a folder you can write to.",
            ),
            path.name,
            path.parent,
        )
    return BoardDamaged(path, text)


def _damaged_sentence(path: Path, detail: object) -> tuple[str, tuple[object, ...]]:
    """The words for a damaged board: the way on, and what an older copy would lose."""
    backups = sorted(path.parent.glob(f"{path.name}.before-*.bak"))
    if backups:
        taken = datetime.fromtimestamp(backups[-1].stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        older = Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal", "The backup %1 is from %2: it lacks every change made since then."
            ),
            backups[-1].name,
            taken,
        )
    else:
        older = Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "An earlier version (a backup, or your sync tool's version history) lacks every "
                "change made since it was taken.",
            )
        )
    return (
        QT_TRANSLATE_NOOP(
            "Refusal",
            "%1 is damaged and cannot be opened safely (%2). It was left as it is. `renkei board "
            "salvage %1 NEW.renkei` copies every row that can still be read into a new board. %3",
        ),
        (path.name, detail, older),
    )


def _refuse_unknown(revision: str | None, name: str) -> None:
    if revision is not None and not is_known_revision(revision):
        raise BoardRefused(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 was saved by a newer version of Renkei (format %2). Update Renkei to open "
                "it; the board was not changed.",
            ),
            name,
            revision,
        )


def inspect_database(connection: Connection, name: str) -> str | None:
    """The same check for a server database: None when it holds no tables yet."""
    tables = set(inspect(connection).get_table_names())
    if not tables:
        return None  # an empty database: the caller decides whether it may become a board
    if "board" not in tables or "alembic_version" not in tables:
        raise BoardRefused(
            QT_TRANSLATE_NOOP(
                "Refusal", "The database %1 holds other tables and is not a Renkei board."
            ),
            name,
        )
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    _refuse_unknown(revision, name)
    return revision


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy the board with SQLite's backup API (consistent even if another reader is active),
    into a new file with the board's own mode: a private board's backup is as private. A
    backup that fails is removed, so no half copy is ever offered as "the most recent"."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = _new_backup(path, f"{path.name}.before-{revision}-{stamp}")
    board_mode = stat.S_IMODE(path.stat().st_mode)
    try:
        if not board_mode & stat.S_IWUSR:  # a read-only board: SQLite must still fill its copy
            target.chmod(board_mode | stat.S_IWUSR)
        with (
            closing(lease.connect(path, f"file:{quote(str(path))}?mode=ro")) as source,
            closing(sqlite3.connect(target)) as destination,
        ):
            source.backup(destination)
        if not board_mode & stat.S_IWUSR:
            target.chmod(board_mode)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def _new_backup(path: Path, stem: str) -> Path:
    """An empty file named ``stem.bak`` (``stem-2.bak``… when two openers back up in the same
    second) with the board's mode; SQLite fills an empty file as it would a new one."""
    for number in range(1, 100):
        target = path.with_name(f"{stem}.bak" if number == 1 else f"{stem}-{number}.bak")
        try:
            create_like(target, path)
        except FileExistsError:
            continue
        return target
    raise FileExistsError(f"too many backups named {stem}*.bak beside {path.name}")


def upgrade(connection: Connection) -> None:
    """Run every migration this build knows, inside the caller's transaction."""
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def board_exists(connection: Connection) -> bool:
    return connection.execute(select(board_table.c.id)).first() is not None
