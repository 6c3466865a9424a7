"""Help → Keyboard shortcuts lists the window's real actions and the other keys; Help →
About shows the version, the board and the bundled font's licence."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from renkei import __version__
from renkei.ui.dialogs.about import AboutDialog
from renkei.ui.dialogs.shortcuts import ShortcutsDialog, plain_text
from renkei.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    return window


def _native(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)


def test_shortcut_list_comes_from_the_window_actions(qtbot, window, shots):
    """Export PDF (Ctrl+Shift+E) and Standup (F11) are listed under their menus, as the
    actions say; the timeline's Today button (Ctrl+T) under its tab; keys that are not
    actions (the standup's Space, Ctrl+wheel) are there too."""
    dialog = window.show_shortcuts()  # as F1 opens it, before the Timeline tab was shown
    qtbot.addWidget(dialog)
    rows = dialog.visible_rows()
    assert ("File", "Export status as PDF", _native("Ctrl+Shift+E")) in rows
    assert ("View", "Standup", "F11") in rows
    assert ("Help", "Keyboard shortcuts", "F1") in rows
    assert ("Timeline", "Today", _native("Ctrl+T")) in rows
    assert ("Standup", "Pause or resume the team's timer", "Space") in rows
    # The clicker's buttons page through long sections before they move on.
    assert ("Standup", "More of each long section, then the next slide", "↓, PgDown, click") in rows
    assert any(keys == "Ctrl+wheel" for _, _, keys in rows)
    # Two shortcuts of one action are both shown.
    assert ("Edit", "Redo", f"{_native('Ctrl+Shift+Z')}  /  {_native('Ctrl+Y')}") in rows
    dialog.grab().save(str(shots / "shortcuts.png"))


def test_shortcut_list_follows_a_changed_action(qtbot, window):
    """A shortcut changed on the action shows up changed: the list cannot drift."""
    export = next(a for a in window.findChildren(QAction) if "PDF" in a.text())
    export.setShortcut(QKeySequence("Ctrl+Alt+P"))
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert ("File", "Export status as PDF", _native("Ctrl+Alt+P")) in dialog.visible_rows()


def test_search_matches_commands_and_keys(qtbot, window):
    """Typing narrows the list by command or key; no match says so."""
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setText("pdf")
    assert dialog.visible_rows() == [("File", "Export status as PDF", _native("Ctrl+Shift+E"))]
    dialog.search.setText("f11")
    assert [r[1] for r in dialog.visible_rows()] == ["Standup"]
    dialog.search.setText("no such command")
    assert dialog.visible_rows() == []
    assert dialog.empty.isVisible() and not dialog.tree.isVisible()
    dialog.search.clear()
    assert len(dialog.visible_rows()) == len(dialog.rows)


def test_help_menu_opens_the_shortcut_list_with_f1(qtbot, window):
    """Help → Keyboard shortcuts has F1 (used by nothing else) and opens the list beside
    the window, not modal."""
    actions = [a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence("F1")]
    assert [plain_text(a.text()) for a in actions] == ["Keyboard shortcuts"]
    actions[0].trigger()
    dialogs = window.findChildren(ShortcutsDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible() and not dialogs[0].isModal()
    dialogs[0].close()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("&Export status as PDF…", "Export status as PDF"),
        ("ファイル(&F)", "ファイル"),
        ("A && B", "A & B"),
    ],
)
def test_menu_text_is_shown_without_mnemonics(text, plain):
    """Mnemonics, Japanese-style "(&F)" and the trailing ellipsis are not listed."""
    assert plain_text(text) == plain


def test_about_shows_version_board_and_the_font_licence(qtbot, window, app_font, shots):
    """The version, the Qt/PySide6/Python versions, the board's location, the font's name
    and copyright, and the full SIL OFL 1.1 text (scrollable)."""
    dialog = AboutDialog(window.session.store.location, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.facts["version"] == __version__
    assert "PySide6" in dialog.facts["runtime"] and "Python" in dialog.facts["runtime"]
    assert dialog.facts["board"] == window.session.store.location
    text = dialog.licence_view.toPlainText()
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "Copyright 2014-2021 Adobe" in text
    assert "DISCLAIMER" in text  # the whole licence, to its end
    summary = " ".join(label.text() for label in dialog.tabs.widget(1).findChildren(QLabel))
    assert "Renkei Sans JP" in summary and "Noto Sans CJK JP" in summary
    assert "SIL Open Font License 1.1" in summary
    assert "Application icon" in summary and "MIT License" in summary
    dialog.grab().save(str(shots / "about.png"))
    dialog.tabs.setCurrentIndex(1)
    dialog.grab().save(str(shots / "about-licences.png"))
