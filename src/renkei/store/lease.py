"""Taking turns on a board file across machines: a lease file beside the board.

Two computers that mount one share often do not see each other's operating-system locks
(sshfs, many NAS and cloud mounts, some SMB setups), so SQLite's own locking cannot keep
them apart. A file can: ``team.renkei.lock`` is made with create-exclusive semantics
(``O_CREAT | O_EXCL``: atomic on local disks, SMB, NFS v3+ and SFTP), so of several
openers exactly one gets it. Every connection to a board file (reads, writes, the open
check, migrations, backups, copies) holds the lease from before SQLite opens the file until
it is closed; SQLite's own locks still keep the connections of one process apart.

The lease names who holds it (computer, process, login, person, since when) and its holder
rewrites it every ``BEAT_SECONDS`` (a "heartbeat") while it holds it. Another opener waits;
it takes a lease over only when it is abandoned:

- its holder ran on this computer, that process is gone (a crash, ``kill -9``) and the board is
  on this computer's own disk, or
- it came from another computer through a sync client (a synced folder holds each
  computer's own copy of the board), or
- its content has not changed for ``STALE_SECONDS`` as seen by the one waiting (another
  computer's process cannot be looked at; its clock is never compared with ours).

Taking over moves the abandoned lease aside under a unique name first, so of two takers only
one wins, and it is recorded (see ``recent_holders``). A holder checks that the lease is still
its own before every COMMIT (``BoardConnection.commit``): one that was taken over — a laptop
that slept mid-change — refuses to commit, so its change is truthfully "not saved".

Each computer also keeps its line in ``.team.renkei.seen`` fresh (at most once a minute, while
holding the lease) as it uses the board: ``renkei board check`` lists who had it open lately
and every takeover.

A lease cannot be made where the folder is read-only; then nobody can write the board from
here (SQLite needs its journal in that folder too), and reading goes ahead without one.

What a lease file says (``Holder``) is in store/lease_file.py; the note of who used the board
lately in store/lease_notes.py."""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import random
import secrets
import socket
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence
from renkei.store import lease_notes

# What a lease file says, and who had the board lately, live in rooms of their own; the names
# callers know are imported here as they always were.
from renkei.store.lease_file import FOLDER, read_lease
from renkei.store.lease_file import Holder as Holder
from renkei.store.lease_file import current_holder as current_holder
from renkei.store.lease_file import lock_path as lock_path
from renkei.store.lease_file import parse as parse
from renkei.store.lease_file import seen_path as seen_path
from renkei.store.lease_notes import Seen as Seen
from renkei.store.lease_notes import recent_holders as recent_holders
from renkei.store.lease_notes import using as using

# The holder rewrites its lease this often.
BEAT_SECONDS = 2.0
# A lease whose content has not moved for this long is abandoned. Far above the beat, so a
# busy or slow share never makes a live holder look dead.
STALE_SECONDS = 30.0
# Two looks at one lease content further apart than this are not one continuous watch of it
# (a window looks every half second while it waits; see _first_seen).
LOOK_GAP_SECONDS = 5.0
# How many times a holder reads an empty or unreadable lease (a share's hiccup) before it
# takes the lease for lost.
UNREADABLE_LOOKS = 3
# How long an opener waits for a live holder before saying who holds the board.
PATIENCE_SECONDS = 20.0
# The longest pause between two looks at a held lease (SQLite's own busy wait tops out at
# 100 ms too): longer pauses let a holder that saves again and again keep the board to itself.
MAX_WAIT_SECONDS = 0.1

_patience: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "lease_patience", default=None
)
_default_patience = PATIENCE_SECONDS


class LeaseBusy(Sentence):
    """Another program held the board's lease for longer than this one waited."""

    def __init__(self, said: Sentence, holder: Holder | None):
        super().__init__(said.text, *said.values)
        self.holder = holder


class LeaseLost(Sentence, sqlite3.OperationalError):
    """This connection's lease was taken over: it must not commit. Its words (why the lease
    is gone) are a marked sentence, told in the person's language where the refusal is shown."""


# -- who we are ------------------------------------------------------------------------------


def _machine_id() -> str:
    """This computer, as its leases name it: the host name, plus the OS's machine id where
    there is one (two computers may share a host name)."""
    for source in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        with contextlib.suppress(OSError):
            text = Path(source).read_text().strip()
            if text:
                return f"{socket.gethostname()}/{text[:12]}"
    return socket.gethostname()


_MACHINE = _machine_id()
_person: str | None = None


def introduce(person: str | None) -> None:
    """Name the person working in this process: a waiting colleague reads it in "team.renkei is
    being changed by Kenta Mori on KENTA-PC since 10:42"."""
    global _person
    _person = person or None


def _login() -> str:
    from renkei.store.acting import os_login

    return os_login() or "?"


def set_default_patience(seconds: float) -> None:
    """How long this process waits by default: a window waits less than a script (its
    unsaved-edit list keeps a change that could not wait, and tries it again)."""
    global _default_patience
    _default_patience = seconds


@contextlib.contextmanager
def patience(seconds: float) -> Iterator[None]:
    """Wait at most ``seconds`` for another holder in this thread's block (a poll that will
    simply look again at its next tick need not wait long)."""
    token = _patience.set(seconds)
    try:
        yield
    finally:
        _patience.reset(token)


# -- held leases, per process ----------------------------------------------------------------


class _Held:
    """A lease this process holds, shared by its connections (reference-counted)."""

    def __init__(self, board: Path, holder: Holder):
        self.board = board
        self.path = lock_path(board)
        self.holder = holder
        self.count = 0
        self.beat = 0
        self.beaten_at = time.monotonic()
        self.lost: Sentence | None = None  # why it is no longer ours

    def still_ours(self) -> bool:
        for look in range(UNREADABLE_LOOKS):
            if look:
                time.sleep(0.02)
            raw = read_lease(self.path)
            if raw is None:
                self.lost = Sentence(QT_TRANSLATE_NOOP("Refusal", "its lock file was removed"))
                return False
            other = parse(raw)
            if other is not None and other.token != self.holder.token:
                self.lost = Sentence(
                    QT_TRANSLATE_NOOP("Refusal", "%1 on %2 took the board's lock over"),
                    other.who,
                    other.host,
                )
                return False
            # Ours, or ours read half-way through a beat: a beat rewrites the same bytes but
            # the beat number, which comes after the token.
            if other is not None or self.holder.token.encode() in raw:
                return True
        # Empty, unreadable or someone else's lease half-written, look after look: another
        # program made a new lock file where ours was. Never take it for ours.
        self.lost = Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal", "another program made a new lock file in place of this one"
            )
        )
        return False

    def beat_now(self) -> None:
        if self.lost or not self.still_ours():
            return
        self.beat += 1
        with contextlib.suppress(OSError):
            fd = os.open(self.path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
            try:
                os.write(fd, self.holder.to_bytes(self.beat))
            finally:
                os.close(fd)
        self.beaten_at = time.monotonic()


_registry_lock = threading.Lock()
_held: dict[str, _Held] = {}
_path_locks: dict[str, threading.Lock] = {}
_folder_kinds: dict[str, str] = {}  # folder → where it lives (store/location.py)
# lock file → (content, first seen, last seen)
_seen_contents: dict[str, tuple[bytes, float, float]] = {}
_beater: threading.Thread | None = None


def _path_lock(key: str) -> threading.Lock:
    with _registry_lock:
        return _path_locks.setdefault(key, threading.Lock())


class Ticket:
    """One connection's share of a lease; ``release`` once, when the connection closes."""

    def __init__(self, held: _Held | None):
        self.held = held  # None: no lease (a folder we cannot write in)
        self._released = False

    def confirm(self) -> None:
        """Raise ``LeaseLost`` when the lease is no longer this process's (checked on disk)."""
        held = self.held
        if held is None:
            return
        if held.lost or not held.still_ours():
            raise LeaseLost(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "%1, so this change was not committed (nothing was saved); try again",
                ),
                held.lost,
            )

    def release(self) -> None:
        if self._released or self.held is None:
            return
        self._released = True
        _release(self.held)


def acquire(board: Path) -> Ticket:
    """Take (or join) this process's lease on ``board``; waits for another holder.

    Raises ``LeaseBusy`` naming the holder when it stayed busy for the patience in force."""
    key = str(board)
    chosen = _patience.get()
    seconds = _default_patience if chosen is None else chosen
    deadline = time.monotonic() + seconds
    # Another thread of this process may be waiting for the same lease: wait behind it, but
    # never longer in all than this thread's patience.
    path_lock = _path_lock(key)
    if not path_lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
        other = current_holder(board)
        raise LeaseBusy(_busy_words(board, other, 0.0), other)
    try:
        held = _held.get(key)
        if held is not None and not held.lost:
            held.count += 1
            return Ticket(held)
        # One who can wait as long as a script does also waits out a holder gone silent.
        holder = _wait_and_take(board, deadline, patient=seconds >= PATIENCE_SECONDS)
        if holder is None:
            return Ticket(None)  # a folder we cannot write: read without a lease
        held = _Held(board, holder)
        held.count = 1
        _held[key] = held
    finally:
        path_lock.release()
    _start_beater()
    if holder.took_over is not None:
        lease_notes.note_seen(board, holder, takeover=holder.took_over)
    elif lease_notes.in_use(board):
        lease_notes.note_seen(board, holder)
    return Ticket(held)


@contextlib.contextmanager
def holding(board: Path) -> Iterator[None]:
    """Hold (or join) the board's lease for a block that looks at the board's folder."""
    ticket = acquire(board)
    try:
        yield
    finally:
        ticket.release()


def held_here(board: Path) -> bool:
    """Whether some connection of this process holds the board's lease right now."""
    return str(board) in _held


def _release(held: _Held) -> None:
    key = str(held.board)
    with _path_lock(key):
        held.count -= 1
        if held.count > 0:
            return
        if _held.get(key) is held:
            del _held[key]
        if held.lost is None and held.still_ours():
            # OSError: a share that vanished (its lease is taken over once it goes stale).
            with contextlib.suppress(OSError):
                os.unlink(held.path)


def _new_holder(took_over: str | None) -> Holder:
    return Holder(
        machine=_MACHINE,
        host=socket.gethostname(),
        pid=os.getpid(),
        login=_login(),
        person=_person,
        since=datetime.now(UTC).astimezone(),
        token=secrets.token_hex(8),
        took_over=took_over,
    )


def _wait_and_take(board: Path, deadline: float, patient: bool) -> Holder | None:
    path = lock_path(board)
    took_over: str | None = None
    wait = 0.005
    while True:
        holder = _new_holder(took_over)
        try:
            fd = os.open(
                path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o644
            )
        except FileExistsError:
            pass
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT):
                return None  # read-only folder (or no folder): SQLite will say what it can
            raise
        else:
            try:
                # No fsync: others need it visible, not durable (close publishes it on NFS,
                # SMB and SFTP; after a power cut a lease is stale anyway). It costs 0.4 ms.
                os.write(fd, holder.to_bytes(0))
            finally:
                os.close(fd)
            return holder
        raw = read_lease(path)
        now = time.monotonic()
        if raw is None:
            # Released just now — or a network mount still lists a lease that is gone (sshfs
            # keeps names for 20 s): try again soon, not in a tight loop.
            if now >= deadline:
                raise LeaseBusy(_busy_words(board, None, 0.0), None)
            time.sleep(wait * (0.5 + random.random()))
            wait = min(wait * 2, MAX_WAIT_SECONDS)
            continue
        seen_since = _first_seen(path, raw, now)
        other = parse(raw)
        abandoned = now - seen_since >= STALE_SECONDS or (
            other is not None and _abandoned_at_once(board, other)
        )
        if abandoned and raw != FOLDER:
            gone = _take_over(path, raw, other, now - seen_since)
            if gone is not None:
                took_over = gone  # recorded in the new lease and, once held, in the note
                _seen_contents.pop(str(path), None)
            continue
        quiet = now - seen_since
        # A holder silent for several beats has likely stopped: one who can wait (a script)
        # waits until the lease is due to be taken over, rather than leave it to no one.
        if now >= deadline and not (patient and quiet >= BEAT_SECONDS * 3):
            raise LeaseBusy(_busy_words(board, other, quiet), other)
        time.sleep(wait * (0.5 + random.random()))
        wait = min(wait * 2, MAX_WAIT_SECONDS)


def _first_seen(path: Path, raw: bytes, now: float) -> float:
    """Since when this process has seen this very lease content: remembered across waits, so
    the short waits of a window's polls add up to the stale time as one long wait would.

    Only while it keeps looking: content last seen more than LOOK_GAP_SECONDS ago starts
    afresh. A lease always differs from every other (its token), but the empty file a new
    holder creates before it writes its lease does not: a process that saw one such file,
    then got the board at once for half a minute, would otherwise take the next newcomer's
    empty file for one silent since then, move it aside, and leave two holders."""
    key = str(path)
    known = _seen_contents.get(key)
    if known is None or known[0] != raw or now - known[2] > LOOK_GAP_SECONDS:
        _seen_contents[key] = (raw, now, now)
        return now
    _seen_contents[key] = (raw, known[1], now)
    return known[1]


def _busy_words(board: Path, other: Holder | None, quiet_for: float) -> Sentence:
    if other is None:
        return Sentence(
            QT_TRANSLATE_NOOP(
                "Refusal", "%1 is being changed by another program (its lock file is %2)"
            ),
            board.name,
            lock_path(board).name,
        )
    words = other.said(board.name)
    if quiet_for >= BEAT_SECONDS * 3:
        return Sentence(
            QT_TRANSLATE_NOOP("Refusal", "%1 (no sign of life for %2 s; taken over after %3 s)"),
            words,
            f"{quiet_for:.0f}",
            f"{STALE_SECONDS:.0f}",
        )
    return words


def _take_over(path: Path, raw: bytes, other: Holder | None, quiet_for: float) -> str | None:
    """Move an abandoned lease aside; the words for the record when it was the one judged
    abandoned, None when someone else moved it first."""
    aside = path.with_name(f"{path.name}.stale-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return None  # another taker was first
    moved = read_lease(aside)
    with contextlib.suppress(OSError):
        os.unlink(aside)
    if moved != raw:
        # Not the lease we judged: a new holder got in between. Its process finds, before
        # it commits, that its lease is gone, and says "not saved" — nothing is lost.
        return None
    if other is None:
        return f"an unreadable lock file, silent for {quiet_for:.0f} s"
    why = (
        "its process had ended"
        if other.machine == _MACHINE and process_gone(other.pid)
        else f"no sign of life for {quiet_for:.0f} s"
    )
    return f"{other.who} on {other.host} (process {other.pid}): {why}"


def _abandoned_at_once(board: Path, other: Holder) -> bool:
    """A lease that needs no waiting to be known abandoned:

    - its holder ran on this computer and has ended, and the folder is on this computer's
      own disk. Through a network mount this computer's view of the folder may lag (sshfs
      keeps names and sizes for 20 s): waiting STALE_SECONDS first lets it see the crashed
      writer's journal, and roll it back;
    - it was made on another computer and the folder is a synced one (Dropbox, OneDrive…):
      there each computer has its own copy of the board, so another computer's lease can
      only have arrived through the sync client."""
    from renkei.store.location import LOCAL, SYNCED

    kind = _place_kind(board)
    if other.machine == _MACHINE:
        return kind in (LOCAL, SYNCED) and process_gone(other.pid)
    return kind == SYNCED


def _place_kind(board: Path) -> str:
    from renkei.store.location import where

    key = str(board.parent)
    if key not in _folder_kinds:
        _folder_kinds[key] = where(str(board)).kind
    return _folder_kinds[key]


def process_gone(pid: int) -> bool:
    """True when process ``pid`` of this computer has ended (a zombie counts as ended)."""
    if os.name == "nt":
        return False  # os.kill(pid, 0) would end the process there; the time rule decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, someone else's
    with contextlib.suppress(OSError, IndexError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] == "Z"
    return False


# -- the heartbeat ---------------------------------------------------------------------------


def _start_beater() -> None:
    global _beater
    with _registry_lock:
        if _beater is not None and _beater.is_alive():
            return
        _beater = threading.Thread(target=_beat_forever, name="renkei-lease-beat", daemon=True)
        _beater.start()


def _beat_forever() -> None:
    while True:
        time.sleep(BEAT_SECONDS / 2)
        now = time.monotonic()
        for held in list(_held.values()):
            if now - held.beaten_at >= BEAT_SECONDS:
                with contextlib.suppress(Exception):
                    held.beat_now()


# -- connections -----------------------------------------------------------------------------


class BoardConnection(sqlite3.Connection):
    """An SQLite connection that holds the board's lease while it is open and confirms the
    lease is still its own before it commits."""

    ticket: Ticket

    def commit(self) -> None:
        if self.in_transaction:
            self.ticket.confirm()
        super().commit()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self.ticket.release()


def journal_is_there(board: Path) -> bool:
    """Whether a ``-journal`` really is beside the board; call it holding the lease.

    A network mount keeps the names it listed (sshfs for 20 s): a journal listed here while
    another computer was saving is still listed after that save removed it. SQLite would take
    it for the journal of a save that crashed, fail to open it, and refuse the board ("attempt
    to write a readonly database", "unable to open"). Opening it asks the share itself; one
    that is gone is then made forgotten by the mount: an empty file renamed onto the name and
    removed (the only step sshfs forgets a cached name by). Under the lease nobody else can
    be making a journal meanwhile, so the rename replaces nothing."""
    journal = board.with_name(board.name + "-journal")
    if not os.path.lexists(journal):
        return False
    try:
        with open(journal, "rb"):
            return True
    except FileNotFoundError:
        pass
    except OSError:
        return True  # there, though unreadable: SQLite says what it can
    stand_in = journal.with_name(f"{journal.name}.gone-{os.getpid()}-{secrets.token_hex(4)}")
    with contextlib.suppress(OSError):
        stand_in.write_bytes(b"")
        os.replace(stand_in, journal)
        os.unlink(journal)
    with contextlib.suppress(OSError):
        stand_in.unlink()  # only if the rename failed
    return False


def connect(board: Path, uri: str | None = None, **kwargs: Any) -> BoardConnection:
    """Open ``board`` with sqlite3 under its lease (``uri``: a ``file:`` URI of it, for modes),
    after making sure a journal this computer still lists is really there (journal_is_there)."""
    ticket = acquire(board)
    try:
        if ticket.held is not None:
            journal_is_there(board)
        if uri is not None:
            conn = sqlite3.connect(uri, uri=True, factory=BoardConnection, **kwargs)
        else:
            conn = sqlite3.connect(str(board), factory=BoardConnection, **kwargs)
    except BaseException:
        ticket.release()
        raise
    conn.ticket = ticket
    # A connection dropped without close() must not keep the lease for ever.
    weakref.finalize(conn, ticket.release)
    return conn
