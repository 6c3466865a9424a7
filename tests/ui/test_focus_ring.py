"""Where the keyboard is shows: a focused field, button, box or list is ringed 2 px in the
theme's accent, at least 3:1 against the window and the field it surrounds, in the light,
dark and high-contrast themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from renkei.ui.themes import apply_theme


@pytest.fixture(autouse=True)
def light_again(qapp):
    yield
    apply_theme("light")
    qapp.setStyleSheet("")  # as the other tests found it


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def near(a: QColor, b: QColor, slack: int = 40) -> bool:
    return all(abs(x - y) <= slack for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.mark.parametrize("name", ["light", "dark", "high_contrast"])
def test_a_focused_control_is_ringed_two_pixels_in_a_colour_that_stands_out(qtbot, name):
    theme = apply_theme(name)
    ring = theme.selection
    palette = QApplication.instance().palette()
    assert contrast(ring, theme.window) >= 3.0
    assert contrast(ring, palette.color(QPalette.ColorRole.Window)) >= 3.0
    assert contrast(ring, palette.color(QPalette.ColorRole.Base)) >= 3.0
    assert contrast(ring, palette.color(QPalette.ColorRole.Button)) >= 3.0

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    check = QCheckBox("Flag as at risk")
    combo = QComboBox()
    combo.addItems(["Inside Sales", "Field Sales"])
    listing = QListWidget()
    listing.addItems(["Call Minato Pharma", "Send the proposal"])
    controls = [QLineEdit("Minato"), QSpinBox(), combo, QPushButton("Save"), check, listing]
    for control in controls:
        layout.addWidget(control)
    box.resize(360, 420)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    for control in controls:
        control.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(control.hasFocus)
        control.repaint()
        image = control.grab().toImage()
        middle = image.height() // 2
        # Both of the two outermost columns on the left, the middle of the edge (clear of
        # rounded corners), are the ring's colour.
        for x in (0, 1):
            seen = image.pixelColor(x, middle)
            assert near(seen, ring), (name, type(control).__name__, x, seen.name(), ring.name())


@pytest.mark.parametrize("name", ["light", "dark", "high_contrast"])
def test_the_focused_board_is_ringed(qtbot, demo_session, name):
    """The kanban, a painted view, shows the keyboard is on it from the moment it takes it
    (Ctrl+1, a click, Tab): the same 2 px ring, gone when the focus leaves."""
    from renkei.ui.main_window import MainWindow

    theme = apply_theme(name)
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.board_view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    image = view.grab().toImage()
    middle = image.height() // 2
    for x in (0, 1):
        assert near(image.pixelColor(x, middle), theme.selection), (name, x)
    window.filter_bar.search.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    image = view.grab().toImage()
    assert not near(image.pixelColor(0, middle), theme.selection, slack=10)


@pytest.mark.parametrize("name", ["light", "dark", "high_contrast"])
def test_the_focused_timeline_chart_is_ringed(qtbot, demo_session, name):
    """The chart, a painted view, shows the keyboard is on it: the same 2 px ring."""
    from renkei.ui.main_window import MainWindow

    theme = apply_theme(name)
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.tabs.setCurrentWidget(window.timeline_tab)
    view = window.timeline_tab.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    image = view.grab().toImage()
    middle = image.height() // 2
    for x in (0, 1):
        assert near(image.pixelColor(x, middle), theme.selection), (name, x)
    window.timeline_tab.group_combo.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    image = view.grab().toImage()
    assert not near(image.pixelColor(0, middle), theme.selection, slack=10)


@pytest.mark.parametrize("name", ["light", "dark", "high_contrast"])
def test_an_empty_check_box_stands_out_from_the_window(qtbot, name):
    """An unticked box's edge against the window at 3:1 or more (non-text contrast): on the
    dark theme Fusion's edge, the window colour darkened, was 1.2:1; a focused box's ring
    takes no room from its words."""
    theme = apply_theme(name)
    box = QCheckBox("At risk only")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    edge = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    strongest = max(
        contrast(image.pixelColor(x, y), theme.window)
        for x in range(edge.left(), edge.right() + 1)
        for y in range(edge.top(), edge.bottom() + 1)
    )
    assert strongest >= 3.0, (name, strongest)
    width = box.sizeHint().width()
    box.setFocus(Qt.FocusReason.TabFocusReason)
    assert box.sizeHint().width() == width
