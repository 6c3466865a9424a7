"""A board open in one window (or one CLI call): its snapshot, its edits, their undo."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from renkei.app.activity_view import task_trail
from renkei.app.forecasting import board_forecasts, read_finished_days
from renkei.app.handoff_analysis import MAX_AGE, HandoffAnalyser
from renkei.domain.commands import Change, Command, FieldChange, Record, RowChange, SetFields
from renkei.domain.forecast import Forecast
from renkei.domain.forecast_late import LateForecastsByTeam, Pace, team_paces
from renkei.domain.handoff_log import HandoffAnalysis
from renkei.domain.model import ENTITY_COLLECTIONS, Activity, Board
from renkei.domain.risk import (
    RiskContext,
    RiskReason,
    RiskThresholds,
    is_blocked,
    risk_reasons,
)
from renkei.domain.slips import SLIP_FIELDS, Slips, slips_by_task, slips_of
from renkei.store import lease
from renkei.store.board_store import BoardStore, utcnow

Listener = Callable[[Change | None], None]


@dataclass(frozen=True, slots=True)
class UndoStep:
    label: str
    change: Change


class BoardSession:
    """The board's ``BoardReadModel`` (renkei.domain.read_model), and its one way to change.

    Every edit goes ``apply → store → Change → snapshot → listeners``; so will the edits
    of other people once they are read from the change feed."""

    def __init__(
        self,
        store: BoardStore,
        actor_id: int | None,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = utcnow,
        thresholds: RiskThresholds | None = None,
    ):
        self.store = store
        # The lead's own risk thresholds (Preferences); unset fields: the board's values.
        self.thresholds = thresholds or RiskThresholds()
        self.actor_id = actor_id
        self._today = today
        self._now = now
        self._board = store.load()
        self._introduce()
        # The last revision read from the change feed: everything up to it is on screen.
        self.synced_revision = self._board.revision
        self._listeners: list[Listener] = []
        self._undo: list[UndoStep] = []
        self._redo: list[UndoStep] = []
        self._risk_ctx: RiskContext | None = None
        self._late = LateForecastsByTeam()  # kept per team across changes
        self._risk: dict[int, tuple[RiskReason, ...]] = {}
        # Each task's due-date moves, read from the trail once and again after a move.
        self._slips: dict[int, Slips] | None = None
        # Who last changed each task (person, login), read once per board revision.
        self._editors: tuple[int, dict[int, tuple[int | None, str | None]]] | None = None
        self._analyser = HandoffAnalyser(store)
        self._handoffs: HandoffAnalysis | None = None
        self._handoffs_touched: set[int] | None = None  # tasks changed since; None: all
        # The tasks ``_handoffs`` was worked out for when only some were asked for (the
        # cards on screen); None: the whole board.
        self._handoffs_partial: set[int] | None = None
        # False while the sync has lost the board (BoardSync says): the views keep what
        # they last read instead of waiting seconds, on every paint, for a server that is
        # not there.
        self.reachable = True
        self._histories: dict[int, list[Activity]] = {}  # each task's last read trail
        # The forecasts, with the board revision and day they were made for.
        self._forecasts: tuple[tuple[int, date], list[Forecast]] | None = None
        # The day each finished task got done (read from the trail once, and again after a
        # task moves column or team) and each team's pace from it, for the day it was made.
        self._finished: dict[int, date] | None = None
        self._paces: tuple[date, dict[int, Pace]] | None = None

    # -- state ---------------------------------------------------------------------------

    @property
    def board(self) -> Board:
        return self._board

    def today(self) -> date:
        return self._today()

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    # -- rules on the current snapshot ------------------------------------------------------

    def risk_context(self) -> RiskContext:
        if self._risk_ctx is None:
            self._risk_ctx = RiskContext(
                self._board,
                self._today(),
                self._now(),
                stale_days=self.thresholds.stale_days,
                due_soon_days=self.thresholds.due_soon_days,
                slips=self._slip_index(),
                late_forecasts=self._late.of(self._board, self._team_paces(), self._today()),
            )
        return self._risk_ctx

    def finished_days(self) -> dict[int, date]:
        """The day each task in a done column got there (the forecasts' history)."""
        if self._finished is None:
            if not self.reachable:
                return {}  # read once the board is back
            self._finished = read_finished_days(self.store, self._board)
        return self._finished

    def _team_paces(self) -> dict[int, Pace]:
        today = self._today()
        if self._paces is None or self._paces[0] != today:
            self._paces = (today, team_paces(self._board, self.finished_days(), today))
        return self._paces[1]

    def slips(self, task_id: int) -> Slips:
        """The task's baseline and every move of its due date since."""
        task = self._board.tasks[task_id]
        return self._slip_index().get(task_id) or slips_of((), task.due)

    def last_editor(self, task_id: int) -> tuple[int | None, str | None]:
        """Who made the task's latest change: the person's id and the login (either None)."""
        if self._editors is None or self._editors[0] != self._board.revision:
            self._editors = (self._board.revision, self.store.last_editors("task"))
        return self._editors[1].get(task_id, (None, None))

    def _slip_index(self) -> dict[int, Slips]:
        if self._slips is None:
            if not self.reachable:
                return {}  # judged again once the board is back
            dues = {task_id: task.due for task_id, task in self._board.tasks.items()}
            rows = self.store.history("task", fields=SLIP_FIELDS)
            self._slips = slips_by_task(rows, dues)
        return self._slips

    def rebaseline(self, task_ids: Sequence[int], *, change_id: str | None = None) -> Change:
        """Commit to the tasks' current due dates: each one's baseline becomes its due date
        and its slips count from now (a ``baseline`` history row; no field changes)."""
        now = self._now()
        commands = []
        for task_id in task_ids:
            task = self._board.tasks[task_id]
            before = self.slips(task_id).baseline
            commands.append(
                Record(
                    "task",
                    task_id,
                    "baseline",
                    before.isoformat() if before else None,
                    task.due.isoformat() if task.due else None,
                    now,
                    self.actor_id,
                )
            )
        change = self.store.apply_all(commands, self.actor_id, change_id=change_id)
        if change.already_saved:
            self.reload()
            return change
        self._note_own_revision(change)
        rows = tuple(
            RowChange(
                "task",
                command.entity_id,
                False,
                (FieldChange("baseline", command.old, command.new),),
                self._board.tasks[command.entity_id],
                change.revision,
                self.actor_id,
            )
            for command in commands
            if isinstance(command.entity_id, int)
        )
        shown = dataclasses.replace(change, rows=rows)
        self._receive(shown)
        return shown

    def set_thresholds(self, thresholds: RiskThresholds) -> None:
        """New risk thresholds: every task's risk is judged again and every view, told of a
        full refresh (``None``), repaints."""
        if thresholds == self.thresholds:
            return
        self.thresholds = thresholds
        self._forget_derived()
        self._notify(None)

    def risk(self, task_id: int) -> tuple[RiskReason, ...]:
        """Every reason the task is at risk; computed on demand, kept until the next change."""
        found = self._risk.get(task_id)
        if found is None:
            ctx = self.risk_context()
            found = risk_reasons(self._board.tasks[task_id], ctx)
            self._risk[task_id] = found
        return found

    def blocked(self, task_id: int) -> bool:
        ctx = self.risk_context()
        return is_blocked(self._board.tasks[task_id], self._board, ctx.done_ids)

    def handoff_analysis(self) -> HandoffAnalysis:
        """Findings, the handoff log and the team matrix; kept until the next change, or
        for ``MAX_AGE`` (lateness grows with the clock)."""
        now = self._now()
        if not self.reachable:  # the trail cannot be read now: what was last read
            if self._handoffs is None:  # (nothing yet: the board's handoffs alone)
                self._handoffs = self._analyser.analyse(self._board, now, set())
                self._handoffs_touched = None  # everything is read once the board is back
            return self._handoffs
        touched, current = self._handoffs_touched, self._handoffs
        if current is None or self._handoffs_partial is not None or self._aged(now):
            touched = None
        elif touched is not None and not touched:
            return current
        self._handoffs = self._analyser.analyse(self._board, now, touched)
        self._handoffs_touched = set()
        self._handoffs_partial = None
        return self._handoffs

    def handoffs_for(self, task_ids: Iterable[int]) -> HandoffAnalysis:
        """An analysis whose findings are right for ``task_ids`` (the cards on screen): the
        whole board's when it is up to date, else those tasks worked out alone, reading
        only their part of the trail. Its other tasks' findings may be missing or old, so
        whoever needs every task's asks ``handoff_analysis()``."""
        now = self._now()
        if not self.reachable:
            return self.handoff_analysis()
        wanted = set(task_ids)
        if self._handoffs is None or self._aged(now) or self._handoffs_touched is None:
            self._analyser.forget()
            self._handoffs_partial, self._handoffs_touched = set(), set()
            needed = wanted
        else:
            needed = wanted & self._handoffs_touched
            if self._handoffs_partial is not None:
                needed |= wanted - self._handoffs_partial
        if not needed and self._handoffs is not None:
            return self._handoffs
        self._handoffs = self._analyser.analyse(self._board, now, needed)
        self._handoffs_touched -= needed
        if self._handoffs_partial is not None:
            self._handoffs_partial |= needed
        return self._handoffs

    def _aged(self, now: datetime) -> bool:
        return self._handoffs is None or now - self._handoffs.now > MAX_AGE

    def now(self) -> datetime:
        return self._now()

    def forecasts(self) -> list[Forecast]:
        """Every team's, then project's, forecast (default options); kept while the board's
        revision and the day stay the same; while the board cannot be reached, as last made."""
        made_for = (self._board.revision, self._today())
        if self._forecasts is not None and (self._forecasts[0] == made_for or not self.reachable):
            return self._forecasts[1]
        if not self.reachable:
            return []
        self._forecasts = (made_for, board_forecasts(self))
        return self._forecasts[1]

    def history(self, task_id: int) -> list[Activity]:
        """The task's audit trail, its handoffs' rows among its own (``task_trail``); while
        the board cannot be reached, as last read."""
        if not self.reachable:
            return self._histories.get(task_id, [])
        found = task_trail(self.store, self.board, task_id)
        if len(self._histories) >= 500:
            self._histories.clear()
        self._histories[task_id] = found
        return found

    def task_activity_since(self, since: datetime) -> list[Activity]:
        """Every change to any task after ``since`` (the standup's "changed since")."""
        return self.store.history("task", since=since)

    # -- edits -----------------------------------------------------------------------------

    def apply(self, command: Command, label: str = "", *, change_id: str | None = None) -> Change:
        return self.apply_all((command,), label, change_id=change_id)

    def apply_all(
        self,
        commands: Sequence[Command],
        label: str = "",
        progress: Callable[[int, int], None] | None = None,
        *,
        change_id: str | None = None,
    ) -> Change:
        """Apply in one transaction; ``progress(done, total)`` is called inside it, so an
        exception it raises (a cancelled import) leaves the board as it was.

        ``change_id``: a retry passes the id of the try it repeats (see BoardStore.apply_all);
        when that try had been saved, the board is read again and the Change says
        ``already_saved`` (no undo step: the rows may have changed since)."""
        change = self.store.apply_all(
            commands, self.actor_id, progress=progress, change_id=change_id
        )
        if change.already_saved:
            self.reload()
            return change
        self._note_own_revision(change)
        if change.rows:
            if change.inverse():  # adding a team or a person is not undoable: nothing to archive
                self._undo.append(UndoStep(label, change))
                self._redo.clear()
            self._receive(change)
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def undo(self) -> Change | None:
        """Apply the inverse of the last edit. If someone changed the same field since,
        the store raises ConflictError and the step stays on the stack."""
        return self._step(self._undo, self._redo, overriding=False)

    def redo(self) -> Change | None:
        return self._step(self._redo, self._undo, overriding=False)

    def pending_undo(self) -> tuple[Command, ...]:
        """The commands Undo would apply (to describe them before asking)."""
        return self._undo[-1].change.inverse() if self._undo else ()

    def pending_redo(self) -> tuple[Command, ...]:
        return self._redo[-1].change.inverse() if self._redo else ()

    def undo_overriding(self) -> Change | None:
        """Undo the last edit even though someone changed the same field since: the user
        saw both values and chose. Based on the values stored now, so it applies."""
        return self._step(self._undo, self._redo, overriding=True)

    def redo_overriding(self) -> Change | None:
        return self._step(self._redo, self._undo, overriding=True)

    def _step(
        self, source: list[UndoStep], target: list[UndoStep], *, overriding: bool
    ) -> Change | None:
        """Apply the inverse of the step on top of ``source`` and move it to ``target``;
        on a conflict nothing moves."""
        if not source:
            return None
        step = source[-1]
        commands = step.change.inverse()
        if overriding:
            commands = tuple(self._based_on_now(command) for command in commands)
        change = self.store.apply_all(commands, self.actor_id)
        self._note_own_revision(change)
        source.pop()
        target.append(UndoStep(step.label, change))
        self._receive(change)
        return change

    def _based_on_now(self, command: SetFields) -> SetFields:
        row = getattr(self._board, ENTITY_COLLECTIONS[command.entity]).get(command.entity_id)
        base = tuple((name, getattr(row, name)) for name, _ in command.values) if row else None
        return dataclasses.replace(command, base=base)

    def reload(self) -> None:
        """Read the whole board again (another board, or after losing track of changes)."""
        self.show_board(self.store.load())

    def show_board(self, board: Board) -> None:
        """Show a whole board read from the store (a reconnect reads it in a worker thread)."""
        self._board = board
        self.synced_revision = self._board.revision
        self._forget_derived()
        self._late.forget_all()
        self._slips = None
        self._finished = self._paces = None
        self._handoffs_touched = None
        self._notify(None)

    # -- other people's changes -----------------------------------------------------------

    def pull(self) -> bool:
        """Read what others changed since the last pull and show it, exactly as our own
        changes are shown. True when anything on screen changed."""
        revision, rows = self.store.changes_since(self.synced_revision)
        return self.take_changes(revision, rows)

    def take_changes(self, revision: int, rows: tuple[RowChange, ...] | None) -> bool:
        """Show what ``store.changes_since(self.synced_revision)`` returned (a window reads
        it in a worker thread); True when anything on screen changed."""
        if rows is None:
            self.reload()
            return True
        self.synced_revision = revision
        fresh = tuple(rc for rc in rows if self._differs(rc) or _moves_baseline(rc))
        if not fresh:
            if revision > self._board.revision:
                self._board = dataclasses.replace(self._board, revision=revision)
            return False
        self._receive(Change(max(revision, self._board.revision), None, fresh))
        return True

    def _differs(self, row_change: RowChange) -> bool:
        """Our own edits come back through the feed too; they are already on screen."""
        current = getattr(self._board, ENTITY_COLLECTIONS[row_change.entity]).get(
            row_change.entity_id
        )
        return bool(current != row_change.row)

    def _note_own_revision(self, change: Change) -> None:
        # When nothing else happened in between, our own write needs no echo from the feed.
        if change.rows and change.revision == self.synced_revision + 1:
            self.synced_revision = change.revision

    def set_actor(self, actor_id: int | None) -> None:
        self.actor_id = actor_id
        self._introduce()

    def _introduce(self) -> None:
        """A colleague kept waiting by this process's lease on a shared file reads this
        person's name ("being changed by Kenta Mori on KENTA-PC since 10:42")."""
        person = self._board.people.get(self.actor_id) if self.actor_id is not None else None
        lease.introduce(person.name if person is not None else None)

    # -- applying changes to the snapshot -------------------------------------------------

    def _receive(self, change: Change) -> None:
        board = self._board
        self._forget_late_lines(board, change)
        updated: dict[str, Any] = {}  # a collection of the board → its new dict of rows
        for row_change in change.rows:
            name = ENTITY_COLLECTIONS[row_change.entity]
            if name not in updated:
                updated[name] = dict(getattr(board, name))
            updated[name][row_change.entity_id] = row_change.row
        self._board = dataclasses.replace(board, revision=change.revision, **updated)
        self._forget_derived()
        tasks = [rc for rc in change.rows if rc.entity == "task"]
        if any(_moves_baseline(rc) for rc in tasks):
            self._slips = None
        done = self._board.done_status_ids()
        if any(_moves_finish(rc) or rc.created and rc.row.status_id in done for rc in tasks):
            self._finished = self._paces = None  # (a task made in a done column counts too)
        self._note_handoff_tasks(change)
        self._notify(change)

    def _forget_late_lines(self, before: Board, change: Change) -> None:
        """The teams whose line of work the change may reorder: those of the tasks it
        changed, before and after (a task given to another team leaves one line for the
        other); a changed status or team (done columns, names) reorders them all."""
        teams: set[int | None] = set()
        for rc in change.rows:
            if rc.entity == "task":
                was = before.tasks.get(rc.entity_id)
                teams.update((rc.row.team_id, was.team_id if was is not None else None))
            elif rc.entity in ("status", "team"):
                self._late.forget_all()
                return
        self._late.forget_teams(teams)

    def _note_handoff_tasks(self, change: Change) -> None:
        """Which tasks' handoff findings the change may alter; a renamed person or team, or
        an edited template, alters every sentence."""
        if self._handoffs_touched is None:
            return
        for rc in change.rows:
            if rc.entity == "task":
                self._handoffs_touched.add(rc.entity_id)
            elif rc.entity == "handoff":
                self._handoffs_touched.add(rc.row.task_id)
            elif rc.entity in ("person", "team", "handoff_template"):
                self._handoffs_touched = None
                return

    def _forget_derived(self) -> None:
        self._risk_ctx = None
        self._risk.clear()

    def _notify(self, change: Change | None) -> None:
        for listener in list(self._listeners):
            listener(change)


def _moves_baseline(row_change: RowChange) -> bool:
    """A task change that moves its due date or its baseline: its slips are read again."""
    return any(f.name in SLIP_FIELDS for f in row_change.fields)


def _moves_finish(row_change: RowChange) -> bool:
    """A task change that may finish it, reopen it or give it to another team: the teams'
    finished work and paces are read again."""
    return any(f.name in ("status_id", "team_id") for f in row_change.fields)
