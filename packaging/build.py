#!/usr/bin/env python3
"""Build the desktop app with PyInstaller, print the figures, and smoke-test the result.

    python packaging/build.py                 # build into dist/renkei/, then smoke-test it
    python packaging/build.py --no-build      # smoke-test the dist/renkei/ already there
    python packaging/build.py --no-smoke      # build only

Run it from a virtual environment with Renkei and PyInstaller installed
(``pip install -e ".[test,dev]" pyinstaller``). Steps:

1. ``packaging/update_translations.py build`` when that script exists (the .qm files are built,
   not committed), so the app ships its translations;
2. PyInstaller with ``packaging/renkei.spec`` → ``dist/renkei/`` (work files in ``build/``);
   prints the build time and the folder's size;
3. the smoke test (Linux; macOS and Windows need their own run of the same steps): a copy
   of the folder in a temporary directory, started with an empty environment — only HOME,
   the XDG folders (all temporary), LANG=C.UTF-8, QT_QPA_PLATFORM=offscreen and
   PATH=/usr/bin:/bin, so no Python, virtual environment or checkout can help it — runs
   ``--version``; ``demo --lang ja`` (Alembic migrations from files); ``tasks`` and
   ``tasks --json``; ``export pdf`` (read back with pdfinfo/pdftotext/pdffonts: the
   Japanese names come back exactly, the bundled font is embedded); ``snapshot --view
   kanban`` (a 1600×1000 PNG); a PostgreSQL URL (the psycopg driver is bundled: the error
   is about the connection, not the driver); and the window itself, offscreen for a few
   seconds: it must open the board (recorded in the settings file) and not crash.

Exit status 0 when every check passes. Building takes about half a minute on two cores.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "renkei.spec"
TRANSLATIONS = ROOT / "packaging" / "update_translations.py"
EXE_NAME = "renkei.exe" if sys.platform == "win32" else "renkei"


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under ``folder``, symlinks not followed."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def build(dist: Path, work: Path) -> None:
    if TRANSLATIONS.exists():
        print("== translations: packaging/update_translations.py build", flush=True)
        subprocess.run([sys.executable, str(TRANSLATIONS), "build"], cwd=ROOT, check=True)
    else:
        print("== translations: packaging/update_translations.py not here; no .qm files built")
    print(f"== PyInstaller {SPEC.relative_to(ROOT)} → {dist}", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        cwd=ROOT,
        check=True,
    )
    seconds = time.perf_counter() - started
    size, files = folder_size(dist / "renkei")
    print(f"build time: {seconds:.0f} s")
    print(f"dist/renkei: {size / 1e6:.0f} MB in {files:,} files")


class Smoke:
    """Runs the copied app with a clean environment and keeps score."""

    def __init__(self, app_folder: Path, scratch: Path):
        self.scratch = scratch
        self.app = scratch / "app"
        shutil.copytree(app_folder, self.app, symlinks=True)
        self.exe = self.app / EXE_NAME
        home = scratch / "home"
        self.env = {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(scratch / "run"),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "PATH": "/usr/bin:/bin",
        }
        for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            Path(self.env[key]).mkdir(parents=True, exist_ok=True, mode=0o700)
        self.work = scratch / "work"
        self.work.mkdir()
        self.failures: list[str] = []

    def run(
        self, *args: str, timeout: float = 120, lang: str | None = None
    ) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(self.exe), *args],
            cwd=self.work,
            env={**self.env, "LANG": lang} if lang else self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
        )

    def check(self, name: str, ok: bool, detail: str = "", seconds: float | None = None) -> bool:
        took = f" ({seconds:.1f} s)" if seconds is not None else ""
        print(f"  {'ok  ' if ok else 'FAIL'} {name}{took}" + (f": {detail}" if detail else ""))
        if not ok:
            self.failures.append(name)
        return ok

    def command(self, name: str, *args: str) -> subprocess.CompletedProcess | None:
        started = time.perf_counter()
        result = self.run(*args)
        seconds = time.perf_counter() - started
        problem = "" if result.returncode == 0 else (result.stderr or result.stdout)[-1500:]
        ok = self.check(f"renkei {' '.join(args)}", result.returncode == 0, problem, seconds)
        return result if ok else None


def smoke(app_folder: Path, gui_seconds: float) -> int:
    print(f"== smoke test of a copy of {app_folder} with a clean environment", flush=True)
    with tempfile.TemporaryDirectory(prefix="renkei-smoke-") as tmp:
        s = Smoke(app_folder, Path(tmp))
        board = "T.renkei"
        from renkei import __version__

        result = s.command("version", "--version")
        if result is not None:
            s.check("prints the version", result.stdout.strip() == f"renkei {__version__}")
        if s.command("demo", "--board", board, "demo", "--lang", "ja") is None:
            print("smoke: no board, nothing more to test", file=sys.stderr)
            return 1
        s.command("tasks", "--board", board, "tasks")
        result = s.command("tasks json", "--board", board, "tasks", "--json")
        tasks = json.loads(result.stdout) if result is not None else []
        owners = sorted({t["owner"] for t in tasks if t.get("owner")})
        s.check("the Japanese demo has tasks and owners", len(tasks) >= 50 and bool(owners))

        # The full report: its appendix names every owner (the two-page summary only those of
        # the top risks), so every Japanese name can be looked for in the text layer.
        full = ("export", "pdf", "--full", "out.pdf")
        if s.command("export", "--board", board, *full) is not None:
            check_pdf(s, s.work / "out.pdf", owners)
            s.check(
                "English words under an English locale",
                "Status report" in pdf_text(s.work / "out.pdf"),
            )
        result = s.run("--board", board, "export", "pdf", "ja.pdf", lang="ja_JP.UTF-8")
        words = pdf_text(s.work / "ja.pdf") if result.returncode == 0 else result.stderr
        s.check(
            "Japanese words under a Japanese locale (the catalogue is bundled)",
            "状況レポート" in words and "Status report" not in words,
            words[:200] if result.returncode else "",
        )

        if s.command("snapshot", "--board", board, "snapshot", "--view", "kanban", "k.png"):
            png = (s.work / "k.png").read_bytes()
            width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
            s.check(
                "the snapshot is a 1600×1000 PNG",
                png[:4] == b"\x89PNG" and (width, height) == (1600, 1000),
                f"{width}×{height}",
            )

        result = s.run("--board", "postgresql+psycopg://nobody@127.0.0.1:9/none", "tasks")
        s.check(
            "PostgreSQL: the psycopg driver is bundled",
            result.returncode == 1 and "driver" not in result.stderr and "renkei:" in result.stderr,
            result.stderr.strip()[:200],
        )
        check_gui(s, board, owners[0] if owners else None, gui_seconds)

        if s.failures:
            print(f"smoke: {len(s.failures)} check(s) failed: {', '.join(s.failures)}")
            return 1
        print("smoke: every check passed")
        return 0


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True
    )
    return done.stdout


def check_pdf(s: Smoke, pdf: Path, owners: list[str]) -> None:
    if not all(shutil.which(t) for t in ("pdfinfo", "pdftotext", "pdffonts")):
        s.check("PDF read back", False, "install poppler-utils (pdfinfo, pdftotext, pdffonts)")
        return
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "")
    s.check("the PDF has pages", pages.isdigit() and int(pages) > 1, f"{pages} pages")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    found = [name for name in owners if name in text]
    s.check(
        "the PDF's text layer has the Japanese names exactly",
        bool(owners) and len(found) == len(owners),
        f"{len(found)} of {len(owners)} owners, e.g. {found[:2]}",
    )
    radicals = [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
    s.check("no look-alike radicals in the text layer", not radicals, "".join(radicals[:10]))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    s.check("the bundled font is embedded", "RenkeiSansJP" in fonts)
    # Latin letters and digits come from the Latin face named first (render.fonts).
    s.check("the bundled Latin font is embedded", "RenkeiSansLatin" in fonts)


def check_gui(s: Smoke, board: str, person: str | None, seconds: float) -> None:
    """The window opens the board and keeps running; then it is stopped."""
    args = [str(s.exe), "--board", board] + (["--as", person] if person else [])
    started = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=s.work, env=s.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    settings = Path(s.env["XDG_CONFIG_HOME"]) / "Renkei" / "settings.json"
    opened = False
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        opened = opened or (settings.exists() and board in settings.read_text(encoding="utf-8"))
        time.sleep(0.2)
    running = process.poll() is None
    foreign = python_outside(process.pid, s.app) if running else []
    if running:
        process.send_signal(signal.SIGTERM)
    try:
        _out, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
    took = time.perf_counter() - started
    s.check(
        f"the window opens the board and runs {seconds:.0f} s without crashing",
        running and opened and "Traceback" not in err,
        ""
        if running and opened and "Traceback" not in err
        else f"running={running} opened={opened} exit={process.returncode} {err[-1500:]}",
        took,
    )
    if running and Path("/proc").is_dir():
        s.check(
            "the window loads no Python, PySide6 or Qt from outside the folder",
            not foreign,
            ", ".join(foreign[:5]),
        )


def python_outside(pid: int, app: Path) -> list[str]:
    """Files mapped into the running app (Linux /proc) that look like a Python or Qt
    installation outside the app's own folder: there must be none."""
    try:
        maps = Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return []
    paths = {line.split(maxsplit=5)[5] for line in maps.splitlines() if len(line.split()) == 6}
    suspicious = ("python", "site-packages", "pyside6", "shiboken", "libqt6", "venv")
    return sorted(
        p
        for p in paths
        if p.startswith("/")
        and not p.startswith(str(app))
        and any(word in p.lower() for word in suspicious)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="test the existing dist/renkei")
    parser.add_argument("--no-smoke", action="store_true", help="build only")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="default: dist/")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="default: build/")
    parser.add_argument(
        "--gui-seconds", type=float, default=8.0, help="how long the window must run (8)"
    )
    args = parser.parse_args(argv)
    if not args.no_build:
        build(args.dist.resolve(), args.work.resolve())
    app_folder = args.dist.resolve() / "renkei"
    if args.no_smoke:
        return 0
    if not (app_folder / EXE_NAME).exists():
        print(f"build.py: {app_folder / EXE_NAME} is not there; build first", file=sys.stderr)
        return 1
    if sys.platform == "win32":
        print("build.py: the smoke test runs on Linux and macOS (POSIX environment)")
        return 0
    return smoke(app_folder, args.gui_seconds)


if __name__ == "__main__":
    sys.exit(main())
