"""Board → Standup order…: the order in which the standup walks through the teams."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from renkei.app.standup import team_order
from renkei.domain.model import Board
from renkei.ui.phrase_label import PhraseLabel


class StandupOrderDialog(QDialog):
    def __init__(self, board: Board, order: list[int], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Standup order"))
        hint = PhraseLabel(self)  # (Japanese breaks by phrase, not inside a word)
        hint.setWordWrap(True)
        hint.set_phrases(
            self.tr(
                "Drag the teams into the order the standup walks through them, or move the "
                "chosen team with Move up and Move down (Alt+↑, Alt+↓)."
            )
        )
        self.teams = QListWidget(self)
        self.teams.setAccessibleName(self.tr("Teams in standup order"))
        self.teams.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for team_id in team_order(board, order):
            if team_id is None:
                continue  # tasks without a team always come last
            item = QListWidgetItem(board.teams[team_id].name)
            item.setData(Qt.ItemDataRole.UserRole, team_id)
            self.teams.addItem(item)
        self.teams.setCurrentRow(0)
        # The order by keyboard too: buttons beside the list, and Alt+↑ / Alt+↓ on it.
        self.up = QPushButton(self.tr("Move &up"), self)
        self.down = QPushButton(self.tr("Move &down"), self)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            QShortcut(QKeySequence(keys), self, lambda step=step: self._move(step))
        moves = QVBoxLayout()
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        moves.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.teams, 1)
        row.addLayout(moves)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _move(self, step: int) -> None:
        """The chosen team one place up (-1) or down (1); it stays chosen."""
        row = self.teams.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.teams.count():
            return
        self.teams.insertItem(target, self.teams.takeItem(row))
        self.teams.setCurrentRow(target)

    def order(self) -> list[int]:
        return [
            self.teams.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.teams.count())
        ]

    @classmethod
    def ask(cls, parent, board: Board, order: list[int]) -> list[int] | None:
        """The seam tests replace: the new order, or None when cancelled."""
        dialog = cls(board, order, parent)
        try:
            return dialog.order() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
