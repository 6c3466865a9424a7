"""What a board's lease file says: who holds the board, since when, read and written as bytes.

The file itself and the taking of turns are in store/lease.py."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence

# A lease is padded to this size, so a rewrite never changes its length (a reader on another
# mount with cached attributes still reads it whole).
LEASE_BYTES = 1024

# What ``read_lease`` gives for a folder of the lock's name: SQLite's ``unix-dotfile`` lock of some
# other program. Never ours to take over.
FOLDER = b"\x00folder"


def lock_path(board: Path) -> Path:
    return board.with_name(board.name + ".lock")


def seen_path(board: Path) -> Path:
    """The note of which computers used the board lately (hidden: not a board, not a copy)."""
    return board.with_name(f".{board.name}.seen")


@dataclass(frozen=True)
class Holder:
    """Who holds (or held) a board's lease, as its lease file says."""

    machine: str
    host: str
    pid: int
    login: str
    person: str | None
    since: datetime  # aware, the holder's clock
    token: str
    took_over: str | None = None  # whose abandoned lease this one replaced

    @property
    def who(self) -> str:
        return self.person or self.login

    def words(self, board_name: str) -> str:
        return str(self.said(board_name))

    def said(self, board_name: str) -> Sentence:
        """Who holds the board, as a sentence told in the person's language."""
        since = self.since.astimezone().strftime("%H:%M")
        return Sentence(
            QT_TRANSLATE_NOOP("Refusal", "%1 is being changed by %2 on %3 since %4"),
            board_name,
            self.who,
            self.host,
            since,
        )

    def to_bytes(self, beat: int) -> bytes:
        data = {
            "renkei_lease": 1,
            "machine": self.machine,
            "host": self.host,
            "pid": self.pid,
            "login": self.login,
            "person": self.person,
            "since": self.since.isoformat(timespec="seconds"),
            "token": self.token,
            "beat": beat,
            "took_over": self.took_over,
        }
        # "replace": a name with a broken character (a lone surrogate) still makes a lease.
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8", "replace")
        if len(raw) > LEASE_BYTES:  # an absurdly long name: keep the lease parseable
            data["person"] = (self.person or "")[:100]
            data["took_over"] = (self.took_over or "")[:200]
            raw = json.dumps(data, ensure_ascii=False).encode("utf-8", "replace")
        return raw.ljust(LEASE_BYTES, b" ")


def parse(raw: bytes) -> Holder | None:
    """A lease's holder, or None for content that is not (yet) a whole lease."""
    try:
        data = json.loads(raw.decode())
        return Holder(
            machine=str(data["machine"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            login=str(data["login"]),
            person=data.get("person") or None,
            since=datetime.fromisoformat(data["since"]),
            token=str(data["token"]),
            took_over=data.get("took_over") or None,
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def read_lease(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read(LEASE_BYTES * 2)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        return FOLDER
    except OSError:
        return b""  # unreadable now (a share hiccup): treated as a lease that is changing


def current_holder(board: Path) -> Holder | None:
    """Who holds the board's lease right now, if anyone (for ``board check``)."""
    raw = read_lease(lock_path(board))
    return parse(raw) if raw else None
