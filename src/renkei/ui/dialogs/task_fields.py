"""The task editor's own inputs: a date that may be empty, the list of tasks one may wait
for (a checkable model, and a filter by text or "only ticked"), and the message above its
buttons."""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QWidget,
)

from renkei.i18n import arg
from renkei.ui.text import field_label, muted_text_color

ISO_FORMAT = "yyyy-MM-dd"  # unambiguous in every locale, and what the CLI accepts


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class OptionalDateEdit(QWidget):
    """A date that may be empty: a check box says whether there is one."""

    dateChanged = Signal()

    def __init__(self, fallback, parent: QWidget | None = None, name: str = ""):
        super().__init__(parent)
        self._fallback = fallback  # () -> date: the date offered when one is first set
        self.check = QCheckBox(self)
        self.edit = QDateEdit(self)
        if name:  # what a screen reader says: "Due date: set a date", "Due date"
            self.check.setAccessibleName(arg(self.tr("%1: set a date"), name))
            self.edit.setAccessibleName(name)
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


def name_and_order(editor) -> None:
    """The task editor's keyboard: names for the controls no label names, and Tab in the
    order the form is read (the fields, the list of what it waits for, the flag, the
    description), not the order the widgets were made in."""
    editor.progress_slider.setAccessibleName(field_label("progress"))
    editor.progress_spin.setAccessibleName(field_label("progress"))
    editor.dependency_search.setAccessibleName(
        QCoreApplication.translate("TaskEditor", "Search tasks to wait for")
    )
    editor.dependency_list.setAccessibleName(
        QCoreApplication.translate("TaskEditor", "Tasks this one waits for")
    )
    stops = [
        editor.title_edit,
        editor.status_combo,
        editor.team_combo,
        editor.owner_combo,
        editor.project_combo,
        editor.priority_combo,
        editor.start_edit.check,
        editor.start_edit.edit,
        editor.due_edit.check,
        editor.due_edit.edit,
        editor.progress_slider,
        editor.progress_spin,
        editor.estimate_spin,
        editor.tags_edit,
        editor.dependency_search,
        editor.dependency_only_checked,
        editor.dependency_list,
        editor.flag_check,
        editor.flag_reason,
        editor.description_edit,
    ]
    for before, after in itertools.pairwise(stops):
        QWidget.setTabOrder(before, after)


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


class FormMessage(QWidget):
    """What stops saving, or why saving failed: a warning icon and wrapped, selectable text
    on a pale amber box; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.icon = QLabel(self)
        self.icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16, 16)
        )
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setObjectName("messageBox")
        # A QWidget subclass paints its style sheet's background only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#messageBox { background: #fff4dc; border: 1px solid #d9a441; border-radius: 3px; }"
            "#messageBox QLabel { color: #3d2b00; background: transparent; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.icon)
        row.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setHidden(not text)

    def fit(self, width: int) -> None:
        """Reserve the wrapped text's height in a box ``width`` wide: a window's minimum size
        ignores wrapping, so a long message would otherwise be cut off or drawn over the
        fields above it."""
        if self.isHidden():
            return
        box = self.layout().contentsMargins()
        room = width - box.left() - box.right() - self.icon.sizeHint().width()
        height = self.label.heightForWidth(max(room - self.layout().spacing(), 100))
        if height != self.label.minimumHeight():
            self.label.setMinimumHeight(height)
