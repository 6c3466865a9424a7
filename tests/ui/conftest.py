import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def app_font(qapp):
    """The bundled Japanese-capable face, registered as the app does at start."""
    from PySide6.QtGui import QFont, QFontDatabase

    from renkei.render.theme import FONT_FAMILY
    from renkei.ui.fonts import UI_POINT_SIZE, register_fonts

    if FONT_FAMILY not in QFontDatabase.families():
        register_fonts()
    return QFont(FONT_FAMILY, UI_POINT_SIZE)


@pytest.fixture
def shots(tmp_path) -> Path:
    """Where pictures go: $RENKEI_SHOTS to look at them, else the test's tmp folder."""
    folder = Path(os.environ.get("RENKEI_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
