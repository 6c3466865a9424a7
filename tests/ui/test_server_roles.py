"""The window on a server board: a SELECT-only role sees "Read only" and its edits are
refused with the reason; a refused identity is explained, not retried as a lost connection."""

from __future__ import annotations

import pytest

from renkei.app.session import BoardSession
from renkei.domain.commands import set_task
from renkei.store.board_store import BoardStore
from renkei.ui.app import create_application
from renkei.ui.main_window import MainWindow

pytestmark = pytest.mark.postgres


@pytest.fixture
def open_window(qtbot, monkeypatch):
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(MainWindow, "warn", classmethod(lambda c, p, t, x: warned.append((t, x))))
    stores = []

    def open_window(url: str, actor: str = "Kenta Mori"):
        create_application()
        store = BoardStore.open(url)
        stores.append(store)
        board = store.load()
        window = MainWindow(BoardSession(store, board.find_person(actor).id))
        qtbot.addWidget(window)
        return window, warned

    yield open_window
    for store in stores:
        store.dispose()


def test_a_read_only_role_gets_a_read_only_window(open_window, roles):
    window, warned = open_window(roles.url(roles.reader))
    assert window.read_only_label.isVisibleTo(window)
    assert window.read_only_label.text() == "Read only"
    reason = (
        f"you can read this board but not change it: your login role {roles.reader} has no "
        "write grant. Ask the database's owner for INSERT and UPDATE on the board's tables."
    )
    assert window.read_only_label.toolTip() == reason
    assert window.editing_actions and not any(a.isEnabled() for a in window.editing_actions)
    assert {a.statusTip() for a in window.editing_actions} == {reason}
    board = window.session.board
    revision = board.revision
    assert not window.apply(set_task(board.tasks[3], progress=7), "Edit task")
    assert warned == [("Not saved", reason)]
    assert window.session.store.revision() == revision


def test_a_writer_window_is_not_read_only_and_a_refused_identity_is_explained(
    open_window, roles, capsys
):
    from renkei.cli.main import main

    owner = f"postgresql+psycopg://postgres@127.0.0.1:5432/{roles.database}"
    assert main(["--board", owner, "--as", "Kenta Mori", "board", "people", "link",
                 "Kenta Mori", "--role", roles.kenta]) == 0  # fmt: skip
    window, warned = open_window(roles.url(roles.kenta), actor="Yuki Tanaka")
    assert not window.read_only_label.isVisibleTo(window)
    assert all(a.isEnabled() for a in window.editing_actions)
    board = window.session.board
    assert not window.apply(set_task(board.tasks[3], progress=7), "Edit task")
    assert len(warned) == 1 and warned[0][0] == "Not saved"
    assert f"login role {roles.kenta}, which is Kenta Mori on this board" in warned[0][1]
    assert window.session.store.server_person() == board.find_person("Kenta Mori").id
