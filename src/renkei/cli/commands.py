"""What each sub-command does: open the board, call the app layer, print the result."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from renkei.app import paths
from renkei.app.field_input import (
    FieldInputError,
    parse_assignments,
    parse_pairs,
    people_in_order,
)
from renkei.app.identity import require_actor, who_am_i
from renkei.app.opening import open_store, system_language
from renkei.app.session import BoardSession
from renkei.cli import output
from renkei.demo.build import BOARD_NAMES, build_demo, build_synthetic
from renkei.domain.commands import Create, set_task
from renkei.store.board_store import BoardStore, utcnow

# The views `snapshot` can draw; the one list the parser and the help text read.
SNAPSHOT_VIEWS = ("kanban",)


class CliError(Exception):
    """An expected failure of a command; printed as ``renkei: <message>``, exit status 1."""


def out(text: str = "") -> None:
    print(text, file=sys.stdout)


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- opening -------------------------------------------------------------------------------


def open_board(target: str | None) -> BoardStore:
    """The board named by --board, or the default one (made with the demo on first run).

    A path that does not exist is refused rather than created: a typo must not silently make
    an empty board. Only `demo` creates boards at a given path."""
    return open_store(target, create=False)


@contextmanager
def board_session(args: argparse.Namespace) -> Iterator[BoardSession]:
    store = open_board(args.board)
    try:
        yield BoardSession(store, None)
    finally:
        store.dispose()


def sign_in(session: BoardSession, as_name: str | None) -> None:
    """Writes are signed: --as NAME, else the identity remembered for this board."""
    person = require_actor(session.board, session.store.location, as_name)
    session.set_actor(person.id)


def task_or_fail(session: BoardSession, task_id: int):
    task = session.board.tasks.get(task_id)
    if task is None:
        raise CliError(f"There is no task {task_id} on this board.")
    return task


# -- demo ----------------------------------------------------------------------------------


class _Progress:
    """``Creating tasks: 2,000/10,000`` on stderr: one updating line on a terminal, a line
    per tenth otherwise (logs stay short)."""

    def __init__(self, stream):
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if self.tty:
            end = "\n" if done == total else ""
            self.stream.write(f"\rCreating tasks: {done:,}/{total:,}{end}")
        else:
            tenth = done * 10 // max(total, 1)
            if tenth == self.last_tenth:
                return
            self.last_tenth = tenth
            self.stream.write(f"Creating tasks: {done:,}/{total:,}\n")
        self.stream.flush()


def cmd_demo(args: argparse.Namespace) -> int:
    lang = args.lang or system_language()
    if args.board:
        target = args.board
    else:
        default = paths.default_board_path()
        default.parent.mkdir(parents=True, exist_ok=True)
        target = str(default)
    store = BoardStore.open(target, name=BOARD_NAMES[lang])
    try:
        board = store.load()
        if board.tasks or board.people or board.teams:
            what = f"{len(board.tasks)} tasks" if board.tasks else "teams and people"
            raise CliError(
                f"{store.location} already holds {what}; the demo needs a new or empty board. "
                "Name a new file with --board PATH."
            )
        if args.tasks is not None:
            seed = 1 if args.seed is None else args.seed
            note(f"Building {args.tasks:,} synthetic tasks (seed {seed}) in {store.location}…")
            build_synthetic(store, args.tasks, seed, progress=_Progress(sys.stderr))
            what = f"a synthetic board of {args.tasks:,} tasks (seed {seed})"
        else:
            build_demo(store, lang)
            what = f"the {'Japanese' if lang == 'ja' else 'English'} demo board"
        board = store.load()
        out(
            f"Made {what} “{board.name}” at {store.location}: {len(board.tasks):,} tasks, "
            f"{len(board.people)} people in {len(board.teams)} teams."
        )
    finally:
        store.dispose()
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
    with board_session(args) as session:
        board = session.board
        if args.task_id is not None:
            task = task_or_fail(session, args.task_id)
            rows = session.store.history("task", task.id, limit=args.limit)
        else:
            rows = session.store.history(limit=args.limit)
        if args.json:
            out(output.dumps([output.activity_json(board, r) for r in rows]))
            return 0
        if args.task_id is not None:
            out(f"Task {task.id} {output.task_summary(board, task)}")
        if not rows:
            out("No history yet.")
        for line in output.history_lines(board, rows, with_entity=args.task_id is None):
            out(line)
    return 0


# -- writing -------------------------------------------------------------------------------


def default_status_id(session: BoardSession) -> int:
    """New work lands in the second column ("To do") when there is one, else the first."""
    statuses = session.board.ordered_statuses()
    return statuses[1].id if len(statuses) > 1 else statuses[0].id


def cmd_task_add(args: argparse.Namespace) -> int:
    with board_session(args) as session:
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
        change = session.apply(Create("task", tuple(values.items())), f"Add {args.title}")
        task = session.board.tasks[change.rows[0].entity_id]
        if args.json:
            out(output.dumps(output.task_json(session, task)))
        else:
            out(f"Created task {task.id}: {output.task_summary(session.board, task)}")
    return 0


def cmd_task_set(args: argparse.Namespace) -> int:
    with board_session(args) as session:
        task = task_or_fail(session, args.task_id)
        sign_in(session, args.as_name)
        changes = parse_assignments(
            session.board, args.assignments, actor_id=session.actor_id, now=utcnow()
        )
        change = session.apply(set_task(task, **changes), f"Edit task {task.id}")
        board = session.board
        updated = board.tasks[task.id]
        if args.json:
            out(output.dumps(output.task_json(session, updated)))
            return 0
        if not change.rows:
            out(f"Task {task.id}: nothing changed (it already had those values).")
            return 0
        out(f"Task {task.id} “{updated.title}”:")
        lines = [
            [
                output.field_label(fc.name),
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


# -- Qt: the GUI and snapshots ---------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
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
        from renkei.ui.snapshot import snapshot  # Qt, imported only now

        out_path = Path(args.out)
        try:
            snapshot(session, args.view, args.size, out_path)
        except ValueError as error:
            raise CliError(str(error)) from None
        width, height = args.size
        out(f"Wrote the {args.view} view ({width}×{height}) to {out_path}.")
    return 0
