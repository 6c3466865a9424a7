"""``renkei export pdf OUT.pdf``: the status report, written without a display."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from renkei.app.identity import who_am_i
from renkei.app.settings import LocalSettings
from renkei.cli.board_access import CliError, board_session, out
from renkei.cli.commands import use_offscreen_without_display
from renkei.cli.words import Cli, arg, error_text
from renkei.domain.health import Health, StatusLine, StatusLineError, parse_status
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.domain.model import Board


def add_parsers(sub: Any) -> None:
    export = sub.add_parser(
        "export",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "export the board (a PDF status report, tasks as CSV)",
        ),
    )
    kinds = export.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    pdf = kinds.add_parser(
        "pdf",
        help=QT_TRANSLATE_NOOP("Cli", "the status report as a PDF"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Write the status report: a first page with each team's and project's health, "
            "the forecast against each deadline, the top five risks, the handoffs stuck and "
            "the deadlines moved since the last standup; a second page with what changed "
            "and the decisions needed. --full adds the appendix: a section per team, the "
            "timeline, a kanban snapshot, the handoffs and every change. Needs no display.",
        ),
    )
    pdf.add_argument("out", metavar="OUT.pdf")
    pdf.add_argument(
        "--team",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "only this team's work",
        ),
    )
    pdf.add_argument(
        "--since",
        metavar="YYYY-MM-DD",
        type=_day,
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "changes since this day (default: the last standup, else a week ago)",
        ),
    )
    pdf.add_argument("--paper", choices=("a4", "letter"), default="a4")
    pdf.add_argument(
        "--full",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "add the appendix: per-team tables, timeline, board, handoffs, every change"
        ),
    )
    pdf.add_argument(
        "--status",
        metavar='"NAME=HEALTH: LINE"',
        action="append",
        default=[],
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "a lead's word on a team's or project's health, over the computed one "
            '(HEALTH: "On track", "At risk" or "Off track"), e.g. '
            '--status "Field Sales=At risk: waiting for legal review"; repeatable',
        ),
    )
    pdf.set_defaults(handler=cmd_export_pdf)
    from renkei.cli.import_commands import add_export_parser  # CSV lives with the importers

    add_export_parser(kinds)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (write YYYY-MM-DD)") from None


def status_lines(
    board: Board, texts: list[str], words: list[tuple[str, Health]]
) -> list[tuple[str, int, StatusLine]]:
    """Each ``--status`` as ("team" | "project", id, line), its health in English, as a code
    or in the reader's ``words``; a name that is no team and no project, or a health that is
    no health, is refused with the choices."""
    found = []
    for text in texts:
        try:
            line = parse_status(text, words)
        except StatusLineError as error:
            raise CliError(f"--status {error_text(error)}") from None
        team = board.find_team(line.scope)
        project = board.find_project(line.scope)
        if team is not None:
            found.append(("team", team.id, line))
        elif project is not None:
            found.append(("project", project.id, line))
        else:
            names = ", ".join(
                [t.name for t in board.ordered_teams()]
                + sorted(p.name for p in board.projects.values())
            )
            raise CliError(f"--status: no team or project called {line.scope!r} ({names})")
    return found


def cmd_export_pdf(args: argparse.Namespace) -> int:
    with board_session(args) as session:
        person = who_am_i(session.board, session.store.location, args.as_name)
        session.set_actor(person.id if person else None)
        team_id = None
        if args.team:
            team = session.board.find_team(args.team)
            if team is None:
                names = ", ".join(t.name for t in session.board.ordered_teams())
                raise CliError(f"no team called {args.team.strip()!r} on this board ({names})")
            team_id = team.id
        since = None
        if args.since is not None:
            # Local midnight of that day, stored as the board stores times (naive UTC).
            local = datetime.combine(args.since, datetime.min.time()).astimezone()
            since = local.astimezone(UTC).replace(tzinfo=None)
        use_offscreen_without_display()
        from PySide6.QtGui import QGuiApplication  # Qt, imported only now

        from renkei.export.report import ReportOptions, export_pdf
        from renkei.i18n.language import use_language

        _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
        use_language(LocalSettings.load().language)
        from renkei.i18n import translate_marked

        words = [(level.word(translate_marked), level) for level in Health]
        statuses = tuple(status_lines(session.board, args.status, words))
        path = Path(args.out)
        started = time.perf_counter()
        try:
            pages = export_pdf(
                session, path, ReportOptions(
                    paper=args.paper,
                    team_id=team_id,
                    since=since,
                    full=args.full,
                    statuses=statuses,
                ),
            )
        except OSError as error:
            raise CliError(f"could not write {path}: {error.strerror or error}") from None
        seconds = time.perf_counter() - started
        out(
            arg(
                Cli.tr("Wrote the status report (%n page(s), %1) to %2 in %3 s.", "", pages),
                args.paper.upper(),
                str(path),
                f"{seconds:.1f}",
            )
        )
    return 0
