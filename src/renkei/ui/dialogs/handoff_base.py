"""What every handoff dialog shares: the small helpers for names and values, and the base
dialog (a heading, who sent it, the sender's note, OK/Cancel, Ctrl+Enter for OK)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from renkei.domain.handoff import Handoff, item_label, reason_label
from renkei.domain.model import Board
from renkei.i18n import arg, translate_marked
from renkei.ui.text import local_time_text, muted_text_color

SHORT_TEXT = 60  # characters of a value shown inside a combo box


def item_text(name: str) -> str:
    return item_label(name, translate_marked)


def reason_text(code: str) -> str:
    return reason_label(code, translate_marked)


def short(text: str, limit: int = SHORT_TEXT) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def team_name(board: Board, team_id: int | None) -> str:
    team = board.teams.get(team_id) if team_id is not None else None
    return team.name if team else ""


def person_name(board: Board, person_id: int | None) -> str:
    person = board.people.get(person_id) if person_id is not None else None
    return person.name if person else QCoreApplication.translate("Handoff", "someone")


def muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, muted_text_color(palette))
    label.setPalette(palette)
    return label


def warm_color(palette: QPalette) -> QColor:
    """A warm colour for "missing" that stays readable: dark amber on a light window (about
    5.8:1), light amber on a dark one."""
    if palette.color(QPalette.ColorRole.Window).lightness() >= 128:
        return QColor("#a33a00")
    return QColor("#ffb36b")


class HandoffDialog(QDialog):
    """What every handoff dialog shares: a heading, who sent it, OK/Cancel, Ctrl+Enter."""

    def __init__(self, board: Board, parent: QWidget | None = None):
        super().__init__(parent)
        self.board = board
        self.setSizeGripEnabled(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("Handoff", "Cancel"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @classmethod
    def _run(cls, dialog: HandoffDialog):
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.choice() if accepted else None
        finally:
            dialog.deleteLater()

    def choice(self):  # pragma: no cover - every dialog has its own
        raise NotImplementedError

    def accept(self) -> None:
        """OK only when there is something to return (Enter must not bypass a disabled OK)."""
        if self.choice() is None:
            return
        super().accept()

    # -- building blocks -------------------------------------------------------------------

    def _heading(self, text: str) -> QLabel:
        heading = QLabel(text, self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        return heading

    def _muted_label(self, text: str = "") -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return muted(label)

    def _form_label(self, text: str, buddy: QWidget | None = None) -> QLabel:
        label = QLabel(arg(QCoreApplication.translate("Handoff", "%1:"), text), self)
        if buddy is not None:
            label.setBuddy(buddy)
        return label

    def _sender_line(self, handoff: Handoff) -> QLabel:
        """ "From Yuki Tanaka (Inside Sales) · sent 2026-11-20 14:03"."""
        name = person_name(self.board, handoff.sender_id)
        team = team_name(self.board, handoff.sender_team_id)
        if not team:
            sender = self.board.people.get(handoff.sender_id)
            team = team_name(self.board, sender.team_id if sender else None)
        if team:
            who = arg(QCoreApplication.translate("Handoff", "From %1 (%2)"), name, team)
        else:
            who = arg(QCoreApplication.translate("Handoff", "From %1"), name)
        sent = arg(
            QCoreApplication.translate("Handoff", "sent %1"), local_time_text(handoff.sent_at)
        )
        return self._muted_label(f"{who} · {sent}")

    def _note_box(self, handoff: Handoff) -> QWidget:
        """The sender's note, selectable, in a light frame; "No note." when there is none."""
        if not handoff.note.strip():
            return self._muted_label(QCoreApplication.translate("Handoff", "No note."))
        note = QLabel(handoff.note, self)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note.setFrameShape(QFrame.Shape.StyledPanel)
        note.setMargin(6)
        note.setBackgroundRole(QPalette.ColorRole.Base)
        note.setAutoFillBackground(True)
        return note

    def _task_title(self, handoff: Handoff) -> str:
        task = self.board.tasks.get(handoff.task_id)
        return task.title if task else f"#{handoff.task_id}"

    def _text_edit(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        edit.installEventFilter(self)
        return edit

    def _fit(self, width: int) -> None:
        """At least ``width`` wide, tall enough for the wrapped text at that width."""
        self.setMinimumWidth(min(width, 420))
        layout = self.layout()
        layout.activate()
        height = layout.totalHeightForWidth(width)
        self.resize(width, max(height, self.sizeHint().height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in a text box means OK (Enter alone is a new line there)."""
        if (
            isinstance(watched, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.ok_button.isEnabled():
                self.accept()
            return True
        return super().eventFilter(watched, event)
