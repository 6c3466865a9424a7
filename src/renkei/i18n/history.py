"""Audit rows in words, in the user's language: the one place that turns an Activity row
(entity, field, old, new, at, actor, login) into what a person reads. The window's history
list, `renkei history` and its ``--json`` ``text`` all come from here.

- times in local time to the minute, dates in the language's date style;
- ids as names (status, team, owner, project, people in a handoff), handoff reason codes and
  packet items as their labels, lists joined the language's way, nothing as "(none)";
- the actor always named: the person, else the login that wrote the row, else "unknown person";
- a handoff's rows of one change read as one event (sent, re-sent, acknowledged, returned with
  what was missing, accepted, rejected, withdrawn, a question, an answer): who to whom.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from renkei.domain import actors
from renkei.domain.field_text import FIELD_LABELS, ID_FIELDS
from renkei.domain.handoff import STATE_LABELS, Handoff, HandoffState, item_label, reason_label
from renkei.domain.i18n import arg
from renkei.domain.model import PRIORITY_LABELS, Activity, Board, Priority
from renkei.i18n.words import date_text, moment_words, parts_text, translate_marked

_MOMENT_FIELDS = frozenset({"acknowledged_at", "resolved_at", "sent_at", "set_at"})
_ENTITY_WORDS = {
    "task": QT_TRANSLATE_NOOP("History", "task %1"),
    "handoff": QT_TRANSLATE_NOOP("History", "handoff %1"),
    "person": QT_TRANSLATE_NOOP("History", "person %1"),
    "team": QT_TRANSLATE_NOOP("History", "team %1"),
    "project": QT_TRANSLATE_NOOP("History", "project %1"),
    "status": QT_TRANSLATE_NOOP("History", "column %1"),
}


def field_label(name: str) -> str:
    """The translated label of a field ('due' → 'Due date', 'owner_id' → 'Owner')."""
    name = ID_FIELDS.get(name, name)
    label = FIELD_LABELS.get(name)
    return QCoreApplication.translate("Field", label) if label else name


def none_word() -> str:
    return QCoreApplication.translate("History", "(none)")


def join_words(items: Iterable[str]) -> str:
    """A list as the language writes one: "Budget, Need" / "予算、ニーズ"; empty: "(none)"."""
    words = [item for item in items if item]
    if not words:
        return none_word()
    return QCoreApplication.translate("History", ", ").join(words)


def local_time_text(at: datetime) -> str:
    """A stored time (naive UTC) as local wall-clock time: '2026-11-20 14:03', in Japanese
    '11月20日(金) 14:03' (the one date style of ``date_text``)."""
    return moment_words(_local(at))


def moment_text(at: datetime) -> str:
    """A stored time as a value reads: the local date in the language's style and the minute."""
    local = _local(at)
    return f"{date_text(local.date())} {local.strftime('%H:%M')}"


def _local(at: datetime) -> datetime:
    aware = at.replace(tzinfo=UTC) if at.tzinfo is None else at
    return aware.astimezone()


# -- values ------------------------------------------------------------------------------


def value_words(board: Board, field: str, text: str | None) -> str:
    """A value as the Activity row keeps it (text) → words: names for ids, labels for codes,
    dates in the language's style, lists joined, nothing as "(none)"."""
    if text is None or text in ("", "[]"):
        return none_word()
    name = ID_FIELDS.get(field, field)
    if name in ("status", "team", "owner", "project"):
        return _reference(board, name, text)
    if name == "priority":
        try:
            return QCoreApplication.translate("Priority", PRIORITY_LABELS[Priority.parse(text)])
        except ValueError:
            return text
    if name in ("start", "due"):
        try:
            return date_text(date.fromisoformat(text))
        except ValueError:
            return text
    if name in _MOMENT_FIELDS:
        try:
            return moment_text(datetime.fromisoformat(text))
        except ValueError:
            return text
    if name == "progress":
        return f"{text}%"
    if name == "estimate_hours":
        return arg(QCoreApplication.translate("History", "%1 h"), text)
    if name == "archived":
        return (
            QCoreApplication.translate("History", "yes")
            if text == "true"
            else QCoreApplication.translate("History", "no")
        )
    if name == "reason":
        return reason_label(text, translate_marked)
    if name == "state":
        try:
            return QCoreApplication.translate("Handoff", STATE_LABELS[HandoffState(text)])
        except ValueError:
            return text
    if name == "flag":
        decoded = _json(text)
        return str(decoded["reason"]) if isinstance(decoded, dict) and "reason" in decoded else text
    if name in ("tags", "depends_on", "returned_missing"):
        decoded = _json(text)
        if not isinstance(decoded, list):
            return text
        if name == "depends_on":
            tasks = board.tasks
            return join_words(tasks[i].title if i in tasks else f"#{i}" for i in decoded)
        if name == "returned_missing":
            return join_words(item_label(str(i), translate_marked) for i in decoded)
        return join_words(str(i) for i in decoded)
    return text


def domain_value_words(board: Board, field: str, value: Any) -> str:
    """A domain value (as a command carries it) in the same words as a stored one."""
    from renkei.domain.fields import encode

    return value_words(board, field, encode(value))


def _reference(board: Board, name: str, text: str) -> str:
    collection: Any = {
        "status": board.statuses,
        "team": board.teams,
        "owner": board.people,
        "project": board.projects,
    }[name]
    try:
        item = collection.get(int(text))
    except ValueError:
        return text  # an old row that kept the name itself
    if item is None:
        return f"#{text}"
    if name == "status":
        return QCoreApplication.translate("Status", item.name)
    return str(item.name)


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


# -- who ----------------------------------------------------------------------------------


def actor_words(board: Board, row: Activity) -> str:
    """Who wrote the row, always named: "Kenta Mori", "Kenta Mori (login: yuki)" when the
    login is someone else's, "login jdoe" when only the login is known, else "unknown person"."""
    person = actors.actor(board, row)
    login = actors.other_login(board, row)
    if person is not None:
        if login:
            return arg(QCoreApplication.translate("History", "%1 (login: %2)"), person.name, login)
        return person.name
    if login:
        return arg(QCoreApplication.translate("History", "login %1"), login)
    if row.actor_id is not None:
        return arg(QCoreApplication.translate("History", "person #%1"), row.actor_id)
    return QCoreApplication.translate("History", "unknown person")


# -- entries ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of a history: one row, or the rows one change wrote to one handoff."""

    rows: tuple[Activity, ...]
    when: str
    who: str
    subject: str  # "task 31": what the line is about, for a board-wide history
    what: str

    @property
    def at(self) -> datetime:
        return self.rows[0].at

    @property
    def row(self) -> Activity:
        """The row that says what happened ("created", "state"), else the first."""
        for field in ("created", "state", "questions"):
            for row in self.rows:
                if row.field == field:
                    return row
        return self.rows[0]

    @property
    def text(self) -> str:
        """The line as the window shows it: '2026-11-20 14:03 · Haruka Aoki · Due date: …'."""
        return parts_text([self.when, self.who, self.what])


def history_entries(board: Board, rows: Sequence[Activity]) -> list[HistoryEntry]:
    """The rows (oldest first) as lines, oldest first: a handoff's rows of one change make one
    line, and the position row of a move between columns is left to the status line."""
    moved = {(r.entity, r.entity_id, r.revision) for r in rows if r.field == "status_id"}
    groups: list[list[Activity]] = []
    for row in rows:
        key = (row.entity, row.entity_id, row.revision)
        if row.field == "position" and key in moved:
            continue
        last = groups[-1][0] if groups else None
        if (
            row.entity == "handoff"
            and last is not None
            and (last.entity, last.entity_id, last.revision) == key
        ):
            groups[-1].append(row)
        else:
            groups.append([row])
    return [_entry(board, tuple(group)) for group in groups]


def _entry(board: Board, rows: tuple[Activity, ...]) -> HistoryEntry:
    first = rows[0]
    if first.entity == "handoff":
        what = _handoff_words(board, rows)
        handoff = board.handoffs.get(first.entity_id)
        subject = _subject("task", handoff.task_id) if handoff else _subject("handoff", first.id)
    else:
        what = _row_words(board, first)
        subject = _subject(first.entity, first.entity_id)
    return HistoryEntry(rows, local_time_text(first.at), actor_words(board, first), subject, what)


def _subject(entity: str, entity_id: int) -> str:
    word = _ENTITY_WORDS.get(entity)
    return arg(QCoreApplication.translate("History", word), entity_id) if word else entity


def _row_words(board: Board, row: Activity) -> str:
    """One row of a task (or a person, team…) in words."""
    name = row.field
    if name == "created":
        if row.new:
            return arg(QCoreApplication.translate("History", "Created “%1”"), row.new)
        return QCoreApplication.translate("History", "Created")
    if name == "position":
        return QCoreApplication.translate("History", "Reordered")
    if name == "description":
        return QCoreApplication.translate("History", "Description changed")
    if name == "archived":
        if row.new == "true":
            return QCoreApplication.translate("History", "Archived")
        return QCoreApplication.translate("History", "Restored from the archive")
    if name == "comment":  # imported from Trello or Jira
        return arg(QCoreApplication.translate("History", "Comment: %1"), row.new or "")
    if name == "checklist":  # a Trello checklist item ticked (☑) or unticked (☐)
        return arg(QCoreApplication.translate("History", "Checklist: %1"), row.new or "")
    if name == "list":  # a move through a Trello list that is no status here
        return arg(
            QCoreApplication.translate("History", "Trello list: %1 → %2"),
            row.old or none_word(),
            row.new or none_word(),
        )
    if name == "flag":
        if row.new is None:
            return arg(
                QCoreApplication.translate("History", "At-risk flag cleared (was: %1)"),
                value_words(board, name, row.old),
            )
        return arg(
            QCoreApplication.translate("History", "Flagged at risk: %1"),
            value_words(board, name, row.new),
        )
    return _change_words(board, row)


def _change_words(board: Board, row: Activity) -> str:
    return arg(
        QCoreApplication.translate("History", "%1: %2 → %3"),
        field_label(row.field),
        value_words(board, row.field, row.old),
        value_words(board, row.field, row.new),
    )


# -- handoffs -----------------------------------------------------------------------------


def _party(board: Board, person_id: int | None, team_id: int | None) -> str:
    person = board.people.get(person_id) if person_id is not None else None
    name = person.name if person is not None else arg("#%1", person_id)
    team = board.teams.get(team_id) if team_id is not None else None
    if team is None:
        return name
    return arg(QCoreApplication.translate("History", "%1 (%2)"), name, team.name)


def _template_label(board: Board, handoff: Handoff) -> str:
    stored = board.template(handoff.template)
    label = stored.label if stored is not None and stored.label else ""
    return QCoreApplication.translate("Handoff", label) if label else handoff.template


def _is_resend(board: Board, handoff: Handoff) -> bool:
    """A new handoff of a task whose earlier one, from the same sender, came back."""
    return any(
        other.task_id == handoff.task_id
        and other.id != handoff.id
        and other.state is HandoffState.RETURNED
        and other.sender_id == handoff.sender_id
        and other.sent_at <= handoff.sent_at
        for other in board.handoffs.values()
    )


def _handoff_words(board: Board, rows: tuple[Activity, ...]) -> str:
    handoff = board.handoffs.get(rows[0].entity_id)
    if handoff is None:  # not on the board any more: say the fields
        return "; ".join(_change_words(board, row) for row in rows)
    by_field = {row.field: row for row in rows}
    hop = arg(
        QCoreApplication.translate("History", "%1 → %2"),
        _party(board, handoff.sender_id, handoff.sender_team_id),
        _party(board, handoff.receiver_id, handoff.receiver_team_id),
    )
    if "created" in by_field:
        label = _template_label(board, handoff)
        if _is_resend(board, handoff):
            text = QCoreApplication.translate("History", "%1 handoff re-sent: %2")
        else:
            text = QCoreApplication.translate("History", "%1 handoff sent: %2")
        words = arg(text, label, hop)
        if handoff.missing_items:
            missing = join_words(item_label(i, translate_marked) for i in handoff.missing_items)
            words += arg(QCoreApplication.translate("History", "; sent without %1"), missing)
        return words
    state = by_field.get("state")
    if state is not None:
        return _state_words(board, state, by_field, hop)
    if "questions" in by_field:
        row = by_field["questions"]
        return _question_words(row.old, row.new, hop) or _change_words(board, row)
    return "; ".join(_change_words(board, row) for row in rows)


def _state_words(board: Board, state: Activity, by_field: dict[str, Activity], hop: str) -> str:
    new = state.new
    reason_row = by_field.get("reason")
    reason = reason_label(reason_row.new, translate_marked) if reason_row and reason_row.new else ""
    if new == HandoffState.ACKNOWLEDGED.value:
        return arg(QCoreApplication.translate("History", "Handoff acknowledged: %1"), hop)
    if new == HandoffState.ACCEPTED.value:
        return arg(QCoreApplication.translate("History", "Handoff accepted: %1"), hop)
    if new == HandoffState.RETURNED.value:
        missing_row = by_field.get("returned_missing")
        missing = value_words(board, "returned_missing", missing_row.new if missing_row else None)
        return arg(
            QCoreApplication.translate("History", "Handoff returned (%1): %2; missing %3"),
            reason or none_word(),
            hop,
            missing,
        )
    if new == HandoffState.REJECTED.value:
        return arg(
            QCoreApplication.translate("History", "Handoff rejected (%1): %2"),
            reason or none_word(),
            hop,
        )
    if new == HandoffState.WITHDRAWN.value:
        return arg(
            QCoreApplication.translate("History", "Handoff withdrawn (its sending undone): %1"),
            hop,
        )
    if new == HandoffState.SENT.value:  # a redo of a withdrawn send
        return arg(QCoreApplication.translate("History", "Handoff sent again: %1"), hop)
    return _change_words(board, state)


def _question_words(old: str | None, new: str | None, hop: str) -> str | None:
    """A question asked or answered on the handoff, from the questions' JSON before and after."""
    before = {q.get("id"): q for q in _questions(old)}
    for question in _questions(new):
        item = item_label(str(question.get("item", "")), translate_marked)
        earlier = before.get(question.get("id"))
        if earlier is None:
            return arg(
                QCoreApplication.translate("History", "Asked about %1 (%2): “%3”"),
                item,
                hop,
                str(question.get("text", "")),
            )
        if question.get("answer") and not earlier.get("answer"):
            return arg(
                QCoreApplication.translate("History", "Answered about %1 (%2): “%3”"),
                item,
                hop,
                str(question.get("answer")),
            )
    return None


def _questions(text: str | None) -> list[dict[str, Any]]:
    decoded = _json(text) if text else None
    return [q for q in decoded if isinstance(q, dict)] if isinstance(decoded, list) else []
