"""Why the writer refuses a change, in marked sentences (``renkei.domain.i18n.Sentence``):
English by ``str``, the person's language by ``said``. A row is named by its kind and id
("task 7", "タスク7"); a kind without words of its own keeps its code."""

from __future__ import annotations

from renkei.domain.commands import NotFoundError, ValidationError
from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence

# A row named by its kind (or the field that refers to it) and its id.
ROW_WORDS = {
    "task": QT_TRANSLATE_NOOP("Refusal", "task %1"),
    "person": QT_TRANSLATE_NOOP("Refusal", "person %1"),
    "team": QT_TRANSLATE_NOOP("Refusal", "team %1"),
    "project": QT_TRANSLATE_NOOP("Refusal", "project %1"),
    "status": QT_TRANSLATE_NOOP("Refusal", "status %1"),
    "handoff": QT_TRANSLATE_NOOP("Refusal", "handoff %1"),
    "handoff_template": QT_TRANSLATE_NOOP("Refusal", "handoff template %1"),
    "standup": QT_TRANSLATE_NOOP("Refusal", "standup %1"),
    "owner": QT_TRANSLATE_NOOP("Refusal", "owner %1"),
    "sender": QT_TRANSLATE_NOOP("Refusal", "sender %1"),
    "receiver": QT_TRANSLATE_NOOP("Refusal", "receiver %1"),
    "sender_team": QT_TRANSLATE_NOOP("Refusal", "sender team %1"),
    "receiver_team": QT_TRANSLATE_NOOP("Refusal", "receiver team %1"),
}
# A kind of row, for "a team called … already exists".
KIND_WORDS = {
    "team": QT_TRANSLATE_NOOP("Refusal", "a team called %1 already exists"),
    "handoff_template": QT_TRANSLATE_NOOP("Refusal", "a handoff template called %1 already exists"),
}


def row(kind: str, row_id: object) -> object:
    """A row as a sentence names it: "task 7"."""
    text = ROW_WORDS.get(kind)
    return Sentence(text, row_id) if text else f"{kind.replace('_', ' ')} {row_id}"


def missing(kind: str, row_id: object) -> NotFoundError:
    return NotFoundError(QT_TRANSLATE_NOOP("Refusal", "%1 does not exist"), row(kind, row_id))


def missing_actor(person_id: object) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("Refusal", "person %1 (who is making this change) does not exist"),
        person_id,
    )


def missing_flagger(person_id: object) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("Refusal", "person %1 (who flagged the task) does not exist"),
        person_id,
    )


def missing_author(person_id: object) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("Refusal", "person %1 (who made this row) does not exist"), person_id
    )


def missing_changer(person_id: object) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("Refusal", "person %1 (who made this change) does not exist"),
        person_id,
    )


def not_created(key: str) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("Refusal", "no row %1 was created before it is used"), repr(key)
    )


def login_taken(login: str, name: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Refusal", "the login %1 is already linked to %2"), login, name
    )


def name_taken(kind: str, name: str) -> ValidationError:
    text = KIND_WORDS.get(kind)
    if text is None:
        return ValidationError(f"a {kind.replace('_', ' ')} called {name!r} already exists")
    return ValidationError(text, repr(name))


def unknown_kind(kind: str) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("Refusal", "unknown kind of record %1"), repr(kind))


def required(name: str) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("Refusal", "%1 is required"), name)


def due_before_start() -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("Refusal", "the due date is before the start date"))


def history_field() -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Refusal", "a history row names a field (at most 40 characters)")
    )


def loop() -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "Refusal", "this dependency would make a loop: the tasks would wait on each other"
        )
    )
