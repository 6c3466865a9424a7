"""The demo boards, each built once per test run and copied for every test that uses one.

Building the demo replays its story through some 250 commits (about 3 s); copying the built
file with SQLite's backup API takes milliseconds. Each copy is a new file of its own: no
lease (``NAME.lock``), no note of who used it, nothing shared with another test."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from clock import NOW, TODAY
from renkei.demo.build import build_demo
from renkei.store.board_store import BoardStore


class DemoBoards:
    """Demo boards built on the tests' day (tests/clock.py) in ``folder``, at most once per
    language and board name."""

    def __init__(self, folder: Path):
        self.folder = folder

    def template(self, lang: str, name: str) -> Path:
        """The built board, read-only by agreement: tests get copies."""
        path = self.folder / lang / name / "board.renkei"
        if not path.exists():
            path.parent.mkdir(parents=True)
            store = BoardStore.open(path, name=name)
            try:
                build_demo(store, lang, today=TODAY, now=NOW)
            finally:
                store.dispose()
        return path

    def copy(self, target: Path, lang: str = "en", name: str | None = None) -> Path:
        """A private copy of the demo at ``target``; its board is called ``name``, by default
        what a board made at ``target`` is called (the file's stem)."""
        copy_board(self.template(lang, name or target.stem), target)
        return target


def copy_board(source: Path, target: Path) -> None:
    """``source`` copied page by page into a new file at ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise FileExistsError(target)
    with (
        contextlib.closing(sqlite3.connect(source)) as reading,
        contextlib.closing(sqlite3.connect(target)) as writing,
    ):
        reading.backup(writing)
