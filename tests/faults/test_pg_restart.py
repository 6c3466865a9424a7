"""A PostgreSQL restart under a running ``renkei watch --json`` and a writer, on a private
cluster this test starts itself (never the shared server): afterwards every revision in the
board's history was printed by the watch exactly once, in order; every acknowledged edit is
in the board; every refused edit said so in one line, and none of them is in the board unless
its message said the save could not be confirmed."""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import time
from collections import Counter

import pytest
from edit_checks import EDIT_DRIVER, check_acknowledged, driver_lines
from fault_figures import moment, restart_figures
from kill_helpers import (
    WAIT,
    Started,
    has_traceback,
    history_titles,
    open_tasks,
    renkei_argv,
    run_renkei,
)
from pg_cluster import PrivateCluster, tools_folder

from clock import NOW, TODAY
from renkei.demo.build import build_demo
from renkei.store.board_store import BoardStore

pytestmark = pytest.mark.postgres

WRITE_SECONDS = 4.0  # how long the writer keeps editing
CATCH_UP = 12.0  # seconds the watch gets, after the writer ends, to print what the board holds
# A refusal may still have reached the board only if its message said the save is unknown.
UNSURE = re.compile(r"confirm|may have been saved|might have been saved|not sure|unknown", re.I)


@pytest.fixture
def cluster():
    tools = tools_folder()
    if tools is None:
        message = "the restart test needs PostgreSQL's initdb and pg_ctl"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI is set: it must run, not skip)", pytrace=False)
        pytest.skip(message)
    private = PrivateCluster(tools)
    try:
        private.init()
        private.start()
        yield private
    finally:
        private.stop()


def board_revisions(cluster: PrivateCluster, database: str, after: int) -> list[int]:
    import psycopg

    with psycopg.connect(cluster.dsn(database)) as conn:
        rows = conn.execute(
            "SELECT DISTINCT revision FROM activity WHERE revision > %s ORDER BY revision",
            (after,),
        ).fetchall()
    return [r[0] for r in rows]


def board_revision(cluster: PrivateCluster, database: str) -> int:
    import psycopg

    with psycopg.connect(cluster.dsn(database)) as conn:
        return conn.execute("SELECT revision FROM board").fetchone()[0]


def caught_up(lines: list[str], expected: list[int]) -> bool:
    """The watch printed the board's last revision: it prints in order, so anything it has
    not printed by then it never will."""
    printed = {r for r, _, _ in printed_revisions(list(lines), [])}
    return not expected or expected[-1] in printed or printed >= set(expected)


def watch_has_since() -> bool:
    return "--since" in run_renkei("watch", "--help").stdout


def printed_revisions(lines: list[str], problems: list[str]) -> list[tuple]:
    """(revision, entity, id) of each JSON line the watch printed, in order."""
    printed = []
    for line in lines:
        try:
            row = json.loads(line)
        except ValueError:
            problems.append(f"the watch printed a line that is not JSON: {line[:120]!r}")
            continue
        if "revision" not in row:
            problems.append(f"a watch line has no revision: {line[:120]!r}")
            continue
        printed.append((row["revision"], row.get("entity"), row.get("id")))
    return printed


def test_postgres_restart_under_watch_and_writer(cluster, tmp_path):
    figures = restart_figures("PostgreSQL restart under watch --json + writer")
    began = time.monotonic()
    url = cluster.create_database("board")
    store = BoardStore.open(url)
    try:
        build_demo(store, "en", today=TODAY, now=NOW)
    finally:
        store.dispose()
    figures.notes.append(f"the demo board was built in {time.monotonic() - began:.1f} s")
    start_revision = board_revision(cluster, "board")
    since = ("--since", str(start_revision)) if watch_has_since() else ()
    watch = Started(renkei_argv("--board", url, "watch", "--json", *since), tmp_path / "w")
    writer = None
    problems: list[str] = []
    try:
        if since:  # it prints from start_revision on, whenever it gets going
            watch.wait(lambda: bool(watch.err), 10)
        else:  # it prints from the revision it says it is watching from
            watch.wait(lambda: any(line.startswith("Watching") for line in list(watch.err)))
            said = next((line for line in watch.err if line.startswith("Watching")), None)
            assert said, f"the watch never said it was watching: {''.join(watch.err)[-500:]}"
            start_revision = int(re.search(r"from revision (\d+)", said).group(1))
        writer = Started(
            [
                sys.executable,
                str(EDIT_DRIVER),
                url,
                "restart",
                "--seconds",
                str(WRITE_SECONDS),
                "--pause",
                "0.05",
                "--tasks",
                "1",  # one row edited again and again: a watch that folds edits shows it
            ],
            tmp_path / "ready",
        )
        writer.wait_ready()
        writer.wait_acknowledged(1)
        for i in range(2):  # two restarts at seeded moments while the writer works
            time.sleep(moment("pg restart", i, 0.5, 1.5))
            took = cluster.restart()
            figures.restarts += 1
            figures.notes.append(f"restart {i + 1} took {took:.1f} s")
        ended = writer.kill_after(WAIT)  # it stops by itself after WRITE_SECONDS
        if ended.returncode != 0:
            problems.append(f"the writer failed: {ended.stderr[-500:]}")
        expected = board_revisions(cluster, "board", start_revision)
        began = time.monotonic()
        watch.wait(lambda: caught_up(watch.out, expected), CATCH_UP)
        figures.notes.append(
            f"the watch caught up {time.monotonic() - began:.1f} s after the writer"
        )
    finally:
        if writer is not None and writer.process.poll() is None:
            writer.kill_after(0)
        if watch.process.poll() is None:
            watch.process.send_signal(signal.SIGTERM)  # how a watch is ended (as Ctrl-C)
        watch.kill_after(WAIT)

    out = ended.stdout
    attempts = driver_lines(out)
    printed = printed_revisions(watch.out, problems)
    check_watch(printed, expected, figures, problems)
    check_writer(url, attempts, figures, problems)
    if has_traceback("".join(watch.err)):
        problems.append(f"the watch printed a traceback: {''.join(watch.err)[-400:]}")
    figures.notes.append(f"watch said: {' | '.join(x.strip() for x in watch.err)[-600:]}")
    if problems:
        figures.notes += problems
    assert not problems, "; ".join(problems)


def check_watch(printed: list[tuple], expected: list[int], figures, problems) -> None:
    revisions = [r for r, _, _ in printed]
    figures.board_revisions = len(expected)
    figures.printed = len(set(revisions) & set(expected))
    missing = sorted(set(expected) - set(revisions))
    figures.missing = len(missing)
    twice = [key for key, n in Counter(printed).items() if n > 1]
    figures.duplicated = len(twice)
    if missing:
        problems.append(f"{len(missing)} revisions never printed: {missing[:10]}")
    if twice:
        problems.append(f"{len(twice)} changes printed more than once: {twice[:5]}")
    if revisions != sorted(revisions):
        problems.append("the watch printed revisions out of order")
    strange = sorted(set(revisions) - set(expected))
    if strange:
        problems.append(f"printed revisions the board does not hold: {strange[:10]}")


def check_writer(url: str, attempts: list[dict], figures, problems) -> None:
    figures.edits = len(attempts)
    opened = open_tasks(url)
    if not opened.ok:
        problems.append(f"the board did not open after the restarts: {opened.message}")
    check_acknowledged(url, attempts, opened.tasks if opened.ok else None, figures, problems)
    refused = [a for a in attempts if a["rc"] != 0]
    figures.refused = len(refused)
    titles = {t["title"] for t in opened.tasks}
    history = history_titles(url, 50 * len(attempts) + 100)
    if isinstance(history, str):
        problems.append(f"the refused edits could not be looked for: {history}")
        history = set()
    for a in refused:
        message = a["message"]
        if a["rc"] == 1 and message.startswith("renkei: ") and not has_traceback(message):
            figures.refused_said += 1
            if "\n" in message:
                figures.notes.append(f"edit {a['n']}: a message of several lines: {message!r}")
        else:
            problems.append(f"edit {a['n']} refused without a clear message: {message[-300:]!r}")
        saved = a["title"] in (titles if a["kind"] == "add" else history)
        if saved:
            figures.refused_yet_saved += 1
            if not UNSURE.search(message):
                figures.refused_yet_saved_unsaid += 1
                problems.append(f"edit {a['n']} was refused ({message!r}) yet is in the board")
