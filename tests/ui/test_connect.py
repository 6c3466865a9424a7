"""File → Connect to server…: the right URL, the password kept apart from it, remembered in
the keyring only when asked, and asked for only when the server wants one."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from fakes import MemoryKeyring
from renkei.app import paths
from renkei.app.errors import StorageError
from renkei.app.settings import LocalSettings
from renkei.store import migrate
from renkei.store.board_store import BoardStore
from renkei.ui.app import WindowKeeper, create_application
from renkei.ui.dialogs.connect import ConnectChoice, ConnectDialog
from renkei.ui.main_window import MainWindow


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def dialog(qtbot, memory_keyring):
    create_application()
    made = ConnectDialog()
    qtbot.addWidget(made)
    return made


def fill(dialog, host="db.example.com", port=5432, database="renkei", user="ana", password=""):
    dialog.host_edit.setText(host)
    dialog.port_spin.setValue(port)
    dialog.database_edit.setText(database)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)


def test_the_dialog_builds_the_url_without_the_password(dialog):
    """The URL names server, port, database and user; the password travels on its own."""
    assert dialog.port_spin.value() == 5432
    assert not dialog.ok_button.isEnabled()
    fill(dialog, port=6543, password="s3cret")
    assert dialog.ok_button.isEnabled()
    assert dialog.url() == "postgresql+psycopg://ana@db.example.com:6543/renkei"
    choice = dialog.choice()
    assert choice.password == "s3cret"
    assert "s3cret" not in choice.url
    assert "s3cret" not in repr(choice)
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password


def test_the_dialog_fills_in_again_from_a_url(qtbot, memory_keyring):
    """Asked again (a wrong password, an unreachable server): the fields and the reason."""
    create_application()
    again = ConnectDialog(None, "postgresql+psycopg://ana@db:6543/renkei", "The server asks.")
    qtbot.addWidget(again)
    assert (again.host_edit.text(), again.port_spin.value()) == ("db", 6543)
    assert (again.database_edit.text(), again.user_edit.text()) == ("renkei", "ana")
    assert not again.problem_label.isHidden()
    assert again.problem_label.text() == "The server asks."
    assert again.focusWidget() in (None, again.password_edit)


def test_remember_is_offered_only_with_a_keyring(qtbot, no_keyring):
    """No usable keyring: the box is disabled and says the password will be asked each time."""
    create_application()
    without = ConnectDialog()
    qtbot.addWidget(without)
    assert not without.remember_check.isEnabled()
    assert "ask for the password each time" in without.remember_note.text()
    fill(without, password="s3cret")
    assert not without.choice().remember


def test_remember_needs_a_password(dialog):
    fill(dialog)
    dialog.remember_check.setChecked(True)
    assert dialog.remember_check.isEnabled()
    assert not dialog.choice().remember  # nothing to remember
    dialog.password_edit.setText("s3cret")
    assert dialog.choice().remember


# -- opening: the keeper --------------------------------------------------------------------


@pytest.fixture
def keeper(monkeypatch, memory_keyring):
    """Opens boards as the app does; never the real keyring of the machine running tests."""
    create_application()
    monkeypatch.setattr(
        "renkei.ui.dialogs.identity.IdentityDialog.ask",
        lambda parent, session: (
            session.board.find_person("Haruka Aoki").id if session.board.people else None
        ),
    )
    made = WindowKeeper(LocalSettings.load())
    yield made
    for window in made.windows:
        window.close()
        window.session.store.dispose()


def test_a_server_that_demands_a_password_is_asked_once(
    qtbot, keeper, memory_keyring, monkeypatch, demo_store, board_path
):
    """Opening a recent server board: the keyring has nothing, the server says 'no password
    supplied', the dialog asks with the reason; the password given opens the board and,
    with Remember ticked, goes to the keyring, not the settings."""
    url = "postgresql+psycopg://ana@db.example.com:5432/renkei"
    tried = []

    def fake_open(target, password, **kwargs):
        tried.append((target, password))
        if password != "s3cret":
            raise StorageError("fe_sendauth: no password supplied")
        store = BoardStore.open(board_path)
        store.location = target
        return store

    asked = []

    def answer(parent, target, problem):
        asked.append((target, problem))
        return ConnectChoice(target, "s3cret", remember=True)

    monkeypatch.setattr("renkei.ui.app.credentials.open_server_board", fake_open)
    monkeypatch.setattr(ConnectDialog, "ask", staticmethod(answer))

    assert keeper.open(url)
    qtbot.addWidget(keeper.windows[0])
    assert tried == [(url, None), (url, "s3cret")]
    assert asked == [(url, "The server asks for a password. (fe_sendauth: no password supplied)")]
    assert memory_keyring.saved == {("Renkei", url): "s3cret"}
    assert LocalSettings.load().recent[0] == url
    assert "s3cret" not in paths.settings_path().read_text(encoding="utf-8")

    # Next time the keyring answers: no question.
    tried.clear()
    asked.clear()
    assert keeper.open(url)
    qtbot.addWidget(keeper.windows[1])
    assert tried == [(url, "s3cret")] and asked == []


def test_an_unreachable_server_from_recent_boards_is_explained(qtbot, keeper, monkeypatch):
    """Not a password problem: a message names the server and the reason; no dialog."""

    def refused(target, password, **kwargs):
        raise StorageError("connection refused")

    shown = []
    monkeypatch.setattr("renkei.ui.app.credentials.open_server_board", refused)
    monkeypatch.setattr(
        "renkei.ui.app.QMessageBox.critical", lambda parent, title, text: shown.append(text)
    )
    monkeypatch.setattr(
        ConnectDialog, "ask", staticmethod(lambda *a: pytest.fail("must not ask for a password"))
    )
    url = "postgresql+psycopg://ana@db.example.com:5432/renkei"
    assert not keeper.open(url)
    assert len(shown) == 1
    assert url in shown[0] and "connection refused" in shown[0]


# -- against the real server ---------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.parametrize("remember", [True, False])
def test_connect_to_server_opens_the_board_and_keeps_the_password_apart(
    qtbot, keeper, memory_keyring, monkeypatch, pg_demo_url, demo_session, remember
):
    """File → Connect to server… opens the server board in a new window; the password is in
    the keyring when Remember was ticked, and in no URL, setting or status text."""
    current = MainWindow(demo_session, keeper.settings, opener=keeper.open)
    qtbot.addWidget(current)
    monkeypatch.setattr(
        ConnectDialog,
        "ask",
        staticmethod(lambda parent, *a: ConnectChoice(pg_demo_url, "s3cret", remember)),
    )
    current.connect_to_server()

    assert len(keeper.windows) == 1
    window = keeper.windows[0]
    qtbot.addWidget(window)
    assert window.session.store.location == pg_demo_url
    assert window.session.store.engine.dialect.name == "postgresql"
    assert window.sync_driver.sync.push
    assert "s3cret" not in window.sync_status.toolTip()
    assert "s3cret" not in window.status_label.text()
    assert LocalSettings.load().recent[0] == pg_demo_url
    assert "s3cret" not in paths.settings_path().read_text(encoding="utf-8")
    if remember:
        assert memory_keyring.saved == {("Renkei", pg_demo_url): "s3cret"}
    else:
        assert memory_keyring.saved == {}
    assert not current.isVisible()  # the new board replaced this window, as Open does


@pytest.mark.postgres
@pytest.mark.parametrize("agree", [True, False])
def test_an_empty_database_becomes_a_board_only_when_asked_for(
    qtbot, keeper, monkeypatch, pg_url, agree
):
    """Connecting to an empty database asks first: yes makes the board, no leaves the
    database empty and opens nothing."""
    asked = []

    def confirm(parent, url):
        asked.append(url)
        return agree

    monkeypatch.setattr(WindowKeeper, "_confirm_new_board", staticmethod(confirm))
    keeper.open(pg_url)  # nobody is on a new board yet: the keeper's identity step stops there
    assert asked == [pg_url]
    if agree:
        store = BoardStore.open(pg_url, create=False)
        assert store.load().revision == 0
        store.dispose()
    else:
        with pytest.raises(migrate.BoardEmpty):
            BoardStore.open(pg_url, create=False)
