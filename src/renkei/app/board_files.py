"""Whole-board work a window starts: the open board's store, copying a board to a server,
salvaging a damaged file, and how long a window waits for a colleague's lease. Reached
through app so the window never imports the store."""

from __future__ import annotations

from renkei.store import lease
from renkei.store.board_store import BoardStore
from renkei.store.copy import CopyReport, copy_board
from renkei.store.salvage import salvage_board

__all__ = ["BoardStore", "CopyReport", "copy_board", "salvage_board", "set_lease_patience"]


def set_lease_patience(seconds: float) -> None:
    """How long a save waits for a colleague holding a shared board file before it gives up
    (and the window keeps the edit as unsaved) rather than freezing the window."""
    lease.set_default_patience(seconds)
