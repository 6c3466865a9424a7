"""`renkei board …`: copy, new, salvage, check — work on a whole board."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import datetime
from pathlib import Path

from renkei.app import paths
from renkei.app.board_files import check_board, copy_board, is_url, salvage_board
from renkei.app.opening import (
    make_board,
    work_on,
)
from renkei.app.settings import LocalSettings
from renkei.cli import output, passwords
from renkei.cli.board_access import (
    CliError,
    out,
)
from renkei.cli.progress import Progress
from renkei.cli.words import Cli, arg, error_text, japanese, words_list
from renkei.domain.i18n import QT_TRANSLATE_NOOP

# -- board copy ----------------------------------------------------------------------------

# Below this many rows a copy takes a moment and needs no progress lines.
COPY_PROGRESS_FROM = 5_000


def cmd_board_copy(args: argparse.Namespace) -> int:
    """Copy a whole board (every row, ids and history kept) into a new file or database."""
    progress = Progress(
        sys.stderr, QT_TRANSLATE_NOOP("Cli", "Copying rows"), at_least=COPY_PROGRESS_FROM
    )
    # Each server end gets its password as any command would (keyring, terminal), in memory.
    source, destination = (
        passwords.url_with_password(end, passwords.terminal_prompt())
        if passwords.is_server(end)
        else end
        for end in (args.source, args.destination)
    )
    report = copy_board(source, destination, progress=progress)
    out(copy_summary(report))
    return 0


def cmd_board_new(args: argparse.Namespace) -> int:
    """An explicit create: the only command besides demo and import that makes a board."""
    target = args.target
    if not is_url(target):
        if Path(target).expanduser().exists():
            raise CliError(
                arg(Cli.tr("%1 exists already; name a new file for the new board."), target)
            )
        name = args.name or Path(target).stem
    else:
        name = args.name or target.rsplit("/", 1)[-1] or "Renkei"
        held = work_on(target)
        if held is not None:
            raise CliError(
                arg(Cli.tr("%1 already holds %2; nothing was changed."), target, error_text(held))
            )
    location = make_board(target, name)
    out(arg(Cli.tr("Made the new board “%1” at %2."), name, location))
    return 0


def cmd_board_salvage(args: argparse.Namespace) -> int:
    report = salvage_board(Path(args.source), Path(args.destination))
    if args.json:
        out(output.dumps(dataclasses.asdict(report)))
        return 0
    kept = sum(report.kept.values())
    out(
        arg(
            Cli.tr("Salvaged %1 rows from %2 into %3."),
            f"{kept:,}",
            report.source,
            report.destination,
        )
    )
    for table in report.kept:
        lost, orphaned = report.unreadable.get(table, 0), report.orphaned.get(table, 0)
        if lost or orphaned:
            counts = (f"{report.kept[table]:,}", f"{lost:,}", f"{orphaned:,}")
            out(
                "  "
                + arg(
                    Cli.tr(
                        "%1: %2 kept, %3 unreadable, %4 left out (what they referred to was lost)"
                    ),
                    table,
                    *counts,
                )
            )
    if report.complete:
        out(Cli.tr("Every row could be read."))
    return 0


def cmd_board_check(args: argparse.Namespace) -> int:
    """Everything about a board's health in one look; exit 1 when something needs a person."""
    target = (
        args.target
        or args.board
        or LocalSettings.load().default_board
        or str(paths.default_board_path())
    )
    if passwords.is_server(target):
        target = passwords.url_with_password(target, passwords.terminal_prompt())
    report = check_board(target)
    if args.json:
        out(output.dumps(report.as_json()))
    else:
        out(check_summary(report))
    return 1 if report.needs_attention else 0


def copy_summary(report) -> str:
    """``Copied 60 tasks, 12 people, 4 teams, 412 history rows from … to ….``"""
    counts = report.counts
    parts = arg(
        Cli.tr(
            "%1 tasks, %2 people, %3 teams, %4 projects, %5 columns, %6 dependencies, "
            "%7 history rows"
        ),
        *(
            f"{counts.get(name, 0):,}"
            for name in (
                "tasks",
                "people",
                "teams",
                "projects",
                "statuses",
                "dependencies",
                "activity",
            )
        ),
    )
    return arg(
        Cli.tr("Copied %1 from %2 to %3 (board “%4”, revision %5)."),
        parts,
        report.source,
        report.destination,
        report.board_name,
        report.revision,
    )


def check_summary(report) -> str:
    """``renkei board check``, for a person: one line per part, what needs doing last."""

    def told(text: str) -> str:  # the report's own sentences, in the command's language
        said = report.said.get(text)
        return text if said is None or not japanese() else error_text(said)

    place = report.location
    where = arg(
        Cli.tr("%1: %2", "where a board lives, then what that means for a team"),
        told(place["headline"]),
        told(place["meaning"]),
    )
    lines = [
        _line(Cli.tr("Board:"), report.board),
        _line(Cli.tr("Where:"), where),
        _line(Cli.tr("Lock:"), told(report.lock)),
    ]
    if report.holder is not None:
        held = arg(Cli.tr("%1 (process %2)"), told(report.holder["words"]), report.holder["pid"])
        lines.append(_line(Cli.tr("Held now:"), held))
    if report.unfinished_change:
        lines.append(_line(Cli.tr("Unfinished:"), told(report.unfinished_change)))
    if report.integrity:
        lines.append(_line(Cli.tr("Integrity:"), told(report.integrity[0])))
    if report.revision is not None:
        schema = (
            arg(Cli.tr("revision %1 (this Renkei's)"), report.revision)
            if report.revision == report.this_build
            else arg(
                Cli.tr("revision %1 (this Renkei writes %2)"), report.revision, report.this_build
            )
        )
        lines.append(_line(Cli.tr("Schema:"), schema))
    copies = [p.rsplit("/", 1)[-1] for p in report.conflict_copies]
    lines.append(
        _line(Cli.tr("Copies:"), words_list(copies) if copies else Cli.tr("none beside it"))
    )
    for seen in report.recent_machines:
        who = arg(Cli.tr("%1 (%2)"), seen.person, seen.login) if seen.person else seen.login
        last = datetime.fromisoformat(seen.last).astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(
            _line(Cli.tr("Lately:"), arg(Cli.tr("%1, %2, last at %3"), seen.host, who, last))
        )
    for takeover in report.takeovers:
        lines.append(_line(Cli.tr("Takeover:"), told(takeover)))
    lines.append("")
    if report.needs_attention:
        lines.append(Cli.tr("Needs attention:"))
        lines.extend(f"  - {told(item)}" for item in report.needs_attention)
    else:
        lines.append(Cli.tr("Nothing needs attention."))
    return "\n".join(lines)


def _line(label: str, text: str) -> str:
    """A label and its text, the texts lined up (a kanji takes two columns)."""
    return label + " " * max(1, 12 - output.display_width(label)) + text
