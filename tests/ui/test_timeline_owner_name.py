"""The timeline names a task's owner in full where a pill cannot: on hover and to a screen
reader when the row is current."""

from __future__ import annotations

from renkei.ui.timeline.view import TimelineView


def test_the_current_row_is_described_with_the_owners_full_name(qtbot, demo_session):
    view = TimelineView(demo_session)
    qtbot.addWidget(view)
    view.set_tasks(sorted(demo_session.board.tasks))
    person = demo_session.board.find_person("Emily Carter")
    task_id = next(t for t in view.shown_task_ids()
                   if demo_session.board.tasks[t].owner_id == person.id)  # fmt: skip
    assert view.face(task_id).owner_label == "Emily C."
    view.set_current_task(task_id)
    assert "Owner: Emily Carter" in view.accessibleDescription().splitlines()
    view.set_current_task(None)
    assert view.accessibleDescription() == ""
