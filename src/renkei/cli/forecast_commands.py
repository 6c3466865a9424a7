"""``renkei forecast``: will each team's and project's open work be done in time? And
``renkei project due``: the deadline a project's forecast is weighed against."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from renkei.cli.board_access import CliError, board_session, out, saved_already, saved_before
from renkei.cli.words import Cli, arg, translate_marked
from renkei.domain.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from renkei.domain.forecast import Forecast
    from renkei.domain.model import Board

MAX_WEEKS = 51  # renkei.domain.forecast.MAX_WEEKS, kept here so parsing imports no rules
MAX_RUNS = 1_000_000


def _bounded(low: int, high: int, what: str) -> Any:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what}: give {low} to {high:,}, not {value}")
        return value

    return parse


def _due(text: str) -> date | None:
    if text.strip().lower() in ("", "none"):
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date (write YYYY-MM-DD, or none to clear it)"
        ) from None


def add_parsers(sub: Any) -> None:
    forecast = sub.add_parser(
        "forecast",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "when each team's and project's open work will be done, from the board's history",
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Will it finish in time? From the tasks each team finished per working day over the "
            "last N weeks, a seeded Monte Carlo simulation of when the open tasks of each team "
            "and project will be done: P50 and P85 dates and the chance of meeting the due date "
            "(a project's own, else its latest task's). With fewer than 8 tasks finished in the "
            "window it says 'not enough history' instead of a date.",
        ),
    )
    forecast.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "a JSON array, one scope a line",
        ),
    )
    forecast.add_argument(
        "--weeks",
        type=_bounded(1, MAX_WEEKS, "--weeks"),
        default=6,
        metavar="N",
        help=QT_TRANSLATE_NOOP("Cli", "weeks of history to draw from (default 6)"),
    )
    forecast.add_argument(
        "--runs",
        type=_bounded(10_000, MAX_RUNS, "--runs"),
        default=10_000,
        metavar="N",
        help=QT_TRANSLATE_NOOP("Cli", "simulated futures, 10,000 or more (default 10,000)"),
    )
    forecast.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="N",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "random seed (default 1)",
        ),
    )
    forecast.add_argument(
        "--scope",
        choices=("team", "project"),
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "only teams or projects",
        ),
    )
    forecast.add_argument(
        "--chain",
        type=int,
        metavar="TASK_ID",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "instead: the task and every unfinished task it waits for (scope chain)",
        ),
    )
    forecast.set_defaults(handler=cmd_forecast)

    project = sub.add_parser(
        "project",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "set a project's due date (needs --as NAME)",
        ),
    )
    project_sub = project.add_subparsers(dest="project_command", metavar="ACTION", required=True)
    due = project_sub.add_parser(
        "due",
        help=QT_TRANSLATE_NOOP("Cli", "set or clear a project's due date"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Set the project's due date (YYYY-MM-DD), or clear it with 'none': without one, its "
            "forecast is weighed against its latest task's due date.",
        ),
    )
    due.add_argument("name", metavar="PROJECT")
    due.add_argument("due", type=_due, metavar="YYYY-MM-DD|none")
    due.set_defaults(handler=cmd_project_due)


def cmd_forecast(args: argparse.Namespace) -> int:
    from renkei.app.forecasting import board_forecasts, chain_forecast
    from renkei.cli import output
    from renkei.domain.forecast import ForecastOptions
    from renkei.domain.forecast_late import late_forecasts, team_paces

    options = ForecastOptions(weeks=args.weeks, runs=args.runs, seed=args.seed)
    if args.chain is not None and args.scope is not None:
        raise CliError(Cli.tr("--chain and --scope go separately: a chain is a scope of its own"))
    with board_session(args) as session:
        board = session.board
        forecasts = board_forecasts(session, options)
        today = session.today()
        paces = team_paces(board, session.finished_days(), today, options.weeks)
        late = frozenset(late_forecasts(board, paces, today))  # the risk rule's tasks
        shown = [f for f in forecasts if args.scope in (None, f.scope)]
        if args.chain is not None:
            if args.chain not in board.tasks:
                raise CliError(arg(Cli.tr("There is no task %1 on this board."), args.chain))
            shown = [chain_forecast(session, args.chain, options)]
        if args.json:
            out(output.dumps([forecast_json(board, f, late) for f in shown]))
        elif shown:
            out(forecast_table(shown, session.today(), options.weeks))
        else:
            if args.scope == "team":
                out(Cli.tr("No team on this board."))
            elif args.scope == "project":
                out(Cli.tr("No project on this board."))
            else:
                out(Cli.tr("No team or project on this board."))
    return 0


def forecast_json(board: Board, f: Forecast, late: frozenset[int]) -> dict[str, Any]:
    def day(value: date | None) -> str | None:
        return value.isoformat() if value is not None else None

    if f.scope == "team":
        mine = sorted(i for i in late if board.tasks[i].team_id == f.scope_id)
    elif f.scope == "project":
        mine = sorted(i for i in late if board.tasks[i].project_id == f.scope_id)
    else:  # a chain's tasks due before the chain's own P85
        from renkei.domain.forecast_chain import chain_of

        p85 = f.p85
        mine = sorted(
            i
            for i in chain_of(board, f.scope_id)
            if p85 is not None and (due := board.tasks[i].due) is not None and due < p85
        )
    probability = f.on_time_probability
    return {
        "scope": f.scope,
        "name": f.name,
        "remaining": f.remaining,
        "p50": day(f.p50),
        "p85": day(f.p85),
        "due": day(f.due),
        "due_source": f.due_source,
        "on_time_probability": None if probability is None else round(probability, 4),
        "basis": {
            "finished": f.basis.finished,
            "weeks": f.basis.weeks,
            "per_day": round(f.basis.per_day, 3),
            "source": f.basis_source,
        },
        "note": f.words() or None,
        "forecast_late": mine,
    }


def forecast_table(forecasts: list[Forecast], today: date, weeks: int) -> str:
    """The forecasts as a table in the command's language (``--json`` keeps the codes)."""
    from renkei.cli.output import table

    scopes = {"team": Cli.tr("team"), "project": Cli.tr("project"), "chain": Cli.tr("chain")}
    rows = []
    for f in forecasts:
        if f.remaining == 0:
            when = Cli.tr("nothing open")
        elif f.has_forecast:
            when = arg(Cli.tr("%1 (P50), %2 (P85)"), f.p50, f.p85)
        else:
            when = f.words(translate_marked)
        if f.due is None:
            against = Cli.tr("no due date")
        else:
            if f.due_source == "project":
                source = ""
            elif f.due_source == "task":
                source = Cli.tr(" (the task's)")
            else:
                source = Cli.tr(" (latest task)")
            chance = f.on_time_probability
            odds = "" if chance is None else arg(Cli.tr(", %1% on time"), round(chance * 100))
            verdict = Cli.tr(" — LATE") if f.late else ""
            against = arg(Cli.tr("due %1"), f.due) + source + odds + verdict
        pace = arg(Cli.tr("%1/day"), f"{f.basis.per_day:.1f}")
        if f.basis_source == "teams":
            pace += Cli.tr(" (its teams')")
        rows.append([scopes.get(f.scope, f.scope), f.name, str(f.remaining), pace, when, against])
    head = [
        Cli.tr("Scope"),
        Cli.tr("Name"),
        Cli.tr("Open"),
        Cli.tr("Pace"),
        Cli.tr("Done by"),
        Cli.tr("Deadline"),
    ]
    title = arg(Cli.tr("Forecast as of %1, from the last %2 weeks:"), today, weeks)
    return title + "\n" + table(head, rows, right=(2,))


def cmd_project_due(args: argparse.Namespace) -> int:
    from renkei.cli.board_access import sign_in
    from renkei.domain.commands import SetFields

    with board_session(args) as session:
        if saved_before(args, session):
            return 0
        project = session.board.find_project(args.name)
        if project is None:
            names = ", ".join(sorted(p.name for p in session.board.projects.values()))
            raise CliError(
                arg(
                    Cli.tr("no project called %1 on this board (%2)"),
                    repr(args.name.strip()),
                    names,
                )
            )
        sign_in(session, args.as_name)
        command = SetFields("project", project.id, (("due", args.due),), (("due", project.due),))
        change = session.apply(
            command, f"Set the due date of {project.name}", change_id=args.change_id
        )
        if saved_already(args, change):
            return 0
        if args.due:
            out(arg(Cli.tr("Project %1: due %2."), project.name, args.due.isoformat()))
        else:
            out(
                arg(
                    Cli.tr("Project %1: no due date (its latest task's due date counts)."),
                    project.name,
                )
            )
    return 0
