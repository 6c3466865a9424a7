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
from renkei.domain.i18n import QT_TRANSLATE_NOOP


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
            "Write the status report: summary, at-risk and overdue work with reasons, a section "
            "per team, the timeline, a kanban snapshot, the handoffs and what changed since the "
            "last standup. Needs no display.",
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
    pdf.set_defaults(handler=cmd_export_pdf)
    from renkei.cli.import_commands import add_export_parser  # CSV lives with the importers

    add_export_parser(kinds)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (write YYYY-MM-DD)") from None


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
        path = Path(args.out)
        started = time.perf_counter()
        try:
            pages = export_pdf(
                session, path, ReportOptions(paper=args.paper, team_id=team_id, since=since)
            )
        except OSError as error:
            raise CliError(f"could not write {path}: {error.strerror or error}") from None
        seconds = time.perf_counter() - started
        out(
            f"Wrote the status report ({pages} pages, {args.paper.upper()}) to {path} "
            f"in {seconds:.1f} s."
        )
    return 0
