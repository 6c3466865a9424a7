"""Answer one of the receiver's open questions about a handoff."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from renkei.domain import fields
from renkei.domain.handoff import Handoff
from renkei.domain.model import Board
from renkei.i18n import arg
from renkei.ui.dialogs.handoff_base import HandoffDialog, item_text, person_name, short
from renkei.ui.text import local_time_text

SHORT_QUESTION = 32  # characters of a question in a combo box (the asker's name follows)


@dataclass(frozen=True)
class AnswerChoice:
    question_id: int
    text: str


class AnswerQuestionDialog(HandoffDialog):
    """Answer one of the receiver's open questions.

    Widgets: ``question_combo`` (data: question id; None when there is exactly one open
    question, shown in ``question_label`` instead), ``question_detail``, ``answer_edit``,
    ``ok_button``."""

    def __init__(self, board: Board, handoff: Handoff, parent: QWidget | None = None):
        super().__init__(board, parent)
        self.handoff = handoff
        self.open_questions = [q for q in handoff.questions if q.answer is None]
        self.setWindowTitle(self.tr("Answer a question"))
        heading = self._heading(
            arg(self.tr("Answer a question about “%1”"), self._task_title(handoff))
        )
        self.question_combo: QComboBox | None = None
        self.question_label: QLabel | None = None
        if len(self.open_questions) == 1:
            self.question_label = QLabel(self._question_text(self.open_questions[0], None), self)
            self.question_label.setWordWrap(True)
            self.question_label.setTextFormat(Qt.TextFormat.PlainText)
            self.question_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
            )
            chooser: QWidget = self.question_label
        else:
            self.question_combo = QComboBox(self)
            for q in self.open_questions:
                self.question_combo.addItem(self._question_text(q, SHORT_QUESTION), q.id)
            self.question_combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.question_combo.setMinimumContentsLength(24)
            self.question_combo.currentIndexChanged.connect(self._show_detail)
            if not self.open_questions:
                self.question_combo.setPlaceholderText(self.tr("No open questions"))
                self.question_combo.setEnabled(False)
            chooser = self.question_combo
        self.question_detail = self._muted_label()
        self.question_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer_edit = self._text_edit(self.tr("Your answer"))
        self.answer_edit.textChanged.connect(self._update)
        self.answer_edit.setEnabled(bool(self.open_questions))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._form_label(self.tr("Question"), chooser), chooser)
        form.addRow("", self.question_detail)
        form.addRow(self._form_label(self.tr("Answer"), self.answer_edit), self.answer_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addSpacing(4)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Answer"))
        self._show_detail()
        self._update()
        self._fit(520)
        self.answer_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, board: Board, handoff: Handoff) -> AnswerChoice | None:
        return cls._run(cls(board, handoff, parent))

    def _question_text(self, q, limit: int | None) -> str:
        text = q.text if limit is None else short(q.text, limit)
        return f"{item_text(q.item)}: {text} — {person_name(self.board, q.asked_by)}"

    def current_question_id(self) -> int | None:
        if self.question_combo is None:
            return self.open_questions[0].id
        return self.question_combo.currentData()

    def _show_detail(self) -> None:
        """Under the choice: the full question (a combo shows it shortened), when it was asked,
        and what the packet says about the item."""
        qid = self.current_question_id()
        q = next((q for q in self.open_questions if q.id == qid), None)
        if q is None:
            self.question_detail.setText(self.tr("Nobody is waiting for an answer."))
            return
        parts = []
        if self.question_combo is not None and short(q.text, SHORT_QUESTION) != q.text:
            parts.append(f"“{q.text}”")
        parts.append(arg(self.tr("Asked %1."), local_time_text(q.asked_at)))
        value = self.handoff.value(q.item)
        parts.append(
            arg(self.tr("The packet says: %1"), short(value, 120))
            if value is not None
            else self.tr("The packet did not include it.")
        )
        self.question_detail.setText("\n".join(parts))

    def _update(self) -> None:
        self.ok_button.setEnabled(self.choice() is not None)

    def choice(self) -> AnswerChoice | None:
        text = self.answer_edit.toPlainText().strip()
        qid = self.current_question_id()
        if not text or qid is None or len(text) > fields.MAX_QUESTION:
            return None
        return AnswerChoice(qid, text)
