"""The session's handoff analysis after edits: only the touched tasks are analysed again,
and the result is always what a full analysis of the same board gives."""

from __future__ import annotations

from datetime import timedelta

from renkei.app.handoff_analysis import analyse
from renkei.app.session import BoardSession
from renkei.domain import handoff_commands as ho
from renkei.domain.commands import SetFields, set_task
from renkei.store.board_store import utcnow


def same_as_full(session: BoardSession) -> None:
    cached = session.handoff_analysis()
    full = analyse(session, cached.now)
    assert cached.findings == full.findings
    assert cached.entries == full.entries
    assert cached.matrix == full.matrix
    assert dict(cached.waiting) == dict(full.waiting)


def test_incremental_analysis_matches_a_full_one(demo_store):
    clock = [utcnow()]
    board = demo_store.load()
    session = BoardSession(
        demo_store, board.find_person("Misaki Nakamura").id, now=lambda: clock[0]
    )
    same_as_full(session)
    task = next(t for t in session.board.tasks.values() if t.title.startswith("Confirm consent"))
    waiting = session.board.open_handoff(task.id)
    session.apply_all(
        ho.accept(session.board, waiting.id, actor_id=session.actor_id, at=clock[0]), "Accept"
    )
    same_as_full(session)  # no longer waiting; owner moved without a silent finding
    other = session.board.find_person("Shota Kobayashi")  # Customer Success: crosses teams
    quiet = next(t for t in session.board.tasks.values() if t.owner_id not in (None, other.id))
    session.apply(set_task(quiet, owner_id=other.id), "Reassign")
    assert any(
        f.kind == "silent_handoff" and f.task_id == quiet.id
        for f in session.handoff_analysis().findings
    )
    same_as_full(session)
    session.undo()
    same_as_full(session)
    # Renaming a team rewrites every sentence that names it.
    team = session.board.find_team("Inside Sales")
    session.apply(
        SetFields("team", team.id, (("name", "Sales Development"),), (("name", team.name),))
    )
    assert any("Sales Development" in f.detail for f in session.handoff_analysis().findings)
    same_as_full(session)
    # Time passes: a handoff sent now is dropped three days later, with nothing edited.
    recap = next(t for t in session.board.tasks.values() if t.title.startswith("Publish webinar"))
    yuki = session.board.find_person("Yuki Tanaka")
    session.apply_all(
        ho.send(session.board, recap.id, yuki.id, "lead", actor_id=recap.owner_id, at=clock[0]),
        "Send",
    )
    assert "dropped" not in {f.kind for f in session.handoff_analysis().findings_of(recap.id)}
    clock[0] += timedelta(days=3)
    assert "dropped" in {f.kind for f in session.handoff_analysis().findings_of(recap.id)}
    same_as_full(session)


def test_an_unchanged_board_is_not_analysed_again(demo_session, monkeypatch):
    first = demo_session.handoff_analysis()
    monkeypatch.setattr(demo_session.store, "history", lambda *a, **k: 1 / 0)
    assert demo_session.handoff_analysis() is first
