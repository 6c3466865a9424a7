"""`renkei forecast` and `renkei project due` on a real board file, whose history is written
through the store with its own times; and migration 0007 (projects get a due date)."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import inspect, text

from clock import TODAY
from renkei.cli.main import main
from renkei.domain.commands import Create, SetFields
from renkei.domain.forecast import history_window, working_day_after
from renkei.store import migrate
from renkei.store.board_store import BoardStore


def noon(day) -> datetime:
    return datetime.combine(day, time(12, 0))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_on(request, tmp_path):
    """An empty board on a file or on the server."""
    if request.param == "sqlite":
        target = str(tmp_path / "team.renkei")
    else:
        target = request.getfixturevalue("pg_url")
    store = BoardStore.open(target)
    yield store
    store.dispose()


@pytest.fixture
def board(store_on):
    """On a file and on the server: Marketing finished 2 tasks every working day of the last
    six weeks and has 7 open (one due on the 4th working day, one the day before); Sales
    finished 3 and has 2 open. The project Fair holds 3 of Marketing's open tasks."""
    store = store_on
    start = noon(TODAY - timedelta(weeks=8))
    store.apply_all(
        [
            Create("team", (("name", "Marketing"),), key="mkt"),
            Create("team", (("name", "Sales"),), key="sales"),
            Create("person", (("name", "Haruka Aoki"),)),
            Create("project", (("name", "Fair"),)),
        ],
        None,
        start,
    )
    board = store.load()
    mkt, sales = board.find_team("Marketing").id, board.find_team("Sales").id
    todo = board.ordered_statuses()[1].id
    done = next(iter(board.done_status_ids()))
    fair = board.find_project("Fair").id

    def add(team, n, at, **values):
        change = store.apply_all(
            [
                Create(
                    "task",
                    (("title", f"T{i}"), ("team_id", team), ("status_id", todo), *values.items()),
                )
                for i in range(n)
            ],
            None,
            at,
        )
        return [r.entity_id for r in change.rows]

    for day in history_window(TODAY, 6):
        ids = add(mkt, 2, noon(day) - timedelta(days=3))
        store.apply_all(
            [SetFields("task", i, (("status_id", done),)) for i in ids], None, noon(day)
        )
    for day in history_window(TODAY, 6)[:3]:
        (one,) = add(sales, 1, noon(day) - timedelta(days=1))
        store.apply(SetFields("task", one, (("status_id", done),)), None, noon(day))
    fourth = working_day_after(TODAY, 4)
    add(mkt, 3, start, project_id=fair)
    add(mkt, 2, start)
    add(mkt, 1, start, due=fourth)
    add(mkt, 1, start, due=fourth - timedelta(days=1))
    add(sales, 2, start)
    return store


def forecast(capsys, *argv):
    code = main(["--board", str(argv[0]), "forecast", *argv[1:]])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_forecast_json_on_a_board_with_history(board, capsys):
    code, out, err = forecast(capsys, board.location, "--json")
    assert code == 0, err
    rows = {(r["scope"], r["name"]): r for r in json.loads(out)}
    fourth = working_day_after(TODAY, 4)
    mkt = rows["team", "Marketing"]
    assert set(mkt) >= {
        "scope",
        "name",
        "remaining",
        "p50",
        "p85",
        "due",
        "on_time_probability",
        "basis",
    }
    assert (mkt["remaining"], mkt["p50"], mkt["p85"]) == (7, fourth.isoformat(), fourth.isoformat())
    assert (mkt["due"], mkt["due_source"], mkt["on_time_probability"]) == (
        fourth.isoformat(),
        "tasks",
        1.0,
    )
    assert mkt["basis"]["finished"] == 60 and mkt["basis"]["weeks"] == 6
    # The whole line of 7 is done on the fourth day, but the two tasks with dates are first
    # in it (soonest due first) and done within a day at 2 a day: neither is forecast late.
    assert mkt["forecast_late"] == []
    sales = rows["team", "Sales"]
    assert sales["p50"] is None and sales["p85"] is None
    assert sales["note"] == "not enough history: 3 tasks finished in 6 weeks"
    fair = rows["project", "Fair"]
    assert fair["due"] is None and fair["due_source"] is None and fair["basis"]["source"] == "teams"
    assert fair["p85"] == fourth.isoformat()  # its team's open work is done that day


def test_a_project_due_date_is_set_and_weighed(board, capsys):
    day_before = working_day_after(TODAY, 3)
    code = main(
        [
            "--board",
            str(board.location),
            "--as",
            "Haruka Aoki",
            "project",
            "due",
            "fair",
            day_before.isoformat(),
        ]
    )
    assert code == 0, capsys.readouterr().err
    capsys.readouterr()
    code, out, _ = forecast(capsys, board.location, "--json", "--scope", "project")
    (fair,) = json.loads(out)
    assert (fair["due"], fair["due_source"], fair["on_time_probability"]) == (
        day_before.isoformat(),
        "project",
        0.0,
    )
    code, out, _ = forecast(capsys, board.location, "--scope", "project")
    assert "Fair" in out and "LATE" in out and "0% on time" in out
    history = board.history("project")
    assert [(r.field, r.new) for r in history][-1] == ("due", day_before.isoformat())


def test_a_chain_forecast_names_its_task(board, capsys):
    """--chain TASK_ID: the task (and what it waits for) as one scope, "chain"."""
    task = next(t for t in board.load().tasks.values() if t.due == working_day_after(TODAY, 4))
    code, out, err = forecast(capsys, board.location, "--json", "--chain", str(task.id))
    assert code == 0, err
    (chain,) = json.loads(out)
    assert (chain["scope"], chain["name"], chain["remaining"]) == ("chain", task.title, 1)
    assert chain["p85"] == working_day_after(TODAY, 1).isoformat()
    assert chain["due_source"] == "task" and chain["forecast_late"] == []
    assert forecast(capsys, board.location, "--chain", "9999")[0] == 1
    assert forecast(capsys, board.location, "--chain", "1", "--scope", "team")[0] == 1


def test_bad_input_is_refused_with_a_message(board, capsys):
    assert forecast(capsys, board.location, "--weeks", "60")[0] == 2
    assert forecast(capsys, board.location, "--runs", "lots")[0] == 2
    assert forecast(capsys, board.location, "--runs", "500")[0] == 2  # 10,000 at least
    code = main(
        [
            "--board",
            str(board.location),
            "--as",
            "Haruka Aoki",
            "project",
            "due",
            "Expo",
            "2026-12-01",
        ]
    )
    assert code == 1 and "no project called 'Expo'" in capsys.readouterr().err


def test_a_0006_board_gains_project_due_dates(board):
    """0006 → 0007: projects keep their rows and get an empty due date."""
    from alembic import command

    with board.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0006")
    with board.engine.connect() as conn:
        assert "due" not in {c["name"] for c in inspect(conn).get_columns("projects")}
    location = board.location
    board.dispose()
    store = BoardStore.open(location, create=False)
    try:
        with store.engine.connect() as conn:
            assert "due" in {c["name"] for c in inspect(conn).get_columns("projects")}
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == "0007" == migrate.head_revision()
        (fair,) = store.load().projects.values()
        assert (fair.name, fair.due) == ("Fair", None)
    finally:
        store.dispose()


def test_the_demo_forecasts_every_team_and_one_project_misses_its_date(demo_session):
    """The demo's past weeks give every team a forecast; only the enterprise pipeline is
    forecast late, for a reason a lead can read off it: more open work than its pace
    finishes before its due date, most of it with Field Sales."""
    from renkei.domain.forecast import working_days_until

    forecasts = demo_session.forecasts()
    teams = [f for f in forecasts if f.scope == "team"]
    assert [f.name for f in teams] == [
        "Marketing",
        "Inside Sales",
        "Field Sales",
        "Customer Success",
    ]
    assert all(f.basis.enough and f.has_forecast and not f.late for f in teams)
    late = [f for f in forecasts if f.late]
    assert [(f.scope, f.name) for f in late] == [("project", "Enterprise pipeline FY2026")]
    (pipeline,) = late
    assert pipeline.due_source == "project" and pipeline.on_time_probability < 0.15
    days = working_days_until(TODAY, pipeline.due)
    assert pipeline.basis.per_day * days < pipeline.remaining * 0.6  # about half done by then
    board = demo_session.board
    field_sales = board.find_team("Field Sales").id
    open_work = [
        t
        for t in board.tasks.values()
        if t.project_id == pipeline.scope_id
        and not t.archived
        and t.status_id not in board.done_status_ids()
    ]
    assert sum(t.team_id == field_sales for t in open_work) > len(open_work) / 2
