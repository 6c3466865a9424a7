""" "Move this board to a server…": ask for a PostgreSQL address, copy the whole board there
(every row and its history, as `renkei board copy` does), with progress and Cancel.

The copy runs off the UI thread; Cancel stops it between batches and the copy's own
all-or-nothing transaction leaves the server as it was. The password stays in memory: it is
never put into the address that is shown or remembered."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from renkei.app import credentials
from renkei.app.board_files import CopyReport, copy_board
from renkei.i18n import arg
from renkei.i18n.words import error_text

EXAMPLE = "postgresql://user@host:5432/database"


@dataclass(frozen=True)
class MoveResult:
    url: str  # the server board's address, without a password
    password: str  # "" when none was typed (the keyring's, if any, was used)
    report: CopyReport

    def __repr__(self) -> str:  # a result printed in a log or a test failure hides the secret
        return f"MoveResult(url={self.url!r}, password='***', rows={self.report.total})"


def server_address(text: str) -> tuple[str, str | None]:
    """The password-less URL of a typed server address, and a password it carried. Raises
    ValueError with a message for the person when it is not a server address."""
    typed = text.strip()
    if not typed:
        raise ValueError(
            arg(
                QCoreApplication.translate(
                    "MoveToServer", "Type the server's address, for example %1."
                ),
                EXAMPLE,
            )
        )
    if credentials.is_server_url(typed):
        try:
            address, password = credentials.parse_server_url(typed)
        except ValueError:
            pass
        else:
            return address.url, password
    shown = credentials.without_password(typed)
    raise ValueError(
        arg(
            QCoreApplication.translate(
                "MoveToServer", "“%1” is not a server address. Write it as %2."
            ),
            shown,
            EXAMPLE,
        )
    )


class _Cancelled(Exception):
    """Raised from the progress callback: the copy's transaction rolls back."""


class CopyWorker(QThread):
    """One copy, off the UI thread; exactly one of copied / failed / cancelled at the end."""

    progressed = Signal(int, int)
    copied = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, source: str, destination: str, parent=None):
        super().__init__(parent)
        self.source, self.destination = source, destination
        self.stop = threading.Event()

    def run(self) -> None:
        def progress(done: int, total: int) -> None:
            if self.stop.is_set():
                raise _Cancelled
            self.progressed.emit(done, total)

        try:
            report = copy_board(self.source, self.destination, progress=progress)
        except _Cancelled:
            self.cancelled.emit()
        except Exception as error:  # every failure is said in the dialog, none kills the app
            self.failed.emit(_problem(error))
        else:
            # Even when Cancel came after the last batch: the board is on the server now.
            self.copied.emit(report)


def _problem(error: Exception) -> str:
    if credentials.wants_password(error):
        return QCoreApplication.translate(
            "MoveToServer", "The server asked for a password: type it in the Password field."
        )
    text = error_text(error).strip() or type(error).__name__
    return credentials.without_password(text) if "://" in text else text


class MoveToServerDialog(QDialog):
    """``MoveToServerDialog.ask(parent, source)``: the copy's result, or None."""

    def __init__(self, source: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = source
        self.result_: MoveResult | None = None
        self.worker: CopyWorker | None = None
        self._closing = False
        self._password = ""
        self._url = ""
        self.setWindowTitle(
            QCoreApplication.translate("MoveToServer", "Move this board to a server")
        )

        intro = QLabel(
            QCoreApplication.translate(
                "MoveToServer",
                "Renkei copies this board, with its whole history, into an empty database on "
                "a PostgreSQL server, where the whole team can work on it at once. The file "
                "stays where it is.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.address_edit = QLineEdit(self)
        self.address_edit.setPlaceholderText(EXAMPLE)
        self.address_edit.setAccessibleName(
            QCoreApplication.translate("MoveToServer", "Server address")
        )
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            QCoreApplication.translate("MoveToServer", "leave empty if the server needs none")
        )
        self.password_edit.setAccessibleName(QCoreApplication.translate("MoveToServer", "Password"))
        form = QFormLayout()
        form.addRow(
            QCoreApplication.translate("MoveToServer", "Server &address:"), self.address_edit
        )
        form.addRow(QCoreApplication.translate("MoveToServer", "Pass&word:"), self.password_edit)

        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.setObjectName("problem")
        self.problem_label.setStyleSheet(
            "#problem { background: #fff4dc; border: 1px solid #d9a441; border-radius: 3px;"
            " color: #3d2b00; padding: 6px; }"
        )
        self.problem_label.setAccessibleName(QCoreApplication.translate("MoveToServer", "Problem"))
        self.problem_label.hide()

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(QCoreApplication.translate("MoveToServer", "Rows copied"))
        self.progress.setRange(0, 0)  # busy until the first batch says how many
        self.progress.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.copy_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.copy_button.setText(QCoreApplication.translate("MoveToServer", "Copy to server"))
        self.copy_button.setAccessibleName(self.copy_button.text())
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(QCoreApplication.translate("MoveToServer", "Cancel"))
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._fit()
        self.address_edit.setFocus()

    def _fit(self) -> None:
        """Room for the wrapped words at this width: a window's size hint ignores wrapping,
        so the intro or the problem would otherwise be cut off when a row shows or hides."""
        width = max(520, self.width() if self.isVisible() else 0)
        height = self.layout().totalHeightForWidth(width)
        if height < 0:  # nothing wraps
            height = self.layout().sizeHint().height()
        self.setMinimumSize(520, height)
        self.resize(width, height)

    # -- seam ------------------------------------------------------------------------------

    @classmethod
    def ask(cls, parent: QWidget | None, source: str) -> MoveResult | None:
        dialog = cls(source, parent)
        try:
            dialog.exec()
            return dialog.result_
        finally:
            dialog.deleteLater()

    # -- the copy --------------------------------------------------------------------------

    @property
    def copying(self) -> bool:
        return self.worker is not None

    def start(self) -> None:
        """Check the address, then copy; a bad address is said here and nothing starts."""
        if self.copying:
            return
        try:
            url, embedded = server_address(self.address_edit.text())
        except ValueError as error:
            self.show_problem(error_text(error))
            self.address_edit.setFocus()
            return
        password = self.password_edit.text() or embedded or credentials.get_password(url) or ""
        self._url, self._password = url, password
        destination = credentials.with_password(url, password) if password else url
        self.show_problem("")
        self._set_busy(True)
        self.worker = CopyWorker(self.source, destination, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.copied.connect(self._copied)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.finished.connect(self._finished)
        self.worker.start()

    def show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        self._fit()

    def _set_busy(self, busy: bool) -> None:
        self.address_edit.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
        self.copy_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(QCoreApplication.translate("MoveToServer", "Cancel"))
        self._fit()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _copied(self, report: CopyReport) -> None:
        self.result_ = MoveResult(self._url, self._password, report)

    def _failed(self, text: str) -> None:
        self.show_problem(
            arg(QCoreApplication.translate("MoveToServer", "Nothing was copied: %1"), text)
        )

    def _cancelled(self) -> None:
        self.show_problem(
            QCoreApplication.translate(
                "MoveToServer", "Copy cancelled; nothing was written to the server."
            )
        )

    def _finished(self) -> None:
        self.worker = None
        if self.result_ is not None:
            super().accept()
            return
        if self._closing:
            super().reject()
            return
        self._set_busy(False)

    def reject(self) -> None:
        """Cancel stops a running copy first (the server is left as it was), then closes."""
        if self.worker is not None:
            self._closing = True
            self.worker.stop.set()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(QCoreApplication.translate("MoveToServer", "Cancelling…"))
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.worker is not None:
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)
