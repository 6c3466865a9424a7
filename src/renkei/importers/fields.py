"""Reading values out of foreign data with messages that name the place they came from."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from renkei.domain.fields import MAX_TAG, MAX_TAGS, MAX_TITLE, text_problem
from renkei.importers.model import MAX_NAME, MAX_TEXT, ImportProblem

_KINDS = {str: "text", bool: "true or false", list: "a list", dict: "an object"}


def kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def get(obj: dict, key: str, kind: type, where: str, *, required: bool = False) -> Any:
    """``obj[key]`` when it has the expected JSON type; None when absent/null and optional."""
    value = obj.get(key)
    if value is None:
        if required:
            raise ImportProblem(f"{where}: the field {key!r} is missing.")
        return None
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ImportProblem(
            f"{where}: the field {key!r} should be {_KINDS.get(kind, kind.__name__)}, "
            f"but it is {kind_of(value)}."
        )
    return value


def id_list(obj: dict, key: str, where: str) -> list[str]:
    """A list of ids (``idMembers``, ``idLabels``): each one text, or the file is refused."""
    values = get(obj, key, list, where) or []
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise ImportProblem(
                f"{where}: the field {key!r} should list ids (text), but its item {i + 1} is "
                f"{kind_of(value)}."
            )
    return values


def text(
    value: str, where: str, field: str, limit: int = MAX_TEXT, *, multiline: bool = True
) -> str:
    problem = text_problem(value, multiline)
    if problem is not None:
        raise ImportProblem(f"{where}: {field} {problem}.")
    if len(value) > limit:
        raise ImportProblem(
            f"{where}: {field} is {len(value):,} characters long; at most {limit:,} can be "
            "imported."
        )
    return value


def name(value: str, where: str, field: str) -> str:
    """A one-line name: line breaks and tabs become spaces; other control characters (which
    ``str.split`` would also take for spaces) are refused."""
    text(value, where, field, len(value), multiline=True)
    return text(" ".join(value.split()), where, field, MAX_NAME, multiline=False)


def title_and_rest(value: str, where: str) -> tuple[str, str]:
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


def iso_moment(value: str, where: str, field: str) -> datetime:
    """``2022-12-10T19:09:17.019Z`` → naive UTC."""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ImportProblem(f"{where}: {field} {value[:40]!r} is not a date and time.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return utc_naive(moment)


def local_day(moment_utc: datetime) -> date:
    """The day a UTC moment falls on here (a Trello due date at 00:00 JST is the 12th in
    Tokyo, the 11th in UTC)."""
    return moment_utc.replace(tzinfo=UTC).astimezone().date()


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def iso_day_or_moment(value: str, where: str, field: str) -> date:
    value = value.strip()
    if _ISO_DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ImportProblem(f"{where}: {field} {value!r} is not a real date.") from None
    return local_day(iso_moment(value, where, field))
