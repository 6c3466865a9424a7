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


@pytest.fixture
def ja_session(tmp_path):
    """A session on the Japanese demo board, signed in as its first person."""
    from datetime import date

    from renkei.app.session import BoardSession
    from renkei.demo.build import build_demo
    from renkei.store.board_store import BoardStore

    store = BoardStore.open(tmp_path / "ja.renkei")
    build_demo(store, "ja", today=date.today())
    board = store.load()
    yield BoardSession(store, next(iter(board.people.values())).id)
    store.dispose()
