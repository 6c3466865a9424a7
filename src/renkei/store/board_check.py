"""``renkei board check``: everything a person needs to know about a board's health in one look.

Where it lives and what that means, the lock in use and who holds it, an unfinished change
found (and undone), SQLite's full ``integrity_check``, the schema revision against this build,
conflict copies beside it, and the computers that used it lately (from the lease's note).
``needs_attention`` holds one sentence per finding a person must act on; the CLI exits 1 when
it is not empty."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence
from renkei.store import conflict_copies, lease, migrate
from renkei.store.database import StorageError, is_url
from renkei.store.location import BoardLocation, where

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
    # The report's own sentences by their English (as the fields above hold them), for a
    # person in their language; not part of the JSON (``as_json``).
    said: dict[str, Sentence] = field(default_factory=dict, repr=False, compare=False)

    def as_json(self) -> dict[str, Any]:
        data = asdict(replace(self, said={}))  # (a sentence is no JSON, nor copied)
        del data["said"]
        return data

    def tell(self, sentence: Sentence) -> str:
        """The sentence's English, kept for telling it in another language."""
        self.said[str(sentence)] = sentence
        return str(sentence)

    def attend(self, sentence: Sentence | BaseException) -> None:
        if isinstance(sentence, Sentence):
            self.needs_attention.append(self.tell(sentence))
        else:
            self.needs_attention.append(str(sentence))


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
        return _check_server(target, place, location)
    path = Path(target).expanduser().absolute()
    report = CheckReport(
        board=str(path),
        location=location,
        lock="",
    )
    _tell_place(report, place)
    report.lock = report.tell(
        Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal", "a lease file beside the board (%1), taken for every read and write"
            ),
            lease.lock_path(path).name,
        )
    )
    if not path.exists():
        raise StorageError(QT_TRANSLATE_NOOP("Refusal", "There is no board at %1."), path)
    holder = lease.current_holder(path)
    if holder is not None:
        report.holder = {
            "host": holder.host,
            "login": holder.login,
            "person": holder.person,
            "pid": holder.pid,
            "since": holder.since.isoformat(timespec="seconds"),
            "words": report.tell(holder.said(path.name)),
        }
    journal = migrate.journal_of(path)
    left_mid_change = journal.exists() and journal.stat().st_size > 0
    try:
        report.revision = migrate.inspect_sqlite_file(path)
    except migrate.BoardBusy as error:
        report.attend(error)
        return _with_neighbours(report, path)
    except migrate.BoardDamaged as error:
        report.integrity = [str(error)]
        report.attend(error)
        return _with_neighbours(report, path)
    except migrate.BoardRefused as error:
        report.attend(error)
        if "newer version" in str(error) or "newer Renkei" in str(error):
            report.revision = _revision_of(path)
        return _with_neighbours(report, path)
    if left_mid_change:
        report.unfinished_change = report.tell(
            Sentence(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "undone: a program that stopped mid-change left a -journal file; its change "
                    "was rolled back and the board is as it was at its last save",
                )
            )
            if not journal.exists()
            else Sentence(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "a -journal file is still beside the board (another program may be saving)",
                )
            )
        )
    report.integrity = _integrity(path)
    if report.integrity != ["ok"]:
        report.attend(
            Sentence(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "SQLite's integrity check found problems: %1 — `renkei board salvage %2 "
                    "NEW.renkei` keeps every row that can be read",
                ),
                report.integrity[0],
                path.name,
            )
        )
    if report.revision != report.this_build:
        report.attend(
            Sentence(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "the board is at schema revision %1; this Renkei writes %2 and will bring it "
                    "up to date (with a backup) when it opens it",
                ),
                report.revision,
                report.this_build,
            )
        )
    return _with_neighbours(report, path)


def _with_neighbours(report: CheckReport, path: Path) -> CheckReport:
    copies = conflict_copies.conflict_copies(path)
    report.conflict_copies = [str(p) for p in copies]
    if copies:
        names = ", ".join(p.name for p in copies)
        text = (
            QT_TRANSLATE_NOOP(
                "Refusal",
                "1 conflict copy beside the board (%2) may hold edits the board lacks: "
                "`renkei board merge` brings them in",
            )
            if len(copies) == 1
            else QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 conflict copies beside the board (%2) may hold edits the board lacks: "
                "`renkei board merge` brings them in",
            )
        )
        report.attend(Sentence(text, len(copies), names))
    now = datetime.now(UTC)
    for seen in lease.recent_holders(path):
        if now - seen.last <= RECENT:
            report.recent_machines.append(
                MachineSeen(seen.host, seen.login, seen.person, seen.last.isoformat())
            )
        for at, words in seen.takeovers:
            if now - at <= timedelta(days=7):
                report.takeovers.append(
                    report.tell(
                        Sentence(
                            QT_TRANSLATE_NOOP("Refusal", "%1: %2 took over the lock of %3"),
                            at.astimezone().strftime("%Y-%m-%d %H:%M"),
                            seen.host,
                            words,
                        )
                    )
                )
    return report


def _tell_place(report: CheckReport, place: BoardLocation) -> None:
    """Where the board lives, in the window's words for the person's language."""
    report.said[report.location["headline"]] = place.said_headline()
    report.said[report.location["meaning"]] = place.said_meaning()


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


def _check_server(target: str, place: BoardLocation, location: dict[str, str]) -> CheckReport:
    from renkei.store.board_store import BoardStore

    report = CheckReport(
        board=target,
        location=location,
        lock="",
    )
    _tell_place(report, place)
    report.integrity = [
        report.tell(
            Sentence(QT_TRANSLATE_NOOP("Refusal", "ok (the server keeps its own data sound)"))
        )
    ]
    report.lock = report.tell(
        Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal", "the server's own transactions (every save waits its turn there)"
            )
        )
    )
    store = BoardStore.open(target, create=False)
    try:
        with store.engine.connect() as conn:
            report.revision = migrate.inspect_database(conn, target)
    finally:
        store.dispose()
    return report
