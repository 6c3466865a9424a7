"""The parser of ``renkei`` and the running of one command (cli/main.py loads this module).

The global options and the order of the commands are here; each group of commands defines its
own parsers (cli/parsers.py, cli/board_parsers.py, cli/handoff_parsers.py, and the modules of
export, forecast, import and passwords).

Global options come before the command: ``renkei --board team.renkei --as "Yuki Tanaka"
task set 12 due=2026-12-03``. Expected failures print ``renkei: <message>`` on stderr and
exit with 1; usage errors exit with 2 (argparse); a change whose save could not be confirmed
exits with 3 (see ``EXIT_CODES``); nothing prints a traceback for them.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence

from renkei import __version__
from renkei.app.board_files import introduce
from renkei.app.errors import CHANGE_ID, BoardRefused, CouldNotConfirm, StorageError, new_change_id
from renkei.app.field_input import FieldInputError
from renkei.app.identity import IdentityError
from renkei.cli import (
    export_commands,
    forecast_commands,
    handoff_parsers,
    import_commands,
    passwords,
    words,
)
from renkei.cli.board_access import CliError
from renkei.cli.board_parsers import add_board_commands
from renkei.cli.loading import later
from renkei.cli.parsers import (
    add_demo_command,
    add_reading_commands,
    add_snapshot_command,
    add_task_commands,
    add_watch_command,
    change_id,
)
from renkei.cli.words import Cli, Joined, Parser, arg, error_text
from renkei.domain.commands import CommandError, ConflictError
from renkei.domain.i18n import QT_TRANSLATE_NOOP

# Failures a person reads as one line (an import's ImportProblem too: see _is_import_problem).
EXPECTED_ERRORS: tuple[type[Exception], ...] = (
    BoardRefused,
    StorageError,
    CommandError,
    FieldInputError,
    IdentityError,
    CliError,
)

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

    add_demo_command(sub)
    add_reading_commands(sub)
    add_task_commands(sub)
    handoff_parsers.add_parsers(sub)
    export_commands.add_parsers(sub)
    forecast_commands.add_parsers(sub)
    import_commands.add_parsers(sub, complete=_may_name(argv, "import"))
    passwords.add_parsers(sub)
    add_board_commands(sub)
    add_watch_command(sub)
    add_snapshot_command(sub)
    return parser


# A refusal is one line a person reads at a glance, whatever value it quotes; room for the
# longest of our own sentences (a damaged board: what happened, then how to salvage it).
MAX_MESSAGE = 400
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
                error_text(error),
                error.entity_id,
            )
        )
    except EXPECTED_ERRORS as error:
        return fail(error_text(error))
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
            return fail(error_text(error))
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
