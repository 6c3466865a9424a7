"""Return a handoff to its sender: why, and which items are needed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from renkei.domain.handoff import RETURN_REASONS, Handoff
from renkei.domain.model import Board
from renkei.i18n import arg
from renkei.ui.dialogs.handoff_base import HandoffDialog, item_text, muted, reason_text, short


@dataclass(frozen=True)
class ReturnChoice:
    reason: str
    missing: tuple[str, ...]


class ReturnHandoffDialog(HandoffDialog):
    """Send a handoff back to its sender: why, and which items are needed.

    Widgets: ``reason_combo`` (data: reason code), ``item_checks`` (by item name),
    ``ok_button``."""

    def __init__(self, board: Board, handoff: Handoff, parent: QWidget | None = None):
        super().__init__(board, parent)
        self.handoff = handoff
        self.setWindowTitle(self.tr("Return handoff"))
        self._build()
        self._update()
        self._fit(520)
        self.reason_combo.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, board: Board, handoff: Handoff) -> ReturnChoice | None:
        return cls._run(cls(board, handoff, parent))

    def _build(self) -> None:
        h = self.handoff
        heading = self._heading(arg(self.tr("Return “%1” to its sender"), self._task_title(h)))
        explain = self._muted_label(
            self.tr(
                "The sender is asked to add what is missing and hand it off again. "
                "To end the handoff for good, reject it instead."
            )
        )
        self.reason_combo = QComboBox(self)
        for code in RETURN_REASONS:
            self.reason_combo.addItem(reason_text(code), code)
        self.reason_combo.setCurrentIndex(self.reason_combo.findData("missing_info"))
        form = QFormLayout()
        form.addRow(self._form_label(self.tr("Reason"), self.reason_combo), self.reason_combo)

        items_title = QLabel(self.tr("What do you need?"), self)
        self.item_checks: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        for row, item in enumerate(h.items):
            text = item_text(item.name)
            if not item.provided:
                text += self.tr(" — not sent")
            check = QCheckBox(text, self)
            check.setChecked(not item.provided)
            check.toggled.connect(self._update)
            value = QLabel(short(item.value) if item.provided else "", self)
            value.setTextFormat(Qt.TextFormat.PlainText)
            if item.provided and item.value != short(item.value):
                value.setToolTip(item.value)
            muted(value)
            grid.addWidget(check, row, 0)
            grid.addWidget(value, row, 1)
            self.item_checks[item.name] = check

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self._sender_line(h))
        layout.addWidget(self._note_box(h))
        layout.addWidget(explain)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(items_title)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Return"))

    def checked(self) -> tuple[str, ...]:
        return tuple(name for name, check in self.item_checks.items() if check.isChecked())

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.checked()))

    def choice(self) -> ReturnChoice | None:
        checked = self.checked()
        reason = self.reason_combo.currentData()
        if not checked or reason is None:
            return None
        return ReturnChoice(reason, checked)
