"""Which tasks a team's pace will not finish by their due date: each by the work ahead of it
in the team's line, not by when the whole line is done. Expectations worked out by hand."""

from __future__ import annotations

import math
from datetime import date, timedelta

from renkei.domain.forecast import history_window
from renkei.domain.forecast_late import (
    Pace,
    expected_finish,
    late_forecasts,
    likely_late,
    team_paces,
    work_ahead,
)
from renkei.domain.model import Board, Status, Task, Team

WED = date(2026, 12, 9)  # a Wednesday: its own work counts
THU, FRI, MON, TUE = (date(2026, 12, d) for d in (10, 11, 14, 15))
BACKLOG, TODO, DONE = 1, 2, 3
MKT, SALES = 10, 11
STEADY = Pace(1.0, 0.0)  # one task every working day, never more, never less


def board_of(*tasks: Task) -> Board:
    return Board(
        name="b",
        revision=1,
        statuses={
            BACKLOG: Status(BACKLOG, "Backlog", 0),
            TODO: Status(TODO, "To do", 1),
            DONE: Status(DONE, "Done", 2, is_done=True),
        },
        teams={MKT: Team(MKT, "Marketing", 0), SALES: Team(SALES, "Sales", 1)},
        tasks={t.id: t for t in tasks},
    )


def finished(team: int, days: list[date], first_id: int) -> tuple[list[Task], dict[int, date]]:
    tasks = [Task(first_id + n, f"done {n}", DONE, team_id=team) for n in range(len(days))]
    return tasks, {t.id: day for t, day in zip(tasks, days, strict=True)}


def test_the_pace_is_the_mean_and_spread_of_a_working_days_count():
    """Marketing finished 2 on every other day of its 30 (1 a day on average, spread 1);
    Sales 7 in all: too little history for a pace."""
    window = history_window(WED, 6)
    mkt, mkt_days = finished(MKT, [d for d in window[::2] for _ in range(2)], 100)
    sales, sales_days = finished(SALES, window[:7], 200)
    paces = team_paces(board_of(*mkt, *sales), {**mkt_days, **sales_days}, WED)
    assert paces == {MKT: Pace(1.0, 1.0)}


def test_the_line_is_committed_work_soonest_due_first_each_task_weighing_what_is_left():
    tasks = [
        Task(1, "due Fri", TODO, team_id=MKT, due=FRI),
        Task(2, "due Thu, half done", TODO, team_id=MKT, due=THU, progress=50),
        Task(3, "no date", TODO, team_id=MKT),
        Task(4, "backlog, due Thu", BACKLOG, team_id=MKT, due=THU),
        Task(5, "finished", DONE, team_id=MKT, due=THU),
    ]
    assert work_ahead(board_of(*tasks), {MKT: STEADY}) == {2: 0.5, 1: 1.5, 3: 2.5, 4: 3.5}


def test_a_steady_pace_finishes_on_the_closed_form_day():
    """One a day, today counted: the 1st task today, the 3rd on Friday, the 4th on Monday."""
    assert expected_finish(1, STEADY, WED) == WED
    assert expected_finish(3, STEADY, WED) == FRI
    assert expected_finish(4, STEADY, WED) == MON
    assert not likely_late(3, FRI, STEADY, WED)  # Wed, Thu, Fri: three days, three tasks
    assert likely_late(4, FRI, STEADY, WED)


def test_an_uneven_pace_is_late_only_when_even_a_fast_stretch_falls_short():
    """Mean 1, spread 1: by Friday (3 days) a fast stretch does 3 + 1.0364 * sqrt(3) = 4.795."""
    uneven = Pace(1.0, 1.0)
    assert math.isclose(3 + 1.0364 * math.sqrt(3), 4.795, abs_tol=0.001)
    assert not likely_late(4.79, FRI, uneven, WED)
    assert likely_late(4.80, FRI, uneven, WED)


def test_only_the_tasks_behind_the_pace_are_late_not_the_whole_line():
    """One a day, four tasks due Thursday and one in 30 days: today and Thursday take two of
    those due Thursday; the 3rd and 4th come Friday and Monday, after their date. The one due
    in 30 days, fifth, is done on Tuesday: in time, not called late for the line ahead."""
    tasks = [Task(i, f"t{i}", TODO, team_id=MKT, due=THU) for i in (1, 2, 3, 4)]
    tasks.append(Task(5, "later", TODO, team_id=MKT, due=WED + timedelta(days=30)))
    late = late_forecasts(board_of(*tasks), {MKT: STEADY}, WED)
    assert late == {3: ("Marketing", FRI), 4: ("Marketing", MON)}


def test_late_already_backlog_and_teams_without_a_pace_are_never_forecast_late():
    tasks = [
        Task(1, "overdue", TODO, team_id=MKT, due=WED - timedelta(days=1)),
        Task(2, "backlog", BACKLOG, team_id=MKT, due=THU),
        Task(3, "no pace", TODO, team_id=SALES, due=THU),
        Task(4, "slow", TODO, team_id=MKT, due=THU),
    ]
    late = late_forecasts(board_of(*tasks), {MKT: Pace(0.2, 0.0)}, WED)  # one every 5 days
    assert set(late) == {4}
