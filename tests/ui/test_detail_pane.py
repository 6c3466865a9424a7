"""The detail pane: whom to ask, what is at risk and why, what it waits for, and its history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

import clock
from renkei.domain.commands import set_task
from renkei.ui.board_events import BoardEvents
from renkei.ui.detail_pane import TaskDetailPane


def english_day(day, today):
    """A date as English history lines write it: "Sat 5 Dec", with the year when not this one."""
    if day.year == today.year:
        return f"{day:%a} {day.day} {day:%b}"
    return f"{day.day} {day:%b %Y}"


def task_titled(board, title):
    return next(t for t in board.tasks.values() if t.title == title)


@pytest.fixture
def pane(qtbot, demo_session):
    events = BoardEvents(demo_session)
    pane = TaskDetailPane(demo_session, events)
    qtbot.addWidget(pane)
    pane.resize(380, 900)
    pane.show()
    qtbot.waitExposed(pane)
    yield pane
    events.detach()


def test_empty_state_invites_a_selection(pane):
    """With nothing selected the pane says what it will show."""
    pane.show_task(None)
    assert pane.stack.currentWidget() is pane.empty_label
    assert pane.empty_label.text() == (
        "Select a card to see who owns it, what is at risk and its history."
    )


def test_shows_owner_contact_risks_and_moved_due_date(pane, demo_session):
    """The proposal shows Ryo Ito and how to reach him, both risk sentences,
    and the history line for the due date he moved."""
    task = task_titled(demo_session.board, "Enterprise proposal for Minato Pharma")
    pane.show_task(task.id)

    assert pane.stack.currentWidget() is pane.scroll
    assert pane.title_label.text() == "Enterprise proposal for Minato Pharma"
    assert pane.fact_text("owner") == "Ryo Ito — Account executive, Field Sales"
    assert pane.fact_text("contact") == "ryo.ito@example.com / Slack @ryo.ito"
    assert pane.fact_text("status") == "In progress"
    assert pane.fact_text("priority") == "Urgent"
    assert pane.fact_text("due").endswith("due in 2 days")
    risks = pane.risk_lines()
    assert "Flagged by Takeshi Suzuki: Customer's budget owner changed; deal may slip." in risks
    assert any(line.startswith("Behind schedule: 30% done with") for line in risks)

    today = demo_session.today()
    before, after = today - timedelta(days=2), today + timedelta(days=2)
    moved = f"Ryo Ito · Due date: {english_day(before, today)} → {english_day(after, today)}"
    lines = pane.history_lines()
    assert any(line.endswith(moved) for line in lines)
    # newest first, creation last
    assert lines[-1].endswith("Ryo Ito · Created “Enterprise proposal for Minato Pharma”")
    assert "Flagged at risk" in lines[0]


def test_blocked_task_names_its_unfinished_predecessor(pane, demo_session):
    """A task waiting on unfinished work says "Blocked by" and names it; finishing it clears it."""
    board = demo_session.board
    task = task_titled(board, "Qualify webinar leads as SQL")
    blocker = task_titled(board, "Agree MQL→SQL handoff criteria with Inside Sales")
    pane.show_task(task.id)
    lines = pane.dependency_lines()
    assert "Blocked by: “Agree MQL→SQL handoff criteria with Inside Sales”" in lines
    assert "Needed by: “Send demo recording to webinar SQLs”" in lines
    risks = pane.risk_lines()
    assert any(line.startswith("Dependency — Waits for “Agree MQL→SQL") for line in risks)

    done = board.find_status("Done")
    demo_session.apply(set_task(blocker, status_id=done.id))
    assert not any(line.startswith("Blocked by") for line in pane.dependency_lines())
    assert any(line.startswith("Waited for (finished)") for line in pane.dependency_lines())


def test_refreshes_after_an_edit_to_the_shown_task(pane, demo_session, qtbot):
    """An applied change to the shown task updates its title and adds a history line on top."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    pane.show_task(task.id)
    demo_session.apply(set_task(task, title="Qualify webinar leads (SQL)", progress=60))
    qtbot.waitUntil(lambda: pane.title_label.text() == "Qualify webinar leads (SQL)")
    assert pane.fact_text("progress") == "60% done"
    newest = pane.history_lines()[:2]
    assert any(
        "Haruka Aoki · Title: Qualify webinar leads as SQL → Qualify webinar leads (SQL)" in line
        for line in newest
    )
    assert any("Progress: 40% → 60%" in line for line in newest)


def test_reads_history_once_per_change_of_the_task(pane, demo_session, monkeypatch):
    """History is read when the shown task changes, not for unrelated tasks' changes."""
    board = demo_session.board
    task = task_titled(board, "Qualify webinar leads as SQL")
    unrelated = task_titled(board, "Partner co-selling plan")
    pane.show_task(task.id)
    reads = []
    original = demo_session.history
    monkeypatch.setattr(demo_session, "history", lambda tid: reads.append(tid) or original(tid))

    demo_session.apply(set_task(unrelated, progress=55))
    assert reads == []
    demo_session.apply(set_task(task, progress=45))
    assert reads == [task.id]
    pane.repaint()
    assert reads == [task.id]


def test_keeps_scroll_position_when_the_same_task_changes(pane, demo_session, qtbot):
    """Refreshing the shown task does not jump back to the top; another task starts at the top."""
    task = task_titled(demo_session.board, "Enterprise proposal for Minato Pharma")
    pane.resize(300, 260)
    pane.show_task(task.id)
    bar = pane.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100)
    bar.setValue(100)

    demo_session.apply(set_task(task, progress=35))
    qtbot.waitUntil(lambda: pane.fact_text("progress") == "35% done")
    assert bar.value() == 100

    pane.show_task(task_titled(demo_session.board, "Qualify webinar leads as SQL").id)
    assert bar.value() == 0


def test_reset_rereads_the_board(pane, demo_session):
    """After the session reloads the board the same task is shown again from the new snapshot."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    pane.show_task(task.id)
    demo_session.store.apply(set_task(task, title="Changed elsewhere"), None)
    demo_session.reload()
    assert pane.task_id == task.id and pane.title_label.text() == "Changed elsewhere"


def test_edit_button_asks_to_edit_the_shown_task(pane, demo_session, qtbot):
    """ "Edit…" emits editRequested with the shown task's id."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    pane.show_task(task.id)
    with qtbot.waitSignal(pane.editRequested) as signal:
        qtbot.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    assert signal.args == [task.id]


def test_imported_comments_checklists_and_lists_read_as_sentences(pane, demo_session):
    """History brought in from Trello or Jira says "Comment: …", not "comment: — → …"."""
    from datetime import datetime

    from renkei.domain.commands import Record

    task = task_titled(demo_session.board, "Enterprise proposal for Minato Pharma")
    at = datetime(2024, 3, 13, 9, 30)
    demo_session.apply_all(
        [
            Record("task", task.id, "comment", None, "Called twice, no answer.", at),
            Record("task", task.id, "checklist", None, "☑ Send the quote", at),
            Record("task", task.id, "list", "Ideas", "Doing", at),
        ]
    )
    pane.show_task(task.id)
    lines = pane.history_lines()
    assert any(line.endswith("Comment: Called twice, no answer.") for line in lines)
    assert any(line.endswith("Checklist: ☑ Send the quote") for line in lines)
    assert any(line.endswith("Trello list: Ideas → Doing") for line in lines)


def test_history_shows_the_login_beside_a_name_it_does_not_match(pane, demo_session, qtbot):
    """Written from the login yuki as Haruka Aoki: "Haruka Aoki (login: yuki)"; from the
    login haruka, just the name."""
    task = task_titled(demo_session.board, "Qualify webinar leads as SQL")
    pane.show_task(task.id)
    demo_session.store.login = "yuki"  # as BoardStore.open read it from the system
    demo_session.apply(set_task(task, progress=61))
    qtbot.waitUntil(lambda: "61%" in pane.history_lines()[0])
    assert "Haruka Aoki (login: yuki) · Progress: 40% → 61%" in pane.history_lines()[0]
    demo_session.store.login = "haruka"
    demo_session.apply(set_task(demo_session.board.tasks[task.id], progress=62))
    qtbot.waitUntil(lambda: "62%" in pane.history_lines()[0])
    assert "Haruka Aoki · Progress: 61% → 62%" in pane.history_lines()[0]


def _history_text(pane):
    """The history as the label shows it, one paragraph a line."""
    import html
    import re

    paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", pane.history_label.text())
    return [
        html.unescape(re.sub(r"<br>", " · ", re.sub(r"<(?!br>)[^>]+>", "", p))) for p in paragraphs
    ]


def test_history_shows_the_tasks_handoff_chain_in_words(pane, demo_session):
    """The discovery meeting went Inside Sales → Field Sales, came back for the budget and
    went again: the pane's history says so between the owner changes, newest first."""
    task = task_titled(demo_session.board, "Discovery meeting with Minato Pharma")
    pane.show_task(task.id)
    what = [line.split(" · ", 2)[2] for line in _history_text(pane)]
    assert what == [line.split(" · ", 2)[2] for line in pane.history_lines()]
    hop = "Yuki Tanaka (Inside Sales) → Ryo Ito (Field Sales)"
    chain = [
        f"Handoff accepted: {hop}",
        f"Handoff acknowledged: {hop}",
        f"Lead handoff re-sent: {hop}",
        f"Handoff returned (Missing information): {hop}; missing Budget",
        f"Lead handoff sent: {hop}; sent without Budget",
    ]
    assert [w for w in what if hop in w] == chain
    # the accept wrote the handoff, then the task's owner and team: newest first, after them
    accepted = what.index(chain[0])
    assert what[accepted - 2 : accepted] == [
        "Team: Inside Sales → Field Sales",
        "Owner: Yuki Tanaka → Ryo Ito",
    ]
    assert what[-1] == "Created “Discovery meeting with Minato Pharma”"
    assert "Handoff accepted: Kenta Mori (Marketing) → Yuki Tanaka (Inside Sales)" in what
    assert not any("someone" in line or "(nobody)" in line for line in pane.history_lines())


def test_history_adds_a_handoff_event_when_it_happens(pane, demo_session, qtbot):
    """Acknowledging the waiting consent handoff shows at the top of its task's history."""
    from renkei.domain import handoff_commands as ho

    task = task_titled(demo_session.board, "Confirm consent records with the booth vendor")
    waiting = demo_session.board.open_handoff(task.id)
    pane.show_task(task.id)
    demo_session.set_actor(waiting.receiver_id)
    demo_session.apply_all(
        ho.acknowledge(demo_session.board, waiting.id, actor_id=waiting.receiver_id, at=clock.NOW)
    )
    qtbot.waitUntil(lambda: "acknowledged" in pane.history_lines()[0])
    assert pane.history_lines()[0].endswith(
        "Misaki Nakamura · Handoff acknowledged: "
        "Emily Carter (Marketing) → Misaki Nakamura (Inside Sales)"
    )


def test_a_slipped_task_shows_its_moves_and_can_be_rebaselined(pane, demo_session, qtbot):
    """The proposal's due date moved from two days ago to two days ahead: the pane says when
    it was first due, how often and how far it moved, who moved it; Re-baseline commits to
    the new date and the section goes."""
    task = task_titled(demo_session.board, "Enterprise proposal for Minato Pharma")
    today = demo_session.today()
    first, now = today - timedelta(days=2), today + timedelta(days=2)
    pane.show_task(task.id)

    assert pane.slips.isVisible()
    assert pane.slips.summary.text() == (
        f"First due {english_day(first, today)} · moved 1 time · now 4 days later"
    )
    moves = pane.slips.moves.text()
    assert "Ryo Ito" in moves
    assert f"{english_day(first, today)} → {english_day(now, today)}" in moves
    slipped = "Slipped — Due date moved 1 time, 4 days later than first planned."
    assert slipped in pane.risk_lines()
    assert pane.slips.rebaseline_button.accessibleDescription()

    qtbot.mouseClick(pane.slips.rebaseline_button, Qt.MouseButton.LeftButton)

    assert demo_session.slips(task.id).baseline == now
    assert not pane.slips.isVisible()
    assert not any("Due date moved" in line for line in pane.risk_lines())


def test_a_finished_task_says_its_due_date_without_calling_it_late(pane, demo_session):
    board = demo_session.board
    done = board.find_status("Done").id
    task = next(
        t for t in board.tasks.values()
        if t.status_id == done and t.due is not None and t.due < demo_session.today()
    )  # fmt: skip
    pane.show_task(task.id)
    assert pane.fact_text("due") == english_day(task.due, demo_session.today())
