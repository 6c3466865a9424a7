"""The board a command works on: opening it (with the notes a shared place needs), its
session, signing writes, and the words every command shares (``out``, ``note``, ``CliError``)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from renkei.app.board_files import BoardStore
from renkei.app.errors import BoardRefused, StorageError
from renkei.app.identity import require_actor
from renkei.app.opening import (
    conflict_copies_of,
    conflict_warning,
    open_store,
)
from renkei.app.places import where
from renkei.app.session import BoardSession
from renkei.app.settings import LocalSettings
from renkei.cli import passwords
from renkei.cli.words import Cli, arg, error_text, japanese
from renkei.domain.commands import Change


class CliError(Exception):
    """An expected failure of a command; printed as ``renkei: <message>``, exit status 1."""


def out(text: str = "") -> None:
    print(text, file=sys.stdout)


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- opening -------------------------------------------------------------------------------


def open_board(target: str | None, settings: LocalSettings | None = None) -> BoardStore:
    """The board named by --board, else the default board chosen in Preferences, else the
    built-in one (made with the demo on first run).

    A path that does not exist is refused rather than created: a typo must not silently make
    an empty board. Only `demo` creates boards at a given path. A default board that cannot
    be opened is an error, not a quiet switch to another board: a script's writes must not
    land on a board nobody named."""
    if not target:
        chosen = (settings or LocalSettings.load()).default_board
        if chosen:
            try:
                store = _open_named(chosen)
            except (BoardRefused, StorageError) as error:
                raise CliError(
                    arg(
                        Cli.tr(
                            "cannot open your default board %1 (set in Edit → Preferences): %2. "
                            "Give --board, or choose another default board in Preferences."
                        ),
                        chosen,
                        error_text(error).rstrip(".。"),
                    )
                ) from None
            _warn_conflict_copies(store)
            _note_location(store, settings)
            return store
    store = _open_named(target) if target else open_store(target, create=False)
    _warn_conflict_copies(store)
    _note_location(store, settings)
    return store


def _open_named(target: str) -> BoardStore:
    """A board someone named; a server asks for its password (keyring, terminal) if needed."""
    if passwords.is_server(target):
        return passwords.open_server_store(target, passwords.terminal_prompt(), create=False)
    return open_store(target, create=False)


def _warn_conflict_copies(store: BoardStore) -> None:
    copies = conflict_copies_of(store)
    if copies:
        note("renkei: " + arg(Cli.tr("warning: %1"), error_text(conflict_warning(copies))))


QUIET_LOCATION = "RENKEI_QUIET_LOCATION"
_locations_noted: set[str] = set()  # once per command, even if it opens the board twice


def _note_location(store: BoardStore, settings: LocalSettings | None) -> None:
    """One line on stderr when the board is on a network share or in a synced folder: what
    that place means for the team (silenced by RENKEI_QUIET_LOCATION=1 or the setting)."""
    if store.location in _locations_noted or os.environ.get(QUIET_LOCATION, "") not in ("", "0"):
        return
    place = where(store.location)
    if not place.shared or (settings or LocalSettings.load()).quiet_location:
        return
    _locations_noted.add(store.location)
    headline, meaning = (
        (error_text(place.said_headline()), error_text(place.said_meaning()))
        if japanese()
        else (place.headline(), place.meaning())
    )
    note(
        "renkei: "
        + arg(
            Cli.tr("%1 is %2: %3 (set %4=1 to stop this note)"),
            Path(store.location).name,
            headline,
            meaning,
            QUIET_LOCATION,
        )
    )


@contextmanager
def board_session(args: argparse.Namespace) -> Iterator[BoardSession]:
    """The board's session, judging risk with the thresholds chosen in Preferences (the
    same as the window's, so `tasks --at-risk` and the PDF agree with the screen)."""
    settings = LocalSettings.load()
    store = open_board(args.board, settings)
    try:
        yield BoardSession(store, None, thresholds=settings.risk_thresholds())
    finally:
        store.dispose()


def sign_in(session: BoardSession, as_name: str | None) -> None:
    """Writes are signed: on a server board whose people are linked to login roles, by the
    person the server says you are (a different --as is refused when saving); else --as
    NAME, else the identity remembered for this board."""
    linked = session.store.server_person()
    if linked is not None and not (as_name and as_name.strip()):
        session.set_actor(linked)
        return
    person = require_actor(session.board, session.store.location, as_name)
    session.set_actor(person.id)


def saved_already(args: argparse.Namespace, change: Change) -> bool:
    """True, said on stderr, when an earlier run with the same --change-id saved this change:
    nothing was applied again (exit 0: the change is saved)."""
    if not change.already_saved:
        return False
    _say_saved_already(args.change_id, change.revision)
    return True


def saved_before(args: argparse.Namespace, session: BoardSession) -> bool:
    """True, said on stderr, when the --change-id given is on the board already. Asked before
    a command is built: a handoff sent by the first run would otherwise be refused ("already
    waiting") by the retry instead of reported as saved. (The write checks again, inside its
    transaction, for runs that race.)"""
    if not getattr(args, "change_id_given", False):
        return False
    revision = session.store.saved_revision(args.change_id)
    if revision is None:
        return False
    _say_saved_already(args.change_id, revision)
    return True


def _say_saved_already(change_id: str, revision: int) -> None:
    text = Cli.tr(
        "this change (id %1) was saved already, at revision %2; it was not applied again."
    )
    note("renkei: " + arg(text, change_id, revision))


def task_or_fail(session: BoardSession, task_id: int):
    task = session.board.tasks.get(task_id)
    if task is None:
        raise CliError(arg(Cli.tr("There is no task %1 on this board."), task_id))
    return task


