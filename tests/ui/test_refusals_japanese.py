"""A refused edit speaks the person's language: English by str() (logs, --json, tests), the
window's words in Japanese under a Japanese catalogue, a field named by its label (期限)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from renkei.app.field_input import FieldInputError, parse_value
from renkei.app.identity import IdentityError, require_actor
from renkei.app.settings import LocalSettings
from renkei.domain import fields
from renkei.domain import handoff as rules
from renkei.domain.commands import ConflictError, ValidationError
from renkei.domain.handoff import HandoffState, HandoffTemplate
from renkei.i18n.words import error_text
from renkei.ui.handoff_actions import HandoffActions
from renkei.ui.operation import Failure, classify

SENT_AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def refused(action, *args) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        action(*args)
    return caught.value


def a_handoff(state: HandoffState = HandoffState.SENT) -> rules.Handoff:
    template = HandoffTemplate("lead", ("company", "budget"))
    sent = rules.send(
        id=4,
        task_id=7,
        template=template,
        sender_id=1,
        sender_team_id=1,
        receiver_id=2,
        receiver_team_id=2,
        at=SENT_AT,
        provided={"company": "Kansai Foods"},
    )
    if state is HandoffState.REJECTED:
        return rules.reject(sent, 2, SENT_AT, "duplicate")
    return sent


def test_a_field_refusal_names_the_field_by_its_label(japanese_ui):
    error = refused(fields.check_value, "task", "due", "tomorrow")
    assert str(error) == "Due date must be a date"
    assert error_text(error) == "期限は日付で入力してください"
    error = refused(fields.check_value, "task", "progress", 150)
    assert str(error) == "Progress must be between 0 and 100"
    assert error_text(error) == "進捗は0から100までの値で入力してください"
    error = refused(fields.check_value, "task", "title", "  ")
    assert str(error) == "Title is required"
    assert error_text(error) == "タイトルは必須です"
    error = refused(fields.check_value, "task", "title", "a\tb")
    assert str(error) == "Title contains a tab; it must be a single line"
    assert error_text(error) == "タイトルにタブが含まれています。1行で入力してください"


def test_a_handoff_refusal_in_japanese(japanese_ui):
    error = refused(rules.acknowledge, a_handoff(), 3, SENT_AT)
    assert str(error) == "only the receiver can acknowledge this handoff"
    assert error_text(error) == "この引き継ぎを受領できるのは引き継ぎ先だけです"
    error = refused(rules.accept, a_handoff(HandoffState.REJECTED), 2, SENT_AT)
    assert str(error) == "cannot accept a handoff that is rejected"
    assert error_text(error) == "却下済みの引き継ぎは引き受けられません"
    error = refused(rules.answer, a_handoff(), 9, 1, SENT_AT, "yes")
    assert str(error) == "this handoff has no question 9"
    assert error_text(error) == "この引き継ぎに質問9はありません"


def test_a_conflict_and_a_typed_value_in_japanese(japanese_ui, demo_session):
    conflict = ConflictError("task", 5, (("progress", 40, 50), ("due", None, None)))
    assert str(conflict) == "task 5 was changed meanwhile (progress, due)"
    failure = classify(conflict)
    assert failure is not None and failure.kind is Failure.CONFLICT
    assert failure.reason == "タスク5はその間に変更されました（progress, due）"

    with pytest.raises(FieldInputError) as caught:
        parse_value(demo_session.board, "due", "2026-02-30")
    assert str(caught.value) == "due=2026-02-30: not a date in the calendar (use YYYY-MM-DD)"
    assert error_text(caught.value) == (
        "due=2026-02-30：存在しない日付です（YYYY-MM-DD で入力してください）"
    )
    refusal = classify(caught.value)
    assert refusal is None  # a typed value is refused before any write: not an operation's


def test_nobody_named_lists_who_is_in_japanese(japanese_ui, demo_session):
    with pytest.raises(IdentityError) as caught:
        require_actor(demo_session.board, "x", "Bob", LocalSettings())
    said = error_text(caught.value)
    assert str(caught.value).startswith("nobody called 'Bob' on this board (one of: ")
    assert said.startswith("このボードに 'Bob' という人はいません（候補：")
    assert said.endswith("）")


def test_the_window_shows_a_refused_handoff_action_in_japanese(
    japanese_ui, qtbot, demo_session, monkeypatch
):
    """Acknowledging twice from a stale menu: the box says the rule in Japanese."""
    from PySide6.QtWidgets import QWidget

    seen: list[str] = []
    monkeypatch.setattr(HandoffActions, "show_refusal", classmethod(lambda c, p, t: seen.append(t)))
    host = QWidget()
    qtbot.addWidget(host)

    def apply(commands, label):
        demo_session.apply_all(commands, label)
        return True

    actions = HandoffActions(demo_session, apply, host)
    board = demo_session.board
    title = "Confirm consent records with the booth vendor"
    task = next(t for t in board.tasks.values() if t.title == title)
    handoff = board.open_handoff(task.id)
    demo_session.set_actor(board.find_person("Misaki Nakamura").id)
    assert actions.acknowledge(handoff.id)
    assert not actions.acknowledge(handoff.id)
    assert seen == ["受領済みの引き継ぎは受領できません"]
