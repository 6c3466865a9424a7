"""The detail pane's "Due date moved" section: a slipped task's baseline, every move of its
due date (when, by whom, from and to) in one glance, and Re-baseline to commit to the date it
has now. Hidden for a task whose due date never moved."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from renkei.app.session import BoardSession
from renkei.domain.model import Activity
from renkei.domain.slips import DueMove
from renkei.domain.slips import Slips as SlipHistory
from renkei.i18n import arg
from renkei.i18n.contexts import Slips
from renkei.i18n.history import actor_words, local_time_text
from renkei.i18n.words import parts_text
from renkei.ui.operation import Operation
from renkei.ui.text import date_text, muted_text_color


class SlipSection(QWidget):
    """Shown for a task whose due date moved since its baseline."""

    def __init__(self, session: BoardSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._task_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.heading = QLabel(self.tr("Due date moved"), self)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setContentsMargins(0, 8, 0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.moves = QLabel(self)
        self.moves.setWordWrap(True)
        self.moves.setTextFormat(Qt.TextFormat.RichText)
        self.moves.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rebaseline_button = QPushButton(self.tr("Re-baseline"), self)
        self.rebaseline_button.setToolTip(
            self.tr(
                "Commit to the current due date: the task is no longer counted as slipped, "
                "and later moves count from this date. Its history keeps every move."
            )
        )
        self.rebaseline_button.setAccessibleDescription(self.rebaseline_button.toolTip())
        self.rebaseline_button.clicked.connect(self.rebaseline)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rebaseline_button)
        buttons.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.moves)
        layout.addLayout(buttons)
        self.setVisible(False)

    def show_task(self, task_id: int | None) -> None:
        self._task_id = task_id
        board = self.session.board
        task = board.tasks.get(task_id) if task_id is not None else None
        slips = self.session.slips(task_id) if task is not None and task_id is not None else None
        if task is None or slips is None or not slips.moves:
            self.setVisible(False)
            return
        self.summary.setText(summary_words(slips, task.due, self.session.today()))
        muted = muted_text_color(QApplication.palette()).name()
        lines = []
        for move in reversed(slips.moves):  # newest first, as the history
            who = actor_words(board, _row_of(move, task.id))
            when = local_time_text(move.at)
            lines.append(
                f'<span style="color:{muted}">{html.escape(when)} · {html.escape(who)}</span>'
                f"<br>{html.escape(move_words(move, self.session.today()))}"
            )
        self.moves.setText("<br>".join(lines))
        self.setVisible(True)

    def rebaseline(self) -> None:
        task_id = self._task_id
        if task_id is None:
            return
        label = self.tr("Re-baseline")
        Operation(self, self.session, label).run(
            lambda change_id, _progress: self.session.rebaseline([task_id], change_id=change_id)
        )


def summary_words(slips: SlipHistory, due: date | None, today: date) -> str:
    """'First due Tue 1 Dec · moved 3 times · now 12 days later'."""
    parts = []
    if slips.baseline is not None:
        parts.append(arg(Slips.tr("First due %1"), date_text(slips.baseline, today)))
    parts.append(Slips.tr("moved %n time(s)", "", len(slips.moves)))
    later = slips.days_later(due)
    if due is None:
        parts.append(Slips.tr("now without a due date"))
    elif later > 0:
        parts.append(Slips.tr("now %n day(s) later", "", later))
    elif later < 0:
        parts.append(Slips.tr("now %n day(s) earlier", "", -later))
    else:
        parts.append(Slips.tr("back on its first date"))
    return parts_text(parts)


def move_words(move: DueMove, today: date) -> str:
    """'Tue 1 Dec → Fri 11 Dec'; a date cleared or set reads as '(none)'."""
    none = Slips.tr("(none)")
    old = date_text(move.old, today) if move.old else none
    new = date_text(move.new, today) if move.new else none
    return f"{old} → {new}"


def _row_of(move: DueMove, task_id: int) -> Activity:
    """The history row a move was read from, as far as naming its author needs it."""
    return Activity(0, move.at, move.actor_id, "task", task_id, "due", None, None, 0, move.login)
