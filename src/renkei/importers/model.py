"""What an import reads, as plain frozen data, whatever the file it came from."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Listed, Marked, Sentence
from renkei.domain.model import Priority

# Beyond this, a file is refused before it is read (a real Trello board with 5,000 cards and
# its actions, or a 100,000-row Jira CSV, stays well under it).
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_FILE_TEXT = "64 MB"
# A single text field of an import beyond these is not a real export (Trello caps a card's
# name and description at 16,384 characters).
MAX_TEXT = 20_000
MAX_NAME = 100

Progress = Callable[[int, int], None]


class ImportProblem(Sentence):
    """The file cannot be imported; the message says what is wrong and where (line, card,
    column) in words a team lead understands. Nothing was written.

    A marked sentence (``renkei.domain.i18n.Sentence``, context "Import"): ``str`` is the
    English, ``said(translate)`` the person's language; its places and words are ``said``."""

    context = "Import"


def said(text: str, *values: object) -> Marked:
    """A part of an import's sentence that is a value of another: a place in the file ("row
    12", "card 3 ('Call Minato')"), a field ("the title"), a kind of value ("an object"),
    marked in the context "Import". ``str`` is the English; inside an ``ImportProblem`` it is
    told in the sentence's language."""
    return Marked("Import", text, values)


Place = str | Marked  # where an item came from, for messages

# A note of an import: a warning ("row 12: only the first 20 labels were kept.") or what the
# file held that the import could not use ("2 actions skipped: …"). A whole sentence, marked
# in the context "Import" (``said``): ``str`` is the English, ``told`` the person's.
Note = Marked

# Notes both importers write ("%1": the card or row).
TAGS_CUT = QT_TRANSLATE_NOOP("Import", "%1: only the first 20 labels were kept.")
START_LEFT_OUT = QT_TRANSLATE_NOOP(
    "Import", "%1: the start date is after the due date; start left out."
)


def listed(items: Sequence[object]) -> Listed:
    """Names as a value of a note, listed the language's way when the note is told."""
    return Listed(tuple(items))


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True, slots=True)
class ImportedColumn:
    """A Trello list or a distinct CSV status: mapped to one of the board's statuses."""

    key: str
    name: str
    closed: bool = False
    count: int = 0  # how many tasks are in it


@dataclass(frozen=True, slots=True)
class ImportedPerson:
    key: str
    name: str


@dataclass(frozen=True, slots=True)
class ImportedEvent:
    """One change in the source's history. ``kind`` is the board field it changed (status,
    owner, due, start, title, description, archived, tags) or ``comment`` / ``checklist``.
    For ``status``, old/new are column keys; for ``owner``, person keys."""

    at: datetime
    actor: str | None
    kind: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class ImportedTask:
    source_id: str | None  # "trello:<card id>", "jira:<key>"; None: cannot be matched again
    title: str
    column: str | None = None  # an ImportedColumn key
    description: str = ""
    owner: str | None = None  # an ImportedPerson key
    creator: str | None = None
    tags: tuple[str, ...] = ()
    start: date | None = None
    due: date | None = None
    archived: bool = False
    priority: Priority | None = None
    created_at: datetime | None = None
    team: str | None = None
    project: str | None = None
    progress: int | None = None
    estimate_hours: float | None = None
    events: tuple[ImportedEvent, ...] = ()
    where: Place = ""  # "card 'Call Minato'" / "row 12", for messages


@dataclass(frozen=True, slots=True)
class ImportPlan:
    source: str  # "Trello", "Jira CSV", "CSV"
    name: str  # the board's or file's name, for the summary
    columns: tuple[ImportedColumn, ...]
    people: tuple[ImportedPerson, ...]
    tasks: tuple[ImportedTask, ...]
    warnings: tuple[Note, ...] = field(default=())
    # Every list/column name the history mentions, by key, mapped or not (a deleted list).
    list_names: tuple[tuple[str, str], ...] = ()
    # What the file holds that the import cannot use, counted and said: never dropped silently
    # ("1 action skipped: updateCard with no data.").
    skipped: tuple[Note, ...] = ()

    def person(self, key: str | None) -> ImportedPerson | None:
        if key is None:
            return None
        for p in self.people:
            if p.key == key:
                return p
        return None


def counted(counts: Mapping[Place, int], one: str, many: str) -> tuple[Note, ...]:
    """``{said("%1 with no data", "updateCard"): 2}`` → the note "2 actions skipped:
    updateCard with no data.", most frequent first. ``one`` and ``many``: the marked sentence
    for a count of 1 and for any other, "%1" the count and "%2" the reason."""
    return tuple(
        said(one if n == 1 else many, f"{n:,}", reason)
        for reason, n in sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    )
