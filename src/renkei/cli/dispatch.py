"""The parser of ``renkei`` and the running of one command (cli/main.py loads this module).

Global options come before the command: ``renkei --board team.renkei --as "Yuki Tanaka"
task set 12 due=2026-12-03``. Expected failures print ``renkei: <message>`` on stderr and
exit with 1; usage errors exit with 2 (argparse); a change whose save could not be confirmed
exits with 3 (see ``EXIT_CODES``); nothing prints a traceback for them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence

from renkei import __version__
from renkei.app.board_files import introduce
from renkei.app.errors import CHANGE_ID, BoardRefused, CouldNotConfirm, StorageError, new_change_id
from renkei.app.field_input import FieldInputError, field_help
from renkei.app.identity import IdentityError
from renkei.cli import (
    export_commands,
    forecast_commands,
    handoff_commands,
    import_commands,
    merge_commands,
    passwords,
    words,
)
from renkei.cli.board_access import CliError
from renkei.cli.loading import without_collections
from renkei.cli.words import Cli, Joined, Parser, arg
from renkei.domain.commands import CommandError, ConflictError
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.ui.snapshot import THEMES, VIEWS

# Failures a person reads as one line (an import's ImportProblem too: see _is_import_problem).
EXPECTED_ERRORS: tuple[type[Exception], ...] = (
    BoardRefused,
    StorageError,
    CommandError,
    FieldInputError,
    IdentityError,
    CliError,
)

DEFAULT_SIZE = (1600, 1000)
# The views and themes `snapshot` can draw (Qt loads only when drawing).
SNAPSHOT_VIEWS = VIEWS
SNAPSHOT_THEMES = THEMES

# Exit codes a script can rely on after a command that changes the board.
NOT_SAVED = 1  # the message says "nothing was saved" (or why the command was refused)
COULD_NOT_CONFIRM = 3  # the message says "could not confirm": look before retrying
EXIT_CODES = QT_TRANSLATE_NOOP(
    "Cli",
    "Exit codes: 0 the change is saved (or was saved already by an earlier run with the same "
    "--change-id); 1 not saved (the message says nothing was saved, or why); 2 a usage error; "
    "3 Renkei could not confirm whether the change was saved: look at `renkei history`, or run "
    "the same command again with the --change-id it printed (a change id is applied once).",
)


def later(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """The handler ``renkei.cli.<module>.<name>``, imported when its command runs: every
    command pays only for its own imports (listing tasks never loads the importers, the
    demo builder or the watch loop)."""

    def run(args: argparse.Namespace) -> int:
        with without_collections():
            loaded = importlib.import_module(f"renkei.cli.{module}")
        handler: Callable[[argparse.Namespace], int] = getattr(loaded, name)
        return handler(args)

    run.__qualname__ = run.__name__ = name
    return run


def snapshot_size(text: str) -> tuple[int, int]:
    """``1600x1000`` → ``(1600, 1000)``."""
    width, sep, height = text.lower().replace("×", "x").partition("x")
    if not sep or not width.strip().isdigit() or not height.strip().isdigit():
        raise argparse.ArgumentTypeError(
            arg(Cli.tr("%1 is not a size (write WxH, e.g. 1600x1000)"), repr(text))
        )
    size = int(width), int(height)
    if not all(16 <= side <= 16_384 for side in size):
        raise argparse.ArgumentTypeError(
            arg(Cli.tr("%1: each side must be 16 to 16384 pixels"), repr(text))
        )
    return size


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            arg(Cli.tr("%1 is not a whole number"), repr(text))
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(arg(Cli.tr("%1: give at least 1"), repr(text)))
    return value


def revision_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            arg(Cli.tr("%1 is not a revision number"), repr(text))
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError(arg(Cli.tr("%1: a revision is 0 or more"), repr(text)))
    return value


def positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            arg(Cli.tr("%1 is not a number of seconds"), repr(text))
        ) from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(
            arg(Cli.tr("%1: give a number of seconds above 0"), repr(text))
        )
    return value


def change_id(text: str) -> str:
    if not CHANGE_ID.fullmatch(text):
        raise argparse.ArgumentTypeError(
            arg(
                Cli.tr("%1 is not a change id: 1 to 64 letters, digits, '.', '_', ':' or '-'"),
                repr(text[:70]),
            )
        )
    return text


def _may_name(argv: Sequence[str] | None, command: str) -> bool:
    """Whether this command line may run or describe ``command``: it names it, or asks for
    help (a word that is only an option's value gives a needless full parser, nothing worse)."""
    words = sys.argv[1:] if argv is None else argv
    return command in words or "-h" in words or "--help" in words


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for this command line (``argv``, default ``sys.argv[1:]``): whole, except
    commands it cannot reach, which keep their name and one-line help only."""
    parser = Parser(
        prog="renkei",
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Renkei (連携): cross-team work at a glance. Without a command, opens the board in a "
            "window.",
        ),
        epilog=Joined(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Global options go before the command, e.g. renkei --board team.renkei tasks.",
            ),
            EXIT_CODES,
        ),
    )
    parser.add_argument(
        "--board",
        metavar="PATH|URL",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the board file or database URL (default: the default board set in Preferences, else "
            "your own board, made with the demo on first run)",
        ),
    )
    parser.add_argument(
        "--as",
        dest="as_name",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "who you are for this call (a person on the board); writes need it unless the board "
            "remembers you",
        ),
    )
    parser.add_argument(
        "--change-id",
        type=change_id,
        metavar="ID",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "name the change this command makes (task add/set, handoff, import, board people "
            "link), for a script that retries it: a change id already on the board is not applied "
            "again, and the command says so and exits 0 (default: $RENKEI_CHANGE_ID, else a new "
            "id; use a new id for each different change)",
        ),
    )
    parser.add_argument("--version", action="version", version=f"renkei {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser(
        "demo",
        help=QT_TRANSLATE_NOOP("Cli", "make a demo board"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Fill a new (or empty) board with the Sales × Marketing demo story, or with N "
            "synthetic tasks. Uses --board, else your default board; refuses a board that holds "
            "work.",
        ),
    )
    demo.add_argument(
        "--lang",
        choices=("ja", "en"),
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "language (default: the system's)",
        ),
    )
    demo.add_argument(
        "--tasks",
        type=positive_int,
        metavar="N",
        help=QT_TRANSLATE_NOOP("Cli", "N synthetic tasks instead of the story (benchmarks)"),
    )
    demo.add_argument(
        "--seed",
        type=int,
        metavar="S",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "random seed for --tasks (default 1)",
        ),
    )
    demo.set_defaults(handler=later("commands", "cmd_demo"))

    tasks = sub.add_parser(
        "tasks",
        help=QT_TRANSLATE_NOOP("Cli", "list tasks"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "List the board's tasks (archived ones only with --all).",
        ),
    )
    tasks.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "a JSON array instead of a table",
        ),
    )
    tasks.add_argument(
        "--at-risk",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "only tasks at risk",
        ),
    )
    tasks.add_argument(
        "--all",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "include archived tasks",
        ),
    )
    tasks.set_defaults(handler=later("commands", "cmd_tasks"))

    people = sub.add_parser("people", help=QT_TRANSLATE_NOOP("Cli", "list the people on the board"))
    people.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "a JSON array instead of a table",
        ),
    )
    people.set_defaults(handler=later("commands", "cmd_people"))

    history = sub.add_parser(
        "history",
        help=QT_TRANSLATE_NOOP("Cli", "who changed what, when"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "The audit trail, oldest first: the whole board's, or one task's with its handoffs "
            "(sent, acknowledged, returned with what was missing, re-sent, accepted). Text shows "
            "local time and names, in the language of --lang, Preferences or the system; JSON "
            "keeps the stored values, ISO 8601 UTC times ending in Z, and adds each line's text.",
        ),
    )
    history.add_argument("task_id", nargs="?", type=int, metavar="TASK_ID")
    history.add_argument(
        "--limit",
        type=positive_int,
        metavar="N",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "only the last N rows",
        ),
    )
    history.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "a JSON array instead of lines",
        ),
    )
    history.add_argument(
        "--lang",
        choices=("ja", "en"),
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "language of the lines (default: Preferences, else the system's)",
        ),
    )
    history.set_defaults(handler=later("commands", "cmd_history"))

    task = sub.add_parser(
        "task",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "add or change a task (needs --as NAME)",
        ),
    )
    task_sub = task.add_subparsers(dest="task_command", metavar="ACTION", required=True)
    add = task_sub.add_parser(
        "add",
        help=QT_TRANSLATE_NOOP("Cli", "add a task"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Add a task. Names (team, owner, status, project) match the board ignoring case; "
            "dates are YYYY-MM-DD. The status defaults to the board's second column (To do).",
        ),
    )
    add.add_argument("--title", required=True)
    add.add_argument("--team", required=True)
    add.add_argument("--owner", metavar="NAME")
    add.add_argument("--status", metavar="COLUMN")
    add.add_argument("--project")
    add.add_argument("--start", metavar="YYYY-MM-DD")
    add.add_argument("--due", metavar="YYYY-MM-DD")
    add.add_argument("--priority", choices=("low", "normal", "high", "urgent"), type=str.lower)
    add.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "print the task as JSON",
        ),
    )
    add.set_defaults(handler=later("commands", "cmd_task_add"))

    set_ = task_sub.add_parser(
        "set",
        help=QT_TRANSLATE_NOOP("Cli", "change fields of a task"),
        description=(
            "Change fields: renkei --as NAME task set 12 due=2026-12-03 owner='Ryo Ito'. An empty "
            "value clears an optional field (owner=, due=, flag=). Fields: " + field_help() + "."
        ),
    )
    set_.add_argument("task_id", type=int, metavar="ID")
    set_.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    set_.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "print the task as JSON afterwards",
        ),
    )
    set_.set_defaults(handler=later("commands", "cmd_task_set"))

    rebaseline = task_sub.add_parser(
        "rebaseline",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "commit to tasks' current due dates (their slips count from now)",
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Make each task's current due date its baseline: it is no longer 'slipped', and later "
            "moves of its due date count from here. Its earlier moves stay in its history.",
        ),
    )
    rebaseline.add_argument("task_ids", type=int, nargs="+", metavar="ID")
    rebaseline.set_defaults(handler=later("commands", "cmd_task_rebaseline"))

    handoff_commands.add_parsers(sub)
    export_commands.add_parsers(sub)
    forecast_commands.add_parsers(sub)
    import_commands.add_parsers(sub, complete=_may_name(argv, "import"))
    passwords.add_parsers(sub)

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

    watch = sub.add_parser(
        "watch",
        help=QT_TRANSLATE_NOOP("Cli", "print changes as anyone makes them"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Follow the board: one line per row changed in each revision, made by anyone, as it "
            "arrives (SQLite is checked twice a second; PostgreSQL tells at once). Every revision "
            "is printed once, in order, even across a lost connection; nothing is folded (25 "
            "edits of one task are 25 lines). Runs until Ctrl-C, --count N lines or --timeout S "
            "seconds. With --json each line is a JSON object: revision, entity, id, created, "
            "fields (field → new value, named as in history --json; a new row: every field it was "
            "made with), old (field → value before), actor, at (UTC, when the change was made).",
        ),
    )
    watch.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "one JSON object per line",
        ),
    )
    watch.add_argument(
        "--since",
        type=revision_number,
        metavar="REV",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "first print every revision after REV, then follow (to resume where a watch stopped; "
            "default: the board's current revision)",
        ),
    )
    watch.add_argument(
        "--count",
        type=positive_int,
        metavar="N",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "stop after N lines",
        ),
    )
    watch.add_argument(
        "--timeout",
        type=positive_seconds,
        metavar="S",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "stop after S seconds",
        ),
    )
    watch.set_defaults(handler=later("watch_commands", "cmd_watch"))

    snap = sub.add_parser(
        "snapshot",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "draw a view into a PNG (no display needed)",
        ),
    )
    snap.add_argument("--view", choices=SNAPSHOT_VIEWS, default=SNAPSHOT_VIEWS[0])
    snap.add_argument(
        "--theme",
        choices=SNAPSHOT_THEMES,
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "light (default), dark or high_contrast; standup slides: light or dark",
        ),
    )
    snap.add_argument(
        "--slide",
        type=positive_int,
        default=1,
        metavar="N",
        help=QT_TRANSLATE_NOOP(
            "Cli", "standup: the slide to draw, 1 for the first team (default 1)"
        ),
    )
    snap.add_argument(
        "--page",
        type=positive_int,
        default=1,
        metavar="P",
        help=QT_TRANSLATE_NOOP(
            "Cli", "standup: the slide as it shows after ↓ was pressed P-1 times (default 1)"
        ),
    )
    snap.add_argument(
        "--size",
        type=snapshot_size,
        default=DEFAULT_SIZE,
        metavar="WxH",
        help=QT_TRANSLATE_NOOP("Cli", "pixels (default 1600x1000)"),
    )
    snap.add_argument("out", metavar="OUT.png")
    snap.set_defaults(handler=later("commands", "cmd_snapshot"))
    return parser


# A refusal is one line a person reads at a glance, whatever value it quotes.
MAX_MESSAGE = 300
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _shown(char: str) -> str:
    if char in "\n\r\t":
        return " "  # a server's message over several lines reads as one
    if "\udc80" <= char <= "\udcff":  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{ord(char) - 0xDC00:02x}"
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")


def one_line(message: str, limit: int = MAX_MESSAGE) -> str:
    """``message`` as one printable line of at most ``limit`` characters: control characters
    and broken bytes written as escapes, and a long middle (an echoed value, a list of 20,000
    column names) cut with "…" so that where it went wrong and what to do both stay."""
    line = re.sub(" {2,}", " ", _UNSHOWABLE.sub(lambda m: _shown(m.group()), message)).strip()
    if len(line) <= limit:
        return line
    tail = limit // 3
    return line[: limit - tail - 1].rstrip() + "…" + line[-tail:].lstrip()


def fail(message: str, code: int = 1) -> int:
    print(one_line(f"renkei: {message}"), file=sys.stderr, flush=True)
    return code


def _utf8(stream) -> None:
    """JSON and Japanese names go out as UTF-8 whatever the console's locale says."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(stream, "reconfigure", None)
    if encoding != "utf8" and reconfigure is not None:
        reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status is returned (the console script passes it to
    ``sys.exit``)."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    words.begin()
    try:
        return _run(argv)
    finally:
        words.end()


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser(argv)
    try:
        with words.speaking_argparse():
            args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, usage errors
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    if args.command == "demo" and args.seed is not None and args.tasks is None:
        return _usage(parser, Cli.tr("demo: --seed goes with --tasks N"))
    if args.change_id is None:
        given = os.environ.get("RENKEI_CHANGE_ID", "").strip()
        if given and not CHANGE_ID.fullmatch(given):
            return _usage(
                parser, arg(Cli.tr("RENKEI_CHANGE_ID=%1 is not a change id"), repr(given[:70]))
            )
        args.change_id = given or None
    # A retry names its id (it may be on the board: commands look first); else a new one,
    # made before the first try so that a "could not confirm" can name it for the retry.
    args.change_id_given = args.change_id is not None
    args.change_id = args.change_id or new_change_id()
    handler: Callable[[argparse.Namespace], int] = getattr(
        args, "handler", later("commands", "cmd_gui")
    )
    # Whoever this command is for is named to a colleague kept waiting by its lease.
    introduce(getattr(args, "as_name", None))
    try:
        return handler(args)
    except CouldNotConfirm as error:
        return fail(
            arg(
                Cli.tr("%1 To retry safely (applied only once), add --change-id %2"),
                error,
                error.change_id,
            ),
            COULD_NOT_CONFIRM,
        )
    except ConflictError as error:
        return fail(
            arg(
                Cli.tr("%1; nothing was written. See `renkei history %2`, then try again."),
                error,
                error.entity_id,
            )
        )
    except EXPECTED_ERRORS as error:
        return fail(str(error))
    except ModuleNotFoundError as error:
        if error.name in ("psycopg", "psycopg2"):
            return fail(Cli.tr("PostgreSQL boards need the driver: pip install 'renkei[postgres]'"))
        raise
    except BrokenPipeError:
        # `renkei tasks | head`: the reader left; stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return fail(Cli.tr("interrupted"), 130)
    except Exception as error:
        if _is_import_problem(error):
            return fail(str(error))
        raise


def _is_import_problem(error: Exception) -> bool:
    """A file an import could not read (an expected error too). Only an import loads the
    importers, so an error met while they are not loaded is none of theirs."""
    model = sys.modules.get("renkei.importers.model")
    return model is not None and isinstance(error, model.ImportProblem)


def _usage(parser: argparse.ArgumentParser, message: str) -> int:
    try:
        with words.speaking_argparse():
            parser.error(message)
    except SystemExit as stop:
        return int(stop.code or 2)
    return 2
