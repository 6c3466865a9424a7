"""The last English fragments told in the person's language: why a lease was lost, what a
garbled board file holds, a server with no name, a board with no location, and the sync
problem the window and `renkei watch` show. ``str(error)`` stays the English."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from renkei.app.sync import BoardSync, SyncStatus
from renkei.cli import words
from renkei.cli.watch_commands import _SyncNotes
from renkei.domain.commands import Create
from renkei.domain.i18n import Sentence
from renkei.i18n.words import error_text
from renkei.store import lease
from renkei.store.board_store import BoardStore, Step, utcnow
from renkei.store.database import StorageError, storage_words
from renkei.store.feed import FILE_PATIENCE_SECONDS, SqliteWatch


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float = 0.5) -> None:
        self.now += seconds


def stranger_takes_the_lock(board: Path) -> None:
    other = lease.Holder(
        machine="YUKI-PC/abc",
        host="YUKI-PC",
        pid=4242,
        login="yuki",
        person="Yuki Tanaka",
        since=lease.datetime.now(lease.UTC),
        token="feedfacefeedface",
    )
    lease.lock_path(board).write_bytes(other.to_bytes(7))


def test_a_lease_taken_over_says_why_in_japanese(tmp_path, japanese):
    board = tmp_path / "team.renkei"
    store = BoardStore.open(board)
    try:
        with pytest.raises(StorageError) as refused:
            store.apply_steps(
                [Step((Create("team", (("name", "Lost"),)),), None, utcnow())],
                lambda: stranger_takes_the_lock(board),
            )
    finally:
        lease.lock_path(board).unlink()
        store.dispose()
    assert str(refused.value) == (
        "The board could not be reached; nothing was saved (Yuki Tanaka on YUKI-PC took the "
        "board's lock over, so this change was not committed (nothing was saved); try again)."
    )
    assert words.error_text(refused.value) == (
        "ボードに接続できませんでした。何も保存していません（YUKI-PC の Yuki Tanaka がボードの"
        "ロックを引き継ぎました。そのため、この変更は確定していません（何も保存していません）。"
        "もう一度試してください）。"
    )


def test_the_reasons_a_lease_is_lost_are_marked(tmp_path):
    board = tmp_path / "team.renkei"
    held = lease._Held(board, lease._new_holder(None))
    assert held.still_ours() is False  # no lock file at all
    assert isinstance(held.lost, Sentence)
    assert str(held.lost) == "its lock file was removed"
    lease.lock_path(board).write_bytes(b"")
    assert held.still_ours() is False
    assert str(held.lost) == "another program made a new lock file in place of this one"


@pytest.mark.parametrize(
    ("content", "english", "japanese_words"),
    [
        (b"", "0 bytes", "0バイト"),
        (b"SQLite format 3\x00" + b"\x00" * 20, "36 bytes", "36バイト"),
        (bytes(range(256)) * 16, "not SQLite", "SQLite のファイルではありません"),
    ],
    ids=["empty", "short header", "noise"],
)
def test_a_garbled_board_file_is_told_in_japanese(
    demo_store, japanese_ui, content, english, japanese_words
):
    board = Path(demo_store.location)
    clock = Clock()
    watch = SqliteWatch(board, clock=clock)
    try:
        assert watch.changed() is False
        board.write_bytes(content)
        watch.changed()
        clock.tick(FILE_PATIENCE_SECONDS)
        with pytest.raises(StorageError) as raised:
            watch.changed()
    finally:
        watch.close()
    assert str(raised.value) == (
        f"The board file {board} does not look like a board right now ({english}); if a sync "
        "client is still downloading it, Renkei reads it again once it is complete."
    )
    assert error_text(raised.value) == (
        f"ボードのファイル {board} は今ボードに見えません（{japanese_words}）。同期クライアントが"
        "ダウンロード中なら、終わりしだい Renkei が読み直します。"
    )


def test_the_sync_problem_is_told_by_the_window_and_the_command_line(
    demo_session, japanese_ui, monkeypatch, capsys
):
    board = Path(demo_session.store.location)
    clock = Clock()
    sync = BoardSync(demo_session, watcher=SqliteWatch(board, clock=clock))
    sync.start()
    try:
        board.write_bytes(b"")
        sync.tick()
        clock.tick(FILE_PATIENCE_SECONDS)
        sync.tick()
        state = sync.state
        assert state.status is SyncStatus.RECONNECTING
        english = (
            f"The board file {board} does not look like a board right now (0 bytes); if a "
            "sync client is still downloading it, Renkei reads it again once it is complete."
        )
        japanese_problem = (
            f"ボードのファイル {board} は今ボードに見えません（0バイト）。同期クライアントが"
            "ダウンロード中なら、終わりしだい Renkei が読み直します。"
        )
        assert state.problem == english
        assert state.problem_said(error_text) == japanese_problem
        # renkei watch's note on stderr, under a Japanese locale.
        monkeypatch.delenv("LANGUAGE", raising=False)
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.delenv("LC_MESSAGES", raising=False)
        monkeypatch.setenv("LANG", "ja_JP.UTF-8")
        words.begin()
        try:
            _SyncNotes(sync)(state)
        finally:
            words.end()
        wait = f"{sync.next_retry_seconds():g}"
        assert capsys.readouterr().err.strip() == (
            f"renkei: {japanese_problem.rstrip('。')}。{wait}秒後に再接続します…"
        )
    finally:
        sync.stop()


def test_a_server_without_a_name_and_a_board_without_a_location(japanese):
    refused = sqlite3.OperationalError("permission denied for table tasks")
    said = storage_words(refused, None)
    assert said is not None
    assert str(said) == (
        "your login on (the server) may read this board but not change it: ask the server's "
        "administrator for write access"
    )
    assert words.error_text(said) == (
        "（アドレス不明） のログインではこのボードを読めますが変更できません。サーバーの管理者に"
        "書き込み権限を依頼してください"
    )
    full = storage_words(sqlite3.OperationalError("database or disk is full"), None)
    assert full is not None
    assert str(full) == "the disk holding the board is full: free some space, then try again"
    assert words.error_text(full) == (
        "ボードのあるディスクがいっぱいです。空き領域を作ってから、もう一度試してください"
    )
    broken = storage_words(sqlite3.OperationalError("disk I/O error"), None)
    assert broken is not None
    assert words.error_text(broken) == (
        "ボードを読み書きできませんでした（ディスクの入出力エラー）。正常なディスクか共有フォルダー"
        "上のボードのファイルか確認してください"
    )
