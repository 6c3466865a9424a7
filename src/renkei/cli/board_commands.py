"""`renkei board …`: copy, new, salvage, check — work on a whole board."""

from __future__ import annotations

import argparse
import dataclasses
import sys
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

# -- board copy ----------------------------------------------------------------------------

# Below this many rows a copy takes a moment and needs no progress lines.
COPY_PROGRESS_FROM = 5_000


def cmd_board_copy(args: argparse.Namespace) -> int:
    """Copy a whole board (every row, ids and history kept) into a new file or database."""
    progress = Progress(sys.stderr, "Copying rows", at_least=COPY_PROGRESS_FROM)
    # Each server end gets its password as any command would (keyring, terminal), in memory.
    source, destination = (
        passwords.url_with_password(end, passwords.terminal_prompt())
        if passwords.is_server(end)
        else end
        for end in (args.source, args.destination)
    )
    report = copy_board(source, destination, progress=progress)
    out(output.copy_summary(report))
    return 0


def cmd_board_new(args: argparse.Namespace) -> int:
    """An explicit create: the only command besides demo and import that makes a board."""
    target = args.target
    if not is_url(target):
        if Path(target).expanduser().exists():
            raise CliError(f"{target} exists already; name a new file for the new board.")
        name = args.name or Path(target).stem
    else:
        name = args.name or target.rsplit("/", 1)[-1] or "Renkei"
        held = work_on(target)
        if held is not None:
            raise CliError(f"{target} already holds {held}; nothing was changed.")
    location = make_board(target, name)
    out(f"Made the new board “{name}” at {location}.")
    return 0


def cmd_board_salvage(args: argparse.Namespace) -> int:
    report = salvage_board(Path(args.source), Path(args.destination))
    if args.json:
        out(output.dumps(dataclasses.asdict(report)))
        return 0
    kept = sum(report.kept.values())
    out(f"Salvaged {kept:,} rows from {report.source} into {report.destination}.")
    for table in report.kept:
        lost, orphaned = report.unreadable.get(table, 0), report.orphaned.get(table, 0)
        if lost or orphaned:
            out(
                f"  {table}: {report.kept[table]:,} kept, {lost:,} unreadable, "
                f"{orphaned:,} left out (what they referred to was lost)"
            )
    if report.complete:
        out("Every row could be read.")
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
        out(output.dumps(dataclasses.asdict(report)))
    else:
        out(output.check_summary(report))
    return 1 if report.needs_attention else 0


