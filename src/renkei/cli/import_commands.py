"""``renkei import trello|csv FILE`` and ``renkei export csv OUT.csv``: work in and out.

An import is one transaction: a broken file, a cancelled run (Ctrl-C) or a refused value
leaves the board exactly as it was, and the exit status is 1 with one line saying why.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from renkei.app.board_files import NewBoard, is_url
from renkei.app.identity import who_am_i
from renkei.app.session import BoardSession
from renkei.cli.board_access import CliError, board_session, note, out, saved_before
from renkei.cli.progress import Progress
from renkei.cli.words import Cli, Joined, arg, japanese, translate_marked, words_list
from renkei.domain.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the importers load when a command imports, or describes the import
    from renkei.importers.apply import ImportSummary
    from renkei.importers.model import ImportPlan

IMPORT_HELP = QT_TRANSLATE_NOOP(
    "Cli", "bring tasks in from Trello or a CSV file (Jira, spreadsheets)"
)


def add_parsers(sub: Any, *, complete: bool = True) -> None:
    """The ``import`` command. With ``complete=False`` only its name and one-line help (what
    ``renkei --help`` lists and a misspelt command suggests): the rest describes the
    importers' limits and fields, so it is built, and the importers loaded, only when the
    command line names ``import`` or asks for help (cli/dispatch.py decides)."""
    if not complete:
        sub.add_parser("import", help=IMPORT_HELP)
        return
    from renkei.importers.csv_tasks import FIELDS
    from renkei.importers.model import MAX_FILE_TEXT

    imp = sub.add_parser(
        "import",
        help=IMPORT_HELP,
        description=Joined(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Import a Trello board export (JSON) or a CSV file into the board, in one "
                "transaction: all of it or, on any problem, nothing. Importing the same file "
                "again updates the tasks it added and adds nothing twice.",
            ),
            (QT_TRANSLATE_NOOP("Cli", "Files up to %1."), MAX_FILE_TEXT),
        ),
    )
    kinds = imp.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    trello = kinds.add_parser(
        "trello",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "a Trello board export (Menu → Print, export and share → Export as JSON)",
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Lists become statuses (the board's own when the name or meaning matches: To Do, "
            "Doing, Done, 未着手, 進行中, 完了…; new ones otherwise), cards tasks, labels tags, "
            "members "
            "people (the first member owns the card), checklists part of the description, and the "
            "export's actions history with their original dates and authors. A card passed "
            "between people of different teams records a handoff.",
        ),
    )
    trello.add_argument("file", metavar="EXPORT.json")
    trello.add_argument(
        "--map-list",
        action="append",
        default=[],
        metavar="LIST=STATUS",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "put the cards of this Trello list in this status (repeatable); a status that does "
            "not exist is created",
        ),
    )
    _common(trello)
    trello.set_defaults(handler=cmd_import_trello)

    csv_ = kinds.add_parser(
        "csv",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "a CSV file: Jira's export or any spreadsheet with a header row",
        ),
        description=(
            "Each column feeds a task field; Jira's headers (Summary, Issue key, Status, "
            "Assignee, Reporter, Created, Due date, Labels, Priority, Description…, in "
            "English or Japanese) and Renkei's own CSV export are recognised. Fields: "
            + ", ".join(FIELDS)
            + ". UTF-8 (with or without BOM), UTF-16 and Shift_JIS files are read."
        ),
    )
    csv_.add_argument("file", metavar="FILE.csv")
    csv_.add_argument(
        "--mapping",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "feed this column into this field (repeatable), e.g. 'Ticket=key' or 'Notes=ignore'",
        ),
    )
    csv_.add_argument(
        "--map-status",
        action="append",
        default=[],
        metavar="VALUE=STATUS",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "put rows with this status value in this board status (repeatable)",
        ),
    )
    csv_.add_argument(
        "--encoding",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the file's encoding (default: detected; e.g. cp932)",
        ),
    )
    csv_.add_argument(
        "--show-mapping",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "print the columns, the field each feeds and the first rows, then stop",
        ),
    )
    _common(csv_)
    csv_.set_defaults(handler=cmd_import_csv)


def add_export_parser(kinds: Any) -> None:
    csv_ = kinds.add_parser(
        "csv",
        help=QT_TRANSLATE_NOOP("Cli", "every task with every field, as CSV"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Write the board's tasks (archived ones too unless --open-only) with every field: id, "
            "source, title, status, team, owner, project, priority, start, due, estimate, "
            "progress, tags, flag, archived, dependencies, created, updated, description. `renkei "
            "import csv` reads the file back.",
        ),
    )
    csv_.add_argument("out", metavar="OUT.csv")
    csv_.add_argument(
        "--excel",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "for Excel: UTF-8 with a byte-order mark (Japanese opens correctly), and cells "
            "starting with = + - @ protected by an apostrophe",
        ),
    )
    csv_.add_argument(
        "--open-only",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "leave archived tasks out",
        ),
    )
    csv_.set_defaults(handler=cmd_export_csv)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "say what would be imported; change nothing",
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "print the summary as JSON",
        ),
    )


@contextmanager
def _import_target(args: argparse.Namespace, plan: ImportPlan) -> Iterator[BoardSession]:
    """The board to import into. A --board path that does not exist yet becomes a new board
    named after the import, kept only when the import succeeds (and not for a dry run), so a
    team moving its Trello board over needs no empty board first."""
    target = args.board
    path = Path(target).expanduser() if target and not is_url(target) else None
    if path is None or path.exists():
        with board_session(args) as session:
            yield session
        return
    if not path.parent.is_dir():
        raise CliError(arg(Cli.tr("there is no folder %1 for the new board"), path.parent))
    # Built beside the path and renamed into place only when the import succeeds: a failed,
    # cancelled or killed import leaves no file behind.
    with NewBoard(path.absolute(), plan.name or path.stem) as new:
        if args.dry_run:
            new.discard()
        assert new.store is not None
        yield BoardSession(new.store, None)
    if not args.dry_run:
        note(arg(Cli.tr("renkei: made the new board %1"), path))


def _run(args: argparse.Namespace, plan: ImportPlan, mapping: dict[str, str]) -> int:
    from renkei.domain.i18n import told
    from renkei.importers.apply import run_import

    with _import_target(args, plan) as session:
        if not args.dry_run and saved_before(args, session):
            return 0
        person = who_am_i(session.board, session.store.location, args.as_name)
        session.set_actor(person.id if person else None)
        started = time.perf_counter()
        progress = Progress(sys.stderr, Cli.tr("Importing"), at_least=2000)
        summary = run_import(
            session,
            plan,
            mapping,
            progress=lambda d, t: progress(d, t),
            dry_run=args.dry_run,
            change_id=args.change_id,
        )
        seconds = time.perf_counter() - started
    for warning in summary.warnings:
        note(arg(Cli.tr("renkei: note: %1"), told(warning, translate_marked)))
    if args.json:
        data = dataclasses.asdict(summary)
        data["dry_run"] = args.dry_run
        # The notes' English, whatever the language (--json never changes with it).
        data["warnings"] = [str(w) for w in summary.warnings]
        data["skipped"] = [str(s) for s in summary.skipped]
        out(json.dumps(data, ensure_ascii=False))
    else:
        said = summary_text(summary, args.dry_run)
        out(said if args.dry_run else arg(Cli.tr("%1 (%2 s)"), said, f"{seconds:.1f}"))
    return 0


def summary_text(summary: ImportSummary, dry_run: bool) -> str:
    """The import's one line in the command's language (``ImportSummary.text``'s words)."""
    from renkei.domain.i18n import told
    name = repr(summary.name)
    if summary.already_saved:
        return arg(
            Cli.tr(
                "This import of %1 %2 was saved already by an earlier run with the same change "
                "id; it was not applied again."
            ),
            summary.source,
            name,
        )
    counts = [
        (Cli.tr("%1 tasks added"), summary.added),
        (Cli.tr("%1 updated"), summary.updated),
        (Cli.tr("%1 unchanged"), summary.unchanged),
        (Cli.tr("%1 history entries"), summary.history),
        (Cli.tr("%1 handoffs"), summary.handoffs),
    ]
    made = [
        (Cli.tr("%1 new people"), summary.people),
        (Cli.tr("%1 new statuses"), summary.statuses),
        (Cli.tr("%1 new teams"), summary.teams),
        (Cli.tr("%1 new projects"), summary.projects),
    ]
    parts = [arg(text, f"{n:,}") for text, n in counts + [m for m in made if m[1]]]
    verb = Cli.tr("Would import %1 %2: %3.") if dry_run else Cli.tr("Imported %1 %2: %3.")
    # What the file held that could not be used: whole sentences after the line's own
    # (Japanese sets its sentences, which end in 。, side by side).
    space = "" if japanese() else " "
    skipped = "".join(space + told(line, translate_marked) for line in summary.skipped)
    return arg(verb, summary.source, name, words_list(parts)) + skipped


def _path(text: str) -> Path:
    return Path(text).expanduser()


def cmd_import_trello(args: argparse.Namespace) -> int:
    # The importers load only when a command imports (the parser above needs none of them).
    from renkei.importers.apply import parse_list_mapping
    from renkei.importers.trello import read_trello

    plan = read_trello(_path(args.file))
    return _run(args, plan, parse_list_mapping(args.map_list, plan))


def cmd_import_csv(args: argparse.Namespace) -> int:
    from renkei.importers.apply import parse_list_mapping
    from renkei.importers.csv_tasks import parse_mapping, preview_csv, read_csv

    path = _path(args.file)
    preview = preview_csv(path, args.encoding)
    mapping = parse_mapping(args.mapping, preview.headers)
    if args.show_mapping:
        chosen = {**preview.mapping, **mapping}
        if preview.jira:
            said = Cli.tr("%1: a Jira export, %2, separated by %3")
        else:
            said = Cli.tr("%1: a CSV file, %2, separated by %3")
        out(arg(said, path.name, preview.encoding, repr(preview.delimiter)))
        for header in dict.fromkeys(preview.headers):
            out(f"  {header} → {chosen.get(header, 'ignore')}")
        for row in preview.rows[:5]:
            out("  | " + " | ".join(cell[:20] for cell in row))
        return 0
    plan = read_csv(path, mapping, encoding=args.encoding)
    return _run(args, plan, parse_list_mapping(args.map_status, plan))


def cmd_export_csv(args: argparse.Namespace) -> int:
    from renkei.export.csv_tasks import export_csv

    path = Path(args.out)
    with board_session(args) as session:
        try:
            rows = export_csv(session.board, path, excel=args.excel, archived=not args.open_only)
        except OSError as error:
            reason = error.strerror or str(error)
            raise CliError(arg(Cli.tr("could not write %1: %2"), path, reason)) from None
    encoding = Cli.tr("UTF-8 with BOM, for Excel") if args.excel else "UTF-8"
    out(arg(Cli.tr("Wrote %1 tasks to %2 (%3)."), f"{rows:,}", path, encoding))
    return 0
