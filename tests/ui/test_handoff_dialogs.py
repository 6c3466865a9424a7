"""The handoff dialogs: each collects one choice and returns it; the caller writes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from renkei.domain import handoff_commands
from renkei.domain.commands import set_task
from renkei.domain.handoff import (
    REJECT_REASONS,
    RETURN_REASONS,
    HandoffState,
    HandoffTemplate,
    item_label,
)
from renkei.store.board_store import utcnow
from renkei.ui.dialogs.handoff_dialogs import (
    AnswerChoice,
    AnswerQuestionDialog,
    AskAboutItemDialog,
    AskChoice,
    RejectHandoffDialog,
    ReturnChoice,
    ReturnHandoffDialog,
    SendChoice,
    SendHandoffDialog,
    pick_template,
)

DISCOVERY = "Discovery meeting with Minato Pharma"  # owned by Ryo Ito, three handoffs so far


def task_titled(board, title):
    return next(t for t in board.tasks.values() if t.title == title)


def person(board, name):
    found = board.find_person(name)
    assert found is not None, name
    return found


def open_handoff(board, state=None):
    """An open handoff of the demo board (SENT or ACKNOWLEDGED as asked)."""
    return next(
        h
        for h in sorted(board.handoffs.values(), key=lambda h: h.id)
        if h.state.is_open and (state is None or h.state is state)
    )


@pytest.fixture
def show(qtbot):
    def make(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


@pytest.fixture
def send_dialog(demo_session, show):
    """Ryo Ito hands on the Minato Pharma discovery meeting he owns."""

    def make(task_title=DISCOVERY, sender="Ryo Ito"):
        board = demo_session.board
        task = task_titled(board, task_title)
        return show(SendHandoffDialog(board, task.id, person(board, sender).id))

    return make


def reopen(session, title=DISCOVERY):
    """The demo's discovery meeting is done, and a done task is not handed off: reopen it
    before sending it on (the dialogs themselves only collect a choice)."""
    task = task_titled(session.board, title)
    session.apply(set_task(task, status_id=session.board.find_status("In progress").id))
    return session.board.tasks[task.id]


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# -- send -----------------------------------------------------------------------------------


def test_send_lists_everyone_but_the_sender_by_team_then_name(demo_session, send_dialog):
    board = demo_session.board
    dialog = send_dialog()
    combo = dialog.to_combo
    ryo = person(board, "Ryo Ito")
    shown = [combo.itemData(i) for i in range(combo.count())]
    assert ryo.id not in shown
    team_order = {t.id: i for i, t in enumerate(board.ordered_teams())}
    expected = sorted(
        (p for p in board.people.values() if p.id != ryo.id),
        key=lambda p: (team_order[p.team_id], p.name.casefold()),
    )
    assert shown == [p.id for p in expected]
    aya = person(board, "Aya Yamamoto")
    assert combo.itemText(combo.findData(aya.id)) == "Aya Yamamoto — Customer Success"
    # Nobody is chosen at first: the placeholder shows and OK waits.
    assert combo.currentIndex() == -1
    assert combo.placeholderText() == "Choose who takes it over…"
    assert not dialog.ok_button.isEnabled()
    assert dialog.choice() is None
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted


@pytest.mark.parametrize(
    ("sender", "receiver", "template"),
    [
        ("Ryo Ito", "Aya Yamamoto", "deal"),  # Field Sales → Customer Success
        ("Ryo Ito", "Shota Kobayashi", "deal"),
        ("Ryo Ito", "Yuki Tanaka", "lead"),  # Field Sales → Inside Sales: "Sales"
        ("Ryo Ito", "Kenta Mori", "request"),  # anyone → Marketing
        ("Haruka Aoki", "Daniel Park", "lead"),  # Marketing → Field Sales
        ("Haruka Aoki", "Sofia Ramos", "deal"),  # only deal goes to Customer Success
    ],
)
def test_choosing_the_receiver_picks_the_template_for_their_team(
    demo_session, send_dialog, sender, receiver, template
):
    board = demo_session.board
    title = DISCOVERY if sender == "Ryo Ito" else "Qualify webinar leads as SQL"
    dialog = send_dialog(title, sender)
    choose(dialog.to_combo, person(board, receiver).id)
    assert dialog.template_combo.currentData() == template
    assert list(dialog.item_edits) == list(board.template(template).items)
    assert dialog.ok_button.isEnabled()


def test_pick_template_prefers_the_senders_team_then_falls_back_to_lead():
    templates = [
        HandoffTemplate("lead", ("a",), from_team="Marketing", to_team="Sales"),
        HandoffTemplate("escalation", ("a",), from_team="Support", to_team="Field Sales"),
        HandoffTemplate("renewal", ("a",), from_team="Customer Success", to_team="sales"),
    ]
    assert pick_template(templates, "Customer Success", "Inside Sales") == "renewal"
    assert pick_template(templates, "Support", "Field Sales") == "escalation"
    assert pick_template(templates, "Marketing", "Field Sales") == "lead"
    assert pick_template(templates, "Marketing", "Legal") == "lead"  # nothing fits
    assert pick_template(templates[1:], "Marketing", "Legal") == "escalation"  # no lead: first


def test_the_user_can_still_change_the_picked_template(demo_session, send_dialog):
    board = demo_session.board
    dialog = send_dialog()
    choose(dialog.to_combo, person(board, "Aya Yamamoto").id)
    choose(dialog.template_combo, "request")
    assert list(dialog.item_edits) == list(board.template("request").items)
    choice = dialog.choice()
    assert choice.template == "request"
    assert set(choice.provided) | set(choice.missing) == set(board.template("request").items)


def test_values_are_prefilled_from_the_latest_handoff_that_carried_each_item(
    demo_session, send_dialog
):
    """The last handoff's values win; an item it lacked comes from an earlier one."""
    task = reopen(demo_session)
    board = demo_session.board
    ryo, aya = person(board, "Ryo Ito"), person(board, "Aya Yamamoto")
    earlier = board.handoffs_of(task.id)[-1]
    assert earlier.value("budget")  # the accepted lead carried a budget
    demo_session.apply_all(
        handoff_commands.send(
            board,
            task.id,
            aya.id,
            "deal",
            {"company": "Minato Pharma K.K.", "contract_scope": "200 seats, 1 year"},
            note="Budget to follow",
            actor_id=ryo.id,
            at=utcnow(),
        )
    )
    latest = demo_session.board.handoffs_of(task.id)[-1]
    assert latest.value("budget") is None
    demo_session.apply_all(
        handoff_commands.return_(
            demo_session.board, latest.id, "missing_info", ["budget"], actor_id=aya.id, at=utcnow()
        )
    )

    dialog = send_dialog()
    choose(dialog.to_combo, aya.id)
    edits = dialog.item_edits
    assert edits["company"].text() == "Minato Pharma K.K."  # the latest handoff
    assert edits["contract_scope"].text() == "200 seats, 1 year"
    assert edits["budget"].text() == earlier.value("budget")  # skipped the latest: it lacked it
    assert edits["contact"].text() == earlier.value("contact")
    assert edits["key_users"].text() == ""  # never sent
    assert dialog.item_states["key_users"].text() == "missing"


def test_clearing_a_value_makes_it_missing_and_says_so(demo_session, send_dialog):
    board = demo_session.board
    last = board.handoffs_of(task_titled(board, DISCOVERY).id)[-1]
    deal = board.template("deal").items
    unknown = [name for name in deal if not last.value(name)]
    assert "budget" not in unknown and 2 <= len(unknown) < len(deal)
    dialog = send_dialog()
    choose(dialog.to_combo, person(board, "Aya Yamamoto").id)
    known = len(deal) - len(unknown)
    assert dialog.count_label.text() == f"{known} of {len(deal)} items provided"
    assert dialog.ok_button.text() == f"Hand off — {len(unknown)} items missing"
    for name in unknown:
        assert dialog.item_states[name].text() == "missing"
        dialog.item_edits[name].setText(f"{name} known")
    assert dialog.count_label.text() == f"{len(deal)} of {len(deal)} items provided"
    assert dialog.ok_button.text() == "Hand off"
    provided = dialog.item_states["budget"]
    assert provided.text() == "provided"
    provided_colour = provided.palette().color(QPalette.ColorRole.WindowText)

    dialog.item_edits["budget"].setText("   ")  # blank counts as missing
    state = dialog.item_states["budget"]
    assert state.text() == "missing"
    assert state.palette().color(QPalette.ColorRole.WindowText) != provided_colour
    assert dialog.count_label.text() == f"{len(deal) - 1} of {len(deal)} items provided"
    assert dialog.ok_button.text() == "Hand off — 1 item missing"
    assert dialog.ok_button.isEnabled()  # sending incomplete is allowed
    assert dialog.choice().missing == ("budget",)
    assert "budget" not in dialog.choice().provided


def test_the_send_choice_is_exact_and_the_handoff_applies(demo_session, send_dialog):
    task = reopen(demo_session)
    board = demo_session.board
    ryo, aya = person(board, "Ryo Ito"), person(board, "Aya Yamamoto")
    last = board.handoffs_of(task.id)[-1]
    dialog = send_dialog()
    choose(dialog.to_combo, aya.id)
    dialog.item_edits["contract_scope"].setText("  200 seats, 1 year  ")
    dialog.item_edits["consent"].clear()
    dialog.note_edit.setPlainText("  Kickoff wanted before April.\n")

    choice = dialog.choice()
    assert choice == SendChoice(
        to_person_id=aya.id,
        template="deal",
        provided={
            "company": last.value("company"),
            "contact": last.value("contact"),
            "contract_scope": "200 seats, 1 year",
            "decision_maker": last.value("decision_maker"),
            "budget": last.value("budget"),
        },
        missing=("success_criteria", "key_users", "go_live_date", "consent", "risks"),
        note="Kickoff wanted before April.",
    )
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted

    commands = handoff_commands.send(
        board,
        task.id,
        choice.to_person_id,
        choice.template,
        choice.provided,
        choice.missing,
        choice.note,
        actor_id=ryo.id,
        at=utcnow(),
    )
    demo_session.apply_all(commands, "Hand off")
    sent = demo_session.board.open_handoff(task.id)
    assert sent is not None and sent.state is HandoffState.SENT
    assert (sent.sender_id, sent.receiver_id, sent.template) == (ryo.id, aya.id, "deal")
    assert sent.missing_items == choice.missing
    assert sent.value("contract_scope") == "200 seats, 1 year"
    assert sent.note == "Kickoff wanted before April."


def test_changing_the_template_keeps_values_typed_for_shared_items(demo_session, send_dialog):
    board = demo_session.board
    last = board.handoffs_of(task_titled(board, DISCOVERY).id)[-1]
    dialog = send_dialog()
    choose(dialog.to_combo, person(board, "Aya Yamamoto").id)
    dialog.item_edits["company"].setText("Minato Pharma Holdings")
    dialog.item_edits["contract_scope"].setText("Pilot for two departments")
    choose(dialog.template_combo, "lead")
    assert dialog.item_edits["company"].text() == "Minato Pharma Holdings"  # shared: kept
    assert dialog.item_edits["need"].text() == last.value("need")  # lead only: prefilled
    assert "contract_scope" not in dialog.item_edits
    assert dialog.count_label.text().endswith(" of 8 items provided")
    choose(dialog.template_combo, "deal")
    assert dialog.item_edits["contract_scope"].text() == "Pilot for two departments"


def test_a_task_waiting_for_a_handoff_cannot_be_sent_again(demo_session, send_dialog):
    board = demo_session.board
    waiting = open_handoff(board)
    task = board.tasks[waiting.task_id]
    owner = board.people[task.owner_id]
    dialog = send_dialog(task.title, owner.name)
    other = next(p for p in board.people.values() if p.id not in (owner.id, waiting.receiver_id))
    choose(dialog.to_combo, other.id)
    assert not dialog.ok_button.isEnabled()
    assert dialog.choice() is None
    assert "already waiting" in dialog.message_label.text()
    assert dialog.message_label.isVisible()


def test_ask_returns_the_choice_and_none_on_cancel(demo_session, qtbot):
    board = demo_session.board
    task = task_titled(board, DISCOVERY)
    ryo, aya = person(board, "Ryo Ito"), person(board, "Aya Yamamoto")

    def answer(then):
        def poll(left=200):
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, SendHandoffDialog) and dialog.isVisible():
                then(dialog)
            elif left:
                QTimer.singleShot(10, lambda: poll(left - 1))

        QTimer.singleShot(0, poll)

    def pick_and_ok(dialog):
        choose(dialog.to_combo, aya.id)
        dialog.ok_button.click()

    answer(pick_and_ok)
    choice = SendHandoffDialog.ask(None, board, task.id, ryo.id)
    assert isinstance(choice, SendChoice) and choice.to_person_id == aya.id

    answer(lambda dialog: dialog.reject())
    assert SendHandoffDialog.ask(None, board, task.id, ryo.id) is None


# -- return -----------------------------------------------------------------------------------


def test_return_prechecks_the_items_not_sent(demo_session, show):
    board = demo_session.board
    handoff = open_handoff(board, HandoffState.SENT)
    assert handoff.missing_items and handoff.provided_items
    dialog = show(ReturnHandoffDialog(board, handoff))
    checks = dialog.item_checks
    assert list(checks) == list(handoff.item_names)
    for item in handoff.items:
        assert checks[item.name].isChecked() == (not item.provided)
        assert checks[item.name].text().endswith(" — not sent") == (not item.provided)
    assert dialog.reason_combo.currentData() == "missing_info"
    assert [dialog.reason_combo.itemData(i) for i in range(dialog.reason_combo.count())] == list(
        RETURN_REASONS
    )
    assert dialog.ok_button.isEnabled()
    assert dialog.choice() == ReturnChoice("missing_info", handoff.missing_items)


def test_return_needs_at_least_one_item(demo_session, show):
    board = demo_session.board
    handoff = open_handoff(board, HandoffState.SENT)
    dialog = show(ReturnHandoffDialog(board, handoff))
    for check in dialog.item_checks.values():
        check.setChecked(False)
    assert not dialog.ok_button.isEnabled()
    assert dialog.choice() is None
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted

    first_sent = handoff.provided_items[0]
    dialog.item_checks[first_sent].setChecked(True)
    choose(dialog.reason_combo, "bad_data")
    assert dialog.ok_button.isEnabled()
    choice = dialog.choice()
    assert choice == ReturnChoice("bad_data", (first_sent,))

    demo_session.apply_all(
        handoff_commands.return_(
            board,
            handoff.id,
            choice.reason,
            choice.missing,
            actor_id=handoff.receiver_id,
            at=utcnow(),
        )
    )
    returned = demo_session.board.handoffs[handoff.id]
    assert returned.state is HandoffState.RETURNED
    assert returned.returned_missing == (first_sent,)


def test_return_shows_who_sent_it_and_the_note(demo_session, show):
    board = demo_session.board
    handoff = next(
        h for h in board.handoffs.values() if h.state.is_open and h.note and h.sender_team_id
    )
    sender = board.people[handoff.sender_id]
    team = board.teams[handoff.sender_team_id]
    dialog = show(ReturnHandoffDialog(board, handoff))
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(t.startswith(f"From {sender.name} ({team.name})") for t in texts)
    assert handoff.note in texts


# -- reject -----------------------------------------------------------------------------------


def test_reject_waits_for_a_reason(demo_session, show):
    board = demo_session.board
    handoff = open_handoff(board)
    dialog = show(RejectHandoffDialog(board, handoff))
    combo = dialog.reason_combo
    assert combo.currentIndex() == -1 and combo.placeholderText() == "Why?"
    assert [combo.itemData(i) for i in range(combo.count())] == list(REJECT_REASONS)
    assert not dialog.ok_button.isEnabled()
    assert dialog.choice() is None
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted

    choose(combo, "duplicate")
    assert dialog.ok_button.isEnabled()
    assert combo.currentText() == "Duplicate"
    assert dialog.choice() == "duplicate"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    demo_session.apply_all(
        handoff_commands.reject(
            board, handoff.id, dialog.choice(), actor_id=handoff.receiver_id, at=utcnow()
        )
    )
    assert demo_session.board.handoffs[handoff.id].state is HandoffState.REJECTED


# -- ask and answer -----------------------------------------------------------------------------


def test_ask_about_an_item(demo_session, show):
    board = demo_session.board
    handoff = open_handoff(board, HandoffState.SENT)
    dialog = show(AskAboutItemDialog(board, handoff))
    combo = dialog.item_combo
    assert [combo.itemData(i) for i in range(combo.count())] == list(handoff.item_names)
    missing = handoff.missing_items[0]
    sent = handoff.provided_items[0]
    assert combo.currentData() == missing  # the first item not sent is offered first
    assert combo.itemText(combo.findData(missing)) == f"{item_label(missing)}: not sent"
    assert combo.itemText(combo.findData(sent)).startswith(
        f"{item_label(sent)}: {handoff.value(sent)[:20]}"
    )
    assert not dialog.ok_button.isEnabled()

    dialog.question_edit.setPlainText("   \n ")
    assert not dialog.ok_button.isEnabled() and dialog.choice() is None
    choose(combo, sent)
    dialog.question_edit.setPlainText("  Which source exactly?\n")
    assert dialog.ok_button.isEnabled()
    choice = dialog.choice()
    assert choice == AskChoice(sent, "Which source exactly?")

    demo_session.apply_all(
        handoff_commands.ask(
            board,
            handoff.id,
            choice.item,
            choice.text,
            actor_id=handoff.receiver_id,
            at=utcnow(),
        )
    )
    asked = demo_session.board.handoffs[handoff.id].questions[-1]
    assert (asked.item, asked.text, asked.answer) == (sent, "Which source exactly?", None)


def _ask(session, handoff_id, item, text):
    h = session.board.handoffs[handoff_id]
    session.apply_all(
        handoff_commands.ask(session.board, h.id, item, text, actor_id=h.receiver_id, at=utcnow())
    )
    return session.board.handoffs[handoff_id].questions[-1]


def test_answer_lists_only_open_questions(demo_session, show):
    board = demo_session.board
    # An open handoff that has questions already (the demo has one, answered).
    handoff = next(h for h in board.handoffs.values() if h.state.is_open and h.questions)
    already_open = [q.id for q in handoff.questions if q.answer is None]
    assert len(already_open) < len(handoff.questions)  # some answered: they are left out
    budget = _ask(demo_session, handoff.id, "budget", "Is the budget approved?")
    company = _ask(demo_session, handoff.id, "company", "Which legal entity signs?")
    handoff = demo_session.board.handoffs[handoff.id]
    asker = demo_session.board.people[handoff.receiver_id].name
    listed = [*already_open, budget.id, company.id]

    dialog = show(AnswerQuestionDialog(demo_session.board, handoff))
    combo = dialog.question_combo
    assert [combo.itemData(i) for i in range(combo.count())] == listed
    assert combo.itemText(combo.findData(budget.id)) == f"Budget: Is the budget approved? — {asker}"
    assert not dialog.ok_button.isEnabled()
    choose(combo, company.id)
    dialog.answer_edit.setPlainText("  Sakura Retail HD, Inc.  ")
    assert dialog.ok_button.isEnabled()
    choice = dialog.choice()
    assert choice == AnswerChoice(company.id, "Sakura Retail HD, Inc.")

    demo_session.apply_all(
        handoff_commands.answer(
            demo_session.board,
            handoff.id,
            choice.question_id,
            choice.text,
            actor_id=handoff.sender_id,
            at=utcnow(),
        )
    )
    answered = {q.id: q for q in demo_session.board.handoffs[handoff.id].questions}
    assert answered[company.id].answer == "Sakura Retail HD, Inc."
    assert answered[budget.id].answer is None


def test_a_single_open_question_is_shown_as_text(demo_session, show):
    board = demo_session.board
    handoff = open_handoff(board, HandoffState.SENT)
    question = _ask(demo_session, handoff.id, handoff.missing_items[0], "When will you know?")
    handoff = demo_session.board.handoffs[handoff.id]
    dialog = show(AnswerQuestionDialog(demo_session.board, handoff))
    assert dialog.question_combo is None
    assert "When will you know?" in dialog.question_label.text()
    dialog.answer_edit.setPlainText(" ")
    assert not dialog.ok_button.isEnabled()
    dialog.answer_edit.setPlainText("Next Friday")
    assert dialog.choice() == AnswerChoice(question.id, "Next Friday")
