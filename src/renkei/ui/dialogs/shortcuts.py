"""Help → Keyboard shortcuts: every key the window answers to, grouped and searchable.

The menu commands are read from the window's own QActions (their text and their shortcuts
as Qt will match them), so the list cannot drift from the menus. Keys that are not actions
(arrows on the board, the standup's clicker keys, Ctrl+wheel on the timeline) are listed in
``OTHER_KEYS`` beside the code that handles them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from renkei.ui.text import muted_text_color


class ShortcutRow(NamedTuple):
    group: str  # translated: "File", "Standup"…
    action: str  # translated, without "&" and "…"
    keys: str  # as shown: "Ctrl+Shift+E", "F11", "← / →"


# Keys handled in keyPressEvent/wheelEvent rather than by a QAction:
# kanban/view.py, timeline/view.py, handoffs/matrix_view.py and chain_view.py, standup/window.py.
OTHER_KEYS: tuple[tuple[str, str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Cards on the board"),
        "←  →  ↑  ↓",
        QT_TRANSLATE_NOOP("Shortcuts", "Move between cards"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Cards on the board"),
        "Home / End",
        QT_TRANSLATE_NOOP("Shortcuts", "First / last card"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Cards on the board"),
        "Alt+←  /  Alt+→",
        QT_TRANSLATE_NOOP("Shortcuts", "Move the card to the previous / next column"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Cards on the board"),
        "Alt+↑  /  Alt+↓",
        QT_TRANSLATE_NOOP("Shortcuts", "Move the card up / down (or to the lane above / below)"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Cards on the board"),
        QT_TRANSLATE_NOOP("Shortcuts", "Enter, double-click"),
        QT_TRANSLATE_NOOP("Shortcuts", "Edit the card"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Cards on the board"),
        QT_TRANSLATE_NOOP("Shortcuts", "Right-click, Menu key, Shift+F10"),
        QT_TRANSLATE_NOOP("Shortcuts", "The card's menu: hand off, handoffs, archive"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Cards on the board"),
        "Insert",
        QT_TRANSLATE_NOOP("Shortcuts", "+ Add task in the current card's column and lane"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Cards on the board"),
        "Enter / Esc",
        QT_TRANSLATE_NOOP("Shortcuts", "+ Add task: add the card / cancel"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Cards on the board"),
        "Ctrl+-  /  Ctrl++",
        QT_TRANSLATE_NOOP("Shortcuts", "Fold the current card's lane / unfold every lane"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        "↑  /  ↓",
        QT_TRANSLATE_NOOP("Shortcuts", "Previous / next task"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        QT_TRANSLATE_NOOP("Shortcuts", "Enter, double-click"),
        QT_TRANSLATE_NOOP("Shortcuts", "Edit the task"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        "Home",
        QT_TRANSLATE_NOOP("Shortcuts", "Scroll to today"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        "Ctrl++  /  Ctrl+-",
        QT_TRANSLATE_NOOP("Shortcuts", "Zoom in / out"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+wheel"),
        QT_TRANSLATE_NOOP("Shortcuts", "Zoom around the mouse pointer"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        QT_TRANSLATE_NOOP("Shortcuts", "Shift+wheel"),
        QT_TRANSLATE_NOOP("Shortcuts", "Scroll in time"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        "Esc",
        QT_TRANSLATE_NOOP("Shortcuts", "Cancel a drag"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Timeline"),
        "Enter",
        QT_TRANSLATE_NOOP("Shortcuts", "Unscheduled list: open the task to give it dates"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Handoffs tab"),
        "Enter",
        QT_TRANSLATE_NOOP("Shortcuts", "Matrix: show the handoffs between the two teams"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Handoffs tab"),
        "↑  /  ↓",
        QT_TRANSLATE_NOOP("Shortcuts", "Chain: previous / next handoff"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Standup"),
        QT_TRANSLATE_NOOP("Shortcuts", "→, Enter"),
        QT_TRANSLATE_NOOP("Shortcuts", "Next slide"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Standup"),
        QT_TRANSLATE_NOOP("Shortcuts", "←, Backspace"),
        QT_TRANSLATE_NOOP("Shortcuts", "Previous slide"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Standup"),
        QT_TRANSLATE_NOOP("Shortcuts", "↓, PgDown, click"),
        QT_TRANSLATE_NOOP("Shortcuts", "More of each long section, then the next slide"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Standup"),
        QT_TRANSLATE_NOOP("Shortcuts", "↑, PgUp, right-click"),
        QT_TRANSLATE_NOOP("Shortcuts", "Back through a section's lines, then the previous slide"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Standup"),
        "Home / End",
        QT_TRANSLATE_NOOP("Shortcuts", "First / last slide"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Standup"),
        "Space",
        QT_TRANSLATE_NOOP("Shortcuts", "Pause or resume the team's timer"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Standup"),
        "A",
        QT_TRANSLATE_NOOP("Shortcuts", "Move on by itself when a team's time is up (on / off)"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Standup"),
        "T",
        QT_TRANSLATE_NOOP("Shortcuts", "Dark or light theme"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Standup"),
        "H",
        QT_TRANSLATE_NOOP("Shortcuts", "Record the standup as held"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Standup"),
        "Esc",
        QT_TRANSLATE_NOOP("Shortcuts", "Leave the standup"),
    ),
)


def plain_text(text: str) -> str:
    """A menu text as a list shows it: no mnemonic ("&File", "ファイル(&F)"), no "…"."""
    text = re.sub(r"\(&\w\)", "", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.replace("…", "").replace("...", "").strip()


def keys_text(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return "  /  ".join(k.toString(native) for k in action.shortcuts() if not k.isEmpty())


def _menu_rows(menu: QMenu, group: str, seen: set[int]) -> list[ShortcutRow]:
    rows: list[ShortcutRow] = []
    for action in menu.actions():
        if action.menu() is not None:
            rows += _menu_rows(action.menu(), group, seen)
        elif keys_text(action) and id(action) not in seen:
            seen.add(id(action))
            rows.append(ShortcutRow(group, plain_text(action.text()), keys_text(action)))
    return rows


def _tab_of(window: QWidget, widget: QWidget | None) -> str | None:
    """The text of the window's tab that holds ``widget`` (the timeline's toolbar actions)."""
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if widget is not None and (page is widget or page.isAncestorOf(widget)):
                return plain_text(tabs.tabText(index))
    return None


def action_rows(window: QMainWindow) -> list[ShortcutRow]:
    """Every action of ``window`` that has a shortcut: menu commands under their menu's
    title, the others (toolbar buttons of a tab) under their tab's name."""
    rows: list[ShortcutRow] = []
    seen: set[int] = set()
    for top in window.menuBar().actions():
        if top.menu() is not None:
            rows += _menu_rows(top.menu(), plain_text(top.text()), seen)
    for action in window.findChildren(QAction):
        if id(action) in seen or not keys_text(action):
            continue
        seen.add(id(action))
        parent = action.parent()
        group = _tab_of(window, parent if isinstance(parent, QWidget) else None)
        rows.append(
            ShortcutRow(
                group or QCoreApplication.translate("Shortcuts", "Other"),
                plain_text(action.text()),
                keys_text(action),
            )
        )
    return rows


def other_rows() -> list[ShortcutRow]:
    return [
        ShortcutRow(
            QCoreApplication.translate("Shortcuts", group),
            QCoreApplication.translate("Shortcuts", what),
            QCoreApplication.translate("Shortcuts", keys),
        )
        for group, keys, what in OTHER_KEYS
    ]


def ordered(window: QMainWindow, rows: list[ShortcutRow]) -> list[ShortcutRow]:
    """The menus' groups in menu-bar order, then the views' in OTHER_KEYS order (a tab's
    toolbar actions join their tab's keys), anything else last; rows keep their order."""
    order = [plain_text(a.text()) for a in window.menuBar().actions() if a.menu() is not None]
    order += [
        g
        for g in dict.fromkeys(
            QCoreApplication.translate("Shortcuts", group) for group, _, _ in OTHER_KEYS
        )
        if g not in order
    ]
    return sorted(rows, key=lambda r: order.index(r.group) if r.group in order else len(order))


class ShortcutsDialog(QDialog):
    """The list, grouped (menus first, then the views), with a search field that matches
    the command and the keys ("pdf", "F11", "ctrl+shift")."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search commands and keys"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        # It takes the focus (Tab from the search), so the arrows and Page Down scroll it;
        # the row under the keyboard is shown selected.
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.search.setAccessibleName(self.tr("Search commands and keys"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("No command or key matches the search."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)

        self.rows = ordered(window, action_rows(window) + other_rows())
        self._fill()
        self.search.textChanged.connect(self.apply_filter)
        self.resize(620, 640)

    def _fill(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        bold = self.font()
        bold.setBold(True)
        muted = muted_text_color(self.palette())
        for row in self.rows:
            group = groups.get(row.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [row.group, ""])
                group.setFont(0, bold)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[row.group] = group
            item = QTreeWidgetItem(group, [row.action, row.keys])
            item.setForeground(1, muted)
            item.setData(0, Qt.ItemDataRole.UserRole, f"{row.group} {row.action} {row.keys}")
        self.tree.expandAll()

    def apply_filter(self, text: str) -> None:
        """Show the rows whose group, command or keys contain every word typed."""
        words = text.casefold().split()
        shown = 0
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            visible = 0
            for c in range(group.childCount()):
                child = group.child(c)
                haystack = str(child.data(0, Qt.ItemDataRole.UserRole)).casefold()
                match = all(word in haystack for word in words)
                child.setHidden(not match)
                visible += match
            group.setHidden(visible == 0)
            shown += visible
        self.empty.setVisible(shown == 0)
        self.tree.setVisible(shown > 0)

    def visible_rows(self) -> list[tuple[str, str, str]]:
        """(group, command, keys) as listed now: what a test reads."""
        rows = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group.isHidden():
                continue
            for c in range(group.childCount()):
                child = group.child(c)
                if not child.isHidden():
                    rows.append((group.text(0), child.text(0), child.text(1)))
        return rows

    @classmethod
    def show_for(cls, window: QMainWindow) -> ShortcutsDialog:
        """Opened without blocking, so the list can stay beside the board while learning."""
        dialog = cls(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
