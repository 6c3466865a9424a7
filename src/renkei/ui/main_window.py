"""The main window: filter bar, kanban board, detail pane and status bar, and the gestures
that change the board. Its rooms: the menus (window_menus), other boards (window_boards),
undo and redo (window_undo), the detail pane's place (window_detail); every write goes
through the one operation (operation.py)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import (
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from renkei.app import board_actions
from renkei.app.opening import board_label
from renkei.app.places import where
from renkei.app.session import BoardSession
from renkei.app.settings import LocalSettings
from renkei.app.sync import SyncStatus
from renkei.domain.commands import Change, Command, Create, set_task
from renkei.i18n import arg
from renkei.ui.board_events import BoardEvents
from renkei.ui.board_writes import BoardWrites, OperationPrompts, UnsavedEdit
from renkei.ui.detail_pane import TaskDetailPane
from renkei.ui.filter_bar import FilterBar
from renkei.ui.handoff_actions import HandoffActions
from renkei.ui.kanban.model import LANE_FIELD, KanbanModel, LaneMode
from renkei.ui.kanban.view import KanbanView
from renkei.ui.location_banner import LocationBanner
from renkei.ui.operation import retry_unsaved, run_operation
from renkei.ui.sync_driver import SyncDriver
from renkei.ui.sync_status import SyncStatusWidget
from renkei.ui.unsaved_button import UnsavedButton
from renkei.ui.window_boards import WindowBoards
from renkei.ui.window_detail import (
    DETAIL_WIDTH,
    DETAIL_WIDTH_RANGE,
    NARROW_WINDOW,
    PaneEdge,
    WindowDetail,
)
from renkei.ui.window_menus import WindowMenus
from renkei.ui.window_undo import WindowUndo

if TYPE_CHECKING:
    from renkei.ui.handoffs.tab import HandoffsTab
    from renkei.ui.timeline.tab import TimelineTab


class MainWindow(
    WindowMenus, WindowBoards, WindowUndo, WindowDetail, OperationPrompts, QMainWindow
):
    def __init__(self, session: BoardSession, settings: LocalSettings | None = None, opener=None):
        """``opener(target, window)`` opens another board in a new window (File → Open/New/
        recent). Without ``settings`` the window remembers nothing (snapshots, tests)."""
        super().__init__()
        self.session = session
        self.remember = settings is not None
        self.settings = settings or LocalSettings()
        self.opener = opener
        self._closed = False
        self.standup = None  # the standup window while presenting
        self.events = BoardEvents(session, self)
        self.model = KanbanModel(session, self.events, self)
        self.board_view = KanbanView(self.model)
        self.detail = TaskDetailPane(session, self.events)
        self.filter_bar = FilterBar(session)
        self.handoff_actions = HandoffActions(session, self.apply, self)
        self.detail.handoffs.set_actions(self.handoff_actions)
        # The Timeline and Handoffs tabs (and their code) are made when first shown or asked
        # for (see timeline_tab, handoffs_tab): until then an empty page holds their place.
        self._timeline_tab: TimelineTab | None = None
        self._handoffs_tab: HandoffsTab | None = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.board_view, self.tr("Board"))
        self.tabs.addTab(QWidget(), self.tr("Timeline"))
        self.tabs.addTab(QWidget(), self.tr("Handoffs"))
        self.tabs.currentChanged.connect(self._tab_chosen)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("boardSplitter")
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, False)
        splitter.splitterMoved.connect(self._pane_resized)
        self.splitter = splitter
        # The detail pane: docked beside the board on a wide window when a card is chosen
        # (``pane_open``: the person's choice, remembered), floating over the board on a narrow
        # one when asked for (``_float_open``), closed otherwise.
        self.pane_open = True
        self._float_open = False
        self._pane_forced = False  # opened by hand with nothing chosen: stays until a choice
        self._detail_width = DETAIL_WIDTH
        # Where the board lives: in the sync indicator's tooltip always, and once as a bar
        # above the board when it is on a share or in a synced folder.
        self.place = where(session.store.location)
        self.location_banner: LocationBanner | None = None
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        if self.place.shared and not self.settings.location_note_seen(session.store.location):
            self.location_banner = LocationBanner(self.place)
            self.location_banner.moveRequested.connect(self.move_to_server)
            self.location_banner.dismissed.connect(self._location_note_seen)
            column.addWidget(self.location_banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._central = central
        self._pane_edge = PaneEdge(central)
        self._pane_edge.hide()
        # Esc in a floating pane puts it away, as one closes a popup.
        close_float = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.detail)
        close_float.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close_float.activated.connect(self._escape_pane)

        toolbar = QToolBar(self.tr("Filter"))
        toolbar.setObjectName("filterToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.filter_bar)
        self.addToolBar(toolbar)
        self.filter_toolbar = toolbar

        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        # Other people's edits: polled (SQLite) or pushed (PostgreSQL) while the window is open.
        self.sync_driver = SyncDriver(session, self)
        self.sync_status = SyncStatusWidget(
            session.store.location, self.sync_driver.seconds_until_retry, place=self.place
        )
        self.sync_status.show_state(self.sync_driver.state)
        # Every write goes through the one operation; edits that could not be saved wait in
        # ``writes.unsaved`` for a Retry once connected again.
        self.writes = BoardWrites.of(session)
        self.writes.prompts = type(self)  # a test replacing MainWindow.warn replaces it here
        self.writes.connectionLost.connect(self.sync_driver.connection_lost)
        self.writes.announced.connect(self._announce)
        self.retry_button = UnsavedButton(self.writes, self._connected, self)
        self.retry_button.clicked.connect(self.retry_unsaved)
        self.writes.unsavedChanged.connect(self.retry_button.update_state)
        self.statusBar().addPermanentWidget(self.retry_button)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.identity_label = QLabel()
        self.statusBar().addPermanentWidget(self.identity_label)
        # A server role with read grants only: say so once, up front, and refuse edits here.
        self.read_only = self.writes.read_only
        self.read_only_label = QLabel(self.tr("Read only"))
        self.read_only_label.setToolTip(self.read_only or "")
        self.read_only_label.setVisible(bool(self.read_only))
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.sync_driver.stateChanged.connect(self.sync_status.show_state)
        self.sync_driver.stateChanged.connect(self.retry_button.update_state)
        self.sync_status.retryRequested.connect(self.sync_driver.reconnect)

        self._build_menus()
        # The pane's button at the right end of the tab row, which has room at any width (the
        # filter toolbar folds its last widgets away on a narrow window).
        self.detail_button = QToolButton(self.tabs)
        self.detail_button.setDefaultAction(self.detail_action)
        self.detail_button.setAutoRaise(True)
        self.tabs.setCornerWidget(self.detail_button, Qt.Corner.TopRightCorner)
        self.filter_bar.filterChanged.connect(self.model.set_filter)
        self.board_view.clearFilterRequested.connect(self.filter_bar.clear)
        self.board_view.currentChanged.connect(self.detail.show_task)
        self.board_view.currentChanged.connect(self._chosen_for_pane)
        self.board_view.openRequested.connect(self.edit_task)
        self.board_view.cardDropped.connect(self.drop_card)
        self.board_view.quickAddSubmitted.connect(self.quick_add)
        self.detail.editRequested.connect(self.edit_task)
        self.detail.handoffs.showAllRequested.connect(self.show_handoffs)
        self.board_view.menuRequested.connect(self.show_card_menu)
        self.events.changed.connect(self._board_changed)
        self.events.reset.connect(self._board_changed)
        # Lateness grows with the clock: "Waiting 3 h" and "dropped" are re-read each minute.
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        self.events.changed.connect(self._after_change)
        self.events.reset.connect(self._after_change)
        # The shown and total counts: once per arrangement of the grid (a Change, a filter,
        # the board read again), from the grid's own counts.
        self.model.arranged.connect(self._update_status)
        self._after_change()
        self._update_status()
        self.resize(1480, 900)
        self._restore_window_state()
        self._place_detail()

    # -- applying edits: the one road for every gesture -------------------------------------

    def apply(self, commands: Command | list[Command], label: str) -> Change | None:
        """Apply through the one operation: the Change, or None when nothing was saved (the
        person was told why, and an edit lost with the connection waits for a Retry)."""
        return run_operation(self, self.session, commands, label)

    @property
    def unsaved(self) -> list[UnsavedEdit]:
        return self.writes.unsaved

    def retry_unsaved(self) -> None:
        retry_unsaved(self, self.session)

    def _connected(self) -> bool:
        return self.sync_driver.state.status is SyncStatus.CONNECTED

    def _announce(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    def drop_card(self, task_id: int, status_id: int, lane_key, previous_id, next_id) -> None:
        command = board_actions.move_task(
            self.session.board,
            task_id,
            status_id,
            LANE_FIELD[self.model.lane_mode],
            lane_key,
            previous_id,
            next_id,
        )
        if command is not None:
            self.apply(command, self.tr("Move card"))
            self.board_view.set_current_task(task_id)

    def quick_add(self, status_id: int, lane_key, title: str) -> None:
        command = board_actions.quick_add(
            self.session.board, title, status_id, LANE_FIELD[self.model.lane_mode], lane_key
        )
        change = self.apply(command, self.tr("Add task"))
        created = [rc.entity_id for rc in change.rows if rc.created] if change else []
        if created:
            self.board_view.set_current_task(created[0])

    def new_task(self) -> None:
        defaults = {}
        current = self.board_view.current_task
        if current is not None:
            task = self.session.board.tasks[current]
            defaults = {"status_id": task.status_id, "team_id": task.team_id}
        from renkei.ui.dialogs.task_editor import TaskEditor  # dialogs load when opened

        new_id = TaskEditor.create(self, self.session, defaults)
        if new_id is not None:
            self.board_view.set_current_task(new_id)

    def edit_task(self, task_id: int | None) -> None:
        if task_id is None or task_id not in self.session.board.tasks:
            return
        from renkei.ui.dialogs.task_editor import TaskEditor

        TaskEditor.edit(self, self.session, task_id)

    # -- handoffs ------------------------------------------------------------------------

    def show_card_menu(self, task_id: int, position) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("&Edit task…"), lambda: self.edit_task(task_id))
        actions = self.handoff_actions.menu_actions(task_id, menu)
        if actions:
            menu.addSeparator()
            for action in actions:
                menu.addAction(action)
        if self.session.board.handoffs_of(task_id):
            menu.addAction(self.tr("Show its handoffs"), lambda: self.show_handoffs(task_id))
        menu.addSeparator()
        menu.addAction(self.tr("&Archive task"), self.archive_current)
        menu.exec(position)
        menu.deleteLater()

    def show_handoffs(self, task_id: int | None) -> None:
        """The Handoffs tab, on ``task_id`` (None: on the current task)."""
        self.tabs.setCurrentWidget(self.handoffs_tab)
        if task_id is not None:
            self._task_chosen_elsewhere(task_id)
            self.handoffs_tab.show_task(task_id)

    def _task_chosen_elsewhere(self, task_id: int) -> None:
        """A task chosen on another tab becomes the current card (and the detail pane's)."""
        self.board_view.set_current_task(task_id)
        if self.detail.task_id != task_id:
            self.detail.show_task(task_id)

    def edit_preferences(self) -> None:
        from renkei.ui.dialogs.preferences import PreferencesDialog

        PreferencesDialog.run(self, self.settings, save=self.remember)

    def edit_templates(self) -> None:
        from renkei.ui.dialogs.template_editor import TemplateEditor

        TemplateEditor.run(self, self.session)

    def _timeline_current(self, task_id: int | None) -> None:
        if task_id is not None:
            self._task_chosen_elsewhere(task_id)

    def export_pdf(self) -> None:
        from renkei.ui.dialogs.export_pdf import ask_and_export  # the PDF code loads on use

        path = ask_and_export(self, self.session)
        if path is not None:
            self.statusBar().showMessage(
                arg(self.tr("Status report written to %1"), str(path)), 10_000
            )

    # -- standup ---------------------------------------------------------------------------

    def start_standup(self) -> None:
        """The board, presented team by team, full screen on the projector when there is
        one (the screen this window is not on), else on this screen."""
        from renkei.ui.standup.window import StandupWindow  # the slides' code loads on use

        last = self.session.board.last_standup()
        order = self.settings.standup_order.get(self.session.store.location, [])
        since = last.held_at if last else None
        standup = StandupWindow.from_settings(self.session, self.settings, order, since)
        standup.heldRequested.connect(self.standup_held)
        standup.closed.connect(lambda: setattr(self, "standup", None))
        self.standup = standup
        standup.present(self.choose_screen(self))

    @classmethod
    def choose_screen(cls, window):
        """The seam tests replace: the screen to present on (None: the primary one)."""
        screens = QGuiApplication.screens()
        others = [s for s in screens if s is not window.screen()]
        if len(others) == 1:
            return others[0]  # a laptop and a projector: the projector
        if len(others) > 1:
            names = [f"{s.name()} ({s.size().width()}×{s.size().height()})" for s in screens]
            name, ok = QInputDialog.getItem(
                window,
                QCoreApplication.translate("MainWindow", "Standup"),
                QCoreApplication.translate("MainWindow", "Present on:"),
                names,
                0,
                False,
            )
            return screens[names.index(name)] if ok else None
        return window.screen()

    def standup_held(self) -> None:
        """Record the standup: the next one's "since the last standup" starts now."""
        values = (("held_at", self.session.now()), ("held_by", self.session.actor_id))
        self.apply(Create("standup", values), self.tr("Standup held"))

    def edit_standup_order(self) -> None:
        from renkei.ui.dialogs.standup_order import StandupOrderDialog

        location = self.session.store.location
        order = StandupOrderDialog.ask(
            self, self.session.board, self.settings.standup_order.get(location, [])
        )
        if order is not None:
            self.settings.standup_order[location] = order
            if self.remember:
                with contextlib.suppress(OSError):  # a convenience: never block work
                    self.settings.save()

    def _board_changed(self, _change=None) -> None:
        # The timeline follows the kanban model's ``arranged``, once per Change.
        if self._handoffs_tab is not None:  # one not made yet reads the board when made
            self._handoffs_tab.board_changed()

    def _tick(self) -> None:
        self.model.refresh_faces()
        if self._handoffs_tab is not None:
            self._handoffs_tab.board_changed()
        if self._timeline_tab is not None:
            self._timeline_tab.board_changed()

    # -- the tabs made on first use ------------------------------------------------------

    TIMELINE_PAGE, HANDOFFS_PAGE = 1, 2

    @property
    def timeline_tab(self) -> TimelineTab:
        if self._timeline_tab is None:
            from renkei.ui.timeline.tab import TimelineTab

            tab = TimelineTab(self.session, self.model, self.apply)
            tab.show_task(self.board_view.current_task)
            self.board_view.currentChanged.connect(tab.show_task)
            tab.currentChanged.connect(self._timeline_current)
            tab.openRequested.connect(self.edit_task)
            tab.restore_layout(self.settings.window.get("timeline"), self.width() < NARROW_WINDOW)
            self._timeline_tab = tab
            self._put_page(self.TIMELINE_PAGE, tab)
        return self._timeline_tab

    @property
    def handoffs_tab(self) -> HandoffsTab:
        if self._handoffs_tab is None:
            from renkei.ui.handoffs.tab import HandoffsTab

            tab = HandoffsTab(self.session)
            tab.show_task(self.board_view.current_task)
            self.board_view.currentChanged.connect(tab.show_task)
            tab.taskChosen.connect(self._task_chosen_elsewhere)
            self._handoffs_tab = tab
            self._put_page(self.HANDOFFS_PAGE, tab)
        return self._handoffs_tab

    def _put_page(self, index: int, page: QWidget) -> None:
        """The tab made in place of its empty page: same place, same label, same tab shown."""
        shown = self.tabs.currentIndex()
        empty = self.tabs.widget(index)
        label = self.tabs.tabText(index)
        with QSignalBlocker(self.tabs):
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, label)
            self.tabs.setCurrentIndex(shown)
        if empty is not None:
            empty.deleteLater()

    def _tab_chosen(self, index: int) -> None:
        page = self.timeline_tab if index == self.TIMELINE_PAGE else None  # made on first use
        page = self.handoffs_tab if index == self.HANDOFFS_PAGE else page
        if page is not None:  # Tab from the tab's name goes to its main view
            page.order_after(self.tabs.tabBar())

    def archive_current(self) -> None:
        task_id = self.board_view.current_task
        if task_id is None:
            return
        task = self.session.board.tasks[task_id]
        self.apply(set_task(task, archived=True), self.tr("Archive task"))

    @classmethod
    def ask_close_unsaved(cls, parent, unsaved: list[UnsavedEdit]) -> bool:
        """The seam tests replace: True to close and drop edits that were never saved."""
        lines = "\n".join(line for edit in unsaved for line in edit.lines)
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("MainWindow", "Close without saving?"),
            arg(
                QCoreApplication.translate(
                    "MainWindow",
                    "These changes could not reach the board and are NOT saved:\n\n%1\n\n"
                    "Close anyway and lose them?",
                ),
                lines,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def set_lane_mode(self, mode: LaneMode) -> None:
        self.model.set_lane_mode(mode)
        self.lane_actions[mode].setChecked(True)
        current = self.board_view.current_task
        if current is not None:
            self.board_view.ensure_visible(current)

    def _add_named(self, entity: str, title: str, label: str, extra: dict | None = None) -> None:
        name, ok = QInputDialog.getText(self, title, label)
        if ok and name.strip():
            values = {"name": name.strip(), **(extra or {})}
            if self.apply(Create(entity, tuple(values.items())), title):
                self.filter_bar.fill_choices()
                self.board_view.relayout()

    def add_team(self) -> None:
        position = len(self.session.board.teams)
        self._add_named("team", self.tr("Add team"), self.tr("Team name:"), {"position": position})

    def add_person(self) -> None:
        self._add_named("person", self.tr("Add person"), self.tr("Name:"))

    def add_project(self) -> None:
        self._add_named("project", self.tr("Add project"), self.tr("Project name:"))

    # -- keeping the chrome in step -----------------------------------------------------------

    def _after_change(self, change=None) -> None:
        session = self.session
        undo_label, redo_label = session.undo_label(), session.redo_label()
        self.undo_action.setEnabled(session.can_undo)
        self.redo_action.setEnabled(session.can_redo)
        self.undo_action.setText(
            arg(self.tr("&Undo %1"), undo_label) if undo_label else self.tr("&Undo")
        )
        self.redo_action.setText(
            arg(self.tr("&Redo %1"), redo_label) if redo_label else self.tr("&Redo")
        )
        if change is None or any(rc.entity != "task" for rc in change.rows):
            self.filter_bar.fill_choices()
        self.setWindowTitle(arg(self.tr("%1 — Renkei"), session.board.name))
        actor = session.board.people.get(session.actor_id) if session.actor_id else None
        self.identity_label.setText(
            arg(self.tr("You: %1"), actor.name) if actor else self.tr("You: not chosen")
        )

    def _update_status(self) -> None:
        grid = self.model.grid
        total = sum((grid.column_counts or {}).values())  # the board's unarchived tasks
        shown = self.model.rowCount()
        location = board_label(self.session.store.location)
        if shown == total:
            text = arg(self.tr("%1 tasks · %2"), str(total), location)
        else:
            text = arg(self.tr("%1 of %2 tasks shown · %3"), str(shown), str(total), location)
        self.status_label.setText(text)

    # -- window state ---------------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        state = self.settings.window
        geometry = state.get("geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromHex(geometry.encode()))
        lanes = state.get("lanes")
        if lanes in {m.value for m in LaneMode}:
            self.set_lane_mode(LaneMode(lanes))
        self.pane_open = state.get("detail_open", True) is not False
        width = state.get("detail_width")
        if isinstance(width, int) and not isinstance(width, bool):
            low, high = DETAIL_WIDTH_RANGE
            self._detail_width = max(low, min(high, width))

    def _window_state(self) -> dict:
        """What is remembered of this window: where it was, the swimlanes, the detail pane
        (open or not, its width) and the timeline's tray."""
        state = {
            "geometry": bytes(self.saveGeometry().toHex()).decode(),
            "lanes": self.model.lane_mode.value,
            "detail_open": self.pane_open,
            "detail_width": self._detail_width,
        }
        timeline = self.settings.window.get("timeline")
        if self._timeline_tab is not None:
            timeline = self._timeline_tab.layout_state()
        if isinstance(timeline, dict):
            state["timeline"] = timeline
        return state

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.narrow() != self.pane_floating() or self.pane_floating():
            self._place_detail()

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self._closed and self.unsaved and not self.ask_close_unsaved(self, self.unsaved):
            event.ignore()
            return
        if not self._closed:  # close() may come twice (File → Open, then quitting)
            self._closed = True
            if self.remember:
                self.settings.window = self._window_state()
                with contextlib.suppress(OSError):  # a convenience: never block closing
                    self.settings.save()
            if self.standup is not None:
                self.standup.close()
            self.sync_driver.stop()
            self.events.detach()
            # Give pooled server connections back now, not when the app exits.
            self.session.store.engine.dispose()
        super().closeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self.sync_driver.running and not self._closed:
            self.sync_driver.start()
