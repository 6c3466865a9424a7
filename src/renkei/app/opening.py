"""Opening a board for a window or a CLI call: the default board is made with the demo."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path

from renkei.app import paths
from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence
from renkei.domain.i18n import system_language as system_language  # the CLI's too
from renkei.store.board_store import BoardStore
from renkei.store.conflict_copies import conflict_copies, engine_query
from renkei.store.copy import copy_board
from renkei.store.database import is_url
from renkei.store.migrate import BoardEmpty
from renkei.store.new_board import BoardExists, NewBoard

Fill = Callable[[BoardStore], None]


def open_store(target: str | None, create: bool = True) -> BoardStore:
    """The board at ``target`` (path or URL), or the default board, made with the demo story
    in the system's language on first run. ``create=False`` refuses a missing file or an
    empty database, so a mistyped path in a script does not quietly make an empty board."""
    if target:
        return BoardStore.open(target, create=create)
    path = paths.default_board_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        language = system_language()
        with contextlib.suppress(BoardExists):  # another window made it first
            from renkei.demo.build import BOARD_NAMES, build_demo  # first run only

            make_board(str(path), BOARD_NAMES[language], lambda s: build_demo(s, language))
    return BoardStore.open(path, create=False)


def make_board(target: str, name: str, fill: Fill | None = None) -> str:
    """Make a board at ``target`` and fill it (the demo, an import…): all of it or nothing.

    A path that does not exist yet gets a board built beside it and renamed into place.
    Anything else — a server database, a board file nobody has used yet — must be empty or
    unused: the board is built in a temporary file, then copied in one transaction (the copy
    refuses a destination that holds work, or an empty file a sync client may be filling).
    Returns the board's location."""
    if not is_url(target):
        path = Path(target).expanduser().absolute()
        if not path.exists():
            with NewBoard(path, name) as new:
                if fill is not None:
                    assert new.store is not None  # open inside the block
                    fill(new.store)
            return str(path)
    with tempfile.TemporaryDirectory(prefix="renkei-") as folder:
        built = Path(folder) / "board.renkei"
        with NewBoard(built, name) as new:
            if fill is not None:
                assert new.store is not None  # open inside the block
                fill(new.store)
        return copy_board(str(built), target).destination


def work_on(target: str) -> Sentence | None:
    """What a board already holds that an explicit create must not overwrite ("60 tasks"),
    or None for a missing file, an empty database or a board nobody has used."""
    if not is_url(target) and not Path(target).expanduser().exists():
        return None
    try:
        store = BoardStore.open(target, create=False)
    except BoardEmpty:
        if is_url(target):
            return None
        raise
    try:
        board = store.load()
    finally:
        store.dispose()
    if board.tasks:
        return Sentence(QT_TRANSLATE_NOOP("Refusal", "%1 tasks"), len(board.tasks))
    if board.people or board.teams or board.revision:
        return Sentence(QT_TRANSLATE_NOOP("Refusal", "work (teams, people or history)"))
    return None


def conflict_copies_of(store: BoardStore) -> list[Path]:
    """Sync-tool conflict copies beside an SQLite board (edits in them are not in the board)."""
    if store.engine.dialect.name != "sqlite":
        return []
    return conflict_copies(Path(store.location), engine_query(store.engine))


def conflict_warning(copies: list[Path]) -> Sentence:
    names = ", ".join(p.name for p in copies[:5]) + (" …" if len(copies) > 5 else "")
    if len(copies) == 1:
        text = QT_TRANSLATE_NOOP(
            "Refusal",
            "1 conflict copy made by a sync tool lies beside this board (%2). Changes saved in "
            "it are not on the board yet: merge it with `renkei board merge COPY` (or open the "
            "board in the window, which offers to merge it).",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "Refusal",
            "%1 conflict copies made by a sync tool lie beside this board (%2). Changes saved "
            "in them are not on the board yet: merge each with `renkei board merge COPY` (or "
            "open the board in the window, which offers to merge them).",
        )
    return Sentence(text, len(copies), names)


def board_label(location: str) -> str:
    """A short name for a window title or a recent-boards menu."""
    if "://" in location:
        return location.rsplit("/", 1)[-1] or location
    return Path(location).stem
