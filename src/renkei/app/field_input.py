"""Text typed by a person ("due=2026-12-03", "owner=Yuki Tanaka") → a task's domain values.

Names are resolved against a board snapshot (case-insensitively), dates are ISO
``YYYY-MM-DD`` only, and every value passes the same checks the store applies
(``renkei.domain.fields``), so a bad value is reported here, naming the field and the value,
before anything is written. Qt-free: the CLI uses it today, the CSV importer can tomorrow.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from renkei.domain import fields
from renkei.domain.commands import ValidationError
from renkei.domain.dates import NOT_IN_CALENDAR, parse_date
from renkei.domain.field_text import field_name
from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence, ValueRefused
from renkei.domain.model import Board, Person, Priority, RiskFlag
from renkei.store.board_store import utcnow

MAX_LISTED_NAMES = 30

_TRUE = frozenset({"true", "yes", "y", "1", "on"})
_FALSE = frozenset({"false", "no", "n", "0", "off"})


class FieldInputError(Sentence, ValueError):
    """A typed value that cannot become a field value; the message is for the user and names
    the field and the value (``typed``). ``reason``: a marked sentence (told in the person's
    language) or a plain text."""

    def __init__(self, field: str, typed: str | None, reason: object):
        self.field = field
        self.typed = typed
        self.reason = reason
        where = field if typed is None else f"{field}={typed}"
        super().__init__(QT_TRANSLATE_NOOP("Refusal", "%1: %2"), where, reason)


@dataclass(frozen=True, slots=True)
class InputField:
    """A field as people type it: its name, the task attribute it sets, how text is read,
    and whether an empty value clears it."""

    name: str
    attribute: str
    parse: Callable[[_Reader, str], Any]
    clearable: bool = True
    help: str = ""
    # What an empty value is told when the field cannot be cleared, a marked sentence whose %1
    # lists the choices (default: "X cannot be empty").
    required: str = ""


class _Reader:
    """Reads one value against one board, for one actor at one moment (the flag needs both)."""

    def __init__(self, board: Board, actor_id: int | None, now: datetime):
        self.board = board
        self.actor_id = actor_id
        self.now = now

    def text(self, text: str) -> str:
        return text

    def status(self, text: str) -> int:
        found = self.board.find_status(text)
        if found is None:
            names = [s.name for s in self.board.ordered_statuses()]
            raise ValueRefused(
                QT_TRANSLATE_NOOP("Refusal", "no column called %1 on this board (%2)"),
                repr(text.strip()),
                listing(names),
            )
        return found.id

    def team(self, text: str) -> int:
        found = self.board.find_team(text)
        if found is None:
            names = [t.name for t in self.board.ordered_teams()]
            raise ValueRefused(
                QT_TRANSLATE_NOOP("Refusal", "no team called %1 on this board (%2)"),
                repr(text.strip()),
                listing(names),
            )
        return found.id

    def person(self, text: str) -> int:
        found = self.board.find_person(text)
        if found is None:
            raise ValueRefused(
                QT_TRANSLATE_NOOP("Refusal", "nobody called %1 on this board (%2)"),
                repr(text.strip()),
                listing(person_names(self.board)),
            )
        return found.id

    def project(self, text: str) -> int:
        found = self.board.find_project(text)
        if found is None:
            names = sorted(p.name for p in self.board.projects.values())
            raise ValueRefused(
                QT_TRANSLATE_NOOP("Refusal", "no project called %1 on this board (%2)"),
                repr(text.strip()),
                listing(names),
            )
        return found.id

    def priority(self, text: str) -> Priority:
        return Priority.parse(text)

    def date(self, text: str) -> date:
        return parse_iso_date(text)

    def progress(self, text: str) -> int:
        raw = _narrow(text).removesuffix("%").strip()
        if not re.fullmatch(r"[+-]?[0-9]+", raw):
            raise ValueRefused(
                QT_TRANSLATE_NOOP("Refusal", "progress is a whole number from 0 to 100")
            )
        return int(raw)

    def hours(self, text: str) -> float:
        raw = _narrow(text).lower().removesuffix("h").strip()
        try:
            return float(raw)
        except ValueError:
            raise ValueRefused(
                QT_TRANSLATE_NOOP("Refusal", "the estimate is a number of hours, such as 4 or 2.5")
            ) from None

    def tags(self, text: str) -> tuple[str, ...]:
        return tuple(tag.strip() for tag in fields.split_tags(text) if tag.strip())

    def task_ids(self, text: str) -> tuple[int, ...]:
        ids: list[int] = []
        for part in _narrow(text).split(","):
            part = part.strip().removeprefix("#")
            if not part:
                continue
            if not re.fullmatch("[0-9]+", part):
                raise ValueRefused(
                    QT_TRANSLATE_NOOP("Refusal", "%1 is not a task id (use ids such as 12,15)"),
                    repr(part),
                )
            task_id = int(part)
            if task_id not in self.board.tasks:
                raise ValueRefused(
                    QT_TRANSLATE_NOOP("Refusal", "there is no task %1 on this board"), task_id
                )
            ids.append(task_id)
        return tuple(ids)

    def boolean(self, text: str) -> bool:
        word = _narrow(text).lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise ValueRefused(QT_TRANSLATE_NOOP("Refusal", "use true or false"))

    def flag(self, text: str) -> RiskFlag:
        return RiskFlag(reason=text.strip(), set_by=self.actor_id, set_at=self.now)


TASK_FIELDS: Mapping[str, InputField] = {
    f.name: f
    for f in (
        InputField("title", "title", _Reader.text, clearable=False, help="text"),
        InputField("description", "description", _Reader.text, help="text"),
        InputField("status", "status_id", _Reader.status, clearable=False, help="column name"),
        # `task add` needs a team, so `task set` cannot take it away: the lanes, the handoff
        # analysis and the standup all group work by team.
        InputField(
            "team",
            "team_id",
            _Reader.team,
            clearable=False,
            help="team name",
            required=QT_TRANSLATE_NOOP(
                "Refusal", "a task needs a team; name another team to move it (%1)"
            ),
        ),
        InputField("owner", "owner_id", _Reader.person, help="person's name"),
        InputField("project", "project_id", _Reader.project, help="project name"),
        InputField(
            "priority",
            "priority",
            _Reader.priority,
            clearable=False,
            help="low, normal, high or urgent",
        ),
        InputField("start", "start", _Reader.date, help="YYYY-MM-DD"),
        InputField("due", "due", _Reader.date, help="YYYY-MM-DD"),
        InputField("progress", "progress", _Reader.progress, clearable=False, help="0-100"),
        InputField("estimate", "estimate_hours", _Reader.hours, help="hours"),
        InputField("tags", "tags", _Reader.tags, help="comma-separated"),
        InputField("depends_on", "depends_on", _Reader.task_ids, help="comma-separated task ids"),
        InputField("archived", "archived", _Reader.boolean, clearable=False, help="true or false"),
        InputField("flag", "flag", _Reader.flag, help="why the task is at risk; empty clears"),
    )
}

# Other spellings people reach for: the stored attribute names, and a hyphen for the underscore.
ALIASES: Mapping[str, str] = {
    **{f.attribute: f.name for f in TASK_FIELDS.values() if f.attribute != f.name},
    "depends-on": "depends_on",
}

_EMPTY: Mapping[str, Any] = {"description": "", "tags": (), "depends_on": ()}


def field_names() -> list[str]:
    return list(TASK_FIELDS)


def field_help() -> str:
    """``title (text), status (column name), …`` for help texts."""
    return ", ".join(f"{f.name} ({f.help})" for f in TASK_FIELDS.values())


def _narrow(text: str) -> str:
    """Full-width digits and signs, as a Japanese input method types them, read as ASCII."""
    return unicodedata.normalize("NFKC", text).strip()


def lookup_field(name: str) -> InputField:
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    found = TASK_FIELDS.get(key)
    if found is None:
        raise FieldInputError(
            name.strip() or "(empty)",
            None,
            Sentence(
                QT_TRANSLATE_NOOP("Refusal", "unknown field (fields: %1)"), ", ".join(TASK_FIELDS)
            ),
        )
    return found


def parse_iso_date(text: str) -> date:
    """A calendar date written YYYY-MM-DD (full-width digits from a Japanese IME accepted)."""
    try:
        return parse_date(_narrow(text))
    except ValueRefused as error:  # the field and the text are named before the reason
        if error.text == NOT_IN_CALENDAR:
            raise ValueRefused(
                QT_TRANSLATE_NOOP("Refusal", "not a date in the calendar (use YYYY-MM-DD)")
            ) from None
        raise ValueRefused(QT_TRANSLATE_NOOP("Refusal", "not a date (use YYYY-MM-DD)")) from None


def parse_value(
    board: Board,
    name: str,
    text: str,
    *,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> tuple[str, Any]:
    """One field's typed text → ``(task attribute, value)``, checked like the store checks it.

    An empty (or blank) value clears an optional field: no owner, no due date, no tags."""
    spec = lookup_field(name)
    if not text.strip():
        if not spec.clearable:
            if spec.required:
                teams = [t.name for t in board.ordered_teams()]
                raise FieldInputError(spec.name, text, Sentence(spec.required, listing(teams)))
            raise FieldInputError(
                spec.name,
                text,
                Sentence(
                    QT_TRANSLATE_NOOP("Refusal", "%1 cannot be empty"), field_name(spec.attribute)
                ),
            )
        return spec.attribute, _EMPTY.get(spec.attribute)
    reader = _Reader(board, actor_id, now or utcnow())
    try:
        value = spec.parse(reader, text)
        value = fields.check_value("task", spec.attribute, value)
    except (ValueError, ValidationError) as error:
        raise FieldInputError(spec.name, text, error) from None
    return spec.attribute, value


def split_assignment(text: str) -> tuple[str, str]:
    """``"due=2026-12-03"`` → ``("due", "2026-12-03")``; the value may itself hold '='."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise FieldInputError(
            text,
            None,
            Sentence(
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "not field=value (e.g. due=2026-12-03; an empty value clears: owner=)",
                )
            ),
        )
    return name.strip(), value


def parse_assignments(
    board: Board,
    assignments: Iterable[str],
    *,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """``["due=2026-12-03", "owner=Ryo Ito"]`` → ``{"due": date(...), "owner_id": 8}``, ready
    for ``commands.set_task(task, **changes)``. A field given twice is an error, not a guess."""
    pairs = [split_assignment(a) for a in assignments]
    return parse_pairs(board, pairs, actor_id=actor_id, now=now)


def parse_pairs(
    board: Board,
    pairs: Iterable[tuple[str, str]],
    *,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The same for (field, text) pairs, e.g. CLI options or a CSV row's columns."""
    now = now or utcnow()
    changes: dict[str, Any] = {}
    for name, text in pairs:
        attribute, value = parse_value(board, name, text, actor_id=actor_id, now=now)
        if attribute in changes:
            raise FieldInputError(
                lookup_field(name).name,
                text,
                Sentence(QT_TRANSLATE_NOOP("Refusal", "this field is given twice")),
            )
        changes[attribute] = value
    return changes


def people_in_order(board: Board) -> list[Person]:
    """Everyone on the board, team by team in the board's team order; no team last."""
    order: dict[int | None, int] = {t.id: i for i, t in enumerate(board.ordered_teams())}
    return sorted(board.people.values(), key=lambda p: (order.get(p.team_id, len(order)), p.id))


def person_names(board: Board) -> list[str]:
    return [p.name for p in people_in_order(board)]


def listing(names: list[str]) -> Sentence:
    """ "one of: A, B, C" (at most 30 names), for messages that tell people what exists: a
    sentence to give as a value of another (``str`` is the English)."""
    if not names:
        return Sentence(QT_TRANSLATE_NOOP("Refusal", "there are none yet"))
    shown = ", ".join(names[:MAX_LISTED_NAMES])
    more = len(names) - MAX_LISTED_NAMES
    if more > 0:
        return Sentence(QT_TRANSLATE_NOOP("Refusal", "one of: %1 and %2 more"), shown, more)
    return Sentence(QT_TRANSLATE_NOOP("Refusal", "one of: %1"), shown)
