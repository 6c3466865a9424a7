"""Reject a handoff for good, with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from renkei.domain.handoff import REJECT_REASONS, Handoff
from renkei.domain.model import Board
from renkei.i18n import arg
from renkei.ui.dialogs.handoff_base import HandoffDialog, reason_text


class RejectHandoffDialog(HandoffDialog):
    """Refuse a handoff for good, with a reason. Widgets: ``reason_combo``, ``ok_button``."""

    def __init__(self, board: Board, handoff: Handoff, parent: QWidget | None = None):
        super().__init__(board, parent)
        self.handoff = handoff
        self.setWindowTitle(self.tr("Reject handoff"))
        heading = self._heading(arg(self.tr("Reject “%1”"), self._task_title(handoff)))
        explain = QLabel(
            self.tr(
                "Rejecting ends this handoff for good: it cannot be sent again. If something "
                "is missing or wrong, return it instead — that asks the sender to fix it."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.reason_combo = QComboBox(self)
        for code in REJECT_REASONS:
            self.reason_combo.addItem(reason_text(code), code)
        self.reason_combo.setPlaceholderText(self.tr("Why?"))
        self.reason_combo.setCurrentIndex(-1)
        self.reason_combo.setMinimumContentsLength(16)
        self.reason_combo.currentIndexChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(self._form_label(self.tr("Reason"), self.reason_combo), self.reason_combo)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self._sender_line(handoff))
        layout.addWidget(explain)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Reject"))
        self._update()
        self._fit(460)
        self.reason_combo.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, board: Board, handoff: Handoff) -> str | None:
        return cls._run(cls(board, handoff, parent))

    def _update(self) -> None:
        self.ok_button.setEnabled(self.choice() is not None)

    def choice(self) -> str | None:
        return self.reason_combo.currentData()
