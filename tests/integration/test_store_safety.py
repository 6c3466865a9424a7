"""A shared board file stays safe: damage is caught on open, sync-tool copies are noticed."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from renkei.store.board_store import BoardStore
from renkei.store.conflict_copies import conflict_copies
from renkei.store.migrate import BoardRefused


def test_damaged_board_is_refused_with_a_clear_message(demo_store, board_path):
    """A board whose pages were overwritten by garbage is refused, untouched, with advice."""
    demo_store.dispose()
    data = bytearray(board_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over the middle of the file, past the header page.
    middle = (len(data) // page_size // 2) * page_size
    data[middle : middle + page_size] = b"\x5a" * page_size
    board_path.write_bytes(bytes(data))
    before = board_path.read_bytes()
    with pytest.raises(BoardRefused) as refused:
        BoardStore.open(board_path)
    assert "damaged" in str(refused.value)
    assert board_path.read_bytes() == before


def test_healthy_board_passes_the_quick_check(demo_store, board_path):
    """The quick check on open accepts a good board (and the board opens)."""
    demo_store.dispose()
    reopened = BoardStore.open(board_path)
    assert len(reopened.load().tasks) >= 50
    reopened.dispose()
    # closing(): sqlite3's own `with` ends a transaction but leaves the connection open.
    with closing(sqlite3.connect(board_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize(
    "name",
    [
        "team (Haruka Aoki's conflicted copy 2026-11-27).renkei",
        "team.sync-conflict-20261127-101500-ABCDEFG.renkei",
        "team (conflicted copy 2026-11-27 101500).renkei",
        "team-Conflict.renkei",
    ],
)
def test_sync_conflict_copies_beside_the_board_are_found(board_path, name):
    """Copies named by Dropbox, Syncthing, Nextcloud and OneDrive are reported."""
    BoardStore.open(board_path).dispose()
    (board_path.parent / name).write_bytes(b"copy")
    assert [p.name for p in conflict_copies(board_path)] == [name]


def test_backups_and_other_boards_are_not_conflict_copies(board_path):
    """Migration backups and unrelated files are not mistaken for conflict copies."""
    BoardStore.open(board_path).dispose()
    (board_path.parent / f"{board_path.name}.before-0001-20261127-101500.bak").write_bytes(b"x")
    (board_path.parent / "other.renkei").write_bytes(b"x")
    assert conflict_copies(board_path) == []


def test_cli_warns_about_conflict_copies(demo_store, board_path, capsys):
    """Any command on a board with a sync conflict copy beside it warns on stderr."""
    from renkei.cli.main import main

    demo_store.dispose()
    copy = board_path.parent / f"{board_path.stem} (conflicted copy 2026-11-27).renkei"
    copy.write_bytes(board_path.read_bytes())
    assert main(["--board", str(board_path), "people", "--json"]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and copy.name in err
