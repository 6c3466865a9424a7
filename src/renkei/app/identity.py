"""Who is making a change: the name given for this call, else the one remembered for this
board on this machine (LocalSettings, never the shared board), else nobody.

Every write is recorded under a person, so the audit trail can say who moved a deadline;
reading needs no identity."""

from __future__ import annotations

from renkei.app.field_input import listing, person_names
from renkei.app.settings import LocalSettings
from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence
from renkei.domain.model import Board, Person


class IdentityError(Sentence):
    """The actor cannot be determined; the message (a marked sentence) says how to fix it."""


def who_am_i(
    board: Board,
    location: str,
    as_name: str | None = None,
    settings: LocalSettings | None = None,
) -> Person | None:
    """The person acting on the board at ``location``.

    A name given explicitly must be on the board (IdentityError listing who is). A remembered
    name that is no longer on the board (renamed, or another board at the same path) counts as
    no identity rather than an error: it was not typed just now."""
    if as_name is not None and as_name.strip():
        person = board.find_person(as_name)
        if person is None:
            raise IdentityError(
                QT_TRANSLATE_NOOP("Refusal", "nobody called %1 on this board (%2)"),
                repr(as_name.strip()),
                listing(person_names(board)),
            )
        return person
    settings = settings if settings is not None else LocalSettings.load()
    remembered = settings.identity(location)
    return board.find_person(remembered) if remembered else None


def require_actor(
    board: Board,
    location: str,
    as_name: str | None = None,
    settings: LocalSettings | None = None,
) -> Person:
    """Like ``who_am_i``, but nobody is an error: a change must be signed."""
    person = who_am_i(board, location, as_name, settings)
    if person is None:
        raise IdentityError(
            QT_TRANSLATE_NOOP("Refusal", "Say who you are with --as NAME (%1)"),
            listing(person_names(board)),
        )
    return person


def remember(location: str, person: Person, settings: LocalSettings | None = None) -> None:
    """Remember on this machine who I am on the board at ``location``."""
    settings = settings if settings is not None else LocalSettings.load()
    settings.set_identity(location, person.name)
    settings.save()
