"""Starting the desktop app: fonts, the board, who you are, the window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from renkei.app.identity import IdentityError, who_am_i
from renkei.app.opening import open_store
from renkei.app.session import BoardSession
from renkei.app.settings import LocalSettings
from renkei.store.database import StorageError
from renkei.store.migrate import BoardRefused
from renkei.ui.dialogs.identity import IdentityDialog
from renkei.ui.fonts import apply_app_font


def create_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Renkei")
        app.setOrganizationName("Renkei")
        app.setStyle("Fusion")
        apply_app_font(app)
    return app


class WindowKeeper:
    """Keeps the open windows alive and opens boards into new ones."""

    def __init__(self, settings: LocalSettings):
        self.settings = settings
        self.windows: list[QWidget] = []

    def open(
        self, target: str | None, parent: QWidget | None = None, actor: str | None = None
    ) -> bool:
        from renkei.ui.main_window import MainWindow

        try:
            store = open_store(target)
        except (BoardRefused, StorageError) as error:
            QMessageBox.critical(
                parent, QApplication.translate("App", "Cannot open the board"), str(error)
            )
            return False
        session = BoardSession(store, None)
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


def run_gui(board: str | None, actor: str | None) -> int:
    app = create_application()
    keeper = WindowKeeper(LocalSettings.load())
    if not keeper.open(board, actor=actor):
        return 1
    return app.exec()
