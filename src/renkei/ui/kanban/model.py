"""KanbanModel: the filtered tasks of a board, in board order, and the kanban grid they make.

Once per session Change (or a new filter, lane mode or board) it does two things:

- rebuilds the plain ``grid`` (columns × lanes → card ids, see ``grid.py``) and emits
  ``arranged`` once: the kanban view lays itself out from that, and from ``face()``;
- as a Qt list model (the timeline's task list, the status bar and the tests read it), turns
  the change into ranged row signals: one removal per run of rows gone, one layout change when
  survivors were reordered, one insertion per run of new rows (a reset when the runs would be
  many), and one ``dataChanged`` over the rows, since any card's words may have changed.

Rules come from the session; this only adapts."""

from __future__ import annotations

import enum
from bisect import bisect_left
from collections.abc import Iterable

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt, Signal

from renkei.app.filtering import TaskFilter, matching_ids
from renkei.app.session import BoardSession
from renkei.domain.commands import Change
from renkei.domain.handoff import HandoffState
from renkei.domain.model import Task
from renkei.i18n import arg
from renkei.render.card import CardFace
from renkei.render.card_face import card_face
from renkei.ui.board_events import BoardEvents
from renkei.ui.kanban.grid import LANE_FIELD, KanbanGrid, LaneMode, arrange
from renkei.ui.text import (
    finding_sentence,
    risk_sentence,
    span_text,
)

__all__ = ["LANE_FIELD", "KanbanModel", "LaneMode", "Role"]

# More separate runs of new rows than this in one change: one reset says it better.
MAX_INSERT_RUNS = 16
# Rows whose change can reorder or re-filter tasks the change did not touch (a column's
# position; a person's name, which the text filter searches).
ORDER_ENTITIES = ("status", "person")


class Role(enum.IntEnum):
    TASK_ID = Qt.ItemDataRole.UserRole + 1
    TASK = Qt.ItemDataRole.UserRole + 2
    STATUS_ID = Qt.ItemDataRole.UserRole + 3
    LANE_KEY = Qt.ItemDataRole.UserRole + 4
    CARD_FACE = Qt.ItemDataRole.UserRole + 5
    RISK_REASONS = Qt.ItemDataRole.UserRole + 6


class KanbanModel(QAbstractListModel):
    arranged = Signal()  # ``grid`` was rebuilt: once per Change, filter, lane mode or reset

    def __init__(self, session: BoardSession, events: BoardEvents, parent=None):
        super().__init__(parent)
        self.session = session
        self._filter = TaskFilter()
        self._lane_mode = LaneMode.TEAM
        self._ids: list[int] = []
        self._haystacks: dict[int, str] = {}
        self._faces: dict[int, CardFace] = {}
        # During one change's ``arranged``: the tasks it touched, by whom, when that is
        # someone else (a screen reader hears the focused card changed under it).
        self.changed_by_others: dict[int, str] = {}
        self.touched: set[int] = set()  # during one change's ``arranged``: its tasks
        events.changed.connect(self._on_change)
        events.reset.connect(self.refresh)
        self._ids = self._visible_ids()
        self.grid: KanbanGrid = self._arrange()

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
        # The rows keep their order (board order does not depend on lanes); only the grid moves.
        self._lane_mode = mode
        self._rearrange()

    def lane_key(self, task: Task) -> int | None:
        name = LANE_FIELD[self._lane_mode]
        return getattr(task, name) if name else None

    def task_ids(self) -> list[int]:
        return list(self._ids)

    def on_board(self, task_id: int) -> bool:
        """The task still exists (shown or filtered out): a current card may stay current."""
        return task_id in self.session.board.tasks

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
        self._rearrange()

    def refresh_faces(self) -> None:
        """Words that depend on the clock ("Waiting 3 h") are rebuilt; nothing else moves."""
        self._faces.clear()
        self._all_data_changed()

    def face(self, task_id: int) -> CardFace:
        """The card's words, built once per change of the task (painting must stay cheap)."""
        face = self._faces.get(task_id)
        if face is None:
            self.prepare_faces((task_id,))
            face = self._faces[task_id]
        return face

    def prepare_faces(self, task_ids: Iterable[int]) -> None:
        """Build the faces of the cards about to be painted, together: their handoff
        findings are worked out in one read of their part of the trail, and no card that is
        not on screen costs anything (a 50,000-task board paints its first screen without
        analysing every handoff)."""
        missing = [task_id for task_id in task_ids if task_id not in self._faces]
        if not missing:
            return
        handoffs = self.session.handoffs_for(missing)
        for task_id in missing:
            self._faces[task_id] = card_face(self.session, task_id, handoffs)

    # -- internals ---------------------------------------------------------------------------

    def _visible_ids(self) -> list[int]:
        board = self.session.board
        column = {s.id: s.position for s in board.statuses.values()}
        ordered = sorted(
            board.tasks.values(), key=lambda t: (column.get(t.status_id, 0), t.position, t.id)
        )
        return matching_ids(self.session, ordered, self._filter, self._haystacks)

    def _ids_after(self, change: Change, touched: set[int]) -> list[int]:
        """The shown ids after ``change``: only the tasks it touched leave their place and
        find their new one (sorting 50,000 tasks for 300 new ones costs a frozen window),
        unless the change can move or hide others too (a column moved, a person renamed
        under a text filter) or the filter depends on other tasks (risk) or on the day."""
        chosen = self._filter
        if (
            chosen.at_risk_only
            or chosen.due_within_days is not None
            or any(rc.entity in ORDER_ENTITIES for rc in change.rows)
        ):
            return self._visible_ids()
        board = self.session.board
        tasks = board.tasks
        column = {s.id: s.position for s in board.statuses.values()}

        def place(task_id: int) -> tuple[float, float, int]:
            task = tasks[task_id]
            return (column.get(task.status_id, 0), task.position, task_id)

        ids = [task_id for task_id in self._ids if task_id not in touched]
        arriving = sorted((tasks[i] for i in touched if i in tasks), key=lambda t: place(t.id))
        for task_id in matching_ids(self.session, arriving, chosen, self._haystacks):
            ids.insert(bisect_left(ids, place(task_id), key=place), task_id)
        return ids

    def _arrange(self) -> KanbanGrid:
        filtered = not self._filter.is_empty
        return arrange(self.session.board, self._ids, self._lane_mode, filtered)

    def _rearrange(self) -> None:
        self.grid = self._arrange()
        self.arranged.emit()

    def _all_data_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def tooltip(self, task_id: int) -> str:
        """What hovering the card says (its title, owner's full name, risks, handoffs)."""
        task = self.session.board.tasks.get(task_id)
        return self._tooltip(task) if task is not None else ""

    def card_text(self, task_id: int) -> str:
        """The card in words for a screen reader: the title, who owns it (full name), when
        it is due and what is at risk."""
        task = self.session.board.tasks.get(task_id)
        if task is None:
            return ""
        face = self.face(task_id)
        parts = [task.title, _owner_line(face.owner_name), face.due_text, face.risk_word]
        return "; ".join(part for part in parts if part)

    def _tooltip(self, task: Task) -> str:
        session = self.session
        board = session.board
        lines = [task.title]
        owner = board.people.get(task.owner_id) if task.owner_id is not None else None
        if owner is not None:
            lines.append(_owner_line(owner.name))
        lines.extend(risk_sentence(r) for r in session.risk(task.id))
        analysis = session.handoffs_for((task.id,))
        waiting = analysis.waiting.get(task.id)
        if waiting is not None and waiting.state is HandoffState.SENT:
            receiver = board.people.get(waiting.receiver_id)
            lines.append(
                arg(
                    QCoreApplication.translate(
                        "Kanban", "Handed to %1 %2 ago; not acknowledged yet."
                    ),
                    receiver.name if receiver else "?",
                    span_text(analysis.now - waiting.sent_at),
                )
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
        self._apply_rows(self._ids_after(change, touched))
        # Every card's words may have changed (risk, blocked); one signal for the range.
        self._all_data_changed()
        self.changed_by_others = self._others_touched(change)
        self.touched = touched
        self._rearrange()
        self.changed_by_others, self.touched = {}, set()

    def _others_touched(self, change: Change) -> dict[int, str]:
        """The tasks someone else changed (from the live feed, or a script), with their name."""
        others: dict[int, str] = {}
        people = self.session.board.people
        for rc in change.rows:
            actor = rc.actor_id if rc.actor_id is not None else change.actor_id
            if rc.entity == "task" and actor is not None and actor != self.session.actor_id:
                person = people.get(actor)
                others[rc.entity_id] = person.name if person else "?"
        return others

    def _apply_rows(self, new_ids: list[int]) -> None:
        """Turn the old row list into the new one: removals, a reorder, insertions, each
        signalled for a run of rows at once."""
        if new_ids == self._ids:
            return
        new_set = set(new_ids)
        old_ids = self._ids
        gone = [row for row, task_id in enumerate(old_ids) if task_id not in new_set]
        for first, last in reversed(_runs(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self.endRemoveRows()
        kept = set(self._ids)
        survivors = [i for i in new_ids if i in kept]
        added = [row for row, task_id in enumerate(new_ids) if task_id not in kept]
        if len(_runs(added)) > MAX_INSERT_RUNS:
            self.beginResetModel()
            self._ids = list(new_ids)
            self.endResetModel()
            return
        if survivors != self._ids:
            self.layoutAboutToBeChanged.emit()
            previous = self._ids
            new_rows = {task_id: row for row, task_id in enumerate(survivors)}
            self._ids = survivors
            for index in self.persistentIndexList():
                moved_to = new_rows[previous[index.row()]]
                self.changePersistentIndex(index, self.index(moved_to))
            self.layoutChanged.emit()
        # Runs in ascending order: everything above a run is already in place.
        for first, last in _runs(added):
            self.beginInsertRows(QModelIndex(), first, last)
            self._ids[first:first] = new_ids[first : last + 1]
            self.endInsertRows()


def _owner_line(name: str) -> str:
    return arg(QCoreApplication.translate("Kanban", "Owner: %1"), name) if name else ""


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending rows as (first, last) runs: [1, 2, 3, 7] → [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
