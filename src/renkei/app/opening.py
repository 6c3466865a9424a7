"""Opening a board for a window or a CLI call: the default board is made with the demo."""

from __future__ import annotations

import locale
import os
from pathlib import Path

from renkei.app import paths
from renkei.demo.build import BOARD_NAMES, build_demo
from renkei.store.board_store import BoardStore
from renkei.store.migrate import conflict_copies


def system_language() -> str:
    """'ja' under a Japanese locale, else 'en' (LANGUAGE, LC_ALL, LC_MESSAGES, LANG order)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    code = locale.getlocale()[0] or ""
    return "ja" if code.lower().startswith("ja") else "en"


def open_store(target: str | None, create: bool = True) -> BoardStore:
    """The board at ``target`` (path or URL), or the default board, made with the demo story
    in the system's language on first run. ``create=False`` refuses a missing file, so a
    mistyped path in a script does not quietly make an empty board."""
    if target:
        return BoardStore.open(target, create=create)
    path = paths.default_board_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    language = system_language()
    store = BoardStore.open(path, name=BOARD_NAMES[language])
    if store.created:
        build_demo(store, language)
    return store


def conflict_copies_of(store: BoardStore) -> list[Path]:
    """Sync-tool conflict copies beside an SQLite board (edits in them are not in the board)."""
    if store.engine.dialect.name != "sqlite":
        return []
    return conflict_copies(Path(store.location))


def conflict_warning(copies: list[Path]) -> str:
    names = ", ".join(p.name for p in copies[:5]) + (" …" if len(copies) > 5 else "")
    return (
        f"{len(copies)} conflict cop{'y' if len(copies) == 1 else 'ies'} made by a sync tool "
        f"lie beside this board ({names}). Changes saved in them are not on the board "
        "yet: merge each with `renkei board merge COPY` (or open the board in the window, "
        "which offers to merge them)."
    )


def board_label(location: str) -> str:
    """A short name for a window title or a recent-boards menu."""
    if "://" in location:
        return location.rsplit("/", 1)[-1] or location
    return Path(location).stem
