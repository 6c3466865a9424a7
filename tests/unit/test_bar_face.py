"""What a task's timeline row says (BarFace), built from a hand-made board: the screen, the
standup slide and the PDF all paint these values."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from renkei.domain.handoff import Handoff, HandoffState
from renkei.domain.model import Board, Person, Status, Task, Team
from renkei.domain.risk import RiskKind, RiskReason
from renkei.render.bar_face import BarFace, BarTone, HandoffMark, bar_face, local_day
from renkei.render.theme import LIGHT, mix
from renkei.render.timeline_paint import bar_colours

TODAY = date(2026, 12, 7)
OPEN, DONE = 1, 2


class Model:
    """A read model with fixed risk reasons (the rules have their own tests)."""

    def __init__(self, board: Board, risks: dict[int, tuple[RiskReason, ...]] | None = None):
        self.board = board
        self._risks = risks or {}

    def today(self) -> date:
        return TODAY

    def risk(self, task_id: int) -> tuple[RiskReason, ...]:
        return self._risks.get(task_id, ())


def make_board(*tasks: Task, handoffs: tuple[Handoff, ...] = ()) -> Board:
    return Board(
        name="test",
        revision=1,
        teams={7: Team(7, "Marketing", position=2)},
        people={3: Person(3, "Aoki Haruka", team_id=7)},
        statuses={OPEN: Status(OPEN, "Doing", 0), DONE: Status(DONE, "Done", 1, is_done=True)},
        tasks={t.id: t for t in tasks},
        handoffs={h.id: h for h in handoffs},
    )


def handoff(hid: int, task_id: int, state: HandoffState, sent: datetime) -> Handoff:
    return Handoff(hid, task_id, "lead", 3, 7, 3, None, "", (), state, sent)


def test_a_team_task_in_progress():
    task = Task(1, "Plan the webinar", OPEN, team_id=7, owner_id=3,
                start=date(2026, 12, 1), due=date(2026, 12, 10), progress=40)  # fmt: skip
    face = bar_face(Model(make_board(task)), 1)
    assert face == BarFace(
        task_id=1,
        title="Plan the webinar",
        first=date(2026, 12, 1).toordinal(),
        last=date(2026, 12, 10).toordinal(),
        tone=BarTone.TEAM,
        team_index=2,
        progress=40,
        owner_initials="AH",
        owner_label="Aoki H.",
        owner_name="Aoki Haruka",
    )
    assert not face.milestone and not face.late and not face.at_risk


def test_a_finished_task_has_no_progress_and_no_risk_even_if_the_rules_say_so():
    task = Task(1, "Shipped", DONE, start=date(2026, 11, 2), due=date(2026, 11, 4), progress=80)
    late = (RiskReason(RiskKind.OVERDUE),)
    face = bar_face(Model(make_board(task), {1: late}), 1)
    assert face.tone is BarTone.DONE and face.done
    assert face.progress == 0 and face.risk_word == ""
    assert face.team_index is None and face.owner_initials == ""


def test_overdue_outranks_other_reasons_and_the_word_names_the_first_two():
    task = Task(1, "Late one", OPEN, team_id=7, due=date(2026, 12, 1))
    reasons = (RiskReason(RiskKind.NO_OWNER), RiskReason(RiskKind.OVERDUE))
    face = bar_face(Model(make_board(task), {1: reasons}), 1)
    assert face.tone is BarTone.LATE and face.late
    assert face.risk_word == "No owner · Late"  # the reasons' order as given, never "+1"
    assert face.milestone  # a due date alone is a milestone on that day
    assert face.first == face.last == date(2026, 12, 1).toordinal()


def test_at_risk_without_being_late():
    task = Task(1, "Stale one", OPEN, start=date(2026, 12, 1), due=date(2026, 12, 20))
    face = bar_face(Model(make_board(task), {1: (RiskReason(RiskKind.STALE),)}), 1)
    assert face.tone is BarTone.AT_RISK
    assert face.risk_word == "Stale"


def test_an_undated_task_has_no_bar():
    assert bar_face(Model(make_board(Task(1, "Someday", OPEN))), 1) is None


def test_starting_before_the_task_it_waits_for_ends_is_a_conflict():
    before = Task(1, "Collect leads", OPEN, start=date(2026, 12, 1), due=date(2026, 12, 9))
    after = Task(2, "Call leads", OPEN, start=date(2026, 12, 8), due=date(2026, 12, 12),
                 depends_on=(1,))  # fmt: skip
    later = Task(3, "Report", OPEN, start=date(2026, 12, 13), due=date(2026, 12, 14),
                 depends_on=(2,))  # fmt: skip
    model = Model(make_board(before, after, later))
    assert [bar_face(model, i).conflict for i in (1, 2, 3)] == [False, True, False]


def test_handoffs_are_flagged_oldest_first_and_withdrawn_ones_left_out():
    task = Task(1, "Hand over", OPEN, start=date(2026, 12, 1), due=date(2026, 12, 9))
    sent = datetime(2026, 12, 3, 9, 0)
    acked = datetime(2026, 12, 2, 9, 0)
    board = make_board(
        task,
        handoffs=(
            handoff(10, 1, HandoffState.SENT, sent),
            handoff(11, 1, HandoffState.ACKNOWLEDGED, acked),
            handoff(12, 1, HandoffState.WITHDRAWN, acked),
        ),
    )
    face = bar_face(Model(board), 1)
    assert face.handoffs == (
        HandoffMark(11, local_day(acked).toordinal(), waiting=False),
        HandoffMark(10, local_day(sent).toordinal(), waiting=True),
    )


def test_local_day_of_a_stored_utc_time():
    noon = datetime(2026, 12, 7, 12, 0)
    offset = datetime(2026, 12, 7, 12, tzinfo=UTC).astimezone().utcoffset()
    assert local_day(noon) == (noon + offset).date()


@pytest.mark.parametrize(
    ("tone", "team_index", "expected"),
    [
        (BarTone.DONE, None, (LIGHT.progress_track, LIGHT.progress_track, LIGHT.muted)),
        (BarTone.LATE, 0, (mix(LIGHT.late, LIGHT.card, 0.28), LIGHT.late, LIGHT.late)),
        (BarTone.AT_RISK, 0, (mix(LIGHT.risk, LIGHT.card, 0.28), LIGHT.risk, LIGHT.risk)),
        (
            BarTone.TEAM,
            9,  # positions wrap around the palette
            (
                mix(LIGHT.team_colours[1], LIGHT.card, 0.35),
                mix(LIGHT.team_colours[1], LIGHT.card, 0.8),
                LIGHT.team_colours[1].darker(150),
            ),
        ),
        (
            BarTone.TEAM,
            None,
            (
                mix(LIGHT.no_team, LIGHT.card, 0.35),
                mix(LIGHT.no_team, LIGHT.card, 0.8),
                LIGHT.no_team.darker(150),
            ),
        ),
    ],
)
def test_bar_colours_follow_the_tone(tone, team_index, expected):
    face = BarFace(1, "t", 1, 3, tone=tone, team_index=team_index)
    assert tuple(c.name() for c in bar_colours(face, LIGHT)) == tuple(c.name() for c in expected)


def test_a_slipped_task_shows_where_it_was_first_due():
    """Due Dec 11 after slipping 7 days: its ghost ends on Dec 4, the first due date."""
    task = Task(1, "Moved", OPEN, team_id=7, start=date(2026, 12, 1), due=date(2026, 12, 11))
    reasons = (RiskReason(RiskKind.SLIPPED, (("moves", 2), ("days", 7))),)
    face = bar_face(Model(make_board(task), {1: reasons}), 1)
    assert face.baseline == date(2026, 12, 4).toordinal()
    assert face.risk_word == "Slipped"
    steady = bar_face(Model(make_board(task), {1: ()}), 1)
    assert steady.baseline is None
