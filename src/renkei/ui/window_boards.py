"""Other boards from the main window: File → Open, New, recent boards, Connect to server,
Move this board to a server, the location bar's "Got it", and Help. A part of MainWindow:
``opener`` opens a board in a new window, and this one closes when it did."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from renkei.app import paths
from renkei.app.opening import board_label
from renkei.ui.change_words import fill

if TYPE_CHECKING:
    from renkei.ui.dialogs.move_to_server import MoveResult
    from renkei.ui.dialogs.shortcuts import ShortcutsDialog


class WindowBoards:
    """Opening, making and moving boards, for the MainWindow it is mixed into."""

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for location in self.settings.recent:
            action = self.recent_menu.addAction(f"{board_label(location)} — {location}")
            action.triggered.connect(lambda _=False, loc=location: self._open_other(loc))
        if not self.settings.recent:
            self.recent_menu.addAction(
                QCoreApplication.translate("MainWindow", "No recent boards")
            ).setEnabled(False)

    def open_board_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "Open board"),
            str(paths.data_dir()),
            QCoreApplication.translate("MainWindow", "Renkei boards (*.renkei);;All files (*)"),
        )
        if path:
            self._open_other(path)

    def new_board(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MainWindow", "New board"),
            str(paths.data_dir() / f"new{paths.BOARD_SUFFIX}"),
            QCoreApplication.translate("MainWindow", "Renkei boards (*.renkei)"),
        )
        if path:
            if not path.endswith(paths.BOARD_SUFFIX):
                path += paths.BOARD_SUFFIX
            self._open_other(path)

    def _open_other(self, location: str) -> None:
        if self.opener is not None and self.opener(location, self):
            self.close()

    def connect_to_server(self) -> None:
        """File → Connect to server…: the password goes to the opener, never into a URL."""
        from renkei.ui.dialogs.connect import ConnectDialog  # dialogs load when opened

        choice = ConnectDialog.ask(self)
        if choice is None or self.opener is None:
            return
        opened = self.opener(
            choice.url,
            self,
            password=choice.password or None,
            remember=choice.remember,
            ask_again=True,
        )
        if opened:
            self.close()

    def _location_note_seen(self) -> None:
        """ "Got it": the bar is not shown again for this board (a local setting)."""
        self.settings.mark_location_note_seen(self.session.store.location)
        if self.remember:
            with contextlib.suppress(OSError):  # a convenience: never fail over a setting
                self.settings.save()

    def move_to_server(self) -> None:
        """Copy this board to a server (as `renkei board copy`), then offer to open it."""
        from renkei.ui.dialogs.move_to_server import MoveToServerDialog

        moved = MoveToServerDialog.ask(self, self.session.store.location)
        if moved is not None:
            self._move_done(moved)

    @classmethod
    def ask_open_server(cls, parent, moved: MoveResult) -> bool:
        """After the copy: open the server board now? (A seam for tests.)"""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("MainWindow", "Board copied to the server"),
            fill(
                QCoreApplication.translate(
                    "MainWindow",
                    "%1 rows were copied to %2. Open the server board now?\n\nThe file "
                    "stays where it was: ask the team to open the server board from now on.",
                ),
                str(moved.report.total),
                moved.url,
            ),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            parent,
        )
        open_button = box.button(QMessageBox.StandardButton.Open)
        open_button.setText(QCoreApplication.translate("MainWindow", "Open the server board"))
        box.button(QMessageBox.StandardButton.Close).setText(
            QCoreApplication.translate("MainWindow", "Not now")
        )
        box.exec()
        return box.clickedButton() is open_button

    def _move_done(self, moved: MoveResult) -> None:
        if not self.ask_open_server(self, moved) or self.opener is None:
            return
        if self.opener(moved.url, self, password=moved.password or None, ask_again=True):
            self.close()

    # -- help -------------------------------------------------------------------------------

    def show_shortcuts(self) -> ShortcutsDialog:
        from renkei.ui.dialogs.shortcuts import ShortcutsDialog

        # The list reads the window's actions: the tabs made on first use bring theirs.
        self.timeline_tab  # noqa: B018
        self.handoffs_tab  # noqa: B018
        return ShortcutsDialog.show_for(self)

    def show_about(self) -> None:
        from renkei.ui.dialogs.about import AboutDialog

        AboutDialog.run(self, self.session.store.location)
