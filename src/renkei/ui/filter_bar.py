"""The filter bar: text, team, owner, project, at-risk only, due within N days."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from renkei.app.filtering import TaskFilter
from renkei.app.session import BoardSession

DUE_CHOICES = (None, 0, 1, 3, 7, 14, 30)


class FilterBar(QWidget):
    filterChanged = Signal(object)  # TaskFilter

    def __init__(self, session: BoardSession, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(6)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles, descriptions, tags, owners…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.team = QComboBox()
        self.owner = QComboBox()
        self.project = QComboBox()
        self.at_risk = QCheckBox(self.tr("At risk only"))
        self.due = QComboBox()
        # Named for what they choose; without a name a screen reader says only "All teams".
        self.search.setAccessibleName(self.tr("Search tasks"))
        self.team.setAccessibleName(self.tr("Team"))
        self.owner.setAccessibleName(self.tr("Owner"))
        self.project.setAccessibleName(self.tr("Project"))
        self.due.setAccessibleName(self.tr("Due date"))
        for days in DUE_CHOICES:
            self.due.addItem(self._due_label(days), days)
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Show every task again"))
        for widget in (
            self.search,
            self.team,
            self.owner,
            self.project,
            self.at_risk,
            self.due,
            self.clear_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.fill_choices()

        # Typing filters after a short pause, so each keystroke does not refilter 10,000 cards.
        self._typing = QTimer(self, singleShot=True, interval=150)
        self._typing.timeout.connect(self._emit)
        self.search.textChanged.connect(self._typing.start)
        for combo in (self.team, self.owner, self.project, self.due):
            combo.currentIndexChanged.connect(self._emit)
        self.at_risk.toggled.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)

    def _due_label(self, days: int | None) -> str:
        if days is None:
            return self.tr("Any due date")
        if days == 0:
            return self.tr("Due today or late")
        return self.tr("Due within %n day(s)", "", days)

    def fill_choices(self) -> None:
        """(Re)fill the team/owner/project lists from the board, keeping the current choice."""
        board = self.session.board
        teams = [(t.name, t.id) for t in board.ordered_teams()]
        people = sorted(((p.name, p.id) for p in board.people.values()), key=lambda x: x[0])
        projects = sorted(((p.name, p.id) for p in board.projects.values()), key=lambda x: x[0])
        self._fill(self.team, self.tr("All teams"), teams)
        self._fill(self.owner, self.tr("All owners"), people)
        self._fill(self.project, self.tr("All projects"), projects)

    @staticmethod
    def _fill(combo: QComboBox, everyone: str, items: list[tuple[str, int]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everyone, None)
        for name, item_id in items:
            combo.addItem(name, item_id)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def current_filter(self) -> TaskFilter:
        def chosen(combo: QComboBox) -> frozenset[int]:
            value = combo.currentData()
            return frozenset() if value is None else frozenset((value,))

        return TaskFilter(
            text=self.search.text(),
            team_ids=chosen(self.team),
            owner_ids=chosen(self.owner),
            project_ids=chosen(self.project),
            at_risk_only=self.at_risk.isChecked(),
            due_within_days=self.due.currentData(),
        )

    def clear(self) -> None:
        for widget in (self.search, self.team, self.owner, self.project, self.due, self.at_risk):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.team, self.owner, self.project, self.due):
            combo.setCurrentIndex(0)
        self.at_risk.setChecked(False)
        for widget in (self.search, self.team, self.owner, self.project, self.due, self.at_risk):
            widget.blockSignals(False)
        self._emit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _emit(self) -> None:
        self._typing.stop()
        self.filterChanged.emit(self.current_filter())
