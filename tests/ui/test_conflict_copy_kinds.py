"""Every sync tool's conflict copy reaches the window's merge offer, and the merge works."""

from __future__ import annotations

import shutil
from datetime import date, datetime

import pytest

from renkei.app.settings import LocalSettings
from renkei.demo.build import build_demo
from renkei.domain.commands import SetFields
from renkei.store.board_store import BoardStore
from renkei.ui.app import WindowKeeper, create_application
from renkei.ui.dialogs.merge_copies import MergeOffer


@pytest.mark.parametrize(
    "name",
    [
        "team (Kenta Mori の競合コピー 2026-12-07).renkei",  # Dropbox, Japanese client
        "team (conflicted copy 2026-12-07 104212).renkei",  # Nextcloud
        "team.sync-conflict-20261207-104212-ABCDEFG.renkei",  # Syncthing
        "team-KENTA-PC.renkei",  # OneDrive
        "team (1).renkei",  # Google Drive
        "team 2.renkei",  # iCloud Drive
    ],
)
def test_the_window_offers_and_merges_every_kind_of_copy(qtbot, monkeypatch, board_path, name):
    create_application()
    store = BoardStore.open(board_path)
    build_demo(store, "en", today=date(2026, 12, 7))
    assert store.load().tasks[1].progress != 70
    store.dispose()
    copy_path = board_path.parent / name
    shutil.copyfile(board_path, copy_path)
    copy = BoardStore.open(copy_path, create=False)
    copy.apply(SetFields("task", 1, (("progress", 70),)), 1, datetime(2026, 12, 7, 10, 42))
    copy.dispose()
    offered, told = [], []
    monkeypatch.setattr(MergeOffer, "ask", classmethod(lambda cls, p, c: offered.append(c) or True))
    monkeypatch.setattr(
        "renkei.ui.dialogs.merge_copies.QMessageBox.information",
        lambda parent, title, text: told.append(text),
    )
    keeper = WindowKeeper(LocalSettings.load())
    assert keeper.open(str(board_path), actor="Yuki Tanaka")
    window = keeper.windows[0]
    qtbot.addWidget(window)
    assert offered == [[copy_path]]
    assert window.session.board.tasks[1].progress == 70
    assert not copy_path.exists()
    assert told and told[0].startswith(f"1 change from {name} merged.")
    for open_window in keeper.windows:
        open_window.close()
