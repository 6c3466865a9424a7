"""The share fault bench (issue 21): one board on a folder served over SSH and mounted twice
with sshfs, two "laptops" whose file locks do not cross, as many network shares are.

- the premise: a POSIX lock taken through mount A is not seen through mount B;
- 4 writers on mount A and 4 on mount B, 25 ``task set`` edits each on four shared tasks,
  and a ``watch --json`` on each mount: no confirmed edit lost, no revision number given to
  two changes, ``integrity_check`` ok, no "nothing was saved" about an edit that was, every
  "could not confirm" counted, each live feed printed every confirmed edit;
- the share vanishes (mount A's sshfs killed by its id) during a 40,000-row import: the
  import says it was not saved (or could not confirm), and the board opens through mount B
  with all the work from before and none of the import.

The board is read back through the plain local folder, never a mount. Figures are printed at
the end of the run. It runs as root (its own sshd, a host name per laptop with unshare --uts,
two FUSE mounts) and needs sshd, ssh and sshfs: .ci/run installs them and runs this file as
its own step, once (not per Python version):

    python -m pytest tests/faults/share_bench.py

The name does not start with test_, so the everyday ``python -m pytest`` leaves it out.
Without FUSE or the tools it fails when CI is set and skips, saying why, otherwise."""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from big_files import CSV_MARKER, write_csv
from edit_checks import driver_lines
from fault_figures import SEED
from kill_helpers import (
    WAIT,
    Started,
    first_line,
    has_traceback,
    integrity,
    ready_renkei_argv,
    renkei_argv,
    run_renkei,
)
from share_figures import CONTENTION, NOT_RUN, PREMISE, VANISH, SummaryPlugin
from share_mounts import Mount, SshShare, missing

HERE = Path(__file__).resolve().parent
WRITER = HERE / "share_writer.py"
BOARD = "team.renkei"
# Eight people of the demo story, one per writer: four "on laptop A", four "on laptop B".
PEOPLE = (
    ("A", "Haruka Aoki"),
    ("A", "Kenta Mori"),
    ("A", "Emily Carter"),
    ("A", "Yuki Tanaka"),
    ("B", "Daiki Sato"),
    ("B", "Misaki Nakamura"),
    ("B", "Takeshi Suzuki"),
    ("B", "Ryo Ito"),
)
EDITS = 25  # per writer
SHARED_TASKS = "5,6,7,8"  # every writer edits these four in turn: they contend for real
CATCH_UP = 15.0  # seconds each live feed gets, after the writers end, to print what they saved
IMPORT_ROWS = 40_000
REOPEN = 90.0  # seconds mount B may wait for a lock the vanished laptop left behind
UNSURE = "could not confirm"
NOT_SAVED = ("nothing was saved", "nothing was written", "not saved")


@pytest.fixture(scope="module", autouse=True)
def figures_printed(request):
    """The figures go to pytest's terminal summary, passed or failed alike."""
    plugins = request.config.pluginmanager
    if not plugins.has_plugin("renkei-share-figures"):
        plugins.register(SummaryPlugin(), "renkei-share-figures")


@pytest.fixture
def share():
    """sshd on loopback and the two sshfs mounts; all stopped by id and unmounted after."""
    why = missing()
    if why:
        NOT_RUN.append(why)
        if os.environ.get("CI"):
            pytest.fail(f"the share bench cannot run: {why} (CI is set: it must run)", False)
        pytest.skip(f"the share bench cannot run here: {why}")
    served = SshShare()
    try:
        served.start()
        yield served
    finally:
        served.stop()


def demo_board(share: SshShare) -> Path:
    """The demo story, made in the plain folder; its path there."""
    local = share.folder / BOARD
    made = run_renkei("--board", str(local), "demo", "--lang", "en")
    assert made.returncode == 0, f"the demo board was not made: {made.stderr[-500:]}"
    return local


def board_revision(local: Path) -> int:
    conn = sqlite3.connect(f"file:{local}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT revision FROM board").fetchone()[0]
    finally:
        conn.close()


def stop(process: Started) -> None:
    """End a process of the bench by its id, however it is doing."""
    if process.process.poll() is None:
        process.process.send_signal(signal.SIGTERM)  # a watch ends on it as on Ctrl-C
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.process.wait(timeout=5)
    process.kill_after(0)


# -- the premise ----------------------------------------------------------------------------

PROBE = """
import fcntl, sys
with open(sys.argv[1], "r+") as f:
    try:
        fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        print("held")
    else:
        print("free")
"""


def lock_seen(path: Path) -> bool:
    """Does another process, through ``path``, find the file locked?"""
    said = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=True,
    )
    return said.stdout.strip() == "held"


def test_a_lock_through_one_mount_is_not_seen_through_the_other(share):
    (share.folder / "probe").write_text("probe")
    import fcntl

    with open(share.a.path / "probe", "r+") as held:
        fcntl.lockf(held, fcntl.LOCK_EX)
        PREMISE.seen_same_mount = lock_seen(share.a.path / "probe")
        PREMISE.seen_other_mount = lock_seen(share.b.path / "probe")
        PREMISE.checked = True
    assert PREMISE.seen_same_mount, "the probe does not see a lock even on the same mount"
    assert not PREMISE.seen_other_mount, (
        "a lock through mount A is seen through mount B: this machine's sshfs passes locks, "
        "so the bench would not simulate two laptops"
    )


# -- a journal one laptop listed and the other removed ------------------------------------


def test_a_journal_listed_before_another_laptop_removed_it_is_not_a_crash(share):
    """sshfs keeps the names it listed for 20 s. Laptop B lists the folder while laptop A is
    saving (its -journal beside the board); A's commit removes the journal. B's next save must
    see that it is gone: not refuse the board as damaged, not say it could not be written."""
    local = demo_board(share)
    journal = local.with_name(BOARD + "-journal")
    journal.write_bytes(b"")  # laptop A, mid-save
    listed = {entry.name for entry in share.b.path.iterdir()}  # B lists the folder meanwhile
    assert journal.name in listed
    journal.unlink()  # A's commit ends
    saved = subprocess.run(
        share.b.run(
            renkei_argv("--board", str(share.b.path / BOARD), "--as", "Daiki Sato", "task", "set")
            + ["5", "title=after A's save"]
        ),
        capture_output=True,
        text=True,
        timeout=WAIT,
        check=False,
    )
    assert saved.returncode == 0, saved.stderr[-600:]
    conn = sqlite3.connect(f"file:{local}?mode=ro", uri=True)
    try:
        title = conn.execute("SELECT title FROM tasks WHERE id = 5").fetchone()[0]
    finally:
        conn.close()
    assert title == "after A's save"


# -- 4 + 4 writers and a live feed on each mount --------------------------------------------


def test_writers_on_two_mounts_lose_nothing_they_were_told_was_saved(share, tmp_path):
    local = demo_board(share)
    start = board_revision(local)
    mounts = {"A": share.a, "B": share.b}
    boards = {letter: str(mount.path / BOARD) for letter, mount in mounts.items()}
    go = tmp_path / "go"
    CONTENTION.writers = f"4 + 4 writers × {EDITS} edits"
    feeds = {
        letter: Started(
            mounts[letter].run(
                renkei_argv("--board", board, "watch", "--json", "--since", str(start))
            ),
            tmp_path / f"feed-{letter}",
        )
        for letter, board in boards.items()
    }
    writers: list[Started] = []
    answers: dict[str, list[dict]] = {}
    try:
        for i, (mount, name) in enumerate(PEOPLE):
            tag = f"w{mount}{1 + i % 4}"
            argv = [sys.executable, str(WRITER), boards[mount], name, tag, str(EDITS)]
            argv = mounts[mount].run([*argv, SHARED_TASKS, str(go)])
            writers.append(Started(argv, tmp_path / f"ready-{tag}"))
        for writer in writers:
            writer.wait_ready()
        began = time.monotonic()
        go.touch()
        for (mount, name), writer in zip(PEOPLE, writers, strict=True):
            ended = writer.kill_after(WAIT + 60)
            answers[name] = driver_lines(ended.stdout)
            if ended.killed or ended.returncode != 0:
                CONTENTION.notes.append(
                    f"writer {name} on {mount} ended {ended.returncode}"
                    f"{' (killed: it hung)' if ended.killed else ''}: {first_line(ended.stderr)}"
                )
        CONTENTION.seconds = time.monotonic() - began
        confirmed = {a["value"] for lines in answers.values() for a in lines if a["rc"] == 0}
        deadline = time.monotonic() + CATCH_UP
        for feed in feeds.values():
            feed.wait(
                lambda feed=feed: confirmed <= printed_values(feed.out),
                max(0.5, deadline - time.monotonic()),
            )
    finally:
        for process in [*writers, *feeds.values()]:
            stop(process)

    problems: list[str] = []
    rows = check_history(local, start, answers, problems)
    in_history = {r[6] for r in rows if r[5] == "title"}
    attempted = {a["value"] for lines in answers.values() for a in lines}
    attempted = {a["value"] for lines in answers.values() for a in lines}
    for mount, feed in feeds.items():
        printed = printed_values(feed.out)
        missed = confirmed - printed
        saved_missed = len(missed & in_history)  # lost edits cannot be printed: told apart
        CONTENTION.feeds[mount] = f"{len(confirmed) - len(missed)}/{len(confirmed)}" + (
            f" ({saved_missed} missed are in the history)" if missed else ""
        )
        if missed:
            problems.append(
                f"the feed on mount {mount} never printed {len(missed)} confirmed edits "
                f"({saved_missed} of them in the history)"
            )
        phantoms = (printed & attempted) - in_history
        if phantoms:  # it told of a change the board no longer holds
            problems.append(
                f"the feed on mount {mount} printed {len(phantoms)} edits that are not in the "
                f"history: {sorted(phantoms)[:5]}"
            )
        said = "".join(feed.err)
        if has_traceback(said):
            problems.append(f"the feed on mount {mount} printed a traceback")
        if feed.process.returncode not in (0, -signal.SIGTERM, 130):
            CONTENTION.notes.append(
                f"the feed on mount {mount} ended {feed.process.returncode}: {first_line(said)}"
            )
    CONTENTION.notes += problems
    assert not problems, "; ".join(problems)


def printed_values(lines: list[str]) -> set[str]:
    """The new titles a ``watch --json`` printed."""
    values = set()
    for line in list(lines):
        try:
            row = json.loads(line)
        except ValueError:
            continue
        title = (row.get("fields") or {}).get("title")
        if title is not None:
            values.add(title)
    return values


def check_history(local: Path, start: int, answers: dict, problems: list[str]) -> list[tuple]:
    """Every answer against the board's history, read through the plain folder."""
    c = CONTENTION
    c.integrity = integrity(local)
    if c.integrity != "ok":
        problems.append(f"integrity_check: {c.integrity}")
    try:
        conn = sqlite3.connect(local, timeout=30)
        try:
            columns = {row[1] for row in conn.execute("PRAGMA table_info(activity)")}
            # Boards of issue 21's Renkei give every change an id, recorded on its rows.
            change_id = "change_id" if "change_id" in columns else "NULL"
            rows = conn.execute(
                "SELECT revision, actor_id, at, entity, entity_id, field, new, "
                f"{change_id} FROM activity WHERE revision > ? ORDER BY id",
                (start,),
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as error:
        problems.append(f"the history could not be read through the folder: {error}")
        return []
    attempts = [a for lines in answers.values() for a in lines]
    ours = {a["value"] for a in attempts}
    in_history = {r[6] for r in rows if r[5] == "title"}
    c.edits = len(attempts)
    why = Counter()
    for a in attempts:
        saved = a["value"] in in_history
        message = a["stderr"]
        if has_traceback(message) or a["rc"] == "traceback":
            c.tracebacks += 1
        if a["rc"] == 0:
            c.confirmed += 1
            c.lost += not saved
            continue
        c.refused += 1
        why[first_line(message)] += 1
        if UNSURE in message.lower():
            c.unconfirmed += 1
            c.unconfirmed_saved += saved
        else:  # a refusal that does not say "could not confirm" tells the person: not saved
            c.nothing_saved += 1
            c.nothing_saved_lies += saved
    # One change per revision: a change is known by its id where the board records one, an
    # edit of ours also by its value, anything else by who made it and when.
    changes: dict[int, set] = defaultdict(set)
    for revision, actor, at, _entity, _entity_id, field_, new, change in rows:
        known = field_ == "title" and new in ours
        changes[revision].add((change, new if known else (actor, at)))
    shared = {rev: len(found) for rev, found in changes.items() if len(found) > 1}
    c.duplicated = sum(n - 1 for n in shared.values())
    if c.lost:
        lost = [a["value"] for a in attempts if a["rc"] == 0 and a["value"] not in in_history]
        problems.append(f"{c.lost} confirmed edits are not in the history: {lost[:6]}")
    if c.duplicated:
        problems.append(
            f"{len(shared)} revision numbers were given to more than one change "
            f"({c.duplicated} extra changes), e.g. {sorted(shared)[:6]}"
        )
    if c.nothing_saved_lies:
        problems.append(
            f'{c.nothing_saved_lies} edits were answered "not saved" yet are in the history'
        )
    if c.tracebacks:
        problems.append(f"{c.tracebacks} answers were a traceback")
    c.notes += [f"{n}× {message}" for message, n in why.most_common(5)]
    return rows


# -- the share vanishes during a big import -------------------------------------------------


def test_a_share_that_vanishes_during_an_import_keeps_the_board_whole(share, tmp_path):
    local = demo_board(share)
    for mount, name, task in ((share.a, "Haruka Aoki", 5), (share.b, "Ryo Ito", 6)):
        board = str(mount.path / BOARD)
        done = run_on(
            mount,
            "--board",
            board,
            "--as",
            name,
            "task",
            "set",
            str(task),
            f"title=before {mount.name}",
        )
        assert done.returncode == 0, f"an edit through mount {mount.name} failed: {done.stderr}"
    before = tasks_through(str(local))
    assert before is not None and {"before a", "before b"} <= set(before.values())
    source = tmp_path / "rows.csv"
    VANISH.rows = write_csv(source, IMPORT_ROWS)
    board_a = str(share.a.path / BOARD)
    importer = Started(
        share.a.run(
            ready_renkei_argv(
                "--board", board_a, "--as", "Haruka Aoki", "import", "csv", str(source)
            )
        ),
        tmp_path / "ready",
    )
    journal = share.folder / f"{BOARD}-journal"
    cut_at = random.Random(f"{SEED}:share import").randrange(4000, IMPORT_ROWS, 4000)
    try:
        importer.wait_ready()
        began = time.monotonic()
        # Cut mid-write: once SQLite's journal is beside the board and the import says it
        # has reached a seeded number of rows (it prints its progress every 4,000).
        importer.wait(lambda: journal.exists() and rows_done(importer.err) >= cut_at)
        still = importer.process.poll() is None
        if still:
            share.a.cut()
        VANISH.cut_after = (
            f"sshfs of mount A killed at {rows_done(importer.err):,} rows, "
            f"{time.monotonic() - began:.1f} s after the import began"
            if still
            else f"not cut: the import ended before {cut_at:,} rows"
        )
        ended = importer.kill_after(WAIT)
        VANISH.notes.append(f"beside the board after the cut: {beside(local) or 'nothing'}")
    finally:
        stop(importer)
    said = first_line(ended.stderr)
    VANISH.import_exit = "killed (it hung)" if ended.killed else f"exit {ended.returncode}"
    VANISH.import_said = said
    problems: list[str] = []
    if not still:
        problems.append(f"the import ended before the share was cut: nothing was tested ({said!r})")
    if ended.killed or ended.returncode == 0:
        problems.append(f"the import did not fail when its share vanished ({VANISH.import_exit})")
    elif has_traceback(ended.stderr):
        problems.append("the import answered with a traceback")
        VANISH.notes.append(
            "the import's stderr ends: " + " | ".join(ended.stderr.splitlines()[-6:])
        )
    elif not any(words in said.lower() for words in (*NOT_SAVED, UNSURE)):
        problems.append(f"the import did not say it was not saved: {said!r}")

    board_b = str(share.b.path / BOARD)
    began = time.monotonic()
    while True:  # a lease the vanished laptop left is taken over once stated stale
        opened = run_on(share.b, "--board", board_b, "tasks", "--json", "--all")
        if opened.returncode == 0 or time.monotonic() - began >= REOPEN:
            break
        time.sleep(1)
    took = time.monotonic() - began
    if opened.returncode != 0:
        VANISH.opened_through_b = f"still refused after {took:.0f} s: {first_line(opened.stderr)}"
        problems.append(f"the board did not open through mount B: {first_line(opened.stderr)}")
    else:
        VANISH.opened_through_b = f"opened after {took:.1f} s"
        after = {t["id"]: t["title"] for t in json.loads(opened.stdout)}
        kept = sum(after.get(i) == title for i, title in before.items())
        VANISH.before_kept = f"{kept}/{len(before)} tasks as before"
        VANISH.import_rows_found = sum(CSV_MARKER in title for title in after.values())
        if kept != len(before):
            problems.append(f"only {kept} of {len(before)} tasks are as before the import")
        if VANISH.import_rows_found or len(after) != len(before):
            problems.append(
                f"{VANISH.import_rows_found} import rows reached the board "
                f"({len(after)} tasks, {len(before)} before)"
            )
        VANISH.notes.append(f"beside the board after mount B opened it: {beside(local)}")
        # Work goes on through the laptop still connected: an edit through mount B is saved.
        edit = run_on(
            share.b, "--board", board_b, "--as", "Ryo Ito", "task", "set", "7", "title=after"
        )
        saved = (tasks_through(str(local)) or {}).get(7) == "after"
        VANISH.edit_after = f"exit {edit.returncode}, {'saved' if saved else 'NOT saved'}"
        if edit.returncode != 0 or not saved:
            VANISH.edit_after += f": {first_line(edit.stderr)}"
            problems.append(
                f"an edit through mount B after the cut failed: {first_line(edit.stderr)}"
            )
        VANISH.notes.append(f"beside the board after an edit through B: {beside(local)}")
    VANISH.integrity = integrity(local)
    if VANISH.integrity != "ok":
        problems.append(f"integrity_check: {VANISH.integrity}")
    VANISH.notes += problems
    assert not problems, "; ".join(problems)


def rows_done(err: list[str]) -> int:
    """How many rows the import says it has written ("Importing: 12,000/40,000")."""
    done = [re.match(r"Importing: ([\d,]+)/", line) for line in list(err)]
    return max((int(m.group(1).replace(",", "")) for m in done if m), default=0)


def beside(local: Path) -> list[str]:
    """What else is in the shared folder (a journal, a lock file), with its size and first
    bytes: a journal whose header is zeros is not "hot", and SQLite leaves it alone."""
    found = []
    for path in sorted(local.parent.iterdir()):
        if path.is_dir():
            found.append(f"{path.name}/ (a folder)")
        elif path.name not in (local.name, "probe"):
            with path.open("rb") as handle:
                head = handle.read(8).hex()
            found.append(f"{path.name} ({path.stat().st_size} bytes, starts {head or '-'})")
    return found


def run_on(mount: Mount, *args: str) -> subprocess.CompletedProcess:
    """``renkei ARGS`` on the mount's laptop, to its end."""
    return subprocess.run(
        mount.run(renkei_argv(*args)), capture_output=True, text=True, timeout=WAIT, check=False
    )


def tasks_through(board: str) -> dict[int, str] | None:
    """id → title of every task (archived too) read through ``board``; None if it did not
    open."""
    result = run_renkei("--board", board, "tasks", "--json", "--all")
    if result.returncode != 0:
        return None
    return {t["id"]: t["title"] for t in json.loads(result.stdout)}
