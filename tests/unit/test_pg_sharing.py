"""Two test runs share one PostgreSQL server (CI tests two Pythons at once): a test restarting
the server waits until the other run's test using it is done."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import pg

TESTS = Path(__file__).resolve().parents[1]

OTHER_RUN = """
import pathlib, sys
import pg
pg._LOCK_PATH = pathlib.Path(sys.argv[1])
with pg.using_server():
    print("using the server", flush=True)
    sys.stdin.readline()
"""


@pytest.mark.skipif(pg.fcntl is None, reason="no flock on this system (nor restart tests)")
def test_a_restart_waits_for_the_other_runs_test(tmp_path, monkeypatch):
    lock = tmp_path / "server.lock"
    monkeypatch.setattr(pg, "_LOCK_PATH", lock)
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_RUN, str(lock)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONPATH=str(TESTS)),
    )  # fmt: skip
    try:
        assert other.stdout.readline() == "using the server\n"
        restarted = threading.Event()

        def restart():
            with pg.using_server(), pg.restarting():
                restarted.set()

        worker = threading.Thread(target=restart)
        worker.start()
        assert not restarted.wait(0.5), "restarted while the other run's test used the server"
        other.stdin.write("done\n")
        other.stdin.flush()
        assert restarted.wait(10), "the restart never came"
        worker.join()
    finally:
        other.stdin.close()
        other.stdout.close()
        other.wait(10)
