"""``renkei board check``: everything a person needs to know about a board's health in one look.

Where it lives and what that means, the lock in use and who holds it, an unfinished change
found (and undone), SQLite's full ``integrity_check``, the schema revision against this build,
conflict copies beside it, and the computers that used it lately (from the lease's note).
``needs_attention`` holds one sentence per finding a person must act on; the CLI exits 1 when
it is not empty."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from renkei.store import conflict_copies, lease, migrate
from renkei.store.database import StorageError, is_url
from renkei.store.location import where

# "Lately", for the computers that used the board.
RECENT = timedelta(minutes=15)


@dataclass
class MachineSeen:
    host: str
    login: str
    person: str | None
    last: str  # ISO 8601, UTC


@dataclass
class CheckReport:
    board: str
    location: dict[str, str]
    lock: str
    holder: dict[str, Any] | None = None
    unfinished_change: str | None = None  # what was found beside the board, and what became of it
    integrity: list[str] = field(default_factory=list)  # ["ok"] when sound
    revision: str | None = None
    this_build: str = field(default_factory=migrate.head_revision)
    conflict_copies: list[str] = field(default_factory=list)
    recent_machines: list[MachineSeen] = field(default_factory=list)
    takeovers: list[str] = field(default_factory=list)
    needs_attention: list[str] = field(default_factory=list)


def check_board(target: str) -> CheckReport:
    """Look the board over. Touches nothing but what opening it would (an unfinished change
    left by a program that stopped is undone, as every open does)."""
    place = where(target)
    location = {
        "kind": place.kind,
        "detail": place.detail,
        "headline": place.headline(),
        "meaning": place.meaning(),
    }
    if is_url(target):
        return _check_server(target, location)
    path = Path(target).expanduser().absolute()
    report = CheckReport(
        board=str(path),
        location=location,
        lock=f"a lease file beside the board ({lease.lock_path(path).name}), taken for every "
        "read and write",
    )
    if not path.exists():
        raise StorageError(f"There is no board at {path}.")
    holder = lease.current_holder(path)
    if holder is not None:
        report.holder = {
            "host": holder.host,
            "login": holder.login,
            "person": holder.person,
            "pid": holder.pid,
            "since": holder.since.isoformat(timespec="seconds"),
            "words": holder.words(path.name),
        }
    journal = migrate.journal_of(path)
    left_mid_change = journal.exists() and journal.stat().st_size > 0
    try:
        report.revision = migrate.inspect_sqlite_file(path)
    except migrate.BoardBusy as error:
        report.needs_attention.append(str(error))
        return _with_neighbours(report, path)
    except migrate.BoardDamaged as error:
        report.integrity = [str(error)]
        report.needs_attention.append(str(error))
        return _with_neighbours(report, path)
    except migrate.BoardRefused as error:
        report.needs_attention.append(str(error))
        if "newer version" in str(error) or "newer Renkei" in str(error):
            report.revision = _revision_of(path)
        return _with_neighbours(report, path)
    if left_mid_change:
        report.unfinished_change = (
            "undone: a program that stopped mid-change left a -journal file; its change was "
            "rolled back and the board is as it was at its last save"
            if not journal.exists()
            else "a -journal file is still beside the board (another program may be saving)"
        )
    report.integrity = _integrity(path)
    if report.integrity != ["ok"]:
        report.needs_attention.append(
            f"SQLite's integrity check found problems: {report.integrity[0]} — "
            f"`renkei board salvage {path.name} NEW.renkei` keeps every row that can be read"
        )
    if report.revision != report.this_build:
        report.needs_attention.append(
            f"the board is at schema revision {report.revision}; this Renkei writes "
            f"{report.this_build} and will bring it up to date (with a backup) when it opens it"
        )
    return _with_neighbours(report, path)


def _with_neighbours(report: CheckReport, path: Path) -> CheckReport:
    copies = conflict_copies.conflict_copies(path)
    report.conflict_copies = [str(p) for p in copies]
    if copies:
        names = ", ".join(p.name for p in copies)
        report.needs_attention.append(
            f"{len(copies)} conflict cop{'y' if len(copies) == 1 else 'ies'} beside the board "
            f"({names}) may hold edits the board lacks: `renkei board merge` brings them in"
        )
    now = datetime.now(UTC)
    for seen in lease.recent_holders(path):
        if now - seen.last <= RECENT:
            report.recent_machines.append(
                MachineSeen(seen.host, seen.login, seen.person, seen.last.isoformat())
            )
        for at, words in seen.takeovers:
            if now - at <= timedelta(days=7):
                report.takeovers.append(
                    f"{at.astimezone().strftime('%Y-%m-%d %H:%M')}: {seen.host} took over the "
                    f"lock of {words}"
                )
    return report


def _integrity(path: Path) -> list[str]:
    uri = f"file:{quote(str(path))}?mode=ro"
    with closing(lease.connect(path, uri, timeout=10.0)) as conn:
        found = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    return [line for problem in found for line in str(problem).splitlines() if line.strip()]


def _revision_of(path: Path) -> str | None:
    uri = f"file:{quote(str(path))}?mode=ro"
    try:
        with closing(lease.connect(path, uri, timeout=10.0)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _check_server(target: str, location: dict[str, str]) -> CheckReport:
    from renkei.store.board_store import BoardStore

    report = CheckReport(
        board=target,
        location=location,
        lock="the server's own transactions (every save waits its turn there)",
        integrity=["ok (the server keeps its own data sound)"],
    )
    store = BoardStore.open(target, create=False)
    try:
        with store.engine.connect() as conn:
            report.revision = migrate.inspect_database(conn, target)
    finally:
        store.dispose()
    return report
