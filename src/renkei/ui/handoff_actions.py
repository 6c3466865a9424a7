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
from renkei.i18n import arg
from renkei.i18n.words import error_text
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
                steps.append(
                    Step("send", QCoreApplication.translate("HandoffActions", "Hand off…"))
                )
            elif refusal.kind == "no_actor":
                if task.owner_id is not None:  # its sender is known; send asks who you are
                    steps.append(
                        Step("send", QCoreApplication.translate("HandoffActions", "Hand off…"))
                    )
            else:
                steps.append(Step("info", self.refusal_text(refusal), False))
        accepted = [h for h in board.handoffs_of(task_id) if h.state is HandoffState.ACCEPTED]
        if waiting is None and accepted and accepted[-1].receiver_id == me:
            steps.append(
                Step(
                    "ask",
                    QCoreApplication.translate("HandoffActions", "Ask the sender about an item…"),
                    True,
                    accepted[-1].id,
                )
            )
        for h in reversed(board.handoffs_of(task_id)):
            if any(q.answer is None for q in h.questions):
                if h.sender_id == me:
                    steps.append(
                        Step(
                            "answer",
                            QCoreApplication.translate("HandoffActions", "Answer a question…"),
                            True,
                            h.id,
                        )
                    )
                else:
                    steps.append(
                        self._info(
                            QCoreApplication.translate(
                                "HandoffActions", "%1 has a question to answer"
                            ),
                            h.sender_id,
                        )
                    )
                break
        return steps

    def _reactions(self, h: Handoff, me: int | None) -> list[Step]:
        board = self.session.board
        receiver = board.people.get(h.receiver_id)
        name = receiver.name if receiver else "?"
        since = span_text(self.session.now() - h.sent_at)
        if h.state is HandoffState.SENT:
            header = arg(
                QCoreApplication.translate("HandoffActions", "Waiting for %1 to acknowledge (%2)"),
                name,
                since,
            )
        else:
            header = arg(
                QCoreApplication.translate(
                    "HandoffActions", "Acknowledged by %1, waiting for a decision (%2)"
                ),
                name,
                since,
            )
        steps = [Step("info", header, False, h.id)]
        mine = me == h.receiver_id
        if not mine:
            steps.append(
                self._info(
                    QCoreApplication.translate(
                        "HandoffActions", "Only %1 can acknowledge, accept or return it"
                    ),
                    h.receiver_id,
                )
            )
            return steps
        if h.state is HandoffState.SENT:
            steps.append(
                Step("ack", QCoreApplication.translate("HandoffActions", "Acknowledge"), True, h.id)
            )
        steps += [
            Step(
                "accept",
                QCoreApplication.translate("HandoffActions", "Accept — take the task over"),
                True,
                h.id,
            ),
            Step(
                "return",
                QCoreApplication.translate("HandoffActions", "Return for missing information…"),
                True,
                h.id,
            ),
            Step("reject", QCoreApplication.translate("HandoffActions", "Reject…"), True, h.id),
            Step(
                "ask",
                QCoreApplication.translate("HandoffActions", "Ask the sender about an item…"),
                True,
                h.id,
            ),
        ]
        return steps

    def refusal_text(self, refusal: ho.SendRefusal) -> str:
        """Why this task cannot be handed off by you, naming who can."""
        board = self.session.board
        if refusal.kind == "no_actor":
            return QCoreApplication.translate(
                "HandoffActions", "Choose who you are first (the status bar)."
            )
        if refusal.kind == "done":
            return QCoreApplication.translate(
                "HandoffActions", "This task is done: a finished task is not handed off"
            )
        owner = board.people.get(refusal.owner_id or 0)
        team = board.teams.get(refusal.team_id or 0)
        if owner is not None and team is not None:
            text = QCoreApplication.translate(
                "HandoffActions", "Only %1 (the owner) or someone in %2 can hand this task off"
            )
        elif owner is not None:
            text = QCoreApplication.translate(
                "HandoffActions", "Only %1 (the owner) can hand this task off"
            )
        else:
            text = QCoreApplication.translate(
                "HandoffActions", "Only someone in %2 can hand this task off"
            )
        return arg(text, owner.name if owner else "", team.name if team else "")

    def _info(self, template: str, person_id: int) -> Step:
        person = self.session.board.people.get(person_id)
        return Step("info", arg(template, person.name if person else "?"), False)

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
            self.show_refusal(self._parent, error_text(error))
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
            QCoreApplication.translate("HandoffActions", "Hand off"),
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
        return self._react(
            ho.acknowledge,
            handoff_id,
            QCoreApplication.translate("HandoffActions", "Acknowledge handoff"),
        )

    def accept(self, handoff_id: int) -> bool:
        return self._react(
            ho.accept, handoff_id, QCoreApplication.translate("HandoffActions", "Accept handoff")
        )

    def return_(self, handoff_id: int) -> bool:
        handoff = self.session.board.handoffs[handoff_id]
        choice = ReturnHandoffDialog.ask(self._parent, self.session.board, handoff)
        if choice is None:
            return False
        return self._react(
            ho.return_,
            handoff_id,
            QCoreApplication.translate("HandoffActions", "Return handoff"),
            choice.reason,
            choice.missing,
        )

    def reject(self, handoff_id: int) -> bool:
        handoff = self.session.board.handoffs[handoff_id]
        reason = RejectHandoffDialog.ask(self._parent, self.session.board, handoff)
        if reason is None:
            return False
        return self._react(
            ho.reject,
            handoff_id,
            QCoreApplication.translate("HandoffActions", "Reject handoff"),
            reason,
        )

    def ask(self, handoff_id: int) -> bool:
        handoff = self.session.board.handoffs[handoff_id]
        choice = AskAboutItemDialog.ask(self._parent, self.session.board, handoff)
        if choice is None:
            return False
        return self._react(
            ho.ask,
            handoff_id,
            QCoreApplication.translate("HandoffActions", "Ask about a handoff"),
            choice.item,
            choice.text,
        )

    def answer(self, handoff_id: int) -> bool:
        handoff = self.session.board.handoffs[handoff_id]
        choice = AnswerQuestionDialog.ask(self._parent, self.session.board, handoff)
        if choice is None:
            return False
        return self._react(
            ho.answer,
            handoff_id,
            QCoreApplication.translate("HandoffActions", "Answer a question"),
            choice.question_id,
            choice.text,
        )

    @classmethod
    def show_refusal(cls, parent: QWidget, text: str) -> None:
        """The seam tests replace: a rule said no before anything was written."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, QCoreApplication.translate("HandoffActions", "Not saved"), text)
