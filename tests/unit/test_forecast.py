"""The forecast from the board's own history: working days, the Monte Carlo against closed
forms (constant throughput, a two-valued day), thin history, projects and their deadlines."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import pytest

from renkei.domain.forecast import (
    Forecast,
    ForecastOptions,
    daily_counts,
    day_reached,
    done_by,
    forecast_board,
    history_window,
    simulate,
    working_day_after,
    working_days_until,
)
from renkei.domain.model import Board, Project, Status, Task, Team

WED = date(2026, 12, 9)  # a Wednesday
TODO, DONE = 1, 2
MKT, SALES = 10, 20


def test_working_days_skip_weekends():
    assert working_day_after(WED, 0) == WED
    assert working_day_after(WED, 1) == date(2026, 12, 10)
    assert working_day_after(WED, 3) == date(2026, 12, 14)  # Thu, Fri, Mon
    assert working_day_after(WED, 5) == date(2026, 12, 16)
    assert working_day_after(WED, 10) == date(2026, 12, 23)
    assert working_day_after(date(2026, 12, 12), 5) == date(2026, 12, 18)  # from a Saturday
    assert working_days_until(WED, date(2026, 12, 16)) == 5
    assert working_days_until(WED, date(2026, 12, 13)) == 2  # Thu, Fri; not the weekend
    assert working_days_until(WED, WED) == 0 and working_days_until(WED, date(2026, 12, 1)) == 0


def test_history_is_the_working_days_before_today_and_weekends_count_for_friday():
    window = history_window(WED, 2)
    assert len(window) == 10 and window[0] == date(2026, 11, 25) and window[-1] == date(2026, 12, 8)
    assert all(d.weekday() < 5 for d in window)
    saturday, friday = date(2026, 12, 5), date(2026, 12, 4)
    counts = daily_counts([saturday, friday, WED, date(2026, 1, 1)], window)
    assert sum(counts) == 2 and counts[window.index(friday)] == 2  # today and old days left out


def test_constant_throughput_finishes_on_the_closed_form_day():
    """k a day, r open: every run ends on working day ceil(r / k)."""
    for k, r in ((3, 10), (2, 8), (1, 1), (5, 4)):
        (curve,) = simulate([k] * 30, [r], 10_000, random.Random(7))
        days = math.ceil(r / k)
        assert day_reached(curve, 10_000, 0.5) == day_reached(curve, 10_000, 0.85) == days
        assert done_by(curve, 10_000, days - 1) == 0.0 and done_by(curve, 10_000, days) == 1.0


def test_a_two_valued_day_matches_the_binomial():
    """Days finish 0 or 2 tasks, half and half: 10 open are done by day t exactly when at
    least 5 of t days were busy, P = P(Bin(t, 1/2) >= 5). By hand: day 9 is 0.5, day 10 is
    638/1024 = 0.623, day 12 is 3302/4096 = 0.806, day 13 is 7099/8192 = 0.867; so P50 is day
    9 or 10 and P85 is day 13."""
    runs = 10_000
    (curve,) = simulate([0, 2] * 15, [10], runs, random.Random(42))
    for t in range(1, 16):
        exact = sum(math.comb(t, i) for i in range(5, t + 1)) / 2**t
        assert abs(done_by(curve, runs, t) - exact) < 0.02, t
    assert day_reached(curve, runs, 0.5) in (9, 10)
    assert day_reached(curve, runs, 0.85) == 13
    assert abs(done_by(curve, runs, 10) - 638 / 1024) < 0.02


def test_the_same_seed_gives_the_same_forecast():
    samples = [0, 1, 4, 0, 2, 7, 0, 0, 3, 1]
    first = simulate(samples, [40, 9], 10_000, random.Random(5))
    assert first == simulate(samples, [40, 9], 10_000, random.Random(5))
    assert first != simulate(samples, [40, 9], 10_000, random.Random(6))


def test_big_days_use_two_bytes():
    (curve,) = simulate([300] * 5, [1000], 1000, random.Random(1))
    assert day_reached(curve, 1000, 0.5) == 4  # 300, 600, 900, 1200


def test_nothing_open_is_done_today_and_nothing_finished_never_is():
    assert simulate([1, 2], [0], 100, random.Random(1)) == [[]]
    assert day_reached([], 100, 0.85) == 0 and done_by([], 100, 0) == 1.0
    (never,) = simulate([0, 0, 0], [3], 100, random.Random(1))
    assert day_reached(never, 100, 0.5) is None


# -- a board -------------------------------------------------------------------------------


def make_board(*tasks: Task, projects: tuple[Project, ...] = ()) -> Board:
    return Board(
        name="b",
        revision=1,
        teams={MKT: Team(MKT, "Marketing", 0), SALES: Team(SALES, "Sales", 1)},
        statuses={
            TODO: Status(TODO, "To do", 0),
            DONE: Status(DONE, "Done", 1, is_done=True),
        },
        projects={p.id: p for p in projects},
        tasks={t.id: t for t in tasks},
    )


class Tasks:
    """Task ids in order; finished tasks remember their day."""

    def __init__(self) -> None:
        self.next_id = 1
        self.finished_on: dict[int, date] = {}
        self.made: list[Task] = []

    def open(self, team: int | None, n: int = 1, **kw) -> list[Task]:
        return [self._add(team, TODO, **kw) for _ in range(n)]

    def finished(self, team: int | None, days: list[date], **kw) -> None:
        for d in days:
            self.finished_on[self._add(team, DONE, **kw).id] = d

    def _add(self, team: int | None, status: int, **kw) -> Task:
        t = Task(self.next_id, f"T{self.next_id}", status, team_id=team, **kw)
        self.next_id += 1
        self.made.append(t)
        return t


def by_scope(forecasts: list[Forecast]) -> dict[tuple[str, str], Forecast]:
    return {(f.scope, f.name): f for f in forecasts}


def test_a_team_at_a_constant_pace_and_its_deadline():
    """2 a day for six weeks, 7 open: done on the 4th working day after today (P50 = P85);
    a deadline that day is met for sure, the day before missed for sure."""
    made = Tasks()
    made.finished(MKT, [d for d in history_window(WED, 6) for _ in range(2)])
    fourth = working_day_after(WED, 4)
    made.open(MKT, 6)
    made.open(MKT, due=fourth)
    result = by_scope(forecast_board(make_board(*made.made), made.finished_on, WED))
    mkt = result["team", "Marketing"]
    assert (mkt.remaining, mkt.p50, mkt.p85) == (7, fourth, fourth)
    assert (mkt.due, mkt.due_source, mkt.on_time_probability) == (fourth, "tasks", 1.0)
    assert (mkt.basis.finished, mkt.basis.weeks) == (60, 6) and mkt.basis.per_day == 2.0
    made.open(MKT, due=fourth - timedelta(days=1))  # one more open, and a day earlier
    mkt = by_scope(forecast_board(make_board(*made.made), made.finished_on, WED))[
        "team", "Marketing"
    ]
    assert mkt.p85 == fourth and mkt.due == fourth  # 8 open: still day 4


def test_thin_history_says_so_instead_of_a_date():
    made = Tasks()
    window = history_window(WED, 6)
    made.finished(SALES, window[:4])
    made.finished(SALES, [WED - timedelta(weeks=10)] * 5)  # too old to count
    made.open(SALES, 3)
    sales = by_scope(forecast_board(make_board(*made.made), made.finished_on, WED))["team", "Sales"]
    assert (sales.p50, sales.p85, sales.on_time_probability) == (None, None, None)
    assert sales.words() == "not enough history: 4 tasks finished in 6 weeks"


def test_a_project_without_a_due_date_uses_its_latest_task_due():
    made = Tasks()
    made.finished(MKT, [d for d in history_window(WED, 6)], project_id=1)
    made.open(MKT, project_id=1, due=WED + timedelta(days=20))
    made.open(MKT, project_id=1, due=WED + timedelta(days=3))
    made.open(MKT, project_id=2)
    board = make_board(
        *made.made,
        projects=(Project(1, "Webinar"), Project(2, "Fair", due=WED + timedelta(days=1))),
    )
    result = by_scope(forecast_board(board, made.finished_on, WED))
    webinar, fair = result["project", "Webinar"], result["project", "Fair"]
    assert (webinar.due, webinar.due_source, webinar.basis_source) == (
        WED + timedelta(days=20),
        "tasks",
        "own",
    )
    assert webinar.p85 == working_day_after(WED, 2) and webinar.on_time_probability == 1.0
    # Fair has no history of its own: Marketing's pace, its part done with Marketing's 3 open.
    assert (fair.due, fair.due_source, fair.basis_source) == (
        WED + timedelta(days=1),
        "project",
        "teams",
    )
    assert fair.p85 == working_day_after(WED, 3) and fair.on_time_probability == 0.0
    assert fair.late and not webinar.late


def test_a_project_waits_for_its_slowest_team():
    made = Tasks()
    window = history_window(WED, 6)
    made.finished(MKT, [d for d in window for _ in range(3)])
    made.finished(SALES, window)  # one a day
    made.open(MKT, 3, project_id=1)
    made.open(SALES, 5, project_id=1)
    board = make_board(*made.made, projects=(Project(1, "Launch"),))
    launch = by_scope(forecast_board(board, made.finished_on, WED))["project", "Launch"]
    assert launch.teams == (MKT, SALES) and launch.basis.finished == 90 + 30
    assert launch.p50 == launch.p85 == working_day_after(WED, 5)


def test_work_no_team_owns_has_no_pace():
    made = Tasks()
    made.finished(MKT, history_window(WED, 6))
    made.open(None, 2, project_id=1)
    board = make_board(*made.made, projects=(Project(1, "Loose"),))
    loose = by_scope(forecast_board(board, made.finished_on, WED))["project", "Loose"]
    assert (
        loose.p85 is None and loose.words() == "not enough history: 2 open tasks belong to no team"
    )


def test_options_are_checked():
    with pytest.raises(ValueError):
        ForecastOptions(weeks=0)
    with pytest.raises(ValueError):
        ForecastOptions(weeks=52)
    with pytest.raises(ValueError):
        ForecastOptions(runs=0)


# -- a dependency chain --------------------------------------------------------------------


def test_a_chain_is_its_task_and_the_unfinished_work_it_waits_for():
    """Marketing (1 a day) holds two of the chain, Sales (1 a day) one: Marketing's part takes
    two days, so the chain is done on the 2nd working day; finished and unrelated tasks are
    not in it."""
    from renkei.domain.forecast_chain import chain_of, forecast_chain

    made = Tasks()
    window = history_window(WED, 6)
    made.finished(MKT, window)
    made.finished(SALES, window)
    first, second = made.open(MKT, 2)
    (third,) = made.open(SALES, depends_on=(first.id, second.id), due=WED + timedelta(days=1))
    finished_id = next(iter(made.finished_on))
    (last,) = made.open(SALES, depends_on=(third.id, finished_id), due=WED + timedelta(days=7))
    made.open(MKT, 5)  # not in the chain
    board = make_board(*made.made)
    assert chain_of(board, last.id) == [last.id, third.id, first.id, second.id]
    chain = forecast_chain(board, last.id, made.finished_on, WED)
    assert (chain.scope, chain.name, chain.remaining) == ("chain", last.title, 4)
    assert chain.p50 == chain.p85 == working_day_after(WED, 2)
    assert (chain.due, chain.due_source, chain.on_time_probability) == (last.due, "task", 1.0)
    early = forecast_chain(board, third.id, made.finished_on, WED)
    assert early.remaining == 3 and early.late and early.on_time_probability == 0.0


def test_a_chain_with_a_thin_team_says_so():
    from renkei.domain.forecast_chain import forecast_chain

    made = Tasks()
    made.finished(MKT, history_window(WED, 6))
    made.finished(SALES, history_window(WED, 6)[:2])
    (before,) = made.open(MKT)
    (after,) = made.open(SALES, depends_on=(before.id,))
    chain = forecast_chain(make_board(*made.made), after.id, made.finished_on, WED)
    assert chain.p85 is None
    assert chain.words() == "not enough history: 2 tasks finished in 6 weeks"
