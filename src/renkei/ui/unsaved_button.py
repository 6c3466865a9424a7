"""The status bar's "2 unsaved changes — Retry": the edits that could not reach the board,
listed in its tooltip, tried again on a click once the board is connected."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QStyle, QToolButton, QWidget

from renkei.i18n import arg
from renkei.ui.board_writes import BoardWrites


class UnsavedButton(QToolButton):
    """Shows ``writes.unsaved``; hidden while it is empty, enabled while ``connected()``."""

    def __init__(self, writes: BoardWrites, connected: Callable[[], bool], parent: QWidget):
        super().__init__(parent)
        self.writes = writes
        self._connected = connected
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.setIconSize(QSize(14, 14))
        self.hide()

    def update_state(self, *_state) -> None:
        count = len(self.writes.unsaved)
        self.setVisible(bool(count))
        if not count:
            return
        connected = self._connected()
        self.setText(
            QCoreApplication.translate("MainWindow", "1 unsaved change — Retry")
            if count == 1
            else arg(
                QCoreApplication.translate("MainWindow", "%1 unsaved changes — Retry"), str(count)
            )
        )
        self.setEnabled(connected)
        lines = [
            line
            for edit in self.writes.unsaved
            for line in (self.writes.edit_title(edit), *edit.lines)
        ]
        hint = (
            QCoreApplication.translate("MainWindow", "Click to save these again.")
            if connected
            else QCoreApplication.translate(
                "MainWindow", "Retry is possible once the board is connected again."
            )
        )
        self.setToolTip("\n".join([*lines, "", hint]))
