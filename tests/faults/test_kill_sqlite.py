"""kill -9 at a random moment during a large import, a stream of edits and ``demo`` on a board
file; afterwards the board opens, SQLite finds it sound, every acknowledged edit is there, and
an import or a demo is all there or not there at all.

Each test is one run: one process, killed once (or finished, if it beat the moment). The
figures of every run are printed at the end (fault_figures)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from big_files import CSV_MARKER, TRELLO_MARKER, write_csv, write_trello
from edit_checks import check_acknowledged, edit_stream, report
from fault_figures import edit_moment, kill_figures, moment
from kill_helpers import (
    WAIT,
    Started,
    beside,
    first_line,
    integrity,
    open_tasks,
    ready_renkei_argv,
    run_renkei,
)

ROWS = 3000  # tasks in each import file
DEMO_TASKS = 194  # tasks in the demo story: 60 on the board, 134 finished and archived


@pytest.fixture(scope="module")
def story_board(demo_boards) -> Path:
    """The English demo board, built once; each run works on its own copy."""
    return demo_boards.template("en", "story")


@pytest.fixture(scope="module")
def import_files(tmp_path_factory) -> dict[str, tuple[Path, str, float]]:
    """Each import file, its title marker, and how long an import of it into a new file
    takes here, measured once: the kills fall at random within that time."""
    folder = tmp_path_factory.mktemp("imports")
    write_trello(folder / "big.json", ROWS)
    write_csv(folder / "big.csv", ROWS)
    files = {
        "trello": (folder / "big.json", TRELLO_MARKER),
        "csv": (folder / "big.csv", CSV_MARKER),
    }
    timed = {}
    for kind, (source, marker) in files.items():
        board = folder / f"timed-{kind}.renkei"
        process = Started(
            ready_renkei_argv("--board", str(board), "import", kind, str(source)), folder / "ready"
        )
        process.wait_ready()
        began = time.monotonic()
        ended = process.kill_after(WAIT)  # not killed: it ends by itself
        took = time.monotonic() - began
        assert ended.returncode == 0, f"an import of {kind} failed: {first_line(ended.stderr)}"
        kill_figures("import 3,000 (file)").notes.append(f"an import of {kind} took {took:.1f} s")
        timed[kind] = (source, marker, took)
    return timed


def check_opens(board: Path, figures, problems: list[str], *extra: str):
    """The board opens with renkei, then SQLite's integrity check; the tasks (None when it
    never opened, even after SQLite itself rolled a hot journal back)."""
    opened = open_tasks(str(board), *extra)
    figures.opened_checked += 1
    if opened.ok:
        figures.opened += 1
    else:
        problems.append(f"the board did not open: {opened.message}")
    verdict = integrity(board)
    figures.integrity_checked += 1
    if verdict == "ok":
        figures.integrity += 1
    else:
        problems.append(f"integrity_check: {verdict}")
    if not opened.ok:
        # SQLite's own open above rolled back any hot journal: are the edits there?
        opened = open_tasks(str(board), *extra)
    return opened.tasks if opened.ok else None


# -- a large import --------------------------------------------------------------------------

IMPORT_RUNS = [  # (kind, into): a new file (made by the import) or the demo board
    ("trello", "new"),
    ("csv", "board"),
    ("trello", "board"),
    ("csv", "new"),
    ("trello", "new"),
    ("csv", "board"),
]


@pytest.mark.parametrize(("run", "kind", "into"), [(i, *r) for i, r in enumerate(IMPORT_RUNS)])
def test_import_killed_is_all_or_nothing(run, kind, into, import_files, story_board, tmp_path):
    figures = kill_figures("import 3,000 (file)")
    source, marker, took = import_files[kind]
    board = tmp_path / "team.renkei"
    if into == "board":
        shutil.copyfile(story_board, board)
    delay = moment("import", run, 0.0, took)
    process = Started(
        ready_renkei_argv("--board", str(board), "import", kind, str(source)), tmp_path / "ready"
    )
    process.wait_ready()
    killed = process.kill_after(delay)
    figures.runs += 1
    figures.kills += killed.killed
    problems: list[str] = []
    if not killed.killed and killed.returncode != 0:
        problems.append(f"the import failed on its own: {first_line(killed.stderr)}")
    others = DEMO_TASKS if into == "board" else 0
    if into == "new" and not board.exists():
        figures.notes.append(
            f"run {run}: nothing left at the new path (left beside: {beside(board) or 'nothing'})"
        )
        report(figures, "import", run, f"{delay} s after start-up", problems)
        return
    tasks = check_opens(board, figures, problems, "--all")
    if tasks is not None:
        imported = sum(1 for t in tasks if t["title"].startswith(marker))
        if imported not in (0, ROWS) or (into == "new" and imported == 0):
            figures.half += 1
            where = "a new path" if into == "new" else "the board"
            problems.append(f"half an import: {imported} of {ROWS} tasks left at {where}")
        if not killed.killed and imported != ROWS:
            problems.append(f"the import finished but {imported} of {ROWS} tasks are there")
        if len(tasks) - imported != others:
            problems.append(f"{len(tasks) - imported} other tasks, expected {others}")
    report(figures, "import", run, f"{delay} s after start-up", problems)


# -- a stream of edits -----------------------------------------------------------------------


@pytest.mark.parametrize("run", range(5))
def test_edit_stream_killed_keeps_every_acknowledged_edit(run, story_board, tmp_path):
    figures = kill_figures("task set/add stream (file)")
    board = tmp_path / "team.renkei"
    shutil.copyfile(story_board, board)
    acks, delay = edit_moment("edits", run, 15)
    killed, attempts = edit_stream(str(board), f"run{run}", acks, delay, tmp_path / "ready")
    figures.runs += 1
    figures.kills += killed.killed
    problems: list[str] = []
    if not killed.killed:
        problems.append(f"the driver ended by itself: {first_line(killed.stderr)}")
    refused = [a for a in attempts if a["rc"] != 0]
    if refused:  # nobody else writes this board: every edit should go through
        problems.append(f"{len(refused)} edits refused, e.g. {refused[0]['message'][:200]}")
    tasks = check_opens(board, figures, problems)
    check_acknowledged(str(board), attempts, tasks, figures, problems)
    report(figures, "edit stream", run, f"{delay} s after edit {acks}", problems)


# -- demo ------------------------------------------------------------------------------------

DEMO_RUNS = [
    ((), DEMO_TASKS),
    ((), DEMO_TASKS),
    ((), DEMO_TASKS),
    (("--tasks", "10000"), 10_000),
    (("--tasks", "10000"), 10_000),
]


@pytest.mark.parametrize(("run", "extra", "full"), [(i, *r) for i, r in enumerate(DEMO_RUNS)])
def test_demo_killed_is_all_or_nothing(run, extra, full, tmp_path):
    name = "demo --tasks 10000 (file)" if extra else "demo (file)"
    figures = kill_figures(name)
    board = tmp_path / "demo.renkei"
    delay = moment(name, run, 0.5, 5.0) if extra else moment(name, run, 0.0, 2.0)
    process = Started(
        ready_renkei_argv("--board", str(board), "demo", "--lang", "en", *extra), tmp_path / "ready"
    )
    process.wait_ready()
    killed = process.kill_after(delay)
    figures.runs += 1
    figures.kills += killed.killed
    problems: list[str] = []
    if not killed.killed and killed.returncode != 0:
        problems.append(f"demo failed on its own: {first_line(killed.stderr)}")
    if not board.exists():
        figures.notes.append(
            f"run {run}: nothing left at the path (left beside: {beside(board) or 'nothing'})"
        )
        report(figures, name, run, f"{delay} s after start-up", problems)
        return
    tasks = check_opens(board, figures, problems, "--all")
    if tasks is not None and len(tasks) != full:
        # Partly built: a rerun must finish it (or the board was not all-or-nothing).
        rerun = run_renkei("--board", str(board), "demo", "--lang", "en", *extra, timeout=300)
        after = open_tasks(str(board), "--all")
        finished = rerun.returncode == 0 and len(after.tasks) == full
        if finished:
            figures.notes.append(f"run {run}: {len(tasks)} of {full} tasks; a rerun finished it")
        else:
            figures.half += 1
            problems.append(
                f"half a demo: {len(tasks)} of {full} tasks; the rerun exited "
                f"{rerun.returncode}: {first_line(rerun.stderr) or first_line(rerun.stdout)}"
            )
    report(figures, name, run, f"{delay} s after start-up", problems)
