"""The parsers of ``renkei board …``: whole-board operations (new, copy, salvage, check, merge,
people link). Each handler is named, not imported (``later``): it loads when its command runs.
"""

from __future__ import annotations

from typing import Any

from renkei.cli import merge_commands
from renkei.cli.loading import later
from renkei.domain.i18n import QT_TRANSLATE_NOOP


def add_board_commands(sub: Any) -> None:
    """``board ACTION …`` on the top-level sub-parsers."""
    board = sub.add_parser(
        "board",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "whole-board operations (new, copy, salvage, merge, people link)",
        ),
    )
    board_sub = board.add_subparsers(dest="board_command", metavar="ACTION", required=True)
    copy = board_sub.add_parser(
        "copy",
        help=QT_TRANSLATE_NOOP("Cli", "copy a whole board between files and PostgreSQL"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Copy a whole board — every task, person, team, project, column, dependency and the "
            "full history, with their ids — from SRC to DST. Each is a board file path or a URL "
            "such as postgresql+psycopg://user@host:5432/db. DST must be a new file, an empty "
            "database or a board nobody has used yet; on any error nothing is left in it. The "
            "global --board is not used.",
        ),
    )
    copy.add_argument(
        "source",
        metavar="SRC",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the board to copy (path or URL)",
        ),
    )
    copy.add_argument(
        "destination",
        metavar="DST",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "where the copy goes (path or URL)",
        ),
    )
    copy.set_defaults(handler=later("board_commands", "cmd_board_copy"))
    new = board_sub.add_parser(
        "new",
        help=QT_TRANSLATE_NOOP("Cli", "make a new, empty board"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Make a new, empty board at PATH (a file that does not exist yet) or URL (an empty "
            "PostgreSQL database). Reading a board never makes one: this, the window's File → New "
            "board, demo and an import into a new file are the ways to make one.",
        ),
    )
    new.add_argument("target", metavar="PATH|URL")
    new.add_argument(
        "--name",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the board's name (default: the file or database name)",
        ),
    )
    new.set_defaults(handler=later("board_commands", "cmd_board_new"))
    salvage = board_sub.add_parser(
        "salvage",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "copy what can still be read from a damaged board into a new one",
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Read every row that can still be read from a damaged board file SRC (left unchanged) "
            "into a new board DST, and say what could not be kept. Use it when Renkei says a "
            "board is damaged; an older copy would lose every change made since it was taken.",
        ),
    )
    salvage.add_argument("source", metavar="SRC")
    salvage.add_argument("destination", metavar="DST", help=QT_TRANSLATE_NOOP("Cli", "a new file"))
    salvage.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the report as JSON",
        ),
    )
    salvage.set_defaults(handler=later("board_commands", "cmd_board_salvage"))
    check = board_sub.add_parser(
        "check",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "where the board lives, its lock, its health and the copies beside it",
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Look a board over: where it lives (local disk, network share, synced folder or "
            "server) and what that means, the lock in use and who holds it now, an unfinished "
            "change left by a program that stopped (undone, as any open does), SQLite's full "
            "integrity check, the schema revision, conflict copies beside it and the computers "
            "that used it in the last 15 minutes. Exits 1 when anything needs a person, saying "
            "what to do.",
        ),
    )
    check.add_argument(
        "target",
        metavar="PATH|URL",
        nargs="?",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "default: --board",
        ),
    )
    check.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the report as JSON",
        ),
    )
    check.set_defaults(handler=later("board_commands", "cmd_board_check"))
    merge_commands.add_parser(board_sub)
    people_ = board_sub.add_parser(
        "people",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "who is who on a server board",
        ),
    )
    people_sub = people_.add_subparsers(dest="people_command", metavar="ACTION", required=True)
    link = people_sub.add_parser(
        "link",
        help=QT_TRANSLATE_NOOP("Cli", "link a person to the login role they connect with"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Link NAME to a PostgreSQL login role (or, on a file, an OS login). On a server "
            "board, once anyone is linked, every change is recorded under the person linked to "
            "the role that connected: a different --as is refused, and a role linked to nobody "
            "cannot change the board (so link yourself first). On a file the link only says whose "
            "login is whose in the history. --role '' removes the link.",
        ),
    )
    link.add_argument("name", metavar="NAME")
    link.add_argument("--role", required=True, metavar="ROLE")
    link.set_defaults(handler=later("commands", "cmd_people_link"))
