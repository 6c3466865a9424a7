"""Server passwords on the command line, against a private cluster that really asks for them
(scram-sha-256): libpq's PGPASSWORD and ~/.pgpass first, then the keyring, then a hidden
prompt on a terminal; `renkei login` keeps only a password the server accepts; `board copy`
finds passwords for both ends. Every run is a real `renkei` process; the keyring is a file
(tests/fakes.FileKeyring), never the machine's."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from private_cluster import PrivateCluster, binaries

TESTS = Path(__file__).resolve().parents[1]
USER = "ana"
SERVER = "127.0.0.1"
RIGHT = "Kaede-42!"
WRONG = "not-it"


@pytest.fixture(scope="module")
def cluster():
    if binaries() is None:
        if os.environ.get("CI"):
            pytest.fail("initdb/pg_ctl are needed for the password tests")
        pytest.skip("initdb/pg_ctl are not installed")
    server = PrivateCluster("super-secret")
    try:
        with server.admin() as admin:
            admin.execute(f"CREATE ROLE {USER} LOGIN PASSWORD '{RIGHT}'")
            admin.execute(f"CREATE DATABASE team OWNER {USER}")
        from renkei.demo.build import build_demo
        from renkei.store.board_store import BoardStore

        store = BoardStore.open(server.url(USER, "team"), password=RIGHT)
        try:
            build_demo(store, "en")
        finally:
            store.dispose()
        yield server
    finally:
        server.stop()


@pytest.fixture
def url(cluster):
    return cluster.url(USER, "team")


@pytest.fixture
def env(tmp_path):
    """A `renkei` process's environment: a file keyring, a home of its own (no ~/.pgpass),
    and no password or user in the environment."""
    home = tmp_path / "home"
    home.mkdir()
    values = {
        k: v for k, v in os.environ.items() if k not in ("PGPASSWORD", "PGPASSFILE", "PGUSER")
    }
    values.update(
        HOME=str(home),
        PYTHONPATH=os.pathsep.join([str(TESTS), *filter(None, [os.environ.get("PYTHONPATH")])]),
        PYTHON_KEYRING_BACKEND="fakes.FileKeyring",
        RENKEI_TEST_KEYRING=str(tmp_path / "keyring.json"),
    )
    return values


def PORT(url: str) -> int:  # noqa: N802 - reads as the URL's part
    return int(url.rsplit(":", 1)[1].split("/")[0])


def keyring_file(env) -> dict:
    path = Path(env["RENKEI_TEST_KEYRING"])
    return json.loads(path.read_text()) if path.exists() else {}


def store_in_keyring(env, url, password) -> None:
    Path(env["RENKEI_TEST_KEYRING"]).write_text(json.dumps({f"Renkei\n{url}": password}))


def renkei(env, *argv, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", *argv],
        capture_output=True,
        text=True,
        input=stdin if stdin is not None else "",
        env=env,
        timeout=120,
    )


def one_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_no_password_anywhere_says_how_to_give_one(env, url):
    line = one_line(renkei(env, "--board", url, "tasks"))
    assert line.startswith(f"renkei: the server {SERVER}:{PORT(url)} wants a password for 'ana'")
    assert f"renkei login {url}" in line and "PGPASSWORD" in line and "~/.pgpass" in line


def test_login_keeps_only_a_password_the_server_accepts(env, url):
    refused = renkei(env, "login", url, "--password-stdin", stdin=WRONG + "\n")
    assert one_line(refused) == (
        f"renkei: the server refused the password for {USER}; nothing was stored"
    )
    assert keyring_file(env) == {}

    done = renkei(env, "login", url, "--password-stdin", stdin=RIGHT + "\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        f"Stored the password for {USER} on {url} in the system keyring."
    )
    assert keyring_file(env) == {f"Renkei\n{url}": RIGHT}

    # Every command finds it now; the URL on the command line carries no password.
    tasks = renkei(env, "--board", url, "tasks", "--json")
    assert tasks.returncode == 0, tasks.stderr
    assert len(json.loads(tasks.stdout)) > 10


def test_login_refuses_a_url_with_its_password_and_a_file(env, url, tmp_path):
    with_password = url.replace(f"{USER}@", f"{USER}:{RIGHT}@")
    line = one_line(renkei(env, "login", with_password, "--password-stdin", stdin=RIGHT))
    assert "without its password" in line and RIGHT not in line
    line = one_line(renkei(env, "login", str(tmp_path / "team.renkei")))
    assert "server boards" in line
    assert keyring_file(env) == {}


def test_a_wrong_stored_password_says_to_run_login(env, url):
    store_in_keyring(env, url, WRONG)
    line = one_line(renkei(env, "--board", url, "people"))
    assert line == (
        f"renkei: the server {SERVER}:{PORT(url)} refused the password for 'ana': run "
        f"`renkei login {url}` to store the right one, or ask the server's administrator"
    )


def test_pgpassword_and_pgpass_keep_working_before_the_keyring(env, url, cluster):
    store_in_keyring(env, url, WRONG)  # libpq's own sources come first
    done = renkei({**env, "PGPASSWORD": RIGHT}, "--board", url, "people", "--json")
    assert done.returncode == 0, done.stderr

    pgpass = Path(env["HOME"], ".pgpass")
    pgpass.write_text(f"127.0.0.1:{cluster.port}:team:{USER}:{RIGHT}\n")
    pgpass.chmod(0o600)
    done = renkei(env, "--board", url, "people", "--json")
    assert done.returncode == 0, done.stderr

    pgpass.write_text(f"127.0.0.1:{cluster.port}:team:{USER}:{WRONG}\n")
    store_in_keyring(env, url, RIGHT)  # a stale ~/.pgpass: the keyring's password gets in
    done = renkei(env, "--board", url, "people", "--json")
    assert done.returncode == 0, done.stderr


def test_board_copy_finds_both_ends_passwords_in_the_keyring(env, url, cluster, tmp_path):
    with cluster.admin() as admin:
        admin.execute(f"CREATE DATABASE team_copy OWNER {USER}")
    copy_url = cluster.url(USER, "team_copy")
    Path(env["RENKEI_TEST_KEYRING"]).write_text(
        json.dumps({f"Renkei\n{url}": RIGHT, f"Renkei\n{copy_url}": RIGHT})
    )
    local = tmp_path / "team.renkei"
    done = renkei(env, "board", "copy", url, str(local))
    assert done.returncode == 0, done.stderr
    assert RIGHT not in done.stdout + done.stderr
    done = renkei(env, "board", "copy", str(local), copy_url)
    assert done.returncode == 0, done.stderr
    assert RIGHT not in done.stdout + done.stderr
    original = json.loads(renkei(env, "--board", url, "tasks", "--json").stdout)
    copied = renkei(env, "--board", copy_url, "tasks", "--json")
    assert copied.returncode == 0, copied.stderr
    assert json.loads(copied.stdout) == original

    Path(env["RENKEI_TEST_KEYRING"]).unlink()  # and without: one line saying how
    line = one_line(renkei(env, "board", "copy", url, str(tmp_path / "other.renkei")))
    assert "renkei login" in line
    assert not (tmp_path / "other.renkei").exists()


# -- the prompt on a real terminal ---------------------------------------------------------


def on_a_terminal(env, argv, answer: str) -> tuple[int, str]:
    """Run `renkei` with a pseudo-terminal as its controlling terminal and stdin; answer the
    password question; all it wrote to the terminal, and its exit status."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: its terminal is the pty
        try:
            os.execve(sys.executable, [sys.executable, "-m", "renkei.cli.main", *argv], env)
        finally:
            os._exit(127)
    seen = b""
    answered = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
        if not answered and b"Password for" in seen:
            time.sleep(0.2)  # getpass turns echo off right after writing the question
            os.write(fd, answer.encode() + b"\n")
            answered = True
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), seen.decode(errors="replace")


def test_the_cli_asks_on_a_terminal_with_hidden_input(env, url):
    status, shown = on_a_terminal(env, ["--board", url, "people"], RIGHT)
    assert status == 0, shown
    assert f"Password for {USER} on 127.0.0.1:" in shown
    assert RIGHT not in shown  # never echoed
    assert "Yuki Tanaka" in shown
    assert keyring_file(env) == {}  # asked, used, not kept

    status, shown = on_a_terminal(env, ["--board", url, "people"], WRONG)
    assert status == 1
    assert WRONG not in shown
    assert f"refused the password for 'ana': run `renkei login {url}`" in shown


def test_login_asks_on_a_terminal(env, url):
    status, shown = on_a_terminal(env, ["login", url], RIGHT)
    assert status == 0, shown
    assert RIGHT not in shown
    assert keyring_file(env) == {f"Renkei\n{url}": RIGHT}
