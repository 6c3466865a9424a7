"""What each entity's fields accept, and how a value is written into the audit trail."""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from renkei.domain.commands import ValidationError
from renkei.domain.model import Priority, RiskFlag

MAX_TITLE = 200
MAX_DESCRIPTION = 20_000
MAX_NAME = 100
MAX_TAGS = 20
MAX_TAG = 40


@dataclass(frozen=True, slots=True)
class FieldSpec:
    kind: str  # text, int, ref, float, date, bool, priority, tags, ids, flag
    required: bool = False
    max_len: int | None = None
    low: float | None = None
    high: float | None = None
    nullable: bool = False  # may hold "nothing" (no owner, no due date, no WIP limit)


TEXT = FieldSpec("text", max_len=MAX_NAME)
REF = FieldSpec("ref", nullable=True)

SPECS: Mapping[str, Mapping[str, FieldSpec]] = {
    "task": {
        "title": FieldSpec("text", required=True, max_len=MAX_TITLE),
        "description": FieldSpec("text", max_len=MAX_DESCRIPTION),
        "status_id": FieldSpec("ref", required=True),
        "team_id": REF,
        "owner_id": REF,
        "project_id": REF,
        "priority": FieldSpec("priority"),
        "start": FieldSpec("date", nullable=True),
        "due": FieldSpec("date", nullable=True),
        "progress": FieldSpec("int", low=0, high=100),
        "estimate_hours": FieldSpec("float", low=0, high=100_000, nullable=True),
        "tags": FieldSpec("tags"),
        "depends_on": FieldSpec("ids"),
        "archived": FieldSpec("bool"),
        "position": FieldSpec("float"),
        "flag": FieldSpec("flag", nullable=True),
    },
    "person": {
        "name": FieldSpec("text", required=True, max_len=MAX_NAME),
        "team_id": REF,
        "role": TEXT,
        "contact": FieldSpec("text", max_len=200),
    },
    "team": {
        "name": FieldSpec("text", required=True, max_len=60),
        "position": FieldSpec("int"),
    },
    "project": {"name": FieldSpec("text", required=True, max_len=MAX_NAME)},
    "status": {
        "name": FieldSpec("text", required=True, max_len=40),
        "position": FieldSpec("int"),
        "wip_limit": FieldSpec("int", low=1, high=10_000, nullable=True),
        "is_done": FieldSpec("bool"),
    },
}


def check_value(entity: str, name: str, value: Any) -> Any:
    """The value normalised (text stripped, tags de-duplicated), or ValidationError."""
    spec = SPECS.get(entity, {}).get(name)
    if spec is None:
        raise ValidationError(f"{entity} has no field {name!r}")
    if value is None or (spec.kind == "text" and isinstance(value, str) and not value.strip()):
        if spec.required:
            raise ValidationError(f"{name} is required")
        if spec.kind == "text":
            return ""
        if spec.kind in ("tags", "ids"):
            return ()
        if not spec.nullable:
            raise ValidationError(f"{name} cannot be empty")
        return None
    check = _CHECKS[spec.kind]
    return check(name, value, spec)


def _text(name: str, value: Any, spec: FieldSpec) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"{name} must be text")
    value = value.strip() if spec.max_len and spec.max_len <= MAX_TITLE else value
    if "\x00" in value:
        raise ValidationError(f"{name} contains a NUL character")
    if spec.max_len and len(value) > spec.max_len:
        raise ValidationError(
            f"{name} is too long ({len(value)} characters, at most {spec.max_len})"
        )
    return value


def _number(name: str, value: Any, spec: FieldSpec, kind: type) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(f"{name} must be a number")
    if not math.isfinite(value):
        raise ValidationError(f"{name} must be a finite number")
    if kind is int and value != int(value):
        raise ValidationError(f"{name} must be a whole number")
    value = kind(value)
    if spec.low is not None and value < spec.low or spec.high is not None and value > spec.high:
        raise ValidationError(f"{name} must be between {spec.low:g} and {spec.high:g}")
    return value


def _ref(name: str, value: Any, spec: FieldSpec) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{name} must be an id")
    return value


def _date(name: str, value: Any, spec: FieldSpec) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(f"{name} must be a date")
    return value


def _bool(name: str, value: Any, spec: FieldSpec) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"{name} must be true or false")
    return value


def _priority(name: str, value: Any, spec: FieldSpec) -> Priority:
    if isinstance(value, str):
        try:
            return Priority.parse(value)
        except ValueError as error:
            raise ValidationError(f"{name}: {error}") from None
    try:
        return Priority(value)
    except ValueError:
        raise ValidationError(f"{name}: unknown priority {value!r}") from None


def _tags(name: str, value: Any, spec: FieldSpec) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    tags: list[str] = []
    for tag in value:
        tag = str(tag).strip()
        if not tag or tag in tags:
            continue
        if len(tag) > MAX_TAG:
            raise ValidationError(f"tag {tag[:20]!r}… is too long (at most {MAX_TAG} characters)")
        tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise ValidationError(f"too many tags ({len(tags)}, at most {MAX_TAGS})")
    return tuple(tags)


def _ids(name: str, value: Any, spec: FieldSpec) -> tuple[int, ...]:
    ids = set(value)
    if any(isinstance(i, bool) or not isinstance(i, int) for i in ids):
        raise ValidationError(f"{name} must list task ids")
    return tuple(sorted(ids))  # one canonical order: the set of predecessors is what counts


def _flag(name: str, value: Any, spec: FieldSpec) -> RiskFlag:
    if not isinstance(value, RiskFlag):
        raise ValidationError(f"{name} must be a risk flag")
    if not value.reason.strip():
        raise ValidationError("an at-risk flag needs a reason")
    if len(value.reason) > MAX_TITLE:
        raise ValidationError(f"the at-risk reason is too long (at most {MAX_TITLE} characters)")
    return value


_CHECKS: Mapping[str, Callable[[str, Any, FieldSpec], Any]] = {
    "text": _text,
    "int": lambda n, v, s: _number(n, v, s, int),
    "float": lambda n, v, s: _number(n, v, s, float),
    "ref": _ref,
    "date": _date,
    "bool": _bool,
    "priority": _priority,
    "tags": _tags,
    "ids": _ids,
    "flag": _flag,
}


def check_task_row(task) -> None:
    """Rules across fields, checked on the row as it would be after the change."""
    if task.start is not None and task.due is not None and task.due < task.start:
        raise ValidationError("the due date is before the start date")
    if task.id in task.depends_on:
        raise ValidationError("a task cannot depend on itself")


def encode(value: Any) -> str | None:
    """A value as the text kept in the Activity record."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return value.name.lower()
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, RiskFlag):
        return json.dumps(
            {"reason": value.reason, "set_by": value.set_by, "set_at": value.set_at.isoformat()},
            ensure_ascii=False,
        )
    if isinstance(value, tuple | list):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
