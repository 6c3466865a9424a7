"""Starting the desktop app: fonts, the board, who you are, the window."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from renkei.app import credentials
from renkei.app.board_files import BoardStore, salvage_board, set_lease_patience
from renkei.app.errors import BoardDamaged, BoardEmpty, BoardRefused, StorageError, plain_reason
from renkei.app.identity import IdentityError, who_am_i
from renkei.app.opening import conflict_copies_of, open_store
from renkei.app.session import BoardSession
from renkei.app.settings import LocalSettings
from renkei.i18n import arg
from renkei.i18n.language import use_language
from renkei.i18n.words import error_text
from renkei.ui.fonts import apply_app_font
from renkei.ui.icons import APP_ID, app_icon
from renkei.ui.themes import apply_theme

# How long the window waits for a colleague saving to a shared board file (store/lease.py).
WINDOW_PATIENCE_SECONDS = 5.0


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
            # Before the session reads the board, so it opens with the merged changes.
            from renkei.ui.dialogs.merge_copies import offer_merge  # loads only for copies

            offer_merge(parent, store, copies)
        session = BoardSession(store, None, thresholds=self.settings.risk_thresholds())
        linked = store.server_person()
        if linked is not None:  # a server that says who you are: no picker, no --as
            person = session.board.people.get(linked)
        else:
            try:
                person = who_am_i(session.board, store.location, actor, self.settings)
            except IdentityError:
                person = None  # a mistyped --as: let the person pick themselves
        if person is None:
            from renkei.ui.dialogs.identity import IdentityDialog  # loads when it asks

            actor_id = IdentityDialog.ask(parent, session)
        else:
            actor_id = person.id
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
        except BoardDamaged as error:
            return self._offer_salvage(parent, error)
        except (BoardRefused, StorageError) as error:
            self._refuse(parent, error_text(error))
            return None

    def _offer_salvage(self, parent: QWidget | None, error: BoardDamaged) -> BoardStore | None:
        """A damaged board: say so, and offer to copy what can be read into a new board."""
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QApplication.translate("App", "Cannot open the board"),
            error_text(error),
            QMessageBox.StandardButton.Close,
            parent,
        )
        salvage = box.addButton(
            QApplication.translate("App", "Salvage into a new board…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.exec()
        if box.clickedButton() is not salvage:
            self.refused = True
            return None
        damaged = error.path
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            QApplication.translate("App", "Salvage into a new board"),
            str(damaged.with_name(f"{damaged.stem}-salvaged{damaged.suffix}")),
            QApplication.translate("App", "Renkei boards (*.renkei)"),
        )
        if not chosen:
            self.refused = True
            return None
        try:
            report = salvage_board(damaged, Path(chosen))
        except (BoardRefused, StorageError, OSError) as problem:
            self._refuse(parent, error_text(problem))
            return None
        lost = sum(report.unreadable.values()) + sum(report.orphaned.values())
        QMessageBox.information(
            parent,
            QApplication.translate("App", "Salvage into a new board"),
            arg(
                QApplication.translate(
                    "App", "%1 rows were copied into %2; %3 could not be read or were left out."
                ),
                str(sum(report.kept.values())),
                report.destination,
                str(lost),
            ),
        )
        return self._open_file(report.destination, parent)

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
                arg(
                    QApplication.translate("App", "This is not a server board's address: %1"),
                    credentials.without_password(target),
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
        create = False
        while True:
            try:
                store = credentials.open_server_board(url, password, create=create)
            except BoardEmpty:
                # Connecting never makes a board by itself: an empty database becomes one
                # only when the person says so.
                if not create and self._confirm_new_board(parent, url):
                    create = True
                    continue
                return None
            except BoardRefused as error:
                self._refuse(parent, error_text(error))
                return None
            except (StorageError, OSError) as error:
                reason = plain_reason(error)
                if credentials.wants_password(error):
                    problem = arg(
                        QApplication.translate(
                            "App", "The server did not accept the password. (%1)"
                        )
                        if password
                        else QApplication.translate("App", "The server asks for a password. (%1)"),
                        reason,
                    )
                elif ask_again:
                    problem = arg(
                        QApplication.translate("App", "Could not connect to the server: %1"), reason
                    )
                else:
                    self._refuse(
                        parent,
                        arg(
                            QApplication.translate("App", "Could not connect to the server at %1."),
                            url,
                        )
                        + f"\n\n{reason}",
                    )
                    return None
                from renkei.ui.dialogs.connect import ConnectDialog  # loads when it asks

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

    @staticmethod
    def _confirm_new_board(parent: QWidget | None, url: str) -> bool:
        answer = QMessageBox.question(
            parent,
            QApplication.translate("App", "Empty database"),
            arg(
                QApplication.translate(
                    "App",
                    "The database at %1 is empty: it holds no board yet. Make a new board in it?",
                ),
                url,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def run_gui(board: str | None, actor: str | None) -> int:
    # What is loaded by now (Python, Qt's and our modules) lives as long as the process: the
    # cycle collector need not walk it again at each of its full collections.
    gc.freeze()
    app = create_application()
    # A save kept waiting by a colleague's lease on a shared file gives up after this and
    # goes to the unsaved-edit list, rather than freezing the window for long.
    set_lease_patience(WINDOW_PATIENCE_SECONDS)
    settings = LocalSettings.load()
    apply_theme(settings.theme)
    keeper = WindowKeeper(settings)
    opened = keeper.open(board, actor=actor) if board else keeper.open_default(actor)
    if not opened:
        return 1
    return app.exec()
