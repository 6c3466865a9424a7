"""Reading values out of foreign data with messages that name the place they came from."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from renkei.domain.fields import MAX_TAG, MAX_TAGS, MAX_TITLE, text_problem
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.importers.model import MAX_NAME, MAX_TEXT, ImportProblem, Place, said

_TEXT = said(QT_TRANSLATE_NOOP("Import", "text"))
_LIST = said(QT_TRANSLATE_NOOP("Import", "a list"))
_OBJECT = said(QT_TRANSLATE_NOOP("Import", "an object"))
_BOOL = said(QT_TRANSLATE_NOOP("Import", "true or false"))
_KINDS = {str: _TEXT, bool: _BOOL, list: _LIST, dict: _OBJECT}
# The fields the importers name in their problems, as their sentences say them.
_FIELDS = {
    field.text: field
    for field in (
        said(QT_TRANSLATE_NOOP("Import", "the title")),
        said(QT_TRANSLATE_NOOP("Import", "the text")),
        said(QT_TRANSLATE_NOOP("Import", "the key")),
        said(QT_TRANSLATE_NOOP("Import", "the status")),
        said(QT_TRANSLATE_NOOP("Import", "the name")),
        said(QT_TRANSLATE_NOOP("Import", "the description")),
        said(QT_TRANSLATE_NOOP("Import", "the description with its checklists")),
        said(QT_TRANSLATE_NOOP("Import", "the comment")),
        said(QT_TRANSLATE_NOOP("Import", "the board name")),
        said(QT_TRANSLATE_NOOP("Import", "the list name")),
        said(QT_TRANSLATE_NOOP("Import", "a checklist name")),
        said(QT_TRANSLATE_NOOP("Import", "a checklist item")),
        said(QT_TRANSLATE_NOOP("Import", "the item")),
        said(QT_TRANSLATE_NOOP("Import", "the date")),
        said(QT_TRANSLATE_NOOP("Import", "the due date")),
        said(QT_TRANSLATE_NOOP("Import", "the start date")),
    )
}


def field_word(field: Place) -> Place:
    """A field's name as the reader's language says it ("the title"); a file's own field
    name ("due") as it is."""
    return _FIELDS.get(field, field) if isinstance(field, str) else field


def kind_of(value: Any) -> Place:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return said(QT_TRANSLATE_NOOP("Import", "true/false"))
    if isinstance(value, int | float):
        return said(QT_TRANSLATE_NOOP("Import", "a number"))
    if isinstance(value, str):
        return _TEXT
    if isinstance(value, list):
        return _LIST
    if isinstance(value, dict):
        return _OBJECT
    return type(value).__name__


def get(obj: dict, key: str, kind: type, where: Place, *, required: bool = False) -> Any:
    """``obj[key]`` when it has the expected JSON type; None when absent/null and optional."""
    value = obj.get(key)
    if value is None:
        if required:
            missing = QT_TRANSLATE_NOOP("Import", "%1: the field %2 is missing.")
            raise ImportProblem(missing, where, repr(key))
        return None
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ImportProblem(
            QT_TRANSLATE_NOOP("Import", "%1: the field %2 should be %3, but it is %4."),
            where,
            repr(key),
            _KINDS.get(kind, kind.__name__),
            kind_of(value),
        )
    return value


def id_list(obj: dict, key: str, where: Place) -> list[str]:
    """A list of ids (``idMembers``, ``idLabels``): each one text, or the file is refused."""
    values = get(obj, key, list, where) or []
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise ImportProblem(
                QT_TRANSLATE_NOOP(
                    "Import", "%1: the field %2 should list ids (text), but its item %3 is %4."
                ),
                where,
                repr(key),
                i + 1,
                kind_of(value),
            )
    return values


def text(
    value: str, where: Place, field: Place, limit: int = MAX_TEXT, *, multiline: bool = True
) -> str:
    problem = text_problem(value, multiline)
    if problem is not None:
        # The problem's words come from the board's rules, in English.
        unfit = QT_TRANSLATE_NOOP("Import", "%1: %2 %3.")
        raise ImportProblem(unfit, where, field_word(field), problem)
    if len(value) > limit:
        raise ImportProblem(
            QT_TRANSLATE_NOOP(
                "Import", "%1: %2 is %3 characters long; at most %4 can be imported."
            ),
            where,
            field_word(field),
            f"{len(value):,}",
            f"{limit:,}",
        )
    return value


def name(value: str, where: Place, field: Place) -> str:
    """A one-line name: line breaks and tabs become spaces; other control characters (which
    ``str.split`` would also take for spaces) are refused."""
    text(value, where, field, len(value), multiline=True)
    return text(" ".join(value.split()), where, field, MAX_NAME, multiline=False)


def title_and_rest(value: str, where: Place) -> tuple[str, str]:
    """A title that fits the board (200 characters), and the full text when it did not."""
    value = text(value.strip(), where, "the title")
    single = text(" ".join(value.split()), where, "the title", multiline=False)
    if len(single) <= MAX_TITLE:
        return single, ""
    return single[: MAX_TITLE - 1].rstrip() + "…", value


def tags(values: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """Tags as the board keeps them (at most 20, each at most 40 characters); what was cut."""
    found: list[str] = []
    cut: list[str] = []
    for value in values:
        tag = " ".join(value.split())
        if not tag:
            continue
        if len(tag) > MAX_TAG:
            tag = tag[: MAX_TAG - 1] + "…"
        if tag in found:
            continue
        if len(found) == MAX_TAGS:
            cut.append(tag)
            continue
        found.append(tag)
    return tuple(found), cut


def utc_naive(moment: datetime) -> datetime:
    """The board stores naive UTC."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def iso_moment(value: str, where: Place, field: Place) -> datetime:
    """``2022-12-10T19:09:17.019Z`` → naive UTC."""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ImportProblem(
            QT_TRANSLATE_NOOP("Import", "%1: %2 %3 is not a date and time."),
            where,
            field_word(field),
            repr(value[:40]),
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return utc_naive(moment)


def local_day(moment_utc: datetime) -> date:
    """The day a UTC moment falls on here (a Trello due date at 00:00 JST is the 12th in
    Tokyo, the 11th in UTC)."""
    return moment_utc.replace(tzinfo=UTC).astimezone().date()


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def iso_day_or_moment(value: str, where: Place, field: Place) -> date:
    value = value.strip()
    if _ISO_DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ImportProblem(
                QT_TRANSLATE_NOOP("Import", "%1: %2 %3 is not a real date."),
                where,
                field_word(field),
                repr(value),
            ) from None
    return local_day(iso_moment(value, where, field))
