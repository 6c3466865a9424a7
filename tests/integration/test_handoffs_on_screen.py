"""The cards on screen get their handoff findings without the whole board's analysis: only
their part of the trail is read, and what they show is what a full analysis says."""

from __future__ import annotations

from renkei.app.handoff_analysis import analyse
from renkei.domain.commands import set_task


def spy_on_history(session) -> list[dict]:
    """Record every read of the trail the session's store makes."""
    calls: list[dict] = []
    read = session.store.history

    def recording(*args, **kwargs):
        calls.append(kwargs)
        return read(*args, **kwargs)

    session.store.history = recording
    return calls


def with_handoffs(session, count: int) -> list[int]:
    return sorted({h.task_id for h in session.board.handoffs.values()})[:count]


def test_the_findings_of_a_few_tasks_read_only_their_trail(demo_session):
    shown = with_handoffs(demo_session, 3)
    calls = spy_on_history(demo_session)
    partial = demo_session.handoffs_for(shown)
    assert calls, "the tasks' trail was read"
    # Beside those tasks' trail, only the people's team moves (silent handoffs name the
    # teams people were in at the time).
    task_reads = [call for call in calls if call.get("fields") != ("team_id",)]
    assert all(set(call["entity_ids"]) <= set(shown) for call in task_reads)
    full = analyse(demo_session, partial.now)
    for task_id in shown:
        assert partial.findings_of(task_id) == full.findings_of(task_id)
        assert partial.breaking_finding(task_id) == full.breaking_finding(task_id)
    assert dict(partial.waiting) == dict(full.waiting)


def test_tasks_asked_for_again_are_not_read_again(demo_session):
    shown = with_handoffs(demo_session, 4)
    first = demo_session.handoffs_for(shown)
    calls = spy_on_history(demo_session)
    assert demo_session.handoffs_for(shown[:2]) is first
    assert not calls


def test_the_whole_analysis_after_a_partial_one_covers_every_task(demo_session):
    demo_session.handoffs_for(with_handoffs(demo_session, 2))
    complete = demo_session.handoff_analysis()
    full = analyse(demo_session, complete.now)
    assert complete.findings == full.findings
    assert complete.entries == full.entries


def test_an_edited_task_on_screen_is_worked_out_again(demo_session):
    board = demo_session.board
    other = board.find_person("Shota Kobayashi")  # Customer Success: the task crosses teams
    quiet = next(
        t for t in board.tasks.values()
        if t.owner_id not in (None, other.id) and not board.handoffs_of(t.id)
    )  # fmt: skip
    before = demo_session.handoffs_for([quiet.id]).findings_of(quiet.id)
    assert "silent_handoff" not in {f.kind for f in before}
    demo_session.apply(set_task(quiet, owner_id=other.id), "Reassign")
    after = demo_session.handoffs_for([quiet.id]).findings_of(quiet.id)
    assert "silent_handoff" in {f.kind for f in after}
