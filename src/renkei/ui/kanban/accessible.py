"""The kanban, read aloud: columns, lanes, cards and "+ Add task" rows as a screen reader's
children of the board, each named with the words its picture paints (the card face).

The tree: the board (a pane named "Kanban board") → one item per column ("In progress,
14 of 15 tasks") → one group per lane ("Inside Sales, 12 tasks") → the lane's cards column by
column ("Call Minato Pharma — Inside Sales, owner Daiki Sato, due tomorrow, at risk: Late,
Stale"), each column's add row last. The current card is the focused (and selected) item;
moving it, or someone else changing it, is announced."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAnnouncementEvent,
)

from renkei.i18n import arg
from renkei.i18n.contexts import Kanban
from renkei.i18n.history import join_words
from renkei.ui.a11y import Key, PaintedAccessible, post, spoken_risks, tell_focus, watch_focus
from renkei.ui.kanban.geometry import HEADER_HEIGHT, Lane

__all__ = ["KanbanAccessible", "current_changed", "laid_out", "watch_focus"]

Text = QAccessible.Text
Role = QAccessible.Role
MOVE_LEFT, MOVE_RIGHT = "Move left", "Move right"  # action names (not shown)


def _list(parts: list[str]) -> str:
    return join_words(part for part in parts if part)


class KanbanAccessible(PaintedAccessible):
    """The kanban view's interface (see the module's note for the tree)."""

    def __init__(self, view):
        super().__init__(view)
        self._laid_out: list | None = None  # the view's lanes the indexes below were made for
        self._lane_map: dict[int | None, Lane] = {}
        self._column_map: dict[int, int] = {}
        self._places: dict[int, tuple[Lane, int, int]] = {}
        self._lane_items: dict[int | None, list] = {}

    # -- where things are: indexed once per layout (a screen reader walks every card) -----

    def _index(self) -> None:
        view = self.view
        if self._laid_out is view.lanes:
            return
        self._laid_out = view.lanes
        self._lane_map = {lane.key: lane for lane in view.lanes}
        self._column_map = {status.id: i for i, status in enumerate(view.columns)}
        self._places = {}
        self._lane_items = {}
        for lane in view.lanes:
            items: list = []
            if not lane.collapsed:
                for column_index, status in enumerate(view.columns):
                    for index, task_id in enumerate(lane.cells.get(status.id, [])):
                        self._places.setdefault(task_id, (lane, column_index, index))
                        items.append(("card", task_id))
                    items.append(("add", lane.key, status.id))
            self._lane_items[lane.key] = items

    def _lanes(self) -> dict[int | None, Lane]:
        self._index()
        return self._lane_map

    def _column_index(self, status_id: int) -> int | None:
        self._index()
        return self._column_map.get(status_id)

    def _place(self, task_id: int) -> tuple[Lane, int, int] | None:
        """(lane, column index, index in the cell) of a card laid out on the board."""
        self._index()
        return self._places.get(task_id)

    # -- the tree -------------------------------------------------------------------------

    def children_of(self, key: Key | None) -> list:
        view = self.view
        if key is None:
            keys: list = [("column", status.id) for status in view.columns]
            keys += [("lane", lane.key) for lane in view.lanes]
            keys += [w for w in (view.clear_button, view._quick_add) if w and w.isVisible()]
            return keys
        if key[0] != "lane":
            return []
        self._index()
        return self._lane_items.get(key[1], [])

    def parent_key(self, key: Key) -> Key | None:
        if key[0] == "card":
            place = self._place(key[1])
            return ("lane", place[0].key) if place else None
        if key[0] == "add":
            return ("lane", key[1])
        return None

    def exists(self, key: Key) -> bool:
        kind = key[0]
        if kind == "column":
            return self._column_index(key[1]) is not None
        if kind == "lane":
            return key[1] in self._lanes()
        if kind == "card":
            return self._place(key[1]) is not None
        lane = self._lanes().get(key[1])
        return lane is not None and not lane.collapsed and self._column_index(key[2]) is not None

    def focused_key(self) -> Key | None:
        current = self.view.current_task
        if current is None or self._place(current) is None:
            return None
        return ("card", current)

    # -- what each item says --------------------------------------------------------------

    def text_of(self, key: Key | None, kind) -> str:
        if key is None:
            # The board's own description (its current card in words) is not repeated: the
            # card itself is the focused child and says it.
            return self.view.accessibleName() if kind == Text.Name else ""
        if kind == Text.Name:
            return self.name_of(key)
        if kind == Text.Description and key[0] == "card":
            return self.card_details(key[1])
        return ""

    def name_of(self, key: Key) -> str:
        kind = key[0]
        if kind == "column":
            return self.column_name(key[1])
        if kind == "lane":
            lane = self._lanes()[key[1]]
            title = lane.title or QCoreApplication.translate("Kanban", "All tasks")
            return _list([title, Kanban.tr("%n task(s)", "", lane.count)])
        if kind == "card":
            return self.card_name(key[1])
        lane = self._lanes()[key[1]]
        hidden = lane.hidden.get(key[2], 0)
        if hidden:
            return Kanban.tr("Show %n more finished task(s)", "", hidden)
        status = self.view.columns[self._column_index(key[2])]
        return arg(QCoreApplication.translate("Kanban", "Add a task to %1"), status.name)

    def column_name(self, status_id: int) -> str:
        """"In progress, 14 of 15 tasks", "Done, 3 of 40 tasks shown", "…, over the limit"."""
        grid = self.view.model.grid
        status = self.view.columns[self._column_index(status_id)]
        count = grid.count(status_id)
        shown = grid.shown(status_id)
        if shown is not None:
            words = arg(Kanban.tr("%1 of %n task(s) shown", "", count), shown)
        elif status.wip_limit is not None:
            words = arg(Kanban.tr("%1 of %n task(s)", "", status.wip_limit), count)
        else:
            words = Kanban.tr("%n task(s)", "", count)
        over = ""
        if grid.over_limit(status):
            over = QCoreApplication.translate("Kanban", "over the limit")
        return _list([status.name, words, over])

    def card_name(self, task_id: int) -> str:
        """The card's words: title — lane, owner, due, risks, blocked."""
        face = self.view.model.face(task_id)
        place = self._place(task_id)
        lane_title = place[0].title if place else ""
        head, owner, risk = face.title, "", ""
        if lane_title:
            head = arg(QCoreApplication.translate("Kanban", "%1 — %2"), face.title, lane_title)
        if face.owner_name:
            owner = arg(QCoreApplication.translate("Kanban", "owner %1"), face.owner_name)
        if face.risk_word:
            risks = spoken_risks(self.view.model.session, task_id)
            risk = arg(QCoreApplication.translate("Kanban", "at risk: %1"), risks)
        return _list([head, owner, face.due_text, risk, face.blocked_word])

    def card_details(self, task_id: int) -> str:
        """What else the card shows: its column, priority, handoff and finding badges,
        progress."""
        face = self.view.model.face(task_id)
        place = self._place(task_id)
        column = self.view.columns[place[1]].name if place else ""
        progress = ""
        if face.progress:
            progress = arg(QCoreApplication.translate("Kanban", "%1% done"), face.progress)
        return _list(
            [column, face.priority_word, face.handoff_word, face.finding_word, progress]
        )

    def rect_of(self, key: Key) -> QRectF | None:
        view = self.view
        geometry = view.geometry_now()
        kind = key[0]
        if kind == "card":
            return view.card_rect(key[1])
        if kind == "column":
            x = geometry.column_x(self._column_index(key[1]))
            return QRectF(x, 4, view.column_width, HEADER_HEIGHT - 4)
        if kind == "lane":
            lane = self._lanes()[key[1]]
            top = geometry.content_to_view_y(lane.top)
            width = geometry.column_x(len(view.columns)) - geometry.column_x(0)
            return QRectF(geometry.column_x(0), top, width, lane.height)
        lane = self._lanes()[key[1]]
        return geometry.add_row_rect(lane, self._column_index(key[2]))

    def role_of(self, key: Key | None):
        if key is None:
            return Role.Pane
        return {
            "column": Role.ColumnHeader,
            "lane": Role.Grouping,
            "card": Role.ListItem,
            "add": Role.Button,
        }[key[0]]

    def state_of(self, key: Key | None):
        if key is None:
            return self.base_state()
        state = QAccessible.State()
        area = self.rect_of(key)
        viewport = self.view.viewport().rect()
        state.offscreen = area is None or not area.intersects(QRectF(viewport))
        kind = key[0]
        if kind == "card":
            current = self.view.current_task == key[1]
            state.focusable = state.selectable = True
            state.selected = current
            state.focused = current and self.view.hasFocus()
        elif kind == "lane":
            lane = self._lanes()[key[1]]
            state.expandable = bool(lane.title)
            state.collapsed = lane.collapsed
            state.expanded = bool(lane.title) and not lane.collapsed
        return state

    # -- actions --------------------------------------------------------------------------

    def actions_of(self, key: Key) -> list[str]:
        kind = key[0]
        if kind == "card":
            names = [
                QAccessibleActionInterface.pressAction(),
                QAccessibleActionInterface.setFocusAction(),
                QAccessibleActionInterface.showMenuAction(),
            ]
            place = self._place(key[1])
            if place and place[1] > 0:
                names.append(MOVE_LEFT)
            if place and place[1] < len(self.view.columns) - 1:
                names.append(MOVE_RIGHT)
            return names
        if kind == "lane":
            lane = self._lanes()[key[1]]
            return [QAccessibleActionInterface.toggleAction()] if lane.title else []
        if kind == "add":
            return [QAccessibleActionInterface.pressAction()]
        return []

    def action_words(self, key: Key, name: str) -> str:
        kind = key[0]
        if kind == "card":
            place = self._place(key[1])
            if name in (MOVE_LEFT, MOVE_RIGHT) and place is not None:
                step = -1 if name == MOVE_LEFT else 1
                target = self.view.columns[place[1] + step].name
                return arg(QCoreApplication.translate("Kanban", "Move to %1"), target)
            return {
                QAccessibleActionInterface.pressAction(): QCoreApplication.translate(
                    "Kanban", "Open the task"
                ),
                QAccessibleActionInterface.setFocusAction(): QCoreApplication.translate(
                    "Kanban", "Select the card"
                ),
                QAccessibleActionInterface.showMenuAction(): QCoreApplication.translate(
                    "Kanban", "Show the card's menu"
                ),
            }.get(name, name)
        if kind == "lane":
            lane = self._lanes()[key[1]]
            if lane.collapsed:
                return QCoreApplication.translate("Kanban", "Unfold the lane")
            return QCoreApplication.translate("Kanban", "Fold the lane")
        if kind == "add":
            return self.name_of(key)
        return name

    def do_action(self, key: Key, name: str) -> None:
        view = self.view
        kind = key[0]
        if kind == "card":
            task_id = key[1]
            view.set_current_task(task_id)
            if name == QAccessibleActionInterface.pressAction():
                view.openRequested.emit(task_id)
            elif name == QAccessibleActionInterface.setFocusAction():
                view.setFocus()
            elif name == QAccessibleActionInterface.showMenuAction():
                rect = view.card_rect(task_id)
                if rect is not None:
                    centre = view.viewport().mapToGlobal(rect.center().toPoint())
                    view.menuRequested.emit(task_id, centre)
            elif name in (MOVE_LEFT, MOVE_RIGHT):
                view.move_current(-1 if name == MOVE_LEFT else 1, 0)
        elif kind == "lane":
            view.toggle_lane(self._lanes()[key[1]])
        elif kind == "add":
            lane = self._lanes()[key[1]]
            if lane.hidden.get(key[2]):
                view.show_all_finished(lane, key[2])
            else:
                view.start_quick_add(key[2], lane)


# -- events: the view calls these ----------------------------------------------------------


def _interface(view) -> KanbanAccessible | None:
    found = QAccessible.queryAccessibleInterface(view)
    return found if isinstance(found, KanbanAccessible) else None


def current_changed(view) -> None:
    """The current card changed: it is the focused and selected item now."""
    view._spoken_place = _place_words(view)
    tell_focus(view, selection=True)


def laid_out(view) -> None:
    """The board was laid out again: a current card that moved is announced ("Moved to In
    progress"), and one someone else changed is read again."""
    before = getattr(view, "_spoken_place", None)
    now = view._spoken_place = _place_words(view)
    task_id = view.current_task
    if task_id is None or now is None or before is None or before[0] != task_id:
        return
    interface = _interface(view)
    if interface is None:
        return
    words = ""
    _, lane_before, column_before, index_before = before
    _, lane_now, column_now, index_now = now
    if column_now != column_before or lane_now != lane_before:
        column = next(s.name for s in view.columns if s.id == column_now)
        lane = next((lane.title for lane in view.lanes if lane.key == lane_now), "")
        words = (
            arg(QCoreApplication.translate("Kanban", "Moved to %1, %2"), column, lane)
            if lane_now != lane_before and lane
            else arg(QCoreApplication.translate("Kanban", "Moved to %1"), column)
        )
    elif index_now != index_before and task_id in view.model.touched:
        words = arg(QCoreApplication.translate("Kanban", "Moved to place %1 in %2"), index_now + 1,
                    next(s.name for s in view.columns if s.id == column_now))  # fmt: skip
    actor = view.model.changed_by_others.get(task_id)
    if actor is not None:
        changed = arg(
            QCoreApplication.translate("Kanban", "Changed by %1: %2"),
            actor,
            interface.card_name(task_id),
        )
        words = _list([words, changed]) if words else changed
    if words:
        post(view, QAccessibleAnnouncementEvent(view, words), words)


def _place_words(view) -> tuple[int, int | None, int, int] | None:
    """Where the current card is: (task id, lane key, status id, index in the cell)."""
    task_id = view.current_task
    if task_id is None:
        return None
    found = view.geometry_now().locate(task_id)
    if found is None:
        return None
    lane_index, column_index, index = found
    return task_id, view.lanes[lane_index].key, view.columns[column_index].id, index
