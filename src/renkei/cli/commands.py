"""What each sub-command does: open the board, call the app layer, print the result."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from renkei.app import paths
from renkei.app.board_files import BoardStore, utcnow
from renkei.app.field_input import (
    FieldInputError,
    parse_assignments,
    parse_pairs,
    people_in_order,
)
from renkei.app.identity import who_am_i
from renkei.app.opening import (
    make_board,
    system_language,
    work_on,
)
from renkei.app.session import BoardSession
from renkei.cli import output
from renkei.cli.board_access import (
    CliError,
    board_session,
    note,
    out,
    saved_already,
    saved_before,
    sign_in,
    task_or_fail,
)
from renkei.cli.loading import without_collections
from renkei.cli.progress import Progress
from renkei.cli.words import Cli, arg, error_text
from renkei.domain.commands import Create, SetFields, set_task

# -- demo ----------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    """Make a demo board: all of it or nothing, so an interrupted run leaves the target as it
    was and the same command can simply run again."""
    from renkei.demo.build import BOARD_NAMES, build_demo, build_synthetic

    lang = args.lang or system_language()
    if args.board:
        target = args.board
    else:
        default = paths.default_board_path()
        default.parent.mkdir(parents=True, exist_ok=True)
        target = str(default)
    held = work_on(target)
    if held is not None:
        raise CliError(
            arg(
                Cli.tr(
                    "%1 already holds %2; the demo needs a new or empty board. "
                    "Name a new file with --board PATH."
                ),
                target,
                error_text(held),
            )
        )
    if args.tasks is not None:
        seed = 1 if args.seed is None else args.seed
        note(
            arg(
                Cli.tr("Building %1 synthetic tasks (seed %2) for %3…"),
                f"{args.tasks:,}",
                seed,
                target,
            )
        )
        progress = Progress(sys.stderr)

        def fill(store: BoardStore) -> None:
            build_synthetic(store, args.tasks, seed, progress=progress)

        what = arg(Cli.tr("a synthetic board of %1 tasks (seed %2)"), f"{args.tasks:,}", seed)
    else:

        def fill(store: BoardStore) -> None:
            build_demo(store, lang)

        what = (
            Cli.tr("the Japanese demo board") if lang == "ja" else Cli.tr("the English demo board")
        )
    location = make_board(target, BOARD_NAMES[lang], fill)
    store = BoardStore.open(location, create=False)
    try:
        board = store.load()
    finally:
        store.dispose()
    out(
        arg(
            Cli.tr("Made %1 “%2” at %3: %4 tasks, %5 people in %6 teams."),
            what,
            board.name,
            location,
            f"{len(board.tasks):,}",
            len(board.people),
            len(board.teams),
        )
    )
    return 0


# -- reading -------------------------------------------------------------------------------


def cmd_tasks(args: argparse.Namespace) -> int:
    with board_session(args) as session:
        tasks = [
            t
            for t in sorted(session.board.tasks.values(), key=lambda t: t.id)
            if args.all or not t.archived
        ]
        if args.at_risk:
            tasks = [t for t in tasks if session.risk(t.id)]
        if args.json:
            out(output.dumps([output.task_json(session, t) for t in tasks]))
        elif tasks:
            out(output.tasks_table(session, tasks))
        else:
            out("No tasks at risk." if args.at_risk else "No tasks.")
    return 0


def cmd_people(args: argparse.Namespace) -> int:
    with board_session(args) as session:
        board = session.board
        people = people_in_order(board)
        if args.json:
            out(output.dumps([output.person_json(board, p) for p in people]))
        elif people:
            out(output.people_table(board, people))
        else:
            out("Nobody is on this board yet.")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from renkei.app.activity_view import task_trail
    from renkei.app.settings import LocalSettings
    from renkei.i18n.history import history_entries
    from renkei.i18n.language import speaking

    with board_session(args) as session:
        board = session.board
        if args.task_id is not None:
            task = task_or_fail(session, args.task_id)
            rows = task_trail(session.store, board, task.id, limit=args.limit)
        else:
            rows = session.store.history(limit=args.limit)
        with speaking(args.lang or LocalSettings.load().language):
            entries = history_entries(board, rows)
            if args.json:
                out(output.dumps([output.history_json(board, e) for e in entries]))
                return 0
            if args.task_id is not None:
                out(arg(Cli.tr("Task %1 %2"), task.id, output.task_summary(board, task)))
            if not entries:
                out(Cli.tr("No history yet."))
            for line in output.history_lines(entries, with_entity=args.task_id is None):
                out(line)
    return 0


# -- writing -------------------------------------------------------------------------------


def default_status_id(session: BoardSession) -> int:
    """New work lands in the second column ("To do") when there is one, else the first."""
    statuses = session.board.ordered_statuses()
    return statuses[1].id if len(statuses) > 1 else statuses[0].id


def cmd_task_add(args: argparse.Namespace) -> int:
    with board_session(args) as session:
        if saved_before(args, session):
            return 0
        sign_in(session, args.as_name)
        if not args.team.strip():
            raise FieldInputError("team", args.team, "a new task needs a team")
        given = {
            "title": args.title,
            "team": args.team,
            "owner": args.owner,
            "status": args.status,
            "project": args.project,
            "start": args.start,
            "due": args.due,
            "priority": args.priority,
        }
        values = parse_pairs(
            session.board,
            ((name, text) for name, text in given.items() if text is not None),
            actor_id=session.actor_id,
        )
        values.setdefault("status_id", default_status_id(session))
        values = {name: value for name, value in values.items() if value is not None}
        change = session.apply(
            Create("task", tuple(values.items())), f"Add {args.title}", change_id=args.change_id
        )
        if saved_already(args, change):
            return 0
        task = session.board.tasks[change.rows[0].entity_id]
        if args.json:
            out(output.dumps(output.task_json(session, task)))
        else:
            summary = output.task_summary(session.board, task)
            out(arg(Cli.tr("Created task %1: %2"), task.id, summary))
    return 0


def cmd_task_rebaseline(args: argparse.Namespace) -> int:
    with board_session(args) as session:
        if saved_before(args, session):
            return 0
        tasks = [task_or_fail(session, task_id) for task_id in dict.fromkeys(args.task_ids)]
        sign_in(session, args.as_name)
        change = session.rebaseline([t.id for t in tasks], change_id=args.change_id)
        if saved_already(args, change):
            return 0
        for task in tasks:
            due = output.iso_date(task.due) or Cli.tr("no due date")
            out(arg(Cli.tr("Task %1 “%2”: baseline is now %3."), task.id, task.title, due))
        return 0


def cmd_task_set(args: argparse.Namespace) -> int:
    with board_session(args) as session:
        if saved_before(args, session):
            return 0
        task = task_or_fail(session, args.task_id)
        sign_in(session, args.as_name)
        changes = parse_assignments(
            session.board, args.assignments, actor_id=session.actor_id, now=utcnow()
        )
        change = session.apply(
            set_task(task, **changes), f"Edit task {task.id}", change_id=args.change_id
        )
        if saved_already(args, change):
            return 0
        board = session.board
        updated = board.tasks[task.id]
        if args.json:
            out(output.dumps(output.task_json(session, updated)))
            return 0
        if not change.rows:
            out(arg(Cli.tr("Task %1: nothing changed (it already had those values)."), task.id))
            return 0
        out(arg(Cli.tr("Task %1 “%2”:"), task.id, updated.title))
        lines = [
            [
                output.field_words(fc.name),
                output.value_text(output.domain_value(board, fc.name, fc.old)),
                "→",
                output.value_text(output.domain_value(board, fc.name, fc.new)),
            ]
            for row in change.rows
            for fc in row.fields
        ]
        for line in output.table(None, lines).splitlines():
            out(f"  {line}")
    return 0


def cmd_people_link(args: argparse.Namespace) -> int:
    """``board people link NAME --role ROLE``: one SetFields on the person, signed like any
    other change (so the history says who linked whom)."""
    with board_session(args) as session:
        if saved_before(args, session):
            return 0
        person = session.board.find_person(args.name)
        if person is None:
            names = ", ".join(p.name for p in people_in_order(session.board))
            raise CliError(
                arg(Cli.tr("nobody called %1 on this board (%2)"), repr(args.name.strip()), names)
            )
        sign_in(session, args.as_name)
        role = args.role.strip() or None
        command = SetFields("person", person.id, (("login", role),), (("login", person.login),))
        change = session.apply(command, f"Link {person.name}", change_id=args.change_id)
        if saved_already(args, change):
            return 0
        if role is None:
            out(arg(Cli.tr("%1 is no longer linked to a login."), person.name))
        else:
            out(arg(Cli.tr("%1 is linked to the login role %2."), person.name, role))
    return 0


# -- Qt: the GUI and snapshots ---------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    with without_collections():
        from renkei.ui.app import run_gui  # Qt is imported only when a window is wanted

    return run_gui(board=args.board, actor=args.as_name)


def use_offscreen_without_display() -> None:
    """On X11/Wayland systems with no display, draw offscreen instead of failing to start.
    Windows and macOS always have their native platform; a choice already made is kept."""
    if sys.platform in ("win32", "darwin") or "QT_QPA_PLATFORM" in os.environ:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def cmd_snapshot(args: argparse.Namespace) -> int:
    with board_session(args) as session:
        # Show who is looking, as the window would; a snapshot needs no identity.
        person = who_am_i(session.board, session.store.location, args.as_name)
        session.set_actor(person.id if person else None)
        use_offscreen_without_display()
        with without_collections():  # Qt and the views, loaded only now
            import renkei.ui.app
            import renkei.ui.main_window  # noqa: F401  (what snapshot() draws with)
            from renkei.ui.snapshot import snapshot

        out_path = Path(args.out)
        try:
            snapshot(
                session,
                args.view,
                args.size,
                out_path,
                getattr(args, "theme", None),
                slide=getattr(args, "slide", 1),
                page=getattr(args, "page", 1),
            )
        except ValueError as error:
            raise CliError(str(error)) from None
        except OSError as error:
            raise CliError(
                arg(Cli.tr("could not write %1: %2"), out_path, error.strerror or error)
            ) from None
        width, height = args.size
        out(arg(Cli.tr("Wrote the %1 view (%2×%3) to %4."), args.view, width, height, out_path))
    return 0
