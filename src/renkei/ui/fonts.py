"""The bundled Japanese-capable font, registered at start so no machine shows boxes."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from renkei.render.theme import FONT_FAMILY

FONT_FILES = ("RenkeiSansJP-Regular.ttf", "RenkeiSansJP-Bold.ttf")
UI_POINT_SIZE = 10


def register_fonts() -> list[str]:
    """Register the bundled faces; returns the families Qt found in them."""
    families: list[str] = []
    folder = resources.files("renkei.resources") / "fonts"
    for name in FONT_FILES:
        data = (folder / name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def apply_app_font(app: QGuiApplication) -> None:
    """Name the bundled family explicitly: left to fallback, Qt mixes fonts within a line."""
    if FONT_FAMILY not in register_fonts():
        return
    font = QFont(FONT_FAMILY, UI_POINT_SIZE)
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
