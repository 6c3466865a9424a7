"""Who am I on this board? Pick yourself from the people, or add yourself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from renkei.app.session import BoardSession
from renkei.domain import fields
from renkei.domain.commands import Create, ValidationError
from renkei.domain.model import Person
from renkei.i18n import arg
from renkei.ui.operation import OperationFailure, run_operation
from renkei.ui.text import muted_text_color

PERSON_ROLE = Qt.ItemDataRole.UserRole


class IdentityDialog(QDialog):
    """The board's people grouped by team; choosing one (or adding yourself) gives the id
    every edit in this window is signed with."""

    def __init__(self, session: BoardSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.person_id: int | None = None
        self.setWindowTitle(self.tr("Who are you?"))
        self.setSizeGripEnabled(True)
        self._build()
        self._fill()
        self._update_buttons()

    @classmethod
    def ask(cls, parent: QWidget | None, session: BoardSession) -> int | None:
        """Show the dialog; the chosen or added person's id, or None when cancelled."""
        dialog = cls(session, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.person_id if accepted else None
        finally:
            dialog.deleteLater()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        heading = QLabel(self.tr("Who are you on this board?"), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        explain = QLabel(
            self.tr(
                "Your changes are signed with your name, so colleagues know whom to ask. "
                "This is remembered on this computer only."
            ),
            self,
        )
        explain.setWordWrap(True)
        muted = explain.palette()
        muted.setColor(QPalette.ColorRole.WindowText, muted_text_color(muted))
        explain.setPalette(muted)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Type to find your name…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Find your name"))
        self.people = QTreeWidget(self)
        self.people.setAccessibleName(self.tr("People on this board"))
        self.people.setColumnCount(2)
        self.people.setHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.people.setRootIsDecorated(False)
        self.people.setItemsExpandable(False)
        self.people.setUniformRowHeights(True)
        self.people.setAllColumnsShowFocus(True)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.people.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.people.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)

        self.add_check = QCheckBox(self.tr("I'm not listed — add me"), self)
        self.add_form = QWidget(self)
        self.add_form.hide()
        self.name_edit = QLineEdit(self.add_form)
        self.name_edit.setPlaceholderText(self.tr("Your name as colleagues know it"))
        self.team_combo = QComboBox(self.add_form)
        self.team_combo.addItem(self.tr("— none —"), None)
        for team in self.session.board.ordered_teams():
            self.team_combo.addItem(team.name, team.id)
        self.role_edit = QLineEdit(self.add_form)
        self.role_edit.setPlaceholderText(self.tr("e.g. Inside Sales lead"))
        self.contact_edit = QLineEdit(self.add_form)
        self.contact_edit.setPlaceholderText(self.tr("e-mail, extension or chat handle"))
        form = QFormLayout(self.add_form)
        form.setContentsMargins(24, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._label(self.tr("Name"), self.name_edit), self.name_edit)
        form.addRow(self._label(self.tr("Team"), self.team_combo), self.team_combo)
        form.addRow(self._label(self.tr("Role"), self.role_edit), self.role_edit)
        form.addRow(self._label(self.tr("Contact"), self.contact_edit), self.contact_edit)

        self.message_icon = QLabel(self)
        self.message_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16, 16)
        )
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_box = QWidget(self)
        message_row = QHBoxLayout(self.message_box)
        message_row.setContentsMargins(0, 0, 0, 0)
        message_row.addWidget(self.message_icon, 0, Qt.AlignmentFlag.AlignTop)
        message_row.addWidget(self.message_label, 1)
        self.message_box.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.add_check)
        layout.addWidget(self.add_form)
        layout.addWidget(self.message_box)
        layout.addWidget(self.buttons)

        self.people.itemSelectionChanged.connect(self._picked)
        self.people.itemActivated.connect(self._activated)
        self.filter_edit.textChanged.connect(self._filter)
        self.add_check.toggled.connect(self._adding_toggled)
        self.name_edit.textChanged.connect(self._update_buttons)
        self.role_edit.textChanged.connect(self._update_buttons)
        self.contact_edit.textChanged.connect(self._update_buttons)
        # Wide enough that the explanation wraps to two lines, which the minimum height assumes
        # (a top-level window's minimum size does not follow wrapped text).
        self.setMinimumWidth(max(420, explain.fontMetrics().horizontalAdvance(explain.text()) // 2))
        self._fit_minimum_height()
        self.resize(max(self.sizeHint().width(), 520), max(self.sizeHint().height(), 560))

    def _fit_minimum_height(self) -> None:
        """A window's minimum size ignores wrapped text; ask the layout at the minimum width."""
        layout = self.layout()
        layout.activate()
        self.setMinimumHeight(layout.totalHeightForWidth(self.minimumWidth()))

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(arg(self.tr("%1:"), text), self)
        label.setBuddy(buddy)
        return label

    def _fill(self) -> None:
        board = self.session.board
        groups: list[tuple[str, list[Person]]] = []
        for team in board.ordered_teams():
            members = [p for p in board.people.values() if p.team_id == team.id]
            groups.append((team.name, members))
        loners = [p for p in board.people.values() if p.team_id not in board.teams]
        groups.append((self.tr("No team"), loners))
        bold = QFont(self.people.font())
        bold.setBold(True)
        current = None
        for team_name, members in groups:
            if not members:
                continue
            group = QTreeWidgetItem(self.people, [team_name])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFont(0, bold)
            group.setFirstColumnSpanned(True)
            for person in sorted(members, key=lambda p: p.name.casefold()):
                item = QTreeWidgetItem(group, [person.name, person.role])
                item.setData(0, PERSON_ROLE, person.id)
                item.setToolTip(0, person.contact)
                item.setToolTip(1, person.contact)
                if person.id == self.session.actor_id:
                    current = item
            group.setExpanded(True)
        if current is not None:
            self.people.setCurrentItem(current)
        self.people.setFocus()

    # -- behaviour -------------------------------------------------------------------------

    def selected_person(self) -> int | None:
        item = self.people.currentItem()
        if item is None or not item.isSelected():
            return None
        return item.data(0, PERSON_ROLE)

    def select_person(self, person_id: int) -> None:
        for group_index in range(self.people.topLevelItemCount()):
            group = self.people.topLevelItem(group_index)
            for child_index in range(group.childCount()):
                item = group.child(child_index)
                if item.data(0, PERSON_ROLE) == person_id:
                    self.people.setCurrentItem(item)
                    return

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for group_index in range(self.people.topLevelItemCount()):
            group = self.people.topLevelItem(group_index)
            shown = 0
            for child_index in range(group.childCount()):
                item = group.child(child_index)
                match = (
                    not wanted
                    or wanted in item.text(0).casefold()
                    or wanted in item.text(1).casefold()
                )
                item.setHidden(not match)
                shown += match
            group.setHidden(shown == 0)

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(0, PERSON_ROLE) is not None:
            self.add_check.setChecked(False)
            self.accept()

    def _adding_toggled(self, on: bool) -> None:
        self.add_form.setVisible(on)
        self._fit_minimum_height()
        if on:
            self.people.clearSelection()
            self.name_edit.setFocus()
        self._update_buttons()

    def _picked(self) -> None:
        if self.selected_person() is not None:
            self.add_check.setChecked(False)  # choosing someone means: not adding after all
        self._update_buttons()

    def problems(self) -> list[str]:
        if not self.add_check.isChecked():
            return [] if self.selected_person() is not None else [""]
        name = self.name_edit.text().strip()
        found = []
        try:
            fields.check_value("person", "name", name)
        except ValidationError:
            found.append(
                self.tr("Your name is required.")
                if not name
                else arg(self.tr("The name is too long: at most %1 characters."), fields.MAX_NAME)
            )
        for field, edit in (("role", self.role_edit), ("contact", self.contact_edit)):
            try:
                fields.check_value("person", field, edit.text())
            except ValidationError:
                found.append(
                    arg(
                        self.tr("The %1 is too long."),
                        self.tr("role") if field == "role" else self.tr("contact"),
                    )
                )
        if name and self.session.board.find_person(name) is not None:
            found.append(arg(self.tr("“%1” is already on the list above: pick it there."), name))
        return found

    def _update_buttons(self) -> None:
        problems = self.problems()
        self.ok_button.setEnabled(not problems)
        self.ok_button.setText(
            self.tr("Add me") if self.add_check.isChecked() else self.tr("This is me")
        )
        shown = [p for p in problems if p]
        if self.add_check.isChecked() and not self.name_edit.text().strip():
            shown = []  # nothing typed yet: no reproach, the disabled button says enough
        self._show_message("\n".join(shown))

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_box.setVisible(bool(text))

    def message(self) -> str:
        return self.message_label.text() if self.message_box.isVisibleTo(self) else ""

    def accept(self) -> None:
        """Take the chosen person, or create the new one; a refusal keeps the dialog open."""
        if self.problems():
            return
        if not self.add_check.isChecked():
            self.person_id = self.selected_person()
            super().accept()
            return
        values = (
            ("name", self.name_edit.text().strip()),
            ("team_id", self.team_combo.currentData()),
            ("role", self.role_edit.text().strip()),
            ("contact", self.contact_edit.text().strip()),
        )
        change = run_operation(
            self,
            self.session,
            Create("person", values),
            self.tr("Add person"),
            on_failure=self._not_added,
        )
        if change is None:
            return
        self.person_id = change.rows[0].entity_id
        super().accept()

    def _not_added(self, failure: OperationFailure) -> None:
        """Nothing was saved: say why here, and keep what was typed for another try."""
        self._show_message(arg(self.tr("Could not add you: %1"), failure.reason))
