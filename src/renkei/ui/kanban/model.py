"""KanbanModel: the filtered tasks of a board as a Qt list model, in board order.

An adapter only: it turns session Changes into precise row signals (dataChanged for an
edited card, row inserts/removals for cards entering or leaving the filter, a layout change
when cards are reordered) and answers roles; rules come from the session."""

from __future__ import annotations

import enum

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from renkei.app.filtering import TaskFilter, matching_ids
from renkei.app.session import BoardSession
from renkei.domain.commands import Change
from renkei.domain.handoff import HandoffState
from renkei.domain.model import Task
from renkei.render.card import CardFace
from renkei.render.card_face import card_face
from renkei.ui.board_events import BoardEvents
from renkei.ui.text import (
    finding_sentence,
    risk_sentence,
    span_text,
    tr,
)


class LaneMode(enum.Enum):
    TEAM = "team"
    OWNER = "owner"
    PROJECT = "project"
    NONE = "none"


LANE_FIELD = {
    LaneMode.TEAM: "team_id",
    LaneMode.OWNER: "owner_id",
    LaneMode.PROJECT: "project_id",
    LaneMode.NONE: None,
}


class Role(enum.IntEnum):
    TASK_ID = Qt.ItemDataRole.UserRole + 1
    TASK = Qt.ItemDataRole.UserRole + 2
    STATUS_ID = Qt.ItemDataRole.UserRole + 3
    LANE_KEY = Qt.ItemDataRole.UserRole + 4
    CARD_FACE = Qt.ItemDataRole.UserRole + 5
    RISK_REASONS = Qt.ItemDataRole.UserRole + 6


class KanbanModel(QAbstractListModel):
    def __init__(self, session: BoardSession, events: BoardEvents, parent=None):
        super().__init__(parent)
        self.session = session
        self._filter = TaskFilter()
        self._lane_mode = LaneMode.TEAM
        self._ids: list[int] = []
        self._haystacks: dict[int, str] = {}
        self._faces: dict[int, CardFace] = {}
        events.changed.connect(self._on_change)
        events.reset.connect(self.refresh)
        self._ids = self._visible_ids()

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self._ids)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        task_id = self._ids[index.row()]
        task = self.session.board.tasks[task_id]
        if role == Qt.ItemDataRole.DisplayRole:
            return task.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(task)
        if role == Role.TASK_ID:
            return task_id
        if role == Role.TASK:
            return task
        if role == Role.STATUS_ID:
            return task.status_id
        if role == Role.LANE_KEY:
            return self.lane_key(task)
        if role == Role.CARD_FACE:
            return self.face(task_id)
        if role == Role.RISK_REASONS:
            return self.session.risk(task_id)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    # -- what is shown ---------------------------------------------------------------------

    @property
    def task_filter(self) -> TaskFilter:
        return self._filter

    def set_filter(self, chosen: TaskFilter) -> None:
        if chosen == self._filter:
            return
        self._filter = chosen
        self.refresh()

    @property
    def lane_mode(self) -> LaneMode:
        return self._lane_mode

    def set_lane_mode(self, mode: LaneMode) -> None:
        if mode == self._lane_mode:
            return
        self.layoutAboutToBeChanged.emit()
        self._lane_mode = mode
        self._ids = self._visible_ids()
        self.layoutChanged.emit()

    def lane_key(self, task: Task) -> int | None:
        name = LANE_FIELD[self._lane_mode]
        return getattr(task, name) if name else None

    def task_ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, task_id: int) -> int:
        try:
            return self._ids.index(task_id)
        except ValueError:
            return -1

    def refresh(self) -> None:
        """Recompute everything (a new filter, or the board read again)."""
        self.beginResetModel()
        self._haystacks.clear()
        self._faces.clear()
        self._ids = self._visible_ids()
        self.endResetModel()

    def refresh_faces(self) -> None:
        """Words that depend on the clock ("Waiting 3 h") are rebuilt; nothing else moves."""
        self._faces.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def face(self, task_id: int) -> CardFace:
        """The card's words, built once per change of the task (painting must stay cheap)."""
        face = self._faces.get(task_id)
        if face is None:
            face = self._faces[task_id] = self._build_face(task_id)
        return face

    # -- internals ---------------------------------------------------------------------------

    def _visible_ids(self) -> list[int]:
        board = self.session.board
        column = {s.id: s.position for s in board.statuses.values()}
        ordered = sorted(
            board.tasks.values(), key=lambda t: (column.get(t.status_id, 0), t.position, t.id)
        )
        return matching_ids(self.session, ordered, self._filter, self._haystacks)

    def _build_face(self, task_id: int) -> CardFace:
        return card_face(self.session, task_id)

    def _tooltip(self, task: Task) -> str:
        session = self.session
        board = session.board
        lines = [task.title, *(risk_sentence(r) for r in session.risk(task.id))]
        analysis = session.handoff_analysis()
        waiting = analysis.waiting.get(task.id)
        if waiting is not None and waiting.state is HandoffState.SENT:
            receiver = board.people.get(waiting.receiver_id)
            lines.append(
                tr("Kanban", "Handed to %1 %2 ago; not acknowledged yet.")
                .replace("%1", receiver.name if receiver else "?")
                .replace("%2", span_text(analysis.now - waiting.sent_at))
            )
        lines.extend(finding_sentence(board, f) for f in analysis.findings_of(task.id))
        return "\n".join(lines)

    def _on_change(self, change: Change) -> None:
        # A change can alter other cards' words too (a finished predecessor unblocks its
        # successors, a column's WIP count changes), so card faces are rebuilt lazily.
        self._faces.clear()
        touched = {rc.entity_id for rc in change.rows if rc.entity == "task"}
        for task_id in touched:
            self._haystacks.pop(task_id, None)
        if any(rc.entity == "person" for rc in change.rows):
            self._haystacks.clear()
        new_ids = self._visible_ids()
        self._apply_rows(new_ids)
        if self._ids:
            # Every card's words may have changed (risk, blocked); one signal for the range.
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def _apply_rows(self, new_ids: list[int]) -> None:
        """Turn the old row list into the new one with removals, a reorder, insertions."""
        old_ids = self._ids
        if new_ids == old_ids:
            return
        new_set = set(new_ids)
        for row in range(len(old_ids) - 1, -1, -1):
            if old_ids[row] not in new_set:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                self.endRemoveRows()
        kept = set(self._ids)
        survivors = [i for i in new_ids if i in kept]
        if survivors != self._ids:
            self.layoutAboutToBeChanged.emit()
            previous = self._ids
            new_rows = {task_id: row for row, task_id in enumerate(survivors)}
            self._ids = survivors
            for index in self.persistentIndexList():
                moved_to = new_rows[previous[index.row()]]
                self.changePersistentIndex(index, self.index(moved_to))
            self.layoutChanged.emit()
        for row, task_id in enumerate(new_ids):
            if row >= len(self._ids) or self._ids[row] != task_id:
                self.beginInsertRows(QModelIndex(), row, row)
                self._ids.insert(row, task_id)
                self.endInsertRows()
