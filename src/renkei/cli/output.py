"""Shaping board data for a terminal or for JSON: one place, reused by every command.

JSON times are ISO 8601 in UTC with a ``Z`` suffix (``2026-11-20T05:03:12Z``); text output
shows local time to the minute. Reference fields (status, team, owner, project) appear as
names, never ids, and without their ``_id`` suffix.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from renkei.app.session import BoardSession
from renkei.cli.words import Cli, arg, japanese, translate, translate_marked, words_list
from renkei.domain import fields
from renkei.domain.model import Activity, Board, Person, Task
from renkei.domain.risk import badge_word, describe

NONE_TEXT = "—"

# Stored attribute → (the name people use, the board collection that holds the row).
REFERENCE_FIELDS = {
    "status_id": ("status", "statuses"),
    "team_id": ("team", "teams"),
    "owner_id": ("owner", "people"),
    "project_id": ("project", "projects"),
}
# Other attributes shown under a friendlier name.
FIELD_LABELS = {"estimate_hours": "estimate"}
LIST_FIELDS = frozenset({"depends_on", "tags", "returned_missing"})


def dumps(data: Any) -> str:
    """JSON as UTF-8 text: Japanese stays readable, never ``\\u`` escapes; an array (or
    object) puts each element (or member) on its own line, so a task is one line of
    ``tasks --json`` and a field one line of ``task add --json``.

    Every piece is written by the C encoder: ``indent=`` would switch json to its pure-Python
    encoder, half the time of ``tasks --json`` on 50,000 tasks."""
    if isinstance(data, list) and data:
        return "[\n" + ",\n".join("  " + _compact(item) for item in data) + "\n]"
    if isinstance(data, dict) and data and all(isinstance(key, str) for key in data):
        members = (f"  {_compact(key)}: {_compact(value)}" for key, value in data.items())
        return "{\n" + ",\n".join(members) + "\n}"
    return _compact(data)


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def utc_iso(moment: datetime | None) -> str | None:
    """A stored (naive UTC) time as ISO 8601 with ``Z``."""
    if moment is None:
        return None
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return aware.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def local_minute(moment: datetime) -> str:
    """A stored (naive UTC) time in this machine's time zone: ``2026-11-20 14:03``."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def name_of(board: Board, collection: str, row_id: int | None) -> str | None:
    if row_id is None:
        return None
    row = getattr(board, collection).get(row_id)
    return row.name if row is not None else f"#{row_id}"


def field_label(attribute: str) -> str:
    """``owner_id`` → ``owner``, ``estimate_hours`` → ``estimate`` (JSON and English: the
    names a command line writes; ``field_words`` gives the label a person reads)."""
    if attribute in REFERENCE_FIELDS:
        return REFERENCE_FIELDS[attribute][0]
    return FIELD_LABELS.get(attribute, attribute)


# -- tasks ---------------------------------------------------------------------------------


def task_json(session: BoardSession, task: Task) -> dict[str, Any]:
    """A task as the CLI's JSON object: names instead of ids, ISO dates, its risk in words."""
    board = session.board
    reasons = session.risk(task.id)
    owner = board.people.get(task.owner_id) if task.owner_id is not None else None
    slips = session.slips(task.id)
    return {
        "id": task.id,
        "title": task.title,
        "team": name_of(board, "teams", task.team_id),
        "owner": name_of(board, "people", task.owner_id),
        "status": name_of(board, "statuses", task.status_id),
        "project": name_of(board, "projects", task.project_id),
        "priority": task.priority.name.lower(),
        "start": iso_date(task.start),
        "due": iso_date(task.due),
        "progress": task.progress,
        "estimate_hours": task.estimate_hours,
        "tags": list(task.tags),
        "depends_on": list(task.depends_on),
        "blocked": session.blocked(task.id),
        "archived": task.archived,
        "at_risk": bool(reasons),
        "risk_reasons": [describe(r) for r in reasons],
        "risks": [
            {"kind": r.kind.value, "words": badge_word(r), "sentence": describe(r)} for r in reasons
        ],
        "flag": task.flag.reason if task.flag is not None else None,
        "updated_at": utc_iso(task.updated_at),
        "updated_by": _editor_name(session, task.id),
        "owner_contact": owner.contact or None if owner is not None else None,
        "baseline_due": iso_date(slips.baseline),
        "slips": [
            {
                "from": iso_date(move.old),
                "to": iso_date(move.new),
                "at": utc_iso(move.at),
                "by": _person_or_login(board, move.actor_id, move.login),
            }
            for move in slips.moves
        ],
        "description": task.description,
        "version": task.version,
    }


def _editor_name(session: BoardSession, task_id: int) -> str | None:
    actor_id, login = session.last_editor(task_id)
    return _person_or_login(session.board, actor_id, login)


def _person_or_login(board: Board, actor_id: int | None, login: str | None) -> str | None:
    """The person's name; their login when the board does not know them; None: unknown."""
    person = board.people.get(actor_id) if actor_id is not None else None
    if person is not None:
        return person.name
    return f"login {login}" if login else None


def tasks_table(session: BoardSession, tasks: Sequence[Task]) -> str:
    """The tasks as a table, its headers, risks and marks in the command's language."""
    board = session.board
    archived = Cli.tr(" [archived]")
    rows = [
        [
            str(task.id),
            name_of(board, "statuses", task.status_id) or "",
            name_of(board, "teams", task.team_id) or NONE_TEXT,
            name_of(board, "people", task.owner_id) or NONE_TEXT,
            iso_date(task.due) or NONE_TEXT,
            words_list(
                list(dict.fromkeys(badge_word(r, translate_marked) for r in session.risk(task.id)))
            ),
            task.title + (archived if task.archived else ""),
        ]
        for task in tasks
    ]
    headers = [
        Cli.tr("ID"),
        Cli.tr("STATUS"),
        Cli.tr("TEAM"),
        Cli.tr("OWNER"),
        Cli.tr("DUE"),
        Cli.tr("RISK"),
        Cli.tr("TITLE"),
    ]
    return table(headers, rows, right=(0,))


def task_summary(board: Board, task: Task) -> str:
    """``“Call Minato Pharma” (Inside Sales · To do · Yuki Tanaka · due 2026-12-03)``;
    in Japanese ``「みなと製薬に電話」（インサイドセールス、未着手、田中 由紀、期限 12-03）``
    with the full date."""
    parts = [
        name_of(board, "teams", task.team_id),
        name_of(board, "statuses", task.status_id),
        name_of(board, "people", task.owner_id) or Cli.tr("no owner"),
        arg(Cli.tr("due %1"), task.due.isoformat()) if task.due else None,
    ]
    listed = [p for p in parts if p]
    joined = words_list(listed) if japanese() else " · ".join(listed)
    return arg(Cli.tr("“%1” (%2)"), task.title, joined)


def field_words(attribute: str) -> str:
    """A field as a person reads it in the command's language: ``owner`` in English (what
    ``task set`` takes), 担当者 in Japanese (the window's label)."""
    name = field_label(attribute)
    if not japanese():
        return name
    from renkei.domain.field_text import FIELD_LABELS as LABELS  # noqa: PLC0415

    key = {"estimate": "estimate_hours"}.get(name, name)
    return translate("Field", LABELS[key]) if key in LABELS else name


# -- people --------------------------------------------------------------------------------


def person_json(board: Board, person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "team": name_of(board, "teams", person.team_id),
        "role": person.role,
        "contact": person.contact,
    }


def people_table(board: Board, people: Sequence[Person]) -> str:
    rows = [
        [
            str(p.id),
            p.name,
            name_of(board, "teams", p.team_id) or NONE_TEXT,
            p.role or NONE_TEXT,
            p.contact or NONE_TEXT,
        ]
        for p in people
    ]
    headers = [Cli.tr("ID"), Cli.tr("NAME"), Cli.tr("TEAM"), Cli.tr("ROLE"), Cli.tr("CONTACT")]
    return table(headers, rows, right=(0,))


# -- history -------------------------------------------------------------------------------


def stored_value(board: Board, attribute: str, text: str | None) -> Any:
    """A value as kept in the Activity record → what a person reads: names for references,
    lists for ids and tags, the reason for a risk flag, otherwise the stored text."""
    if text is None:
        return None
    if attribute in REFERENCE_FIELDS:
        try:
            return name_of(board, REFERENCE_FIELDS[attribute][1], int(text))
        except ValueError:
            return text
    if attribute in LIST_FIELDS or attribute == "flag":
        try:
            decoded = json.loads(text)
        except ValueError:
            return text
        if attribute == "flag":
            return decoded.get("reason") if isinstance(decoded, dict) else text
        return decoded
    return text


def domain_value(board: Board, attribute: str, value: Any) -> Any:
    """A domain value (as a Change carries it) → the same readable form as ``stored_value``."""
    return stored_value(board, attribute, fields.encode(value))


def value_text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return NONE_TEXT
    if isinstance(value, list):
        return words_list([str(v) for v in value])
    return str(value)


def activity_json(board: Board, row: Activity) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": utc_iso(row.at),
        "actor": name_of(board, "people", row.actor_id),
        "login": row.login,  # the OS login (file) or login role (server) that wrote it
        "entity": row.entity,
        "entity_id": row.entity_id,
        "field": field_label(row.field),
        "old": stored_value(board, row.field, row.old),
        "new": stored_value(board, row.field, row.new),
        "revision": row.revision,
    }


def history_json(board: Board, entry: Any) -> dict[str, Any]:
    """An entry of ``history --json``: its row's raw values (UTC time, stored values, names
    for references), ``text`` (the line a person reads), and the other rows of the same change
    when a handoff event wrote several (``also``)."""
    data = activity_json(board, entry.row)
    data["text"] = entry.text
    others = [r for r in entry.rows if r is not entry.row]
    if others:
        data["also"] = [
            {
                "id": r.id,
                "field": field_label(r.field),
                "old": stored_value(board, r.field, r.old),
                "new": stored_value(board, r.field, r.new),
            }
            for r in others
        ]
    return data


def history_lines(entries: Sequence[Any], with_entity: bool) -> list[str]:
    """``2026-11-20 14:03  Haruka Aoki  Due date: Sat 28 Nov → Thu 3 Dec``, columns aligned;
    the words are ``renkei.i18n.history``'s, as the window shows them."""
    rows = [[e.when, e.who, *([e.subject] if with_entity else []), e.what] for e in entries]
    return table(None, rows).splitlines()


# -- watch (its lines: cli/watch_stream.py) ---------------------------------------------------


def json_line(data: Any) -> str:
    """One JSON object on one line (a stream of them is JSON Lines)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# -- layout --------------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def table(
    headers: Sequence[str] | None, rows: Sequence[Sequence[str]], right: Sequence[int] = ()
) -> str:
    """Columns separated by two spaces, aligned by display width; the last is not padded."""
    all_rows = ([list(headers)] if headers else []) + [list(r) for r in rows]
    if not all_rows:
        return ""
    count = max(len(r) for r in all_rows)
    widths = [
        max((display_width(r[i]) for r in all_rows if i < len(r)), default=0) for i in range(count)
    ]
    lines = []
    for r in all_rows:
        cells = [
            cell if i == len(r) - 1 and i not in right else pad(cell, widths[i], i in right)
            for i, cell in enumerate(r)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
