"""Will it finish in time? A forecast from the board's own history, with no estimates.

Throughput is counted, not guessed: the tasks that reached a done column on each working day
(Monday to Friday) of the last ``weeks`` weeks before today. A Monte Carlo simulation then
replays the future ``runs`` times: each working day after today finishes as many tasks as a
day drawn at random (uniformly, with replacement) from that history, until the open tasks of
the scope are done. The day by which half the runs are done is P50, by which 85 % are done
P85; the share of runs done by the due date is the on-time probability.

Choices, written down once:

* Days. History is the ``weeks * 5`` working days before today (today is not over yet); a
  task finished on a Saturday or Sunday counts for the Friday before. The future starts on the
  first working day after today, so with ``r`` tasks open and a constant ``k`` a day, every
  run ends on working day ``ceil(r / k)`` after today. Nothing open: done today.
* Too little history. Fewer than ``MIN_FINISHED`` (8) tasks finished in the window is too few
  to draw days from: the forecast says "not enough history: 4 tasks finished in 6 weeks"
  instead of a date. Eight in the default six weeks is barely more than one a week: fewer
  finished tasks than that give too few non-empty days to draw from for a pace worth showing.
* Teams: the open, unarchived tasks the team owns now, at the pace of the tasks it finished
  (a task counts for the team that owns it now, i.e. the team that finished it).
* Projects: a project with enough finished history of its own goes at its own pace (that
  already says how much of its teams' time it gets). Without it, each team that owns some of
  its open work is assumed to share its pace between everything it has open, so its part of
  the project is done when that team's open work is; the project is done when the last of
  those teams is (the teams are simulated independently, so the chance of being done by day
  ``t`` is the product of theirs). Open work no team owns has no pace: not enough history.
* Deadlines. A project's own due date, else the latest due date of its tasks
  (``due_source`` "project" or "tasks"); a team's is the latest due date of its open tasks.

Speed, in pure Python: all runs of one scope advance together, one day at a time. Each run's
running total is a fixed-width field of one big integer; a day's draws for every run are made
as bytes (``randbytes`` → ``translate``, with the biased tail bytes deleted, so each history
day is exactly equally likely) and added to all fields in one integer addition. How many
runs are done by that day is one ``bit_count`` (each field starts at ``2**(w-1) - r``: its top
bit sets once the run has finished ``r``). Several scopes on one path (a team and the projects
that fall back to it) cost one addition each per day.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from renkei.domain.i18n import PLURAL, Translate, TranslationContext, arg, untranslated
from renkei.domain.model import Board, Task

MIN_FINISHED = 8
DEFAULT_WEEKS = 6
DEFAULT_RUNS = 10_000
DEFAULT_SEED = 1
MAX_WEEKS = 51  # 255 history days: a day is drawn as one byte
HORIZON_DAYS = 520  # two years of working days: a run not done by then is "beyond"
MAX_DAY_COUNT = 65_535  # tasks finished on one day (two bytes per draw)
P50, P85 = 0.50, 0.85


class Forecasting(TranslationContext):
    """Translation context for the forecast's words."""


THIN_HISTORY = Forecasting.tr("not enough history: %n task(s) finished in %1 weeks", "", PLURAL)
NO_TEAM = Forecasting.tr("not enough history: %n open task(s) belong to no team", "", PLURAL)
BASIS = Forecasting.tr("%n task(s) finished in %1 weeks", "", PLURAL)
BEYOND = Forecasting.tr("not within two years at this pace")


def is_working_day(day: date) -> bool:
    return day.weekday() < 5


def working_day_after(day: date, n: int) -> date:
    """The ``n``-th working day after ``day`` (``day`` itself for 0)."""
    weeks, rest = divmod(n, 5)
    moved = day
    if rest == 0 and weeks:  # land on the last of those whole weeks' working days
        weeks, rest = weeks - 1, 5
    moved += timedelta(weeks=weeks)
    while rest:
        moved += timedelta(days=1)
        if is_working_day(moved):
            rest -= 1
    return moved


def working_days_until(today: date, day: date) -> int:
    """How many working days lie after ``today`` up to and including ``day`` (0 if none)."""
    if day <= today:
        return 0
    total = (day - today).days
    weeks, rest = divmod(total, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if is_working_day(today + timedelta(days=weeks * 7 + offset)):
            count += 1
    return count


def history_window(today: date, weeks: int) -> list[date]:
    """The ``weeks * 5`` working days before ``today``, oldest first."""
    days: list[date] = []
    day = today
    while len(days) < weeks * 5:
        day -= timedelta(days=1)
        if is_working_day(day):
            days.append(day)
    days.reverse()
    return days


def counted_on(finished: date) -> date:
    """The working day a finish counts for: a weekend's goes to the Friday before."""
    while not is_working_day(finished):
        finished -= timedelta(days=1)
    return finished


def daily_counts(finished: Iterable[date], window: Sequence[date]) -> list[int]:
    """Tasks finished on each day of ``window`` (finishes outside it are left out)."""
    index = {day: i for i, day in enumerate(window)}
    counts = [0] * len(window)
    for day in finished:
        i = index.get(counted_on(day))
        if i is not None:
            counts[i] += 1
    return counts


# -- the simulation ------------------------------------------------------------------------


def simulate(
    samples: Sequence[int],
    targets: Sequence[int],
    runs: int,
    rng: random.Random,
    horizon: int = HORIZON_DAYS,
) -> list[list[int]]:
    """For each target ``r``: how many of ``runs`` runs have finished ``r`` tasks by working
    day 1, 2, … (index 0 is day 1), each day drawing its count from ``samples``. The list
    stops once every run is done, or at ``horizon`` days; it is empty for a target of 0
    (nothing open: done already)."""
    if not samples or len(samples) > 255:
        raise ValueError("history must hold 1 to 255 days")
    if runs < 1:
        raise ValueError("give at least one run")
    top = max(samples)
    if top > MAX_DAY_COUNT or min(samples) < 0:
        raise ValueError("a day's count must be 0 to 65535")
    found: list[list[int]] = [[] for _ in targets]
    wanted = [(i, r) for i, r in enumerate(targets) if r > 0]
    if not wanted:
        return found
    if top == 0:  # nothing ever finishes: no run is done on any day
        return [[0] if r > 0 else [] for r in targets]
    width = 2 if top > 255 else 1  # bytes a day's count takes
    largest = max(r for _, r in wanted)
    # A field holds 2**(w-1) - r plus every day's count: it must not carry into the next one.
    needed = (horizon * top + largest).bit_length() + 1
    field_bytes = max(width, math.ceil(needed / 8))
    bits = field_bytes * 8
    high = int.from_bytes(bytes([0] * (field_bytes - 1) + [0x80]) * runs, "little")
    ones = int.from_bytes(bytes([1] + [0] * (field_bytes - 1)) * runs, "little")
    totals = {i: ones * ((1 << (bits - 1)) - r) for i, r in wanted}
    days = len(samples)
    kept = days * (256 // days)  # bytes at or above this are deleted: no day is favoured
    low_table = bytes(samples[b % days] & 0xFF for b in range(kept)) + bytes(256 - kept)
    high_table = bytes(samples[b % days] >> 8 for b in range(kept)) + bytes(256 - kept)
    deleted = bytes(range(kept, 256))
    share = kept / 256
    day_fields = bytearray(runs * field_bytes)
    open_targets = dict(wanted)
    for _day in range(horizon):
        drawn = b""
        while len(drawn) < runs:
            missing = runs - len(drawn)
            drawn += rng.randbytes(int(missing / share * 1.05) + 16).translate(None, deleted)
        drawn = drawn[:runs]
        day_fields[0::field_bytes] = drawn.translate(low_table)
        if width == 2:
            day_fields[1::field_bytes] = drawn.translate(high_table)
        today = int.from_bytes(day_fields, "little")
        for i in list(open_targets):
            totals[i] += today
            done = (totals[i] & high).bit_count()
            found[i].append(done)
            if done == runs:
                del open_targets[i]
        if not open_targets:
            break
    return found


def day_reached(done_by_day: Sequence[int], runs: int, share: float) -> int | None:
    """The first working day (1-based) by which at least ``share`` of the runs are done;
    0 when nothing was open; None when not within the simulated days."""
    if not done_by_day:
        return 0
    need = math.ceil(share * runs - 1e-9)
    for index, done in enumerate(done_by_day):
        if done >= need:
            return index + 1
    return None


def done_by(done_by_day: Sequence[int], runs: int, days: int) -> float:
    """The share of runs done within ``days`` working days (1.0 when nothing was open)."""
    if not done_by_day:
        return 1.0
    if days <= 0:
        return 0.0
    return done_by_day[min(days, len(done_by_day)) - 1] / runs


# -- forecasts of a board ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ForecastOptions:
    weeks: int = DEFAULT_WEEKS
    runs: int = DEFAULT_RUNS
    seed: int = DEFAULT_SEED

    def __post_init__(self) -> None:
        if not 1 <= self.weeks <= MAX_WEEKS:
            raise ValueError(f"weeks must be 1 to {MAX_WEEKS}")
        if not 1 <= self.runs <= 1_000_000:
            raise ValueError("runs must be 1 to 1,000,000")


@dataclass(frozen=True, slots=True)
class Basis:
    """What a forecast stands on: tasks finished in the last ``weeks`` weeks."""

    finished: int
    weeks: int

    @property
    def enough(self) -> bool:
        return self.finished >= MIN_FINISHED

    @property
    def per_day(self) -> float:
        return self.finished / (self.weeks * 5)


@dataclass(frozen=True, slots=True)
class Forecast:
    """When the open tasks of one scope (a team or a project) will be done.

    ``p50``/``p85``/``on_time_probability`` are None when there is no forecast: ``note``
    then says why (too little history, or not within two years)."""

    scope: str  # "team" | "project"
    scope_id: int
    name: str
    remaining: int
    p50: date | None
    p85: date | None
    due: date | None
    due_source: str | None  # "project" (its own), "tasks" (its latest task's), None
    on_time_probability: float | None
    basis: Basis
    basis_source: str  # "own" (its own history) or "teams" (its teams' pace)
    note: str = ""  # English; ``words()`` gives it in the reader's language
    teams: tuple[int, ...] = field(default=())  # for a project: the teams its open work is with

    @property
    def has_forecast(self) -> bool:
        return self.p85 is not None

    @property
    def late(self) -> bool:
        """P85 lands after the due date."""
        return self.due is not None and self.p85 is not None and self.p85 > self.due

    def words(self, translate: Translate = untranslated) -> str:
        """Why there is no date ("not enough history: 4 tasks finished in 6 weeks"), or ""."""
        if self.has_forecast:
            return ""
        if self.note == "no team":
            return translate("Forecasting", NO_TEAM, self.remaining)
        if self.note == "beyond":
            return translate("Forecasting", BEYOND)
        return arg(translate("Forecasting", THIN_HISTORY, self.basis.finished), self.basis.weeks)

    def basis_words(self, translate: Translate = untranslated) -> str:
        return arg(translate("Forecasting", BASIS, self.basis.finished), self.basis.weeks)


def forecast_board(
    board: Board,
    finished_on: Mapping[int, date],
    today: date,
    options: ForecastOptions | None = None,
) -> list[Forecast]:
    """A forecast for every team, then every project, of ``board``. ``finished_on`` gives,
    for the tasks in a done column, the day each got there (see app/forecasting.py)."""
    options = options or ForecastOptions()
    window = history_window(today, options.weeks)
    first = window[0]
    done = board.done_status_ids()
    open_by_team: dict[int, list[Task]] = {t: [] for t in board.teams}
    open_by_project: dict[int, list[Task]] = {p: [] for p in board.projects}
    finished_by_team: dict[int, list[date]] = {t: [] for t in board.teams}
    finished_by_project: dict[int, list[date]] = {p: [] for p in board.projects}
    latest_due: dict[int, date] = {}
    for task in board.tasks.values():
        if task.status_id in done:
            day = finished_on.get(task.id)
            if day is None or day < first or day >= today:
                continue
            if task.team_id in finished_by_team:
                finished_by_team[task.team_id].append(day)
            if task.project_id in finished_by_project:
                finished_by_project[task.project_id].append(day)
            continue
        if task.archived:
            continue
        if task.team_id in open_by_team:
            open_by_team[task.team_id].append(task)
        if task.project_id in open_by_project:
            open_by_project[task.project_id].append(task)
    for task in board.tasks.values():  # a project's deadline counts its finished tasks too
        if task.project_id in open_by_project and task.due is not None and not task.archived:
            seen = latest_due.get(task.project_id)
            latest_due[task.project_id] = task.due if seen is None else max(seen, task.due)
    rng = random.Random(options.seed)
    runs = options.runs

    def curve(dates: list[date], targets: list[int]) -> list[list[int]]:
        return simulate(daily_counts(dates, window), targets, runs, rng)

    team_curves: dict[int, list[int]] = {}
    forecasts: list[Forecast] = []
    for team in board.ordered_teams():
        open_tasks = open_by_team[team.id]
        basis = Basis(len(finished_by_team[team.id]), options.weeks)
        dues = [t.due for t in open_tasks if t.due is not None]
        due = max(dues) if dues else None
        cdf = curve(finished_by_team[team.id], [len(open_tasks)])[0] if basis.enough else None
        if cdf is not None:
            team_curves[team.id] = cdf
        forecasts.append(
            _result(
                "team",
                team.id,
                team.name,
                len(open_tasks),
                cdf,
                basis,
                today,
                runs,
                due,
                "tasks" if due else None,
                "own",
            )
        )
    for project in sorted(board.projects.values(), key=lambda p: (p.name.casefold(), p.id)):
        open_tasks = open_by_project[project.id]
        basis = Basis(len(finished_by_project[project.id]), options.weeks)
        due_source = "project" if project.due else ("tasks" if project.id in latest_due else None)
        due = project.due or latest_due.get(project.id)
        teams = tuple(sorted({t.team_id for t in open_tasks if t.team_id is not None}))
        args = (project.id, project.name, len(open_tasks))
        if basis.enough or not open_tasks:
            cdf = curve(finished_by_project[project.id], [len(open_tasks)])[0]
            forecasts.append(
                _result("project", *args, cdf, basis, today, runs, due, due_source, "own", teams)
            )
            continue
        # Too little of its own: its teams' pace, each team's part done with its open work.
        team_basis = Basis(sum(len(finished_by_team[t]) for t in teams), options.weeks)
        no_team = any(t.team_id is None for t in open_tasks)
        if no_team or not teams or any(t not in team_curves for t in teams):
            note = "no team" if no_team else "thin"
            shown = (
                basis
                if note == "no team" or not teams
                else _thinnest(teams, finished_by_team, options.weeks)
            )
            forecasts.append(
                Forecast(
                    "project",
                    *args,
                    None,
                    None,
                    due,
                    due_source,
                    None,
                    shown,
                    "teams" if teams else "own",
                    note,
                    teams,
                )
            )
            continue
        forecasts.append(
            _result(
                "project",
                *args,
                _all_done([team_curves[t] for t in teams], runs),
                team_basis,
                today,
                runs,
                due,
                due_source,
                "teams",
                teams,
            )
        )
    return forecasts


def _thinnest(teams: Sequence[int], finished: Mapping[int, list[date]], weeks: int) -> Basis:
    """The basis of the team with the least history: the one that stops the forecast."""
    return min((Basis(len(finished[t]), weeks) for t in teams), key=lambda b: b.finished)


def _all_done(curves: Sequence[Sequence[int]], runs: int) -> list[int]:
    """Runs done by each day when every team must be done, teams independent: the product
    of their shares (a team done early stays done)."""
    length = max(len(c) for c in curves)
    combined = []
    for index in range(length):
        share = 1.0
        for c in curves:
            share *= (c[index] if index < len(c) else c[-1]) / runs
        combined.append(round(share * runs))
    return combined


def _result(
    scope: str,
    scope_id: int,
    name: str,
    remaining: int,
    cdf: list[int] | None,
    basis: Basis,
    today: date,
    runs: int,
    due: date | None,
    due_source: str | None,
    basis_source: str,
    teams: tuple[int, ...] = (),
) -> Forecast:
    if remaining == 0:
        on_time = None if due is None else (1.0 if due >= today else 0.0)
        return Forecast(
            scope,
            scope_id,
            name,
            0,
            today,
            today,
            due,
            due_source,
            on_time,
            basis,
            basis_source,
            "",
            teams,
        )
    if cdf is None:
        return Forecast(
            scope,
            scope_id,
            name,
            remaining,
            None,
            None,
            due,
            due_source,
            None,
            basis,
            basis_source,
            "thin",
            teams,
        )
    p50, p85 = day_reached(cdf, runs, P50), day_reached(cdf, runs, P85)
    on_time = None if due is None else done_by(cdf, runs, working_days_until(today, due))
    return Forecast(
        scope,
        scope_id,
        name,
        remaining,
        None if p50 is None else working_day_after(today, p50),
        None if p85 is None else working_day_after(today, p85),
        due,
        due_source,
        on_time,
        basis,
        basis_source,
        "" if p85 is not None else "beyond",
        teams,
    )
