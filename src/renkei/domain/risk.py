"""Why a task is at risk: pure functions that return every reason as plain data.

Each reason carries a kind and the numbers behind it; ``describe`` turns it into the short
sentence a card's detail shows. The sentence templates are marked for translation so the UI
can show them in Japanese.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
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
from renkei.domain.slips import Slips


class Risk(TranslationContext):
    """The risk rules' words (translation context "Risk")."""


class RiskKind(enum.Enum):
    """Why a task is at risk, one kind per fact, most serious first (``SEVERITY``). A column
    over its WIP limit is a fact about the column (its header, the standup, the report), not
    a risk of each task in it."""

    OVERDUE = "overdue"
    FLAGGED = "flagged"
    DEPENDENCY = "dependency"
    BEHIND = "behind"
    FORECAST_LATE = "forecast_late"
    SLIPPED = "slipped"
    NO_OWNER = "no_owner"
    STALE = "stale"


# Most serious first: a card's badge says the first two.
SEVERITY: tuple[RiskKind, ...] = tuple(RiskKind)


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
    RiskKind.FORECAST_LATE: QT_TRANSLATE_NOOP(
        "Risk", "At %1's recent pace it would be done around %2, after its due date."
    ),
    RiskKind.SLIPPED: Risk.tr(
        "Due date moved %n time(s), %1 later than first planned.", "", PLURAL
    ),
    RiskKind.NO_OWNER: QT_TRANSLATE_NOOP("Risk", "Nobody owns this task."),
    RiskKind.STALE: Risk.tr("No activity for %n day(s).", "", PLURAL),
}

# A predecessor that is still open, by what it is: late already, ending on this task's date,
# or ending after it.
DEPENDENCY_LATE = Risk.tr("Waits for “%1”, due %2, still open — %n day(s) late.", "", PLURAL)
DEPENDENCY_SAME_DAY = {
    "start": QT_TRANSLATE_NOOP("Risk", "Waits for “%1”, due %2 — the day this task starts."),
    "due": QT_TRANSLATE_NOOP("Risk", "Waits for “%1”, due %2 — the day this task is due."),
}
DEPENDENCY_AFTER = {
    "start": QT_TRANSLATE_NOOP("Risk", "Waits for “%1”, due %2 — after this task starts (%3)."),
    "due": QT_TRANSLATE_NOOP("Risk", "Waits for “%1”, due %2 — after this task is due (%3)."),
}
DAYS = Risk.tr("%n day(s)", "", PLURAL)

# One word for the card badge, next to the icon: never colour alone.
BADGE_WORDS: Mapping[RiskKind, str] = {
    RiskKind.FLAGGED: QT_TRANSLATE_NOOP("Risk", "Flagged"),
    RiskKind.OVERDUE: QT_TRANSLATE_NOOP("Risk", "Late"),
    RiskKind.BEHIND: QT_TRANSLATE_NOOP("Risk", "Behind"),
    RiskKind.DEPENDENCY: QT_TRANSLATE_NOOP("Risk", "Dependency"),
    RiskKind.FORECAST_LATE: QT_TRANSLATE_NOOP("Risk", "Forecast late"),
    RiskKind.SLIPPED: QT_TRANSLATE_NOOP("Risk", "Slipped"),
    RiskKind.NO_OWNER: QT_TRANSLATE_NOOP("Risk", "No owner"),
    RiskKind.STALE: QT_TRANSLATE_NOOP("Risk", "Stale"),
}

# Two badge words side by side: "Late · Stale".
BADGE_PAIR = QT_TRANSLATE_NOOP("Risk", "%1 · %2")


def plain_date(day: date) -> str:
    """A date in English words without Qt ("Fri 4 Dec"; the year when it is not this one's
    neighbour): the CLI's and the default for ``describe``."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def describe(
    reason: RiskReason,
    translate: Translate = untranslated,
    date_words: Callable[[date], str] = plain_date,
) -> str:
    """The reason as one short sentence; ``translate`` is Qt's translate in the UI (with the
    day count for the sentences that have plural forms), ``date_words`` writes a date."""
    params = dict(reason.params)
    kind = reason.kind
    if kind is RiskKind.DEPENDENCY:
        return _describe_dependency(params, translate, date_words)
    if kind in (RiskKind.OVERDUE, RiskKind.STALE):
        return translate("Risk", TEMPLATES[kind], _int(params["days"]))
    if kind is RiskKind.SLIPPED:
        later = translate("Risk", DAYS, _int(params["days"]))
        return arg(translate("Risk", TEMPLATES[kind], _int(params["moves"])), later)
    if kind is RiskKind.FORECAST_LATE:
        finish = params["finish"]
        assert isinstance(finish, date)
        return arg(translate("Risk", TEMPLATES[kind]), params["team"], date_words(finish))
    values = [params[name] for name in PLACES.get(kind, ())]
    return arg(translate("Risk", TEMPLATES[kind]), *values)


def _describe_dependency(
    params: dict[str, object], translate: Translate, date_words: Callable[[date], str]
) -> str:
    other_due, when, edge = params["other_due"], params["date"], str(params["edge"])
    assert isinstance(other_due, date) and isinstance(when, date)
    late = _int(params.get("late_days", 0))
    if late > 0:
        return arg(translate("Risk", DEPENDENCY_LATE, late), params["other"], date_words(other_due))
    if other_due == when:
        return arg(
            translate("Risk", DEPENDENCY_SAME_DAY[edge]), params["other"], date_words(other_due)
        )
    template = translate("Risk", DEPENDENCY_AFTER[edge])
    return arg(template, params["other"], date_words(other_due), date_words(when))


def _int(value: object) -> int:
    assert isinstance(value, int)  # the rules that make these reasons count whole days
    return value


# The reason's parameters that fill each remaining sentence's %1, %2, … in turn.
PLACES: Mapping[RiskKind, tuple[str, ...]] = {
    RiskKind.FLAGGED: ("who", "reason"),
    RiskKind.BEHIND: ("progress", "elapsed"),
}


def badge_word(reason: RiskReason, translate: Translate = untranslated) -> str:
    return translate("Risk", BADGE_WORDS[reason.kind])


def badge_words(reasons: Sequence[RiskReason], translate: Translate = untranslated) -> str:
    """The words of the two most serious reasons, "Late · Stale" (never "+1": the second
    reason is named, the rest are in the detail)."""
    words = list(dict.fromkeys(badge_word(r, translate) for r in reasons))[:2]
    if len(words) < 2:
        return words[0] if words else ""
    return arg(translate("Risk", BADGE_PAIR), *words)


STALE_DAYS = 7  # no activity for this many days: "Stale"
DUE_SOON_DAYS = 3  # due within this many days: "due soon" (cards, "Behind" risk)


@dataclass(frozen=True, slots=True)
class RiskThresholds:
    """The two numbers a lead tunes in Preferences; None on a field: the board's own value."""

    stale_days: int | None = None
    due_soon_days: int | None = None


class RiskContext:
    """What the rules need beyond the task itself, computed once per board snapshot.
    ``stale_days`` and ``due_soon_days`` default to the board's settings (7 and 3).
    ``slips``: each task's due-date moves (domain/slips.py; a task not listed never moved).
    ``late_forecasts``: the tasks expected done after their due date, with the team whose
    pace says so and the expected day (domain/forecast_late.py)."""

    __slots__ = (
        "board",
        "today",
        "now",
        "done_ids",
        "backlog_id",
        "stale_days",
        "due_soon_days",
        "slips",
        "late_forecasts",
    )

    def __init__(
        self,
        board: Board,
        today: date,
        now: datetime | None = None,
        *,
        stale_days: int | None = None,
        due_soon_days: int | None = None,
        slips: Mapping[int, Slips] | None = None,
        late_forecasts: Mapping[int, tuple[str, date]] | None = None,
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
        self.slips: Mapping[int, Slips] = slips or {}
        self.late_forecasts: Mapping[int, tuple[str, date]] = late_forecasts or {}


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
    """A predecessor still open that cannot end before this task starts (or is due): it is
    due on or after that day, or it is late already (it can end today at the earliest)."""
    reasons = []
    for other_id in task.depends_on:
        other = ctx.board.tasks.get(other_id)
        if other is None or other.archived or other.status_id in ctx.done_ids or other.due is None:
            continue
        late_days = max(0, (ctx.today - other.due).days)
        earliest_end = max(other.due, ctx.today)
        if task.start is not None and earliest_end >= task.start:
            edge, when = "start", task.start
        elif task.due is not None and earliest_end >= task.due:
            edge, when = "due", task.due
        else:
            continue
        reasons.append(
            RiskReason(
                RiskKind.DEPENDENCY,
                (
                    ("other", other.title),
                    ("other_id", other.id),
                    ("other_due", other.due),
                    ("late_days", late_days),
                    ("edge", edge),
                    ("date", when),
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


def slipped(task: Task, ctx: RiskContext) -> RiskReason | None:
    """Its due date moved since the baseline and now lies later than it."""
    slips = ctx.slips.get(task.id)
    if slips is None or not slips.slipped(task.due):
        return None
    return RiskReason(
        RiskKind.SLIPPED,
        (("moves", len(slips.moves)), ("days", slips.days_later(task.due))),
    )


def forecast_late(task: Task, ctx: RiskContext) -> RiskReason | None:
    """Its team's recent pace, with the work ahead of it in line, has it done after its due
    date (domain/forecast_late.py); a task late already is "overdue" instead."""
    found = ctx.late_forecasts.get(task.id)
    if found is None or task.due is None or task.due < ctx.today:
        return None
    team, finish = found
    return RiskReason(RiskKind.FORECAST_LATE, (("team", team), ("finish", finish)))


def flagged(task: Task, ctx: RiskContext) -> RiskReason | None:
    if task.flag is None:
        return None
    person = ctx.board.people.get(task.flag.set_by) if task.flag.set_by else None
    who = person.name if person else "?"
    return RiskReason(RiskKind.FLAGGED, (("who", who), ("reason", task.flag.reason)))


def risk_reasons(task: Task, ctx: RiskContext) -> tuple[RiskReason, ...]:
    """Every reason this task is at risk, most serious first (``SEVERITY``). Finished,
    archived and backlog work carries no automatic reasons (backlog has not been committed
    to); a flag a person set stays."""
    if task.archived or task.status_id in ctx.done_ids:
        return ()
    manual = flagged(task, ctx)
    if task.status_id == ctx.backlog_id:
        return (manual,) if manual else ()
    reasons: list[RiskReason] = [manual] if manual else []
    for rule in (overdue, behind_schedule, no_owner, stale, slipped, forecast_late):
        found = rule(task, ctx)
        if found:
            reasons.append(found)
    reasons.extend(dependency_conflicts(task, ctx))
    order = {kind: index for index, kind in enumerate(SEVERITY)}
    return tuple(sorted(reasons, key=lambda r: order[r.kind]))


def is_blocked(task: Task, board: Board, done_ids: frozenset[int] | None = None) -> bool:
    """Blocked: a finish-to-start predecessor is not finished yet."""
    done = board.done_status_ids() if done_ids is None else done_ids
    for other_id in task.depends_on:
        other = board.tasks.get(other_id)
        if other is not None and not other.archived and other.status_id not in done:
            return True
    return False
