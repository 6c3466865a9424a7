"""Undo and redo in the main window: when someone else changed the same field since, undo
asks before replacing their value and redo refuses, naming who changed what. A lost
connection is reported by the operation's own words (the step stays on its stack). A part
of MainWindow: its session, its prompts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from renkei.app.errors import CommandError, ConflictError, is_connection_lost
from renkei.i18n import arg
from renkei.i18n.words import error_text
from renkei.ui.board_writes import BoardWrites
from renkei.ui.change_words import FieldClash, clash_lines, subject
from renkei.ui.text import field_label, value_text


class WindowUndo:
    """Undo and redo of the MainWindow it is mixed into."""

    def undo(self) -> None:
        """Undo the last edit; when someone changed the same field since, ask first."""
        label = self.session.undo_label()
        pending = self.session.pending_undo()

        def undo_asking() -> None:
            try:
                self.session.undo()
            except ConflictError as error:
                # Show their value behind the question, and base an override on it.
                self.session.pull()
                subject, clashes = self._undo_clashes(error)
                if self.ask_undo_anyway(self, subject, clashes):
                    self.session.undo_overriding()

        self._step(
            undo_asking,
            QCoreApplication.translate("MainWindow", "Cannot undo"),
            arg(QCoreApplication.translate("MainWindow", "Undo %1"), label),
            pending,
            # Changed yet again while the question was open: nothing undone, say so.
            lambda _error: QCoreApplication.translate(
                "MainWindow", "The task changed again meanwhile; nothing was undone."
            ),
        )

    def redo(self) -> None:
        label = self.session.redo_label()
        pending = self.session.pending_redo()
        # There is no redo_overriding in the session yet: refuse and explain.
        self._step(
            self.session.redo,
            QCoreApplication.translate("MainWindow", "Cannot redo"),
            arg(QCoreApplication.translate("MainWindow", "Redo %1"), label),
            pending,
            lambda error: arg(
                QCoreApplication.translate(
                    "MainWindow",
                    "Someone changed the same field since; redoing would overwrite their "
                    "change, so nothing was redone.\n\n%1",
                ),
                self._clash_text(*self._undo_clashes(error)),
            ),
        )

    def _step(
        self,
        step: Callable[[], object],
        title: str,
        label: str,
        pending,
        conflict_text: Callable[[ConflictError], str],
    ) -> None:
        try:
            step()
        except ConflictError as error:
            self.warn(self, title, conflict_text(error))
        except CommandError as error:
            self.warn(self, title, error_text(error))
        except Exception as error:
            if not is_connection_lost(error):
                raise
            BoardWrites.of(self.session).lost(self, label, list(pending), error)

    @classmethod
    def ask_undo_anyway(cls, parent, subject: str, clashes: list[FieldClash]) -> bool:
        """The seam tests replace: True to undo anyway, replacing their values."""
        text = arg(
            QCoreApplication.translate("MainWindow", "Since your edit, someone else changed %1:"),
            subject,
        )
        question = QCoreApplication.translate("MainWindow", "Undo anyway and replace their value?")
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("MainWindow", "Undo over someone else's change?"),
            f"{text}\n\n{clash_lines(clashes)}\n\n{question}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _clash_text(self, subject: str, clashes: list[FieldClash]) -> str:
        return f"{subject}\n{clash_lines(clashes)}"

    def _undo_clashes(self, error: ConflictError) -> tuple[str, list[FieldClash]]:
        """What an undo would overwrite, in words: the row's name and each field's values."""
        board = self.session.board
        changers = self._last_changers(error.entity, error.entity_id)
        clashes = [
            FieldClash(
                field_label(name),
                value_text(board, name, stored),
                value_text(board, name, wanted),
                changers.get(name, ""),
            )
            for name, stored, wanted in error.conflicts
        ]
        return subject(board, error.entity, error.entity_id), clashes

    def _last_changers(self, entity: str, entity_id: int) -> dict[str, str]:
        """Who last changed each field of a row (from the audit trail; {} if unreadable)."""
        try:
            history = self.session.store.history(entity, entity_id)
        except Exception as error:
            if not is_connection_lost(error):
                raise
            return {}
        people = self.session.board.people
        found: dict[str, str] = {}
        for row in history:  # oldest first: later rows overwrite
            person = people.get(row.actor_id) if row.actor_id is not None else None
            found[row.field] = person.name if person else ""
        return found
