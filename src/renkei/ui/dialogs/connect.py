"""File → Connect to server…: where a PostgreSQL board lives, and its password.

The dialog gives back the password-less URL and, separately, the password: the password
is never part of a URL that is stored, logged or shown."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from renkei.app import credentials
from renkei.ui.text import muted_text_color


@dataclass(frozen=True)
class ConnectChoice:
    url: str  # without the password
    password: str = ""
    remember: bool = False

    def __repr__(self) -> str:  # a choice printed in a log or a test failure hides the secret
        return f"ConnectChoice(url={self.url!r}, password='***', remember={self.remember})"


class ConnectDialog(QDialog):
    """``ConnectDialog.ask(parent)`` for a new server board; ``url`` and ``problem`` fill it
    in again when the server asked for a password or could not be reached."""

    def __init__(
        self,
        parent: QWidget | None = None,
        url: str | None = None,
        problem: str = "",
        keyring_available: bool | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to server"))
        self.keyring_available = (
            credentials.available() if keyring_available is None else keyring_available
        )

        intro = QLabel(
            self.tr(
                "Open a board kept on a PostgreSQL server, so everyone on the team sees the "
                "same board."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.host_edit = QLineEdit(self)
        self.host_edit.setPlaceholderText(self.tr("e.g. boards.example.com"))
        self.port_spin = QSpinBox(self)
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(credentials.DEFAULT_PORT)
        self.port_spin.setGroupSeparatorShown(False)
        self.database_edit = QLineEdit(self)
        self.database_edit.setPlaceholderText(self.tr("e.g. renkei"))
        self.user_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("leave empty if the server needs none"))
        self.remember_check = QCheckBox(self.tr("Remember password in the system keyring"), self)
        self.remember_note = QLabel(self)
        self.remember_note.setWordWrap(True)
        self.remember_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        muted = self.remember_note.palette()
        muted.setColor(QPalette.ColorRole.WindowText, muted_text_color(muted))
        self.remember_note.setPalette(muted)
        if self.keyring_available:
            self.remember_note.setText(self.tr("Passwords are never written to Renkei's settings."))
        else:
            self.remember_check.setEnabled(False)
            self.remember_check.setChecked(False)
            self.remember_note.setText(
                self.tr(
                    "No system keyring is available on this computer, so Renkei will ask for "
                    "the password each time."
                )
            )
            self.remember_check.setToolTip(self.remember_note.text())

        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host_edit)
        form.addRow(self.tr("&Port:"), self.port_spin)
        form.addRow(self.tr("&Database:"), self.database_edit)
        form.addRow(self.tr("&User:"), self.user_edit)
        form.addRow(self.tr("Pass&word:"), self.password_edit)
        form.addRow("", self.remember_check)
        form.addRow("", self.remember_note)

        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.setObjectName("problem")
        self.problem_label.setStyleSheet(
            "#problem { background: #fff4dc; border: 1px solid #d9a441; border-radius: 3px;"
            " color: #3d2b00; padding: 6px; }"
        )
        self.problem_label.setVisible(bool(problem))
        self.problem_label.setText(problem)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Connect"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self._fit_height(440)

        for edit in (self.host_edit, self.database_edit, self.user_edit):
            edit.textChanged.connect(self._update_ok)
        if url:
            self.set_url(url)
        self._update_ok()
        first_empty = next(
            (e for e in (self.host_edit, self.database_edit, self.user_edit) if not e.text()),
            self.password_edit,
        )
        first_empty.setFocus()

    def _fit_height(self, width: int) -> None:
        """Reserve the wrapped notes' full height: a window's size hint ignores wrapping,
        so the keyring note or the problem would otherwise be cut off."""
        width = max(width, self.sizeHint().width())
        height = self.layout().totalHeightForWidth(width)
        if height < 0:  # nothing wraps
            height = self.sizeHint().height()
        self.setMinimumSize(width, height)
        self.resize(width, height)

    # -- seam ------------------------------------------------------------------------------

    @classmethod
    def ask(
        cls, parent: QWidget | None = None, url: str | None = None, problem: str = ""
    ) -> ConnectChoice | None:
        """Show the dialog; the choice, or None when cancelled."""
        dialog = cls(parent, url, problem)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.choice()
        finally:
            dialog.deleteLater()

    # -- values ----------------------------------------------------------------------------

    def set_url(self, url: str) -> None:
        """Fill the fields from a (password-less) server URL."""
        try:
            address, _password = credentials.parse_server_url(url)
        except ValueError:
            return
        self.host_edit.setText(address.host)
        self.port_spin.setValue(address.port)
        self.database_edit.setText(address.database)
        self.user_edit.setText(address.user)

    def url(self) -> str:
        """``postgresql+psycopg://user@host:port/db``: never the password."""
        return credentials.server_url(
            self.host_edit.text().strip(),
            self.port_spin.value(),
            self.database_edit.text().strip(),
            self.user_edit.text().strip(),
        )

    def choice(self) -> ConnectChoice:
        return ConnectChoice(
            self.url(),
            self.password_edit.text(),
            self.remember_check.isChecked() and bool(self.password_edit.text()),
        )

    def is_complete(self) -> bool:
        return all(e.text().strip() for e in (self.host_edit, self.database_edit, self.user_edit))

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.is_complete())

    def accept(self) -> None:
        if self.is_complete():
            super().accept()
