"""Making a new board file: built beside its final name, renamed into place when complete.

Whoever makes a board (the first-run default board, File → New, ``board new``, ``demo``, an
import into a new path) fills it under a temporary name in the same folder. Only a finished
board ever appears under the real name: a process killed half-way leaves the target as it
was (missing), never an empty or half-filled board that a later run would take as real.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import socket
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.files import match_mode
from renkei.store import migrate
from renkei.store.lease import process_gone

if TYPE_CHECKING:
    from renkei.store.board_store import BoardStore

# A builder that stopped (killed, power cut) leaves its temporary file. A later builder of
# the same board removes it at once when it was this computer's and its process is gone, and
# after this long when it was another computer's (on a share its process cannot be seen).
STALE_SECONDS = 6 * 3600


class BoardExists(migrate.BoardRefused):
    """Someone else made a board at the target while this one was being built."""


def _host() -> str:
    return socket.gethostname().replace("-", "_") or "host"


def _temporary_name(path: Path) -> Path:
    # Hidden, and not starting with the board's name: never taken for a conflict copy. The
    # computer and process in the name tell a later builder whether its maker is gone.
    return path.with_name(f".{path.name}.new-{_host()}-{os.getpid()}-{secrets.token_hex(4)}")


def _maker_is_gone(leftover: Path) -> bool:
    parts = leftover.name.removesuffix("-journal").rsplit("-", 3)
    if len(parts) != 4 or parts[1] != _host() or not parts[2].isdigit():
        return False
    return process_gone(int(parts[2]))


def _sweep_stale(path: Path) -> None:
    now = time.time()
    for leftover in path.parent.glob(f".{path.name}.new-*"):
        with contextlib.suppress(OSError):
            if _maker_is_gone(leftover) or now - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink()


def _place(built: Path, target: Path) -> None:
    """Move the finished file to ``target`` unless something is there already.

    A hard link is atomic and refuses an existing name on every POSIX file system that has
    links; where there are none (some shares), a rename after a last look is the fallback.
    Windows' rename itself refuses an existing name."""
    if os.name == "nt":
        try:
            os.rename(built, target)
        except FileExistsError:
            raise _made_meanwhile(target) from None
        return
    try:
        os.link(built, target)
    except FileExistsError:
        raise _made_meanwhile(target) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        if target.exists():
            raise _made_meanwhile(target) from None
        os.rename(built, target)
        return
    built.unlink()


def _made_meanwhile(target: Path) -> BoardExists:
    return BoardExists(
        QT_TRANSLATE_NOOP(
            "Refusal", "%1 was made by someone else meanwhile; nothing was written to it."
        ),
        target.name,
    )


class NewBoard:
    """``with NewBoard(path, name) as new: fill(new.store)`` — the board appears at ``path``
    only when the block ends without an error (and ``discard()`` was not called)."""

    def __init__(self, path: Path, name: str, like: Path | None = None):
        self.path = Path(path)
        self.name = name
        self.like = like  # a board file whose mode the new one takes (a salvage of it)
        self.store: BoardStore | None = None
        self._building = _temporary_name(self.path)
        self._discard = False

    def __enter__(self) -> NewBoard:
        from renkei.store.board_store import BoardStore

        if not self.path.parent.is_dir():
            raise migrate.BoardRefused(
                QT_TRANSLATE_NOOP("Refusal", "The folder %1 does not exist."), self.path.parent
            )
        if self.path.exists():
            raise BoardExists(
                QT_TRANSLATE_NOOP("Refusal", "%1 exists already; a new board needs a new name."),
                self.path.name,
            )
        _sweep_stale(self.path)
        try:
            self.store = BoardStore.prepare_new(self._building, self.name)
            if self.like is not None:
                # Before any of the board's rows go in: a private board's copy is as private.
                match_mode(self._building, self.like)
        except BaseException:
            self._remove_building()
            raise
        return self

    def discard(self) -> None:
        """Throw the built board away at the end (a dry run)."""
        self._discard = True

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.store is not None:
            self.store.dispose()  # every connection closed before the file moves
        try:
            if kind is None and not self._discard:
                _place(self._building, self.path)
        finally:
            self._remove_building()

    def _remove_building(self) -> None:
        for leftover in (self._building, migrate.journal_of(self._building)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
