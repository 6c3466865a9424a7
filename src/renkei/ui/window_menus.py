"""The main window's menu bar: File, Edit, View, Board and Help, and the actions a
read-only window turns off (saying why). A part of MainWindow: the slots are its own."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from renkei.app.places import SERVER
from renkei.i18n import arg
from renkei.ui.dialogs.preferences import preferences_shortcuts
from renkei.ui.kanban.model import LaneMode

LANE_LABELS = {
    LaneMode.TEAM: QT_TRANSLATE_NOOP("MainWindow", "By team"),
    LaneMode.OWNER: QT_TRANSLATE_NOOP("MainWindow", "By owner"),
    LaneMode.PROJECT: QT_TRANSLATE_NOOP("MainWindow", "By project"),
    LaneMode.NONE: QT_TRANSLATE_NOOP("MainWindow", "No swimlanes"),
}


class WindowMenus:
    """Builds the menus of the MainWindow it is mixed into."""

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

    def _go_to_page(self, index: int) -> None:
        """Ctrl+1/2/3: the tab shown and the keyboard on its main view (the board, the
        chart, the handoff matrix), so the arrows work at once."""
        if index == 0:
            self.tabs.setCurrentIndex(0)
            self.board_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif index == 1:
            self.tabs.setCurrentWidget(self.timeline_tab)
            self.timeline_tab.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.show_handoffs(None)
            self.handoffs_tab.focus_main()

    def _context_menu_key(self) -> None:
        """Shift+F10, the menu key's other name: the menu of what has the focus (on the
        board, the current card's), as the menu key opens it."""
        widget = QApplication.focusWidget()
        if widget is None or widget.window() is not self:
            return
        centre = widget.rect().center()
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Keyboard, centre, widget.mapToGlobal(centre)
        )
        QApplication.sendEvent(widget, event)

    def _build_menus(self) -> None:
        menu_key = QShortcut(QKeySequence("Shift+F10"), self)
        menu_key.activated.connect(self._context_menu_key)
        bar = self.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self._action(
            QCoreApplication.translate("MainWindow", "&New board…"),
            self.new_board,
            "Ctrl+Shift+N",
            file_menu,
        )
        self._action(
            QCoreApplication.translate("MainWindow", "&Open board…"),
            self.open_board_dialog,
            QKeySequence.StandardKey.Open,
            file_menu,
        )
        self.recent_menu = file_menu.addMenu(
            QCoreApplication.translate("MainWindow", "Open &recent")
        )
        self._action(
            QCoreApplication.translate("MainWindow", "&Connect to server…"),
            self.connect_to_server,
            None,
            file_menu,
        )
        if self.place.kind != SERVER:
            self._action(
                QCoreApplication.translate("MainWindow", "&Move this board to a server…"),
                self.move_to_server,
                None,
                file_menu,
            )
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(
            QCoreApplication.translate("MainWindow", "&Export status as PDF…"),
            self.export_pdf,
            "Ctrl+Shift+E",
            file_menu,
        )
        from renkei.ui.file_actions import add_file_actions  # Import ▸, Export CSV

        add_file_actions(self, file_menu)
        file_menu.addSeparator()
        self._action(
            QCoreApplication.translate("MainWindow", "&Quit"),
            self.close,
            QKeySequence.StandardKey.Quit,
            file_menu,
        )

        edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        self.undo_action = self._action(
            QCoreApplication.translate("MainWindow", "&Undo"),
            self.undo,
            QKeySequence.StandardKey.Undo,
            edit_menu,
        )
        self.redo_action = self._action(
            QCoreApplication.translate("MainWindow", "&Redo"),
            self.redo,
            ["Ctrl+Shift+Z", "Ctrl+Y"],
            edit_menu,
        )
        edit_menu.addSeparator()
        # Actions that change the board: a read-only window turns them off, saying why.
        self.editing_actions = [
            self._action(
                QCoreApplication.translate("MainWindow", "&New task…"),
                self.new_task,
                QKeySequence.StandardKey.New,
                edit_menu,
            ),
            self._action(
                QCoreApplication.translate("MainWindow", "&Edit task…"),
                lambda: self.edit_task(self.board_view.current_task),
                "F2",
                edit_menu,
            ),
            self._action(
                QCoreApplication.translate("MainWindow", "&Archive task"),
                self.archive_current,
                "Ctrl+Delete",
                edit_menu,
            ),
        ]
        edit_menu.addSeparator()
        self._action(
            QCoreApplication.translate("MainWindow", "&Find…"),
            self.filter_bar.focus_search,
            QKeySequence.StandardKey.Find,
            edit_menu,
        )
        self._action(
            QCoreApplication.translate("MainWindow", "Clear &filter"),
            self.filter_bar.clear,
            "Ctrl+Shift+F",
            edit_menu,
        )
        edit_menu.addSeparator()
        self.preferences_action = self._action(
            QCoreApplication.translate("MainWindow", "&Preferences…"),
            self.edit_preferences,
            preferences_shortcuts(),
            edit_menu,
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        lanes = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Swimlanes"))
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
            QCoreApplication.translate("MainWindow", "The &board"),
            lambda: self._go_to_page(0),
            "Ctrl+1",
            view_menu,
        )
        self._action(
            QCoreApplication.translate("MainWindow", "&Timeline"),
            lambda: self._go_to_page(1),
            "Ctrl+2",
            view_menu,
        )
        self._action(
            QCoreApplication.translate("MainWindow", "&Handoffs"),
            lambda: self._go_to_page(2),
            "Ctrl+3",
            view_menu,
        )
        view_menu.addSeparator()
        self._action(
            QCoreApplication.translate("MainWindow", "&Standup"),
            self.start_standup,
            "F11",
            view_menu,
        )
        view_menu.addSeparator()
        self.detail_action = QAction(
            QCoreApplication.translate("MainWindow", "&Detail pane"),
            self,
            checkable=True,
            checked=True,
        )
        self.detail_action.setShortcut(QKeySequence("Ctrl+I"))
        # The toolbar's button: a short word, without the menu's "(&D)" mnemonic.
        self.detail_action.setIconText(QCoreApplication.translate("MainWindow", "Details"))
        self.detail_action.setToolTip(
            arg(
                QCoreApplication.translate("MainWindow", "Show or hide the task's details (%1)"),
                QKeySequence("Ctrl+I").toString(QKeySequence.SequenceFormat.NativeText),
            )
        )
        # Docked on a wide window, floating over the board on a narrow one (MainWindow).
        self.detail_action.triggered.connect(self.toggle_detail)
        view_menu.addAction(self.detail_action)

        board_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Board"))
        self.editing_actions += [
            self._action(
                QCoreApplication.translate("MainWindow", "Add &team…"),
                self.add_team,
                None,
                board_menu,
            ),
            self._action(
                QCoreApplication.translate("MainWindow", "Add &person…"),
                self.add_person,
                None,
                board_menu,
            ),
            self._action(
                QCoreApplication.translate("MainWindow", "Add p&roject…"),
                self.add_project,
                None,
                board_menu,
            ),
        ]
        board_menu.addSeparator()
        self.editing_actions += [
            self._action(
                QCoreApplication.translate("MainWindow", "Handoff &templates…"),
                self.edit_templates,
                None,
                board_menu,
            ),
            self._action(
                QCoreApplication.translate("MainWindow", "Standup &order…"),
                self.edit_standup_order,
                None,
                board_menu,
            ),
        ]
        for action in self.editing_actions if self.read_only else ():
            action.setEnabled(False)
            action.setStatusTip(self.read_only)

        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self._action(
            QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"),
            self.show_shortcuts,
            "F1",
            help_menu,
        )
        self._action(
            QCoreApplication.translate("MainWindow", "&About Renkei"),
            self.show_about,
            None,
            help_menu,
        )
