"""Why a task is at risk: pure functions that return every reason as plain data.

Each reason carries a kind and the numbers behind it; ``describe`` turns it into the short
sentence a card's detail shows. The sentence templates are marked for translation so the UI
can show them in Japanese.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from renkei.domain.i18n import (
    PLURAL,
    QT_TRANSLATE_NOOP,
    Translate,
    TranslationContext,
    arg,
    untranslated,
)
from renkei.domain.model import Board, Task


class Risk(TranslationContext):
    """The risk rules' words (translation context "Risk")."""


class RiskKind(enum.Enum):
    FLAGGED = "flagged"
    OVERDUE = "overdue"
    BEHIND = "behind"
    DEPENDENCY = "dependency"
    NO_OWNER = "no_owner"
    STALE = "stale"
    WIP = "wip"


@dataclass(frozen=True, slots=True)
class RiskReason:
    kind: RiskKind
    params: tuple[tuple[str, object], ...] = ()

    def param(self, name: str) -> object:
        return dict(self.params)[name]


TEMPLATES: Mapping[RiskKind, str] = {
    RiskKind.FLAGGED: QT_TRANSLATE_NOOP("Risk", "Flagged by %1: %2"),
    RiskKind.OVERDUE: Risk.tr("Overdue: was due %n day(s) ago.", "", PLURAL),
    RiskKind.BEHIND: QT_TRANSLATE_NOOP(
        "Risk", "Behind schedule: %1% done with %2% of the time used."
    ),
    RiskKind.DEPENDENCY: QT_TRANSLATE_NOOP(
        "Risk", "Waits for “%1”, which ends %2 — after this task's %3 (%4)."
    ),
    RiskKind.NO_OWNER: QT_TRANSLATE_NOOP("Risk", "Nobody owns this task."),
    RiskKind.STALE: Risk.tr("No activity for %n day(s).", "", PLURAL),
    RiskKind.WIP: QT_TRANSLATE_NOOP("Risk", "“%1” holds %2 tasks, over its limit of %3."),
}

# The reason's parameters that fill each sentence's %1, %2, … in turn ("%n" takes the days).
PLACES: Mapping[RiskKind, tuple[str, ...]] = {
    RiskKind.FLAGGED: ("who", "reason"),
    RiskKind.BEHIND: ("progress", "elapsed"),
    RiskKind.DEPENDENCY: ("other", "other_due", "edge", "date"),
    RiskKind.WIP: ("column", "count", "limit"),
}

# One word for the card badge, next to the icon: never colour alone.
BADGE_WORDS: Mapping[RiskKind, str] = {
    RiskKind.FLAGGED: QT_TRANSLATE_NOOP("Risk", "Flagged"),
    RiskKind.OVERDUE: QT_TRANSLATE_NOOP("Risk", "Late"),
    RiskKind.BEHIND: QT_TRANSLATE_NOOP("Risk", "Behind"),
    RiskKind.DEPENDENCY: QT_TRANSLATE_NOOP("Risk", "Dependency"),
    RiskKind.NO_OWNER: QT_TRANSLATE_NOOP("Risk", "No owner"),
    RiskKind.STALE: QT_TRANSLATE_NOOP("Risk", "Stale"),
    RiskKind.WIP: QT_TRANSLATE_NOOP("Risk", "WIP"),
}

EDGE_WORDS = {
    "start": QT_TRANSLATE_NOOP("Risk", "start"),
    "due": QT_TRANSLATE_NOOP("Risk", "due date"),
}


def describe(reason: RiskReason, translate: Translate = untranslated) -> str:
    """The reason as one short sentence; ``translate`` is Qt's translate in the UI (with the
    day count for the sentences that have plural forms)."""
    params = dict(reason.params)
    if "edge" in params:
        params["edge"] = translate("Risk", EDGE_WORDS[str(params["edge"])])
    values = [params[name] for name in PLACES.get(reason.kind, ())]
    if reason.kind in (RiskKind.OVERDUE, RiskKind.STALE):
        days = params["days"]
        assert isinstance(days, int)  # the rules that make these reasons count whole days
        return translate("Risk", TEMPLATES[reason.kind], days)
    return arg(translate("Risk", TEMPLATES[reason.kind]), *values)


def badge_word(reason: RiskReason, translate: Translate = untranslated) -> str:
    return translate("Risk", BADGE_WORDS[reason.kind])


STALE_DAYS = 7  # no activity for this many days: "Stale"
DUE_SOON_DAYS = 3  # due within this many days: "due soon" (cards, "Behind" risk)


@dataclass(frozen=True, slots=True)
class RiskThresholds:
    """The two numbers a lead tunes in Preferences; None on a field: the board's own value."""

    stale_days: int | None = None
    due_soon_days: int | None = None


class RiskContext:
    """What the rules need beyond the task itself, computed once per board snapshot.
    ``stale_days`` and ``due_soon_days`` default to the board's settings (7 and 3)."""

    __slots__ = (
        "board",
        "today",
        "now",
        "done_ids",
        "over_limit",
        "backlog_id",
        "stale_days",
        "due_soon_days",
    )

    def __init__(
        self,
        board: Board,
        today: date,
        now: datetime | None = None,
        *,
        stale_days: int | None = None,
        due_soon_days: int | None = None,
    ):
        self.board = board
        self.today = today
        self.now = now or datetime.combine(today, datetime.min.time())
        self.stale_days = board.settings.stale_days if stale_days is None else stale_days
        self.due_soon_days = (
            board.settings.due_soon_days if due_soon_days is None else due_soon_days
        )
        self.done_ids = board.done_status_ids()
        first = min(board.statuses.values(), key=lambda s: (s.position, s.id), default=None)
        self.backlog_id = first.id if first is not None and not first.is_done else None
        counts = Counter(t.status_id for t in board.tasks.values() if not t.archived)
        self.over_limit = {
            s.id: counts[s.id]
            for s in board.statuses.values()
            if s.wip_limit is not None and counts[s.id] > s.wip_limit
        }


def overdue(task: Task, ctx: RiskContext) -> RiskReason | None:
    if task.due is None or task.due >= ctx.today:
        return None
    return RiskReason(RiskKind.OVERDUE, (("days", (ctx.today - task.due).days),))


def behind_schedule(task: Task, ctx: RiskContext) -> RiskReason | None:
    """Due soon and less done than the share of its time already used."""
    if task.start is None or task.due is None or task.due < ctx.today:
        return None
    if (task.due - ctx.today).days > ctx.due_soon_days:
        return None
    span = (task.due - task.start).days + 1
    used = max(0, (ctx.today - task.start).days + 1)
    elapsed = min(100, round(100 * used / span))
    if task.progress >= elapsed:
        return None
    return RiskReason(RiskKind.BEHIND, (("progress", task.progress), ("elapsed", elapsed)))


def due_soon(due: date | None, today: date, due_soon_days: int) -> bool:
    """Due today or within ``due_soon_days`` days (not yet late): the card's due words stand
    out, and unfinished work that is behind its share of time is at risk."""
    return due is not None and 0 <= (due - today).days <= due_soon_days


def dependency_conflicts(task: Task, ctx: RiskContext) -> list[RiskReason]:
    """A predecessor that is not done and ends after this task starts (or is due)."""
    reasons = []
    for other_id in task.depends_on:
        other = ctx.board.tasks.get(other_id)
        if other is None or other.archived or other.status_id in ctx.done_ids or other.due is None:
            continue
        if task.start is not None and other.due >= task.start:
            edge, when = "start", task.start
        elif task.due is not None and other.due >= task.due:
            edge, when = "due", task.due
        else:
            continue
        reasons.append(
            RiskReason(
                RiskKind.DEPENDENCY,
                (
                    ("other", other.title),
                    ("other_due", other.due.isoformat()),
                    ("edge", edge),
                    ("date", when.isoformat()),
                ),
            )
        )
    return reasons


def no_owner(task: Task, ctx: RiskContext) -> RiskReason | None:
    return RiskReason(RiskKind.NO_OWNER) if task.owner_id is None else None


def stale(task: Task, ctx: RiskContext) -> RiskReason | None:
    if task.updated_at is None:
        return None
    idle = (ctx.now - task.updated_at).days
    if idle < ctx.stale_days:
        return None
    return RiskReason(RiskKind.STALE, (("days", idle),))


def wip_exceeded(task: Task, ctx: RiskContext) -> RiskReason | None:
    count = ctx.over_limit.get(task.status_id)
    if count is None:
        return None
    status = ctx.board.statuses[task.status_id]
    return RiskReason(
        RiskKind.WIP, (("column", status.name), ("count", count), ("limit", status.wip_limit))
    )


def flagged(task: Task, ctx: RiskContext) -> RiskReason | None:
    if task.flag is None:
        return None
    person = ctx.board.people.get(task.flag.set_by) if task.flag.set_by else None
    who = person.name if person else "?"
    return RiskReason(RiskKind.FLAGGED, (("who", who), ("reason", task.flag.reason)))


def risk_reasons(task: Task, ctx: RiskContext) -> tuple[RiskReason, ...]:
    """Every reason this task is at risk, most serious first. Finished, archived and
    backlog work carries no automatic reasons (backlog has not been committed to)."""
    if task.archived or task.status_id in ctx.done_ids:
        return ()
    reasons: list[RiskReason] = []
    manual = flagged(task, ctx)
    if manual:
        reasons.append(manual)
    if task.status_id == ctx.backlog_id:
        return tuple(reasons)
    for rule in (overdue, behind_schedule):
        found = rule(task, ctx)
        if found:
            reasons.append(found)
    reasons.extend(dependency_conflicts(task, ctx))
    for rule in (no_owner, stale, wip_exceeded):
        found = rule(task, ctx)
        if found:
            reasons.append(found)
    return tuple(reasons)


def is_blocked(task: Task, board: Board, done_ids: frozenset[int] | None = None) -> bool:
    """Blocked: a finish-to-start predecessor is not finished yet."""
    done = board.done_status_ids() if done_ids is None else done_ids
    for other_id in task.depends_on:
        other = board.tasks.get(other_id)
        if other is not None and not other.archived and other.status_id not in done:
            return True
    return False
