"""What every write to one open board shares: the edits kept for a Retry after the board
could not take them, why this login may only read, and the message boxes a write may show
(the seams tests replace). One ``BoardWrites`` per open board: ``BoardWrites.of(session)``.
The writes themselves are ``renkei.ui.operation``'s."""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from renkei.app.errors import CouldNotConfirm, plain_reason
from renkei.app.session import BoardSession
from renkei.domain.commands import Command
from renkei.i18n import arg
from renkei.ui.change_words import describe_commands


class UnsavedEdit(NamedTuple):
    """An edit that could not reach the board, kept so it can be tried again.

    ``change_id`` is the id of its first try: every retry carries it, so an edit whose save
    in fact landed is never applied twice. ``unconfirmed``: Renkei could not tell whether it
    was saved (the board could not be read after an error at commit)."""

    label: str
    commands: tuple[Command, ...]
    lines: tuple[str, ...]  # as shown to the user
    change_id: str = ""
    unconfirmed: bool = False


class OperationPrompts:
    """The questions and warnings an operation shows: the seams tests replace. A window
    subclasses this and hands its class to ``BoardWrites.prompts``, so replacing
    ``MainWindow.warn`` in a test replaces it for every write of that window."""

    @classmethod
    def warn(cls, parent, title: str, text: str) -> None:
        """An edit refused or not done, and why."""
        QMessageBox.warning(parent, title, text)

    @classmethod
    def show_not_saved(cls, parent, title: str, text: str) -> None:
        """A warning whose text can be selected and copied."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok)
        box.setParent(parent, box.windowFlags())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        try:
            box.exec()
        finally:
            box.deleteLater()

    @classmethod
    def ask_replace_theirs(cls, parent, text: str) -> bool:
        """Someone changed what this edit changes: True to replace theirs with mine."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("MainWindow", "Changed by someone else"),
            text,
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        mine = box.addButton(
            QCoreApplication.translate("Operation", "Replace with mine"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        theirs = box.addButton(
            QCoreApplication.translate("Operation", "Keep theirs"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(theirs)
        try:
            box.exec()
            return box.clickedButton() is mine
        finally:
            box.deleteLater()


class BoardWrites(QObject):
    """What every write to one open board shares: edits kept for a Retry, why this login
    may only read, and the prompts. ``unsavedChanged`` when the kept list changes,
    ``connectionLost(error)`` when a write found the board unreachable, ``announced(text)``
    for a line in the status bar."""

    unsavedChanged = Signal()
    connectionLost = Signal(object)
    announced = Signal(str)

    _open: weakref.WeakKeyDictionary[BoardSession, BoardWrites] = weakref.WeakKeyDictionary()

    def __init__(self, session: BoardSession):
        super().__init__()
        self._session = weakref.ref(session)  # the registry's key must not be kept alive
        self.prompts: type[OperationPrompts] = OperationPrompts
        self.unsaved: list[UnsavedEdit] = []
        self._read_only: str | None = None
        self._asked_read_only = False

    @classmethod
    def of(cls, session: BoardSession) -> BoardWrites:
        found = cls._open.get(session)
        if found is None:
            found = cls._open[session] = cls(session)
        return found

    @property
    def session(self) -> BoardSession:
        session = self._session()
        assert session is not None, "the board's session is gone"
        return session

    @property
    def read_only(self) -> str | None:
        """Why this login cannot change the board (a server role with read grants only);
        asked of the server once per open board."""
        if not self._asked_read_only:
            self._read_only = self.session.store.write_refusal()
            self._asked_read_only = True
        return self._read_only

    # -- saves that could not reach the board ---------------------------------------------

    def lost(
        self,
        parent,
        label: str,
        commands: Sequence[Command],
        error: BaseException,
        keep: bool = False,
        change_id: str = "",
        unconfirmed: bool = False,
    ) -> None:
        """Never lose an edit silently: say it was not saved, why, and what it was; with
        ``keep``, hold it for a Retry (an undo or redo stays on its own stack instead).
        When Renkei could not confirm whether it was saved, say exactly that instead."""
        unsure = unconfirmed or isinstance(error, CouldNotConfirm)
        lines = describe_commands(self.session.board, commands)
        if keep:
            self.unsaved.append(
                UnsavedEdit(label, tuple(commands), tuple(lines), change_id, unsure)
            )
        self.connectionLost.emit(error)  # the status bar says "Reconnecting" behind the box
        self.unsavedChanged.emit()
        if unsure:
            self._not_confirmed(parent, label, lines, keep)
            return
        if keep:
            after = QCoreApplication.translate(
                "MainWindow",
                "It is kept in the status bar: press “Retry” there once it says Connected "
                "again. Renkei keeps trying to reconnect.",
            )
        else:
            after = QCoreApplication.translate(
                "MainWindow",
                "Nothing was changed. Renkei keeps trying to reconnect; try again once the "
                "status bar says Connected.",
            )
        text = "\n\n".join(
            (
                QCoreApplication.translate(
                    "MainWindow", "Your change was NOT saved: the board could not be reached."
                ),
                arg(QCoreApplication.translate("MainWindow", "Why: %1"), plain_reason(error)),
                arg(
                    QCoreApplication.translate("MainWindow", "The change that was not saved (%1):"),
                    label,
                )
                + "".join(f"\n{line}" for line in lines),
                after,
            )
        )
        self.prompts.show_not_saved(
            parent, QCoreApplication.translate("MainWindow", "Change not saved"), text
        )

    def _not_confirmed(self, parent, label: str, lines: list[str], kept: bool) -> None:
        """The board could not be read after an error at commit: the edit may be saved or
        not. Say so (never "not saved"), and that a Retry is safe."""
        after = (
            QCoreApplication.translate(
                "MainWindow",
                "It is kept in the status bar. Once it says Connected again, look at the "
                "task's history; “Retry” is safe either way: a change that was saved is not "
                "made twice.",
            )
            if kept
            else QCoreApplication.translate(
                "MainWindow", "Once the status bar says Connected again, look at the history."
            )
        )
        text = "\n\n".join(
            (
                QCoreApplication.translate(
                    "MainWindow",
                    "Renkei could not confirm whether your change was saved: the board could "
                    "not be read after an error while saving.",
                ),
                arg(QCoreApplication.translate("MainWindow", "The change (%1):"), label)
                + "".join(f"\n{line}" for line in lines),
                after,
            )
        )
        self.prompts.show_not_saved(
            parent, QCoreApplication.translate("MainWindow", "Change not confirmed"), text
        )

    def edit_title(self, edit: UnsavedEdit) -> str:
        if not edit.unconfirmed:
            return edit.label
        return arg(
            QCoreApplication.translate("MainWindow", "%1 (could not confirm whether it was saved)"),
            edit.label,
        )
