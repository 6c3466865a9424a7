"""Where a board lives — local disk, network share, synced folder or PostgreSQL server —
and what that means for a team.

The whole API is one call::

    from renkei.store.location import where

    place = where("/mnt/team/plan.renkei")   # a board file's path, or a server URL
    place.kind        # "local" | "share" | "synced" | "server"  (LOCAL, SHARE, SYNCED, SERVER)
    place.detail      # "sshfs", "cifs", "nfs4", "Dropbox", "OneDrive", "db.example.com:5432", …
    place.headline()  # "on a network share (sshfs)"
    place.meaning()   # one plain sentence for a team lead
    place.shared      # True for a share or a synced folder: worth telling the user once

``meaning()`` names LOCK_TAKEOVER_SECONDS (how long a crashed computer's lock file can hold
the others up); set that constant, or pass ``takeover_seconds``, to match the lock in use.

Telling it apart never raises and never writes: anything that cannot be read (no
/proc, a share that does not answer a listing) counts as "not found here".

- A server URL (it contains "://") is "server", detail ``host:port``.
- A synced folder (on any system) is found by the names its sync client gives its folders
  (``OneDrive - 株式会社…``, ``Dropbox (Company)``, ``My Drive``, ``com~apple~CloudDocs``,
  ``~/Library/CloudStorage/GoogleDrive-…``) and by the marker files it keeps in its root
  (``.dropbox``, Nextcloud's ``.sync_*.db``, Syncthing's ``.stfolder``). A synced folder on a
  network share is reported as synced: the sync client's whole-file copies matter more.
- A network share: Linux reads the mount's file-system type from /proc/self/mountinfo
  (``fuse.*``, ``cifs``, ``smb3``, ``nfs*``, ``9p``, ``davfs`` …); macOS asks statfs for
  ``f_fstypename`` (``smbfs``, ``nfs``, ``afpfs``, ``webdav``); Windows takes UNC paths
  (``\\\\server\\share\\…``) and drive letters whose drive type is "remote".
- Anything else is "local".

The pure parts (``parse_mountinfo``, ``mount_for``, ``classify_fstype``, ``synced_client``,
``windows_share``) take text and small functions instead of the real system, so they are
tested without real mounts; ``where`` wires them to the running system.

Standard library only: the CLI, the window and ``renkei board check`` all call it.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from urllib.parse import urlsplit

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Sentence
from renkei.store import lease

LOCAL = "local"
SHARE = "share"
SYNCED = "synced"
SERVER = "server"

# How long a crashed computer's lock file beside a board on a share can hold the others up
# before it is taken over (store/lease.py).
LOCK_TAKEOVER_SECONDS = int(lease.STALE_SECONDS)


class _Words(Sentence):
    """The window's words for a place (ui/location_banner.py says the same)."""

    context = "BoardLocation"


@dataclass(frozen=True)
class BoardLocation:
    """Where one board lives. ``kind`` is LOCAL, SHARE, SYNCED or SERVER; ``detail`` is the
    technical name (file-system type, sync client, or the server's host:port)."""

    location: str
    kind: str
    detail: str = ""

    @property
    def shared(self) -> bool:
        """A share or a synced folder: a place where the user should hear what it means."""
        return self.kind in (SHARE, SYNCED)

    def headline(self) -> str:
        """Where, in a few words: "on a network share (sshfs)"."""
        detail = f" ({self.detail})" if self.detail else ""
        if self.kind == SHARE:
            return f"on a network share{detail}"
        if self.kind == SYNCED:
            return f"in a folder synced by {self.detail or 'a sync client'}"
        if self.kind == SERVER:
            return f"on a PostgreSQL server{detail}"
        return f"on this computer's disk{detail}"

    def said_headline(self) -> Sentence:
        """``headline`` as the window says it, in the person's language (``said``)."""
        if self.kind == SHARE:
            return _Words(
                QT_TRANSLATE_NOOP("BoardLocation", "On a network share (%1)"), self.detail
            )
        if self.kind == SYNCED:
            return _Words(
                QT_TRANSLATE_NOOP("BoardLocation", "In a folder synced by %1"), self.detail
            )
        if self.kind == SERVER:
            return _Words(
                QT_TRANSLATE_NOOP("BoardLocation", "On a PostgreSQL server (%1)"), self.detail
            )
        return _Words(QT_TRANSLATE_NOOP("BoardLocation", "On this computer's disk"))

    def said_meaning(self, takeover_seconds: int | None = None) -> Sentence:
        """``meaning`` as the window says it, in the person's language (``said``)."""
        seconds = LOCK_TAKEOVER_SECONDS if takeover_seconds is None else takeover_seconds
        if self.kind == SHARE:
            return _Words(
                QT_TRANSLATE_NOOP(
                    "BoardLocation",
                    "Several people can use it; Renkei takes turns through a lock file beside the "
                    "board, and a computer that crashes while saving holds the others up for up "
                    "to %1 seconds.",
                ),
                seconds,
            )
        if self.kind == SYNCED:
            return _Words(
                QT_TRANSLATE_NOOP(
                    "BoardLocation",
                    "%1 copies the whole file after each save, and two people saving within its "
                    "sync delay get a conflict copy that Renkei offers to merge, so it suits one "
                    "person at a time; for a team, move the board to a server.",
                ),
                self.detail,
            )
        if self.kind == SERVER:
            return _Words(
                QT_TRANSLATE_NOOP(
                    "BoardLocation",
                    "The whole team can work on it at once, and each sees the others' changes "
                    "within seconds.",
                )
            )
        return _Words(
            QT_TRANSLATE_NOOP(
                "BoardLocation",
                "Only people at this computer can use it; to work on it as a team, move it to a "
                "server.",
            )
        )

    def meaning(self, takeover_seconds: int | None = None) -> str:
        """One plain sentence of what this place means for a team."""
        seconds = LOCK_TAKEOVER_SECONDS if takeover_seconds is None else takeover_seconds
        if self.kind == SHARE:
            return (
                "several people can use it; Renkei takes turns through a lock file beside "
                f"the board, and a computer that crashes while saving holds the others up "
                f"for up to {seconds} seconds."
            )
        if self.kind == SYNCED:
            return (
                f"{self.detail or 'the sync client'} copies the whole file after each save, "
                "and two people saving within its sync delay get a conflict copy that Renkei "
                "offers to merge, so it suits one person at a time; for a team, move the "
                "board to a server."
            )
        if self.kind == SERVER:
            return (
                "the whole team can work on it at once, and each sees the others' changes "
                "within seconds."
            )
        return (
            "only people at this computer can use it; to work on it as a team, move it to a server."
        )


def where(
    location: str | os.PathLike[str],
    *,
    platform: str | None = None,
    mountinfo: str | None = None,
    names: Callable[[str], Iterable[str]] | None = None,
) -> BoardLocation:
    """Where the board at ``location`` (a file path, or a server URL) lives.

    The keyword arguments stand in for the running system in tests: ``platform`` as
    ``sys.platform`` spells it, ``mountinfo`` the text of /proc/self/mountinfo, ``names(dir)``
    the entries of a folder."""
    text = os.fspath(location)
    if "://" in text:
        return BoardLocation(_without_password(text), SERVER, server_detail(text))
    platform = platform or sys.platform
    names = names or _listing
    if platform == "win32":
        path: PurePath = PureWindowsPath(_absolute_windows(text))
    else:
        path = PurePosixPath(_resolved(text))
    client = synced_client(path, names)
    if client:
        return BoardLocation(text, SYNCED, client)
    if platform == "win32":
        share = windows_share(str(path), _drive_type)
    elif platform == "darwin":
        share = _macos_share(str(path))
    else:
        share = _linux_mount_kind(str(path), mountinfo)
    if share is not None:
        kind, detail = share
        return BoardLocation(text, kind, detail)
    return BoardLocation(text, LOCAL, "")


# -- servers --------------------------------------------------------------------------------


def server_detail(url: str) -> str:
    """``host:port`` of a server URL, never its user or password."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return ""
    if port is None and parts.scheme.startswith("postgres"):
        port = 5432
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    return f"{host}:{port}" if host and port else host


def _without_password(url: str) -> str:
    """The URL as it may be shown: a password in it never reaches a message or a repr."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        user, _, host = parts.netloc.rpartition("@")
        return parts._replace(netloc=f"{user.split(':', 1)[0]}@{host}").geturl()
    except ValueError:
        return url.split("://", 1)[0] + "://…"


# -- Linux: /proc/self/mountinfo ----------------------------------------------------------


@dataclass(frozen=True)
class Mount:
    mount_point: str
    fstype: str
    source: str


def _unescape(field: str) -> str:
    r"""mountinfo writes space, tab, newline and backslash as octal: ``\040`` and so on."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 3 < len(field) and field[i + 1 : i + 4].isdigit():
            try:
                out.append(chr(int(field[i + 1 : i + 4], 8)))
                i += 4
                continue
            except ValueError:
                pass
        out.append(field[i])
        i += 1
    return "".join(out)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts of /proc/self/mountinfo, in order (a later mount on the same point hides
    an earlier one). A line is ``id parent major:minor root MOUNT-POINT options
    [optional fields…] - FSTYPE SOURCE super-options``; malformed lines are skipped."""
    mounts = []
    for line in text.splitlines():
        fields = line.split(" ")
        try:
            separator = fields.index("-", 6)
        except ValueError:
            continue
        if len(fields) < separator + 3 or len(fields) < 5:
            continue
        mounts.append(
            Mount(
                mount_point=_unescape(fields[4]),
                fstype=_unescape(fields[separator + 1]),
                source=_unescape(fields[separator + 2]),
            )
        )
    return mounts


def mount_for(path: str, mounts: Sequence[Mount]) -> Mount | None:
    """The mount holding ``path`` (absolute and resolved): the longest mount point that is
    the path itself or one of its folders; of equal ones, the last mounted."""
    best: Mount | None = None
    for mount in mounts:
        point = mount.mount_point
        inside = point == "/" or path == point or path.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= len(best.mount_point)):
            best = mount
    return best


# File-system types that reach another machine over the network.
NETWORK_FSTYPES = {
    "cifs": "cifs",
    "smb3": "smb3",
    "smbfs": "smbfs",
    "nfs": "nfs",
    "nfs4": "nfs4",
    "9p": "9p",
    "davfs": "davfs",
    "afs": "afs",
    "openafs": "afs",
    "ceph": "ceph",
    "glusterfs": "glusterfs",
    "lustre": "lustre",
    "gpfs": "gpfs",
    "beegfs": "beegfs",
    "ncpfs": "ncpfs",
    "virtiofs": "virtiofs",  # a host's folder inside a virtual machine
    "vboxsf": "vboxsf",
    "vmhgfs": "vmhgfs",
    "prl_fs": "prl_fs",
    # macOS statfs names
    "afpfs": "afpfs",
    "webdav": "webdav",
    "ftp": "ftp",
    "osxfuse": "osxfuse",
    "macfuse": "macfuse",
}

# FUSE file systems that keep their files on this computer (everything else under fuse.* —
# sshfs, rclone, smbnetfs, s3fs, gvfsd-fuse… — is treated as a network share).
LOCAL_FUSE = {
    "lxcfs",
    "portal",
    "doc",
    "squashfuse",
    "bindfs",
    "mergerfs",
    "ntfs-3g",
    "ntfs",
    "exfat",
    "encfs",
    "gocryptfs",
    "cryfs",
    "vmware-vmblock",
    "snapfuse",
    "fuse-overlayfs",
}


def classify_fstype(fstype: str, source: str = "") -> tuple[str, str]:
    """(kind, detail) of a mount's file-system type: ``fuse.sshfs`` → (SHARE, "sshfs"),
    ``cifs`` → (SHARE, "cifs"), ``ext4`` → (LOCAL, "ext4")."""
    name = fstype.lower()
    if name.startswith("fuse."):
        sub = fstype[len("fuse.") :]
        return (LOCAL if sub.lower() in LOCAL_FUSE else SHARE), sub
    if name == "fuse":
        # An untyped FUSE mount: its source often names the program ("sshfs#host:/dir").
        program = source.split("#", 1)[0] if "#" in source else source
        sub = program.rsplit("/", 1)[-1] or "fuse"
        return (LOCAL if sub.lower() in LOCAL_FUSE else SHARE), sub
    if name in NETWORK_FSTYPES:
        return SHARE, NETWORK_FSTYPES[name]
    return LOCAL, fstype


def _linux_mount_kind(path: str, mountinfo: str | None) -> tuple[str, str] | None:
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    mount = mount_for(path, parse_mountinfo(mountinfo))
    if mount is None:
        return None
    kind, detail = classify_fstype(mount.fstype, mount.source)
    return (kind, detail) if kind == SHARE else (LOCAL, detail)


# -- macOS: statfs ------------------------------------------------------------------------


def _macos_share(path: str) -> tuple[str, str] | None:
    fstype = _macos_fstypename(path)
    if not fstype:
        return None
    kind, detail = classify_fstype(fstype)
    return kind, detail


def _macos_fstypename(path: str) -> str | None:
    """``f_fstypename`` of the nearest existing folder, through libc's statfs (64-bit
    inode layout, as every macOS since 10.6 uses)."""
    import ctypes
    import ctypes.util

    class StatFs(ctypes.Structure):
        _fields_ = [
            ("f_bsize", ctypes.c_uint32),
            ("f_iosize", ctypes.c_int32),
            ("f_blocks", ctypes.c_uint64),
            ("f_bfree", ctypes.c_uint64),
            ("f_bavail", ctypes.c_uint64),
            ("f_files", ctypes.c_uint64),
            ("f_ffree", ctypes.c_uint64),
            ("f_fsid", ctypes.c_int32 * 2),
            ("f_owner", ctypes.c_uint32),
            ("f_type", ctypes.c_uint32),
            ("f_flags", ctypes.c_uint32),
            ("f_fssubtype", ctypes.c_uint32),
            ("f_fstypename", ctypes.c_char * 16),
            ("f_mntonname", ctypes.c_char * 1024),
            ("f_mntfromname", ctypes.c_char * 1024),
            ("f_flags_ext", ctypes.c_uint32),
            ("f_reserved", ctypes.c_uint32 * 7),
        ]

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        statfs = getattr(libc, "statfs$INODE64", None) or libc.statfs  # x86_64 / arm64
        statfs.argtypes = [ctypes.c_char_p, ctypes.POINTER(StatFs)]
        statfs.restype = ctypes.c_int
        target = _existing(path)
        result = StatFs()
        if statfs(os.fsencode(target), ctypes.byref(result)) != 0:
            return None
        name: bytes = result.f_fstypename
        return name.decode("utf-8", "replace")
    except (OSError, AttributeError, ValueError):
        return None


# -- Windows: UNC paths and remote drives ------------------------------------------------

DRIVE_REMOTE = 4


def windows_share(path: str, drive_type: Callable[[str], int]) -> tuple[str, str] | None:
    r"""(SHARE, "\\server\share") for a UNC path (``\\server\share\…``, ``\\?\UNC\…``, or
    with forward slashes), (SHARE, "network drive Z:") for a drive whose
    ``drive_type("Z:\\")`` is DRIVE_REMOTE; None otherwise."""
    text = path.replace("/", "\\")
    lowered = text.lower()
    if lowered.startswith("\\\\?\\unc\\"):
        rest = text[len("\\\\?\\UNC\\") :]
    elif lowered.startswith(("\\\\?\\", "\\\\.\\")):
        rest = None  # a long local path (\\?\C:\…) or a device
        text = text[4:]
    elif text.startswith("\\\\"):
        rest = text[2:]
    else:
        rest = None
    if rest is not None:
        server_share = "\\".join(rest.split("\\")[:2])
        return SHARE, f"\\\\{server_share}"
    if len(text) >= 2 and text[1] == ":" and text[0].isalpha():
        root = f"{text[0].upper()}:\\"
        try:
            remote = drive_type(root) == DRIVE_REMOTE
        except (OSError, AttributeError, ValueError):
            remote = False
        if remote:
            return SHARE, f"network drive {text[0].upper()}:"
    return None


def _drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _absolute_windows(text: str) -> str:
    if text.startswith(("\\\\", "//")):
        return text
    try:
        return os.path.abspath(os.path.expanduser(text))
    except (OSError, ValueError):
        return text


# -- synced folders (every system) --------------------------------------------------------

# Exact folder names a sync client makes for its root (or a well-known folder inside it).
SYNC_FOLDERS = {
    "OneDrive": "OneDrive",
    "Dropbox": "Dropbox",
    "Google Drive": "Google Drive",
    "My Drive": "Google Drive",
    "マイドライブ": "Google Drive",
    "Mobile Documents": "iCloud Drive",
    "com~apple~CloudDocs": "iCloud Drive",
    "iCloud Drive": "iCloud Drive",
    "iCloudDrive": "iCloud Drive",  # Windows
    "Box": "Box",
    "Box Sync": "Box",
    "Nextcloud": "Nextcloud",
    "ownCloud": "ownCloud",
}

# Name beginnings: OneDrive for Business ("OneDrive - 株式会社…"), a Dropbox team
# ("Dropbox (Company)"), and macOS File Provider folders under ~/Library/CloudStorage.
SYNC_PREFIXES = (
    ("OneDrive - ", "OneDrive"),
    ("OneDrive-", "OneDrive"),
    ("Dropbox (", "Dropbox"),
    ("GoogleDrive-", "Google Drive"),
    ("Box-", "Box"),
)

# Files a sync client keeps in its root folder.
SYNC_MARKERS = (
    (".stfolder", "Syncthing"),
    (".dropbox", "Dropbox"),
    (".dropbox.cache", "Dropbox"),
    (".sync_*.db", "Nextcloud"),
    ("._sync_*.db", "Nextcloud"),
)


def client_by_name(folder: str, parent: str = "") -> str | None:
    """The sync client whose root (or known folder) is named ``folder``, if any."""
    if folder in SYNC_FOLDERS:
        return SYNC_FOLDERS[folder]
    for prefix, client in SYNC_PREFIXES:
        if folder.startswith(prefix):
            return client
    if parent == "CloudStorage" and folder:
        # macOS File Provider: every folder here is synced ("pCloud-…", "ProtonDrive-…").
        return folder.split("-", 1)[0]
    return None


def client_by_markers(entries: Iterable[str]) -> str | None:
    """The sync client whose marker files are among a folder's ``entries``."""
    listed = set(entries)
    for pattern, client in SYNC_MARKERS:
        if "*" in pattern:
            if any(fnmatch.fnmatchcase(name, pattern) for name in listed):
                return client
        elif pattern in listed:
            return client
    return None


def synced_client(path: PurePath, names: Callable[[str], Iterable[str]]) -> str | None:
    """The sync client of the folders holding the board file at ``path``, or None.

    Marker files count first, nearest folder first (they prove a sync root); then folder
    names, outermost first (so a "Box" folder inside Dropbox is Dropbox's)."""
    folders = list(path.parents)  # nearest first
    for folder in folders:
        if folder == folder.parent:
            continue  # the root: no sync client keeps its marker there
        client = client_by_markers(names(str(folder)))
        if client:
            return client
    for folder in reversed(folders):
        client = client_by_name(folder.name, folder.parent.name)
        if client:
            return client
    return None


def _listing(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _resolved(text: str) -> str:
    try:
        return os.path.realpath(os.path.expanduser(text))
    except (OSError, ValueError):
        return os.path.abspath(text)


def _existing(path: str) -> str:
    """The path, or its nearest folder that exists (a board about to be made)."""
    current = Path(path)
    while not current.exists() and current != current.parent:
        current = current.parent
    return str(current)
