"""The store's errors, named for the layers above it: a window catches these through app and
never learns which database library raised them (the store words every error as its own).

``is_connection_lost`` and ``plain_reason`` are the two questions a window asks of one."""

from __future__ import annotations

from renkei.domain.commands import CommandError, ConflictError, ValidationError
from renkei.store.acting import NotAllowed
from renkei.store.confirm import CHANGE_ID, CouldNotConfirm, new_change_id
from renkei.store.database import BoardLocked, StorageError
from renkei.store.migrate import BoardDamaged, BoardEmpty, BoardRefused

__all__ = [
    "CHANGE_ID",
    "BoardDamaged",
    "BoardEmpty",
    "BoardLocked",
    "BoardRefused",
    "CommandError",
    "ConflictError",
    "CouldNotConfirm",
    "NotAllowed",
    "StorageError",
    "ValidationError",
    "is_connection_lost",
    "new_change_id",
    "plain_reason",
]


def is_connection_lost(error: BaseException) -> bool:
    """True for a failed write or read that means the board cannot be reached right now, or
    stayed locked by a colleague longer than we wait (not for a refused edit: those are
    CommandErrors and say what is wrong)."""
    if isinstance(error, NotAllowed):
        return False  # the server answered: it refused, and retrying will not change that
    return isinstance(error, StorageError | OSError)


def plain_reason(error: BaseException) -> str:
    """The cause in a line or two, in the driver's words, without the database library's
    wrapping ("(Background on this error …)")."""
    cause = getattr(error, "orig", None) or error
    lines = [
        line.strip()
        for line in str(cause).splitlines()
        if line.strip() and not line.strip().startswith("(Background on this error")
    ]
    text = ""
    for line in lines[:2]:
        joiner = " " if not text or text.endswith((".", "?", "!", ":", ";")) else ". "
        text = f"{text}{joiner}{line}" if text else line
    return text or type(error).__name__
