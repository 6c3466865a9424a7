"""`renkei board check`: where the board lives, its lock and holder, an unfinished change undone,
integrity, revision, conflict copies, who used it lately; exit 1 when a person must act."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from damage import interrupt_a_writer
from renkei.store import lease, migrate
from renkei.store.board_check import check_board
from renkei.store.board_store import BoardStore


def test_a_healthy_board_needs_nothing(board, run):
    result = run("board", "check", board)
    assert result.code == 0, result.out + result.err
    lines = result.out.splitlines()
    assert lines[0] == f"Board:      {board}"
    assert lines[1].startswith("Where:      on this computer's disk")
    assert "Lock:       a lease file beside the board (team.renkei.lock)" in result.out
    assert "Integrity:  ok" in result.out
    assert f"Schema:     revision {migrate.head_revision()} (this Renkei's)" in result.out
    assert "Copies:     none beside it" in result.out
    assert lines[-1] == "Nothing needs attention."


def test_the_json_report(board, run):
    run("--board", board, "--as", "Yuki Tanaka", "tasks")  # someone uses the board
    result = run("--board", board, "board", "check", "--json")
    assert result.code == 0
    report = json.loads(result.out)
    assert report["location"]["kind"] == "local"
    assert report["integrity"] == ["ok"]
    assert report["revision"] == report["this_build"] == migrate.head_revision()
    assert report["holder"] is None and report["unfinished_change"] is None
    assert report["conflict_copies"] == [] and report["needs_attention"] == []
    # Using the board left this computer's line in the note (the check itself leaves none).
    assert [(m["login"], m["person"]) for m in report["recent_machines"]] == [
        (lease._login(), "Yuki Tanaka")
    ]


def test_an_unfinished_change_is_found_and_undone(board, run):
    path = Path(board)
    interrupt_a_writer(path)
    result = run("board", "check", board, "--json")
    report = json.loads(result.out)
    assert result.code == 0  # undone: nothing is left for a person to do
    assert report["unfinished_change"].startswith("undone: a program that stopped mid-change")
    assert report["integrity"] == ["ok"]
    assert not migrate.journal_of(path).exists()


def test_a_conflict_copy_needs_a_person(board, run):
    path = Path(board)
    copy = path.with_name("team (Kenta Mori's conflicted copy 2026-12-07).renkei")
    shutil.copyfile(path, copy)
    result = run("board", "check", board)
    assert result.code == 1
    assert f"Copies:     {copy.name}" in result.out
    assert "Needs attention:" in result.out
    assert "`renkei board merge` brings them in" in result.out


def test_a_damaged_board_needs_a_person_and_is_left_as_it_is(board, run):
    path = Path(board)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xff" * 200  # a torn b-tree page
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    result = run("board", "check", board, "--json")
    report = json.loads(result.out)
    assert result.code == 1
    assert "renkei board salvage" in report["needs_attention"][0]
    assert path.read_bytes() == before


def test_the_holder_of_the_lock_is_named(board):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import pathlib, time
                from renkei.store import lease
                lease.introduce("Kenta Mori")
                lease.acquire(pathlib.Path({board!r}))
                print("held", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with lease.patience(0.5):
            report = check_board(board)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert report.holder is not None and report.holder["person"] == "Kenta Mori"
    assert report.holder["pid"] == holder.pid
    assert report.needs_attention[0].startswith("team.renkei is being changed by Kenta Mori on ")


def test_a_takeover_is_listed(board):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import pathlib, os\nfrom renkei.store import lease\nlease.introduce('Yuki Tanaka')\n"
            f"lease.acquire(pathlib.Path({board!r}))\nos._exit(9)\n",
        ]
    )
    holder.wait()
    assert lease.lock_path(Path(board)).exists()
    report = check_board(board)
    assert any(
        "took over the lock of Yuki Tanaka" in t and "its process had ended" in t
        for t in report.takeovers
    )
    assert report.needs_attention == []


def test_a_board_in_a_synced_folder_says_so(board, tmp_path, run):
    synced = tmp_path / "Sync"
    synced.mkdir()
    (synced / ".stfolder").mkdir()
    target = synced / "team.renkei"
    shutil.copyfile(board, target)
    result = run("board", "check", str(target), "--json")
    report = json.loads(result.out)
    assert report["location"]["kind"] == "synced"
    assert report["location"]["detail"] == "Syncthing"
    assert "conflict copy" in report["location"]["meaning"]


def test_a_server_board(pg_url, run):
    store = BoardStore.open(pg_url)
    store.dispose()
    result = run("board", "check", pg_url, "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["location"]["kind"] == "server"
    assert report["revision"] == migrate.head_revision()


def test_no_board_there(tmp_path, run):
    result = run("board", "check", str(tmp_path / "typo.renkei"))
    assert result.code == 1
    assert "There is no board at" in result.err
    assert list(tmp_path.iterdir()) == []
