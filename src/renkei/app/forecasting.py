"""The board's forecasts: when each team's and project's open work will be done (the rules are
renkei.domain.forecast; this reads when tasks were finished from the audit trail)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from renkei.domain.forecast import Forecast, ForecastOptions, forecast_board
from renkei.domain.forecast_chain import forecast_chain
from renkei.domain.model import Board

if TYPE_CHECKING:
    from renkei.app.session import BoardSession
    from renkei.store.board_store import BoardStore


def local_day(moment: datetime) -> date:
    """A stored time (naive UTC) as the day it was here."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return aware.astimezone().date()


def finished_days(board: Board, moved_at: dict[int, datetime]) -> dict[int, date]:
    """The day each task in a done column got there: its last move into one, else (made
    straight into a done column, e.g. imported finished) the day it was made."""
    done = board.done_status_ids()
    found: dict[int, date] = {}
    for task in board.tasks.values():
        if task.status_id not in done:
            continue
        moment = moved_at.get(task.id) or task.created_at
        if moment is not None:
            found[task.id] = local_day(moment)
    return found


def read_finished_days(store: BoardStore, board: Board) -> dict[int, date]:
    """``finished_days`` with the moves read from ``store`` (one grouped query)."""
    return finished_days(board, store.finished_at(board.done_status_ids()))


def board_forecasts(
    session: BoardSession, options: ForecastOptions | None = None, today: date | None = None
) -> list[Forecast]:
    """A forecast for every team, then every project, of the session's board, as of
    ``today`` (default: the session's today)."""
    board = session.board
    return forecast_board(board, session.finished_days(), today or session.today(), options)


def chain_forecast(
    session: BoardSession,
    task_id: int,
    options: ForecastOptions | None = None,
    today: date | None = None,
) -> Forecast:
    """When ``task_id`` and every unfinished task it waits for will be done."""
    finished = session.finished_days()
    return forecast_chain(session.board, task_id, finished, today or session.today(), options)
