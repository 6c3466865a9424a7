"""Writing a file the user named without ever leaving it half-written or replacing the wrong thing.

Every file Renkei writes for a person to keep (PDF and CSV exports, snapshot pictures) goes
through here. Standard library only, importing nothing of Renkei's, so the store, the exports
and the window can all use it. The rule, one for every caller:

- **Nothing half-written.** The new content goes to a temporary file beside the target
  (``.NAME.XXXXXXXX.tmp``), is flushed and fsynced, then renamed over the target in one step.
  On any error or cancel the temporary file is removed and the target is left as it was.
- **A symbolic link is written through**: the file it points to gets the new content
  (atomically, by the same rename inside that file's folder) and the link stays a link. A
  link to a file that does not exist yet creates that file; a link loop is refused.
- **Only regular files are replaced.** A folder, device (``/dev/full``), fifo or socket at the
  path is refused, untouched.
- **A read-only file is refused**, untouched: one whose owner may not write it (no user-write
  bit, as ``chmod 444`` or ``chmod a-w`` leave it) or that this user may not write
  (``os.access``). The first test matters because root passes every ``os.access`` check, and a
  rename only needs the folder to be writable: without it "read-only" would mean nothing.
- **Modes like any other program's.** A new file gets ``0666 & ~umask`` (the kernel applies
  the umask, so default ACLs apply as well); a file that existed keeps its mode, and its group
  (and owner, for root) when the system lets us set them.

What it cannot promise: the checks run just before the rename, so a file swapped in at that
very moment is replaced; another hard link to the old file keeps the old content.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


class UnsafeTarget(OSError):
    """The path cannot be written safely; nothing was written. ``kind`` names the reason
    ("folder", "special", "read_only", "read_only_folder", "loop", "no_folder") so a window
    can word it in the user's language; ``strerror`` is the English sentence the command
    line prints."""

    def __init__(self, kind: str, path: Path, reason: str):
        super().__init__(errno.EPERM, reason, str(path))
        self.kind = kind
        self.path = path

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


_SPECIAL = (
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a pipe (fifo)"),
    (stat.S_ISSOCK, "a socket"),
)


def writable_target(path: str | os.PathLike[str]) -> tuple[Path, os.stat_result | None]:
    """The file a write to ``path`` lands on (symbolic links followed) and its current state
    (None when it does not exist yet), or UnsafeTarget when it must not be written."""
    named = Path(path)
    real = Path(os.path.realpath(named))
    try:
        existing = os.stat(real)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnsafeTarget(
                "loop",
                named,
                "it is a symbolic link that leads round in a loop; nothing was written. "
                "Fix the link or choose another name.",
            ) from None
        raise
    if existing is None:
        if not real.parent.is_dir():
            raise UnsafeTarget(
                "no_folder",
                named,
                f"the folder {real.parent} does not exist; nothing was written.",
            )
        return real, None
    if stat.S_ISDIR(existing.st_mode):
        raise UnsafeTarget(
            "folder",
            named,
            "it is a folder; nothing was written. Give a file name inside it.",
        )
    if not stat.S_ISREG(existing.st_mode):
        what = next(
            (name for test, name in _SPECIAL if test(existing.st_mode)), "not a regular file"
        )
        raise UnsafeTarget(
            "special",
            named,
            f"it is {what}, not a regular file; it was left as it is. Choose a file name.",
        )
    if not existing.st_mode & stat.S_IWUSR or not os.access(real, os.W_OK):
        raise UnsafeTarget(
            "read_only",
            named,
            "it is a read-only file; it was left as it is. Choose another name, "
            "or make the file writable first.",
        )
    return real, existing


@contextlib.contextmanager
def replacing(
    path: str | os.PathLike[str],
    *,
    text: bool = False,
    encoding: str | None = None,
    newline: str | None = None,
) -> Iterator[IO[Any]]:
    """Write into the yielded file; on a clean exit it replaces ``path`` in one step, on an
    exception (a cancel included) it disappears and ``path`` keeps its old content.

    ``text`` opens it for text (``encoding``, ``newline`` as ``open`` takes them)."""
    target, existing = writable_target(path)
    fd, temp = _create_beside(target)
    try:
        handle = _open_fd(fd, temp, existing, text, encoding, newline)
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # Checked again: the export may have run for a while since the first check.
        target, _ = writable_target(path)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(target.parent)


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` under the rule above."""
    with replacing(path) as out:
        out.write(data)


def create_like(path: str | os.PathLike[str], like: str | os.PathLike[str]) -> None:
    """Create ``path`` empty (it must not exist) with the mode of ``like``, and its group when
    we may set it: a copy or backup of a board is as private or as shared as the board."""
    source = os.stat(like)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)  # private until its mode is set
    try:
        _keep_owner_and_mode(fd, Path(path), source)
    finally:
        os.close(fd)


def match_mode(path: str | os.PathLike[str], like: str | os.PathLike[str]) -> None:
    """Give the existing file ``path`` the mode of ``like`` (and its group when we may)."""
    source = os.stat(like)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        _keep_owner_and_mode(fd, Path(path), source)
    finally:
        os.close(fd)


# -- the parts ---------------------------------------------------------------------------------


def _create_beside(target: Path) -> tuple[int, Path]:
    """A new, exclusive temporary file in the target's folder (so the rename stays on one file
    system). Mode 0666: the kernel takes the umask off, as for any program's new file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
        except PermissionError:
            raise UnsafeTarget(
                "read_only_folder",
                target,
                f"the folder {target.parent} is read-only for you; nothing was written. "
                "Choose another folder.",
            ) from None
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


def _open_fd(
    fd: int,
    temp: Path,
    existing: os.stat_result | None,
    text: bool,
    encoding: str | None,
    newline: str | None,
) -> IO[Any]:
    try:
        if existing is not None:
            # Before the first byte: a private file's content is never readable by others.
            _keep_owner_and_mode(fd, temp, existing)
        if text:
            return os.fdopen(fd, "w", encoding=encoding or "utf-8", newline=newline)
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise


def _keep_owner_and_mode(fd: int, path: Path, source: os.stat_result) -> None:
    if hasattr(os, "fchown"):
        # Root keeps the owner too; others keep the group when they belong to it. Ownership
        # first: changing it may clear the set-id bits that the chmod below restores.
        uid = source.st_uid if os.geteuid() == 0 else -1
        with contextlib.suppress(OSError):
            os.fchown(fd, uid, source.st_gid)
    mode = stat.S_IMODE(source.st_mode)
    # Some shares (SMB without unix extensions, FUSE mounts) refuse chmod; their files' modes
    # mean nothing there, and an export or backup must not fail for it.
    with contextlib.suppress(OSError):
        if os.chmod in os.supports_fd:
            os.chmod(fd, mode)
        else:
            os.chmod(path, mode)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where a folder cannot be opened, skip it."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
