"""One road for every write the window makes (Anki's ``CollectionOp`` is the model).

``run_operation(parent, session, commands, label)`` applies the commands through the session
in one transaction and returns the ``Change`` (None when nothing was saved). What can go
wrong is handled here, once:

- the login may only read the board: say why, try nothing;
- a conflict — someone changed the same field since it was shown, or moved the card being
  dragged: offer the choice, keep theirs or replace it with mine;
- a refusal — a rule, or the server, said no: say why;
- a lost connection, or a board a colleague kept locked longer than we wait: say NOT saved
  (or "could not confirm"), keep the edit in the unsaved list for a Retry, and tell the sync
  driver so the status bar says Reconnecting;
- a long one: a progress dialog that can cancel (the transaction then rolls back).

A dialog that shows trouble in its own form (the task editor, the identity picker, the
template editor, the import) passes ``on_failure``: it receives the ``OperationFailure``
instead of a message box and keeps its form for another try.

What all writes to one open board share — the unsaved list, the read-only reason, the
message boxes (``prompts``, the seams tests replace) — lives in ``BoardWrites.of(session)``
(ui/board_writes.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from renkei.app.errors import (
    CommandError,
    ConflictError,
    CouldNotConfirm,
    is_connection_lost,
    new_change_id,
    plain_reason,
)
from renkei.app.session import BoardSession
from renkei.domain.commands import Change, Command, SetFields
from renkei.i18n import arg
from renkei.i18n.words import error_text
from renkei.ui.board_writes import BoardWrites, OperationPrompts, UnsavedEdit
from renkei.ui.change_words import fill, subject
from renkei.ui.text import field_label, value_text

__all__ = [
    "BoardWrites",
    "Failure",
    "Operation",
    "OperationFailure",
    "OperationPrompts",
    "UnsavedEdit",
    "classify",
    "retry_unsaved",
    "run_operation",
]

T = TypeVar("T")
Progress = Callable[[int, int], Any]
# From this many commands on, a write shows its progress (an import has its own).
LONG_OPERATION = 200


class Failure(Enum):
    READ_ONLY = "read_only"  # this login may only read: nothing was tried
    CONFLICT = "conflict"  # someone changed the same field meanwhile: nothing was saved
    REFUSED = "refused"  # a rule or the server said no: nothing was saved
    LOST = "lost"  # the board could not be reached, or stayed locked: NOT saved
    UNCONFIRMED = "unconfirmed"  # an error at commit: saved or not, nobody can tell yet


@dataclass(frozen=True, slots=True)
class OperationFailure:
    """Why an operation saved nothing, classified once; ``reason`` is in plain words."""

    kind: Failure
    reason: str
    error: BaseException | None = None

    @property
    def conflicts(self) -> tuple[tuple[str, Any, Any], ...]:
        """(field, value stored now, value this edit wanted), for a conflict."""
        return self.error.conflicts if isinstance(self.error, ConflictError) else ()


def classify(error: BaseException) -> OperationFailure | None:
    """What an exception from a write means for the person; None: a bug, not ours to hide."""
    if isinstance(error, ConflictError):
        return OperationFailure(Failure.CONFLICT, error_text(error), error)
    if isinstance(error, CommandError):  # a server's refusal (NotAllowed) included
        return OperationFailure(Failure.REFUSED, error_text(error), error)
    if isinstance(error, CouldNotConfirm):
        return OperationFailure(Failure.UNCONFIRMED, plain_reason(error), error)
    if is_connection_lost(error):
        return OperationFailure(Failure.LOST, plain_reason(error), error)
    return None


class _Cancelled(Exception):
    """The person cancelled a long write: its transaction rolls back."""


class ProgressDialog:
    """A QProgressDialog as a write's progress callback: True means cancel."""

    def __init__(self, parent: QWidget | None, label: str, cancel: str):
        self.dialog = QProgressDialog(label, cancel, 0, 100, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)

    def __call__(self, done: int, total: int) -> bool:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))
        QApplication.processEvents()
        return self.dialog.wasCanceled()

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


class Operation:
    """One write: ``apply(commands)`` → the Change, or None when nothing was saved (and the
    person was told why, or ``on_failure`` was). ``keep``: an edit lost with the connection
    waits in the unsaved list (off for a dialog that keeps its own form)."""

    def __init__(
        self,
        parent: QWidget | None,
        session: BoardSession,
        label: str,
        *,
        on_failure: Callable[[OperationFailure], None] | None = None,
        keep: bool = True,
        progress: Progress | None = None,
    ):
        self.parent = parent
        self.session = session
        self.label = label
        self.on_failure = on_failure
        self.keep = keep and on_failure is None
        self.progress = progress
        self.writes = BoardWrites.of(session)

    def apply(
        self,
        commands: Command | Sequence[Command],
        *,
        change_id: str | None = None,
        unconfirmed: bool = False,
        ask_on_conflict: bool = True,
    ) -> Change | None:
        batch = [commands] if not isinstance(commands, Sequence) else list(commands)

        def work(change_id: str, progress: Progress | None) -> Change:
            report = _cancelling(progress) if progress is not None else None
            return self.session.apply_all(batch, self.label, report, change_id=change_id)

        return self.run(
            work,
            batch,
            change_id=change_id,
            unconfirmed=unconfirmed,
            ask_on_conflict=ask_on_conflict,
        )

    def run(
        self,
        work: Callable[[str, Progress | None], T],
        commands: Sequence[Command] = (),
        *,
        change_id: str | None = None,
        unconfirmed: bool = False,
        ask_on_conflict: bool = True,
    ) -> T | None:
        """``work(change_id, progress)`` does the write (an import passes its own); what it
        returns is returned; its failures are handled as for commands."""
        read_only = self.writes.read_only
        if read_only:
            self._fail(OperationFailure(Failure.READ_ONLY, read_only))
            return None
        change_id = change_id or new_change_id()
        shown = None
        progress = self.progress
        if progress is None and len(commands) >= LONG_OPERATION:
            shown = ProgressDialog(
                self.parent,
                arg(QCoreApplication.translate("Operation", "Saving “%1”…"), self.label),
                QCoreApplication.translate("Operation", "Cancel"),
            )
            progress = shown
        try:
            result = work(change_id, progress)
        except _Cancelled:
            return None
        except Exception as error:
            failure = classify(error)
            if failure is None:
                raise
            return self._failed(failure, commands, change_id, unconfirmed, ask_on_conflict)
        finally:
            if shown is not None:
                shown.close()
        if getattr(result, "already_saved", False):
            self.writes.announced.emit(
                arg(
                    QCoreApplication.translate(
                        "MainWindow", "“%1” had been saved already; it was not made twice."
                    ),
                    self.label,
                )
            )
        return result

    # -- when it went wrong ---------------------------------------------------------------

    def _fail(self, failure: OperationFailure) -> None:
        if self.on_failure is not None:
            self.on_failure(failure)
        else:
            self.writes.prompts.warn(
                self.parent, QCoreApplication.translate("MainWindow", "Not saved"), failure.reason
            )

    def _failed(
        self,
        failure: OperationFailure,
        commands: Sequence[Command],
        change_id: str,
        unconfirmed: bool,
        ask_on_conflict: bool,
    ):
        if failure.kind in (Failure.LOST, Failure.UNCONFIRMED):
            assert failure.error is not None
            if self.on_failure is not None:
                self.writes.connectionLost.emit(failure.error)
                self.on_failure(failure)
                return None
            self.writes.lost(
                self.parent,
                self.label,
                commands,
                failure.error,
                keep=self.keep,
                change_id=change_id,
                unconfirmed=unconfirmed,
            )
            return None
        if failure.kind is Failure.CONFLICT and self.on_failure is None:
            return self._conflict(failure, commands, ask_on_conflict)
        self._fail(failure)
        return None

    def _conflict(
        self, failure: OperationFailure, commands: Sequence[Command], ask: bool
    ) -> Change | None:
        """Show their version behind the question; replace it with mine only when asked to."""
        error = failure.error
        assert isinstance(error, ConflictError)
        question = self._conflict_text(error)  # the task named as the person last saw it
        self._quietly(self.session.pull)
        if ask and commands:
            if self.writes.prompts.ask_replace_theirs(self.parent, question):
                return self.apply(rebased(commands, error), ask_on_conflict=False)
        else:  # asked already (changed yet again since), or nothing to base a choice on
            self.writes.prompts.warn(
                self.parent,
                QCoreApplication.translate("MainWindow", "Not saved"),
                QCoreApplication.translate(
                    "Operation",
                    "It was changed again meanwhile; your change was not saved and the board "
                    "shows the latest version.",
                ),
            )
        self._quietly(self.session.reload)
        return None

    def _conflict_text(self, error: ConflictError) -> str:
        board = self.session.board
        lines = "\n".join(
            fill(
                QCoreApplication.translate("Operation", "• %1: now “%2”; yours “%3”"),
                field_label(name),
                value_text(board, name, stored),
                value_text(board, name, wanted),
            )
            for name, stored, wanted in error.conflicts
        )
        return fill(
            QCoreApplication.translate(
                "Operation",
                "Someone else changed %1 since you last saw it:\n\n%2\n\nKeep their version, "
                "or replace it with yours?",
            ),
            subject(board, error.entity, error.entity_id),
            lines,
        )

    def _quietly(self, read: Callable[[], object]) -> None:
        """A read after a failed write: when it cannot reach the board either, the sync
        driver is told and the window keeps what it shows."""
        try:
            read()
        except Exception as error:
            if not is_connection_lost(error):
                raise
            self.writes.connectionLost.emit(error)


def rebased(commands: Sequence[Command], error: ConflictError) -> list[Command]:
    """The same edit, based on the values stored now for the fields that clashed: the
    person saw both and chose theirs to be replaced."""
    stored = {name: value for name, value, _wanted in error.conflicts}
    result: list[Command] = []
    for command in commands:
        if (
            isinstance(command, SetFields)
            and command.entity == error.entity
            and command.entity_id == error.entity_id
        ):
            base = dict(command.base or ())
            base.update({name: value for name, value in stored.items() if name in base})
            command = dataclasses.replace(command, base=tuple(base.items()))
        result.append(command)
    return result


def _cancelling(progress: Progress) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        if progress(done, total) is True:
            raise _Cancelled()

    return report


def retry_unsaved(parent: QWidget | None, session: BoardSession) -> None:
    """Try the kept edits again, oldest first, each with its first try's change id (one
    that was saved after all is not applied twice); each is checked against the board as
    it is now, so a field someone changed meanwhile is asked about, not overwritten."""
    writes = BoardWrites.of(session)
    pending, writes.unsaved = writes.unsaved, []
    for index, edit in enumerate(pending):
        before = len(writes.unsaved)
        retried = Operation(parent, session, edit.label).apply(
            list(edit.commands), change_id=edit.change_id or None, unconfirmed=edit.unconfirmed
        )
        if retried is None and len(writes.unsaved) > before:
            # Lost again: the operation kept this one; keep the rest, in order, behind it.
            writes.unsaved.extend(pending[index + 1 :])
            break
    writes.unsavedChanged.emit()


def run_operation(
    parent: QWidget | None,
    session: BoardSession,
    commands: Command | Sequence[Command],
    label: str,
    *,
    change_id: str | None = None,
    unconfirmed: bool = False,
    on_failure: Callable[[OperationFailure], None] | None = None,
    keep: bool = True,
    progress: Progress | None = None,
) -> Change | None:
    """Apply ``commands`` as one edit named ``label``; the Change, or None when nothing was
    saved (see the module's docstring for what is handled, and how)."""
    return Operation(
        parent, session, label, on_failure=on_failure, keep=keep, progress=progress
    ).apply(commands, change_id=change_id, unconfirmed=unconfirmed)
