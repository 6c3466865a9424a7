"""Merging a sync tool's conflict copy into the board, so nobody re-types their edits.

Both files started as one board: their Activity tables are identical up to the moment they
parted (the common revision). Every revision the copy made after it is replayed through the
one change path as one change, by the person who made it and at its time; rows the copy
created get new ids here, and everything that names them follows. A field changed on both
sides since the fork is a conflict the caller decides (keep the board's value or take the
copy's). The whole replay is one transaction; the copy is moved aside (renamed, kept) just
before it commits, so a failure leaves both files exactly as they were.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from renkei.domain import fields
from renkei.domain.commands import Command, Create, NewRow, Record, SetFields, ValidationError
from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence
from renkei.domain.model import ENTITY_COLLECTIONS, Activity, Board, RiskFlag
from renkei.store import migrate
from renkei.store.board_store import BoardStore, Step
from renkei.store.conflict_copies import merged_copy_path

Side = Literal["board", "copy"]



class MergeRefused(Sentence):
    """The copy cannot be merged; neither file was changed. The message (a marked sentence)
    is for the user."""


@dataclass(frozen=True)
class Conflict:
    """One field (a card's column and place count as one: "status") changed on both sides."""

    entity: str
    entity_id: int
    field: str
    board_value: Any
    copy_value: Any
    title: str  # the row's name or title, to recognise it

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.entity, self.entity_id, self.field)

    @property
    def label(self) -> str:
        return f"{self.entity.replace('_', ' ')} {self.entity_id} {field_label(self.field)}"


@dataclass
class MergePlan:
    """What merging ``copy`` would do, read from both files; nothing written yet."""

    copy: Path
    common_revision: int
    copy_revision: int
    conflicts: list[Conflict]
    board: Board
    copy_board: Board
    rows: list[list[Activity]]  # the copy's revisions after the fork, oldest first
    created: set[tuple[str, int]]  # rows the copy made after the fork
    changes: dict[tuple[str, int, str], list[Activity]]  # real field changes, per field
    skipped: set[tuple[str, int, str]] = field(default_factory=set)  # the board's value stands
    board_now: dict[tuple[str, int, str], Any] = field(default_factory=dict)
    known: dict[tuple[str, int], int] = field(default_factory=dict)  # merged before: its id here
    already: int = 0  # the copy's revisions found on the board already (merged before)


@dataclass
class MergeReport:
    copy: Path
    moved_to: Path | None
    dry_run: bool
    common_revision: int
    changes: int  # board revisions written (one per copy revision that still changes something)
    by: dict[str, int]  # person's name → changes
    tasks: int  # tasks touched
    new_tasks: int
    kept: list[tuple[Conflict, Side]]  # each conflict and the side whose value stands
    already: int = 0  # the copy's changes found on the board already (merged before)

    def summary(self) -> str:
        """e.g. "12 changes by Kenta Mori merged (3 tasks, 1 new); 1 conflict kept the
        board's value: task 7 due." """
        if not self.changes:
            text = f"Nothing to merge: every change in {self.copy.name} is already on the board"
        else:
            people = sorted(self.by.items(), key=lambda item: (-item[1], item[0]))
            parts = [
                f"{n} change{'s' * (n != 1)} by {name}" if i == 0 else f"{n} by {name}"
                for i, (name, n) in enumerate(people)
            ]
            who = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
            verb = "would be merged" if self.dry_run else "merged"
            text = f"{who} {verb} ({self.tasks} task{'s' * (self.tasks != 1)}"
            text += f", {self.new_tasks} new)" if self.new_tasks else ")"
        if self.already and self.changes:
            n = self.already
            text += f"; {n} other{'s' * (n != 1)} {'were' if n != 1 else 'was'} merged before"
        for side in ("board", "copy"):
            decided = [c.label for c, kept in self.kept if kept == side]
            if decided:
                n = len(decided)
                whose = "the board's" if side == "board" else "the copy's"
                text += f"; {n} conflict{'s' * (n != 1)} kept {whose} value: {', '.join(decided)}"
        if self.dry_run:
            return text + ". Nothing was written (--dry-run)."
        if self.moved_to is not None:
            return text + f". The copy was moved aside as {self.moved_to.name}."
        return text + "."

    def as_json(self) -> dict[str, Any]:
        return {
            "copy": str(self.copy),
            "moved_to": str(self.moved_to) if self.moved_to else None,
            "dry_run": self.dry_run,
            "common_revision": self.common_revision,
            "changes": self.changes,
            "by": self.by,
            "tasks": self.tasks,
            "new_tasks": self.new_tasks,
            "already_on_board": self.already,
            "conflicts": [
                {
                    "entity": c.entity,
                    "id": c.entity_id,
                    "field": field_label(c.field),
                    "board": fields.encode(c.board_value),
                    "copy": fields.encode(c.copy_value),
                    "kept": kept,
                }
                for c, kept in self.kept
            ],
        }


def field_label(name: str) -> str:
    return name.removesuffix("_id")


def shown_value(board: Board, name: str, value: Any) -> str:
    """A value as a person reads it (a person, team or column by its name); "" for none."""
    if value is None or value == () or value == "":
        return ""
    if name in fields.REFERENCES and name != "task_id":
        row = getattr(board, ENTITY_COLLECTIONS[fields.REFERENCES[name]]).get(value)
        if row is not None:
            shown: str = row.name
            return shown
    text = fields.encode(value) or ""
    return text if len(text) <= 60 else text[:59] + "…"


# -- reading both sides ----------------------------------------------------------------------


def common_revision(board_rows: list[Activity], copy_rows: list[Activity]) -> int:
    """The last revision at which both Activity tables hold exactly the same rows."""
    common = 0
    for (b_rev, b_rows), (c_rev, c_rows) in zip(
        _by_revision(board_rows), _by_revision(copy_rows), strict=False
    ):
        if b_rev != c_rev or b_rows != c_rows:
            break
        common = b_rev
    return common


def _by_revision(rows: list[Activity]) -> list[tuple[int, list[Activity]]]:
    groups: dict[int, list[Activity]] = {}
    for row in rows:
        groups.setdefault(row.revision, []).append(row)
    return sorted(groups.items())


def _read_copy(path: Path) -> tuple[tuple[str, datetime], list[Activity], Board]:
    """The copy's identity, history and rows. A file that is not a board is refused
    untouched (an empty one may still be downloading: it must not become a board)."""
    if not path.is_file():
        raise MergeRefused(QT_TRANSLATE_NOOP("Refusal", "There is no file %1."), path)
    copy = BoardStore.open(path, create=False)  # refuses an empty file (BoardEmpty)
    try:
        return copy.identity(), copy.history(), copy.load()
    finally:
        copy.dispose()


def prepare_merge(store: BoardStore, copy_path: str | Path) -> MergePlan:
    """Read the board and the copy and work out what merging would do; writes nothing."""
    copy_path = Path(copy_path).expanduser().absolute()
    if Path(store.location) == copy_path:
        raise MergeRefused(
            QT_TRANSLATE_NOOP("Refusal", "%1 is the board itself, not a copy of it."),
            copy_path.name,
        )
    try:
        identity, copy_rows, copy_board = _read_copy(copy_path)
    except migrate.BoardRefused as error:
        raise MergeRefused(QT_TRANSLATE_NOOP("Refusal", "%1"), error) from None
    if identity != store.identity():
        raise MergeRefused(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 is not a copy of this board: it is the board %2, made at another time. "
                "Nothing was merged.",
            ),
            copy_path.name,
            repr(identity[0]),
        )
    board_rows = store.history()
    common = common_revision(board_rows, copy_rows)
    after = [rows for revision, rows in _by_revision(copy_rows) if revision > common]
    # A revision merged before (the copy came back, or two people merged it at once) is
    # on the board already, with the same rows at the same moments: it is not replayed
    # twice, and the rows it created are known here by their ids on the board.
    merged = {
        _signature(rows): rows for revision, rows in _by_revision(board_rows) if revision > common
    }
    known: dict[tuple[str, int], int] = {}
    fresh = []
    for rows in after:
        twin = merged.get(_signature(rows))
        if twin is None:
            fresh.append(rows)
            continue
        made_here = [r for r in twin if r.field == "created"]
        made_there = [r for r in rows if r.field == "created"]
        for mine, theirs in zip(made_there, made_here, strict=True):
            known[(mine.entity, mine.entity_id)] = theirs.entity_id
    plan = MergePlan(
        copy=copy_path,
        common_revision=common,
        copy_revision=copy_board.revision,
        conflicts=[],
        board=store.load(),
        copy_board=copy_board,
        rows=fresh,
        created={(r.entity, r.entity_id) for rows in fresh for r in rows if r.field == "created"},
        changes={},
        known=known,
        already=len(after) - len(fresh),
    )
    for rows in fresh:
        writer = _writer(rows)
        for row in rows:
            if _is_field_change(row, writer):
                plan.changes.setdefault((row.entity, row.entity_id, row.field), []).append(row)
    _find_conflicts(plan)
    return plan


def _signature(rows: list[Activity]) -> frozenset[tuple[tuple[object, ...], int]]:
    """What a revision did, without the ids a merge gives new rows: the same signature on
    both sides means the same change (moments are kept to the microsecond)."""
    return frozenset(
        Counter(
            (r.entity, r.field, r.at, None if r.field in _ID_VALUED else r.new) for r in rows
        ).items()
    )


_ID_VALUED = {*fields.REFERENCES, "depends_on", "flag", "questions"}


def _writer(revision: list[Activity]) -> Activity:
    """The row that tells who wrote a revision, and when: its latest (imported history and
    backdated rows keep earlier times)."""
    return max(revision, key=lambda r: (r.at, r.id))


def _is_field_change(row: Activity, writer: Activity) -> bool:
    """A change the writer made to a row (not imported history recorded beside it): a real
    field, by the revision's writer at its moment. Imported history keeps its own times."""
    if row.field == "created" or row.field not in fields.SPECS.get(row.entity, {}):
        return False
    return (row.at, row.actor_id) == (writer.at, writer.actor_id)


def _decode(row: Activity, text: str | None) -> Any:
    try:
        return fields.decode(row.entity, row.field, text)
    except (ValueError, KeyError, TypeError, ValidationError) as error:
        raise MergeRefused(
            QT_TRANSLATE_NOOP(
                "Refusal", "the copy's history cannot be read (%1 %2 %3: %4); nothing was merged."
            ),
            row.entity,
            row.entity_id,
            row.field,
            error,
        ) from None


def _row(board: Board, entity: str, entity_id: int) -> Any:
    return getattr(board, ENTITY_COLLECTIONS[entity]).get(entity_id)


def _group(entity: str, name: str) -> str:
    """A card's column and its place in it are decided together."""
    return "status_id" if entity == "task" and name == "position" else name


def _find_conflicts(plan: MergePlan) -> None:
    """A field changed since the fork on both sides, to different values, is a conflict;
    one that only the copy changed merges; one the copy ended where it began is left."""
    conflicting: dict[tuple[str, int, str], bool] = {}  # (entity, id here, group)
    copy_ids: dict[tuple[str, int], int] = {}  # the row's id here → its id in the copy
    for key, rows in plan.changes.items():
        entity, entity_id, name = key
        if (entity, entity_id) in plan.created:
            continue
        board_id = _ref(plan, entity, entity_id)  # a row merged before has its own id here
        board_row = _row(plan.board, entity, board_id)
        copy_row = _row(plan.copy_board, entity, entity_id)
        if board_row is None or copy_row is None:
            continue
        copy_ids[(entity, board_id)] = entity_id
        fork = _map(plan, name, _decode(rows[0], rows[0].old))
        board_now = getattr(board_row, name)
        copy_now = _map(plan, name, getattr(copy_row, name))
        plan.board_now[key] = board_now
        group = (entity, board_id, _group(entity, name))
        if board_now == fork:
            conflicting.setdefault(group, False)
        elif copy_now in (fork, board_now):
            plan.skipped.add(key)  # the copy ends where it began, or where the board is
            conflicting.setdefault(group, False)
        else:
            conflicting[group] = True
    for (entity, board_id, name), both in conflicting.items():
        if not both:
            continue
        board_row = _row(plan.board, entity, board_id)
        copy_row = _row(plan.copy_board, entity, copy_ids[(entity, board_id)])
        title = getattr(board_row, "title", None) or getattr(board_row, "name", "") or ""
        plan.conflicts.append(
            Conflict(
                entity,
                board_id,
                name,
                getattr(board_row, name),
                getattr(copy_row, name),
                title,
            )
        )


# -- ids: rows the copy made are new rows here -----------------------------------------------


def _ref(plan: MergePlan, entity: str, entity_id: Any) -> Any:
    if isinstance(entity_id, int) and (entity, entity_id) in plan.created:
        return NewRow(f"{entity}:{entity_id}")
    return plan.known.get((entity, entity_id), entity_id)


def _map(plan: MergePlan, name: str, value: Any) -> Any:
    """A value of the copy with every id of a row the copy made replaced by its new row."""
    if name in fields.REFERENCES:
        return _ref(plan, fields.REFERENCES[name], value)
    if name == "depends_on":
        return tuple(_ref(plan, "task", v) for v in value)
    if isinstance(value, RiskFlag):
        return dataclasses.replace(value, set_by=_ref(plan, "person", value.set_by))
    if name == "questions":
        return tuple(
            dataclasses.replace(
                q,
                asked_by=_ref(plan, "person", q.asked_by),
                answered_by=_ref(plan, "person", q.answered_by),
            )
            for q in value
        )
    return value


def _map_text(plan: MergePlan, name: str, text: str | None) -> Any:
    """An imported history row's text: an id of a row the copy made becomes its new id."""
    if name in fields.REFERENCES and text is not None and text.isdigit():
        mapped = _ref(plan, fields.REFERENCES[name], int(text))
        return mapped if isinstance(mapped, NewRow) else text
    return text


# -- replay ------------------------------------------------------------------------------------


def build_steps(plan: MergePlan, choices: Mapping[tuple[str, int, str], Side]) -> list[Step]:
    """One step (one board revision) per copy revision that still changes something."""
    kept_board = {c.key for c in plan.conflicts if choices[c.key] == "board"}
    taken = {c.key for c in plan.conflicts if choices[c.key] == "copy"}
    change_rows = {r.id for rows in plan.changes.values() for r in rows}
    first_rows = {rows[0].id for rows in plan.changes.values()}
    steps = []
    for revision in plan.rows:
        commands: list[Command] = []
        for row in revision:
            key = (row.entity, row.entity_id, row.field)
            board_id = _ref(plan, row.entity, row.entity_id)
            group = (row.entity, board_id, _group(row.entity, row.field))
            if row.field == "created":
                commands.append(_creation(plan, row))
            elif row.id in change_rows:
                if key in plan.skipped or group in kept_board:
                    continue
                base = _map(plan, row.field, _decode(row, row.old))
                if group in taken and row.id in first_rows:
                    base = plan.board_now[key]  # the copy's value wins over the board's
                new = _map(plan, row.field, _decode(row, row.new))
                _add_field(commands, plan, row, new, base)
            else:
                commands.append(
                    Record(
                        row.entity,
                        _ref(plan, row.entity, row.entity_id),
                        row.field,
                        _map_text(plan, row.field, row.old),
                        _map_text(plan, row.field, row.new),
                        row.at,
                        _ref(plan, "person", row.actor_id),
                    )
                )
        if commands:
            writer = _writer(revision)
            steps.append(Step(commands, _ref(plan, "person", writer.actor_id), writer.at))
    return steps


def _add_field(
    commands: list[Command], plan: MergePlan, row: Activity, new: Any, base: Any
) -> None:
    """Fields of one row changed by one command stay one command."""
    target = _ref(plan, row.entity, row.entity_id)
    last = commands[-1] if commands else None
    if (
        isinstance(last, SetFields)
        and last.entity == row.entity
        and last.entity_id == target
        and row.field not in dict(last.values)
    ):
        commands[-1] = SetFields(
            row.entity,
            target,
            (*last.values, (row.field, new)),
            (*(last.base or ()), (row.field, base)),
        )
    else:
        commands.append(SetFields(row.entity, target, ((row.field, new),), ((row.field, base),)))


def _creation(plan: MergePlan, row: Activity) -> Create:
    """A row the copy made, with the values it had when made: its values now, each field
    changed later taken back to the value that change started from."""
    current = _row(plan.copy_board, row.entity, row.entity_id)
    values = []
    for name in fields.SPECS[row.entity]:
        later = plan.changes.get((row.entity, row.entity_id, name))
        value = _decode(later[0], later[0].old) if later else getattr(current, name)
        values.append((name, _map(plan, name, value)))
    return Create(
        row.entity,
        tuple(values),
        key=f"{row.entity}:{row.entity_id}",
        at=row.at,
        by=_ref(plan, "person", row.actor_id),
    )


class _DryRun(Exception):
    pass


def apply_merge(
    store: BoardStore,
    plan: MergePlan,
    choices: Mapping[tuple[str, int, str], Side] | None = None,
    *,
    dry_run: bool = False,
    now: Callable[[], datetime] = datetime.now,
) -> MergeReport:
    """Replay the plan in one transaction and move the copy aside as it commits. A dry run
    replays it too (so every check runs) and rolls it back; neither file changes."""
    choices = dict(choices or {})
    undecided = [c.label for c in plan.conflicts if c.key not in choices]
    if undecided:
        raise MergeRefused(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "changed both on the board and in the copy: %1; say which value to keep. "
                "Nothing was merged.",
            ),
            ", ".join(undecided),
        )
    steps = build_steps(plan, choices)
    moved_to = merged_copy_path(plan.copy, now())
    moved = False

    def finish() -> None:
        nonlocal moved
        if dry_run:
            raise _DryRun
        plan.copy.rename(moved_to)  # if this fails, the transaction rolls back
        moved = True

    try:
        store.apply_steps(steps, before_commit=finish)
    except _DryRun:
        pass
    except OSError as error:
        raise MergeRefused(
            QT_TRANSLATE_NOOP("Refusal", "%1 could not be moved aside (%2); nothing was merged."),
            plan.copy.name,
            error.strerror or error,
        ) from None
    except BaseException:
        if moved:  # the commit itself failed: put the copy back where it was
            moved_to.rename(plan.copy)
        raise
    return _report(plan, choices, steps, None if dry_run else moved_to, dry_run)


def _report(
    plan: MergePlan,
    choices: Mapping[tuple[str, int, str], Side],
    steps: Sequence[Step],
    moved_to: Path | None,
    dry_run: bool,
) -> MergeReport:
    by: Counter[str] = Counter()
    for step in steps:
        actor = step.actor_id
        if isinstance(actor, NewRow):  # a person the copy made: named in the copy
            person = plan.copy_board.people.get(int(actor.key.split(":")[1]))
        else:  # a person both files know, or one merged before: named here
            person = plan.board.people.get(actor) if actor is not None else None
        by[person.name if person else "Renkei"] += 1
    tasks: set[object] = set()  # ids of tasks on the board, keys of tasks the copy made
    for step in steps:
        for command in step.commands:
            if command.entity == "task":
                tasks.add(command.key if isinstance(command, Create) else command.entity_id)
    new_tasks = sum(1 for entity, _ in plan.created if entity == "task")
    return MergeReport(
        copy=plan.copy,
        moved_to=moved_to,
        dry_run=dry_run,
        common_revision=plan.common_revision,
        changes=len(steps),
        by=dict(by),
        tasks=len({t.key if isinstance(t, NewRow) else t for t in tasks}),
        new_tasks=new_tasks,
        kept=[(c, choices[c.key]) for c in plan.conflicts],
        already=plan.already,
    )


def merge_copy(
    store: BoardStore,
    copy_path: str | Path,
    choose: Callable[[list[Conflict]], Mapping[tuple[str, int, str], Side] | None],
    *,
    dry_run: bool = False,
) -> MergeReport | None:
    """Prepare, ask ``choose`` about conflicts (None: the person cancelled), apply."""
    plan = prepare_merge(store, copy_path)
    choices: Mapping[tuple[str, int, str], Side] = {}
    if plan.conflicts:
        chosen = choose(plan.conflicts)
        if chosen is None:
            return None
        choices = chosen
    return apply_merge(store, plan, choices, dry_run=dry_run)
