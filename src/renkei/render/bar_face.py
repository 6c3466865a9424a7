"""What one task's row on a timeline says: built from the read model, painted by
``renkei.render.timeline_paint`` on the screen, the standup slide and the PDF alike.

A face holds no colour: its ``tone`` says which of the theme's inks the bar takes, so one
face serves every theme (the PDF is always light, the screen follows the app)."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from renkei.domain.handoff import Handoff, HandoffState
from renkei.domain.read_model import BoardReadModel
from renkei.domain.risk import RiskKind
from renkei.domain.schedule import span_of, violations
from renkei.i18n.words import risk_words
from renkei.render.card_face import owner_label


class BarTone(enum.Enum):
    """Which ink a bar takes: finished work fades, risk outranks the team's colour."""

    DONE = "done"
    LATE = "late"  # at risk, and one of the reasons is that it is overdue
    AT_RISK = "at_risk"
    TEAM = "team"  # the team's colour (``BarFace.team_index``), or the no-team grey


@dataclass(frozen=True, slots=True)
class HandoffMark:
    """A handoff of the task, flagged on the bar's top edge on the (local) day it was sent."""

    handoff_id: int
    day: int  # date ordinal
    waiting: bool  # sent and not acknowledged yet


@dataclass(frozen=True, slots=True)
class BarFace:
    """Everything a task's timeline row shows, already in words and day numbers."""

    task_id: int
    title: str
    first: int  # first day's ordinal
    last: int  # last day's ordinal, included; equal to ``first`` for a milestone
    tone: BarTone = BarTone.TEAM
    team_index: int | None = None  # the team's position: picks its colour; None: no team
    done: bool = False
    progress: int = 0
    risk_word: str = ""  # the two worst reasons' words, "Late · Stale"; "" when not at risk
    conflict: bool = False  # starts on or before the last day of a task it waits for
    owner_initials: str = ""
    owner_label: str = ""  # the owner as the cards name them: "Haruka A.", "青木"
    owner_name: str = ""
    handoffs: tuple[HandoffMark, ...] = ()
    # The day it was first due (its baseline) when its due date slipped later since: the
    # timeline draws it as a ghost under the bar; None when it did not slip.
    baseline: int | None = None

    @property
    def milestone(self) -> bool:
        return self.first == self.last

    @property
    def late(self) -> bool:
        return self.tone is BarTone.LATE

    @property
    def at_risk(self) -> bool:
        return bool(self.risk_word)


def bar_face(
    model: BoardReadModel, task_id: int, handoffs: Iterable[Handoff] | None = None
) -> BarFace | None:
    """The row of ``task_id``; None when the task has no date (it has no bar).

    ``handoffs`` are the task's handoffs when the caller has already gathered them for many
    tasks (``handoffs_by_task``); left out, they are looked up on the board."""
    board = model.board
    task = board.tasks[task_id]
    span = span_of(task)
    if span is None:
        return None
    done = task.status_id in board.done_status_ids()
    reasons = () if done else model.risk(task_id)
    if done:
        tone = BarTone.DONE
    elif reasons:
        late = any(r.kind is RiskKind.OVERDUE for r in reasons)
        tone = BarTone.LATE if late else BarTone.AT_RISK
    else:
        tone = BarTone.TEAM
    word = risk_words(reasons)
    baseline = None
    slipped = next((r for r in reasons if r.kind is RiskKind.SLIPPED), None)
    if slipped is not None and task.due is not None:
        days = slipped.param("days")
        assert isinstance(days, int)
        baseline = task.due.toordinal() - days
    team = board.teams.get(task.team_id) if task.team_id is not None else None
    owner = board.people.get(task.owner_id) if task.owner_id is not None else None
    if handoffs is None:
        handoffs = handoffs_by_task(board.handoffs.values(), {task_id}).get(task_id, ())
    return BarFace(
        task_id=task_id,
        title=task.title,
        first=span.first.toordinal(),
        last=span.last.toordinal(),
        tone=tone,
        team_index=team.position if team is not None else None,
        done=done,
        progress=0 if done else task.progress,
        risk_word=word,
        conflict=bool(violations(board, [task_id])),
        owner_initials=owner.initials if owner else "",
        owner_label=owner_label(owner.name) if owner else "",
        owner_name=owner.name if owner else "",
        handoffs=tuple(
            HandoffMark(h.id, local_day(h.sent_at).toordinal(), h.state is HandoffState.SENT)
            for h in handoffs
        ),
        baseline=baseline,
    )


def handoffs_by_task(
    handoffs: Iterable[Handoff], task_ids: Iterable[int]
) -> dict[int, list[Handoff]]:
    """The live (not withdrawn) handoffs of each of ``task_ids``, oldest first."""
    wanted = set(task_ids)
    found: dict[int, list[Handoff]] = {}
    for h in handoffs:
        if h.task_id in wanted and h.state is not HandoffState.WITHDRAWN:
            found.setdefault(h.task_id, []).append(h)
    for listed in found.values():
        listed.sort(key=lambda h: (h.sent_at, h.id))
    return found


def local_day(at: datetime) -> date:
    """A stored time (naive UTC) as the local calendar day."""
    return (at + _utc_offset(at.date())).date()


@functools.lru_cache(maxsize=4096)
def _utc_offset(day: date) -> timedelta:
    """The local zone's offset on ``day`` (astimezone is slow: once per day, not per time)."""
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return noon.astimezone().utcoffset() or timedelta(0)
