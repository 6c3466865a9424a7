"""Conflict copies of every sync tool, found beside a board; other boards and side files not."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

import pytest

from renkei.app.opening import conflict_copies_of
from renkei.demo.build import build_demo
from renkei.domain.commands import SetFields
from renkei.store.board_store import BoardStore
from renkei.store.conflict_copies import conflict_copies, merged_copy_path

# Names that say "conflict": found by their name alone, whatever is in the file.
NAMED = [
    # Dropbox, English and Japanese clients (a second copy the same day gets "(1)").
    "team (Kenta Mori's conflicted copy 2026-12-07).renkei",
    "team (Kenta Mori's conflicted copy 2026-12-07 (1)).renkei",
    "team (Kenta Mori の競合コピー 2026-12-07).renkei",
    "team (Kenta Moriの競合コピー 2026-12-07).renkei",
    # Box (a name that says it, as Box Drive users report).
    "team (Kenta Mori's conflicted copy).renkei",
    # Nextcloud / ownCloud 2.5+, with and without the user; before 2.5.
    "team (conflicted copy 2026-12-07 104212).renkei",
    "team (conflicted copy Kenta Mori 2026-12-07 104212).renkei",
    "team_conflict-20261207-104212.renkei",
    "team_conflict_kenta-20261207-104212.renkei",
    # Syncthing.
    "team.sync-conflict-20261207-104212-ABCDEFG.renkei",
    # Any casing: Windows and macOS names are case-insensitive.
    "Team (Kenta Mori's Conflicted Copy 2026-12-07).RENKEI",
]

# Names that may be a copy (OneDrive, Google Drive, iCloud Drive, Box numbering): found only
# when the file is a copy of this board.
AMBIGUOUS = [
    "team-KENTA-PC.renkei",  # OneDrive: the computer's name
    "team-KENTA-PC-2.renkei",  # OneDrive: the next one from that computer
    "team (1).renkei",  # Google Drive, OneDrive, Box
    "team 2.renkei",  # iCloud Drive
]

# Never a conflict copy: the board's own side files, other extensions, other boards' names.
NEVER = [
    "team.renkei-journal",
    "team.renkei.lock",
    ".team.renkei.new-3f2a9c",
    "team.renkei.before-0004-20261207-104212.bak",
    "team (Kenta Mori's conflicted copy 2026-12-07).merged-20261207-104212.renkei-copy",
    "team (Kenta Mori's conflicted copy 2026-12-07).renkei.bak",
    "team (conflicted copy 2026-12-07 104212).txt",
    "team.sync-conflict-20261207-104212-ABCDEFG.csv",
    "other (conflicted copy 2026-12-07).renkei",
    "teammates conflict list.renkei",
    "team notes.renkei",
    "team (draft).renkei",
    "team.renkei",
]


@pytest.fixture
def demo_board(board_path):
    store = BoardStore.open(board_path)
    build_demo(store, "en", today=date(2026, 12, 7))
    store.dispose()
    return board_path


def _copy_and_edit(board: Path, name: str, title: str = "Edited on the other laptop") -> Path:
    """What a sync tool leaves: the file as it was, then changed on the other machine."""
    copy = board.parent / name
    shutil.copyfile(board, copy)
    store = BoardStore.open(copy, create=False)
    try:
        store.apply(SetFields("task", 1, (("title", title),)), 1, datetime(2026, 12, 7, 10, 42))
    finally:
        store.dispose()
    return copy


@pytest.mark.parametrize("name", NAMED)
def test_a_name_that_says_conflict_is_found_by_name(board_path, name):
    """Dropbox (en, ja), Box, Nextcloud, ownCloud and Syncthing copies are found by name."""
    BoardStore.open(board_path).dispose()
    (board_path.parent / name).write_bytes(b"not even SQLite")
    assert [p.name for p in conflict_copies(board_path)] == [name]


@pytest.mark.parametrize("name", AMBIGUOUS)
def test_an_ambiguous_name_is_found_when_the_file_is_a_copy(demo_board, name):
    """OneDrive, Google Drive and iCloud copies are found: a file copy, then edited."""
    copy = _copy_and_edit(demo_board, name)
    assert conflict_copies(demo_board) == [copy]


@pytest.mark.parametrize("name", AMBIGUOUS)
def test_an_ambiguous_name_on_another_board_is_not_a_copy(demo_board, name):
    """A different board named like a copy (budget 2, plan-2027) is left alone."""
    other = BoardStore.open(demo_board.parent / name)
    build_demo(other, "en", today=date(2026, 12, 7))
    other.dispose()
    assert conflict_copies(demo_board) == []


def test_a_copy_with_nothing_new_is_not_flagged_until_it_changes(demo_board):
    """A backup or macOS's "Keep both" of an unchanged board holds nothing to merge."""
    copy = demo_board.parent / "team 2.renkei"
    shutil.copyfile(demo_board, copy)
    assert conflict_copies(demo_board) == []
    store = BoardStore.open(copy, create=False)
    store.apply(SetFields("task", 2, (("progress", 35),)), 1, datetime(2026, 12, 7, 10, 42))
    store.dispose()
    assert conflict_copies(demo_board) == [copy]


def test_an_old_copy_the_board_has_moved_past_is_not_flagged(demo_board):
    """Everything in it is on the board already (the board went on after the copy)."""
    shutil.copyfile(demo_board, demo_board.parent / "team (1).renkei")
    store = BoardStore.open(demo_board, create=False)
    try:
        store.apply(SetFields("task", 2, (("progress", 35),)), 1, datetime(2026, 12, 7, 10, 42))
        assert conflict_copies_of(store) == []
    finally:
        store.dispose()
    assert conflict_copies(demo_board) == []


def test_same_identity_but_another_history_is_not_a_copy(demo_board):
    """The board row alone is not enough: the first Activity rows must be the same."""
    copy = _copy_and_edit(demo_board, "team (1).renkei")
    assert conflict_copies(demo_board) == [copy]
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("UPDATE activity SET new = 'another story' WHERE id = 1")
        conn.commit()
    assert conflict_copies(demo_board) == []


@pytest.mark.parametrize(
    "change", ["name = 'Team (2027)'", "created_at = '2026-12-07 10:42:12.000001'"]
)
def test_same_history_but_another_board_row_is_not_a_copy(demo_board, change):
    """The history alone is not enough either: the board's name and moment must match."""
    copy = _copy_and_edit(demo_board, "team-KENTA-PC.renkei")
    assert conflict_copies(demo_board) == [copy]
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute(f"UPDATE board SET {change}")
        conn.commit()
    assert conflict_copies(demo_board) == []


def test_an_ordinary_board_ending_in_a_number_is_not_flagged(tmp_path):
    """plan-2027.renkei and plan 2.renkei beside plan.renkei are boards of their own."""
    boards = [tmp_path / n for n in ("plan.renkei", "plan-2027.renkei", "plan 2.renkei")]
    for path in boards:
        store = BoardStore.open(path)
        build_demo(store, "en", today=date(2026, 12, 7))
        store.dispose()
    assert conflict_copies(boards[0]) == []
    # The other way round too: plan.renkei is not a copy of plan-2027.renkei.
    assert conflict_copies(boards[1]) == []


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"this is a text file, not a board",
        b"SQLite format 3\x00" + b"\xff" * 3000,  # an SQLite header over broken pages
    ],
    ids=["empty", "text", "broken-sqlite"],
)
@pytest.mark.parametrize("name", AMBIGUOUS)
def test_a_broken_file_with_an_ambiguous_name_is_not_flagged(demo_board, name, content):
    """A file that cannot be read as a board is just not a copy: no error, nothing changed."""
    odd = demo_board.parent / name
    odd.write_bytes(content)
    assert conflict_copies(demo_board) == []
    assert odd.read_bytes() == content
    # Nothing new beside the board (its note of who used it, store/lease.py, aside).
    beside = sorted(p.name for p in demo_board.parent.iterdir() if not p.name.endswith(".seen"))
    assert beside == sorted([demo_board.name, name])


def test_an_sqlite_file_that_is_not_a_board_is_not_flagged(demo_board):
    other = demo_board.parent / "team (1).renkei"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE notes (text)")
        conn.commit()
    assert conflict_copies(demo_board) == []


def test_a_half_copied_board_is_not_flagged(demo_board):
    """A copy the sync tool is still writing (cut short) is not reported, and not a crash."""
    data = demo_board.read_bytes()
    (demo_board.parent / "team 2.renkei").write_bytes(data[: len(data) // 3])
    assert conflict_copies(demo_board) == []


def test_side_files_and_other_names_are_never_copies(demo_board):
    """Journal, lock, lock-seen folder, build files, backups and merged copies are skipped."""
    for name in NEVER[:-1]:
        shutil.copyfile(demo_board, demo_board.parent / name)
    seen = demo_board.parent / "team.renkei.lock-seen"
    seen.mkdir()
    shutil.copyfile(demo_board, seen / "team (1).renkei")
    shutil.copyfile(demo_board, seen / "team (conflicted copy 2026-12-07 104212).renkei")
    (demo_board.parent / "team (conflicted copy 2026-12-07 104212).renkei").mkdir()
    assert conflict_copies(demo_board) == []


def test_the_open_store_reads_the_board_through_its_own_connection(demo_board):
    """conflict_copies_of(store) checks ambiguous names against the open board."""
    copy = _copy_and_edit(demo_board, "team-KENTA-PC.renkei")
    named = demo_board.parent / "team (Kenta Mori's conflicted copy 2026-12-07).renkei"
    named.write_bytes(b"x")
    other = BoardStore.open(demo_board.parent / "team 2.renkei")
    build_demo(other, "en", today=date(2026, 12, 7))
    other.dispose()
    store = BoardStore.open(demo_board, create=False)
    try:
        assert conflict_copies_of(store) == sorted([copy, named])
    finally:
        store.dispose()


def test_a_merged_copy_is_kept_under_a_name_never_found_again(demo_board):
    copy = _copy_and_edit(demo_board, "team-KENTA-PC.renkei")
    aside = merged_copy_path(copy, datetime(2026, 12, 7, 10, 42, 12))
    assert aside.name == "team-KENTA-PC.merged-20261207-104212.renkei-copy"
    copy.rename(aside)
    assert conflict_copies(demo_board) == []


def test_a_folder_of_2000_files_is_listed_fast(demo_board, capsys):
    """Only names that fit a pattern are opened: 2,000 other files cost milliseconds."""
    folder = demo_board.parent
    for i in range(1000):
        (folder / f"photo-{i:04d}.jpg").write_bytes(b"x")
        (folder / f"board {i:04d}.renkei").write_bytes(b"x")
    copy = _copy_and_edit(demo_board, "team-KENTA-PC.renkei")
    named = folder / "team.sync-conflict-20261207-104212-ABCDEFG.renkei"
    named.write_bytes(b"x")
    conflict_copies(demo_board)  # the folder's listing in the OS cache, as on a second open
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        found = conflict_copies(demo_board)
        runs.append(time.perf_counter() - start)
    assert found == sorted([copy, named])
    best = min(runs)
    with capsys.disabled():
        print(f"\nconflict_copies over {len(os.listdir(folder))} files: {best * 1000:.1f} ms")
    assert best < 0.25


# -- the command line, end to end ---------------------------------------------------------------


def _renkei(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", *argv],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


def test_a_onedrive_copy_is_warned_about_and_merged_with_the_cli(demo_board):
    """`renkei board copy` makes the other laptop's file, an edit goes into it, the CLI warns
    about it by name with `renkei board merge`, and the merge brings the edit to the board."""
    copy = demo_board.parent / "team-KENTA-PC.renkei"
    before = BoardStore.open(demo_board, create=False)
    assert before.load().tasks[1].progress != 70
    before.dispose()
    made = _renkei("board", "copy", str(demo_board), str(copy))
    assert made.returncode == 0, made.stderr
    edit = _renkei("--board", str(copy), "--as", "Daiki Sato", "task", "set", "1", "progress=70")
    assert edit.returncode == 0, edit.stderr

    warned = _renkei("--board", str(demo_board), "people")
    assert warned.returncode == 0, warned.stderr
    assert "1 conflict copy" in warned.stderr
    assert copy.name in warned.stderr and "renkei board merge" in warned.stderr

    merged = _renkei("--board", str(demo_board), "board", "merge", str(copy))
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.startswith("1 change by Daiki Sato merged")
    store = BoardStore.open(demo_board, create=False)
    try:
        assert store.load().tasks[1].progress == 70
    finally:
        store.dispose()
    assert not copy.exists()
    quiet = _renkei("--board", str(demo_board), "people")
    assert quiet.returncode == 0 and quiet.stderr == ""
