"""The bundled fonts (a Latin face, then a Japanese one), registered at start so no machine
shows boxes and English is set in a Latin face."""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication

from renkei.render.fonts import FONT_FILES, bundled_font, register_fonts
from renkei.render.theme import FONT_FAMILY

__all__ = ["FONT_FILES", "UI_POINT_SIZE", "apply_app_font", "register_fonts", "scaled_font"]

UI_POINT_SIZE = 10


def apply_app_font(app: QGuiApplication) -> None:
    """Name the bundled family explicitly: left to fallback, Qt mixes fonts within a line."""
    if FONT_FAMILY not in register_fonts():
        return
    font = bundled_font()
    font.setPointSize(UI_POINT_SIZE)
    app.setFont(font)


def scaled_font(base: QFont, scale: float = 1.0, bold: bool = False) -> QFont:
    """The bundled face at ``scale`` times ``base``'s size (points or pixels, as ``base`` has)."""
    font = QFont(FONT_FAMILY)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * scale)
    else:
        font.setPixelSize(max(8, round(base.pixelSize() * scale)))
    font.setBold(bold)
    return font
