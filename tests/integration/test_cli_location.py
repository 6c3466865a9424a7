"""`renkei` says once, on stderr, when a board lives in a synced folder or on a share — and
stays quiet on a local disk, on a server, and when told to. Real processes, real files: a
Syncthing marker (.stfolder) in a parent folder makes a synced folder without mocks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from renkei.app.settings import LocalSettings


def renkei(*argv: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, **env},
    )


@pytest.fixture
def synced_board(demo_template, tmp_path) -> Path:
    """A copy of the demo board two folders below a Syncthing folder's root."""
    root = tmp_path / "Sync"
    (root / ".stfolder").mkdir(parents=True)
    path = root / "team" / "plan.renkei"
    path.parent.mkdir()
    shutil.copyfile(demo_template, path)
    return path


def location_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "RENKEI_QUIET_LOCATION" in line]


def test_a_board_in_a_synced_folder_is_named_once_on_stderr(synced_board):
    done = renkei("--board", str(synced_board), "tasks", "--json")
    assert done.returncode == 0, done.stderr
    json.loads(done.stdout)  # stdout stays clean for scripts
    [line] = location_lines(done.stderr)
    assert line.startswith("renkei: plan.renkei is in a folder synced by Syncthing: ")
    assert "conflict copy" in line and "server" in line


def test_a_write_says_it_once_too(synced_board):
    done = renkei(
        "--board",
        str(synced_board),
        "--as",
        "Haruka Aoki",
        "task",
        "add",
        "--title",
        "Call the printer",
        "--team",
        "Marketing",
    )
    assert done.returncode == 0, done.stderr
    assert len(location_lines(done.stderr)) == 1


def test_the_environment_variable_silences_it(synced_board):
    done = renkei("--board", str(synced_board), "tasks", RENKEI_QUIET_LOCATION="1")
    assert done.returncode == 0, done.stderr
    assert location_lines(done.stderr) == []
    assert "Syncthing" not in done.stderr


def test_the_local_setting_silences_it(synced_board):
    settings = LocalSettings.load()
    settings.quiet_location = True
    settings.save()
    done = renkei("--board", str(synced_board), "tasks")
    assert done.returncode == 0, done.stderr
    assert location_lines(done.stderr) == []


def test_nothing_is_said_on_a_local_disk(board):
    done = renkei("--board", board, "tasks")
    assert done.returncode == 0, done.stderr
    assert location_lines(done.stderr) == []
    assert done.stderr.strip() == ""


def test_nothing_is_said_for_a_server_board(pg_demo_url):
    done = renkei("--board", pg_demo_url, "tasks")
    assert done.returncode == 0, done.stderr
    assert location_lines(done.stderr) == []
