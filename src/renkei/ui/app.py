"""Starting the desktop app: fonts, the board, who you are, the window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError

from renkei.app import credentials
from renkei.app.identity import IdentityError, who_am_i
from renkei.app.opening import conflict_copies_of, conflict_warning, open_store
from renkei.app.session import BoardSession
from renkei.app.settings import LocalSettings
from renkei.render.language import use_language
from renkei.store.board_store import BoardStore
from renkei.store.database import StorageError
from renkei.store.migrate import BoardRefused
from renkei.ui.dialogs.connect import ConnectDialog
from renkei.ui.dialogs.identity import IdentityDialog
from renkei.ui.fonts import apply_app_font
from renkei.ui.icons import APP_ID, app_icon
from renkei.ui.sync_driver import plain_reason
from renkei.ui.themes import apply_theme


def create_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Renkei")
        app.setOrganizationName("Renkei")
        app.setStyle("Fusion")
        # The desktop file's name lets Wayland and the docks match the window to its icon.
        app.setDesktopFileName(APP_ID)
        app.setWindowIcon(app_icon())
        apply_app_font(app)
        use_language(LocalSettings.load().language)
    return app


class WindowKeeper:
    """Keeps the open windows alive and opens boards into new ones."""

    def __init__(self, settings: LocalSettings):
        self.settings = settings
        self.windows: list[QWidget] = []
        self.refused = False  # the last open failed with a message (not cancelled)
        self._create = True
        self._refusal_note = ""

    def open(
        self,
        target: str | None,
        parent: QWidget | None = None,
        actor: str | None = None,
        *,
        password: str | None = None,
        remember: bool = False,
        ask_again: bool = False,
    ) -> bool:
        """Open a board in a new window. For a server board, ``password`` (kept in memory
        only) or the keyring's, and a password prompt only when the server demands one;
        ``remember`` keeps a working password in the keyring; ``ask_again`` shows the
        connect dialog again after any failure (the user is at the dialog already)."""
        from renkei.ui.main_window import MainWindow

        self.refused = False
        if target and credentials.is_server_url(target):
            store = self._open_server(target, parent, password, remember, ask_again)
        else:
            store = self._open_file(target, parent)
        if store is None:
            return False
        copies = conflict_copies_of(store)
        if copies:
            QMessageBox.warning(
                parent,
                QApplication.translate("App", "Conflict copies beside the board"),
                conflict_warning(copies),
            )
        session = BoardSession(store, None, thresholds=self.settings.risk_thresholds())
        linked = store.server_person()
        if linked is not None:  # a server that says who you are: no picker, no --as
            person = session.board.people.get(linked)
        else:
            try:
                person = who_am_i(session.board, store.location, actor, self.settings)
            except IdentityError:
                person = None  # a mistyped --as: let the person pick themselves
        actor_id = person.id if person else IdentityDialog.ask(parent, session)
        if actor_id is None:
            store.dispose()
            return False
        session.set_actor(actor_id)
        self.settings.set_identity(store.location, session.board.people[actor_id].name)
        self.settings.remember_board(store.location)
        self.settings.save()
        window = MainWindow(session, self.settings, opener=self.open)
        self.windows.append(window)
        window.show()
        return True

    def open_default(self, actor: str | None = None) -> bool:
        """The default board chosen in Preferences; if it cannot be opened, say why and
        open the built-in board instead. A missing file is never created here."""
        target = self.settings.default_board
        if not target:
            return self.open(None, actor=actor)
        self._create = False
        self._refusal_note = QApplication.translate(
            "App",
            "This is your default board (Edit → Preferences). Renkei opens the built-in "
            "board instead.",
        )
        try:
            if self.open(target, actor=actor):
                return True
        finally:
            self._create, self._refusal_note = True, ""
        if not self.refused:
            return False  # the person cancelled (who am I, a password): nothing more to do
        return self.open(None, actor=actor)

    def _refuse(self, parent: QWidget | None, text: str) -> None:
        self.refused = True
        if self._refusal_note:
            text = f"{text}\n\n{self._refusal_note}"
        QMessageBox.critical(parent, QApplication.translate("App", "Cannot open the board"), text)

    def _open_file(self, target: str | None, parent: QWidget | None) -> BoardStore | None:
        try:
            return open_store(target, create=self._create)
        except (BoardRefused, StorageError) as error:
            self._refuse(parent, str(error))
            return None

    def _open_server(
        self,
        target: str,
        parent: QWidget | None,
        password: str | None,
        remember: bool,
        ask_again: bool,
    ) -> BoardStore | None:
        try:
            address, embedded = credentials.parse_server_url(target)
        except ValueError:
            self._refuse(
                parent,
                QApplication.translate("App", "This is not a server board's address: %1").replace(
                    "%1", credentials.without_password(target)
                ),
            )
            return None
        url = address.url  # from here on, the board is known by its password-less URL
        if password is None:
            password = embedded  # a --board URL that carried one: used, never remembered
        from_keyring = False
        if password is None:
            password = credentials.get_password(url)
            from_keyring = password is not None
        while True:
            try:
                store = credentials.open_server_board(url, password)
            except BoardRefused as error:
                self._refuse(parent, str(error))
                return None
            except (StorageError, DBAPIError, OSError) as error:
                reason = plain_reason(error)
                if credentials.wants_password(error):
                    problem = (
                        QApplication.translate(
                            "App", "The server did not accept the password. (%1)"
                        )
                        if password
                        else QApplication.translate("App", "The server asks for a password. (%1)")
                    ).replace("%1", reason)
                elif ask_again:
                    problem = QApplication.translate(
                        "App", "Could not connect to the server: %1"
                    ).replace("%1", reason)
                else:
                    self._refuse(
                        parent,
                        QApplication.translate(
                            "App", "Could not connect to the server at %1."
                        ).replace("%1", url)
                        + f"\n\n{reason}",
                    )
                    return None
                choice = ConnectDialog.ask(parent, url, problem)
                if choice is None:
                    return None
                # Someone who kept the old password in the keyring wants the new one kept.
                remember = choice.remember or (from_keyring and bool(choice.password))
                url, password, from_keyring = choice.url, choice.password or None, False
                continue
            if remember and password:
                credentials.set_password(url, password)
            return store


def run_gui(board: str | None, actor: str | None) -> int:
    app = create_application()
    settings = LocalSettings.load()
    apply_theme(settings.theme)
    keeper = WindowKeeper(settings)
    opened = keeper.open(board, actor=actor) if board else keeper.open_default(actor)
    if not opened:
        return 1
    return app.exec()
