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
def ja_session(tmp_path, demo_boards):
    """A session on the Japanese demo board (this test's own copy), signed in as its first
    person."""
    import clock
    from renkei.app.session import BoardSession
    from renkei.store.board_store import BoardStore

    store = BoardStore.open(demo_boards.copy(tmp_path / "ja.renkei", "ja"))
    board = store.load()
    first = next(iter(board.people.values())).id
    yield BoardSession(store, first, today=clock.today)
    store.dispose()
