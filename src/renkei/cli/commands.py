"""What each sub-command does: open the board, call the app layer, print the result."""

from __future__ import annotations

import argparse
import dataclasses
import os
import select
import signal
import sys
import time
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
from renkei.app.opening import (
    conflict_copies_of,
    conflict_warning,
    make_board,
    open_store,
    system_language,
    work_on,
)
from renkei.app.session import BoardSession
from renkei.app.settings import LocalSettings
from renkei.app.sync import BoardSync, SyncState, SyncStatus
from renkei.cli import output, passwords
from renkei.cli.watch_stream import RevisionStream
from renkei.demo.build import BOARD_NAMES, build_demo, build_synthetic
from renkei.domain.commands import Change, Create, SetFields, set_task
from renkei.store.board_store import BoardStore, utcnow
from renkei.store.copy import copy_board
from renkei.store.database import StorageError, is_url
from renkei.store.location import where
from renkei.store.migrate import BoardRefused
from renkei.store.salvage import salvage_board
from renkei.ui.snapshot import THEMES, VIEWS

# The views and themes `snapshot` can draw (the parser reads them here; Qt loads only when
# drawing).
SNAPSHOT_VIEWS = VIEWS
SNAPSHOT_THEMES = THEMES


class CliError(Exception):
    """An expected failure of a command; printed as ``renkei: <message>``, exit status 1."""


def out(text: str = "") -> None:
    print(text, file=sys.stdout)


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- opening -------------------------------------------------------------------------------


def open_board(target: str | None, settings: LocalSettings | None = None) -> BoardStore:
    """The board named by --board, else the default board chosen in Preferences, else the
    built-in one (made with the demo on first run).

    A path that does not exist is refused rather than created: a typo must not silently make
    an empty board. Only `demo` creates boards at a given path. A default board that cannot
    be opened is an error, not a quiet switch to another board: a script's writes must not
    land on a board nobody named."""
    if not target:
        chosen = (settings or LocalSettings.load()).default_board
        if chosen:
            try:
                store = _open_named(chosen)
            except (BoardRefused, StorageError) as error:
                raise CliError(
                    f"cannot open your default board {chosen} (set in Edit → Preferences): "
                    f"{str(error).rstrip('.')}. Give --board, or choose another default "
                    "board in Preferences."
                ) from None
            _warn_conflict_copies(store)
            _note_location(store, settings)
            return store
    store = _open_named(target) if target else open_store(target, create=False)
    _warn_conflict_copies(store)
    _note_location(store, settings)
    return store


def _open_named(target: str) -> BoardStore:
    """A board someone named; a server asks for its password (keyring, terminal) if needed."""
    if passwords.is_server(target):
        return passwords.open_server_store(target, passwords.terminal_prompt(), create=False)
    return open_store(target, create=False)


def _warn_conflict_copies(store: BoardStore) -> None:
    copies = conflict_copies_of(store)
    if copies:
        note(f"renkei: warning: {conflict_warning(copies)}")


QUIET_LOCATION = "RENKEI_QUIET_LOCATION"
_locations_noted: set[str] = set()  # once per command, even if it opens the board twice


def _note_location(store: BoardStore, settings: LocalSettings | None) -> None:
    """One line on stderr when the board is on a network share or in a synced folder: what
    that place means for the team (silenced by RENKEI_QUIET_LOCATION=1 or the setting)."""
    if store.location in _locations_noted or os.environ.get(QUIET_LOCATION, "") not in ("", "0"):
        return
    place = where(store.location)
    if not place.shared or (settings or LocalSettings.load()).quiet_location:
        return
    _locations_noted.add(store.location)
    note(
        f"renkei: {Path(store.location).name} is {place.headline()}: {place.meaning()} "
        f"(set {QUIET_LOCATION}=1 to stop this note)"
    )


@contextmanager
def board_session(args: argparse.Namespace) -> Iterator[BoardSession]:
    """The board's session, judging risk with the thresholds chosen in Preferences (the
    same as the window's, so `tasks --at-risk` and the PDF agree with the screen)."""
    settings = LocalSettings.load()
    store = open_board(args.board, settings)
    try:
        yield BoardSession(store, None, thresholds=settings.risk_thresholds())
    finally:
        store.dispose()


def sign_in(session: BoardSession, as_name: str | None) -> None:
    """Writes are signed: on a server board whose people are linked to login roles, by the
    person the server says you are (a different --as is refused when saving); else --as
    NAME, else the identity remembered for this board."""
    linked = session.store.server_person()
    if linked is not None and not (as_name and as_name.strip()):
        session.set_actor(linked)
        return
    person = require_actor(session.board, session.store.location, as_name)
    session.set_actor(person.id)


def saved_already(args: argparse.Namespace, change: Change) -> bool:
    """True, said on stderr, when an earlier run with the same --change-id saved this change:
    nothing was applied again (exit 0: the change is saved)."""
    if not change.already_saved:
        return False
    _say_saved_already(args.change_id, change.revision)
    return True


def saved_before(args: argparse.Namespace, session: BoardSession) -> bool:
    """True, said on stderr, when the --change-id given is on the board already. Asked before
    a command is built: a handoff sent by the first run would otherwise be refused ("already
    waiting") by the retry instead of reported as saved. (The write checks again, inside its
    transaction, for runs that race.)"""
    if not getattr(args, "change_id_given", False):
        return False
    revision = session.store.saved_revision(args.change_id)
    if revision is None:
        return False
    _say_saved_already(args.change_id, revision)
    return True


def _say_saved_already(change_id: str, revision: int) -> None:
    note(
        f"renkei: this change (id {change_id}) was saved already, at revision {revision}; "
        "it was not applied again."
    )


def task_or_fail(session: BoardSession, task_id: int):
    task = session.board.tasks.get(task_id)
    if task is None:
        raise CliError(f"There is no task {task_id} on this board.")
    return task


# -- demo ----------------------------------------------------------------------------------


class _Progress:
    """``Creating tasks: 2,000/10,000`` on stderr: one updating line on a terminal, a line
    per tenth otherwise (logs stay short). Work smaller than ``at_least`` shows nothing."""

    def __init__(self, stream, label: str = "Creating tasks", at_least: int = 0):
        self.stream = stream
        self.label = label
        self.at_least = at_least
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if total < self.at_least:
            return
        if self.tty:
            end = "\n" if done == total else ""
            self.stream.write(f"\r{self.label}: {done:,}/{total:,}{end}")
        else:
            tenth = done * 10 // max(total, 1)
            if tenth == self.last_tenth:
                return
            self.last_tenth = tenth
            self.stream.write(f"{self.label}: {done:,}/{total:,}\n")
        self.stream.flush()


def cmd_demo(args: argparse.Namespace) -> int:
    """Make a demo board: all of it or nothing, so an interrupted run leaves the target as it
    was and the same command can simply run again."""
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
            f"{target} already holds {held}; the demo needs a new or empty board. "
            "Name a new file with --board PATH."
        )
    if args.tasks is not None:
        seed = 1 if args.seed is None else args.seed
        note(f"Building {args.tasks:,} synthetic tasks (seed {seed}) for {target}…")
        progress = _Progress(sys.stderr)

        def fill(store: BoardStore) -> None:
            build_synthetic(store, args.tasks, seed, progress=progress)

        what = f"a synthetic board of {args.tasks:,} tasks (seed {seed})"
    else:

        def fill(store: BoardStore) -> None:
            build_demo(store, lang)

        what = f"the {'Japanese' if lang == 'ja' else 'English'} demo board"
    location = make_board(target, BOARD_NAMES[lang], fill)
    store = BoardStore.open(location, create=False)
    try:
        board = store.load()
    finally:
        store.dispose()
    out(
        f"Made {what} “{board.name}” at {location}: {len(board.tasks):,} tasks, "
        f"{len(board.people)} people in {len(board.teams)} teams."
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
            out(f"Created task {task.id}: {output.task_summary(session.board, task)}")
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


def cmd_people_link(args: argparse.Namespace) -> int:
    """``board people link NAME --role ROLE``: one SetFields on the person, signed like any
    other change (so the history says who linked whom)."""
    with board_session(args) as session:
        if saved_before(args, session):
            return 0
        person = session.board.find_person(args.name)
        if person is None:
            names = ", ".join(p.name for p in people_in_order(session.board))
            raise CliError(f"nobody called {args.name.strip()!r} on this board ({names})")
        sign_in(session, args.as_name)
        role = args.role.strip() or None
        command = SetFields("person", person.id, (("login", role),), (("login", person.login),))
        change = session.apply(command, f"Link {person.name}", change_id=args.change_id)
        if saved_already(args, change):
            return 0
        if role is None:
            out(f"{person.name} is no longer linked to a login.")
        else:
            out(f"{person.name} is linked to the login role {role}.")
    return 0


# -- board copy ----------------------------------------------------------------------------

# Below this many rows a copy takes a moment and needs no progress lines.
COPY_PROGRESS_FROM = 5_000


def cmd_board_copy(args: argparse.Namespace) -> int:
    """Copy a whole board (every row, ids and history kept) into a new file or database."""
    progress = _Progress(sys.stderr, "Copying rows", at_least=COPY_PROGRESS_FROM)
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
    from renkei.store.board_check import check_board

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


# -- watch ---------------------------------------------------------------------------------


class _SyncNotes:
    """Losing and regaining the connection, told on stderr (stdout stays the stream)."""

    def __init__(self, sync: BoardSync):
        self.sync = sync
        self.lost = False

    def __call__(self, state: SyncState) -> None:
        if state.status is SyncStatus.CONNECTED:
            if self.lost:
                revision = self.sync.session.synced_revision
                note(f"renkei: connected again; caught up to revision {revision}.")
            self.lost = False
            return
        wait = self.sync.next_retry_seconds()
        if not self.lost:
            note(f"renkei: {state.problem.rstrip('.')}; reconnecting in {wait:g} s…")
        else:
            note(f"renkei: still cannot reach the board ({state.problem}); next try in {wait:g} s.")
        self.lost = True


def cmd_watch(args: argparse.Namespace) -> int:
    """Print every change anyone makes to the board, as it arrives, until Ctrl-C: each
    revision once, in order, across lost connections (cli/watch_stream.py)."""
    settings = LocalSettings.load()
    store = open_board(args.board, settings)
    sync: BoardSync | None = None
    previous = _stop_on_sigterm()
    try:
        session = BoardSession(store, None, thresholds=settings.risk_thresholds())
        start = session.synced_revision if args.since is None else args.since
        if start > session.synced_revision:
            raise CliError(
                f"--since {start} is beyond the board's current revision "
                f"({session.synced_revision}); give a revision it has reached."
            )
        stream = RevisionStream(session, args.json, args.count, start)
        sync = BoardSync(session)
        sync.subscribe(_SyncNotes(sync))
        sync.start()
        note(
            f"Watching “{session.board.name}” from revision {start}"
            + (" (Ctrl-C to stop)." if args.count is None and args.timeout is None else ".")
        )
        _follow(sync, stream, args.timeout)
    except KeyboardInterrupt:
        return 0  # Ctrl-C (or a service manager's SIGTERM) is how a watch ends
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if sync is not None:
            sync.stop()
        store.dispose()
    return 0


def _stop_on_sigterm():
    """SIGTERM ends a watch as quietly as Ctrl-C; the previous handler is returned."""

    def stop(_signum, _frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (main() called from a worker): leave it be
        return None


def _follow(sync: BoardSync, stream: RevisionStream, timeout: float | None) -> None:
    """The loop: SQLite polls its file version; PostgreSQL sleeps on the LISTEN socket with a
    slow safety poll; a lost connection is retried with BoardSync's backoff. After each look
    the stream prints whatever revisions the session has read and it has not printed."""
    deadline = None if timeout is None else time.monotonic() + timeout
    next_tick = time.monotonic() + sync.interval
    unread = _Unread()
    unread(stream)
    while not stream.finished:
        now = time.monotonic()
        if deadline is not None and now >= deadline:
            return
        connected = sync.state.status is SyncStatus.CONNECTED
        socket = sync.fileno() if connected and sync.push else None
        wake = next_tick if deadline is None else min(next_tick, deadline)
        wait = max(0.0, wake - now)
        if socket is not None:
            ready, _, _ = select.select([socket], [], [], wait)
            if ready:
                sync.notice()
                unread(stream)
                if sync.state.status is not SyncStatus.CONNECTED:
                    next_tick = time.monotonic() + sync.next_retry_seconds()
                continue
        else:
            time.sleep(wait)
        if time.monotonic() >= next_tick:
            sync.tick()  # reconnects when the connection was lost
            unread(stream)
            connected = sync.state.status is SyncStatus.CONNECTED
            pause = sync.interval if connected else sync.next_retry_seconds()
            next_tick = time.monotonic() + pause


class _Unread:
    """Prints what the stream has not printed yet. A failed read is said once on stderr and
    tried again at the next look, from the last revision printed in full."""

    def __init__(self):
        self.failing = False

    def __call__(self, stream: RevisionStream) -> None:
        try:
            stream.catch_up()
        except StorageError as error:
            if not self.failing:
                note(f"renkei: {str(error).rstrip('.')}; trying again…")
            self.failing = True
            return
        self.failing = False


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
            snapshot(session, args.view, args.size, out_path, getattr(args, "theme", None))
        except ValueError as error:
            raise CliError(str(error)) from None
        except OSError as error:
            raise CliError(f"could not write {out_path}: {error.strerror or error}") from None
        width, height = args.size
        out(f"Wrote the {args.view} view ({width}×{height}) to {out_path}.")
    return 0
