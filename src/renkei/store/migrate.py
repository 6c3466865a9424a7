"""Check → back up → migrate → open, and the refusals that leave a file untouched."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, inspect, select, text

from renkei.store.schema import APPLICATION_ID, board_table

SQLITE_HEADER = b"SQLite format 3\x00"


class BoardRefused(Exception):
    """This file or database cannot be opened as a board; nothing in it was changed."""


# Every migration this build ships, oldest first. Opening a board only needs to compare
# revisions, so Alembic (a quarter of a second to import) loads only when a board really
# migrates; a unit test keeps this list equal to the migration scripts.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005")


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "renkei.store:migrations")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return KNOWN_REVISIONS[-1]


def is_known_revision(revision: str) -> bool:
    return revision in KNOWN_REVISIONS


def inspect_sqlite_file(path: Path) -> str | None:
    """The board's migration revision, None for a new (empty) file, or BoardRefused.

    Reads in read-only mode so a refused file keeps every byte."""
    if path.is_dir():
        raise BoardRefused(f"{path} is a folder, not a board file.")
    size = path.stat().st_size
    if size == 0:
        return None
    with path.open("rb") as handle:
        header_bytes = handle.read(100)
    if header_bytes[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise BoardRefused(
            f"{path.name} is not a Renkei board: it is not an SQLite database file. "
            "Choose a .renkei board file, or import the file with File → Import."
        )
    # Renkei never uses WAL. A WAL-mode file is another program's database: read it as
    # immutable so SQLite leaves no -wal/-shm files beside it (bytes 18-19 are 2 in WAL mode).
    wal = len(header_bytes) >= 20 and header_bytes[18:20] == b"\x02\x02"
    uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if wal else "")
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return None
            if "board" not in tables or "alembic_version" not in tables:
                raise BoardRefused(
                    f"{path.name} is an SQLite database, but not a Renkei board "
                    "(it has none of a board's tables). It was left as it is."
                )
            app = conn.execute("SELECT application FROM board").fetchone()
            if app is None or app[0] != APPLICATION_ID:
                raise BoardRefused(f"{path.name} is an SQLite database, but not a Renkei board.")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            # A quick structural check (milliseconds for a large board): a file damaged by a
            # half-finished copy or a sync tool is refused before anyone writes to it.
            problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as error:
        raise BoardRefused(damaged_message(path, str(error))) from error
    if problems != ["ok"]:
        raise BoardRefused(damaged_message(path, "; ".join(problems)))
    revision = row[0] if row else None
    _refuse_unknown(revision, path.name)
    return revision


def damaged_message(path: Path, detail: str) -> str:
    backups = sorted(path.parent.glob(f"{path.name}.before-*.bak"))
    hint = (
        f" The most recent backup is {backups[-1].name}."
        if backups
        else " If your team keeps the board in a synced folder, an earlier version may be there."
    )
    return (
        f"{path.name} is damaged and cannot be opened safely ({detail}). It was left as it "
        f"is.{hint}"
    )


# Names sync tools give a second copy when two people changed the file at once.
_CONFLICT_MARKERS = ("conflicted copy", "conflict", ".sync-conflict-", "のコンフリクト", "競合")


def conflict_copies(path: Path) -> list[Path]:
    """Copies a sync tool (Dropbox, Syncthing, Nextcloud, OneDrive…) left beside the board:
    edits in them are not in the board, so someone should look at them."""
    stem = path.stem.casefold()
    found = []
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return []
    for other in siblings:
        name = other.name.casefold()
        if other == path or not name.startswith(stem) or name.endswith(".bak"):
            continue
        if any(marker in name for marker in _CONFLICT_MARKERS):
            found.append(other)
    return sorted(found)


def _refuse_unknown(revision: str | None, name: str) -> None:
    if revision is not None and not is_known_revision(revision):
        raise BoardRefused(
            f"{name} was saved by a newer version of Renkei (format {revision}). "
            "Update Renkei to open it; the board was not changed."
        )


def inspect_database(connection: Connection, name: str) -> str | None:
    """The same check for a server database: None when it holds no tables yet."""
    tables = set(inspect(connection).get_table_names())
    if not tables:
        return None
    if "board" not in tables or "alembic_version" not in tables:
        raise BoardRefused(f"The database {name} holds other tables and is not a Renkei board.")
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    _refuse_unknown(revision, name)
    return revision


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy the board with SQLite's backup API (consistent even if another reader is active)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-{revision}-{stamp}.bak")
    with (
        closing(sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)) as source,
        closing(sqlite3.connect(target)) as destination,
    ):
        source.backup(destination)
    return target


def upgrade(connection: Connection) -> None:
    """Run every migration this build knows, inside the caller's transaction."""
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def board_exists(connection: Connection) -> bool:
    return connection.execute(select(board_table.c.id)).first() is not None
