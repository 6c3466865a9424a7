"""While the sync has lost the board, the views' reads (a task's trail, the handoff analysis
drawn on every card) give what was last read instead of waiting on a server that is not
there — on every paint, for seconds each."""

from __future__ import annotations

from datetime import timedelta

import pytest

from renkei.app.sync import BoardSync, SyncStatus
from renkei.store.database import StorageError


class GoneWatch:
    push = False

    def changed(self):
        raise StorageError("The board file cannot be read right now")

    def close(self):
        pass


@pytest.fixture
def offline(demo_session, monkeypatch):
    """The demo session, with a trail read once, then the board lost (every read fails)."""
    session = demo_session
    task_id = min(session.board.tasks)
    before = session.history(task_id)
    analysis = session.handoff_analysis()
    reads = []

    def unreachable(*args, **kwargs):
        reads.append(args)
        raise StorageError("cannot reach the board")

    sync = BoardSync(session, watcher=GoneWatch())
    sync.start()
    assert sync.state.status is SyncStatus.RECONNECTING and not session.reachable
    monkeypatch.setattr(session.store, "history", unreachable)
    return session, task_id, before, analysis, reads


def test_reads_while_offline_give_what_was_last_read(offline):
    session, task_id, before, analysis, reads = offline
    assert before and session.history(task_id) == before
    assert session.history(task_id + 1000) == []  # never read: nothing, not a wait
    later = session._now() + timedelta(minutes=5)  # past the analysis' minute
    session._now = lambda: later
    assert session.handoff_analysis() is analysis
    assert reads == []


def test_back_online_reads_again(offline, monkeypatch):
    session, task_id, _before, _analysis, reads = offline
    session.reachable = True  # BoardSync says so when the board is back
    with pytest.raises(StorageError):
        session.history(task_id)
    assert len(reads) == 1
