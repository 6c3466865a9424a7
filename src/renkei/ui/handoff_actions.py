"""Send, acknowledge, accept, return, reject, ask and answer: the handoff actions of one task,
shared by the card's context menu and the detail pane.

Only the person a rule names can act (the owner or the task's team sends, the receiver
reacts, the sender answers); the menu says who can when it is not you, instead of offering
an action that would be refused. Every
action is built by ``renkei.domain.handoff_commands`` and applied through the one operation
(``renkei.ui.operation``), so it is signed, conflict-checked, undoable and synced like any
other edit, and a refusal or a lost connection is said the same way as for any other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from renkei.app.session import BoardSession
from renkei.domain import handoff_commands as ho
from renkei.domain.commands import Command, CommandError
from renkei.domain.handoff import Handoff, HandoffState
from renkei.ui.dialogs.handoff_dialogs import (
    AnswerQuestionDialog,
    AskAboutItemDialog,
    RejectHandoffDialog,
    ReturnHandoffDialog,
    SendHandoffDialog,
)
from renkei.ui.operation import run_operation
from renkei.ui.text import span_text

Apply = Callable[[list[Command], str], object]  # truthy when saved (the Change)


def _t(text: str) -> str:
    return QCoreApplication.translate("HandoffActions", text)


@dataclass(frozen=True, slots=True)
class Step:
    """One entry of the task's handoff menu: an action, or a line that only informs."""

    key: str  # "send", "ack", "accept", "return", "reject", "ask", "answer", "info"
    text: str
    enabled: bool = True
    handoff_id: int | None = None


class HandoffActions(QObject):
    def __init__(self, session: BoardSession, apply: Apply | None, parent: QWidget):
        """``apply``: how the window writes (None: the one operation, with ``parent``)."""
        super().__init__(parent)
        self.session = session
        self._apply = apply or (
            lambda commands, label: run_operation(parent, session, commands, label)
        )
        self._parent = parent

    # -- what can be done ---------------------------------------------------------------------

    def steps(self, task_id: int) -> list[Step]:
        """What the user can do with the task's handoffs now, in menu order."""
        board = self.session.board
        task = board.tasks.get(task_id)
        if task is None:
            return []
        me = self.session.actor_id
        steps: list[Step] = []
        waiting = board.open_handoff(task_id)
        if waiting is not None:
            steps.extend(self._reactions(waiting, me))
        else:
            refusal = ho.send_refusal(board, task_id, me)
            if refusal is None:
                steps.append(Step("send", _t("Hand off…")))
            elif refusal.kind == "no_actor":
                if task.owner_id is not None:  # its sender is known; send asks who you are
                    steps.append(Step("send", _t("Hand off…")))
            else:
                steps.append(Step("info", self.refusal_text(refusal), False))
        accepted = [h for h in board.handoffs_of(task_id) if h.state is HandoffState.ACCEPTED]
        if waiting is None and accepted and accepted[-1].receiver_id == me:
            steps.append(Step("ask", _t("Ask the sender about an item…"), True, accepted[-1].id))
        for h in reversed(board.handoffs_of(task_id)):
            if any(q.answer is None for q in h.questions):
                if h.sender_id == me:
                    steps.append(Step("answer", _t("Answer a question…"), True, h.id))
                else:
                    steps.append(self._info(_t("%1 has a question to answer"), h.sender_id))
                break
        return steps

    def _reactions(self, h: Handoff, me: int | None) -> list[Step]:
        board = self.session.board
        receiver = board.people.get(h.receiver_id)
        name = receiver.name if receiver else "?"
        since = span_text(self.session.now() - h.sent_at)
        if h.state is HandoffState.SENT:
            header = _t("Waiting for %1 to acknowledge (%2)").replace("%1", name)
        else:
            header = _t("Acknowledged by %1, waiting for a decision (%2)").replace("%1", name)
        steps = [Step("info", header.replace("%2", since), False, h.id)]
        mine = me == h.receiver_id
        if not mine:
            steps.append(
                self._info(_t("Only %1 can acknowledge, accept or return it"), h.receiver_id)
            )
            return steps
        if h.state is HandoffState.SENT:
            steps.append(Step("ack", _t("Acknowledge"), True, h.id))
        steps += [
            Step("accept", _t("Accept — take the task over"), True, h.id),
            Step("return", _t("Return for missing information…"), True, h.id),
            Step("reject", _t("Reject…"), True, h.id),
            Step("ask", _t("Ask the sender about an item…"), True, h.id),
        ]
        return steps

    def refusal_text(self, refusal: ho.SendRefusal) -> str:
        """Why this task cannot be handed off by you, naming who can."""
        board = self.session.board
        if refusal.kind == "no_actor":
            return _t("Choose who you are first (the status bar).")
        if refusal.kind == "done":
            return _t("This task is done: a finished task is not handed off")
        owner = board.people.get(refusal.owner_id or 0)
        team = board.teams.get(refusal.team_id or 0)
        if owner is not None and team is not None:
            text = _t("Only %1 (the owner) or someone in %2 can hand this task off")
        elif owner is not None:
            text = _t("Only %1 (the owner) can hand this task off")
        else:
            text = _t("Only someone in %2 can hand this task off")
        return text.replace("%1", owner.name if owner else "").replace(
            "%2", team.name if team else ""
        )

    def _info(self, template: str, person_id: int) -> Step:
        person = self.session.board.people.get(person_id)
        return Step("info", template.replace("%1", person.name if person else "?"), False)

    def menu_actions(self, task_id: int, parent: QObject) -> list[QAction]:
        """The steps as QActions for a context menu (informing lines disabled)."""
        actions = []
        for step in self.steps(task_id):
            action = QAction(step.text, parent)
            action.setEnabled(step.enabled)
            action.triggered.connect(lambda _=False, s=step, t=task_id: self.run(s, t))
            actions.append(action)
        return actions

    # -- doing it ------------------------------------------------------------------------------

    def run(self, step: Step, task_id: int) -> bool:
        """Carry out one step (asking what a dialog needs first); True when saved."""
        handler = {
            "send": self.send,
            "ack": self.acknowledge,
            "accept": self.accept,
            "return": self.return_,
            "reject": self.reject,
            "ask": self.ask,
            "answer": self.answer,
        }.get(step.key)
        if handler is None:
            return False
        return handler(task_id if step.key == "send" else step.handoff_id)

    def _do(self, build: Callable[[], Sequence[Command]], label: str) -> bool:
        try:
            commands = list(build())
        except CommandError as error:
            self.show_refusal(self._parent, str(error))
            return False
        return bool(self._apply(commands, label))

    def send(self, task_id: int) -> bool:
        board = self.session.board
        sender = self.session.actor_id  # the one who sends is the sender, owner or teammate
        refusal = ho.send_refusal(board, task_id, sender)
        if refusal is not None or sender is None:
            if refusal is not None:
                self.show_refusal(self._parent, self.refusal_text(refusal))
            return False
        choice = SendHandoffDialog.ask(self._parent, board, task_id, sender)
        if choice is None:
            return False
        return self._do(
            lambda: ho.send(
                self.session.board,
                task_id,
                choice.to_person_id,
                choice.template,
                choice.provided,
                choice.missing,
                choice.note,
                actor_id=self.session.actor_id,
                at=self.session.now(),
            ),
            _t("Hand off"),
        )

    def _react(self, build, handoff_id: int, label: str, *extra) -> bool:
        return self._do(
            lambda: build(
                self.session.board,
                handoff_id,
                *extra,
                actor_id=self.session.actor_id,
                at=self.session.now(),
            ),
            label,
        )

    def acknowledge(self, handoff_id: int) -> bool:
        return self._react(ho.acknowledge, handoff_id, _t("Acknowledge handoff"))

    def accept(self, handoff_id: int) -> bool:
        return self._react(ho.accept, handoff_id, _t("Accept handoff"))

    def return_(self, handoff_id: int) -> bool:
        handoff = self.session.board.handoffs[handoff_id]
        choice = ReturnHandoffDialog.ask(self._parent, self.session.board, handoff)
        if choice is None:
            return False
        return self._react(
            ho.return_, handoff_id, _t("Return handoff"), choice.reason, choice.missing
        )

    def reject(self, handoff_id: int) -> bool:
        handoff = self.session.board.handoffs[handoff_id]
        reason = RejectHandoffDialog.ask(self._parent, self.session.board, handoff)
        if reason is None:
            return False
        return self._react(ho.reject, handoff_id, _t("Reject handoff"), reason)

    def ask(self, handoff_id: int) -> bool:
        handoff = self.session.board.handoffs[handoff_id]
        choice = AskAboutItemDialog.ask(self._parent, self.session.board, handoff)
        if choice is None:
            return False
        return self._react(ho.ask, handoff_id, _t("Ask about a handoff"), choice.item, choice.text)

    def answer(self, handoff_id: int) -> bool:
        handoff = self.session.board.handoffs[handoff_id]
        choice = AnswerQuestionDialog.ask(self._parent, self.session.board, handoff)
        if choice is None:
            return False
        return self._react(
            ho.answer, handoff_id, _t("Answer a question"), choice.question_id, choice.text
        )

    @classmethod
    def show_refusal(cls, parent: QWidget, text: str) -> None:
        """The seam tests replace: a rule said no before anything was written."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, _t("Not saved"), text)
