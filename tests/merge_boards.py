"""A small board and its conflict copy, as a sync tool leaves them, with known edits on each
side (the merge tests, CLI and window, share them)."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from renkei.domain.commands import Create, SetFields
from renkei.store.board_store import BoardStore

T0 = datetime(2026, 12, 1, 9, 0)
# The copy's edits (Kenta Mori) and the board's (Yuki Tanaka), each at its own time.
K1, K2, K3, K4, K5 = (datetime(2026, 12, 7, 10, m) for m in (1, 2, 3, 4, 5))
Y1, Y2, Y3 = (datetime(2026, 12, 7, 11, m) for m in (1, 2, 3))
COPY_NAME = "team (Kenta Mori's conflicted copy 2026-12-07).renkei"


def status_id(store: BoardStore, name: str) -> int:
    return next(s.id for s in store.load().statuses.values() if s.name == name)


def make_shared(tmp_path: Path) -> tuple[BoardStore, BoardStore, Path]:
    """A small board with three tasks, and its byte-for-byte copy as a sync tool leaves it."""
    path = tmp_path / "team.renkei"
    store = BoardStore.open(path)
    todo = status_id(store, "To do")
    store.apply_all(
        [
            Create("team", (("name", "Sales"),)),
            Create("person", (("name", "Yuki Tanaka"),)),
            Create("person", (("name", "Kenta Mori"),)),
        ],
        None,
        T0,
    )
    for title, due in (("Proposal", date(2026, 12, 10)), ("Call list", None), ("Invoice", None)):
        store.apply(Create("task", (("title", title), ("status_id", todo), ("due", due))), 1, T0)
    copy_path = tmp_path / COPY_NAME
    shutil.copyfile(path, copy_path)
    copy = BoardStore.open(copy_path, create=False)
    return store, copy, copy_path


def edit_both(store: BoardStore, copy: BoardStore) -> None:
    yuki, kenta = 1, 2
    done = status_id(copy, "Done")
    # In the copy, Kenta: a title, a due date, two new tasks (the second waits on the first,
    # then is edited), and a card moved to Done.
    copy.apply(SetFields("task", 1, (("title", "Proposal v2"),)), kenta, K1)
    copy.apply(SetFields("task", 2, (("due", date(2026, 12, 20)),)), kenta, K2)
    copy.apply_all(
        [
            Create("task", (("title", "Follow-up"), ("status_id", 2))),
            Create("task", (("title", "Thank-you note"), ("status_id", 2), ("depends_on", (4,)))),
        ],
        kenta,
        K3,
    )
    copy.apply(SetFields("task", 4, (("progress", 40), ("depends_on", (1,)))), kenta, K4)
    copy.apply(SetFields("task", 3, (("status_id", done), ("position", 5000.0))), kenta, K5)
    # On the board, meanwhile, Yuki: another field of task 1, the same field of task 2, and
    # a task of her own that takes id 4 here.
    store.apply(SetFields("task", 1, (("due", date(2026, 12, 11)),)), yuki, Y1)
    store.apply(SetFields("task", 2, (("due", date(2026, 12, 15)),)), yuki, Y2)
    store.apply(Create("task", (("title", "Board task"), ("status_id", 2))), yuki, Y3)
