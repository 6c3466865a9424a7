"""Edit one task, or create one: every field, checked as you type, saved as one command."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
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
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from renkei.app.session import BoardSession
from renkei.domain import fields
from renkei.domain.commands import (
    CommandError,
    ConflictError,
    Create,
    ValidationError,
    set_task,
)
from renkei.domain.model import PRIORITY_LABELS, Priority, RiskFlag, Task
from renkei.store.database import StorageError
from renkei.ui.text import field_label, local_time_text, muted_text_color, tr, value_text

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
ISO_FORMAT = "yyyy-MM-dd"  # unambiguous in every locale, and what the CLI accepts


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class OptionalDateEdit(QWidget):
    """A date that may be empty: a check box says whether there is one."""

    dateChanged = Signal()

    def __init__(self, fallback, parent: QWidget | None = None):
        super().__init__(parent)
        self._fallback = fallback  # () -> date: the date offered when one is first set
        self.check = QCheckBox(self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(ISO_FORMAT)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.unset = QLabel(self.tr("not set"), self)
        self.unset.setIndent(4)
        muted = self.unset.palette()
        muted.setColor(QPalette.ColorRole.WindowText, muted_text_color(muted))
        self.unset.setPalette(muted)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.unset)
        self.stack.addWidget(self.edit)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.stack.setFixedHeight(self.edit.sizeHint().height())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self._toggled)
        self._offer_fallback = True  # until a date is shown, offer a sensible one
        self.edit.dateChanged.connect(lambda _d: self.dateChanged.emit())

    def _toggled(self, on: bool) -> None:
        if on and self._offer_fallback:
            self.edit.setDate(_qdate(self._fallback()))
        self._offer_fallback = False
        self.stack.setCurrentWidget(self.edit if on else self.unset)
        if on:
            self.edit.setFocus()
        self.dateChanged.emit()

    def set_date(self, day: date | None) -> None:
        self._offer_fallback = day is None
        if day is not None:
            self.edit.setDate(_qdate(day))
        self.check.setChecked(day is not None)
        self.stack.setCurrentWidget(self.edit if day is not None else self.unset)

    def date(self) -> date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None

    def mousePressEvent(self, event) -> None:  # a click on "not set" sets a date
        on_unset = self.stack.geometry().contains(event.position().toPoint())
        if on_unset and not self.check.isChecked():
            self.check.setChecked(True)
            return
        super().mousePressEvent(event)


class DependencyModel(QAbstractListModel):
    """Every task this one may wait for, checkable; plain tuples so 10,000 rows stay cheap."""

    checkedChanged = Signal()

    def __init__(self, rows: list[tuple[int, str, str]], checked: set[int], parent=None):
        super().__init__(parent)
        self._rows = rows  # (task id, text shown, tooltip)
        self.checked = set(checked)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        task_id, text, tip = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if task_id in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip
        if role == Qt.ItemDataRole.UserRole:
            return task_id
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        task_id = self._rows[index.row()][0]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(task_id)
        else:
            self.checked.discard(task_id)
        self.dataChanged.emit(index, index, [role])
        self.checkedChanged.emit()
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def row_of(self, task_id: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row[0] == task_id), -1)


class DependencyFilter(QSortFilterProxyModel):
    """The search box's text, and optionally only the checked tasks."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.only_checked = False
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_only_checked(self, on: bool) -> None:
        self.beginFilterChange()
        self.only_checked = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if self.only_checked:
            task_id = model._rows[row][0]
            if task_id not in model.checked:
                return False
        return super().filterAcceptsRow(row, parent)


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
            self.status_combo.addItem(tr("Status", status.name), status.id)
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
            self.priority_combo.addItem(tr("Priority", PRIORITY_LABELS[priority]), priority)
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

        self.start_edit = OptionalDateEdit(self._start_fallback, self)
        self.start_edit.check.setToolTip(self.tr("The task has a start date"))
        self.due_edit = OptionalDateEdit(self._due_fallback, self)
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

        self.message_icon = QLabel(self)
        self.message_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16, 16)
        )
        self.message_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_box = QWidget(self)
        self.message_box.setObjectName("messageBox")
        self.message_box.setStyleSheet(
            "#messageBox { background: #fff4dc; border: 1px solid #d9a441; border-radius: 3px; }"
            "#messageBox QLabel { color: #3d2b00; background: transparent; }"
        )
        message_row = QHBoxLayout(self.message_box)
        message_row.setContentsMargins(8, 6, 8, 6)
        message_row.addWidget(self.message_icon)
        message_row.addWidget(self.message_label, 1)

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
        hint = self.sizeHint()
        self.resize(max(hint.width(), 860), max(hint.height(), 600))

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(self.tr("{label}:").format(label=text), self)
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
            status_name = tr("Status", status.name) if status else ""
            team = board.teams.get(t.team_id) if t.team_id is not None else None
            text = f"{t.title} · {status_name}"
            tip = " · ".join(
                part for part in (t.title, team.name if team else "", status_name) if part
            )
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
        self.tags_edit.setText(", ".join(task.tags))
        flag = task.flag
        self.flag_check.setChecked(flag is not None)
        self.flag_reason.setText(flag.reason if flag else "")
        self.flag_reason.setEnabled(flag is not None)
        if flag is not None:
            who = self.session.board.people.get(flag.set_by) if flag.set_by is not None else None
            self.flag_info.setText(
                self.tr("Flagged by {who} on {when}.").format(
                    who=who.name if who else self.tr("someone"), when=local_time_text(flag.set_at)
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
                self.tr("Waits for {n}: {titles}").format(
                    n=len(titles),
                    titles=", ".join(f"“{t}”" for t in titles[:3])
                    + (" …" if len(titles) > 3 else ""),
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
            if name == "estimate_hours" and _same_estimate(value, before, self.estimate_spin):
                continue  # the spin box shows fewer decimals than may be stored
            if name == "description" and value == before.replace("\r\n", "\n"):
                continue  # the text box normalises line ends
            if value != before:
                changed[name] = value
        return changed

    # -- checking --------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """What stops saving, in words; the rules themselves live in renkei.domain.fields."""
        values = self.values()
        found = []
        title = values["title"]
        try:
            fields.check_value("task", "title", title)
        except ValidationError:
            if not title:
                found.append(self.tr("A title is required."))
            elif len(title) <= fields.MAX_TITLE:  # the field checks refuse its characters
                found.append(
                    self.tr("The title holds a character that cannot be saved (a control code).")
                )
            else:
                found.append(
                    self.tr("The title is too long: {n} characters, at most {max}.").format(
                        n=len(title), max=fields.MAX_TITLE
                    )
                )
        try:
            fields.check_value("task", "description", values["description"])
        except ValidationError:
            if len(values["description"]) <= fields.MAX_DESCRIPTION:
                found.append(
                    self.tr(
                        "The description holds a character that cannot be saved (a control code)."
                    )
                )
            else:
                found.append(
                    self.tr("The description is too long: at most {max} characters.").format(
                        max=fields.MAX_DESCRIPTION
                    )
                )
        candidate = dataclasses.replace(
            self._original, start=values["start"], due=values["due"], depends_on=()
        )
        try:
            fields.check_task_row(candidate)
        except ValidationError:
            found.append(self.tr("The due date is before the start date."))
        found.extend(self._tag_problems(values["tags"]))
        if self.flag_check.isChecked():
            if not self.flag_reason.text().strip():
                found.append(self.tr("Say why the task is at risk, or untick “Flag as at risk”."))
            else:
                try:
                    fields.check_value("task", "flag", values["flag"])
                except ValidationError:
                    if len(values["flag"].reason) <= fields.MAX_TITLE:
                        found.append(
                            self.tr(
                                "The at-risk reason holds a character that cannot be saved "
                                "(a control code)."
                            )
                        )
                    else:
                        found.append(
                            self.tr(
                                "The at-risk reason is too long: at most {max} characters."
                            ).format(max=fields.MAX_TITLE)
                        )
        return found

    def _tag_problems(self, text: str) -> list[str]:
        for tag in text.split(","):
            try:
                fields.check_value("task", "tags", [tag])
            except ValidationError:
                if len(tag.strip()) <= fields.MAX_TAG:
                    return [
                        self.tr("The tag “{tag}” holds a character that cannot be saved.").format(
                            tag=tag.strip()[:20]
                        )
                    ]
                return [
                    self.tr("The tag “{tag}…” is too long: at most {max} characters.").format(
                        tag=tag.strip()[:20], max=fields.MAX_TAG
                    )
                ]
        try:
            fields.check_value("task", "tags", text)
        except ValidationError:
            count = len({t.strip() for t in text.split(",") if t.strip()})
            return [
                self.tr("Too many tags: {n}, at most {max}.").format(n=count, max=fields.MAX_TAGS)
            ]
        return []

    def is_valid(self) -> bool:
        return not self.problems()

    def message(self) -> str:
        """The text shown above the buttons: what is wrong, or why saving failed."""
        return self.message_label.text() if not self.message_box.isHidden() else ""

    def _update_validity(self) -> None:
        problems = self.problems()
        self.ok_button.setEnabled(not problems)
        lines = problems + ([self._error] if self._error else [])
        self.message_label.setText("\n".join(lines))
        self.message_box.setHidden(not lines)
        self._fit_message()

    def _fit_message(self) -> None:
        """Reserve the wrapped message's height: a window's minimum size ignores wrapping, so
        a long message would otherwise be cut off or drawn over the description."""
        if self.message_box.isHidden():
            return
        margins = self.layout().contentsMargins()
        box = self.message_box.layout().contentsMargins()
        width = (
            self.width()
            - margins.left()
            - margins.right()
            - box.left()
            - box.right()
            - self.message_icon.sizeHint().width()
            - self.message_box.layout().spacing()
        )
        height = self.message_label.heightForWidth(max(width, 100))
        if height != self.message_label.minimumHeight():
            self.message_label.setMinimumHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_message()

    def _show_error(self, text: str) -> None:
        self._error = text
        self._update_validity()

    # -- saving ----------------------------------------------------------------------------

    def accept(self) -> None:
        """Save, then close; an invalid form or a refused command keeps the dialog open."""
        if not self.is_valid():
            self._update_validity()
            return
        try:
            saved = self._save()
        except ConflictError as error:
            self._rebased.update({name: stored for name, stored, _wanted in error.conflicts})
            self._show_error(self._conflict_text(error))
            return
        except CommandError as error:
            self._show_error(self.tr("Could not save: {reason}").format(reason=str(error)))
            return
        except StorageError as error:
            # Nothing was written; the form keeps what was typed, so Save can be tried again.
            self._show_error(
                self.tr("Not saved — the board could not be reached: {reason}").format(
                    reason=str(error)
                )
            )
            return
        self.saved = saved
        super().accept()

    def _save(self) -> bool:
        if self.task_id is None:
            values = self.values()
            values["tags"] = fields.check_value("task", "tags", values["tags"])
            values = {k: v for k, v in values.items() if v not in (None, (), "")}
            change = self.session.apply(
                Create("task", tuple(values.items())), label=self.tr("Add task")
            )
            self.created_id = change.rows[0].entity_id
            return True
        changed = self.changed_values()
        if not changed:
            return False
        # After a conflict the user saw the other value; saving again replaces it.
        base = dataclasses.replace(
            self._original,
            **{name: value for name, value in self._rebased.items() if name in changed},
        )
        self.session.apply(set_task(base, **changed), label=self.tr("Edit task"))
        return True

    def _conflict_text(self, error: ConflictError) -> str:
        board = self.session.board
        parts = []
        for name, stored, _wanted in error.conflicts:
            parts.append(
                self.tr("{field} is now “{value}”").format(
                    field=field_label(name), value=value_text(board, name, stored)
                )
            )
        return self.tr(
            "Someone else changed this task while you were editing it: {changes}. "
            "Save again to replace their change with yours, or Cancel to keep theirs."
        ).format(changes="; ".join(parts))

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


def _same_estimate(shown: float | None, stored: float | None, spin: QDoubleSpinBox) -> bool:
    if (shown is None) != (stored is None):
        return False
    return abs((shown or 0.0) - (stored or 0.0)) <= 0.5 / 10 ** spin.decimals() + 1e-9
