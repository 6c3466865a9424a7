"""The main window: filter bar, kanban board, detail pane, menus, undo/redo, sharing."""

from __future__ import annotations

import contextlib
import re
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from renkei.app import board_actions, paths
from renkei.app.opening import board_label
from renkei.app.session import BoardSession
from renkei.app.settings import LocalSettings
from renkei.app.sync import SyncStatus
from renkei.domain.commands import (
    Command,
    CommandError,
    ConflictError,
    Create,
    SetFields,
    set_task,
)
from renkei.domain.model import ENTITY_COLLECTIONS
from renkei.store.confirm import CouldNotConfirm, new_change_id
from renkei.store.location import SERVER, where
from renkei.ui.board_events import BoardEvents
from renkei.ui.detail_pane import TaskDetailPane
from renkei.ui.dialogs.connect import ConnectDialog
from renkei.ui.dialogs.move_to_server import MoveResult, MoveToServerDialog
from renkei.ui.dialogs.preferences import PreferencesDialog, preferences_shortcuts
from renkei.ui.dialogs.standup_order import StandupOrderDialog
from renkei.ui.dialogs.task_editor import TaskEditor
from renkei.ui.dialogs.template_editor import TemplateEditor
from renkei.ui.filter_bar import FilterBar
from renkei.ui.handoff_actions import HandoffActions
from renkei.ui.handoffs.tab import HandoffsTab
from renkei.ui.kanban.model import LANE_FIELD, KanbanModel, LaneMode
from renkei.ui.kanban.view import KanbanView
from renkei.ui.location_banner import LocationBanner
from renkei.ui.standup.window import StandupWindow
from renkei.ui.sync_driver import SyncDriver, is_connection_lost, plain_reason
from renkei.ui.sync_status import SyncStatusWidget
from renkei.ui.text import field_label, value_text
from renkei.ui.timeline.tab import TimelineTab

LANE_LABELS = {
    LaneMode.TEAM: QT_TRANSLATE_NOOP("MainWindow", "By team"),
    LaneMode.OWNER: QT_TRANSLATE_NOOP("MainWindow", "By owner"),
    LaneMode.PROJECT: QT_TRANSLATE_NOOP("MainWindow", "By project"),
    LaneMode.NONE: QT_TRANSLATE_NOOP("MainWindow", "No swimlanes"),
}

ENTITY_WORDS = {
    "task": QT_TRANSLATE_NOOP("MainWindow", "task"),
    "person": QT_TRANSLATE_NOOP("MainWindow", "person"),
    "team": QT_TRANSLATE_NOOP("MainWindow", "team"),
    "project": QT_TRANSLATE_NOOP("MainWindow", "project"),
    "status": QT_TRANSLATE_NOOP("MainWindow", "column"),
}


class UnsavedEdit(NamedTuple):
    """An edit that could not reach the board, kept so it can be tried again.

    ``change_id`` is the id of its first try: every retry carries it, so an edit whose save
    in fact landed is never applied twice. ``unconfirmed``: Renkei could not tell whether it
    was saved (the board could not be read after an error at commit)."""

    label: str
    commands: tuple[Command, ...]
    lines: tuple[str, ...]  # as shown to the user
    change_id: str = ""
    unconfirmed: bool = False


class FieldClash(NamedTuple):
    """One field an undo would overwrite: as a person reads it."""

    field: str  # "Title"
    current: str  # their value, stored now
    restored: str  # the value undo would put back
    changed_by: str  # who changed it since ("" when unknown)


class MainWindow(QMainWindow):
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
        self.handoffs_tab = HandoffsTab(session)
        self.timeline_tab = TimelineTab(session, self.model, self.apply)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.board_view, self.tr("Board"))
        self.tabs.addTab(self.timeline_tab, self.tr("Timeline"))
        self.tabs.addTab(self.handoffs_tab, self.tr("Handoffs"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1100, 360])
        self.splitter = splitter
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

        toolbar = QToolBar(self.tr("Filter"))
        toolbar.setObjectName("filterToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.filter_bar)
        self.addToolBar(toolbar)

        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        # Other people's edits: polled (SQLite) or pushed (PostgreSQL) while the window is open.
        self.sync_driver = SyncDriver(session, self)
        self.sync_status = SyncStatusWidget(
            session.store.location, self.sync_driver.seconds_until_retry, place=self.place
        )
        self.sync_status.show_state(self.sync_driver.state)
        # Edits that could not be saved wait here for a Retry once connected again.
        self.unsaved: list[UnsavedEdit] = []
        self.retry_button = QToolButton()
        self.retry_button.setAutoRaise(True)
        self.retry_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.retry_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        )
        self.retry_button.setIconSize(QSize(14, 14))
        self.retry_button.clicked.connect(self.retry_unsaved)
        self.retry_button.hide()
        self.statusBar().addPermanentWidget(self.retry_button)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.identity_label = QLabel()
        self.statusBar().addPermanentWidget(self.identity_label)
        # A server role with read grants only: say so once, up front, and refuse edits here.
        self.read_only = session.store.write_refusal()
        self.read_only_label = QLabel(self.tr("Read only"))
        self.read_only_label.setToolTip(self.read_only or "")
        self.read_only_label.setVisible(bool(self.read_only))
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.sync_driver.stateChanged.connect(self.sync_status.show_state)
        self.sync_driver.stateChanged.connect(self._update_unsaved)
        self.sync_status.retryRequested.connect(self.sync_driver.reconnect)

        self._build_menus()
        self.filter_bar.filterChanged.connect(self.model.set_filter)
        self.board_view.currentChanged.connect(self.detail.show_task)
        self.board_view.openRequested.connect(self.edit_task)
        self.board_view.cardDropped.connect(self.drop_card)
        self.board_view.quickAddSubmitted.connect(self.quick_add)
        self.detail.editRequested.connect(self.edit_task)
        self.detail.handoffs.showAllRequested.connect(self.show_handoffs)
        self.board_view.menuRequested.connect(self.show_card_menu)
        self.board_view.currentChanged.connect(self.handoffs_tab.show_task)
        self.board_view.currentChanged.connect(self.timeline_tab.show_task)
        self.handoffs_tab.taskChosen.connect(self._task_chosen_elsewhere)
        self.timeline_tab.currentChanged.connect(self._timeline_current)
        self.timeline_tab.openRequested.connect(self.edit_task)
        self.events.changed.connect(self._board_changed)
        self.events.reset.connect(self._board_changed)
        # Lateness grows with the clock: "Waiting 3 h" and "dropped" are re-read each minute.
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        self.events.changed.connect(self._after_change)
        self.events.reset.connect(self._after_change)
        self.model.modelReset.connect(self._update_status)
        self._after_change()
        self.resize(1480, 900)
        self._restore_window_state()

    # -- menus ------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, menu=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list | tuple):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(self.tr("&New board…"), self.new_board, "Ctrl+Shift+N", file_menu)
        self._action(
            self.tr("&Open board…"),
            self.open_board_dialog,
            QKeySequence.StandardKey.Open,
            file_menu,
        )
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self._action(self.tr("&Connect to server…"), self.connect_to_server, None, file_menu)
        if self.place.kind != SERVER:
            self._action(
                self.tr("&Move this board to a server…"), self.move_to_server, None, file_menu
            )
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(self.tr("&Export status as PDF…"), self.export_pdf, "Ctrl+Shift+E", file_menu)
        from renkei.ui.dialogs.import_dialog import add_file_actions  # Import ▸, Export CSV

        add_file_actions(self, file_menu)
        file_menu.addSeparator()
        self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, file_menu)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(
            self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo, edit_menu
        )
        self.redo_action = self._action(
            self.tr("&Redo"), self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], edit_menu
        )
        edit_menu.addSeparator()
        # Actions that change the board: a read-only window turns them off, saying why.
        self.editing_actions = [
            self._action(
                self.tr("&New task…"), self.new_task, QKeySequence.StandardKey.New, edit_menu
            ),
            self._action(
                self.tr("&Edit task…"),
                lambda: self.edit_task(self.board_view.current_task),
                "F2",
                edit_menu,
            ),
            self._action(self.tr("&Archive task"), self.archive_current, "Ctrl+Delete", edit_menu),
        ]
        edit_menu.addSeparator()
        self._action(
            self.tr("&Find…"),
            self.filter_bar.focus_search,
            QKeySequence.StandardKey.Find,
            edit_menu,
        )
        self._action(self.tr("Clear &filter"), self.filter_bar.clear, "Ctrl+Shift+F", edit_menu)
        edit_menu.addSeparator()
        self.preferences_action = self._action(
            self.tr("&Preferences…"), self.edit_preferences, preferences_shortcuts(), edit_menu
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        view_menu = bar.addMenu(self.tr("&View"))
        lanes = view_menu.addMenu(self.tr("&Swimlanes"))
        group = QActionGroup(self)
        self.lane_actions: dict[LaneMode, QAction] = {}
        for mode, label in LANE_LABELS.items():
            action = QAction(QCoreApplication.translate("MainWindow", label), self, checkable=True)
            action.setChecked(mode is self.model.lane_mode)
            action.triggered.connect(lambda _=False, m=mode: self.set_lane_mode(m))
            group.addAction(action)
            lanes.addAction(action)
            self.lane_actions[mode] = action
        self._action(
            self.tr("The &board"), lambda: self.tabs.setCurrentIndex(0), "Ctrl+1", view_menu
        )
        self._action(
            self.tr("&Timeline"),
            lambda: self.tabs.setCurrentWidget(self.timeline_tab),
            "Ctrl+2",
            view_menu,
        )
        self._action(self.tr("&Handoffs"), lambda: self.show_handoffs(None), "Ctrl+3", view_menu)
        view_menu.addSeparator()
        self._action(self.tr("&Standup"), self.start_standup, "F11", view_menu)
        view_menu.addSeparator()
        self.detail_action = QAction(self.tr("&Detail pane"), self, checkable=True, checked=True)
        self.detail_action.setShortcut(QKeySequence("Ctrl+I"))
        self.detail_action.toggled.connect(self.detail.setVisible)
        view_menu.addAction(self.detail_action)

        board_menu = bar.addMenu(self.tr("&Board"))
        self.editing_actions += [
            self._action(self.tr("Add &team…"), self.add_team, None, board_menu),
            self._action(self.tr("Add &person…"), self.add_person, None, board_menu),
            self._action(self.tr("Add p&roject…"), self.add_project, None, board_menu),
        ]
        board_menu.addSeparator()
        self.editing_actions += [
            self._action(self.tr("Handoff &templates…"), self.edit_templates, None, board_menu),
            self._action(self.tr("Standup &order…"), self.edit_standup_order, None, board_menu),
        ]
        for action in self.editing_actions if self.read_only else ():
            action.setEnabled(False)
            action.setStatusTip(self.read_only)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1", help_menu)
        self._action(self.tr("&About Renkei"), self.show_about, None, help_menu)

    # -- applying edits: the one road for every gesture -------------------------------------

    def apply(
        self,
        commands: Command | list[Command],
        label: str,
        change_id: str | None = None,
        unconfirmed: bool = False,
    ) -> bool:
        """Apply through the session; a refused edit is explained, never half-done.

        ``change_id``: a retry passes its first try's id (an edit saved already is then not
        applied twice); a new edit gets a new one here, kept with it if it must be retried.
        ``unconfirmed``: an earlier try may have been saved; if this one cannot reach the
        board either, that is still all anyone knows."""
        batch = commands if isinstance(commands, list) else [commands]
        if self.read_only:
            self.warn(self, self.tr("Not saved"), self.read_only)
            return False
        change_id = change_id or new_change_id()
        try:
            change = self.session.apply_all(batch, label, change_id=change_id)
        except ConflictError as error:
            self.warn(
                self,
                self.tr("Changed by someone else"),
                self.tr(
                    "Someone changed this task while you were editing it. "
                    "Your change was not saved; the board now shows their version.\n\n%1"
                ).replace("%1", str(error)),
            )
            self.session.reload()
            return False
        except CommandError as error:
            self.warn(self, self.tr("Not saved"), str(error))
            return False
        except Exception as error:
            if not is_connection_lost(error):
                raise
            self._connection_lost(
                label, batch, error, keep=True, change_id=change_id, unconfirmed=unconfirmed
            )
            return False
        if change.already_saved:
            self.statusBar().showMessage(
                self.tr("“%1” had been saved already; it was not made twice.").replace(
                    "%1", label
                ),
                10_000,
            )
        return True

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
        if self.apply(command, self.tr("Add task")):
            new_id = max(self.session.board.tasks)
            self.board_view.set_current_task(new_id)

    def new_task(self) -> None:
        defaults = {}
        current = self.board_view.current_task
        if current is not None:
            task = self.session.board.tasks[current]
            defaults = {"status_id": task.status_id, "team_id": task.team_id}
        new_id = TaskEditor.create(self, self.session, defaults)
        if new_id is not None:
            self.board_view.set_current_task(new_id)

    def edit_task(self, task_id: int | None) -> None:
        if task_id is None or task_id not in self.session.board.tasks:
            return
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
        PreferencesDialog.run(self, self.settings, save=self.remember)

    def edit_templates(self) -> None:
        TemplateEditor.run(self, self.session)

    def _timeline_current(self, task_id: int | None) -> None:
        if task_id is not None:
            self._task_chosen_elsewhere(task_id)

    def export_pdf(self) -> None:
        from renkei.ui.dialogs.export_pdf import ask_and_export  # the PDF code loads on use

        path = ask_and_export(self, self.session)
        if path is not None:
            self.statusBar().showMessage(
                self.tr("Status report written to %1").replace("%1", str(path)), 10_000
            )

    # -- standup ---------------------------------------------------------------------------

    def start_standup(self) -> None:
        """The board, presented team by team, full screen on the projector when there is
        one (the screen this window is not on), else on this screen."""
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
        self.handoffs_tab.board_changed()
        self.timeline_tab.board_changed()

    def _tick(self) -> None:
        self.model.refresh_faces()
        self.handoffs_tab.board_changed()
        self.timeline_tab.board_changed()

    def archive_current(self) -> None:
        task_id = self.board_view.current_task
        if task_id is None:
            return
        task = self.session.board.tasks[task_id]
        self.apply(set_task(task, archived=True), self.tr("Archive task"))

    def undo(self) -> None:
        """Undo the last edit; when someone changed the same field since, ask first."""
        label = self.session.undo_label()
        pending = self.session.pending_undo()
        try:
            try:
                self.session.undo()
            except ConflictError as error:
                # Show their value behind the question, and base an override on it.
                self.session.pull()
                subject, clashes = self._undo_clashes(error)
                if self.ask_undo_anyway(self, subject, clashes):
                    self.session.undo_overriding()
        except ConflictError:
            # Changed yet again while the question was open: nothing undone, say so.
            self.warn(
                self,
                self.tr("Cannot undo"),
                self.tr("The task changed again meanwhile; nothing was undone."),
            )
        except CommandError as error:
            self.warn(self, self.tr("Cannot undo"), str(error))
        except Exception as error:
            if not is_connection_lost(error):
                raise
            self._connection_lost(self.tr("Undo %1").replace("%1", label), list(pending), error)

    def redo(self) -> None:
        label = self.session.redo_label()
        pending = self.session.pending_redo()
        try:
            self.session.redo()
        except ConflictError as error:
            # There is no redo_overriding in the session yet: refuse and explain.
            self.warn(
                self,
                self.tr("Cannot redo"),
                self.tr(
                    "Someone changed the same field since; redoing would overwrite their "
                    "change, so nothing was redone.\n\n%1"
                ).replace("%1", self._clash_text(*self._undo_clashes(error))),
            )
        except CommandError as error:
            self.warn(self, self.tr("Cannot redo"), str(error))
        except Exception as error:
            if not is_connection_lost(error):
                raise
            self._connection_lost(self.tr("Redo %1").replace("%1", label), list(pending), error)

    @classmethod
    def ask_undo_anyway(cls, parent, subject: str, clashes: list[FieldClash]) -> bool:
        """The seam tests replace: True to undo anyway, replacing their values."""
        text = QCoreApplication.translate(
            "MainWindow", "Since your edit, someone else changed %1:"
        ).replace("%1", subject)
        question = QCoreApplication.translate("MainWindow", "Undo anyway and replace their value?")
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("MainWindow", "Undo over someone else's change?"),
            f"{text}\n\n{cls._clash_lines(clashes)}\n\n{question}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def _clash_lines(clashes: list[FieldClash]) -> str:
        lines = []
        for clash in clashes:
            if clash.changed_by:
                line = QCoreApplication.translate(
                    "MainWindow", "• %1: %2 made it “%3”; undo would put back “%4”."
                )
            else:
                line = QCoreApplication.translate(
                    "MainWindow", "• %1: now “%3”; undo would put back “%4”."
                )
            lines.append(_fill(line, clash.field, clash.changed_by, clash.current, clash.restored))
        return "\n".join(lines)

    def _clash_text(self, subject: str, clashes: list[FieldClash]) -> str:
        return f"{subject}\n{self._clash_lines(clashes)}"

    def _undo_clashes(self, error: ConflictError) -> tuple[str, list[FieldClash]]:
        """What an undo would overwrite, in words: the row's name and each field's values."""
        board = self.session.board
        subject = self._subject(error.entity, error.entity_id)
        changers = self._last_changers(error.entity, error.entity_id)
        clashes = [
            FieldClash(
                field_label(name),
                value_text(board, name, stored),
                value_text(board, name, wanted),
                changers.get(name, ""),
            )
            for name, stored, wanted in error.conflicts
        ]
        return subject, clashes

    def _last_changers(self, entity: str, entity_id: int) -> dict[str, str]:
        """Who last changed each field of a row (from the audit trail; {} if unreadable)."""
        try:
            history = self.session.store.history(entity, entity_id)
        except Exception as error:
            if not is_connection_lost(error):
                raise
            return {}
        people = self.session.board.people
        found: dict[str, str] = {}
        for row in history:  # oldest first: later rows overwrite
            person = people.get(row.actor_id) if row.actor_id is not None else None
            found[row.field] = person.name if person else ""
        return found

    def _subject(self, entity: str, entity_id: int) -> str:
        row = getattr(self.session.board, ENTITY_COLLECTIONS.get(entity, ""), {}).get(entity_id)
        name = getattr(row, "title", None) or getattr(row, "name", None) if row else None
        return f"“{name}”" if name else f"{entity} #{entity_id}"

    # -- saves that could not reach the board ---------------------------------------------

    def _connection_lost(
        self,
        label: str,
        commands: list[Command],
        error: BaseException,
        keep: bool = False,
        change_id: str = "",
        unconfirmed: bool = False,
    ) -> None:
        """Never lose an edit silently: say it was not saved, why, and what it was; with
        ``keep``, hold it for a Retry (an undo or redo stays on its own stack instead).
        When Renkei could not confirm whether it was saved, say exactly that instead."""
        unsure = unconfirmed or isinstance(error, CouldNotConfirm)
        reason = plain_reason(error)
        lines = self.describe_commands(commands)
        if keep:
            edit = UnsavedEdit(label, tuple(commands), tuple(lines), change_id, unsure)
            self.unsaved.append(edit)
        self.sync_driver.connection_lost(error)  # the status bar says "Reconnecting" behind the box
        self._update_unsaved()
        if unsure:
            self._not_confirmed(label, lines, keep)
            return
        if keep:
            after = self.tr(
                "It is kept in the status bar: press “Retry” there once it says Connected "
                "again. Renkei keeps trying to reconnect."
            )
        else:
            after = self.tr(
                "Nothing was changed. Renkei keeps trying to reconnect; try again once the "
                "status bar says Connected."
            )
        text = "\n\n".join(
            (
                self.tr("Your change was NOT saved: the board could not be reached."),
                self.tr("Why: %1").replace("%1", reason),
                self.tr("The change that was not saved (%1):").replace("%1", label)
                + "".join(f"\n{line}" for line in lines),
                after,
            )
        )
        self.show_not_saved(self, self.tr("Change not saved"), text)

    def _not_confirmed(self, label: str, lines: list[str], kept: bool) -> None:
        """The board could not be read after an error at commit: the edit may be saved or
        not. Say so (never "not saved"), and that a Retry is safe."""
        after = (
            self.tr(
                "It is kept in the status bar. Once it says Connected again, look at the "
                "task's history; “Retry” is safe either way: a change that was saved is not "
                "made twice."
            )
            if kept
            else self.tr("Once the status bar says Connected again, look at the history.")
        )
        text = "\n\n".join(
            (
                self.tr(
                    "Renkei could not confirm whether your change was saved: the board could "
                    "not be read after an error while saving."
                ),
                self.tr("The change (%1):").replace("%1", label)
                + "".join(f"\n{line}" for line in lines),
                after,
            )
        )
        self.show_not_saved(self, self.tr("Change not confirmed"), text)

    def retry_unsaved(self) -> None:
        """Try the kept edits again, oldest first, each with its first try's change id (one
        that was saved after all is not applied twice); each is checked against the board as
        it is now, so a field someone changed meanwhile is reported, not overwritten."""
        pending, self.unsaved = self.unsaved, []
        for index, edit in enumerate(pending):
            before = len(self.unsaved)
            commands = list(edit.commands)
            retried = self.apply(commands, edit.label, edit.change_id or None, edit.unconfirmed)
            if not retried and len(self.unsaved) > before:
                # Lost again: apply kept this one; keep the rest, in order, behind it.
                self.unsaved.extend(pending[index + 1 :])
                break
        self._update_unsaved()

    def _update_unsaved(self, *_state) -> None:
        count = len(self.unsaved)
        self.retry_button.setVisible(bool(count))
        if not count:
            return
        connected = self.sync_driver.state.status is SyncStatus.CONNECTED
        self.retry_button.setText(
            self.tr("1 unsaved change — Retry")
            if count == 1
            else self.tr("%1 unsaved changes — Retry").replace("%1", str(count))
        )
        self.retry_button.setEnabled(connected)
        lines = [line for edit in self.unsaved for line in (self._edit_title(edit), *edit.lines)]
        hint = (
            self.tr("Click to save these again.")
            if connected
            else self.tr("Retry is possible once the board is connected again.")
        )
        self.retry_button.setToolTip("\n".join([*lines, "", hint]))

    def _edit_title(self, edit: UnsavedEdit) -> str:
        if not edit.unconfirmed:
            return edit.label
        return self.tr("%1 (could not confirm whether it was saved)").replace("%1", edit.label)

    @classmethod
    def warn(cls, parent, title: str, text: str) -> None:
        """The seam tests replace: an edit refused or not done, and why."""
        QMessageBox.warning(parent, title, text)

    @classmethod
    def show_not_saved(cls, parent, title: str, text: str) -> None:
        """The seam tests replace: a warning whose text can be selected and copied."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok)
        box.setParent(parent, box.windowFlags())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        try:
            box.exec()
        finally:
            box.deleteLater()

    @classmethod
    def ask_close_unsaved(cls, parent, unsaved: list[UnsavedEdit]) -> bool:
        """The seam tests replace: True to close and drop edits that were never saved."""
        lines = "\n".join(line for edit in unsaved for line in edit.lines)
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("MainWindow", "Close without saving?"),
            QCoreApplication.translate(
                "MainWindow",
                "These changes could not reach the board and are NOT saved:\n\n%1\n\n"
                "Close anyway and lose them?",
            ).replace("%1", lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def describe_commands(self, commands: list[Command]) -> list[str]:
        """Each edit as a line a person recognises: which task, which fields, which values."""
        board = self.session.board
        lines = []
        for command in commands:
            if isinstance(command, SetFields):
                lines.append(f"• {self._subject(command.entity, command.entity_id)}")
                values = dict(command.values)
                if len(values) > 1:
                    values.pop("position", None)  # a move: the column says it
                lines.extend(f"    {self._field_value(board, n, v)}" for n, v in values.items())
            elif isinstance(command, Create):
                values = dict(command.values)
                name = values.get("title") or values.get("name") or ""
                kind = ENTITY_WORDS.get(command.entity)
                kind = QCoreApplication.translate("MainWindow", kind) if kind else command.entity
                lines.append("• " + _fill(self.tr("New %1 “%2”"), kind, str(name)))
        return lines

    def _field_value(self, board, name: str, value) -> str:
        if name == "archived":
            return self.tr("archived") if value else self.tr("restored from the archive")
        if name == "position":
            return self.tr("reordered")
        return f"{field_label(name)} → {value_text(board, name, value)}"

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
            self.tr("&Undo %1").replace("%1", undo_label) if undo_label else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo %1").replace("%1", redo_label) if redo_label else self.tr("&Redo")
        )
        if change is None or any(rc.entity != "task" for rc in change.rows):
            self.filter_bar.fill_choices()
        self.setWindowTitle(self.tr("%1 — Renkei").replace("%1", session.board.name))
        actor = session.board.people.get(session.actor_id) if session.actor_id else None
        self.identity_label.setText(
            self.tr("You: %1").replace("%1", actor.name) if actor else self.tr("You: not chosen")
        )
        self._update_status()

    def _update_status(self) -> None:
        board = self.session.board
        total = sum(1 for t in board.tasks.values() if not t.archived)
        shown = self.model.rowCount()
        location = board_label(self.session.store.location)
        if shown == total:
            text = self.tr("%1 tasks · %2").replace("%1", str(total)).replace("%2", location)
        else:
            text = (
                self.tr("%1 of %2 tasks shown · %3")
                .replace("%1", str(shown))
                .replace("%2", str(total))
                .replace("%3", location)
            )
        self.status_label.setText(text)

    # -- boards ------------------------------------------------------------------------------

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for location in self.settings.recent:
            action = self.recent_menu.addAction(f"{board_label(location)} — {location}")
            action.triggered.connect(lambda _=False, loc=location: self._open_other(loc))
        if not self.settings.recent:
            self.recent_menu.addAction(self.tr("No recent boards")).setEnabled(False)

    def open_board_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open board"),
            str(paths.data_dir()),
            self.tr("Renkei boards (*.renkei);;All files (*)"),
        )
        if path:
            self._open_other(path)

    def new_board(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New board"),
            str(paths.data_dir() / f"new{paths.BOARD_SUFFIX}"),
            self.tr("Renkei boards (*.renkei)"),
        )
        if path:
            if not path.endswith(paths.BOARD_SUFFIX):
                path += paths.BOARD_SUFFIX
            self._open_other(path)

    def _open_other(self, location: str) -> None:
        if self.opener is not None and self.opener(location, self):
            self.close()

    def connect_to_server(self) -> None:
        """File → Connect to server…: the password goes to the opener, never into a URL."""
        choice = ConnectDialog.ask(self)
        if choice is None or self.opener is None:
            return
        opened = self.opener(
            choice.url,
            self,
            password=choice.password or None,
            remember=choice.remember,
            ask_again=True,
        )
        if opened:
            self.close()

    def _location_note_seen(self) -> None:
        """ "Got it": the bar is not shown again for this board (a local setting)."""
        self.settings.mark_location_note_seen(self.session.store.location)
        if self.remember:
            with contextlib.suppress(OSError):  # a convenience: never fail over a setting
                self.settings.save()

    def move_to_server(self) -> None:
        """Copy this board to a server (as `renkei board copy`), then offer to open it."""
        moved = MoveToServerDialog.ask(self, self.session.store.location)
        if moved is not None:
            self._move_done(moved)

    @classmethod
    def ask_open_server(cls, parent, moved: MoveResult) -> bool:
        """After the copy: open the server board now? (A seam for tests.)"""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("MainWindow", "Board copied to the server"),
            _fill(
                QCoreApplication.translate(
                    "MainWindow",
                    "%1 rows were copied to %2. Open the server board now?\n\nThe file "
                    "stays where it was: ask the team to open the server board from now on.",
                ),
                str(moved.report.total),
                moved.url,
            ),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            parent,
        )
        open_button = box.button(QMessageBox.StandardButton.Open)
        open_button.setText(QCoreApplication.translate("MainWindow", "Open the server board"))
        box.button(QMessageBox.StandardButton.Close).setText(
            QCoreApplication.translate("MainWindow", "Not now")
        )
        box.exec()
        return box.clickedButton() is open_button

    def _move_done(self, moved: MoveResult) -> None:
        if not self.ask_open_server(self, moved) or self.opener is None:
            return
        if self.opener(moved.url, self, password=moved.password or None, ask_again=True):
            self.close()

    # -- help -------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        from renkei.ui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog.show_for(self)

    def show_about(self) -> None:
        from renkei.ui.dialogs.about import AboutDialog

        AboutDialog.run(self, self.session.store.location)

    # -- window state ---------------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        state = self.settings.window
        geometry = state.get("geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromHex(geometry.encode()))
        lanes = state.get("lanes")
        if lanes in {m.value for m in LaneMode}:
            self.set_lane_mode(LaneMode(lanes))

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self._closed and self.unsaved and not self.ask_close_unsaved(self, self.unsaved):
            event.ignore()
            return
        if not self._closed:  # close() may come twice (File → Open, then quitting)
            self._closed = True
            if self.remember:
                self.settings.window = {
                    "geometry": bytes(self.saveGeometry().toHex()).decode(),
                    "lanes": self.model.lane_mode.value,
                }
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


def _fill(template: str, *values: str) -> str:
    """Qt-style %1, %2… in one pass, so a value that contains "%2" stays as it is."""
    return re.sub(
        r"%(\d)",
        lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values) else m[0],
        template,
    )
