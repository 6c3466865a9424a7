"""Whole-board work a window or a command starts: the open board's store, making a new board,
copying a board to a server, salvaging a damaged file, checking a board's health, and how long
a window waits for a colleague's lease. Reached through app so the window and the CLI never
import the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from renkei.store import lease
from renkei.store.activity_feed import ACTIVITY_PAGE
from renkei.store.board_store import BoardStore, utcnow
from renkei.store.copy import CopyReport, copy_board
from renkei.store.database import is_url
from renkei.store.new_board import NewBoard
from renkei.store.salvage import salvage_board

if TYPE_CHECKING:
    from renkei.store.board_check import CheckReport

__all__ = [
    "ACTIVITY_PAGE",
    "BoardStore",
    "CopyReport",
    "NewBoard",
    "check_board",
    "copy_board",
    "introduce",
    "is_url",
    "salvage_board",
    "set_lease_patience",
    "utcnow",
]


def check_board(target: str) -> CheckReport:
    """Everything about a board's health in one look (imported only when asked for)."""
    from renkei.store.board_check import check_board as check

    return check(target)


def introduce(person: str | None) -> None:
    """Whom this process works for, named to a colleague kept waiting by its lease."""
    lease.introduce(person)


def set_lease_patience(seconds: float) -> None:
    """How long a save waits for a colleague holding a shared board file before it gives up
    (and the window keeps the edit as unsaved) rather than freezing the window."""
    lease.set_default_patience(seconds)
