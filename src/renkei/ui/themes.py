"""Applying a theme to the whole app, live: the Qt palette for the widgets, and
``render.theme.current()`` for the painted views (kanban, timeline, handoffs).

"system" follows the OS colour scheme (``QStyleHints.colorScheme``) and keeps following it
while the app runs; the high-contrast theme is only ever chosen, never guessed."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from renkei.render import theme as render_theme
from renkei.render.theme import DARK, HIGH_CONTRAST, LIGHT, Theme
from renkei.ui.text import muted_text_color

_chosen = "system"  # the name last applied ("system", "light", "dark", "high_contrast")
_following = False  # connected to colorSchemeChanged once


# Fusion draws frames and check boxes in the window colour darkened: invisible on black. In
# high contrast, the edges of what one types into or ticks are drawn white (yellow with the
# focus), 2 px, and so are push buttons'. Combo boxes keep Fusion's drawing (their faces
# are lighter).
HIGH_CONTRAST_SHEET = """
QLineEdit, QSpinBox, QDateEdit, QPlainTextEdit, QTextEdit {
    border: 2px solid #ffffff; border-radius: 2px; padding: 1px 3px;
}
QLineEdit:focus, QSpinBox:focus, QDateEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {
    border-color: #ffff00;
}
QSpinBox::up-button, QSpinBox::down-button, QDateEdit::up-button, QDateEdit::down-button {
    width: 16px; border-left: 2px solid #ffffff; background: #000000;
}
QSpinBox::up-arrow, QDateEdit::up-arrow { image: url(@ICONS@/hc-arrow-up.svg); }
QSpinBox::down-arrow, QDateEdit::down-arrow { image: url(@ICONS@/hc-arrow-down.svg); }
QCheckBox::indicator, QGroupBox::indicator {
    width: 13px; height: 13px; border: 2px solid #ffffff; background: #000000;
}
QCheckBox::indicator:checked, QGroupBox::indicator:checked {
    background: #ffff00; border-color: #ffff00;
}
QCheckBox::indicator:disabled { border-color: #b3b3b3; }
QPushButton {
    border: 2px solid #ffffff; border-radius: 3px; padding: 3px 10px; background: #000000;
}
QPushButton:default, QPushButton:focus { border-color: #ffff00; }
QPushButton:pressed, QPushButton:checked { background: #333300; }
QPushButton:disabled { border-color: #b3b3b3; color: #b3b3b3; }
QCheckBox:focus { outline: 2px solid #ffff00; }
"""


# Fusion outlines a check box in the window colour darkened: 1.7:1 against the light theme's
# window, 1.2:1 against the dark one's, where an empty box all but vanishes. Drawn here with an
# edge of 3:1 or more (non-text contrast), filled with the accent and checked when ticked.
CHECK_SHEET = """
QCheckBox::indicator, QGroupBox::indicator, QAbstractItemView::indicator {
    width: 13px; height: 13px; border: 1px solid @EDGE@; border-radius: 3px;
    background: @FIELD@;
}
QCheckBox::indicator:checked, QGroupBox::indicator:checked,
QAbstractItemView::indicator:checked {
    border-color: @ACCENT@; background: @ACCENT@; image: url(@ICONS@/check-@INK@.svg);
}
QCheckBox::indicator:disabled, QAbstractItemView::indicator:disabled { border-color: @OFF@; }
"""
# (edge, field, ink of the check on the accent, edge when disabled) per theme
_CHECKS = {"light": ("#6b7480", "#ffffff", "light", "#b9bfc7"),
           "dark": ("#8a94a3", "#262d36", "dark", "#5b6472")}  # fmt: skip


def check_sheet(theme: Theme) -> str:
    """The check boxes' rules in ``theme`` (high contrast has its own, white and yellow)."""
    edge, field, ink, off = _CHECKS["dark" if theme is DARK else "light"]
    sheet = CHECK_SHEET.replace("@EDGE@", edge).replace("@FIELD@", field)
    sheet = sheet.replace("@ACCENT@", theme.selection.name()).replace("@INK@", ink)
    return sheet.replace("@OFF@", off)


# Where the keyboard is, in every theme: a ring of 2 px in the theme's accent (at least 3:1
# against the window and the fields: tests/ui/test_focus_ring.py), on what one types into,
# chooses from or presses, and on the lists and tables. Only the focused state is styled, so
# the rest keeps Fusion's drawing, but for spin boxes (their arrows, once styled, are styled
# in both states) and views (a view's edge is as wide focused or not, or its contents would
# not move aside for the ring).
FOCUS_SHEET = """
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {
    border: 2px solid @FOCUS@;
}
QAbstractItemView {
    border: 1px solid palette(mid); padding: 1px;
}
QScrollArea#detailScroll, TimelineView, KanbanView {
    border: 2px solid transparent;
}
QAbstractItemView:focus, QScrollArea#detailScroll:focus, TimelineView:focus, KanbanView:focus {
    border: 2px solid @FOCUS@; padding: 0px;
}
QSpinBox, QDoubleSpinBox, QDateEdit {
    border: 1px solid palette(mid); border-radius: 2px; padding: 1px;
}
QSpinBox:focus, QDoubleSpinBox:focus, QDateEdit:focus {
    border: 2px solid @FOCUS@; padding: 0px;
}
QComboBox:focus, QPushButton:focus, QToolButton:focus {
    border: 2px solid @FOCUS@; border-radius: 3px;
}
QCheckBox, QRadioButton {
    border: 2px solid transparent; border-radius: 3px;
}
QCheckBox:focus, QRadioButton:focus, QSlider:focus {
    border: 2px solid @FOCUS@; border-radius: 3px;
}
QSpinBox::up-button, QDoubleSpinBox::up-button, QDateEdit::up-button,
QSpinBox::down-button, QDoubleSpinBox::down-button, QDateEdit::down-button {
    width: 16px; border: none;
}
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow, QDateEdit::up-arrow {
    image: url(@ICONS@/arrow-up-@INK@.svg);
}
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow, QDateEdit::down-arrow {
    image: url(@ICONS@/arrow-down-@INK@.svg);
}
"""


def focus_sheet(theme: Theme) -> str:
    """The focus ring's rules in ``theme``'s accent; a focused spin box's arrows in ink that
    shows on its field (the white high-contrast ones on black)."""
    up, down = (
        ("hc-arrow-up", "hc-arrow-down")
        if theme is HIGH_CONTRAST
        else ("arrow-up-light", "arrow-down-light")
        if theme.window.lightness() < 128
        else ("arrow-up-dark", "arrow-down-dark")
    )
    sheet = FOCUS_SHEET.replace("@FOCUS@", theme.selection.name())
    sheet = sheet.replace("arrow-up-@INK@", up).replace("arrow-down-@INK@", down)
    return sheet.replace("@ICONS@", _icons())


def _icons() -> str:
    return Path(str(resources.files("renkei.resources") / "icons")).as_posix()


def resolve(name: str) -> Theme:
    """The theme a preference names; "system" (or anything unknown) asks the OS."""
    if name in render_theme.THEMES:
        return render_theme.THEMES[name]
    app = QGuiApplication.instance()
    if app is not None:
        scheme = QGuiApplication.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Dark:
            return DARK
    return LIGHT


def palette_for(theme: Theme) -> QPalette:
    """The widgets' palette (menus, dialogs, lists, the detail pane) for a theme."""
    if theme is LIGHT:
        app = QApplication.instance()
        return app.style().standardPalette() if app is not None else QPalette()
    p = QPalette()
    R, G = QPalette.ColorRole, QPalette.ColorGroup  # noqa: N806
    if theme is HIGH_CONTRAST:
        base, alternate, button = QColor("#000000"), QColor("#1a1a1a"), QColor("#000000")
        text, disabled = QColor("#ffffff"), QColor("#b3b3b3")
        highlight, highlighted_text = QColor("#ffff00"), QColor("#000000")
        link = QColor("#ffff00")
    else:
        base, alternate, button = QColor("#1b2026"), QColor("#222932"), QColor("#2b323b")
        text, disabled = theme.text, QColor("#8792a0")
        highlight, highlighted_text = QColor("#2f6fa3"), QColor("#ffffff")
        link = theme.selection
    for group in (G.Active, G.Inactive, G.Disabled):
        p.setColor(group, R.Window, theme.window)
        p.setColor(group, R.Base, base)
        p.setColor(group, R.AlternateBase, alternate)
        p.setColor(group, R.Button, button)
        p.setColor(group, R.ToolTipBase, base)
        p.setColor(group, R.ToolTipText, text)
        p.setColor(group, R.PlaceholderText, theme.muted)
        p.setColor(group, R.Highlight, highlight)
        p.setColor(group, R.HighlightedText, highlighted_text)
        p.setColor(group, R.Link, link)
        p.setColor(group, R.LinkVisited, link)
        p.setColor(group, R.BrightText, QColor("#ffffff"))
        p.setColor(group, R.Light, theme.card_border.lighter(130))
        p.setColor(group, R.Midlight, theme.card_border)
        p.setColor(group, R.Mid, theme.card_border)
        p.setColor(group, R.Dark, theme.card_border.darker(150))
        p.setColor(group, R.Shadow, QColor("#000000"))
        ink = disabled if group == G.Disabled else text
        for role in (R.WindowText, R.Text, R.ButtonText):
            p.setColor(group, role, ink)
    if theme is HIGH_CONTRAST:
        # Strong edges: Fusion draws frames and button borders from these roles.
        for group in (G.Active, G.Inactive):
            p.setColor(group, R.Mid, QColor("#ffffff"))
            p.setColor(group, R.Dark, QColor("#ffffff"))
    return p


def chosen() -> str:
    return _chosen


def apply_theme(name: str) -> Theme:
    """Switch the whole app to the theme ``name`` names, now: palette, painted views, and
    the few widgets that keep colours in a style sheet (they have ``theme_changed()``)."""
    global _chosen
    _chosen = name if name in ("system", *render_theme.THEMES) else "system"
    theme = resolve(_chosen)
    render_theme.set_current(theme)
    app = QApplication.instance()
    if app is None:
        return theme
    _follow_system(app)
    old_muted = muted_text_color(app.palette())
    app.setPalette(palette_for(theme))
    sheet = HIGH_CONTRAST_SHEET if theme is HIGH_CONTRAST else check_sheet(theme)
    sheet = sheet.replace("@ICONS@", _icons())
    app.setStyleSheet(focus_sheet(theme) + sheet)  # high contrast's own rules win
    # After the sheet: a new sheet polishes the widgets again, giving back the palettes they
    # had when first polished.
    _recolour_muted_labels(app, old_muted, muted_text_color(app.palette()))
    for widget in app.allWidgets():
        hook = getattr(widget, "theme_changed", None)
        if callable(hook):
            hook()
        widget.update()
    return theme


def _recolour_muted_labels(app, old: QColor, new: QColor) -> None:
    """Widgets that set their words in the muted colour (``ui.text.muted_text_color``) keep
    that colour through a palette change; give them the new theme's muted colour."""
    if old == new:
        return
    role = QPalette.ColorRole.WindowText
    for widget in app.allWidgets():
        palette = widget.palette()
        if palette.isBrushSet(QPalette.ColorGroup.Active, role) and palette.color(role) == old:
            palette.setColor(role, new)
            widget.setPalette(palette)


def _follow_system(app) -> None:
    """While "system" is chosen, an OS switch between light and dark re-applies it."""
    global _following
    if _following:
        return
    _following = True
    hints = QGuiApplication.styleHints()

    def scheme_changed(_scheme) -> None:
        if _chosen == "system":
            apply_theme("system")

    hints.colorSchemeChanged.connect(scheme_changed)
