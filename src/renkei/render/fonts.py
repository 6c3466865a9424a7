"""The bundled fonts, registered once per process by whoever draws first (the window, the
CLI's snapshot or PDF export): the Latin face first, the Japanese face behind it."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase

from renkei.render.theme import FONT_FAMILIES, FONT_FAMILY, JP_FONT_FAMILY, LATIN_FONT_FAMILY

FONT_FILES = (
    "RenkeiSansLatin-Regular.ttf",
    "RenkeiSansLatin-Bold.ttf",
    "RenkeiSansJP-Regular.ttf",
    "RenkeiSansJP-Bold.ttf",
)

_families: list[str] | None = None


def register_fonts() -> list[str]:
    """Register the bundled faces (once); returns the families Qt found in them.

    Every QFont(FONT_FAMILY) then reads as the family list Latin → Japanese: a character the
    Latin face lacks (kana, kanji, 「」, arrows) comes from the Japanese face, never from
    whatever the machine has (left to fallback, Qt mixes three fonts in one line)."""
    global _families
    if _families is not None:
        return list(_families)
    families: list[str] = []
    folder = resources.files("renkei.resources") / "fonts"
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFontFromData((folder / name).read_bytes())
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if LATIN_FONT_FAMILY in families and JP_FONT_FAMILY in families:
        QFont.insertSubstitutions(LATIN_FONT_FAMILY, list(FONT_FAMILIES[1:]))
    _families = families
    return list(families)


def bundled_font() -> QFont:
    """A QFont naming the bundled family list, in order."""
    font = QFont(FONT_FAMILY)
    font.setFamilies(list(FONT_FAMILIES))
    return font
