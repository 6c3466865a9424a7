"""The PostgreSQL server the tests use: is it up, scratch databases, a restart.

The server is the one at 127.0.0.1:5432 (user postgres, no password), as in CI. Each test gets
a database of its own, ``renkei_test_<random>``, dropped afterwards.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no restart tests there (they need pg_ctlcluster)
    fcntl = None

HOST = "127.0.0.1"
PORT = 5432
USER = "postgres"
ADMIN_DATABASES = ("postgres", "test")  # where CREATE/DROP DATABASE is issued from


def admin_dsn(database: str) -> str:
    return f"host={HOST} port={PORT} user={USER} dbname={database} connect_timeout=3"


def url_for(database: str) -> str:
    """How Renkei spells a board on this server."""
    return f"postgresql+psycopg://{USER}@{HOST}:{PORT}/{database}"


def admin_connection():
    """An autocommit connection to a maintenance database, or the last error."""
    import psycopg

    error: Exception | None = None
    for database in ADMIN_DATABASES:
        try:
            return psycopg.connect(admin_dsn(database), autocommit=True)
        except psycopg.Error as problem:
            error = problem
    raise ConnectionError(f"PostgreSQL at {HOST}:{PORT} does not answer: {error}")


def server_problem() -> str | None:
    """None when the server answers; otherwise why not, in words."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install '.[test]')"
    try:
        admin_connection().close()
    except ConnectionError as error:
        return str(error)
    return None


def create_database(prefix: str = "renkei_test") -> str:
    name = f"{prefix}_{secrets.token_hex(6)}"
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_database(name: str) -> None:
    """Drop a scratch database, first ending any session still connected to it."""
    with admin_connection() as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


# -- sharing the server between test runs -------------------------------------------------------
# CI runs the suite on two Pythons at once, against this one server. A test that restarts it
# would cut the other run's connections mid-test, so every test using the server holds a shared
# lock on a file, and a restart holds it exclusively: it waits for the other run's tests in
# flight, and theirs wait while the server restarts.

_LOCK_PATH = Path(tempfile.gettempdir()) / f"renkei-tests-postgresql-{PORT}.lock"
_held = None  # this process's lock file, open while a test uses the server


@contextlib.contextmanager
def using_server():
    """Around one test that uses the server: no restart by another run meanwhile."""
    global _held
    if fcntl is None or _held is not None:  # no locks here, or this test holds it already
        yield
        return
    _held = _open_lock_file()
    try:
        fcntl.flock(_held, fcntl.LOCK_SH)
        yield
    finally:
        _held.close()  # closing releases the lock
        _held = None


def _open_lock_file():
    # Read-only is enough for flock, so runs of several users on one machine share the file;
    # O_CREAT only when it is missing (Linux refuses it on another user's file in /tmp).
    try:
        descriptor = os.open(_LOCK_PATH, os.O_RDONLY)
    except FileNotFoundError:
        descriptor = os.open(_LOCK_PATH, os.O_RDONLY | os.O_CREAT, 0o644)
    return os.fdopen(descriptor, "r")


@contextlib.contextmanager
def restarting():
    """Inside ``using_server``: this test may restart the server; other runs wait."""
    if fcntl is None or _held is None:
        yield
        return
    # Converting the lock first lets it go, so two runs asking at once do not deadlock.
    fcntl.flock(_held, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(_held, fcntl.LOCK_SH)


# -- the server itself -------------------------------------------------------------------------


def _cluster_version() -> str:
    versions = sorted(p.name for p in Path("/etc/postgresql").iterdir() if p.is_dir())
    if not versions:
        raise RuntimeError("no PostgreSQL cluster under /etc/postgresql")
    return versions[-1]


def _tool_env() -> dict[str, str]:
    # The PostgreSQL tools are Perl wrappers that complain about locales the machine lacks.
    return dict(os.environ, LC_ALL="C")


def _pg_ctlcluster(action: str) -> subprocess.CompletedProcess:
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", _cluster_version(), "main", action]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=60, check=False, env=_tool_env()
    )


def can_control_server() -> bool:
    """True when this machine's cluster can be stopped and started from here (as in CI)."""
    return (
        shutil.which("pg_ctlcluster") is not None
        and Path("/etc/postgresql").is_dir()
        and os.geteuid() == 0
    )


def is_ready() -> bool:
    if shutil.which("pg_isready"):
        command = ["pg_isready", "-q", "-h", HOST, "-p", str(PORT), "-t", "1"]
        return subprocess.run(command, check=False, timeout=10, env=_tool_env()).returncode == 0
    return server_problem() is None


def wait_ready(timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not is_ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"PostgreSQL at {HOST}:{PORT} not ready after {timeout:.0f} s")
        time.sleep(0.2)


def restart_server() -> None:
    """Restart the cluster (every connection is cut) and wait until it answers again."""
    result = _pg_ctlcluster("restart")
    if result.returncode != 0:
        raise RuntimeError(f"pg_ctlcluster restart failed: {result.stderr or result.stdout}")
    wait_ready()


def ensure_running() -> None:
    """Start the cluster if it is down (a failed restart must not leave it stopped)."""
    if is_ready():
        return
    _pg_ctlcluster("start")
    wait_ready()
