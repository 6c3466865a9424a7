"""Who had a board open lately: each computer's line in ``.team.renkei.seen``, kept fresh
while it holds the board's lease (see store/lease.py), read by ``renkei board check``."""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from renkei.store.lease_file import Holder, seen_path

# How often a computer refreshes its note in the ``-seen`` folder while it uses the board.
SEEN_EVERY_SECONDS = 60.0

_seen_written: dict[str, float] = {}
_boards_in_use: set[str] = set()  # boards opened as boards (not a file being checked)


def using(board: Path) -> None:
    """This process works on ``board`` (it passed the open checks): from now on its leases
    keep this computer's line in the board's note of who used it. A file that was only looked
    at and refused gets no note."""
    _boards_in_use.add(str(board))


def note_seen(board: Path, holder: Holder, takeover: str | None = None) -> None:
    """Refresh this computer's line in ``.team.renkei.seen`` (at most once a minute, at once
    for a takeover). Called while holding the lease, so nobody else rewrites the note at the
    same moment; best effort: a board in a folder we may not write in still opens."""
    key = str(board)
    now = time.monotonic()
    if takeover is None and now - _seen_written.get(key, -1e9) < SEEN_EVERY_SECONDS:
        return
    _seen_written[key] = now
    target = seen_path(board)
    with contextlib.suppress(OSError, ValueError):
        notes = read_notes(target)
        me = f"{holder.host}\t{holder.login}"
        mine = notes.get(me, {})
        takeovers = list(mine.get("takeovers", []))[-4:]
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        if takeover is not None:
            takeovers.append({"at": stamp, "of": takeover})
        notes[me] = {
            "host": holder.host,
            "login": holder.login,
            "person": holder.person,
            "pid": holder.pid,
            "last": stamp,
            "takeovers": takeovers,
        }
        # Forget computers not seen for a month: the note stays small.
        notes = {k: v for k, v in notes.items() if _age_days(v.get("last")) < 31}
        data = json.dumps(notes, ensure_ascii=False).encode("utf-8", "replace")
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(data)
            os.replace(temporary, target)
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()


def read_notes(target: Path) -> dict[str, Any]:
    try:
        data = json.loads(target.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _age_days(stamp: object) -> float:
    if not isinstance(stamp, str):
        return 1e9  # a note without a time: as good as forgotten
    try:
        return (datetime.now(UTC) - datetime.fromisoformat(stamp)).total_seconds() / 86400
    except ValueError:
        return 1e9


@dataclass(frozen=True)
class Seen:
    host: str
    login: str
    person: str | None
    last: datetime  # aware, UTC
    takeovers: tuple[tuple[datetime, str], ...]


def recent_holders(board: Path) -> list[Seen]:
    """Every computer's line in the board's note of who used it, newest first."""
    found = []
    for data in read_notes(seen_path(board)).values():
        try:
            found.append(
                Seen(
                    host=str(data["host"]),
                    login=str(data["login"]),
                    person=data.get("person") or None,
                    last=datetime.fromisoformat(data["last"]),
                    takeovers=tuple(
                        (datetime.fromisoformat(t["at"]), str(t["of"]))
                        for t in data.get("takeovers", [])
                    ),
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return sorted(found, key=lambda seen: seen.last, reverse=True)


def in_use(board: Path) -> bool:
    """Whether this process opened ``board`` as a board (see ``using``)."""
    return str(board) in _boards_in_use
