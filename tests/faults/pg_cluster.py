"""A private PostgreSQL cluster for one test: initdb in a temporary folder, started on a free
port of its own, restarted at will, stopped and deleted afterwards. Never the shared server.

As root the tools run as the ``postgres`` user (initdb refuses root), in a folder it owns."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

HOST = "127.0.0.1"


def tools_folder() -> Path | None:
    """The newest PostgreSQL's bin folder that has initdb and pg_ctl, or None."""
    found = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")]
    found = [p for p in found if (p / "initdb").exists() and (p / "pg_ctl").exists()]
    found.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class PrivateCluster:
    def __init__(self, tools: Path):
        self.tools = tools
        self.as_postgres = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="renkei-fault-pg-"))
        if self.as_postgres:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = free_port()

    def _run(self, tool: str, *args: str, timeout: float = 120) -> str:
        command = [str(self.tools / tool), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        # Output to a file, not a pipe: a server that pg_ctl starts keeps its pipes open.
        with tempfile.TemporaryFile("w+") as out:
            result = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=timeout,
                check=False,
                cwd=self.folder,
                env=dict(os.environ, LC_ALL="C"),
            )
            out.seek(0)
            said = out.read()
        if result.returncode != 0:
            raise RuntimeError(f"{tool} {args[0]} failed: {said[-800:]}")
        return said

    def init(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses={HOST} "
            "-c fsync=off -c shared_buffers=16MB -c max_connections=40"
        )
        self._run(
            "pg_ctl",
            "start",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-w",
            "-t",
            "60",
            "-o",
            options,
        )

    def restart(self) -> float:
        """``pg_ctl restart -m fast``: every connection is cut; seconds it took."""
        began = time.monotonic()
        self._run(
            "pg_ctl",
            "restart",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-m",
            "fast",
            "-w",
            "-t",
            "60",
        )
        return time.monotonic() - began

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate", "-w")
        shutil.rmtree(self.folder, ignore_errors=True)

    def dsn(self, database: str = "postgres") -> str:
        return f"host={HOST} port={self.port} user=postgres dbname={database} connect_timeout=5"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@{HOST}:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
