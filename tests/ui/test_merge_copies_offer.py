"""The window finds a conflict copy beside the board and offers to merge it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel

from merge_boards import COPY_NAME, edit_both, make_shared
from renkei.app.merge import prepare_merge
from renkei.app.settings import LocalSettings
from renkei.ui.app import WindowKeeper, create_application
from renkei.ui.dialogs.merge_copies import ConflictChoices, MergeOffer


def _close_all(keeper: WindowKeeper) -> None:
    for window in keeper.windows:
        window.close()


def test_the_offer_names_the_copies_and_merge_accepts(qtbot, tmp_path):
    copies = [tmp_path / COPY_NAME]
    dialog = MergeOffer(copies)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert COPY_NAME in texts
    assert "A sync tool left 1 copy of this board" in texts
    assert dialog.merge_button.text() == "Merge"
    dialog.merge_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_conflict_dialog_keeps_the_board_unless_told(qtbot, tmp_path):
    store, copy, copy_path = make_shared(tmp_path)
    try:
        edit_both(store, copy)
        plan = prepare_merge(store, copy_path)
        dialog = ConflictChoices(plan)
        qtbot.addWidget(dialog)
        (key,) = [c.key for c in plan.conflicts]
        assert dialog.choices() == {key: "board"}
        board_button, copy_button = dialog.groups[key].buttons()
        assert board_button.text() == "Board: 2026-12-15"
        assert copy_button.text() == "Copy: 2026-12-20"
        copy_button.click()
        assert dialog.choices() == {key: "copy"}
    finally:
        store.dispose()
        copy.dispose()


def test_opening_the_board_merges_the_copy_when_asked(qtbot, monkeypatch, tmp_path):
    """Merge → the conflict is asked about, the window opens on the merged board, the copy is
    kept aside, and a note says what happened."""
    create_application()
    store, copy, copy_path = make_shared(tmp_path)
    edit_both(store, copy)
    store.dispose()
    copy.dispose()
    offered, asked, told = [], [], []
    monkeypatch.setattr(MergeOffer, "ask", classmethod(lambda cls, p, c: offered.append(c) or True))
    monkeypatch.setattr(
        ConflictChoices,
        "ask",
        classmethod(lambda cls, p, plan: asked.append(plan) or {plan.conflicts[0].key: "copy"}),
    )
    monkeypatch.setattr(
        "renkei.ui.dialogs.merge_copies.QMessageBox.information",
        lambda parent, title, text: told.append(text),
    )
    keeper = WindowKeeper(LocalSettings.load())
    assert keeper.open(str(tmp_path / "team.renkei"), actor="Yuki Tanaka")
    window = keeper.windows[0]
    qtbot.addWidget(window)
    assert offered == [[copy_path]]
    assert [c.label for c in asked[0].conflicts] == ["task 2 due"]
    board = window.session.board
    assert board.tasks[1].title == "Proposal v2"
    assert board.tasks[2].due == date(2026, 12, 20)
    assert board.tasks[5].title == "Follow-up"
    assert not copy_path.exists()
    (kept,) = [p for p in tmp_path.iterdir() if p.name.endswith(".renkei-copy")]
    assert told == [f"5 changes from {COPY_NAME} merged. It was kept as {kept.name}."]
    _close_all(keeper)


def test_not_now_leaves_both_files_alone(qtbot, monkeypatch, tmp_path):
    create_application()
    store, copy, copy_path = make_shared(tmp_path)
    edit_both(store, copy)
    store.dispose()
    copy.dispose()
    board_file = tmp_path / "team.renkei"
    before = board_file.read_bytes(), copy_path.read_bytes()
    monkeypatch.setattr(MergeOffer, "ask", classmethod(lambda cls, p, c: False))
    keeper = WindowKeeper(LocalSettings.load())
    assert keeper.open(str(board_file), actor="Yuki Tanaka")
    qtbot.addWidget(keeper.windows[0])
    assert keeper.windows[0].session.board.tasks[1].title == "Proposal"
    _close_all(keeper)
    assert (board_file.read_bytes(), copy_path.read_bytes()) == before
    assert Path(copy_path).exists()
