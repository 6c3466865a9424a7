"""``renkei board merge COPY``: a sync tool's conflict copy merged into the board.

The copy's changes since the two files parted are replayed as their author made them; a field
changed on both sides is asked about on a terminal, decided by ``--prefer``, or refused with
the list. One transaction: on any problem neither file changes.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from renkei.app.opening import open_store
from renkei.cli.board_access import CliError, open_board, out
from renkei.cli.words import Cli, arg, error_text
from renkei.domain.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the merge itself loads only when a command merges
    from renkei.app.merge import Conflict, MergePlan, Side


def add_parser(board_sub: Any) -> None:
    merge = board_sub.add_parser(
        "merge",
        help=QT_TRANSLATE_NOOP("Cli", "merge a sync tool's conflict copy into the board"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "When two people change a board in a synced folder at once, the sync tool keeps one "
            "file and leaves the other beside it as a conflict copy. This replays the copy's "
            "changes since the two parted onto the board (--board), as the people who made them "
            "and at their times; a field changed on both sides is asked about (on a terminal) or "
            "decided by --prefer. Then the copy is renamed "
            "NAME.merged-YYYYmmdd-HHMMSS.renkei-copy and kept. All or nothing: on any problem "
            "neither file changes.",
        ),
    )
    merge.add_argument(
        "copy",
        metavar="COPY",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the conflict copy (a board file)",
        ),
    )
    merge.add_argument(
        "--prefer",
        choices=("board", "copy"),
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "for a field changed on both sides, keep the board's value or take the copy's",
        ),
    )
    merge.add_argument(
        "--dry-run",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "say what would be merged; change nothing",
        ),
    )
    merge.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "print the result as JSON",
        ),
    )
    merge.set_defaults(handler=cmd_board_merge)


def cmd_board_merge(args: argparse.Namespace) -> int:
    from renkei.app.merge import MergeRefused, apply_merge, prepare_merge

    # A named board is opened without the conflict-copy warning: this command is the answer.
    store = open_store(args.board, create=False) if args.board else open_board(None)
    try:
        plan = prepare_merge(store, args.copy)
        choices = _decide(plan, args.prefer)
        report = apply_merge(store, plan, choices, dry_run=args.dry_run)
    except MergeRefused as error:
        raise CliError(error_text(error)) from None
    finally:
        store.dispose()
    if args.json:
        out(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        out(report.summary())
    return 0


def _decide(plan: MergePlan, prefer: str | None) -> dict[tuple[str, int, str], Side]:
    if not plan.conflicts:
        return {}
    if prefer is not None:
        side: Side = "board" if prefer == "board" else "copy"
        return {c.key: side for c in plan.conflicts}
    if not sys.stdin.isatty():
        listed = Cli.tr("; ").join(describe(plan, c) for c in plan.conflicts)
        n = len(plan.conflicts)
        text = (
            Cli.tr(
                "1 field was changed both on the board and in %2: %3. Run again with --prefer "
                "board or --prefer copy, or on a terminal to choose each; nothing was merged."
            )
            if n == 1
            else Cli.tr(
                "%1 fields were changed both on the board and in %2: %3. Run again with "
                "--prefer board or --prefer copy, or on a terminal to choose each; nothing was "
                "merged."
            )
        )
        raise CliError(arg(text, n, plan.copy.name, listed))
    return {c.key: _ask(plan, c) for c in plan.conflicts}


def _ask(plan: MergePlan, conflict: Conflict) -> Side:
    print(arg(Cli.tr("Changed on both sides: %1"), describe(plan, conflict)), file=sys.stderr)
    while True:
        # The keys stay b and c in every language; the question says which is which.
        print(Cli.tr("Keep the [b]oard's value or take the [c]opy's? "), end="", file=sys.stderr)
        sys.stderr.flush()
        answer = sys.stdin.readline()
        if not answer:
            raise CliError(Cli.tr("no answer; nothing was merged."))
        answer = answer.strip().lower()
        if answer in ("b", "board"):
            return "board"
        if answer in ("c", "copy"):
            return "copy"


def describe(plan: MergePlan, conflict: Conflict) -> str:
    """e.g. 'task 2 "Call list" due: board 2026-12-15, copy 2026-12-20'."""
    from renkei.app.merge import field_label, shown_value

    title = f' "{conflict.title}"' if conflict.title else ""
    none = Cli.tr("(none)")
    board = shown_value(plan.board, conflict.field, conflict.board_value) or none
    copy = shown_value(plan.copy_board, conflict.field, conflict.copy_value) or none
    kind = conflict.entity.replace("_", " ")
    what = f"{kind} {conflict.entity_id}{title} {field_label(conflict.field)}"
    return arg(Cli.tr("%1: board %2, copy %3"), what, board, copy)
