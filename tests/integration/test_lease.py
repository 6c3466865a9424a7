"""The lease beside a board file: one holder at a time across processes (and machines), who
holds it said in words, an abandoned lease taken over and recorded, a lost lease never commits.

Two mounts whose locks do not cross are exercised by tests/faults/test_share.py; here the
holders are processes on this machine, which is enough for every rule of the lease itself."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from renkei.domain.commands import Create
from renkei.store import lease
from renkei.store.board_store import BoardStore
from renkei.store.database import BoardLocked, StorageError
from renkei.store.migrate import BoardBusy


@pytest.fixture
def board(tmp_path) -> Path:
    path = tmp_path / "team.renkei"
    store = BoardStore.open(path)
    store.apply(Create("team", (("name", "Marketing"),)), None)
    store.dispose()
    return path


def _holder_process(board: Path, person: str, seconds: float, beat: bool = True):
    """Another Renkei process that takes the board's lease and keeps it for ``seconds``."""
    script = textwrap.dedent(
        f"""
        import pathlib, sys, time
        from renkei.store import lease
        {"" if beat else "lease._start_beater = lambda: None  # a holder that shows no life"}
        lease.introduce({person!r})
        ticket = lease.acquire(pathlib.Path({str(board)!r}))
        print("held", flush=True)
        time.sleep({seconds})
        ticket.release()
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    return process


def _stop(process: subprocess.Popen) -> None:
    process.kill()
    process.wait()
    if process.stdout is not None:
        process.stdout.close()


def _stranger_lease(path: Path, host: str = "KENTA-PC", person: str = "Kenta Mori") -> None:
    """A lease another computer wrote and shows no life in (its process cannot be seen)."""
    other = lease.Holder(
        machine=f"{host}/abc",
        host=host,
        pid=4242,
        login=person.split()[0].lower(),
        person=person,
        since=lease.datetime.now(lease.UTC),
        token="feedfacefeedface",
    )
    lease.lock_path(path).write_bytes(other.to_bytes(7))


def test_no_lease_is_left_after_reads_and_writes(board):
    store = BoardStore.open(board)
    store.load()
    store.apply(Create("team", (("name", "Field Sales"),)), None)
    store.dispose()
    assert not lease.lock_path(board).exists()


def test_the_lease_is_held_for_the_whole_transaction(board):
    """From before SQLite opens the file to after it closes: another process sees it."""
    store = BoardStore.open(board)
    seen = {}

    def look() -> None:
        seen.update(json.loads(lease.lock_path(board).read_text()))

    from renkei.store.board_store import Step, utcnow

    store.apply_steps([Step((Create("team", (("name", "Sales"),)),), None, utcnow())], look)
    store.dispose()
    assert seen["pid"] == os.getpid()
    assert seen["host"] == socket.gethostname()
    assert not lease.lock_path(board).exists()


def test_opening_waits_for_the_holder_then_says_who_holds_it(board):
    holder = _holder_process(board, "Kenta Mori", 30)
    try:
        started = time.monotonic()
        with lease.patience(1.0), pytest.raises(BoardBusy) as refused:
            BoardStore.open(board)
        assert 0.9 <= time.monotonic() - started < 5
        since = json.loads(lease.lock_path(board).read_text())["since"]
        hhmm = lease.datetime.fromisoformat(since).astimezone().strftime("%H:%M")
        assert str(refused.value) == (
            f"team.renkei is being changed by Kenta Mori on {socket.gethostname()} since "
            f"{hhmm}; try again when they are done. Nothing was changed."
        )
    finally:
        _stop(holder)


def test_a_save_kept_waiting_says_nothing_was_saved(board):
    store = BoardStore.open(board)
    holder = _holder_process(board, "Kenta Mori", 30)
    try:
        with lease.patience(0.5), pytest.raises(BoardLocked) as refused:
            store.apply(Create("team", (("name", "Late"),)), None)
        assert "being changed by Kenta Mori" in str(refused.value)
        assert "nothing was saved" in str(refused.value)
        assert refused.value.holder is not None and refused.value.holder.pid == holder.pid
    finally:
        _stop(holder)
    assert "Late" not in {t.name for t in store.load().teams.values()}
    store.dispose()


def test_the_holder_keeps_its_lease_alive(board):
    holder = _holder_process(board, "Kenta Mori", 30)
    try:
        first = json.loads(lease.lock_path(board).read_text())["beat"]
        time.sleep(lease.BEAT_SECONDS * 2.5)
        later = json.loads(lease.lock_path(board).read_text())["beat"]
        assert later > first
    finally:
        _stop(holder)


def test_a_crashed_holder_on_this_computer_is_taken_over_at_once(board):
    holder = _holder_process(board, "Kenta Mori", 30)
    os.kill(holder.pid, signal.SIGKILL)
    _stop(holder)
    assert lease.lock_path(board).exists()  # left behind by the crash
    started = time.monotonic()
    store = BoardStore.open(board)
    store.apply(Create("team", (("name", "After"),)), None)
    assert time.monotonic() - started < 2
    store.dispose()
    (seen,) = [s for s in lease.recent_holders(board) if s.takeovers]
    assert "Kenta Mori" in seen.takeovers[-1][1]
    assert "its process had ended" in seen.takeovers[-1][1]


def test_a_silent_lease_of_another_computer_is_taken_over_after_the_stated_time(
    board, monkeypatch
):
    """Another computer's process cannot be looked at: only a lease that stopped changing for
    STALE_SECONDS (as seen here) is abandoned."""
    monkeypatch.setattr(lease, "STALE_SECONDS", 1.5)
    _stranger_lease(board)
    started = time.monotonic()
    store = BoardStore.open(board)
    assert 1.4 <= time.monotonic() - started < 6
    store.dispose()
    takeovers = [t for s in lease.recent_holders(board) for t in s.takeovers]
    assert any("Kenta Mori on KENTA-PC (process 4242): no sign of life" in t[1] for t in takeovers)


def test_a_live_lease_of_another_computer_is_never_taken_over(board, monkeypatch):
    """A holder whose lease keeps changing is waited for, however long, then named."""
    monkeypatch.setattr(lease, "STALE_SECONDS", 1.0)
    holder = _holder_process(board, "Kenta Mori", 30)  # beats every BEAT_SECONDS (2 s)
    try:
        monkeypatch.setattr(lease, "_MACHINE", "somewhere-else")  # its pid means nothing here
        monkeypatch.setattr(lease, "STALE_SECONDS", lease.BEAT_SECONDS * 2)
        with lease.patience(lease.BEAT_SECONDS * 4), pytest.raises(BoardBusy):
            BoardStore.open(board)
        assert json.loads(lease.lock_path(board).read_text())["pid"] == holder.pid
    finally:
        _stop(holder)


def test_a_lease_taken_over_mid_change_refuses_to_commit(board):
    """A holder that paused past the stale time (a laptop asleep mid-change) finds its lease
    gone at COMMIT: nothing is written, and it says so."""
    store = BoardStore.open(board)
    from renkei.store.board_store import Step, utcnow

    def taken_over() -> None:
        _stranger_lease(board, host="YUKI-PC", person="Yuki Tanaka")

    with pytest.raises(StorageError) as refused:
        store.apply_steps(
            [Step((Create("team", (("name", "Lost"),)),), None, utcnow())], taken_over
        )
    assert "Yuki Tanaka on YUKI-PC took the board's lock over" in str(refused.value)
    assert "nothing was saved" in str(refused.value)
    # The stranger's lease is left alone; once it is gone the board shows no trace of the change.
    assert json.loads(lease.lock_path(board).read_text())["login"] == "yuki"
    lease.lock_path(board).unlink()
    assert "Lost" not in {t.name for t in store.load().teams.values()}
    store.dispose()


def test_a_refused_file_gets_no_note_and_no_lease(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a board")
    with pytest.raises(Exception, match="not a Renkei board"):
        BoardStore.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_two_processes_writing_take_turns(board):
    """Eight processes × 15 writes on one file: every confirmed write is there once."""
    script = textwrap.dedent(
        f"""
        import sys
        from renkei.domain.commands import Create
        from renkei.store.board_store import BoardStore
        store = BoardStore.open({str(board)!r})
        for n in range(15):
            store.apply(Create("team", (("name", f"w{{sys.argv[1]}}-{{n}}"),)), None)
        print("done", flush=True)
        """
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(w)], stdout=subprocess.PIPE)
        for w in range(8)
    ]
    for writer in writers:
        out, _ = writer.communicate(timeout=120)
        assert writer.returncode == 0 and out.strip() == b"done"
    store = BoardStore.open(board)
    names = [t.name for t in store.load().teams.values()]
    revisions = [a.revision for a in store.history()]
    store.dispose()
    assert sorted(n for n in names if n.startswith("w")) == sorted(
        f"w{w}-{n}" for w in range(8) for n in range(15)
    )
    assert len(set(revisions)) == len(revisions) == 1 + 120  # one revision each, none twice
    assert not lease.lock_path(board).exists()


def test_the_live_feed_waits_for_a_busy_board_without_freezing(board):
    """A colleague's long save holds the lease: the window's poll gives up quickly, stays
    connected, and reads the change at a later tick."""
    from renkei.app.session import BoardSession
    from renkei.app.sync import BoardSync, SyncStatus

    store = BoardStore.open(board)
    session = BoardSession(store, None)
    sync = BoardSync(session)
    sync.start()
    other = BoardStore.open(board)
    other.apply(Create("team", (("name", "Inside Sales"),)), None)
    other.dispose()
    holder = _holder_process(board, "Kenta Mori", 30)
    try:
        started = time.monotonic()
        sync.tick()
        assert time.monotonic() - started < 2
        assert sync.state.status is SyncStatus.CONNECTED
        assert "Inside Sales" not in {t.name for t in session.board.teams.values()}
        sync.tick()  # still busy: nothing lost, nothing shown yet
        assert sync.state.status is SyncStatus.CONNECTED
    finally:
        _stop(holder)
    sync.tick()
    assert "Inside Sales" in {t.name for t in session.board.teams.values()}
    sync.stop()
    store.dispose()


def test_another_computers_lease_in_a_synced_folder_is_a_synced_file(tmp_path):
    """In a Dropbox or OneDrive folder each computer has its own copy of the board: a lease
    from another computer can only have come through the sync client, and is not waited for."""
    synced = tmp_path / "Sync"
    synced.mkdir()
    (synced / ".stfolder").mkdir()  # Syncthing's marker
    path = synced / "team.renkei"
    BoardStore.open(path).dispose()
    _stranger_lease(path)
    started = time.monotonic()
    store = BoardStore.open(path)
    store.load()
    store.dispose()
    assert time.monotonic() - started < 2
    assert not lease.lock_path(path).exists()


def test_short_waits_add_up_to_the_stale_time(board, monkeypatch):
    """A window's polls each wait a moment; together they see a silent lease for the stale
    time and the next one takes it over (a computer that vanished never blocks for ever)."""
    monkeypatch.setattr(lease, "STALE_SECONDS", 1.5)
    _stranger_lease(board)
    started = time.monotonic()
    refused = 0
    while True:
        try:
            with lease.patience(0.2):
                ticket = lease.acquire(board)
        except lease.LeaseBusy:
            refused += 1
            assert time.monotonic() - started < 5
            continue
        ticket.release()
        break
    assert refused >= 3  # each poll gave up after a moment …
    assert 1.4 <= time.monotonic() - started < 3  # … and together they waited 1.5 s


def test_a_script_waits_out_a_silent_holder_past_its_patience(board, monkeypatch):
    """A script's wait (the CLI's 20 s) outlasted by the stale time: a holder that shows no
    sign of life is waited out and taken over rather than left to block everyone."""
    monkeypatch.setattr(lease, "PATIENCE_SECONDS", 1.0)
    monkeypatch.setattr(lease, "STALE_SECONDS", 2.5)
    monkeypatch.setattr(lease, "BEAT_SECONDS", 0.2)
    _stranger_lease(board)
    started = time.monotonic()
    with lease.patience(1.0):
        ticket = lease.acquire(board)
    ticket.release()
    assert 2.4 <= time.monotonic() - started < 5


def test_an_empty_or_half_written_lock_file_in_place_of_ours_is_not_ours(board):
    """A lock file where ours was that is empty, or the start of someone else's lease, is a
    newcomer's between its create and its write: never taken for ours, so nothing commits
    while another holds the board. Ours read half-way through a beat still is ours."""
    path = lease.lock_path(board)
    ticket = lease.acquire(board)
    try:
        ours = path.read_bytes()
        path.write_bytes(ours[: ours.index(b'"beat"') + 3])  # our beat, read half-way
        ticket.confirm()
        stranger = lease.Holder(
            machine="KENTA-PC/1",
            host="KENTA-PC",
            pid=4242,
            login="kenta",
            person="Kenta Mori",
            since=lease.datetime.now(lease.UTC),
            token="0123456789abcdef",
        )
        for newcomer in (b"", stranger.to_bytes(0)[:60]):
            path.unlink()
            path.write_bytes(newcomer)
            lease._held[str(board)].lost = None
            with pytest.raises(lease.LeaseLost):
                ticket.confirm()
            assert path.read_bytes() == newcomer  # the newcomer's file is left alone
    finally:
        ticket.release()


def test_an_empty_lock_file_seen_long_ago_does_not_make_the_next_one_stale(board, monkeypatch):
    """Every newcomer's lock file is empty for a moment. One seen once, then nothing looked
    at for longer than the stale time, is not the same silent lease as the next newcomer's:
    that one is waited for, not moved aside (which would leave two holders)."""
    monkeypatch.setattr(lease, "STALE_SECONDS", 1.0)
    monkeypatch.setattr(lease, "LOOK_GAP_SECONDS", 0.3)
    path = lease.lock_path(board)
    path.write_bytes(b"")  # a newcomer between its create and its write
    with lease.patience(0.05), pytest.raises(lease.LeaseBusy):
        lease.acquire(board)
    path.unlink()
    time.sleep(1.2)  # this process looks at no lease for longer than the stale time
    path.write_bytes(b"")  # the next newcomer, caught in the same moment
    with lease.patience(0.2), pytest.raises(lease.LeaseBusy):
        lease.acquire(board)
    assert path.exists() and path.read_bytes() == b""
