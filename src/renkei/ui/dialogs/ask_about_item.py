"""Ask a handoff's sender about one item of the packet."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from renkei.domain import fields
from renkei.domain.handoff import Handoff
from renkei.domain.model import Board
from renkei.i18n import arg
from renkei.ui.dialogs.handoff_base import HandoffDialog, item_text, person_name, short


@dataclass(frozen=True)
class AskChoice:
    item: str
    text: str


class AskAboutItemDialog(HandoffDialog):
    """Ask the sender about one item of the packet.

    Widgets: ``item_combo`` (data: item name; the first missing item is chosen),
    ``question_edit``, ``ok_button``."""

    def __init__(self, board: Board, handoff: Handoff, parent: QWidget | None = None):
        super().__init__(board, parent)
        self.handoff = handoff
        self.setWindowTitle(self.tr("Ask about the handoff"))
        heading = self._heading(arg(self.tr("Ask about “%1”"), self._task_title(handoff)))
        explain = self._muted_label(
            arg(
                self.tr("%1 sent it and is asked to answer."), person_name(board, handoff.sender_id)
            )
        )
        self.item_combo = QComboBox(self)
        for item in handoff.items:
            value = short(item.value) if item.provided else self.tr("not sent")
            self.item_combo.addItem(f"{item_text(item.name)}: {value}", item.name)
            if item.provided:
                self.item_combo.setItemData(
                    self.item_combo.count() - 1, item.value, Qt.ItemDataRole.ToolTipRole
                )
        first_missing = next((i.name for i in handoff.items if not i.provided), None)
        self.item_combo.setCurrentIndex(max(self.item_combo.findData(first_missing), 0))
        self.item_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.item_combo.setMinimumContentsLength(24)
        self.question_edit = self._text_edit(self.tr("What do you need to know?"))
        self.question_edit.textChanged.connect(self._update)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._form_label(self.tr("About"), self.item_combo), self.item_combo)
        form.addRow(self._form_label(self.tr("Question"), self.question_edit), self.question_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addSpacing(4)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Ask"))
        self._update()
        self._fit(500)
        self.question_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, board: Board, handoff: Handoff) -> AskChoice | None:
        return cls._run(cls(board, handoff, parent))

    def _update(self) -> None:
        self.ok_button.setEnabled(self.choice() is not None)

    def choice(self) -> AskChoice | None:
        text = self.question_edit.toPlainText().strip()
        item = self.item_combo.currentData()
        if not text or item is None or len(text) > fields.MAX_QUESTION:
            return None
        return AskChoice(item, text)
