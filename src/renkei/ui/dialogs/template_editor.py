"""Board → Handoff templates…: the kinds of handoff a board knows and the items each carries.

Saving an existing template writes ONE ``SetFields`` with only the fields changed, based on
the values the user saw (someone else's edit of the same field meanwhile is a conflict, not
an overwrite); a new template is one ``Create``. ``ask_name``, ``show_error`` and
``confirm_discard`` are classmethod seams tests replace.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from renkei.app.session import BoardSession
from renkei.domain import fields
from renkei.domain.commands import Command, CommandError, Create, SetFields
from renkei.domain.model import StoredTemplate
from renkei.i18n import arg
from renkei.ui.operation import OperationFailure, run_operation
from renkei.ui.text import muted_text_color

# The template fields this editor writes, in the order commands list them.
EDITED_FIELDS = ("label", "items", "sla_business_days", "from_team", "to_team")
SLA_MAX = 30
NAME_ROLE = Qt.ItemDataRole.UserRole
TEAM_MAX = 60


def parse_items(text: str) -> tuple[str, ...]:
    """One item name per line: stripped, blank lines dropped, each name once, order kept."""
    found: list[str] = []
    for line in text.splitlines():
        name = line.strip()
        if name and name not in found:
            found.append(name)
    return tuple(found)


def shown_label(template: StoredTemplate) -> str:
    """The label as the user reads it (the built-in ones are translated)."""
    return QCoreApplication.translate("Handoff", template.label) if template.label else ""


class TemplateEditor(QDialog):
    """The board's handoff templates on the left, the chosen one's fields on the right.

    Widgets tests use: ``template_list`` (data: template name), ``name_label``,
    ``label_edit``, ``items_edit``, ``sla_spin``, ``from_team_edit``, ``to_team_edit``,
    ``new_button``, ``save_button``, ``close_button``, ``message_label``."""

    def __init__(self, session: BoardSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.saved = False  # anything written while the dialog was open
        self._current: StoredTemplate | None = None  # the template as the user first saw it
        self._draft_name: str | None = None  # a new template not yet saved
        self.setWindowTitle(self.tr("Handoff templates"))
        self.setSizeGripEnabled(True)
        self._build()
        self._fill_list()
        templates = self._templates()
        self._select_row_quietly(0 if templates else -1)
        self._load(templates[0] if templates else None)
        self.template_list.currentRowChanged.connect(self._row_changed)
        for signal in (
            self.label_edit.textChanged,
            self.items_edit.textChanged,
            self.sla_spin.valueChanged,
            self.from_team_edit.textChanged,
            self.to_team_edit.textChanged,
        ):
            signal.connect(self._update)
        self._update()

    # -- seams -----------------------------------------------------------------------------

    @classmethod
    def run(cls, parent: QWidget | None, session: BoardSession) -> bool:
        """Show the editor; True when any template was saved."""
        dialog = cls(session, parent)
        try:
            dialog.exec()
            return dialog.saved
        finally:
            dialog.deleteLater()

    @classmethod
    def ask_name(cls, parent: QWidget | None) -> str | None:
        """The new template's name (its key: what handoffs and the CLI call it)."""
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("TemplateEditor", "New handoff template"),
            QCoreApplication.translate(
                "TemplateEditor", "Name of the new template (a short key, e.g. renewal):"
            ),
        )
        return text if ok else None

    @classmethod
    def show_error(cls, parent: QWidget | None, text: str) -> None:
        QMessageBox.warning(
            parent, QCoreApplication.translate("TemplateEditor", "Handoff templates"), text
        )

    @classmethod
    def confirm_discard(cls, parent: QWidget | None, name: str) -> bool:
        """True when the user lets unsaved changes to ``name`` go."""
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("TemplateEditor", "Handoff templates"),
            arg(
                QCoreApplication.translate(
                    "TemplateEditor", "Discard your unsaved changes to “%1”?"
                ),
                name,
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.template_list = QListWidget(self)
        self.template_list.setAccessibleName(self.tr("Handoff templates"))
        self.template_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.template_list.setMinimumWidth(160)
        self.new_button = QPushButton(self.tr("New template…"), self)
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_template)
        left = QVBoxLayout()
        left.addWidget(self.template_list, 1)
        left.addWidget(self.new_button)

        self.name_label = QLabel(self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label_edit = QLineEdit(self)
        self.label_edit.setMaxLength(fields.MAX_NAME)
        self.items_edit = QPlainTextEdit(self)
        self.items_edit.setTabChangesFocus(True)
        line = self.items_edit.fontMetrics().lineSpacing()
        self.items_edit.setMinimumHeight(line * 8 + 12)
        self.items_hint = self._muted(QLabel(self.tr("One item per line, e.g. budget"), self))
        items_box = QVBoxLayout()
        items_box.setContentsMargins(0, 0, 0, 0)
        items_box.setSpacing(2)
        items_box.addWidget(self.items_edit, 1)
        items_box.addWidget(self.items_hint)
        self.sla_spin = QSpinBox(self)
        self.sla_spin.setRange(0, SLA_MAX)
        self._sla_suffix(self.sla_spin.value())
        self.sla_spin.valueChanged.connect(self._sla_suffix)
        self.sla_spin.setToolTip(
            self.tr("How soon the receiver must acknowledge it; weekends do not count.")
        )
        self.from_team_edit = QLineEdit(self)
        self.from_team_edit.setMaxLength(TEAM_MAX)
        self.from_team_edit.setPlaceholderText(self.tr("any team"))
        self.to_team_edit = QLineEdit(self)
        self.to_team_edit.setMaxLength(TEAM_MAX)
        self.to_team_edit.setPlaceholderText(self.tr("any team"))
        teams_hint = self._muted(
            QLabel(
                self.tr(
                    "Team names pick this kind when handing off: “Sales” fits Inside Sales and "
                    "Field Sales."
                ),
                self,
            )
        )
        teams_hint.setWordWrap(True)

        self.form = QWidget(self)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._label(self.tr("Name"), None), self.name_label)
        form.addRow(self._label(self.tr("Label"), self.label_edit), self.label_edit)
        items_label = self._label(self.tr("Items"), self.items_edit)
        items_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(items_label, items_box)
        form.addRow(self._label(self.tr("Acknowledge within"), self.sla_spin), self.sla_spin)
        form.addRow(self._label(self.tr("From team"), self.from_team_edit), self.from_team_edit)
        form.addRow(self._label(self.tr("To team"), self.to_team_edit), self.to_team_edit)
        form.addRow("", teams_hint)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("templateMessage")
        self.message_label.setStyleSheet(
            "#templateMessage { background: #fff4dc; border: 1px solid #d9a441;"
            " border-radius: 3px; color: #3d2b00; padding: 4px 6px; }"
        )
        self.message_label.hide()

        right = QVBoxLayout()
        right.addWidget(self.form, 1)
        right.addWidget(self.message_label)

        body = QHBoxLayout()
        body.addLayout(left)
        body.addSpacing(8)
        body.addLayout(right, 1)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.save_button.setDefault(True)
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(max(self.sizeHint().width(), 640), max(self.sizeHint().height(), 480))

    def _sla_suffix(self, days: int) -> None:
        """The unit after the number: " business day" or " business days"."""
        self.sla_spin.setSuffix(self.tr(" business day(s)", "", days))

    def _label(self, text: str, buddy: QWidget | None) -> QLabel:
        label = QLabel(arg(self.tr("%1:"), text), self)
        if buddy is not None:
            label.setBuddy(buddy)
        return label

    @staticmethod
    def _muted(label: QLabel) -> QLabel:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, muted_text_color(palette))
        label.setPalette(palette)
        return label

    def _templates(self) -> list[StoredTemplate]:
        return sorted(self.session.board.handoff_templates.values(), key=lambda t: t.id)

    def _fill_list(self) -> None:
        self.template_list.blockSignals(True)
        self.template_list.clear()
        for t in self._templates():
            label = shown_label(t)
            text = f"{label} ({t.name})" if label and label != t.name else t.name
            item = QListWidgetItem(text, self.template_list)
            item.setData(NAME_ROLE, t.name)
        self.template_list.blockSignals(False)

    def _select_row_quietly(self, row: int) -> None:
        self.template_list.blockSignals(True)
        self.template_list.setCurrentRow(row)
        self.template_list.blockSignals(False)

    def _row_of(self, name: str | None) -> int:
        for row in range(self.template_list.count()):
            if self.template_list.item(row).data(NAME_ROLE) == name:
                return row
        return -1

    # -- values ----------------------------------------------------------------------------

    def _load(self, template: StoredTemplate | None) -> None:
        """Show a template's fields (None: an empty form, for a draft or no templates)."""
        self._current = template
        quiet = (
            self.label_edit,
            self.items_edit,
            self.sla_spin,
            self.from_team_edit,
            self.to_team_edit,
        )
        for widget in quiet:
            widget.blockSignals(True)
        self.name_label.setText(template.name if template else (self._draft_name or ""))
        self.label_edit.setText(shown_label(template) if template else "")
        self.label_edit.setPlaceholderText(template.name if template else self._draft_name or "")
        self.items_edit.setPlainText("\n".join(template.items) if template else "")
        sla = template.sla_business_days if template else 1
        self.sla_spin.setMaximum(max(SLA_MAX, sla))  # an imported longer SLA stays as it is
        self.sla_spin.setValue(sla)
        self._sla_suffix(sla)  # its signal is blocked while loading
        self.from_team_edit.setText(template.from_team or "" if template else "")
        self.to_team_edit.setText(template.to_team or "" if template else "")
        for widget in quiet:
            widget.blockSignals(False)
        self.form.setEnabled(template is not None or self._draft_name is not None)
        self._update()

    def select_template(self, name: str) -> None:
        """Show the template of this name (as if clicked in the list)."""
        row = self._row_of(name)
        if row >= 0:
            self.template_list.setCurrentRow(row)

    def items(self) -> tuple[str, ...]:
        return parse_items(self.items_edit.toPlainText())

    def values(self) -> dict[str, Any]:
        """Every edited field as it would be stored, in the types the field specs take."""
        label = self.label_edit.text().strip()
        if self._current is not None and label == shown_label(self._current).strip():
            label = self._current.label  # untouched: keep the stored (untranslated) text
        return {
            "label": label,
            "items": self.items(),
            "sla_business_days": int(self.sla_spin.value()),
            "from_team": self.from_team_edit.text().strip() or None,
            "to_team": self.to_team_edit.text().strip() or None,
        }

    def changed_values(self) -> dict[str, Any]:
        """The fields whose value differs from the template as the user first saw it."""
        if self._current is None:
            return self.values()
        return {
            name: value
            for name, value in self.values().items()
            if value != getattr(self._current, name)
        }

    def is_dirty(self) -> bool:
        if self._draft_name is not None:
            return True
        return self._current is not None and bool(self.changed_values())

    def problems(self) -> list[str]:
        """What stops saving, in words; the rules themselves live in renkei.domain.fields."""
        if self._current is None and self._draft_name is None:
            return [""]
        found = []
        items = self.items()
        if not items:
            found.append(self.tr("Name at least one item."))
        for name in items:
            if len(name) > fields.MAX_ITEM:
                found.append(
                    arg(
                        self.tr("The item name “%1…” is too long: at most %2 characters."),
                        name[:20],
                        str(fields.MAX_ITEM),
                    )
                )
                break
        for field, label in (
            ("label", self.tr("label")),
            ("from_team", self.tr("from team")),
            ("to_team", self.tr("to team")),
        ):
            try:
                fields.check_value("handoff_template", field, self.values()[field])
            except CommandError:
                found.append(arg(self.tr("The %1 is too long."), label))
        return found

    def _update(self) -> None:
        problems = self.problems()
        self.save_button.setEnabled(not problems and self.is_dirty())
        shown = "\n".join(p for p in problems if p)
        self.message_label.setText(shown)
        self.message_label.setVisible(bool(shown))

    # -- behaviour -------------------------------------------------------------------------

    def _shown_name(self) -> str:
        if self._draft_name is not None:
            return self._draft_name
        return self._current.name if self._current else ""

    def _row_changed(self, row: int) -> None:
        item = self.template_list.item(row) if row >= 0 else None
        name = item.data(NAME_ROLE) if item is not None else None
        if name == self._shown_name():
            return
        if self.is_dirty() and not self.confirm_discard(self, self._shown_name()):
            self._select_row_quietly(self._row_of(self._shown_name()))
            return
        if self._draft_name is not None:
            self._drop_draft()
            row = self._row_of(name) if name is not None else -1
            self._select_row_quietly(row)
        self._load(self.session.board.template(name) if name is not None else None)

    def _drop_draft(self) -> None:
        draft_row = self._row_of(self._draft_name)
        self._draft_name = None
        if draft_row >= 0:
            self.template_list.blockSignals(True)
            self.template_list.takeItem(draft_row)
            self.template_list.blockSignals(False)

    def new_template(self) -> None:
        """Ask for a name, then fill in the new template's fields; Save creates it."""
        if self.is_dirty() and not self.confirm_discard(self, self._shown_name()):
            return
        name = self.ask_name(self)
        if name is None or not name.strip():
            return
        name = name.strip()
        if len(name) > fields.MAX_ITEM:
            self.show_error(
                self,
                arg(self.tr("The name is too long: at most %1 characters."), str(fields.MAX_ITEM)),
            )
            return
        if any(t.name.casefold() == name.casefold() for t in self._templates()):
            self.show_error(self, arg(self.tr("A template called “%1” already exists."), name))
            return
        if self._draft_name is not None:
            self._drop_draft()
        self._draft_name = name
        item = QListWidgetItem(arg(self.tr("%1 (new)"), name), self.template_list)
        item.setData(NAME_ROLE, name)
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        self._select_row_quietly(self.template_list.count() - 1)
        self._load(None)
        self.items_edit.setFocus()

    def save(self) -> bool:
        """Write the shown template; True when something was written. A refused command is
        shown through ``show_error`` and nothing else happens."""
        if self.problems() or not self.is_dirty():
            return False
        command: Command
        if self._draft_name is not None:
            values = self.values()
            command = Create(
                "handoff_template",
                (("name", self._draft_name), *((name, values[name]) for name in EDITED_FIELDS)),
            )
            name = self._draft_name
        else:
            assert self._current is not None
            changed = self.changed_values()
            command = SetFields(
                "handoff_template",
                self._current.id,
                tuple(changed.items()),
                tuple((field, getattr(self._current, field)) for field in changed),
            )
            name = self._current.name
        saved = run_operation(
            self,
            self.session,
            [command],
            self.tr("Edit handoff template"),
            on_failure=self._not_saved,
        )
        if saved is None:
            return False
        self.saved = True
        self._draft_name = None
        self._fill_list()
        self._select_row_quietly(self._row_of(name))
        self._load(self.session.board.template(name))
        return True

    def _not_saved(self, failure: OperationFailure) -> None:
        """Nothing was written (refused, changed meanwhile, or the board out of reach): the
        form keeps what was typed, so Save can be tried again."""
        self.show_error(self, arg(self.tr("Could not save the template: %1"), failure.reason))

    def reject(self) -> None:
        """Close; unsaved changes are only dropped when the user says so."""
        if self.is_dirty() and not self.confirm_discard(self, self._shown_name()):
            return
        super().reject()
