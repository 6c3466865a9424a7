"""`renkei` says once, on stderr, when a board lives in a synced folder or on a share — and
stays quiet on a local disk, on a server, and when told to. Real processes, real files: a
Syncthing marker (.stfolder) in a parent folder makes a synced folder without mocks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
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


# -- a real network share ---------------------------------------------------------------------

SFTP_SERVERS = ("/usr/lib/openssh/sftp-server", "/usr/lib/sftp-server", "/usr/libexec/sftp-server")


@pytest.fixture
def sshfs_share(tmp_path, demo_template):
    """A folder mounted with sshfs at a mount point with a space in its name ("Team Share",
    written \\040 in mountinfo). sshfs talks to sftp-server directly through a one-line
    ssh_command, so no sshd is needed; the mount is undone and sshfs waited for by its id."""
    sftp = next((p for p in SFTP_SERVERS if os.path.exists(p)), None)
    if not (shutil.which("sshfs") and shutil.which("fusermount") and sftp):
        pytest.skip("sshfs, fusermount or sftp-server is not installed")
    source, mount = tmp_path / "served", tmp_path / "Team Share"
    source.mkdir()
    mount.mkdir()
    shutil.copyfile(demo_template, source / "team.renkei")
    ssh = tmp_path / "direct-sftp"
    ssh.write_text(f"#!/bin/sh\nexec {sftp}\n")
    ssh.chmod(0o755)
    process = subprocess.Popen(
        ["sshfs", "-f", "-o", f"ssh_command={ssh}", f"localhost:{source}", str(mount)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 15
        while not os.path.ismount(mount):
            if process.poll() is not None or time.monotonic() > deadline:
                error = process.stderr.read().decode(errors="replace") if process.stderr else ""
                pytest.skip(f"sshfs could not mount here (no FUSE?): {error.strip()}")
            time.sleep(0.05)
        yield mount / "team.renkei"
    finally:
        subprocess.run(["fusermount", "-u", str(mount)], capture_output=True, timeout=30)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def test_a_board_on_a_real_sshfs_share_is_named_once(sshfs_share):
    done = renkei("--board", str(sshfs_share), "tasks", "--json")
    assert done.returncode == 0, done.stderr
    [line] = location_lines(done.stderr)
    assert line.startswith("renkei: team.renkei is on a network share (sshfs): ")
    assert "lock file" in line
