"""Will a dependency chain be done in time? The forecast (domain/forecast.py) for one task and
every unfinished task it waits for, directly or further up.

A chain is what someone asks about when one task matters: its teams are assumed to take the
chain's tasks first, each at its own pace (its finished history, as for a team), so a team's
part is done when it has finished as many tasks as it holds of the chain; the chain is done
when the slowest part is (the teams simulated independently: the chance of being done by a
day is the product of theirs). Throughput says nothing about order, so the chain's order is
not modelled: its dates are the time to get through that much work, and its due date is the
last task's.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping
from datetime import date

from renkei.domain.forecast import (
    Basis,
    Forecast,
    ForecastOptions,
    _all_done,
    _result,
    daily_counts,
    history_window,
    simulate,
)
from renkei.domain.model import Board


def chain_of(board: Board, task_id: int) -> list[int]:
    """``task_id`` and every unfinished, unarchived task it waits for, nearest first."""
    done = board.done_status_ids()
    tasks = board.tasks
    found: list[int] = []
    seen = {task_id}
    queue = [task_id]
    while queue:
        current = queue.pop(0)
        task = tasks.get(current)
        if task is None or task.archived or task.status_id in done:
            continue
        found.append(current)
        for before in task.depends_on:
            if before not in seen:
                seen.add(before)
                queue.append(before)
    return found


def forecast_chain(
    board: Board,
    task_id: int,
    finished_on: Mapping[int, date],
    today: date,
    options: ForecastOptions | None = None,
) -> Forecast:
    """When ``task_id`` and what it waits for will be done (scope "chain", its due date the
    task's). ``finished_on`` as for ``forecast_board``."""
    options = options or ForecastOptions()
    task = board.tasks[task_id]
    chain = [board.tasks[i] for i in chain_of(board, task_id)]
    due_source = "task" if task.due else None
    teams = tuple(sorted({t.team_id for t in chain if t.team_id is not None}))

    def undated(basis: Basis, note: str) -> Forecast:
        """No dates for the chain; ``note`` says why."""
        return Forecast(
            "chain", task_id, task.title, len(chain), None, None, task.due, due_source, None,
            basis, "teams", note, teams,
        )  # fmt: skip

    if any(t.team_id is None for t in chain):
        return undated(Basis(0, options.weeks), "no team")
    window = history_window(today, options.weeks)
    done = board.done_status_ids()
    finished: dict[int, list[date]] = {t: [] for t in teams}
    for other in board.tasks.values():
        day = finished_on.get(other.id)
        if day is None or not window[0] <= day < today:
            continue
        if other.team_id in finished and other.status_id in done:
            finished[other.team_id].append(day)
    basis = Basis(sum(len(days) for days in finished.values()), options.weeks)
    thin = [t for t in teams if not Basis(len(finished[t]), options.weeks).enough]
    if thin:
        weakest = min(
            (Basis(len(finished[t]), options.weeks) for t in thin), key=lambda b: b.finished
        )
        return undated(weakest, "thin")
    rng = random.Random(options.seed)
    parts = Counter(t.team_id for t in chain)
    curves = [
        simulate(daily_counts(finished[t], window), [parts[t]], options.runs, rng)[0] for t in teams
    ]
    cdf = _all_done(curves, options.runs) if curves else []
    return _result(
        "chain",
        task_id,
        task.title,
        len(chain),
        cdf,
        basis,
        today,
        options.runs,
        task.due,
        due_source,
        "teams",
        teams,
    )
