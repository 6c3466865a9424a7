"""Where a board lives (local disk, network share, synced folder, server), for the window's
banner and status tooltip: the store's ``location`` module, reached through app."""

from __future__ import annotations

from renkei.store.location import (
    LOCAL,
    LOCK_TAKEOVER_SECONDS,
    SERVER,
    SHARE,
    SYNCED,
    BoardLocation,
    where,
)

__all__ = [
    "LOCAL",
    "LOCK_TAKEOVER_SECONDS",
    "SERVER",
    "SHARE",
    "SYNCED",
    "BoardLocation",
    "where",
]
