"""One folder served over SSH on loopback and mounted twice with sshfs: two "laptops" on one
kernel. A POSIX lock taken through one mount is not seen through the other (each FUSE mount
keeps its own locks), exactly as between two real machines on a share whose locks do not
cross. Everything runs on 127.0.0.1: an ``sshd`` of its own on a free port with keys made
here, never the system's sshd or /etc/ssh.

Every process is started here and stopped here by its id (sshd, each sshfs), each in a
session of its own so a kill reaches its children (sshfs's ssh)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HOST = "127.0.0.1"
SSHD = "/usr/sbin/sshd"
TOOLS = ("sshfs", "ssh", "ssh-keygen")
# The folder OpenSSH's sshd insists on for privilege separation; Debian's service makes it.
PRIVSEP = Path("/run/sshd")


def missing() -> str | None:
    """Why the bench cannot run on this machine, or None."""
    if not sys.platform.startswith("linux"):
        return "the share bench runs on Linux (sshd + sshfs over FUSE)"
    if os.geteuid() != 0:
        return "the share bench runs as root (its own sshd, a host name per laptop, FUSE)"
    if not Path("/dev/fuse").exists():
        return "/dev/fuse is missing: this machine (or container) has no FUSE"
    absent = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not Path(SSHD).exists():
        absent.append(SSHD)
    if absent:
        return (
            f"not installed: {', '.join(absent)} "
            "(apt-get install openssh-server openssh-client sshfs)"
        )
    if not (shutil.which("fusermount3") or shutil.which("fusermount")):
        return "fusermount is missing (it comes with fuse3, which sshfs needs)"
    if shutil.which("unshare") is None:
        return "unshare is missing (util-linux): the two laptops need host names of their own"
    tried = subprocess.run(on_laptop("probe", ["true"]), capture_output=True, text=True)
    if tried.returncode != 0:
        return (
            "unshare --uts is refused here, so the two laptops would share one host name: "
            + (tried.stderr.strip() or f"exit {tried.returncode}")[:200]
        )
    return None


def on_laptop(name: str, argv: list[str]) -> list[str]:
    """``argv`` run as on the computer ``laptop-NAME``: in a UTS namespace of its own with
    that host name. Renkei tells computers apart by host name (a lease names its holder's
    computer, and may take over the lease of a process gone from *this* computer only), so
    without it both mounts would be one computer to Renkei, and a vanished laptop's lease
    would be judged by its process id rather than, as between real machines, by its
    heartbeat. ``unshare`` and ``sh`` exec the command: its id is the one started."""
    script = 'hostname "$0" && exec "$@"'
    return ["unshare", "--uts", "--", "sh", "-c", script, f"laptop-{name}", *argv]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def mounted(path: Path) -> bool:
    """Is something mounted at ``path``? From the kernel's table: a FUSE mount whose process
    was killed answers every stat with "Transport endpoint is not connected", which
    os.path.ismount reads as "not a mount"."""
    target = str(path).replace("\\", "\\134").replace(" ", "\\040")
    with open("/proc/self/mounts", encoding="utf-8") as table:
        return any(line.split()[1] == target for line in table if line.strip())


def _group_kill(process: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    """Signal the process's own session (it was started with start_new_session: its id is
    the group's), then reap it."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def _children(pid: int) -> list[int]:
    """The ids of the processes whose parent is ``pid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # it ended meanwhile
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    """Still running (a zombie, dead but not yet reaped by its new parent, is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


class Mount:
    """One sshfs mount of the shared folder, its sshfs process started in the foreground
    (``-f``) so its id is known and it can be killed, as a lost network would."""

    def __init__(self, share: SshShare, name: str):
        self.share = share
        self.name = name
        self.path = share.root / f"mount-{name}"
        self.path.mkdir()
        self.log = share.root / f"sshfs-{name}.log"
        self.process: subprocess.Popen | None = None

    def run(self, argv: list[str]) -> list[str]:
        """``argv`` as run on this mount's laptop (see on_laptop)."""
        return on_laptop(self.name, argv)

    def start(self) -> None:
        s = self.share
        options = ",".join(
            (
                f"IdentityFile={s.client_key}",
                "StrictHostKeyChecking=no",
                "UserKnownHostsFile=/dev/null",
                "BatchMode=yes",
                "LogLevel=ERROR",
            )
        )
        argv = [
            "sshfs",
            "-f",  # in the foreground: this process is the mount (its id is the one to kill)
            "-F",
            "/dev/null",  # no ssh_config of the machine's user
            "-p",
            str(s.port),
            "-o",
            options,
            f"root@{HOST}:{s.folder}",
            str(self.path),
        ]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 30
        while not mounted(self.path):
            if self.process.poll() is not None or time.monotonic() > deadline:
                said = self.log.read_text(errors="replace")[-600:]
                raise RuntimeError(f"sshfs did not mount {self.name}: {said}")
            time.sleep(0.05)

    def cut(self) -> None:
        """The share vanishes: SIGKILL this mount's sshfs by its id. What is open through
        the mount then fails with "Transport endpoint is not connected"."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if mounted(self.path):  # lazily: a cut mount or a process still in it
            fusermount = shutil.which("fusermount3") or shutil.which("fusermount") or "true"
            done = subprocess.run(
                [fusermount, "-u", "-z", str(self.path)], capture_output=True, check=False
            )
            if done.returncode != 0:
                subprocess.run(["umount", "-l", str(self.path)], capture_output=True, check=False)
        if self.process is not None:
            _group_kill(self.process)


class SshShare:
    """sshd on a free loopback port serving ``folder``; mounts ``a`` and ``b`` of it."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="renkei-fault-share-"))
        self.folder = self.root / "shared"  # the plain local folder both mounts show
        self.folder.mkdir()
        self.keys = self.root / "keys"
        self.keys.mkdir(mode=0o700)
        self.host_key = self.keys / "host_ed25519"
        self.client_key = self.keys / "client_ed25519"
        self.port = free_port()
        self.sshd: subprocess.Popen | None = None
        self.sshd_log = self.root / "sshd.log"
        self.a = Mount(self, "a")
        self.b = Mount(self, "b")

    def start(self) -> None:
        for key in (self.host_key, self.client_key):
            subprocess.run(
                ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)],
                check=True,
                capture_output=True,
            )
        authorized = self.keys / "authorized_keys"
        shutil.copy(self.client_key.with_suffix(".pub"), authorized)
        config = self.keys / "sshd_config"
        config.write_text(
            textwrap.dedent(
                f"""\
                ListenAddress {HOST}
                Port {self.port}
                HostKey {self.host_key}
                PidFile none
                AuthorizedKeysFile {authorized}
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin prohibit-password
                StrictModes no
                UsePAM no
                Subsystem sftp internal-sftp
                """
            )
        )
        PRIVSEP.mkdir(mode=0o755, exist_ok=True)
        with self.sshd_log.open("w") as log:
            self.sshd = subprocess.Popen(
                [SSHD, "-D", "-e", "-f", str(config), "-p", str(self.port)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 20
        while True:
            with socket.socket() as probe:
                if probe.connect_ex((HOST, self.port)) == 0:
                    break
            if self.sshd.poll() is not None or time.monotonic() > deadline:
                said = self.sshd_log.read_text(errors="replace")[-600:]
                raise RuntimeError(f"sshd did not start on {HOST}:{self.port}: {said}")
            time.sleep(0.05)
        self.a.start()
        self.b.start()

    def stop(self) -> None:
        """Unmount both and stop sshd (and the sftp sessions it forked, in its session),
        whatever state they are in; then delete the folder."""
        for mount in (self.a, self.b):
            mount.stop()
        if self.sshd is not None:
            # sshd serves each connection from a child in a session of its own: it ends when
            # its sshfs is gone (above); one that does not is ended by its id.
            children = _children(self.sshd.pid)
            _group_kill(self.sshd, signal.SIGTERM)
            _group_kill(self.sshd)
            deadline = time.monotonic() + 5
            while children and time.monotonic() < deadline:
                children = [pid for pid in children if _alive(pid)]
                time.sleep(0.05)
            for pid in children:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        if not any(mounted(m.path) for m in (self.a, self.b)):
            shutil.rmtree(self.root, ignore_errors=True)
