"""What each entity's fields accept, and how a value is written into the audit trail."""

from __future__ import annotations

import enum
import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from renkei.domain.commands import ValidationError
from renkei.domain.field_text import ANSWER, AT_RISK_REASON, QUESTION, TAG, field_name
from renkei.domain.field_text import check_text as check_text
from renkei.domain.field_text import normalise_line_ends as normalise_line_ends
from renkei.domain.field_text import text_problem as text_problem
from renkei.domain.handoff import (
    RETURN_REASONS,
    HandoffItem,
    HandoffState,
    Question,
)
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.domain.model import Priority, RiskFlag
from renkei.domain.row_checks import check_handoff_row as check_handoff_row
from renkei.domain.row_checks import check_row as check_row
from renkei.domain.row_checks import check_task_row as check_task_row
from renkei.domain.row_checks import check_template_row as check_template_row

# Fields whose value is the id of another row, and which kind of row that is (the same name
# names the same kind in every entity). The store checks them; a merge maps them.
REFERENCES = {
    "status_id": "status",
    "team_id": "team",
    "owner_id": "person",
    "project_id": "project",
    "task_id": "task",
    "sender_id": "person",
    "receiver_id": "person",
    "sender_team_id": "team",
    "receiver_team_id": "team",
    "held_by": "person",
}

MAX_TITLE = 200
MAX_DESCRIPTION = 20_000
MAX_NAME = 100
MAX_TAGS = 20
MAX_TAG = 40
MAX_ITEM = 40  # a handoff item's or template's name
MAX_ITEM_VALUE = 2_000
MAX_QUESTION = 2_000
MAX_SOURCE_ID = 200  # an imported task's origin, e.g. "trello:<card id>"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    # text, int, ref, float, date, bool, priority, tags, ids, flag; for handoffs: datetime,
    # opt_text (blank is None), names, items, questions, handoff_state, reason
    kind: str
    required: bool = False
    max_len: int | None = None
    low: float | None = None
    high: float | None = None
    nullable: bool = False  # may hold "nothing" (no owner, no due date, no WIP limit)
    multiline: bool = False  # text that keeps line breaks and tabs (a description, a note)


TEXT = FieldSpec("text", max_len=MAX_NAME)
REF = FieldSpec("ref", nullable=True)

SPECS: Mapping[str, Mapping[str, FieldSpec]] = {
    "task": {
        "title": FieldSpec("text", required=True, max_len=MAX_TITLE),
        "description": FieldSpec("text", max_len=MAX_DESCRIPTION, multiline=True),
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
        "source_id": FieldSpec("opt_text", max_len=MAX_SOURCE_ID, nullable=True),
    },
    "person": {
        "name": FieldSpec("text", required=True, max_len=MAX_NAME),
        "team_id": REF,
        "role": TEXT,
        "contact": FieldSpec("text", max_len=200),
        "login": FieldSpec("opt_text", max_len=100, nullable=True),
    },
    "team": {
        "name": FieldSpec("text", required=True, max_len=60),
        "position": FieldSpec("int"),
    },
    "project": {
        "name": FieldSpec("text", required=True, max_len=MAX_NAME),
        "due": FieldSpec("date", nullable=True),
    },
    "status": {
        "name": FieldSpec("text", required=True, max_len=40),
        "position": FieldSpec("int"),
        "wip_limit": FieldSpec("int", low=1, high=10_000, nullable=True),
        "is_done": FieldSpec("bool"),
    },
    # Written only through the builders in renkei.domain.handoff_commands, which apply the domain's
    # transition rules; the checks here keep each stored value well-formed, and
    # ``check_row`` applies the cross-field rules to the row as it would be after the change.
    "handoff": {
        "task_id": FieldSpec("ref", required=True),
        "template": FieldSpec("text", required=True, max_len=MAX_ITEM),
        "sender_id": FieldSpec("ref", required=True),
        "sender_team_id": REF,
        "receiver_id": FieldSpec("ref", required=True),
        "receiver_team_id": REF,
        "note": FieldSpec("text", max_len=MAX_DESCRIPTION, multiline=True),
        "items": FieldSpec("items"),
        "state": FieldSpec("handoff_state", required=True),
        "sent_at": FieldSpec("datetime", required=True),
        "acknowledged_at": FieldSpec("datetime", nullable=True),
        "resolved_at": FieldSpec("datetime", nullable=True),
        "reason": FieldSpec("reason", nullable=True),
        "returned_missing": FieldSpec("names"),
        "questions": FieldSpec("questions"),
    },
    "standup": {
        "held_at": FieldSpec("datetime", required=True),
        "held_by": REF,
    },
    "handoff_template": {
        "name": FieldSpec("text", required=True, max_len=MAX_ITEM),
        "label": TEXT,
        "items": FieldSpec("names", required=True),
        "sla_business_days": FieldSpec("int", low=0, high=365),
        "from_team": FieldSpec("opt_text", max_len=60, nullable=True),
        "to_team": FieldSpec("opt_text", max_len=60, nullable=True),
    },
}

_EMPTY_SEQUENCES = ("tags", "ids", "names", "items", "questions")

def check_value(entity: str, name: str, value: Any) -> Any:
    """The value normalised (text stripped, tags de-duplicated), or ValidationError."""
    spec = SPECS.get(entity, {}).get(name)
    if spec is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "%1 has no field '%2'"), entity, name)
    if value is None or (spec.kind == "text" and isinstance(value, str) and not value.strip()):
        if spec.required:
            raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "%1 is required"), field_name(name))
        if spec.kind == "text":
            return ""
        if spec.kind in _EMPTY_SEQUENCES:
            return ()
        if not spec.nullable:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Refusal", "%1 cannot be empty"), field_name(name)
            )
        return None
    check = _CHECKS[spec.kind]
    return check(name, value, spec)


def _text(name: str, value: Any, spec: FieldSpec) -> str:
    if not isinstance(value, str):
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "%1 must be text"), field_name(name))
    text: str = value.strip() if spec.max_len and spec.max_len <= MAX_TITLE else value
    if spec.multiline:
        text = normalise_line_ends(text)
    check_text(field_name(name), text, spec.multiline)
    if spec.max_len and len(text) > spec.max_len:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "%1 is too long (%2 characters, at most %3)"),
            field_name(name),
            len(text),
            spec.max_len,
        )
    return text


def _number(name: str, value: Any, spec: FieldSpec, kind: type) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "%1 must be a number"), field_name(name))
    if not math.isfinite(value):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "%1 must be a finite number"), field_name(name)
        )
    if kind is int and value != int(value):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "%1 must be a whole number"), field_name(name)
        )
    value = kind(value)
    if spec.low is not None and value < spec.low or spec.high is not None and value > spec.high:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "%1 must be between %2 and %3"),
            field_name(name),
            f"{spec.low:g}",
            f"{spec.high:g}",
        )
    return value


def _ref(name: str, value: Any, spec: FieldSpec) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "%1 must be an id"), field_name(name))
    return value


def _date(name: str, value: Any, spec: FieldSpec) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "%1 must be a date"), field_name(name))
    return value


def _bool(name: str, value: Any, spec: FieldSpec) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "%1 must be true or false"), field_name(name)
        )
    return value


def _priority(name: str, value: Any, spec: FieldSpec) -> Priority:
    if isinstance(value, str):
        try:
            return Priority.parse(value)
        except ValueError:
            pass
    try:
        return Priority(value)
    except ValueError:
        names = ", ".join(p.name.lower() for p in Priority)
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "unknown priority %1 (use one of %2)"), repr(value), names
        ) from None


_TAG_SEPARATORS = re.compile("[,、，]")


def split_tags(text: str) -> list[str]:
    """Tags typed as one line: "webinar, handoff"; a Japanese input method types them
    "ウェビナー、引き継ぎ" (or with the full-width comma "，"), which splits the same way."""
    return _TAG_SEPARATORS.split(text)


def _tags(name: str, value: Any, spec: FieldSpec) -> tuple[str, ...]:
    if isinstance(value, str):
        value = split_tags(value)
    tags: list[str] = []
    for tag in value:
        tag = str(tag).strip()
        if not tag or tag in tags:
            continue
        check_text(TAG, tag)
        if len(tag) > MAX_TAG:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Refusal", "tag %1… is too long (at most %2 characters)"),
                repr(tag[:20]),
                MAX_TAG,
            )
        tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "too many tags (%1, at most %2)"), len(tags), MAX_TAGS
        )
    return tuple(tags)


def _ids(name: str, value: Any, spec: FieldSpec) -> tuple[int, ...]:
    ids = set(value)
    if any(isinstance(i, bool) or not isinstance(i, int) for i in ids):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "%1 must list task ids"), field_name(name)
        )
    return tuple(sorted(ids))  # one canonical order: the set of predecessors is what counts


def _flag(name: str, value: Any, spec: FieldSpec) -> RiskFlag:
    if not isinstance(value, RiskFlag):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "%1 must be a risk flag"), field_name(name)
        )
    if not value.reason.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "an at-risk flag needs a reason"))
    check_text(AT_RISK_REASON, value.reason)
    if len(value.reason) > MAX_TITLE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "the at-risk reason is too long (at most %1 characters)"),
            MAX_TITLE,
        )
    return value


def _datetime(name: str, value: Any, spec: FieldSpec) -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "%1 must be a date and time"), field_name(name)
        )
    return value


def _opt_text(name: str, value: Any, spec: FieldSpec) -> str | None:
    text = _text(name, value, spec)
    return text or None


def _names(name: str, value: Any, spec: FieldSpec) -> tuple[str, ...]:
    """Item names: stripped, blank ones dropped, duplicates kept once, order kept."""
    if isinstance(value, str):
        value = value.split(",")
    found: list[str] = []
    for item in value:
        if not isinstance(item, str):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Refusal", "%1 must list item names"), field_name(name)
            )
        item = item.strip()
        if not item or item in found:
            continue
        check_text(item, item)
        if len(item) > MAX_ITEM:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Refusal", "item name %1… is too long (at most %2 characters)"),
                repr(item[:20]),
                MAX_ITEM,
            )
        found.append(item)
    return tuple(found)


def _item(value: Any) -> HandoffItem:
    if isinstance(value, Mapping):
        try:
            value = HandoffItem(value["name"], value["provided"], value.get("value") or "")
        except (KeyError, TypeError):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Refusal", "a handoff item needs a name and provided")
            ) from None
    if not isinstance(value, HandoffItem):
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "items must be handoff items"))
    if not isinstance(value.name, str) or not isinstance(value.value, str):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "a handoff item's name and value are text")
        )
    if not isinstance(value.provided, bool):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "a handoff item is provided or not (true or false)")
        )
    check_text(value.name, value.value, multiline=True)
    return value


def _items(name: str, value: Any, spec: FieldSpec) -> tuple[HandoffItem, ...]:
    """The packet: each item once, provided ones with a value, missing ones without."""
    items = tuple(_item(v) for v in value)
    names = [i.name for i in items]
    if _names(name, names, spec) != tuple(names):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "each item of a handoff is named once, without blanks")
        )
    for i in items:
        if i.provided != bool(i.value.strip()):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Refusal", "item %1: a provided item has a value, a missing one not"
                ),
                repr(i.name),
            )
        if len(i.value) > MAX_ITEM_VALUE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Refusal", "item %1 is too long (at most %2 characters)"),
                repr(i.name),
                MAX_ITEM_VALUE,
            )
    return items


def _question(value: Any) -> Question:
    if isinstance(value, Mapping):
        value = question_from_data(value)
    if not isinstance(value, Question):
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "questions must be handoff questions"))
    if not value.text.strip() or len(value.text) > MAX_QUESTION:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "a question has some text (at most %1 characters)"),
            MAX_QUESTION,
        )
    if value.answer is not None and (
        not value.answer.strip() or value.answered_by is None or value.answered_at is None
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "an answer has some text, who gave it and when")
        )
    check_text(QUESTION, value.text, multiline=True)
    if value.answer is not None:
        check_text(ANSWER, value.answer, multiline=True)
    return value


def _questions(name: str, value: Any, spec: FieldSpec) -> tuple[Question, ...]:
    questions = tuple(_question(v) for v in value)
    if len({q.id for q in questions}) != len(questions):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "each question of a handoff has its own id")
        )
    return questions


def _handoff_state(name: str, value: Any, spec: FieldSpec) -> HandoffState:
    try:
        return HandoffState(value)
    except ValueError:
        states = ", ".join(s.value for s in HandoffState)
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "unknown handoff state %1 (one of %2)"),
            repr(value),
            states,
        ) from None


def _reason(name: str, value: Any, spec: FieldSpec) -> str | None:
    if not isinstance(value, str):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "%1 must be a reason code"), field_name(name)
        )
    code: str = value.strip()
    if not code:
        return None
    if code not in RETURN_REASONS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "reason %1 is not one of %2"),
            repr(code),
            ", ".join(RETURN_REASONS),
        )
    return code


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
    "datetime": _datetime,
    "opt_text": _opt_text,
    "names": _names,
    "items": _items,
    "questions": _questions,
    "handoff_state": _handoff_state,
    "reason": _reason,
}


# -- handoff packets as JSON data (the store's Text columns and the Activity record) -----------


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def item_to_data(i: HandoffItem) -> dict[str, Any]:
    return {"name": i.name, "provided": i.provided, "value": i.value}


def item_from_data(data: Mapping[str, Any]) -> HandoffItem:
    return HandoffItem(data["name"], bool(data["provided"]), data.get("value") or "")


def question_to_data(q: Question) -> dict[str, Any]:
    return {
        "id": q.id,
        "item": q.item,
        "asked_by": q.asked_by,
        "asked_at": _iso(q.asked_at),
        "text": q.text,
        "answer": q.answer,
        "answered_by": q.answered_by,
        "answered_at": _iso(q.answered_at),
    }


def question_from_data(data: Mapping[str, Any]) -> Question:
    try:
        return Question(
            id=int(data["id"]),
            item=data["item"],
            asked_by=data["asked_by"],
            asked_at=datetime.fromisoformat(data["asked_at"]),
            text=data["text"],
            answer=data.get("answer"),
            answered_by=data.get("answered_by"),
            answered_at=_moment(data.get("answered_at")),
        )
    except (KeyError, TypeError, ValueError):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "a question needs an id, item, asker, time and text")
        ) from None


def _data(value: Any) -> Any:
    if isinstance(value, HandoffItem):
        return item_to_data(value)
    if isinstance(value, Question):
        return question_to_data(value)
    return value


def to_json(values: Any) -> str:
    """A sequence of items, questions or names as the JSON text the store keeps."""
    return json.dumps([_data(v) for v in values], ensure_ascii=False)


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
        return to_json(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def decode(entity: str, name: str, text: str | None) -> Any:
    """The value an Activity row's text stands for: the inverse of ``encode`` for one field
    (a merge replays another copy's history from these texts)."""
    spec = SPECS[entity][name]
    kind = spec.kind
    if text is None:
        return check_value(entity, name, None) if not spec.required else None
    if kind in ("text", "opt_text", "reason"):
        return text if kind == "text" else text or None
    if kind in ("int", "ref"):
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "date":
        return date.fromisoformat(text)
    if kind == "datetime":
        return datetime.fromisoformat(text)
    if kind == "bool":
        return text == "true"
    if kind == "priority":
        return Priority[text.upper()]
    if kind == "handoff_state":
        return HandoffState[text.upper()]
    if kind == "flag":
        data = json.loads(text)
        return RiskFlag(data["reason"], data["set_by"], datetime.fromisoformat(data["set_at"]))
    data = json.loads(text)
    if kind == "items":
        return tuple(item_from_data(d) for d in data)
    if kind == "questions":
        return tuple(question_from_data(d) for d in data)
    return tuple(data)  # tags, ids, names
