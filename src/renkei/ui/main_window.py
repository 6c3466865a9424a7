"""The main window: filter bar, kanban board, detail pane, menus, undo/redo."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
)

from renkei.app import board_actions, paths
from renkei.app.opening import board_label
from renkei.app.session import BoardSession
from renkei.app.settings import LocalSettings
from renkei.domain.commands import Command, CommandError, ConflictError, Create, set_task
from renkei.store.database import StorageError
from renkei.ui.board_events import BoardEvents
from renkei.ui.detail_pane import TaskDetailPane
from renkei.ui.dialogs.task_editor import TaskEditor
from renkei.ui.filter_bar import FilterBar
from renkei.ui.kanban.model import LANE_FIELD, KanbanModel, LaneMode
from renkei.ui.kanban.view import KanbanView

LANE_LABELS = {
    LaneMode.TEAM: QT_TRANSLATE_NOOP("MainWindow", "By team"),
    LaneMode.OWNER: QT_TRANSLATE_NOOP("MainWindow", "By owner"),
    LaneMode.PROJECT: QT_TRANSLATE_NOOP("MainWindow", "By project"),
    LaneMode.NONE: QT_TRANSLATE_NOOP("MainWindow", "No swimlanes"),
}


class MainWindow(QMainWindow):
    def __init__(self, session: BoardSession, settings: LocalSettings | None = None, opener=None):
        """``opener(target, window)`` opens another board in a new window (File → Open/New/
        recent). Without ``settings`` the window remembers nothing (snapshots, tests)."""
        super().__init__()
        self.session = session
        self.remember = settings is not None
        self.settings = settings or LocalSettings()
        self.opener = opener
        self.events = BoardEvents(session, self)
        self.model = KanbanModel(session, self.events, self)
        self.board_view = KanbanView(self.model)
        self.detail = TaskDetailPane(session, self.events)
        self.filter_bar = FilterBar(session)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.board_view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1100, 360])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        toolbar = QToolBar(self.tr("Filter"))
        toolbar.setObjectName("filterToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.filter_bar)
        self.addToolBar(toolbar)

        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.identity_label = QLabel()
        self.statusBar().addPermanentWidget(self.identity_label)

        self._build_menus()
        self.filter_bar.filterChanged.connect(self.model.set_filter)
        self.board_view.currentChanged.connect(self.detail.show_task)
        self.board_view.openRequested.connect(self.edit_task)
        self.board_view.cardDropped.connect(self.drop_card)
        self.board_view.quickAddSubmitted.connect(self.quick_add)
        self.detail.editRequested.connect(self.edit_task)
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
        self.recent_menu.aboutToShow.connect(self._fill_recent)
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
        self._action(self.tr("&New task…"), self.new_task, QKeySequence.StandardKey.New, edit_menu)
        self._action(
            self.tr("&Edit task…"),
            lambda: self.edit_task(self.board_view.current_task),
            "F2",
            edit_menu,
        )
        self._action(self.tr("&Archive task"), self.archive_current, "Ctrl+Delete", edit_menu)
        edit_menu.addSeparator()
        self._action(
            self.tr("&Find…"),
            self.filter_bar.focus_search,
            QKeySequence.StandardKey.Find,
            edit_menu,
        )
        self._action(self.tr("Clear &filter"), self.filter_bar.clear, "Ctrl+Shift+F", edit_menu)

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
        self.detail_action = QAction(self.tr("&Detail pane"), self, checkable=True, checked=True)
        self.detail_action.setShortcut(QKeySequence("Ctrl+I"))
        self.detail_action.toggled.connect(self.detail.setVisible)
        view_menu.addAction(self.detail_action)

        board_menu = bar.addMenu(self.tr("&Board"))
        self._action(self.tr("Add &team…"), self.add_team, None, board_menu)
        self._action(self.tr("Add &person…"), self.add_person, None, board_menu)
        self._action(self.tr("Add p&roject…"), self.add_project, None, board_menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1", help_menu)
        self._action(self.tr("&About Renkei"), self.show_about, None, help_menu)

    # -- applying edits: the one road for every gesture -------------------------------------

    def apply(self, commands: Command | list[Command], label: str) -> bool:
        """Apply through the session; a refused edit is explained, never half-done."""
        batch = commands if isinstance(commands, list) else [commands]
        try:
            self.session.apply_all(batch, label)
        except ConflictError as error:
            QMessageBox.warning(
                self,
                self.tr("Changed by someone else"),
                self.tr(
                    "Someone changed this task while you were editing it. "
                    "Your change was not saved; the board now shows their version.\n\n%1"
                ).replace("%1", str(error)),
            )
            self.session.reload()
            return False
        except (CommandError, StorageError) as error:
            QMessageBox.warning(self, self.tr("Not saved"), str(error))
            return False
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

    def archive_current(self) -> None:
        task_id = self.board_view.current_task
        if task_id is None:
            return
        task = self.session.board.tasks[task_id]
        self.apply(set_task(task, archived=True), self.tr("Archive task"))

    def undo(self) -> None:
        self._undo_redo(self.session.undo)

    def redo(self) -> None:
        self._undo_redo(self.session.redo)

    def _undo_redo(self, step) -> None:
        try:
            step()
        except ConflictError as error:
            QMessageBox.warning(
                self,
                self.tr("Cannot undo"),
                self.tr(
                    "Someone changed the same field since; undoing would overwrite their "
                    "change, so nothing was undone.\n\n%1"
                ).replace("%1", str(error)),
            )
        except (CommandError, StorageError) as error:
            QMessageBox.warning(self, self.tr("Cannot undo"), str(error))

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

    # -- help -------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        rows = [
            ("←  →  ↑  ↓", self.tr("Move between cards")),
            ("Alt + ←  →", self.tr("Move the card to the previous / next column")),
            ("Alt + ↑  ↓", self.tr("Move the card up / down in its column")),
            ("Enter, F2", self.tr("Edit the card")),
            ("Ctrl+N", self.tr("New task")),
            ("Ctrl+Z / Ctrl+Shift+Z", self.tr("Undo / redo")),
            ("Ctrl+F", self.tr("Search")),
            ("Ctrl+I", self.tr("Show or hide the detail pane")),
            ("Ctrl+Delete", self.tr("Archive the card")),
        ]
        text = "".join(
            f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{what}</td></tr>" for keys, what in rows
        )
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table>{text}</table>")

    def show_about(self) -> None:
        from renkei import __version__

        QMessageBox.about(
            self,
            self.tr("About Renkei"),
            self.tr(
                "<b>Renkei %1</b><p>Cross-team work at a glance, and where information got "
                "lost between teams.</p><p>Japanese text uses Renkei Sans JP, derived from "
                "Noto Sans CJK JP under the SIL Open Font License 1.1.</p>"
            ).replace("%1", __version__),
        )

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
        if self.remember:
            self.settings.window = {
                "geometry": bytes(self.saveGeometry().toHex()).decode(),
                "lanes": self.model.lane_mode.value,
            }
            with contextlib.suppress(OSError):  # settings are a convenience: never block closing
                self.settings.save()
        self.events.detach()
        super().closeEvent(event)
