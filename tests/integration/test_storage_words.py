"""Clear words for storage trouble: a read-only board or folder, two imports of one file at
once, a server that is down or refuses the password, a URL Renkei does not speak. Each says
what happened and what to do, in one line, and nothing is saved."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from renkei.app.session import BoardSession
from renkei.cli.main import main
from renkei.importers.apply import run_import
from renkei.importers.trello import read_trello
from renkei.store.board_store import BoardStore
from renkei.store.database import StorageError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TRELLO = FIXTURES / "trello_trello2planka_sample-board-export.json"
NOBODY = 65534


# -- running as someone the file system says no to --------------------------------------------


def _as_other_user(argv: list[str]) -> list[str]:
    """Root may write anything: as root, run the command as ``nobody`` (setpriv)."""
    if os.geteuid() != 0:
        return argv
    ids = [f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return ["setpriv", *ids, *argv]


@pytest.fixture
def shared_folder(demo_template):
    """A folder another user can enter, with a copy of the demo board and settings folders
    that user may write."""
    if os.geteuid() == 0:
        probe = subprocess.run(
            _as_other_user([sys.executable, "-c", "import renkei"]), capture_output=True
        )
        if probe.returncode != 0:
            pytest.skip(f"no unprivileged user can run this Python: {probe.stderr[-200:]!r}")
    folder = Path(tempfile.mkdtemp(prefix="renkei-words-"))
    try:
        folder.chmod(0o755)
        for name in ("config", "data"):
            (folder / name).mkdir()
            (folder / name).chmod(0o777)
        boards = folder / "boards"
        boards.mkdir()
        shutil.copyfile(demo_template, boards / "team.renkei")
        yield boards
    finally:
        for path in (folder, *folder.rglob("*")):
            path.chmod(0o777 if path.is_dir() else 0o666)
        shutil.rmtree(folder)


def _renkei(folder: Path, *argv: str) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        RENKEI_CONFIG_DIR=str(folder.parent / "config"),
        RENKEI_DATA_DIR=str(folder.parent / "data"),
    )
    command = [sys.executable, "-m", "renkei.cli.main", *argv]
    return subprocess.run(
        _as_other_user(command), capture_output=True, text=True, timeout=120, env=env
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and len(lines[0]) <= 300, done.stderr
    return lines[0]


def test_a_read_only_board_says_whom_to_ask(shared_folder):
    """A board file others may only read: ask its owner, or copy it; nothing was saved."""
    board = shared_folder / "team.renkei"
    board.chmod(0o644 if os.geteuid() == 0 else 0o444)
    before = _digest(board)
    done = _renkei(
        shared_folder,
        "--board",
        str(board),
        "--as",
        "Kenta Mori",
        "task",
        "set",
        "3",
        "title=Changed",
    )
    line = _one_line(done)
    assert f"{board} is read-only for you: ask its owner for write access, or copy it " in line
    assert "(renkei board copy) to change it; nothing was saved." in line
    assert _digest(board) == before


def test_a_read_only_folder_says_the_journal_needs_it(shared_folder):
    """A writable board in a folder one may not write: SQLite's journal needs the folder."""
    board = shared_folder / "team.renkei"
    board.chmod(0o666)
    shared_folder.chmod(0o555)
    before = _digest(board)
    done = _renkei(
        shared_folder,
        "--board",
        str(board),
        "--as",
        "Kenta Mori",
        "task",
        "set",
        "3",
        "title=Changed",
    )
    line = _one_line(done)
    assert f"The folder {shared_folder} is read-only for you, and saving writes a journal" in line
    assert line.endswith("nothing was saved.")
    assert _digest(board) == before


def test_no_new_board_in_a_read_only_folder(shared_folder):
    """`demo` into a folder one may not write says so, not "unable to open database file"."""
    shared_folder.chmod(0o555)
    done = _renkei(shared_folder, "--board", str(shared_folder / "new.renkei"), "demo")
    line = _one_line(done)
    assert f"The folder {shared_folder} is read-only for you, so no board can be made" in line
    assert not (shared_folder / "new.renkei").exists()


def test_two_imports_of_one_file_at_once(board):
    """The import that loses the race says the other finished first; nothing is added twice."""
    plan = read_trello(TRELLO)
    first, second = BoardStore.open(board), BoardStore.open(board)
    try:
        slow = BoardSession(second, None)  # read the board before the other import lands
        run_import(BoardSession(first, None), plan)
        tasks = len(first.load().tasks)
        revision = first.revision()
        with pytest.raises(StorageError) as refused:
            run_import(slow, plan)
        assert str(refused.value).startswith(
            "Another import of the same file finished first; nothing was added twice"
        )
        assert "UNIQUE" not in str(refused.value)
        assert (len(first.load().tasks), first.revision()) == (tasks, revision)
    finally:
        first.dispose()
        second.dispose()


# -- servers ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_server_that_is_down(capsys):
    """Nobody listening: check that the server runs and the address is right."""
    port = _free_port()
    code = main(["--board", f"postgresql://someone@127.0.0.1:{port}/team", "tasks"])
    err = capsys.readouterr().err
    assert code == 1 and len(err.splitlines()) == 1
    assert f"the server 127.0.0.1:{port} does not answer: check that it is running" in err


class _PasswordServer:
    """Speaks just enough of PostgreSQL's protocol to ask for a password and refuse it, as a
    server with password authentication does for a wrong one."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.port = self.socket.getsockname()[1]
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                conn, _ = self.socket.accept()
            except OSError:
                return
            with conn, contextlib.suppress(OSError):
                self.answer(conn)

    def answer(self, conn):
        while True:
            length, code = struct.unpack("!ii", _read(conn, 8))
            _read(conn, length - 8)
            if code in (80877103, 80877104):  # SSL or GSS encryption asked: not here
                conn.sendall(b"N")
                continue
            break  # the startup message
        conn.sendall(b"R" + struct.pack("!ii", 8, 3))  # a clear-text password, please
        kind = conn.recv(1)
        if kind != b"p":
            return  # the client had no password to give
        (length,) = struct.unpack("!i", _read(conn, 4))
        _read(conn, length - 4)
        fields = b"SFATAL\0VFATAL\0C28P01\0" + b'Mpassword authentication failed for user "ann"\0'
        conn.sendall(b"E" + struct.pack("!i", len(fields) + 5) + fields + b"\0")

    def close(self):
        self.socket.close()


def _read(conn, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise OSError("closed")
        data += chunk
    return data


@pytest.fixture
def password_server():
    server = _PasswordServer()
    yield server
    server.close()


def test_a_wrong_password(password_server, capsys, monkeypatch):
    """The server refuses the password: check it, or ask the administrator."""
    monkeypatch.setenv("PGPASSWORD", "wrong")
    code = main(["--board", f"postgres://ann@127.0.0.1:{password_server.port}/team", "tasks"])
    err = capsys.readouterr().err
    assert code == 1 and len(err.splitlines()) == 1, err
    assert f"the server 127.0.0.1:{password_server.port} refused the password for 'ann'" in err
    assert "ask the server's administrator" in err


def test_no_password_given(password_server, capsys, monkeypatch):
    """The server wants a password and none was given: say where one goes."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", os.devnull)
    code = main(["--board", f"postgresql://ann@127.0.0.1:{password_server.port}/team", "tasks"])
    err = capsys.readouterr().err
    assert code == 1 and len(err.splitlines()) == 1, err
    assert "wants a password for 'ann': set PGPASSWORD or add it to ~/.pgpass" in err


@pytest.mark.postgres
def test_postgres_scheme_is_postgresql_through_psycopg(pg_demo_url):
    """``postgres://`` (as Heroku and many tools write it) opens the board with psycopg 3."""
    spelled = pg_demo_url.replace("postgresql+psycopg://", "postgres://")
    store = BoardStore.open(spelled)
    try:
        assert store.location.startswith("postgresql+psycopg://")
        assert len(store.load().tasks) > 0
    finally:
        store.dispose()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (
            "mysql://u:secret@host/x",
            "Renkei boards live in a file or on PostgreSQL; mysql:// is not",
        ),
        ("sqlite+pysqlite:///x.renkei", "give the board file's path rather than a sqlite+pysqlite"),
        ("postgresql+asyncpg://h/x", "PostgreSQL through psycopg 3; postgresql+asyncpg:// is not"),
    ],
)
def test_other_schemes_are_refused_by_name(url, words, capsys):
    code = main(["--board", url, "tasks"])
    err = capsys.readouterr().err
    assert code == 1 and words in err and "secret" not in err
