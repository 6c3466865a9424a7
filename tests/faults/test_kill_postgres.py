"""kill -9 of a client streaming edits to a PostgreSQL board (a private database on the shared
test server): the server rolls the cut transaction back; afterwards the board opens and every
acknowledged edit is there. The runs follow one another on one board, as kills would in life."""

from __future__ import annotations

import pytest
from edit_checks import check_acknowledged, edit_stream, report
from fault_figures import edit_moment, kill_figures
from kill_helpers import first_line, open_tasks

import pg
from clock import NOW, TODAY
from renkei.demo.build import build_demo
from renkei.store.board_store import BoardStore

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_story(pg_server):
    """The English demo board on a database of this module's own; its URL. (The shared
    server is not restarted by another test run meanwhile: see pg.using_server.)"""
    with pg.using_server():
        name = pg.create_database("renkei_fault")
        url = pg.url_for(name)
        try:
            store = BoardStore.open(url)
            try:
                build_demo(store, "en", today=TODAY, now=NOW)
            finally:
                store.dispose()
            yield url
        finally:
            pg.ensure_running()
            pg.drop_database(name)


@pytest.mark.parametrize("run", range(4))
def test_edit_stream_killed_on_postgres_keeps_every_acknowledged_edit(run, pg_story, tmp_path):
    figures = kill_figures("task set/add stream (PostgreSQL)")
    acks, delay = edit_moment("pg edits", run, 8)
    killed, attempts = edit_stream(pg_story, f"pg{run}", acks, delay, tmp_path / "ready")
    figures.runs += 1
    figures.kills += killed.killed
    problems: list[str] = []
    if not killed.killed:
        problems.append(f"the driver ended by itself: {first_line(killed.stderr)}")
    # The shared server may be restarting under another test (not in CI, where tests run
    # one at a time): wait for it, so a check reads the board rather than a closed door.
    pg.wait_ready()
    refused = [a for a in attempts if a["rc"] != 0]
    if refused:
        problems.append(f"{len(refused)} edits refused, e.g. {refused[0]['message'][:200]}")
    opened = open_tasks(pg_story)
    figures.opened_checked += 1
    figures.opened += opened.ok
    if not opened.ok:
        problems.append(f"the board did not open: {opened.message}")
    check_acknowledged(pg_story, attempts, opened.tasks if opened.ok else None, figures, problems)
    report(figures, "PostgreSQL edit stream", run, f"{delay} s after edit {acks}", problems)
