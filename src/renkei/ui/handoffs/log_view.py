"""The handoff log: every handoff and every change of hands without one, filterable."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from renkei.app.session import BoardSession
from renkei.domain.handoff import HandoffState, item_label
from renkei.domain.handoff_log import SILENT, HandoffEntry, severity
from renkei.domain.handoff_loss import KINDS
from renkei.i18n import arg, translate_marked
from renkei.i18n.words import join_list, label_text, parts_text
from renkei.render.theme import current
from renkei.ui.text import finding_sentence, finding_word, local_time_text, span_text


class Column(enum.IntEnum):
    SENT = 0
    TASK = 1
    FROM = 2
    TO = 3
    FINDINGS = 4  # the column the log is for, where it is seen without scrolling
    STATE = 5
    ACKNOWLEDGED = 6
    MISSING = 7


HEADERS = {
    Column.SENT: QT_TRANSLATE_NOOP("HandoffLog", "Sent"),
    Column.TASK: QT_TRANSLATE_NOOP("HandoffLog", "Task"),
    Column.FROM: QT_TRANSLATE_NOOP("HandoffLog", "From"),
    Column.TO: QT_TRANSLATE_NOOP("HandoffLog", "To"),
    Column.STATE: QT_TRANSLATE_NOOP("HandoffLog", "State"),
    Column.ACKNOWLEDGED: QT_TRANSLATE_NOOP("HandoffLog", "Acknowledged"),
    Column.MISSING: QT_TRANSLATE_NOOP("HandoffLog", "Sent without"),
    Column.FINDINGS: QT_TRANSLATE_NOOP("HandoffLog", "Where it broke"),
}

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class HandoffLogModel(QAbstractTableModel):
    def __init__(self, session: BoardSession, parent=None):
        super().__init__(parent)
        self.session = session
        self._entries: tuple[HandoffEntry, ...] = ()
        self._haystacks: dict[int, str] = {}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._entries = self.session.handoff_analysis().entries
        self._haystacks.clear()
        self.endResetModel()

    def haystack(self, row: int) -> str:
        """Every column's words in one folded string, for the search box (built once)."""
        found = self._haystacks.get(row)
        if found is None:
            entry = self._entries[row]
            found = " ".join(self._text(entry, column) for column in Column).casefold()
            self._haystacks[row] = found
        return found

    def entry(self, row: int) -> HandoffEntry:
        return self._entries[row]

    def rowCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._entries)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HandoffLog", HEADERS[Column(section)])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == SORT_ROLE:
            if column is Column.SENT:
                return entry.at.isoformat()
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            board = self.session.board
            lines = [finding_sentence(board, f) for f in entry.findings]
            if entry.handoff is not None and entry.handoff.note:
                lines.insert(0, entry.handoff.note)
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.FINDINGS:
            return QBrush(current().lost) if entry.findings else None
        return None

    def _text(self, entry: HandoffEntry, column: Column) -> str:
        board = self.session.board
        h = entry.handoff
        if column is Column.SENT:
            return local_time_text(entry.at)
        if column is Column.TASK:
            task = board.tasks.get(entry.task_id)
            return task.title if task else f"#{entry.task_id}"
        if column is Column.FROM:
            return _who(board, entry.from_team_id, entry.from_person_id)
        if column is Column.TO:
            return _who(board, entry.to_team_id, entry.to_person_id)
        if column is Column.STATE:
            if h is None:
                return QCoreApplication.translate("HandoffLog", "No handoff record")
            return QCoreApplication.translate("Handoff", h.state.label)
        if column is Column.ACKNOWLEDGED:
            if h is None:
                return ""
            if h.acknowledged_at is not None:
                return arg(
                    QCoreApplication.translate("HandoffLog", "after %1"),
                    span_text(h.acknowledged_at - h.sent_at),
                )
            if h.state is HandoffState.SENT:
                waited = span_text(self.session.handoff_analysis().now - h.sent_at)
                return arg(QCoreApplication.translate("HandoffLog", "waiting %1"), waited)
            return ""
        if column is Column.MISSING:
            if h is not None and not h.packet_known:
                return QCoreApplication.translate("Handoffs", "Packet unknown")
            if h is None:
                return ""
            return join_list([item_label(i, translate_marked) for i in h.missing_items])
        words = []
        for f in sorted(entry.findings, key=lambda f: severity(f.kind)):
            word = finding_word(f.kind)
            if f.items and f.kind in ("lost_in_transit", "lost_downstream"):
                word = label_text(
                    word, join_list([item_label(i, translate_marked) for i in f.items])
                )
            words.append(word)
        return parts_text(list(dict.fromkeys(words)))


def _who(board, team_id, person_id) -> str:
    team = board.teams.get(team_id) if team_id is not None else None
    person = board.people.get(person_id) if person_id is not None else None
    parts = [p.name for p in (team, person) if p is not None]
    return parts_text(parts) or "—"


@dataclass(frozen=True, slots=True)
class LogFilter:
    text: str = ""
    kind: str = ""  # a finding kind, "any" for any finding, "" for all entries
    state: str = ""  # a HandoffState value or "silent"; "" for all
    pair: tuple[int | None, int | None] | None = None  # (from team, to team)
    task_id: int | None = None


class HandoffLogFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.chosen = LogFilter()
        self.setSortRole(SORT_ROLE)

    def set_filter(self, chosen: LogFilter) -> None:
        self.beginFilterChange()
        self.chosen = chosen
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802
        model: HandoffLogModel = self.sourceModel()
        entry = model.entry(row)
        chosen = self.chosen
        if chosen.task_id is not None and entry.task_id != chosen.task_id:
            return False
        if chosen.pair is not None and (entry.from_team_id, entry.to_team_id) != chosen.pair:
            return False
        if chosen.state and entry.state != chosen.state:
            return False
        if chosen.kind == "any" and not entry.findings:
            return False
        if chosen.kind not in ("", "any") and all(f.kind != chosen.kind for f in entry.findings):
            return False
        needle = chosen.text.casefold()
        return not needle or needle in model.haystack(row)


class HandoffLog(QWidget):
    """Filter controls over the log table. ``entryChosen`` carries the chosen row's entry."""

    entryChosen = Signal(object)

    def __init__(self, session: BoardSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = HandoffLogModel(session, self)
        self.proxy = HandoffLogFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search task, team, person, item…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the handoff log"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("All entries"), "")
        self.kind_combo.addItem(self.tr("With a finding"), "any")
        for kind in KINDS:
            self.kind_combo.addItem(f"{finding_word(kind)} ({kind})", kind)
        self.state_combo = QComboBox(self)
        self.state_combo.addItem(self.tr("Any state"), "")
        for state in HandoffState:
            if state is not HandoffState.WITHDRAWN:
                self.state_combo.addItem(
                    QCoreApplication.translate("Handoff", state.label), state.value
                )
        self.state_combo.addItem(self.tr("No handoff record"), SILENT)
        self.kind_combo.setAccessibleName(self.tr("Show entries"))
        self.state_combo.setAccessibleName(self.tr("Handoff state"))
        self.scope_label = QLabel(self)
        self.scope_clear = QToolButton(self)
        self.scope_clear.setText(self.tr("Show all"))
        self.scope_clear.setAutoRaise(True)
        self.scope_clear.clicked.connect(self.clear_scope)
        self.count_label = QLabel(self)

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.search, 2)
        controls.addWidget(self.kind_combo, 1)
        controls.addWidget(self.state_combo, 1)
        controls.addWidget(self.scope_label)
        controls.addWidget(self.scope_clear)
        controls.addStretch(0)
        controls.addWidget(self.count_label)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Handoff log"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows walk its rows
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.SENT, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (Column.SENT, 125),
            (Column.TASK, 220),
            (Column.FROM, 165),
            (Column.TO, 165),
            (Column.FINDINGS, 220),
            (Column.STATE, 100),
            (Column.ACKNOWLEDGED, 100),
        ):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.table)

        self.search.textChanged.connect(self._apply_controls)
        self.kind_combo.currentIndexChanged.connect(self._apply_controls)
        self.state_combo.currentIndexChanged.connect(self._apply_controls)
        self._pair: tuple[int | None, int | None] | None = None
        self._apply_controls()

    def focus_stops(self) -> list[QWidget]:
        """Its controls in the order Tab visits them: search, filters, the table."""
        return [self.search, self.kind_combo, self.state_combo, self.scope_clear, self.table]

    # -- filtering ---------------------------------------------------------------------------

    def show_pair(self, from_team_id, to_team_id) -> None:
        """Only the handoffs between two teams (a matrix cell)."""
        self._pair = (from_team_id, to_team_id)
        self._apply_controls()

    def clear_scope(self) -> None:
        self._pair = None
        self._apply_controls()

    def _apply_controls(self, *_args) -> None:
        self.proxy.set_filter(
            LogFilter(
                text=self.search.text().strip(),
                kind=self.kind_combo.currentData() or "",
                state=self.state_combo.currentData() or "",
                pair=self._pair,
            )
        )
        board = self.session.board
        if self._pair is None:
            self.scope_label.setText("")
        else:
            names = [
                board.teams[t].name if t is not None and t in board.teams else "—"
                for t in self._pair
            ]
            self.scope_label.setText(arg(self.tr("Only %1 → %2"), names[0], names[1]))
        self.scope_label.setVisible(self._pair is not None)
        self.scope_clear.setVisible(self._pair is not None)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            arg(self.tr("%1 entries"), str(total))
            if shown == total
            else arg(self.tr("%1 of %2 entries"), str(shown), str(total))
        )

    def refresh(self) -> None:
        """Read the log again (the board changed), keeping the chosen entry selected."""
        chosen = self.current_entry()
        self.model.refresh()
        self._update_count()
        if chosen is not None:
            self.select(chosen.handoff.id if chosen.handoff else None, chosen.task_id, signal=False)

    # -- selection ---------------------------------------------------------------------------

    def current_entry(self) -> HandoffEntry | None:
        index = self.table.currentIndex()
        return index.data(ENTRY_ROLE) if index.isValid() else None

    def select(self, handoff_id: int | None, task_id: int | None = None, signal=True) -> bool:
        """Select the row of a handoff (or, without one, the task's latest row) if shown."""
        rows = range(self.proxy.rowCount())
        for row in rows:
            entry: HandoffEntry = self.proxy.index(row, 0).data(ENTRY_ROLE)
            if handoff_id is not None:
                hit = entry.handoff is not None and entry.handoff.id == handoff_id
            else:
                hit = entry.task_id == task_id
            if hit:
                blocked = self.table.selectionModel().blockSignals(not signal)
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                self.table.selectionModel().blockSignals(blocked)
                return True
        return False

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.entryChosen.emit(current.data(ENTRY_ROLE))

    def visible_entries(self) -> list[HandoffEntry]:
        return [self.proxy.index(r, 0).data(ENTRY_ROLE) for r in range(self.proxy.rowCount())]
