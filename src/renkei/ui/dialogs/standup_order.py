"""Board → Standup order…: the order in which the standup walks through the teams."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from renkei.app.standup import team_order
from renkei.domain.model import Board


class StandupOrderDialog(QDialog):
    def __init__(self, board: Board, order: list[int], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Standup order"))
        hint = QLabel(self.tr("Drag the teams into the order the standup walks through them."))
        hint.setWordWrap(True)
        self.teams = QListWidget(self)
        self.teams.setAccessibleName(self.tr("Teams in standup order"))
        self.teams.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for team_id in team_order(board, order):
            if team_id is None:
                continue  # tasks without a team always come last
            item = QListWidgetItem(board.teams[team_id].name)
            item.setData(Qt.ItemDataRole.UserRole, team_id)
            self.teams.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.teams)
        layout.addWidget(buttons)

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
