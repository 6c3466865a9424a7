"""The application icon: the window icon at start, and the About box."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QPixmap

# The reverse-DNS id: the .desktop file's and the AppStream file's name, and the icon's.
APP_ID = "io.github.renkei.Renkei"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """Renkei's icon at every size it ships in (PNGs rendered from the SVG by
    packaging/make_icons.py); read as bytes, so it works from a zip or a frozen app too."""
    icon = QIcon()
    folder = resources.files("renkei.resources") / "icons" / "hicolor"
    for size in ICON_SIZES:
        item = folder / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if not item.is_file():
            continue
        pixmap = QPixmap()
        if pixmap.loadFromData(item.read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon
