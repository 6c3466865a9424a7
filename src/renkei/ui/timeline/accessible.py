"""The timeline, read aloud: its groups and bars as a screen reader's children of the chart,
each bar named with the words its row paints (the bar face).

The tree: the chart (a pane named "Timeline") → one group per team, owner or project
("Inside Sales, 12 tasks") → its bars ("Call Minato Pharma — Inside Sales, owner Daiki Sato,
Tue 8 Dec – Sun 20 Dec, at risk: Late, Stale"). The current bar is the focused and selected
item; its dates moving (a drag, a key) are announced."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleAnnouncementEvent

from renkei.i18n import arg
from renkei.i18n.contexts import Kanban
from renkei.i18n.history import join_words
from renkei.i18n.words import date_range_text, date_text
from renkei.render.timeline_geometry import HEADER_HEIGHT
from renkei.ui.a11y import Key, PaintedAccessible, post, spoken_risks, tell_focus, watch_focus

__all__ = ["TimelineAccessible", "current_changed", "laid_out", "watch_focus"]

Text = QAccessible.Text
Role = QAccessible.Role


def _list(parts: list[str]) -> str:
    return join_words(part for part in parts if part)


class TimelineAccessible(PaintedAccessible):
    """The timeline view's interface (see the module's note for the tree)."""

    def __init__(self, view):
        super().__init__(view)
        self._laid_out = None  # the view's row layout the index below was made for
        self._bars: dict[int, list] = {}  # group index → its bars' keys
        self._group_of: dict[int, int] = {}  # task id → group index

    def _index(self):
        layout = self.view._layout
        if self._laid_out is not layout:
            self._laid_out = layout
            self._bars = {index: [] for index in range(len(layout.groups))}
            self._group_of = {}
            for row, task_id in enumerate(layout.tasks):
                if task_id is not None:
                    group = layout.group_of_row[row]
                    self._bars[group].append(("bar", task_id))
                    self._group_of[task_id] = group
        return layout

    # -- the tree -------------------------------------------------------------------------

    def children_of(self, key: Key | None) -> list:
        layout = self._index()
        if key is None:
            return [("group", index) for index in range(len(layout.groups))]
        return self._bars.get(key[1], []) if key[0] == "group" else []

    def parent_key(self, key: Key) -> Key | None:
        if key[0] == "bar":
            self._index()
            group = self._group_of.get(key[1])
            return ("group", group) if group is not None else None
        return None

    def exists(self, key: Key) -> bool:
        layout = self._index()
        if key[0] == "group":
            return 0 <= key[1] < len(layout.groups)
        return key[1] in self._group_of

    def focused_key(self) -> Key | None:
        current = self.view.current_task
        return ("bar", current) if current is not None and self.exists(("bar", current)) else None

    # -- what each item says --------------------------------------------------------------

    def text_of(self, key: Key | None, kind) -> str:
        if key is None:
            if kind == Text.Name:
                return self.view.accessibleName()
            return self.view.accessibleDescription() if kind == Text.Description else ""
        if kind == Text.Name:
            if key[0] == "group":
                group = self._index().groups[key[1]]
                title = group.title or QCoreApplication.translate("Kanban", "All tasks")
                return _list([title, Kanban.tr("%n task(s)", "", group.count)])
            return self.bar_name(key[1])
        if kind == Text.Description and key[0] == "bar":
            return self.bar_details(key[1])
        return ""

    def bar_name(self, task_id: int) -> str:
        """The bar's words: title — group, owner, dates, risks."""
        view = self.view
        face = view.face(task_id)
        group = self._index().groups[self._group_of[task_id]]
        head, owner, risk = face.title, "", ""
        if group.title:
            head = arg(QCoreApplication.translate("Kanban", "%1 — %2"), face.title, group.title)
        if face.owner_name:
            owner = arg(QCoreApplication.translate("Kanban", "owner %1"), face.owner_name)
        if face.risk_word:
            risks = spoken_risks(view.session, task_id)
            risk = arg(QCoreApplication.translate("Kanban", "at risk: %1"), risks)
        return _list([head, owner, self.dates(task_id), risk])

    def dates(self, task_id: int) -> str:
        """"Tue 8 Dec – Sun 20 Dec", or "milestone Tue 8 Dec"."""
        face = self.view.face(task_id)
        today = self.view.session.today()
        first, last = date.fromordinal(face.first), date.fromordinal(face.last)
        if face.milestone:
            return arg(
                QCoreApplication.translate("Timeline", "milestone %1"), date_text(first, today)
            )
        return date_range_text(first, last, today)

    def bar_details(self, task_id: int) -> str:
        """What else the row shows: progress, the critical path, finished."""
        face = self.view.face(task_id)
        progress = ""
        if face.progress:
            progress = arg(QCoreApplication.translate("Kanban", "%1% done"), face.progress)
        critical = ""
        if self.view.critical_path_shown and task_id in self.view.critical_ids:
            critical = QCoreApplication.translate("Timeline", "On the critical path")
        return _list([progress, critical])

    def rect_of(self, key: Key) -> QRectF | None:
        view = self.view
        if key[0] == "bar":
            return view.bar_rect(key[1])
        group = self._index().groups[key[1]]
        bars = self._bars.get(key[1], [])
        rows = [group.row] if group.row >= 0 else []
        rows += [view.row_of(bar[1]) for bar in bars[-1:]]
        if not rows:
            return None
        top = view.row_top(min(rows))
        bottom = view.row_top(max(rows)) + view.geometry_now().row_height
        return QRectF(0, top, view.viewport().width(), bottom - top)

    def role_of(self, key: Key | None):
        if key is None:
            return Role.Pane
        return Role.Grouping if key[0] == "group" else Role.ListItem

    def state_of(self, key: Key | None):
        if key is None:
            return self.base_state()
        state = QAccessible.State()
        area = self.rect_of(key)
        viewport = QRectF(self.view.viewport().rect()).adjusted(0, HEADER_HEIGHT, 0, 0)
        state.offscreen = area is None or not area.intersects(viewport)
        if key[0] == "bar":
            current = self.view.current_task == key[1]
            state.focusable = state.selectable = True
            state.selected = current
            state.focused = current and self.view.hasFocus()
        return state

    # -- actions --------------------------------------------------------------------------

    def actions_of(self, key: Key) -> list[str]:
        if key[0] != "bar":
            return []
        actions = QAccessibleActionInterface
        return [actions.pressAction(), actions.setFocusAction()]

    def action_words(self, key: Key, name: str) -> str:
        if name == QAccessibleActionInterface.pressAction():
            return QCoreApplication.translate("Kanban", "Open the task")
        if name == QAccessibleActionInterface.setFocusAction():
            return QCoreApplication.translate("Timeline", "Select the bar")
        return name

    def do_action(self, key: Key, name: str) -> None:
        view = self.view
        view.set_current_task(key[1])
        if name == QAccessibleActionInterface.pressAction():
            view.openRequested.emit(key[1])
        else:
            view.setFocus()


# -- events: the view calls these ----------------------------------------------------------


def current_changed(view) -> None:
    """The current bar changed: it is the focused and selected item now."""
    view._spoken_span = _span(view)
    tell_focus(view, selection=True)


def laid_out(view) -> None:
    """The rows were laid out again: the current bar's new dates are announced."""
    before = getattr(view, "_spoken_span", None)
    now = view._spoken_span = _span(view)
    if before is None or now is None or before[0] != now[0] or before == now:
        return
    interface = QAccessible.queryAccessibleInterface(view)
    if not isinstance(interface, TimelineAccessible):
        return
    words = arg(QCoreApplication.translate("Kanban", "Moved to %1"), interface.dates(now[0]))
    post(view, QAccessibleAnnouncementEvent(view, words), words)


def _span(view) -> tuple[int, int, int] | None:
    task_id = view.current_task
    span = view._layout.spans.get(task_id) if task_id is not None else None
    return (task_id, *span) if span is not None else None
