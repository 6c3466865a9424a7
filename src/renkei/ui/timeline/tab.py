"""The Timeline tab: the plan over time (the painted chart), its toolbar, and a tray of the
tasks that have no dates yet.

It shows the board's filtered tasks (the kanban model's, so the filter bar applies here
too) and shares the window's current task. Edits are commands applied through the window's
one ``apply`` road: moving a task, changing its dates, linking two tasks, scheduling one
from the tray. Moving a task that others wait for offers to move them too, in the same
undoable change."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from renkei.app.session import BoardSession
from renkei.domain.commands import Command, set_task
from renkei.domain.schedule import dependents_to_shift
from renkei.i18n import arg
from renkei.ui.kanban.model import KanbanModel, LaneMode
from renkei.ui.timeline.rows import Zoom
from renkei.ui.timeline.view import TASK_MIME, TimelineView

Apply = Callable[[list[Command], str], bool]

GROUP_LABELS = {
    LaneMode.TEAM: QT_TRANSLATE_NOOP("Timeline", "By team"),
    LaneMode.OWNER: QT_TRANSLATE_NOOP("Timeline", "By owner"),
    LaneMode.PROJECT: QT_TRANSLATE_NOOP("Timeline", "By project"),
    LaneMode.NONE: QT_TRANSLATE_NOOP("Timeline", "No grouping"),
}
HOURS_PER_DAY = 8  # a task scheduled from the tray lasts its estimate in working days
TRAY_WIDTH = 220  # the unscheduled tray's first width; then the width the user left it at
TRAY_WIDTH_RANGE = (140, 600)
BATCH_SIZE = 200  # tray items laid out per pass of the event loop


class UnscheduledTray(QListWidget):
    """The shown tasks without any date, dragged onto the chart to schedule them (or, by
    keyboard, Enter opens the task to give it dates)."""

    openRequested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        # Wrapped titles are measured one by one: thousands of undated tasks are laid out a
        # batch per pass of the event loop, not all at once while the window waits.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(BATCH_SIZE)
        self._listed: list[tuple[int, str]] = []  # (task, title) of each item, in order
        self.setToolTip(
            QCoreApplication.translate("Timeline", "Drag a task onto the chart to give it dates.")
        )

    def show_tasks(self, board, task_ids: list[int]) -> None:
        """List ``task_ids`` by title. What is listed already stays: tasks that arrive are
        put in their places, renamed ones retitled (a colleague's 300 new undated tasks on a
        10,000-task board made 2,400 items again); any other change lists them afresh."""
        wanted = [(task_id, board.tasks[task_id].title) for task_id in task_ids]
        if wanted == self._listed:
            return
        self.setUpdatesEnabled(False)  # one layout for the lot, not one per item
        if not self._patch(wanted):
            self.clear()
            for row, (task_id, title) in enumerate(wanted):
                self.insertItem(row, self._item(task_id, title))
        self._listed = wanted
        self.setUpdatesEnabled(True)

    def _patch(self, wanted: list[tuple[int, str]]) -> bool:
        """Turn the list into ``wanted`` by inserting and retitling items, when that is all
        it takes (the order of what stays unchanged); False when it is not."""
        listed = self._listed
        staying = {task_id for task_id, _ in wanted}
        if any(task_id not in staying for task_id, _ in listed):
            return False  # one left the list
        was_listed = {task_id for task_id, _ in listed}
        had = 0
        for row, (task_id, title) in enumerate(wanted):
            if had < len(listed) and listed[had][0] == task_id:
                if listed[had][1] != title:
                    self.item(row).setText(title)
                had += 1
            elif task_id in was_listed:
                return False  # one moved within the list
            else:
                self.insertItem(row, self._item(task_id, title))
        return had == len(listed)

    @staticmethod
    def _item(task_id: int, title: str) -> QListWidgetItem:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, task_id)
        return item

    def keyPressEvent(self, event) -> None:  # noqa: N802
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.openRequested.emit(item.data(Qt.ItemDataRole.UserRole))
            return
        super().keyPressEvent(event)

    def mimeData(self, items) -> QMimeData:  # noqa: N802 - Qt's name
        data = QMimeData()
        if items:
            task_id = items[0].data(Qt.ItemDataRole.UserRole)
            data.setData(TASK_MIME, str(task_id).encode("ascii"))
        return data

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [TASK_MIME]

    def task_ids(self) -> list[int]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]


class TimelineTab(QWidget):
    currentChanged = Signal(object)  # task id or None
    openRequested = Signal(int)

    def __init__(self, session: BoardSession, tasks: KanbanModel, apply: Apply, parent=None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self._apply = apply
        self._stale = True  # the chart is laid out when shown, not while hidden
        self._wanted: int | None = None  # the window's current task

        self.view = TimelineView(session, self)
        self.tray = UnscheduledTray(self)
        self.tray_label = QLabel(self)
        self.tray_label.setWordWrap(True)
        tray_box = QWidget(self)
        tray_layout = QVBoxLayout(tray_box)
        tray_layout.setContentsMargins(6, 6, 6, 6)
        tray_layout.addWidget(self.tray_label)
        tray_layout.addWidget(self.tray, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(tray_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, False)
        splitter.setSizes([1000, TRAY_WIDTH])
        splitter.splitterMoved.connect(self._tray_resized)
        self.splitter = splitter
        self.tray_box = tray_box
        self._tray_width = TRAY_WIDTH
        self._tray_sized = False

        self.toolbar = QToolBar(self)
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)

        self.view.currentChanged.connect(self.currentChanged)
        self.view.openRequested.connect(self.openRequested)
        self.view.taskRescheduled.connect(self.reschedule)
        self.view.dependencyRequested.connect(self.link)
        self.view.taskScheduled.connect(self.schedule)
        self.view.zoomChanged.connect(lambda zoom: self.zoom_actions[zoom].setChecked(True))
        self.tray.openRequested.connect(self.openRequested)
        self.tray.itemDoubleClicked.connect(
            lambda item: self.openRequested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        # Once per Change, filter or board read again (the kanban grid is rebuilt then),
        # never once per row signal: a colleague's 300 new tasks rebuild the chart once.
        tasks.arranged.connect(self._tasks_changed)

    def _build_toolbar(self) -> None:
        bar = self.toolbar
        bar.setMovable(False)
        group = QActionGroup(self)
        self.zoom_actions: dict[Zoom, QAction] = {}
        for number, zoom in enumerate(Zoom, 1):
            action = QAction(zoom.label, self, checkable=True)
            action.setShortcut(QKeySequence(f"Alt+{number}"))  # Day Alt+1 … Quarter Alt+4
            action.setChecked(zoom is self.view.zoom)
            action.triggered.connect(lambda _=False, z=zoom: self.set_zoom(z))
            group.addAction(action)
            bar.addAction(action)
            self.zoom_actions[zoom] = action
        bar.addSeparator()
        self.today_action = bar.addAction(
            QCoreApplication.translate("Timeline", "Today"), self.view.go_to_today
        )
        self.today_action.setShortcut(QKeySequence("Ctrl+T"))
        self.today_action.setToolTip(
            QCoreApplication.translate("Timeline", "Scroll to today (Ctrl+T)")
        )
        self.fit_action = bar.addAction(
            QCoreApplication.translate("Timeline", "Fit to selection"), self.fit_to_selection
        )
        self.critical_action = bar.addAction(
            QCoreApplication.translate("Timeline", "Critical path")
        )
        self.critical_action.setCheckable(True)
        self.critical_action.setToolTip(
            QCoreApplication.translate(
                "Timeline",
                "Outline the chain of dependent tasks that decides when the work finishes",
            )
        )
        self.critical_action.toggled.connect(self.view.set_critical_path)
        self.fit_action.setShortcut(QKeySequence("Ctrl+0"))
        self.critical_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        bar.addSeparator()
        self.group_combo = QComboBox(self)
        for mode, label in GROUP_LABELS.items():
            self.group_combo.addItem(QCoreApplication.translate("Timeline", label), mode)
        self.group_combo.currentIndexChanged.connect(
            lambda _i: self.view.set_group_mode(self.group_combo.currentData())
        )
        bar.addWidget(self.group_combo)
        bar.addSeparator()
        # The tray folds away so the chart has the width; its button still counts the tasks.
        self.tray_action = bar.addAction(
            arg(QCoreApplication.translate("Timeline", "Unscheduled (%1)"), "0")
        )
        self.tray_action.setCheckable(True)
        self.tray_action.setChecked(True)
        self.tray_action.setToolTip(
            QCoreApplication.translate("Timeline", "Show or hide the tasks without dates")
        )
        self.tray_action.toggled.connect(self.set_tray_open)
        self._keyboard_toolbar()

    def _keyboard_toolbar(self) -> None:
        """The toolbar by keyboard: its keys work wherever the focus is on this tab (not
        only on the toolbar), their tooltips say them, and Tab reaches its buttons, after
        the chart (the tab's first stop)."""
        bar = self.toolbar
        bar.setAccessibleName(QCoreApplication.translate("Timeline", "Timeline tools"))
        self.group_combo.setAccessibleName(QCoreApplication.translate("Timeline", "Group rows"))
        self.tray.setAccessibleName(QCoreApplication.translate("Timeline", "Unscheduled tasks"))
        native = QKeySequence.SequenceFormat.NativeText
        stops: list[QWidget] = [self.view]
        for action in bar.actions():
            if action.isSeparator():
                continue
            keys = action.shortcut()
            if not keys.isEmpty():
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(action)
                tip, shown = action.toolTip() or action.text(), keys.toString(native)
                if shown not in tip:
                    keyed = arg(QCoreApplication.translate("Timeline", "%1 (%2)"), tip, shown)
                    action.setToolTip(keyed)
            button = bar.widgetForAction(action)
            if button is not None:
                if button is not self.group_combo:
                    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                stops.append(button)
        stops.append(self.tray)
        self._stops = stops
        self.order_after(None)

    def order_after(self, first: QWidget | None) -> None:
        """Tab from ``first`` (the window's tab bar) goes to the chart, then the toolbar
        from left to right, then the tray."""
        stops = [first, *self._stops] if first is not None else self._stops
        for before, after in zip(stops, stops[1:], strict=False):
            QWidget.setTabOrder(before, after)

    # -- the unscheduled tray: open or folded, its width remembered -------------------------

    def set_tray_open(self, shown: bool) -> None:
        if self.tray_action.isChecked() != shown:
            self.tray_action.setChecked(shown)  # comes back here through toggled
            return
        self.tray_box.setVisible(shown)
        self._tray_sized = False
        if shown:
            self._size_tray()

    def _size_tray(self) -> None:
        """The open tray at its remembered width, once the splitter has its real width (a
        tab not laid out yet is sized when it is)."""
        total = sum(self.splitter.sizes())
        if self._tray_sized or not self.tray_open() or total < 3 * TRAY_WIDTH_RANGE[0]:
            return
        width = min(self._tray_width, total // 3)
        self.splitter.setSizes([total - width, width])
        self._tray_sized = self.isVisible()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._size_tray()

    def tray_open(self) -> bool:
        return self.tray_action.isChecked()

    def _tray_resized(self, *_args) -> None:
        if self.tray_open():
            self._tray_width = self.splitter.sizes()[1]

    def layout_state(self) -> dict:
        """What the window remembers of this tab across restarts."""
        return {"tray_open": self.tray_open(), "tray_width": self._tray_width}

    def restore_layout(self, state, narrow: bool) -> None:
        """The tray as it was left; never seen before, it starts folded on a narrow window
        (the chart needs the width more than a list of undated titles)."""
        state = state if isinstance(state, dict) else {}
        width = state.get("tray_width")
        if isinstance(width, int) and not isinstance(width, bool):
            low, high = TRAY_WIDTH_RANGE
            self._tray_width = max(low, min(high, width))
        shown = state.get("tray_open")
        self.set_tray_open(shown if isinstance(shown, bool) else not narrow)

    # -- following the board ----------------------------------------------------------------

    def _tasks_changed(self) -> None:
        """A Change, a new filter or the board read again: the task list and the chart
        are built again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def board_changed(self) -> None:
        """The clock moved (risks, lateness): repaint. Changes to the board arrive through
        the kanban model's ``arranged``."""
        if not self.isVisible():
            self._stale = True  # built again when shown
        elif not self._stale:
            self.view.refresh()

    def refresh(self) -> None:
        self._stale = False
        touched = self.tasks.touched  # the tasks of the Change being shown (none: a reset)
        if touched and self.tasks.task_filter.is_empty and self.view.rows_kept_after(touched):
            self.view.keep_rows(self.tasks.task_ids())  # (a colleague's undated new tasks)
        else:
            self.view.set_tasks(self.tasks.task_ids())  # its rows set the undated ones apart
        undated = self.view.undated_task_ids()
        self.tray.show_tasks(self.session.board, undated)
        self.tray_label.setText(
            arg(
                QCoreApplication.translate("Timeline", "Unscheduled (%1): drag onto the chart"),
                str(len(undated)),
            )
        )
        self.tray_action.setText(
            arg(QCoreApplication.translate("Timeline", "Unscheduled (%1)"), str(len(undated)))
        )

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._size_tray()
        if self._stale:
            self.refresh()
        self._follow(self._wanted)

    def show_task(self, task_id: int | None) -> None:
        """The window's current task: followed now if the tab is shown, else when it is."""
        self._wanted = task_id
        if self.isVisible():
            self._follow(task_id)

    def _follow(self, task_id: int | None) -> None:
        if task_id != self.view.current_task:
            self.view.set_current_task(task_id)
        if task_id is not None:
            self.view.ensure_visible(task_id)

    def set_zoom(self, zoom: Zoom) -> None:
        self.view.set_zoom(zoom)

    def fit_to_selection(self) -> None:
        current = self.view.current_task
        self.view.fit_to([current] if current is not None else self.view.shown_task_ids())

    # -- edits --------------------------------------------------------------------------------

    def reschedule(self, task_id: int, start: date | None, due: date | None) -> bool:
        """New dates for a task; the tasks waiting for it that would start too early are
        offered a move in the same change."""
        board = self.session.board
        task = board.tasks[task_id]
        commands: list[Command] = [set_task(task, start=start, due=due)]
        later = dependents_to_shift(board, {task_id: (start, due)})
        if later and self.ask_shift_dependents(self, [board.tasks[i].title for i in later]):
            commands += [set_task(board.tasks[i], start=s, due=d) for i, (s, d) in later.items()]
        label = (
            QCoreApplication.translate("Timeline", "Move task")
            if len(commands) == 1
            else QCoreApplication.translate("Timeline", "Move task and what waits for it")
        )
        return self._apply(commands, label)

    def link(self, predecessor_id: int, successor_id: int) -> bool:
        """``successor`` now waits for ``predecessor`` (finish to start)."""
        board = self.session.board
        successor = board.tasks[successor_id]
        if predecessor_id == successor_id or predecessor_id in successor.depends_on:
            return False
        depends = (*successor.depends_on, predecessor_id)
        return self._apply(
            [set_task(successor, depends_on=depends)],
            QCoreApplication.translate("Timeline", "Add dependency"),
        )

    def schedule(self, task_id: int, day: date) -> bool:
        """A task from the tray dropped on ``day``: it starts then and lasts its estimate."""
        task = self.session.board.tasks.get(task_id)
        if task is None:
            return False
        days = max(1, math.ceil((task.estimate_hours or 0) / HOURS_PER_DAY))
        due = day + timedelta(days=days - 1)
        saved = self._apply(
            [set_task(task, start=day, due=due)],
            QCoreApplication.translate("Timeline", "Schedule task"),
        )
        if saved:
            self.view.set_current_task(task_id)
        return saved

    @classmethod
    def ask_shift_dependents(cls, parent, titles: list[str]) -> bool:
        """The seam tests replace: True to move the waiting tasks too."""
        shown = "\n".join(f"• {t}" for t in titles[:12])
        if len(titles) > 12:
            shown += "\n" + arg(
                QCoreApplication.translate("Timeline", "… and %1 more"), str(len(titles) - 12)
            )
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Timeline", "Move the tasks that wait for it?"),
            arg(
                QCoreApplication.translate(
                    "Timeline",
                    "These tasks wait for this one and would now start before it ends:\n\n%1\n\n"
                    "Move them later by just enough, keeping their length?",
                ),
                shown,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes
