"""Exports write safely: through a symbolic link, never over a folder, device, fifo or
read-only file, with the mode any program's output gets; backups and copies of a board keep
the board's mode; a failed write leaves the old file byte for byte and nothing beside it.

Real files and real `renkei` processes throughout (renkei.files' rule is in its docstring)."""

from __future__ import annotations

import os
import resource
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from renkei.files import UnsafeTarget, create_like, replacing, write_atomically

CLI = "from renkei.cli.main import main; raise SystemExit(main())"


def renkei(*args: str, umask: int = 0o022, limit: int | None = None, timeout: float = 180):
    """`renkei ARGS` in a process of its own with this umask (and at most ``limit`` bytes per
    file written, so a write fails as on a full disk: Python ignores SIGXFSZ and gets EFBIG)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}

    def before() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-c", CLI, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        umask=umask,
        preexec_fn=before,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def leftovers(folder: Path) -> list[str]:
    """Temporary files an export might have left (renkei.files names them .NAME.xxxx.tmp)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def refused(result: subprocess.CompletedProcess, words: str) -> None:
    """Exit 1 and one line saying why — never a traceback."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.startswith("renkei:")]
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("safe-writes") / "demo.renkei"
    assert renkei("--board", str(path), "demo").returncode == 0
    return path


@pytest.fixture
def board(demo, tmp_path) -> str:
    copy = tmp_path / "board" / "team.renkei"
    copy.parent.mkdir()
    shutil.copyfile(demo, copy)
    return str(copy)


def export(board: str, kind: str, out: Path, **kwargs) -> subprocess.CompletedProcess:
    if kind == "png":
        return renkei("--board", board, "snapshot", str(out), "--size", "400x300", **kwargs)
    return renkei("--board", board, "export", kind, str(out), **kwargs)


# -- symbolic links: written through ----------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_a_symlink_is_written_through_and_stays_a_link(board, tmp_path, kind):
    """The file the link names gets the export (keeping its mode); the link stays a link."""
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / f"status.{kind}"
    real.write_bytes(b"last week's\n")
    real.chmod(0o664)
    link = tmp_path / f"latest.{kind}"
    link.symlink_to(real)
    done = export(board, kind, link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    written = real.read_bytes()
    assert written.startswith(b"%PDF" if kind == "pdf" else b"id,source,title")
    assert mode(real) == 0o664
    assert leftovers(shared) == leftovers(tmp_path) == []


def test_a_link_to_a_file_not_there_yet_creates_it(board, tmp_path):
    (tmp_path / "out").mkdir()
    link = tmp_path / "tasks.csv"
    link.symlink_to(tmp_path / "out" / "tasks.csv")
    done = export(board, "csv", link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert (tmp_path / "out" / "tasks.csv").read_text().startswith("id,source,title")


def test_a_link_loop_is_refused(board, tmp_path):
    (tmp_path / "a.csv").symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    refused(export(board, "csv", tmp_path / "a.csv"), "symbolic link that leads round in a loop")
    assert (tmp_path / "a.csv").is_symlink() and (tmp_path / "b.csv").is_symlink()


# -- what is refused, untouched -----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "pdf", "png"])
def test_a_read_only_file_is_refused_and_unchanged(board, tmp_path, kind):
    """Mode 0444 is refused even for root, whom os.access lets write anything."""
    out = tmp_path / f"signed-off.{kind}"
    out.write_bytes(b"the approved version\n")
    out.chmod(0o444)
    os.utime(out, ns=(1_000_000_000, 1_000_000_000))
    refused(export(board, kind, out), "it is a read-only file; it was left as it is")
    assert out.read_bytes() == b"the approved version\n"
    assert mode(out) == 0o444 and out.stat().st_mtime_ns == 1_000_000_000
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_a_fifo_is_refused_not_replaced(board, tmp_path, kind):
    """A named pipe stays a pipe; the export neither replaces it nor hangs writing into it."""
    fifo = tmp_path / f"pipe.{kind}"
    os.mkfifo(fifo)
    refused(export(board, kind, fifo, timeout=120), "it is a pipe (fifo), not a regular file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_a_folder_is_refused(board, tmp_path):
    folder = tmp_path / "reports.csv"
    folder.mkdir()
    (folder / "keep.txt").write_text("x")
    refused(export(board, "csv", folder), "it is a folder; nothing was written")
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]


def test_a_folder_that_does_not_exist_is_named(board, tmp_path):
    refused(export(board, "csv", tmp_path / "nowhere" / "t.csv"), "does not exist")
    assert not (tmp_path / "nowhere").exists()


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(UnsafeTarget, match="socket") as error:
            write_atomically(path, b"x")
    assert error.value.kind == "special"
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may make a device node")
def test_a_device_is_refused(board, tmp_path):
    """A character device like /dev/full (made here, so a mistake replaces nothing real)."""
    device = tmp_path / "full.csv"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    refused(export(board, "csv", device), "it is a device, not a regular file")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


# -- modes ------------------------------------------------------------------------------------


UMASKS = [(0o022, 0o644), (0o077, 0o600)]
CASES = [(kind, *pair) for kind in ("csv", "pdf", "png") for pair in UMASKS] + [
    ("csv", 0o002, 0o664)
]


@pytest.mark.parametrize(
    ("kind", "umask", "expected"),
    [pytest.param(*case, id=f"{case[0]}-umask{case[1]:03o}") for case in CASES],
)
def test_a_new_export_follows_the_umask(board, tmp_path, kind, umask, expected):
    out = tmp_path / f"new.{kind}"
    done = export(board, kind, out, umask=umask)
    assert done.returncode == 0, done.stderr
    assert mode(out) == expected


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_an_existing_file_keeps_its_mode(board, tmp_path, kind):
    out = tmp_path / f"team.{kind}"
    out.write_bytes(b"old")
    out.chmod(0o640)
    done = export(board, kind, out, umask=0o022)
    assert done.returncode == 0, done.stderr
    assert mode(out) == 0o640 and out.read_bytes() != b"old"


# -- a failed write ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "pdf", "png"])
def test_a_failed_write_leaves_the_old_file_and_nothing_beside_it(board, tmp_path, kind):
    """The disk 'fills up' after 8 KB (RLIMIT_FSIZE): the export fails with one line, the old
    file is byte-identical and no temporary file is left."""
    out = tmp_path / f"status.{kind}"
    out.write_bytes(b"yesterday's report, still good\n")
    out.chmod(0o644)
    before = sorted(p.name for p in tmp_path.iterdir())
    refused(export(board, kind, out, limit=8192), "File too large")
    assert out.read_bytes() == b"yesterday's report, still good\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_exception_inside_removes_the_temporary_file(tmp_path):
    out = tmp_path / "t.csv"
    out.write_text("old")
    with pytest.raises(RuntimeError), replacing(out, text=True) as handle:
        handle.write("half")
        raise RuntimeError("cancelled")
    assert out.read_text() == "old" and leftovers(tmp_path) == []


# -- backups and copies of a board -------------------------------------------------------------


def _make_older(board: str) -> None:
    """Take the board back to revision 0003 (what migration 0004's downgrade does), so the
    next open backs it up and migrates it."""
    with sqlite3.connect(board) as conn:
        conn.execute("DROP INDEX ix_tasks_source_id")
        conn.execute("ALTER TABLE projects DROP COLUMN due")  # made by 0007
        conn.execute("DROP INDEX ix_activity_change_id")  # made by 0006
        conn.execute("ALTER TABLE activity DROP COLUMN change_id")
        conn.execute("DROP INDEX ix_people_login")  # made by 0005, with the two columns
        conn.execute("ALTER TABLE people DROP COLUMN login")
        conn.execute("ALTER TABLE activity DROP COLUMN login")
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
    conn.close()


@pytest.mark.parametrize(
    ("board_mode", "umask"),
    [pytest.param(0o600, 0o022, id="0600-board"), pytest.param(0o660, 0o077, id="0660-board")],
)
def test_the_backup_before_a_migration_keeps_the_boards_mode(board, board_mode, umask):
    """A private board's backup is private; a group-shared board's backup stays shared."""
    _make_older(board)
    os.chmod(board, board_mode)
    done = renkei("--board", board, "tasks", "--json", umask=umask)
    assert done.returncode == 0, done.stderr
    folder = Path(board).parent
    backups = sorted(folder.glob("team.renkei.before-0003-*.bak"))
    assert len(backups) == 1
    assert mode(backups[0]) == board_mode
    assert mode(board) == board_mode
    with sqlite3.connect(f"file:{backups[0]}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] > 0
    conn.close()


@pytest.mark.parametrize("verb", ["copy", "salvage"])
@pytest.mark.parametrize("board_mode", [0o600, 0o664])
def test_a_board_copy_or_salvage_keeps_the_boards_mode(board, tmp_path, verb, board_mode):
    """`board copy` and `board salvage` into a new file: the new board has the source's mode,
    not the one the umask would give (0644 under 022)."""
    os.chmod(board, board_mode)
    copy = tmp_path / "copy.renkei"
    done = renkei("board", verb, board, str(copy), umask=0o022)
    assert done.returncode == 0, done.stderr
    assert mode(copy) == board_mode
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_create_like_copies_the_mode_whatever_the_umask(tmp_path):
    source = tmp_path / "board"
    source.write_bytes(b"")
    source.chmod(0o664)
    old = os.umask(0o077)
    try:
        create_like(tmp_path / "copy", source)
    finally:
        os.umask(old)
    assert mode(tmp_path / "copy") == 0o664
    with pytest.raises(FileExistsError):
        create_like(tmp_path / "copy", source)
