"""Edit one task, or create one: every field, checked as you type, saved as one command."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from renkei.app.session import BoardSession
from renkei.domain import fields
from renkei.domain.commands import Change, Command, Create, set_task
from renkei.domain.model import PRIORITY_LABELS, Priority, RiskFlag, Task
from renkei.i18n import arg
from renkei.i18n.words import join_list, parts_text, quoted
from renkei.ui.dialogs.task_checks import conflict_text, form_problems, same_estimate
from renkei.ui.dialogs.task_fields import (
    DependencyFilter,
    DependencyModel,
    FormMessage,
    OptionalDateEdit,
    name_and_order,
)
from renkei.ui.operation import Failure, OperationFailure, run_operation
from renkei.ui.text import field_label, local_time_text, muted_text_color

# The fields this dialog edits, in the order a command lists them.
EDITED_FIELDS = (
    "title",
    "description",
    "status_id",
    "team_id",
    "owner_id",
    "project_id",
    "priority",
    "start",
    "due",
    "progress",
    "estimate_hours",
    "tags",
    "depends_on",
    "flag",
)
NO_CHOICE = None


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class TaskEditor(QDialog):
    """``TaskEditor(session, task_id)`` edits a task; ``TaskEditor(session, None, defaults)``
    creates one. Saving sends only the changed fields, based on the values shown, so an
    edit made meanwhile by someone else to the same field is reported, not overwritten."""

    def __init__(
        self,
        session: BoardSession,
        task_id: int | None = None,
        defaults: dict | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.task_id = task_id
        self.saved = False
        self.created_id: int | None = None
        board = session.board
        if task_id is not None:
            self._original = board.tasks[task_id]
        else:
            statuses = board.ordered_statuses()
            template = Task(id=0, title="", status_id=statuses[0].id if statuses else 0)
            self._original = dataclasses.replace(template, **(defaults or {}))
        self._rebased: dict[str, Any] = {}  # fields someone else changed: their stored value
        self._error = ""
        self.setWindowTitle(self.tr("Edit task") if task_id is not None else self.tr("New task"))
        self.setSizeGripEnabled(True)
        self._build()
        self._connect()
        self._load(self._original)
        self._update_validity()
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    # -- seams -----------------------------------------------------------------------------

    @classmethod
    def edit(cls, parent: QWidget | None, session: BoardSession, task_id: int) -> bool:
        """Show the editor for a task; True when a change was saved."""
        dialog = cls(session, task_id, parent=parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved
        finally:
            dialog.deleteLater()

    @classmethod
    def create(
        cls, parent: QWidget | None, session: BoardSession, defaults: dict | None = None
    ) -> int | None:
        """Show the editor for a new task; the new task's id, or None when cancelled."""
        dialog = cls(session, None, defaults, parent=parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.created_id if accepted else None
        finally:
            dialog.deleteLater()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        board = self.session.board
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("What needs doing?"))
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(
            self.tr("Context the next team needs: what was agreed, what is missing, whom to ask.")
        )
        line = self.description_edit.fontMetrics().lineSpacing()
        self.description_edit.setMinimumHeight(line * 4 + 12)
        self.description_edit.installEventFilter(self)

        self.status_combo = QComboBox(self)
        for status in board.ordered_statuses():
            self.status_combo.addItem(QCoreApplication.translate("Status", status.name), status.id)
        self.team_combo = QComboBox(self)
        self.team_combo.addItem(self.tr("— none —"), NO_CHOICE)
        for team in board.ordered_teams():
            self.team_combo.addItem(team.name, team.id)
        self.owner_combo = QComboBox(self)
        self.owner_combo.addItem(self.tr("— none —"), NO_CHOICE)
        team_order = {t.id: i for i, t in enumerate(board.ordered_teams())}
        people = sorted(
            board.people.values(),
            key=lambda p: (team_order.get(p.team_id, len(team_order)), p.name.casefold()),
        )
        for person in people:
            team = board.teams.get(person.team_id) if person.team_id is not None else None
            text = f"{person.name} — {team.name}" if team else person.name
            self.owner_combo.addItem(text, person.id)
            if person.role:
                self.owner_combo.setItemData(
                    self.owner_combo.count() - 1, person.role, Qt.ItemDataRole.ToolTipRole
                )
        self.project_combo = QComboBox(self)
        self.project_combo.addItem(self.tr("— none —"), NO_CHOICE)
        for project in sorted(board.projects.values(), key=lambda p: p.name.casefold()):
            self.project_combo.addItem(project.name, project.id)
        self.priority_combo = QComboBox(self)
        for priority in Priority:
            self.priority_combo.addItem(
                QCoreApplication.translate("Priority", PRIORITY_LABELS[priority]), priority
            )
        for combo in (
            self.status_combo,
            self.team_combo,
            self.owner_combo,
            self.project_combo,
            self.priority_combo,
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.start_edit = OptionalDateEdit(self._start_fallback, self, field_label("start"))
        self.start_edit.check.setToolTip(self.tr("The task has a start date"))
        self.due_edit = OptionalDateEdit(self._due_fallback, self, field_label("due"))
        self.due_edit.check.setToolTip(self.tr("The task has a due date"))

        self.progress_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.progress_slider.setRange(0, 100)
        self.progress_slider.setPageStep(10)
        self.progress_spin = QSpinBox(self)
        self.progress_spin.setRange(0, 100)
        self.progress_spin.setSingleStep(5)
        self.progress_spin.setSuffix(self.tr(" %"))
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_slider, 1)
        progress_row.addWidget(self.progress_spin)

        self.estimate_spin = QDoubleSpinBox(self)
        self.estimate_spin.setRange(0, 100_000)
        self.estimate_spin.setDecimals(1)
        self.estimate_spin.setSingleStep(1)
        self.estimate_spin.setSuffix(self.tr(" h"))
        self.estimate_spin.setSpecialValueText(self.tr("no estimate"))
        self.estimate_spin.setToolTip(self.tr("Hours of work; 0 means no estimate"))

        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. webinar, handoff"))

        # One grid, so every label lines up: fields on the left, the lists on the right.
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.addWidget(self._label(field_label("title"), self.title_edit), 0, 0)
        grid.addWidget(self.title_edit, 0, 1, 1, 2)
        rows = [
            ("status", self.status_combo, self.status_combo),
            ("team", self.team_combo, self.team_combo),
            ("owner", self.owner_combo, self.owner_combo),
            ("project", self.project_combo, self.project_combo),
            ("priority", self.priority_combo, self.priority_combo),
            ("start", self.start_edit.check, self.start_edit),
            ("due", self.due_edit.check, self.due_edit),
            ("progress", self.progress_spin, progress_row),
            ("estimate_hours", self.estimate_spin, self.estimate_spin),
            ("tags", self.tags_edit, self.tags_edit),
        ]
        for row, (name, buddy, field) in enumerate(rows, 1):
            grid.addWidget(self._label(field_label(name), buddy), row, 0)
            if isinstance(field, QWidget):
                grid.addWidget(field, row, 1)
            else:
                grid.addLayout(field, row, 1)
        spare = len(rows) + 1  # takes the height the right-hand side needs beyond the fields
        grid.setRowStretch(spare, 1)
        dependencies = self._build_dependencies()
        dependencies.setContentsMargins(10, 0, 0, 0)
        grid.addLayout(dependencies, 1, 2, spare, 1)
        flag_row = self._build_flag()
        grid.addWidget(self._label(self.tr("At risk"), self.flag_check), spare + 1, 0)
        grid.addLayout(flag_row, spare + 1, 1, 1, 2)
        grid.addWidget(self.flag_info, spare + 2, 1, 1, 2)
        description_label = self._label(field_label("description"), self.description_edit)
        description_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(description_label, spare + 3, 0)
        grid.addWidget(self.description_edit, spare + 3, 1, 1, 2)
        grid.setRowStretch(spare + 3, 2)

        self.message_box = FormMessage(self)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setText(self.tr("Save") if self.task_id is not None else self.tr("Add task"))
        self.ok_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.message_box)
        layout.addWidget(self.buttons)
        name_and_order(self)
        hint = self.sizeHint()
        self.resize(max(hint.width(), 860), max(hint.height(), 600))

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(arg(self.tr("%1:"), text), self)
        label.setBuddy(buddy)
        return label

    def _build_dependencies(self) -> QVBoxLayout:
        board = self.session.board
        task = self._original
        done = board.done_status_ids()
        candidates = [
            t
            for t in board.tasks.values()
            if t.id != task.id and (not t.archived or t.id in task.depends_on)
        ]
        # Chosen tasks first, then open work before finished work, then by title.
        candidates.sort(
            key=lambda t: (
                t.id not in task.depends_on,
                t.status_id in done,
                t.title.casefold(),
                t.id,
            )
        )
        rows = []
        for t in candidates:
            status = board.statuses.get(t.status_id)
            status_name = QCoreApplication.translate("Status", status.name) if status else ""
            team = board.teams.get(t.team_id) if t.team_id is not None else None
            text = parts_text([t.title, status_name])
            tip = parts_text([t.title, team.name if team else "", status_name])
            rows.append((t.id, text, tip))
        self.dependency_model = DependencyModel(rows, set(task.depends_on), self)
        self.dependency_filter = DependencyFilter(self)
        self.dependency_filter.setSourceModel(self.dependency_model)
        self.dependency_search = QLineEdit(self)
        self.dependency_search.setPlaceholderText(self.tr("Search tasks…"))
        self.dependency_search.setClearButtonEnabled(True)
        self.dependency_only_checked = QCheckBox(self.tr("Chosen only"), self)
        self.dependency_list = QListView(self)
        self.dependency_list.setModel(self.dependency_filter)
        self.dependency_list.setUniformItemSizes(True)
        self.dependency_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the status
        self.dependency_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.dependency_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dependency_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dependency_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.dependency_count = QLabel(self)
        self.dependency_count.setWordWrap(True)
        heading = self._label(
            self.tr("Waits for (finish before this starts)"), self.dependency_search
        )
        search_row = QHBoxLayout()
        search_row.addWidget(self.dependency_search, 1)
        search_row.addWidget(self.dependency_only_checked)
        layout = QVBoxLayout()
        layout.addWidget(heading)
        layout.addLayout(search_row)
        layout.addWidget(self.dependency_list, 1)
        layout.addWidget(self.dependency_count)
        return layout

    def _build_flag(self) -> QHBoxLayout:
        self.flag_check = QCheckBox(self.tr("Flag as at risk"), self)
        self.flag_reason = QLineEdit(self)
        self.flag_reason.setPlaceholderText(
            self.tr("Why? e.g. the customer's budget owner changed")
        )
        self.flag_reason.setAccessibleName(self.tr("Why the task is at risk"))
        self.flag_info = QLabel(self)
        self.flag_info.setWordWrap(True)
        muted = self.flag_info.palette()
        muted.setColor(QPalette.ColorRole.WindowText, muted_text_color(muted))
        self.flag_info.setPalette(muted)
        row = QHBoxLayout()
        row.addWidget(self.flag_check)
        row.addWidget(self.flag_reason, 1)
        return row

    def _connect(self) -> None:
        self.progress_slider.valueChanged.connect(self.progress_spin.setValue)
        self.progress_spin.valueChanged.connect(self.progress_slider.setValue)
        self.flag_check.toggled.connect(self._flag_toggled)
        self.dependency_search.textChanged.connect(self.dependency_filter.setFilterFixedString)
        self.dependency_only_checked.toggled.connect(self.dependency_filter.set_only_checked)
        self.dependency_model.checkedChanged.connect(self._update_dependency_count)
        for signal in (
            self.title_edit.textChanged,
            self.description_edit.textChanged,
            self.start_edit.dateChanged,
            self.due_edit.dateChanged,
            self.flag_check.toggled,
            self.flag_reason.textChanged,
            self.tags_edit.textChanged,
        ):
            signal.connect(self._update_validity)

    def _start_fallback(self) -> date:
        due = self.due_edit.date()
        today = self.session.today()
        return min(today, due) if due else today

    def _due_fallback(self) -> date:
        start = self.start_edit.date()
        today = self.session.today()
        return max(today, start) if start else today

    # -- values ----------------------------------------------------------------------------

    def _load(self, task: Task) -> None:
        self.title_edit.setText(task.title)
        self.description_edit.setPlainText(task.description)
        self._select(self.status_combo, task.status_id)
        self._select(self.team_combo, task.team_id)
        self._select(self.owner_combo, task.owner_id)
        self._select(self.project_combo, task.project_id)
        self._select(self.priority_combo, Priority(task.priority))
        self.start_edit.set_date(task.start)
        self.due_edit.set_date(task.due)
        self.progress_spin.setValue(task.progress)
        self.estimate_spin.setValue(task.estimate_hours or 0)
        self.tags_edit.setText(join_list(task.tags))  # "a, b" / "a、b": both split back
        flag = task.flag
        self.flag_check.setChecked(flag is not None)
        self.flag_reason.setText(flag.reason if flag else "")
        self.flag_reason.setEnabled(flag is not None)
        if flag is not None:
            who = self.session.board.people.get(flag.set_by) if flag.set_by is not None else None
            self.flag_info.setText(
                arg(
                    self.tr("Flagged by %1 on %2."),
                    who.name if who else self.tr("someone"),
                    local_time_text(flag.set_at),
                )
            )
        self.flag_info.setVisible(flag is not None)
        self._update_dependency_count()

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _flag_toggled(self, on: bool) -> None:
        self.flag_reason.setEnabled(on)
        if on:
            self.flag_reason.setFocus()

    def _update_dependency_count(self) -> None:
        board = self.session.board
        chosen = sorted(self.dependency_model.checked)
        titles = [board.tasks[i].title for i in chosen if i in board.tasks]
        if not titles:
            self.dependency_count.setText(self.tr("Waits for nothing."))
        else:
            self.dependency_count.setText(
                arg(
                    self.tr("Waits for %1: %2"),
                    len(titles),
                    join_list([quoted(t) for t in titles[:3]]) + (" …" if len(titles) > 3 else ""),
                )
            )
        self.dependency_count.setToolTip("\n".join(titles))

    def values(self) -> dict[str, Any]:
        """Every edited field as the dialog shows it now (not yet checked)."""
        flag = self._original.flag
        reason = self.flag_reason.text().strip()
        if not self.flag_check.isChecked():
            flag = None
        elif flag is None or flag.reason != reason:
            flag = RiskFlag(reason, self.session.actor_id, _utcnow())
        kept = [i for i in self._original.depends_on if i in self.dependency_model.checked]
        added = sorted(self.dependency_model.checked - set(kept))
        estimate = self.estimate_spin.value()
        return {
            "title": self.title_edit.text().strip(),
            "description": self.description_edit.toPlainText(),
            "status_id": self.status_combo.currentData(),
            "team_id": self.team_combo.currentData(),
            "owner_id": self.owner_combo.currentData(),
            "project_id": self.project_combo.currentData(),
            "priority": self.priority_combo.currentData(),
            "start": self.start_edit.date(),
            "due": self.due_edit.date(),
            "progress": self.progress_spin.value(),
            "estimate_hours": float(estimate) if estimate > 0 else None,
            "tags": self.tags_edit.text(),
            "depends_on": tuple(kept + added),
            "flag": flag,
        }

    def changed_values(self) -> dict[str, Any]:
        """The fields whose value differs from the task as it was opened, checked."""
        values = self.values()
        values["tags"] = fields.check_value("task", "tags", values["tags"])
        original = self._original
        changed = {}
        for name, value in values.items():
            before = getattr(original, name)
            if name == "depends_on" and set(value) == set(before):
                continue
            if name == "estimate_hours" and same_estimate(
                value, before, self.estimate_spin.decimals()
            ):
                continue  # the spin box shows fewer decimals than may be stored
            if name == "description" and value == before.replace("\r\n", "\n"):
                continue  # the text box normalises line ends
            if value != before:
                changed[name] = value
        return changed

    # -- checking --------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """What stops saving, in words; the rules themselves live in renkei.domain.fields."""
        return form_problems(self.values(), self._original, self.flag_check.isChecked())

    def is_valid(self) -> bool:
        return not self.problems()

    def message(self) -> str:
        """The text shown above the buttons: what is wrong, or why saving failed."""
        return self.message_box.text()

    def _update_validity(self) -> None:
        problems = self.problems()
        self.ok_button.setEnabled(not problems)
        lines = problems + ([self._error] if self._error else [])
        self.message_box.set_text("\n".join(lines))
        self._fit_message()

    def _fit_message(self) -> None:
        margins = self.layout().contentsMargins()
        self.message_box.fit(self.width() - margins.left() - margins.right())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_message()

    def _show_error(self, text: str) -> None:
        self._error = text
        self._update_validity()

    # -- saving ----------------------------------------------------------------------------

    def accept(self) -> None:
        """Save, then close; an invalid form or an edit not saved keeps the dialog open."""
        if not self.is_valid():
            self._update_validity()
            return
        saved = self._save()
        if saved is None:
            return  # not saved: the form says why and keeps what was typed
        self.saved = saved
        super().accept()

    def _save(self) -> bool | None:
        """Through the one operation: True when saved, False when nothing changed, None
        when the board did not take it (``_not_saved`` has said why)."""
        if self.task_id is None:
            values = self.values()
            values["tags"] = fields.check_value("task", "tags", values["tags"])
            values = {k: v for k, v in values.items() if v not in (None, (), "")}
            command = Create("task", tuple(values.items()))
            change = self._write(command, self.tr("Add task"))
            if change is None:
                return None
            self.created_id = next(rc.entity_id for rc in change.rows if rc.created)
            return True
        changed = self.changed_values()
        if not changed:
            return False
        # After a conflict the user saw the other value; saving again replaces it.
        base = dataclasses.replace(
            self._original,
            **{name: value for name, value in self._rebased.items() if name in changed},
        )
        if self._write(set_task(base, **changed), self.tr("Edit task")) is None:
            return None
        return True

    def _write(self, command: Command, label: str) -> Change | None:
        return run_operation(self, self.session, command, label, on_failure=self._not_saved)

    def _not_saved(self, failure: OperationFailure) -> None:
        """Nothing was written; the form keeps what was typed, so Save can be tried again.
        A conflict offers the choice: Save again replaces their value, Cancel keeps it."""
        if failure.kind is Failure.CONFLICT:
            self._rebased.update({name: stored for name, stored, _wanted in failure.conflicts})
            self._show_error(conflict_text(self.session.board, failure.conflicts))
        elif failure.kind is Failure.UNCONFIRMED:
            self._show_error(
                QCoreApplication.translate(
                    "MainWindow",
                    "Renkei could not confirm whether your change was saved: the board could "
                    "not be read after an error while saving.",
                )
            )
        elif failure.kind is Failure.LOST:
            self._show_error(
                arg(self.tr("Not saved — the board could not be reached: %1"), failure.reason)
            )
        else:  # refused by a rule or the server, or a read-only login
            self._show_error(arg(self.tr("Could not save: %1"), failure.reason))

    # -- keyboard --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.description_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.ok_button.isEnabled():
                self.accept()
            return True
        return super().eventFilter(watched, event)
