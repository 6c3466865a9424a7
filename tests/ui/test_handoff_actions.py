"""Handoffs from the card and the detail pane: badges, who may do what, and every action
saved through the one change path (signed, undoable)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from renkei.app.session import BoardSession
from renkei.domain import handoff_commands as ho
from renkei.domain.handoff import HandoffState
from renkei.store.board_store import utcnow
from renkei.ui.board_events import BoardEvents
from renkei.ui.detail_pane import TaskDetailPane
from renkei.ui.dialogs.handoff_dialogs import (
    RejectHandoffDialog,
    ReturnChoice,
    ReturnHandoffDialog,
    SendChoice,
    SendHandoffDialog,
)
from renkei.ui.handoff_actions import HandoffActions
from renkei.ui.kanban.model import KanbanModel


def titled(board, title):
    return next(t for t in board.tasks.values() if t.title == title)


@pytest.fixture
def refusals(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(HandoffActions, "show_refusal", classmethod(lambda c, p, t: seen.append(t)))
    return seen


@pytest.fixture
def actions(qtbot, demo_session):
    """HandoffActions on the demo board, applying straight through the session."""
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)

    def apply(commands, label):
        demo_session.apply_all(commands, label)
        return True

    return HandoffActions(demo_session, apply, host)


def as_person(session, name):
    session.set_actor(session.board.find_person(name).id)


def keys(steps, enabled=True):
    return [s.key for s in steps if s.enabled == enabled]


# -- badges ------------------------------------------------------------------------------


def test_cards_wear_a_waiting_badge_and_a_finding_badge(qtbot, demo_session):
    """The trade-show leads wait for Misaki Nakamura past the SLA (late); the Kitahama card
    lost budget and consent on the way to Customer Success; a clean handoff has neither."""
    model = KanbanModel(demo_session, BoardEvents(demo_session))
    board = demo_session.board
    waiting = model.face(titled(board, "Confirm consent records with the booth vendor").id)
    assert waiting.handoff_word.startswith("Waiting ") and waiting.handoff_late
    assert waiting.finding_word  # sent without consent, dropped
    kitahama = model.face(titled(board, "Hand off Kitahama Logistics to Customer Success").id)
    assert kitahama.handoff_word == ""  # acknowledged already
    assert kitahama.finding_word == "Info lost"
    clean = model.face(titled(board, "Churn-risk health check: Nishiki Travel").id)
    assert (clean.handoff_word, clean.finding_word) == ("", "")
    row = model.row_of(kitahama_task(board))
    tooltip = model.data(model.index(row), Qt.ItemDataRole.ToolTipRole)
    assert "Budget, Consent provided at an earlier hop, missing from here on" in tooltip


def kitahama_task(board) -> int:
    return titled(board, "Hand off Kitahama Logistics to Customer Success").id


def test_a_fresh_handoff_waits_without_being_late(qtbot, demo_session, actions, monkeypatch):
    """Sent just now: "Waiting 1 min", not late; acknowledging it removes the badge."""
    board = demo_session.board
    task = titled(board, "Publish webinar recap article")
    yuki = board.find_person("Yuki Tanaka")
    monkeypatch.setattr(
        SendHandoffDialog,
        "ask",
        classmethod(lambda c, *a: SendChoice(yuki.id, "lead", {"company": "Recap"}, (), "")),
    )
    model = KanbanModel(demo_session, BoardEvents(demo_session))
    as_person(demo_session, "Kenta Mori")  # the task's owner
    assert actions.send(task.id)
    face = model.face(task.id)
    assert face.handoff_word == "Waiting 1 min" and not face.handoff_late
    as_person(demo_session, "Yuki Tanaka")
    handoff = demo_session.board.open_handoff(task.id)
    assert actions.acknowledge(handoff.id)
    assert model.face(task.id).handoff_word == ""


# -- who may do what -----------------------------------------------------------------------


def test_only_the_receiver_is_offered_the_reactions(demo_session, actions):
    """Haruka sees who the trade-show leads wait for and cannot react; Misaki can."""
    task = titled(demo_session.board, "Confirm consent records with the booth vendor")
    as_person(demo_session, "Haruka Aoki")
    steps = actions.steps(task.id)
    assert keys(steps) == []
    info = [s.text for s in steps if not s.enabled]
    assert info[0].startswith("Waiting for Misaki Nakamura to acknowledge")
    assert "Only Misaki Nakamura can" in info[1]
    as_person(demo_session, "Misaki Nakamura")
    assert keys(actions.steps(task.id)) == ["ack", "accept", "return", "reject", "ask"]


def test_a_task_without_an_open_handoff_offers_hand_off(demo_session, actions):
    task = titled(demo_session.board, "Publish webinar recap article")
    assert keys(actions.steps(task.id)) == ["send"]


def test_someone_outside_the_task_team_is_told_who_may_hand_it_off(
    demo_session, actions, refusals, monkeypatch
):
    """Yuki Tanaka (Inside Sales) sees who may send Kenta Mori's Marketing task, not the
    action; a stale menu's send is refused with the same words before any dialog opens."""
    task = titled(demo_session.board, "Publish webinar recap article")
    as_person(demo_session, "Yuki Tanaka")
    steps = actions.steps(task.id)
    assert keys(steps) == []
    said = "Only Kenta Mori (the owner) or someone in Marketing can hand this task off"
    assert [s.text for s in steps] == [said]
    monkeypatch.setattr(SendHandoffDialog, "ask", classmethod(lambda c, *a: pytest.fail()))
    revision = demo_session.board.revision
    assert not actions.send(task.id)
    assert refusals == [said]
    assert demo_session.board.revision == revision


def test_a_done_task_offers_no_hand_off(demo_session, actions):
    board = demo_session.board
    task = titled(board, "Discovery meeting with Minato Pharma")  # done, owned by Ryo Ito
    as_person(demo_session, "Ryo Ito")
    steps = actions.steps(task.id)
    assert "send" not in keys(steps)
    assert "This task is done: a finished task is not handed off" in [s.text for s in steps]


def test_the_dialog_refuses_a_receiver_in_the_same_team(qtbot, demo_session):
    """Choosing a teammate says it is a reassignment and keeps OK disabled."""
    board = demo_session.board
    task = titled(board, "Publish webinar recap article")
    haruka, kenta = board.find_person("Haruka Aoki"), board.find_person("Kenta Mori")
    dialog = SendHandoffDialog(board, task.id, haruka.id)
    qtbot.addWidget(dialog)
    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData(kenta.id))
    assert not dialog.ok_button.isEnabled()
    assert dialog.message_label.text() == (
        "Kenta Mori is in Marketing too: within one team that is a reassignment, not a "
        "handoff. Change the task's owner instead."
    )
    assert dialog.choice() is None
    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData(board.find_person("Yuki Tanaka").id))
    assert dialog.ok_button.isEnabled()


def test_the_sender_is_offered_to_answer_an_open_question(demo_session, actions):
    """A question on the Kitahama deal packet is for Takeshi Suzuki to answer."""
    board = demo_session.board
    task_id = kitahama_task(board)
    handoff = board.open_handoff(task_id)
    as_person(demo_session, "Aya Yamamoto")
    demo_session.apply_all(
        ho.ask(
            board,
            handoff.id,
            "budget",
            "What budget did they approve?",
            actor_id=demo_session.actor_id,
            at=utcnow(),
        ),
        "Ask",
    )
    as_person(demo_session, "Takeshi Suzuki")
    assert "answer" in keys(actions.steps(task_id))
    as_person(demo_session, "Haruka Aoki")
    assert any("Takeshi Suzuki has a question" in s.text for s in actions.steps(task_id))


# -- doing it -----------------------------------------------------------------------------


def test_accept_moves_the_task_and_undo_moves_it_back(demo_session, actions):
    board = demo_session.board
    task = titled(board, "Confirm consent records with the booth vendor")
    before = (task.owner_id, task.team_id)
    handoff = board.open_handoff(task.id)
    as_person(demo_session, "Misaki Nakamura")
    assert actions.accept(handoff.id)
    moved = demo_session.board.tasks[task.id]
    misaki = demo_session.board.find_person("Misaki Nakamura")
    assert (moved.owner_id, moved.team_id) == (misaki.id, misaki.team_id)
    assert demo_session.board.handoffs[handoff.id].state is HandoffState.ACCEPTED
    assert demo_session.undo_label() == "Accept handoff"
    demo_session.undo()
    back = demo_session.board.tasks[task.id]
    assert (back.owner_id, back.team_id) == before
    assert demo_session.board.handoffs[handoff.id].state is HandoffState.SENT


def test_return_and_reject_use_their_dialogs(demo_session, actions, monkeypatch):
    board = demo_session.board
    task = titled(board, "Confirm consent records with the booth vendor")
    handoff = board.open_handoff(task.id)
    as_person(demo_session, "Misaki Nakamura")
    monkeypatch.setattr(ReturnHandoffDialog, "ask", classmethod(lambda c, *a: None))
    assert not actions.return_(handoff.id)  # cancelled: nothing written
    assert demo_session.board.handoffs[handoff.id].state is HandoffState.SENT
    monkeypatch.setattr(
        ReturnHandoffDialog,
        "ask",
        classmethod(lambda c, *a: ReturnChoice("missing_info", ("consent", "budget"))),
    )
    assert actions.return_(handoff.id)
    returned = demo_session.board.handoffs[handoff.id]
    assert returned.state is HandoffState.RETURNED
    assert returned.returned_missing == ("consent", "budget")
    demo_session.undo()
    monkeypatch.setattr(RejectHandoffDialog, "ask", classmethod(lambda c, *a: "duplicate"))
    assert actions.reject(handoff.id)
    assert demo_session.board.handoffs[handoff.id].reason == "duplicate"


def test_a_broken_rule_is_explained_and_nothing_written(demo_session, actions, refusals):
    """Acknowledging twice (say, from a stale menu) is refused with the rule's words."""
    board = demo_session.board
    task = titled(board, "Confirm consent records with the booth vendor")
    handoff = board.open_handoff(task.id)
    as_person(demo_session, "Misaki Nakamura")
    assert actions.acknowledge(handoff.id)
    revision = demo_session.board.revision
    assert not actions.acknowledge(handoff.id)
    assert refusals == ["cannot acknowledge a handoff that is acknowledged"]
    assert demo_session.board.revision == revision


def test_undoing_a_send_withdraws_it(demo_session, actions, monkeypatch):
    board = demo_session.board
    task = titled(board, "Publish webinar recap article")
    yuki = board.find_person("Yuki Tanaka")
    monkeypatch.setattr(
        SendHandoffDialog, "ask", classmethod(lambda c, *a: SendChoice(yuki.id, "lead", {}, (), ""))
    )
    assert actions.send(task.id)
    sent = demo_session.board.open_handoff(task.id)
    assert demo_session.undo_label() == "Hand off"
    demo_session.undo()
    assert demo_session.board.handoffs[sent.id].state is HandoffState.WITHDRAWN
    assert keys(actions.steps(task.id)) == ["send"]
    entries = demo_session.handoff_analysis().entries
    assert all(e.handoff is None or e.handoff.id != sent.id for e in entries)


# -- the detail pane --------------------------------------------------------------------------


def test_detail_pane_lists_the_chain_and_acts_on_it(qtbot, demo_session, actions):
    """The Kitahama task: both hops, what the deal packet lost, and (as Aya Yamamoto, its
    receiver) the buttons to accept it; pressing Accept moves the task to her."""
    events = BoardEvents(demo_session)
    pane = TaskDetailPane(demo_session, events)
    qtbot.addWidget(pane)
    pane.handoffs.set_actions(actions)
    pane.resize(420, 900)
    pane.show()
    as_person(demo_session, "Aya Yamamoto")
    task_id = kitahama_task(demo_session.board)
    pane.show_task(task_id)
    hops = pane.handoffs.hop_texts()
    assert hops[0].startswith("1. Inside Sales → Field Sales · Accepted")
    assert hops[1].startswith("2. Field Sales → Customer Success · Acknowledged")
    assert "Sent without: Success criteria, Budget, Consent" in hops[1]
    assert "Budget, Consent provided at an earlier hop" in hops[1]
    accept = pane.handoffs.button("accept")
    assert accept is not None and pane.handoffs.button("ack") is None  # acknowledged already
    accept.click()
    aya = demo_session.board.find_person("Aya Yamamoto")
    assert demo_session.board.tasks[task_id].owner_id == aya.id
    assert pane.handoffs.hop_texts()[1].startswith("2. Field Sales → Customer Success · Accepted")


def test_detail_pane_reads_the_chain_of_its_task_alone(qtbot, monkeypatch, demo_session):
    """Selecting a card on a big board does not analyse every handoff on it first."""
    task_id = kitahama_task(demo_session.board)
    expected = demo_session.handoff_analysis().chain(task_id)
    fresh = BoardSession(demo_session.store, demo_session.actor_id, today=demo_session.today)
    monkeypatch.setattr(fresh, "handoff_analysis", lambda: 1 / 0)
    pane = TaskDetailPane(fresh, BoardEvents(fresh))
    qtbot.addWidget(pane)
    pane.show_task(task_id)
    hops = pane.handoffs.hop_texts()
    assert len(hops) == len(expected) == 2
    assert "Sent without: Success criteria, Budget, Consent" in hops[1]


def test_no_section_for_a_task_nobody_can_hand_off(qtbot, demo_session, actions):
    """An unowned task, and nobody signed in: no sender, so no section and no dead button."""
    demo_session.set_actor(None)
    pane = TaskDetailPane(demo_session, BoardEvents(demo_session))
    qtbot.addWidget(pane)
    pane.handoffs.set_actions(actions)
    task = titled(demo_session.board, "CRM field cleanup: lead source and consent")
    assert task.owner_id is None
    pane.show_task(task.id)
    assert actions.steps(task.id) == []
    assert not pane.handoffs.isVisibleTo(pane)
