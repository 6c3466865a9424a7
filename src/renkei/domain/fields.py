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
from renkei.domain.handoff import (
    REJECT_REASONS,
    RETURN_REASONS,
    Handoff,
    HandoffItem,
    HandoffState,
    HandoffTemplate,
    Question,
)
from renkei.domain.model import Priority, RiskFlag, Task

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

# Characters no field keeps: C0/C1 controls and DEL, and lone surrogates (what Python makes of
# bytes that are not UTF-8, or a JSON "\ud800"; no database can store them). Multi-line text
# keeps tab and line breaks (a description's CR LF and CR become LF).
_BAD_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_BAD_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def text_problem(text: str, multiline: bool = False) -> str | None:
    """What makes ``text`` unfit to keep, in words ("contains a control character (U+0001)"),
    or None. Shared by the store's checks and the importers, which add where it came from."""
    found = (_BAD_IN_TEXT if multiline else _BAD_IN_LINE).search(text)
    if found is None:
        return None
    char = found.group()
    if char == "\x00":
        return "contains a NUL character"
    if "\ud800" <= char <= "\udfff":
        return (
            "is not valid text: it holds a broken character (bytes that are not UTF-8, or a "
            "lone surrogate)"
        )
    if char in "\t\n\r":
        what = {"\t": "a tab", "\n": "a line break", "\r": "a line break"}[char]
        return f"contains {what}; it must be a single line"
    return f"contains a control character (U+{ord(char):04X})"


def check_text(name: str, text: str, multiline: bool = False) -> str:
    """``text`` when it is fit to keep, else ValidationError naming ``name``."""
    problem = text_problem(text, multiline)
    if problem is not None:
        raise ValidationError(f"{name} {problem}")
    return text


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
        if spec.kind in _EMPTY_SEQUENCES:
            return ()
        if not spec.nullable:
            raise ValidationError(f"{name} cannot be empty")
        return None
    check = _CHECKS[spec.kind]
    return check(name, value, spec)


def _text(name: str, value: Any, spec: FieldSpec) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"{name} must be text")
    text: str = value.strip() if spec.max_len and spec.max_len <= MAX_TITLE else value
    if spec.multiline:
        text = normalise_line_ends(text)
    check_text(name, text, spec.multiline)
    if spec.max_len and len(text) > spec.max_len:
        raise ValidationError(
            f"{name} is too long ({len(text)} characters, at most {spec.max_len})"
        )
    return text


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
        check_text("a tag", tag)
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
    check_text("the at-risk reason", value.reason)
    if len(value.reason) > MAX_TITLE:
        raise ValidationError(f"the at-risk reason is too long (at most {MAX_TITLE} characters)")
    return value


def _datetime(name: str, value: Any, spec: FieldSpec) -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError(f"{name} must be a date and time")
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
            raise ValidationError(f"{name} must list item names")
        item = item.strip()
        if not item or item in found:
            continue
        check_text("an item name", item)
        if len(item) > MAX_ITEM:
            raise ValidationError(f"item name {item[:20]!r}… is too long (at most {MAX_ITEM})")
        found.append(item)
    return tuple(found)


def _item(value: Any) -> HandoffItem:
    if isinstance(value, Mapping):
        try:
            value = HandoffItem(value["name"], value["provided"], value.get("value") or "")
        except (KeyError, TypeError):
            raise ValidationError("a handoff item needs a name and provided") from None
    if not isinstance(value, HandoffItem):
        raise ValidationError("items must be handoff items")
    if not isinstance(value.name, str) or not isinstance(value.value, str):
        raise ValidationError("a handoff item's name and value are text")
    if not isinstance(value.provided, bool):
        raise ValidationError("a handoff item is provided or not (true or false)")
    check_text(f"item {value.name!r}", value.value, multiline=True)
    return value


def _items(name: str, value: Any, spec: FieldSpec) -> tuple[HandoffItem, ...]:
    """The packet: each item once, provided ones with a value, missing ones without."""
    items = tuple(_item(v) for v in value)
    names = [i.name for i in items]
    if _names(name, names, spec) != tuple(names):
        raise ValidationError("each item of a handoff is named once, without blanks")
    for i in items:
        if i.provided != bool(i.value.strip()):
            raise ValidationError(
                f"item {i.name!r}: a provided item has a value, a missing one not"
            )
        if len(i.value) > MAX_ITEM_VALUE:
            raise ValidationError(f"item {i.name!r} is too long (at most {MAX_ITEM_VALUE})")
    return items


def _question(value: Any) -> Question:
    if isinstance(value, Mapping):
        value = question_from_data(value)
    if not isinstance(value, Question):
        raise ValidationError("questions must be handoff questions")
    if not value.text.strip() or len(value.text) > MAX_QUESTION:
        raise ValidationError(f"a question has some text (at most {MAX_QUESTION} characters)")
    if value.answer is not None and (
        not value.answer.strip() or value.answered_by is None or value.answered_at is None
    ):
        raise ValidationError("an answer has some text, who gave it and when")
    check_text("a question", value.text, multiline=True)
    if value.answer is not None:
        check_text("an answer", value.answer, multiline=True)
    return value


def _questions(name: str, value: Any, spec: FieldSpec) -> tuple[Question, ...]:
    questions = tuple(_question(v) for v in value)
    if len({q.id for q in questions}) != len(questions):
        raise ValidationError("each question of a handoff has its own id")
    return questions


def _handoff_state(name: str, value: Any, spec: FieldSpec) -> HandoffState:
    try:
        return HandoffState(value)
    except ValueError:
        states = ", ".join(s.value for s in HandoffState)
        raise ValidationError(f"{name}: unknown state {value!r} (one of {states})") from None


def _reason(name: str, value: Any, spec: FieldSpec) -> str | None:
    if not isinstance(value, str):
        raise ValidationError(f"{name} must be a reason code")
    code: str = value.strip()
    if not code:
        return None
    if code not in RETURN_REASONS:
        raise ValidationError(f"reason {code!r} is not one of {', '.join(RETURN_REASONS)}")
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


def check_task_row(task: Task) -> None:
    """Rules across fields, checked on the row as it would be after the change."""
    if task.start is not None and task.due is not None and task.due < task.start:
        raise ValidationError("the due date is before the start date")
    if task.id in task.depends_on:
        raise ValidationError("a task cannot depend on itself")


def check_handoff_row(h: Handoff) -> None:
    """The domain's rules that span fields, on the handoff as it would be stored."""
    if h.sender_id == h.receiver_id:
        raise ValidationError("a handoff goes to someone else, not to its sender")
    names = set(h.item_names)
    if h.state is HandoffState.REJECTED and h.reason not in REJECT_REASONS:
        raise ValidationError(
            f"reject reason {h.reason!r} is not one of {', '.join(REJECT_REASONS)}"
        )
    if h.state is HandoffState.RETURNED:
        if h.reason is None:
            raise ValidationError("a returned handoff needs a reason")
        if not h.returned_missing:
            raise ValidationError("name at least one missing item when returning a handoff")
    unknown = sorted({*h.returned_missing, *(q.item for q in h.questions)} - names)
    if unknown:
        raise ValidationError(f"not an item of this handoff: {', '.join(unknown)}")
    resolved = h.state in (HandoffState.ACCEPTED, HandoffState.RETURNED, HandoffState.REJECTED)
    if h.state is HandoffState.WITHDRAWN and h.resolved_at is not None:
        raise ValidationError(
            "the receiver has already accepted, returned or rejected this handoff; "
            "it can no longer be withdrawn"
        )
    if resolved and h.acknowledged_at is None:
        raise ValidationError(f"a handoff that is {h.state.value} has been acknowledged")
    if h.state is HandoffState.ACKNOWLEDGED and h.acknowledged_at is None:
        raise ValidationError("an acknowledged handoff says when it was acknowledged")
    if resolved != (h.resolved_at is not None):
        raise ValidationError("only an accepted, returned or rejected handoff is resolved")
    for moment in (h.acknowledged_at, h.resolved_at):
        if moment is not None and moment < h.sent_at:
            raise ValidationError("a handoff cannot be answered before it was sent")


def check_template_row(t: HandoffTemplate) -> None:
    if not t.items:
        raise ValidationError("a handoff template names at least one item")


def check_row(entity: str, row: Any) -> None:
    """Rules across fields for any entity (nothing to check for most)."""
    if entity == "task":
        check_task_row(row)
    elif entity == "handoff":
        check_handoff_row(row)
    elif entity == "handoff_template":
        check_template_row(row)


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
        raise ValidationError("a question needs an id, item, asker, time and text") from None


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
