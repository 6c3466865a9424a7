"""Edit → Preferences…: values shown and saved, applied live (theme, risk thresholds), the
default board at start, the standup set up from them."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from renkei.app import paths
from renkei.app.session import BoardSession
from renkei.app.settings import LocalSettings
from renkei.domain.risk import RiskKind
from renkei.render import theme as render_theme
from renkei.render.theme import DARK, HIGH_CONTRAST, LIGHT, SLIDE_DARK, SLIDE_LIGHT, contrast
from renkei.ui.app import WindowKeeper, create_application
from renkei.ui.dialogs.preferences import PreferencesDialog
from renkei.ui.kanban.model import Role
from renkei.ui.main_window import MainWindow
from renkei.ui.standup.window import StandupWindow
from renkei.ui.themes import apply_theme, resolve


@pytest.fixture(autouse=True)
def light_again(qapp):
    """Themes are app-wide: every test here ends on the light theme the others expect."""
    yield
    apply_theme("light")


@pytest.fixture
def window(qtbot, demo_session, app_font):
    settings = LocalSettings.load()
    window = MainWindow(demo_session, settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def dialog(qtbot, window):
    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    return dialog


def saved() -> dict:
    return json.loads(paths.settings_path().read_text(encoding="utf-8"))


def cards_saying_stale(window) -> set[int]:
    """Cards whose badge or hover text says Stale (the badge shows the first reason)."""
    model = window.model
    found = set()
    for row in range(model.rowCount()):
        index = model.index(row)
        face = index.data(Role.CARD_FACE)
        reasons = index.data(Role.RISK_REASONS)
        if face.risk_word == "Stale" or any(r.kind is RiskKind.STALE for r in reasons):
            found.add(index.data(Role.TASK_ID))
    return found


# -- the dialog --------------------------------------------------------------------------------


def test_the_dialog_shows_the_current_preferences(qtbot, window):
    """Each field opens on the value in the settings."""
    settings = window.settings
    settings.theme, settings.stale_days, settings.due_soon_days = "dark", 12, 4
    settings.language, settings.standup_theme = "ja", "light"
    dialog = PreferencesDialog(settings, window)
    qtbot.addWidget(dialog)
    assert dialog.theme.currentData() == "dark"
    assert (dialog.stale_days.value(), dialog.due_soon_days.value()) == (12, 4)
    assert dialog.language.currentText() == "日本語"
    assert dialog.slide_theme.currentData() == "light"
    assert not dialog.auto_advance_seconds.isEnabled()  # auto-advance is off


def test_apply_saves_every_field_atomically(dialog, tmp_path):
    """Apply writes the file (and only the file: no temporary file left beside it)."""
    board = tmp_path / "team.renkei"
    board.write_bytes(b"")
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog.default_board.setText(str(board))
    dialog.theme.setCurrentIndex(dialog.theme.findData("high_contrast"))
    dialog.stale_days.setValue(14)
    dialog.due_soon_days.setValue(5)
    dialog.standup_minutes.setValue(4)
    dialog.auto_advance.setChecked(True)
    dialog.auto_advance_seconds.setValue(20)
    dialog.slide_theme.setCurrentIndex(dialog.slide_theme.findData("light"))
    dialog.apply()
    data = saved()
    assert {k: data[k] for k in ("language", "default_board", "theme")} == {
        "language": "ja",
        "default_board": str(board),
        "theme": "high_contrast",
    }
    assert (data["stale_days"], data["due_soon_days"]) == (14, 5)
    assert (data["standup_minutes"], data["standup_auto_advance"]) == (4, True)
    assert (data["standup_auto_advance_seconds"], data["standup_theme"]) == (20, "light")
    assert [p.name for p in paths.settings_path().parent.iterdir()] == ["settings.json"]
    assert LocalSettings.load().stale_days == 14


def test_cancel_keeps_what_was_there(dialog):
    """Changes not applied are dropped by Cancel: nothing saved, nothing applied."""
    dialog.stale_days.setValue(30)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.reject()
    assert not paths.settings_path().exists()
    assert dialog.settings.stale_days == 7
    assert render_theme.current() is LIGHT


def test_restore_defaults_then_ok(dialog):
    """Restore defaults refills every field; OK saves them."""
    dialog.settings.stale_days, dialog.settings.theme = 20, "dark"
    dialog.set_values(dialog.settings)
    dialog.default_board.setText("/somewhere/board.renkei")
    dialog.restore_defaults()
    assert (dialog.stale_days.value(), dialog.theme.currentData()) == (7, "system")
    assert dialog.default_board.text() == ""
    dialog.accept()
    assert saved()["stale_days"] == 7 and saved()["default_board"] == ""


def test_a_missing_default_board_file_is_pointed_out(dialog, tmp_path):
    """A path with no file under it gets a note (not a refusal: a share may be offline)."""
    dialog.default_board.setText(str(tmp_path / "nowhere.renkei"))
    assert dialog.default_board_note.isVisibleTo(dialog)
    dialog.default_board.setText("postgresql+psycopg://me@db.example.com/renkei")
    assert not dialog.default_board_note.isVisibleTo(dialog)


def test_browse_fills_the_default_board(dialog, monkeypatch, tmp_path):
    """Browse… puts the chosen file in the field; 'Use the built-in board' empties it."""
    chosen = str(tmp_path / "team.renkei")
    monkeypatch.setattr(PreferencesDialog, "choose_board_file", lambda *a: chosen)
    dialog.browse_default_board()
    assert dialog.default_board.text() == chosen


# -- the menu ----------------------------------------------------------------------------------


def test_edit_menu_opens_preferences_with_the_platform_key(window, monkeypatch):
    """Edit → Preferences… (Ctrl+, where the platform has no Preferences key) opens it."""
    opened = []
    monkeypatch.setattr(PreferencesDialog, "run", lambda parent, settings, save: opened.append(1))
    action = window.preferences_action
    expected = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) or [
        QKeySequence("Ctrl+,")
    ]
    assert action.shortcuts() == expected
    edit_menu = window.menuBar().actions()[1].menu()
    assert action in edit_menu.actions()
    action.trigger()
    assert opened == [1]


# -- applied live ------------------------------------------------------------------------------


def test_changing_stale_days_changes_which_cards_say_stale(qtbot, window, dialog):
    """Stale after 1 day marks more cards; after 90 days none: at once, no reopening."""
    usual = cards_saying_stale(window)
    assert usual
    dialog.stale_days.setValue(1)
    dialog.apply()
    strict = cards_saying_stale(window)
    assert usual < strict
    dialog.stale_days.setValue(90)
    dialog.apply()
    assert cards_saying_stale(window) == set()
    assert window.session.risk_context().stale_days == 90


def test_due_soon_days_drives_the_cards_clock_and_behind(window, dialog):
    """Due soon 0 days: only today's cards are 'soon'; 14 days: many more, and more Behind."""

    def soon_and_behind():
        model = window.model
        faces = [model.index(r).data(Role.CARD_FACE) for r in range(model.rowCount())]
        reasons = [model.index(r).data(Role.RISK_REASONS) for r in range(model.rowCount())]
        behind = sum(any(x.kind is RiskKind.BEHIND for x in rs) for rs in reasons)
        return sum(f.soon for f in faces), behind

    dialog.due_soon_days.setValue(0)
    dialog.apply()
    narrow = soon_and_behind()
    dialog.due_soon_days.setValue(14)
    dialog.apply()
    wide = soon_and_behind()
    assert wide[0] > narrow[0] and wide[1] >= narrow[1]


@pytest.mark.parametrize("name", ["dark", "high_contrast", "light"])
def test_theme_switch_applies_live(qtbot, window, dialog, name):
    """OK with a theme repaints the open window in it: palette, board, timeline, chain."""
    window.show_handoffs(None)  # the tab builds its views when first shown
    window.tabs.setCurrentIndex(0)
    dialog.theme.setCurrentIndex(dialog.theme.findData(name))
    dialog.accept()
    expected = {"dark": DARK, "high_contrast": HIGH_CONTRAST, "light": LIGHT}[name]
    assert render_theme.current() is expected
    assert window.board_view.theme is expected
    assert window.timeline_tab.view.theme is expected
    assert window.handoffs_tab.chain.theme is expected
    if expected is not LIGHT:  # the light theme keeps Fusion's own palette
        assert QApplication.palette().color(QPalette.ColorRole.Window) == expected.window
    sheet = window.handoffs_tab.matrix.styleSheet()  # its header colours live in a sheet
    assert f"gridline-color: {expected.card_border.name()}" in sheet
    image = window.board_view.viewport().grab().toImage()
    # The whole strip above the column headers, not one pixel: the theme's window colour.
    strip = {image.pixelColor(x, y).name() for x in range(0, image.width(), 5) for y in range(4)}
    assert strip == {expected.window.name()}


def test_system_follows_the_os_colour_scheme():
    """'system' asks the platform: dark when it says dark, light otherwise."""
    from PySide6.QtCore import Qt

    scheme = QGuiApplication.styleHints().colorScheme()
    assert resolve("system") is (DARK if scheme == Qt.ColorScheme.Dark else LIGHT)


def test_high_contrast_text_meets_wcag_aaa():
    """Every text colour of the high-contrast theme is 7:1 or more on its card and window,
    and filled badges' ink is 7:1 on every badge colour."""
    t = HIGH_CONTRAST
    for ink in (t.text, t.muted, t.late, t.risk, t.blocked, t.handoff, t.lost, t.done):
        assert contrast(ink, t.card) >= 7 and contrast(ink, t.window) >= 7
    for badge in (t.late, t.risk, t.blocked, t.handoff, t.lost, t.done):
        assert contrast(t.badge_ink, badge) >= 7
    for ink in (DARK.text, DARK.muted):
        assert contrast(ink, DARK.card) >= 7


def test_the_standup_timeline_follows_the_slides_not_the_app(demo_session, qtbot):
    """The standup's timeline is drawn in the slide theme (T switches both), whatever the
    app's theme: a dark slide never shows a white panel."""
    apply_theme("dark")
    standup = StandupWindow(demo_session, theme="light")
    qtbot.addWidget(standup)
    assert standup.timeline.theme is SLIDE_LIGHT
    standup.toggle_theme()
    assert standup.timeline.theme is SLIDE_DARK


# -- standup settings --------------------------------------------------------------------------


def test_standup_reads_its_settings(demo_session, qtbot, app_font):
    """Minutes per team, auto-advance (on, 2 s past the time) and the slide theme."""
    settings = LocalSettings(
        standup_minutes=3,
        standup_auto_advance=True,
        standup_auto_advance_seconds=2,
        standup_theme="light",
    )
    standup = StandupWindow.from_settings(demo_session, settings)
    qtbot.addWidget(standup)
    assert standup.seconds_left == 180
    assert standup.auto_advance and standup.theme == "light"
    standup._ticker.stop()  # ticks by hand from here
    for _ in range(180):
        standup.tick()
    assert standup.seconds_left == 0 and standup.index == 0
    standup.tick()
    assert standup.index == 0  # one second past the time: still here…
    standup.tick()
    assert standup.index == 1  # …two seconds past it: the next team


def test_main_window_starts_the_standup_from_its_settings(window, monkeypatch):
    """F11 builds the presentation from Preferences."""
    window.settings.standup_minutes = 5
    window.settings.standup_theme = "light"
    monkeypatch.setattr(StandupWindow, "present", lambda self, screen: None)
    window.start_standup()
    try:
        assert window.standup.seconds_left == 300 and window.standup.theme == "light"
    finally:
        window.standup.close()


# -- the default board at start ----------------------------------------------------------------


def _pick_first(parent, session):
    return next(iter(session.board.people.values())).id


def test_the_window_opens_the_default_board(qtbot, monkeypatch, tmp_path, demo_boards):
    """No --board: the default board from Preferences opens, not the built-in one."""
    create_application()
    monkeypatch.setattr("renkei.ui.dialogs.identity.IdentityDialog.ask", _pick_first)
    path = demo_boards.copy(tmp_path / "team.renkei", "en", name="Team")
    keeper = WindowKeeper(LocalSettings(default_board=str(path), stale_days=2))
    assert keeper.open_default()
    window = keeper.windows[0]
    qtbot.addWidget(window)
    assert window.session.store.location == str(path)
    assert window.session.risk_context().stale_days == 2  # the thresholds came along
    assert not paths.default_board_path().exists()
    window.close()


def test_an_unreachable_default_board_says_so_and_opens_the_built_in_one(
    qtbot, monkeypatch, tmp_path
):
    """A default board that is gone: a message naming it, then the built-in board; the
    missing file is not created."""
    create_application()
    monkeypatch.setattr("renkei.ui.dialogs.identity.IdentityDialog.ask", _pick_first)
    shown = []
    monkeypatch.setattr(
        "renkei.ui.app.QMessageBox.critical", lambda parent, title, text: shown.append(text)
    )
    missing = tmp_path / "gone" / "team.renkei"
    keeper = WindowKeeper(LocalSettings(default_board=str(missing)))
    assert keeper.open_default()
    window = keeper.windows[0]
    qtbot.addWidget(window)
    assert len(shown) == 1 and str(missing) in shown[0] and "built-in board" in shown[0]
    assert window.session.store.location == str(paths.default_board_path())
    assert not missing.exists()
    window.close()


def test_sessions_of_other_windows_get_new_thresholds_too(qtbot, window, dialog, demo_store):
    """Every open board is judged again, not only the one whose window opened the dialog."""
    other = BoardSession(demo_store, window.session.actor_id)
    second = MainWindow(other)
    qtbot.addWidget(second)
    second.show()
    dialog.stale_days.setValue(3)
    dialog.apply()
    assert other.risk_context().stale_days == 3


def test_muted_words_stay_readable_after_a_live_switch(qtbot, window, dialog):
    """Words set in the muted colour (the detail pane's) take the new theme's muted colour:
    no grey on a dark grey after switching from light to dark."""
    task_id = next(iter(window.model.task_ids()))
    window.board_view.set_current_task(task_id)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.apply()
    QApplication.processEvents()  # palette changes reach the widgets as events
    role = QPalette.ColorRole
    for label in [window.detail.empty_label, *window.detail.findChildren(QLabel)]:
        if not label.isVisibleTo(window.detail) or not label.text():
            continue
        ink = label.palette().color(role.WindowText)
        assert contrast(ink, DARK.window) >= 4.5, label.text()
