"""An ImportPlan → Commands → one transaction through the board session.

Statuses, people, teams and projects the plan needs are matched by name (ignoring case; a
Trello list "DOING ⚙️" finds the board's "In progress", "完了" finds "Done"'s column when
that is what the board calls it) or created. Tasks are matched by their source id: a task
imported before is updated field by field, never added twice, and history rows already
recorded (same task, field, time and value) are not written again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from renkei.app.session import BoardSession
from renkei.domain import fields
from renkei.domain import handoff as handoff_rules
from renkei.domain.commands import Command, Create, NewRow, Record, SetFields
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.domain.model import Board, Task
from renkei.importers.model import (
    ImportCancelled,
    ImportedTask,
    ImportPlan,
    ImportProblem,
    Note,
    Place,
    said,
)

# History kinds → the audit trail's field names.
EVENT_FIELDS = {
    "status": "status_id",
    "owner": "owner_id",
    "due": "due",
    "start": "start",
    "title": "title",
    "description": "description",
    "archived": "archived",
    "tags": "tags",
    "comment": "comment",
    "checklist": "checklist",
    "list": "list",  # a move from or to a list that is no status here (deleted, archived)
}

# Column names people use for the same step of work, in English and Japanese, normalised
# (case folded, only letters and digits).
STATUS_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "backlog": (
        "backlog",
        "icebox",
        "ideas",
        "idea",
        "brainstorm",
        "someday",
        "later",
        "inbox",
        "バックログ",
        "アイデア",
        "いつか",
    ),
    "todo": (
        "todo",
        "tobedone",
        "open",
        "new",
        "next",
        "ready",
        "planned",
        "selectedfordevelopment",
        "未着手",
        "やること",
        "未対応",
        "対応予定",
        "予定",
        "オープン",
    ),
    "doing": (
        "inprogress",
        "doing",
        "wip",
        "started",
        "working",
        "active",
        "indevelopment",
        "進行中",
        "作業中",
        "対応中",
        "処理中",
        "実行中",
        "着手中",
    ),
    "waiting": (
        "waiting",
        "blocked",
        "onhold",
        "review",
        "inreview",
        "pending",
        "待ち",
        "保留",
        "保留中",
        "レビュー",
        "レビュー中",
        "確認待ち",
    ),
    "done": (
        "done",
        "complete",
        "completed",
        "closed",
        "resolved",
        "finished",
        "shipped",
        "完了",
        "済み",
        "対応済み",
        "終了",
        "完了済み",
        "クローズ",
    ),
}
_GROUP_OF = {word: group for group, words in STATUS_SYNONYMS.items() for word in words}


def normalise(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def status_group(name: str) -> str | None:
    return _GROUP_OF.get(normalise(name))


@dataclass(frozen=True, slots=True)
class ImportSummary:
    source: str
    name: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    history: int = 0
    handoffs: int = 0
    people: int = 0
    statuses: int = 0
    teams: int = 0
    projects: int = 0
    warnings: tuple[Note, ...] = ()
    skipped: tuple[Note, ...] = ()  # what the file held that could not be used, counted
    already_saved: bool = False  # an earlier run with the same change id had saved it

    def text(self, dry_run: bool = False) -> str:
        """One line for the command line (the GUI words its own, translated)."""
        verb = "Would import" if dry_run else "Imported"
        parts = [
            f"{self.added:,} tasks added",
            f"{self.updated:,} updated",
            f"{self.unchanged:,} unchanged",
            f"{self.history:,} history entries",
            f"{self.handoffs:,} handoffs",
        ]
        made = [
            f"{n:,} new {what}"
            for n, what in (
                (self.people, "people"),
                (self.statuses, "statuses"),
                (self.teams, "teams"),
                (self.projects, "projects"),
            )
            if n
        ]
        skipped = "".join(f" {line}" for line in self.skipped)  # whole sentences
        if self.already_saved:
            return (
                f"This import of {self.source} {self.name!r} was saved already by an earlier "
                "run with the same change id; it was not applied again."
            )
        return f"{verb} {self.source} {self.name!r}: " + ", ".join(parts + made) + "." + skipped


def default_status_map(board: Board, plan: ImportPlan) -> dict[str, str]:
    """Each column of the plan → the name of a status: the board's own of the same name or
    meaning, else the column's own name (a new status)."""
    by_name = {normalise(s.name): s.name for s in board.ordered_statuses()}
    by_group: dict[str, str] = {}
    for s in board.ordered_statuses():
        group = status_group(s.name)
        if group is not None:
            by_group.setdefault(group, s.name)
    found = {}
    for column in plan.columns:
        key = normalise(column.name)
        group = status_group(column.name)
        if key in by_name:
            found[column.key] = by_name[key]
        elif group in by_group:
            found[column.key] = by_group[group]
        else:
            found[column.key] = column.name[: fields.SPECS["status"]["name"].max_len or 40]
    return found


def parse_list_mapping(pairs: Iterable[str], plan: ImportPlan) -> dict[str, str]:
    """``"Trello list=Status"`` overrides (names ignoring case) → column key → status name."""
    found = {}
    for pair in pairs:
        source, sep, target = pair.partition("=")
        if not sep or not source.strip() or not target.strip():
            how = QT_TRANSLATE_NOOP("Import", "%1: write the mapping as 'Column name=Status name'.")
            raise ImportProblem(how, repr(pair))
        wanted = source.strip().casefold()
        matches = [c for c in plan.columns if c.name.casefold() == wanted]
        if not matches:
            names = ", ".join(repr(c.name) for c in plan.columns)
            not_one = QT_TRANSLATE_NOOP("Import", "%1 is not a column of the import (%2).")
            none = said(QT_TRANSLATE_NOOP("Import", "none"))
            raise ImportProblem(not_one, repr(source.strip()), names or none)
        for column in matches:
            found[column.key] = target.strip()
    return found


class _Builder:
    def __init__(self, board: Board, plan: ImportPlan, status_map: Mapping[str, str], seen):
        self.board = board
        self.plan = plan
        self.seen = seen  # (task id, field, at, new) already in the audit trail
        self.people_in_plan = {p.key: p for p in plan.people}
        self.list_names = dict(plan.list_names)
        self.list_names.update((c.key, c.name) for c in plan.columns)
        self.people_by_name: dict[str, int | NewRow] = {}
        for person in board.people.values():
            self.people_by_name.setdefault(person.name.casefold(), person.id)
        self.person_refs: dict[str, int | NewRow | None] = {}
        self.creates: list[Command] = []
        self.tasks: list[Command] = []
        self.records: list[Command] = []
        self.handoffs: list[Command] = []
        self.counts: dict[str, int] = dict.fromkeys(
            (
                "added",
                "updated",
                "unchanged",
                "history",
                "handoffs",
                "people",
                "statuses",
                "teams",
                "projects",
            ),
            0,
        )
        self.statuses_by_name: dict[str, int | NewRow] = {
            s.name.casefold(): s.id for s in board.ordered_statuses()
        }
        self.next_status_position = (
            max((s.position for s in board.statuses.values()), default=-1) + 1
        )
        self.column_status = {key: self.status(name) for key, name in status_map.items()}
        ordered = board.ordered_statuses()
        self.default_status: int | NewRow = (
            ordered[1].id
            if len(ordered) > 1
            else ordered[0].id
            if ordered
            else self.status("To do")
        )
        self.teams_by_name: dict[str, int | NewRow] = {
            t.name.casefold(): t.id for t in board.teams.values()
        }
        self.projects_by_name: dict[str, int | NewRow] = {
            p.name.casefold(): p.id for p in board.projects.values()
        }
        self.existing = {t.source_id: t for t in board.tasks.values() if t.source_id}
        self.handoff_times = {(h.task_id, h.sent_at) for h in board.handoffs.values()}

    # -- rows the tasks need -----------------------------------------------------------------

    def status(self, name: str) -> int | NewRow:
        name = name.strip()[:40]
        found = self.statuses_by_name.get(name.casefold())
        if found is None:
            key = f"status:{name.casefold()}"
            values = {
                "name": name,
                "position": self.next_status_position,
                "is_done": status_group(name) == "done",
            }
            self.next_status_position += 1
            self.creates.append(Create("status", tuple(values.items()), key=key))
            found = self.statuses_by_name[name.casefold()] = NewRow(key)
            self.counts["statuses"] += 1
        return found

    def person(self, key: str | None) -> int | NewRow | None:
        if key is None:
            return None
        if key in self.person_refs:
            return self.person_refs[key]
        found: int | NewRow | None = None
        person = self.people_in_plan.get(key)
        if person is not None and person.name.strip():
            folded = person.name.casefold()
            found = self.people_by_name.get(folded)
            if found is None:
                ref = f"person:{folded}"
                self.creates.append(Create("person", (("name", person.name),), key=ref))
                found = self.people_by_name[folded] = NewRow(ref)
                self.counts["people"] += 1
        self.person_refs[key] = found
        return found

    def named(self, entity: str, table: dict, name: str | None, limit: int) -> int | NewRow | None:
        if not name or not name.strip():
            return None
        name = " ".join(name.split())[:limit]
        found = table.get(name.casefold())
        if found is None:
            key = f"{entity}:{name.casefold()}"
            values: dict[str, Any] = {"name": name}
            if entity == "team":
                values["position"] = len(table)
            self.creates.append(Create(entity, tuple(values.items()), key=key))
            found = table[name.casefold()] = NewRow(key)
            self.counts["teams" if entity == "team" else "projects"] += 1
        return found

    def team_of(self, owner: int | NewRow | None) -> int | None:
        if isinstance(owner, int) and owner in self.board.people:
            return self.board.people[owner].team_id
        return None

    # -- tasks --------------------------------------------------------------------------------

    def values(self, item: ImportedTask) -> dict[str, Any]:
        owner = self.person(item.owner)
        status = (
            self.column_status.get(item.column, self.default_status)
            if item.column is not None
            else self.default_status
        )
        values: dict[str, Any] = {
            "title": item.title,
            "description": item.description,
            "status_id": status,
            "owner_id": owner,
            "tags": item.tags,
            "start": item.start,
            "due": item.due,
            "archived": item.archived,
            "source_id": item.source_id,
        }
        team = self.named("team", self.teams_by_name, item.team, 60)
        values["team_id"] = team if team is not None else self.team_of(owner)
        if item.project is not None:
            values["project_id"] = self.named("project", self.projects_by_name, item.project, 100)
        for name in ("priority", "progress", "estimate_hours"):
            value = getattr(item, name)
            if value is not None:
                values[name] = value
        return values

    def add(self, item: ImportedTask, index: int) -> None:
        values = self.values(item)
        key = f"task:{index}"
        creator = self.person(item.creator)
        self.check(item, values)
        self.tasks.append(
            Create("task", tuple(values.items()), key=key, at=item.created_at, by=creator)
        )
        self.counts["added"] += 1
        self.history(item, NewRow(key), values)

    def update(self, item: ImportedTask, task: Task) -> None:
        values = self.values(item)
        if values.get("owner_id") == task.owner_id or values.get("team_id") is None:
            # A team set on the board stays unless the owner changed to someone of another
            # team: an import never takes a task's team away.
            values.pop("team_id")
        changed = {
            name: value
            for name, value in values.items()
            if isinstance(value, NewRow) or getattr(task, name) != _normal(name, value)
        }
        if changed:
            self.check(item, {**_task_values(task), **changed})
            base = tuple((name, getattr(task, name)) for name in changed)
            self.tasks.append(SetFields("task", task.id, tuple(changed.items()), base))
            self.counts["updated"] += 1
        else:
            self.counts["unchanged"] += 1
        self.history(item, task.id, values)

    def check(self, item: ImportedTask, values: dict[str, Any]) -> None:
        """Name the task when a value would be refused by the store."""
        for name, value in values.items():
            if isinstance(value, NewRow) or name.endswith("_id") and name != "source_id":
                continue
            try:
                fields.check_value("task", name, value)
            except fields.ValidationError as error:
                refused = QT_TRANSLATE_NOOP("Import", "%1: %2.")
                raise ImportProblem(refused, item.where, error) from None
        start, due = values.get("start"), values.get("due")
        if start is not None and due is not None and due < start:
            before = QT_TRANSLATE_NOOP("Import", "%1: the due date is before the start date.")
            raise ImportProblem(before, item.where)

    def history(self, item: ImportedTask, task: int | NewRow, values: dict[str, Any]) -> None:
        for event in item.events:
            field = EVENT_FIELDS.get(event.kind)
            if field is None:
                continue
            old: Any = event.old
            new: Any = event.new
            if event.kind == "status":
                mapped_old, mapped_new = self.column_ref(old), self.column_ref(new)
                if (old is None or mapped_old is not None) and mapped_new is not None:
                    old, new = mapped_old, mapped_new
                else:  # status_id history holds ids only; this move is told by list names
                    field, old, new = "list", self.list_name(old), self.list_name(new)
            elif event.kind == "owner":
                old, new = self.person(old), self.person(new)
                if old is not None and new is not None:
                    self.handoff(item, task, old, new, event.at, event.actor)
            for value in (old, new):
                if not isinstance(value, str):
                    continue
                problem = fields.text_problem(value, multiline=True)
                if problem is not None:
                    history = QT_TRANSLATE_NOOP("Import", "%1: its history of %2 (%3) %4.")
                    at = f"{event.at:%Y-%m-%d %H:%M}"
                    raise ImportProblem(history, item.where, at, event.kind, problem)
            actor = self.person(event.actor)
            text_new = str(new) if isinstance(new, int) else new
            if isinstance(task, int) and (task, field, event.at, text_new) in self.seen:
                continue
            self.records.append(
                Record("task", task, field, _text(old), _text(new), event.at, actor)
            )
            self.counts["history"] += 1

    def column_ref(self, key: str | None) -> int | NewRow | None:
        return None if key is None else self.column_status.get(key)

    def list_name(self, key: str | None) -> str | None:
        if key is None:
            return None
        return self.list_names.get(key, key)

    def handoff(self, item, task, old, new, at: datetime, actor) -> None:
        """A card moving from a person of one team to a person of another is a handoff."""
        if not (isinstance(old, int) and isinstance(new, int)):
            return
        sender, receiver = self.board.people.get(old), self.board.people.get(new)
        if sender is None or receiver is None or sender.team_id == receiver.team_id:
            return
        if sender.team_id is None or receiver.team_id is None:
            return
        if isinstance(task, int) and (task, at) in self.handoff_times:
            return
        template = self.board.template("request") or next(
            iter(self.board.handoff_templates.values()), None
        )
        if template is None:
            return
        note = (
            f"Imported from {self.plan.source}: moved from {sender.name} to {receiver.name}; "
            + handoff_rules.NO_PACKET_NOTE
        )
        sent = handoff_rules.send(
            id=0,
            task_id=task,  # type: ignore[arg-type]  # resolved by the store
            template=template,
            sender_id=sender.id,
            sender_team_id=sender.team_id,
            receiver_id=receiver.id,
            receiver_team_id=receiver.team_id,
            at=at,
            note=note,
        )
        done = handoff_rules.accept(sent, receiver.id, at)
        names = [f.name for f in dataclasses.fields(done) if f.name not in ("id", "version")]
        self.handoffs.append(
            Create(
                "handoff",
                tuple((n, getattr(done, n)) for n in names),
                at=at,
                by=actor if isinstance(actor, int) else None,
            )
        )
        self.counts["handoffs"] += 1

    def build(self) -> list[Command]:
        seen_ids: dict[str, Place] = {}
        for index, item in enumerate(self.plan.tasks):
            if item.source_id is None:  # a file without keys: every row is new
                self.add(item, index)
                continue
            if item.source_id in seen_ids:
                same = QT_TRANSLATE_NOOP(
                    "Import", "%1 and %2 have the same id (%3); each row must be a different task."
                )
                key = item.source_id.partition(":")[2]
                raise ImportProblem(same, item.where, seen_ids[item.source_id], key)
            seen_ids[item.source_id] = item.where
            task = self.existing.get(item.source_id)
            if task is None:
                self.add(item, index)
            else:
                self.update(item, task)
        return self.creates + self.tasks + self.records + self.handoffs


def _text(value: Any) -> Any:
    if isinstance(value, int):
        return str(value)
    return value


def _normal(name: str, value: Any) -> Any:
    try:
        return fields.check_value("task", name, value)
    except fields.ValidationError:
        return value


def _task_values(task: Task) -> dict[str, Any]:
    return {name: getattr(task, name) for name in fields.SPECS["task"] if hasattr(task, name)}


def build_commands(
    board: Board,
    plan: ImportPlan,
    status_map: Mapping[str, str] | None = None,
    seen: set | frozenset = frozenset(),
) -> tuple[list[Command], ImportSummary]:
    """The commands that bring the plan into the board, and what they will do."""
    mapping = dict(default_status_map(board, plan))
    mapping.update(status_map or {})
    builder = _Builder(board, plan, mapping, seen)
    commands = builder.build()
    summary = ImportSummary(
        plan.source, plan.name, warnings=plan.warnings, skipped=plan.skipped, **builder.counts
    )
    return commands, summary


def run_import(
    session: BoardSession,
    plan: ImportPlan,
    status_map: Mapping[str, str] | None = None,
    *,
    progress: Callable[[int, int], bool | None] | None = None,
    dry_run: bool = False,
    label: str = "",
    change_id: str | None = None,
) -> ImportSummary:
    """Apply the plan in one transaction. ``progress(done, total)`` returning True (or
    raising ImportCancelled) cancels: the transaction is rolled back, the board unchanged.

    The import is one change: ``change_id`` names it (a retry of an import that could not be
    confirmed passes the same id, and is not applied twice). When that id was saved already
    the summary says ``already_saved`` and counts what this file would have done."""
    board = session.board
    matched = [
        t.id
        for t in board.tasks.values()
        if t.source_id and t.source_id.partition(":")[0] in _PREFIXES
    ]
    seen: set[tuple[int, str, datetime, str | None]] = set()
    if matched:
        for row in session.store.history(
            "task", entity_ids=matched, fields=list(EVENT_FIELDS.values())
        ):
            seen.add((row.entity_id, row.field, row.at, row.new))
    commands, summary = build_commands(board, plan, status_map, seen)
    if dry_run or not commands:
        return summary

    def report(done: int, total: int) -> None:
        if progress is not None and progress(done, total):
            raise ImportCancelled()

    # One undo step: undoing it archives the tasks it added and puts updated fields back.
    change = session.apply_all(
        commands, label or f"Import {plan.source}", progress=report, change_id=change_id
    )
    if change.already_saved:
        return dataclasses.replace(summary, already_saved=True)
    return summary


_PREFIXES = ("trello", "jira", "csv")
