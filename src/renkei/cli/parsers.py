"""The parsers of the commands that run through cli/commands.py and cli/watch_commands.py:
``demo``, ``tasks``, ``people``, ``history``, ``task …``, ``watch`` and ``snapshot``
(cli/dispatch.py puts them in order among the others), and the values their options take.

Each handler is named, not imported (``later``): building the parser loads no command's code.
"""

from __future__ import annotations

import argparse
from typing import Any

from renkei.app.errors import CHANGE_ID
from renkei.app.field_input import field_help
from renkei.cli.loading import later
from renkei.cli.words import Cli, arg
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.ui.snapshot import THEMES, VIEWS

DEFAULT_SIZE = (1600, 1000)
# The views and themes `snapshot` can draw (Qt loads only when drawing).
SNAPSHOT_VIEWS = VIEWS
SNAPSHOT_THEMES = THEMES


# -- what an option's value may be ------------------------------------------------------------


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


# -- the commands ------------------------------------------------------------------------------


def add_demo_command(sub: Any) -> None:
    """``demo``: a demo board."""
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


def add_reading_commands(sub: Any) -> None:
    """``tasks``, ``people`` and ``history``: what is on the board, and who changed it."""
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


def add_task_commands(sub: Any) -> None:
    """``task add|set|rebaseline``: adding and changing tasks."""
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


def add_watch_command(sub: Any) -> None:
    """``watch``: the changes, as anyone makes them."""
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


def add_snapshot_command(sub: Any) -> None:
    """``snapshot``: a view drawn into a PNG."""
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
