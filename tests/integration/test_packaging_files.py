"""The desktop integration files pass the freedesktop validators, and the icons they name
ship with the app and match their SVG sources."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.renkei.Renkei"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / f"{APP_ID}.metainfo.xml"


def _tool(name: str, package: str) -> str:
    """The validator's path, or the test skips (fails in CI, where .ci/run installs it)."""
    path = shutil.which(name)
    if path is None:
        message = f"this test needs {name} (apt-get install {package})"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI is set: these tests must run, not skip)", pytrace=False)
        pytest.skip(message)
    return path


def test_desktop_file_passes_desktop_file_validate():
    """desktop-file-validate finds no error and no warning (0.26 prints nothing at all;
    newer versions may add hints, which are advice, not failures)."""
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [
        line for line in result.stdout.splitlines() if ": error:" in line or ": warning:" in line
    ]
    assert problems == [], result.stdout


def test_metainfo_passes_appstreamcli_validate():
    """appstreamcli validate (offline) accepts the AppStream file: no error, no warning."""
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO_FILE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert problems == [], result.stdout


def test_desktop_file_and_metainfo_agree_with_the_app():
    """One app id everywhere: the file names, the icon, the launchable, the window's
    desktop file name; Exec runs the console script; both languages are there."""
    from renkei.ui.icons import APP_ID as UI_APP_ID

    assert UI_APP_ID == APP_ID
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP_FILE, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Icon"] == APP_ID
    assert desktop["Exec"].split()[0] == "renkei"
    assert "連携" in desktop["Name[ja]"] and desktop["Comment[ja]"]
    assert "Office;" in desktop["Categories"]

    root = ET.parse(METAINFO_FILE).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("project_license") == "MIT"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert any(s.get(lang) == "ja" for s in root.findall("summary"))
    from renkei import __version__

    assert root.find("releases/release").get("version") == __version__


def test_the_installed_package_carries_the_icon_at_every_size(qapp):
    """The window icon comes from package data (16 … 512 px), so pip and PyInstaller
    installs both have it."""
    from renkei.ui.icons import ICON_SIZES, app_icon

    icon = app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in ICON_SIZES} <= sizes


def _mean_difference(a, b) -> float:
    """Mean absolute difference per channel (0–255) of two same-sized images."""
    from PySide6.QtGui import QImage

    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    assert a.size() == b.size()
    da, db = bytes(a.constBits()), bytes(b.constBits())
    return sum(abs(x - y) for x, y in zip(da, db, strict=True)) / len(da)


def test_icon_files_are_rendered_from_the_current_svgs(qapp):
    """Each PNG is what packaging/make_icons.py makes of the SVGs today (within a rounding
    tolerance, as Qt versions antialias a little differently), and the .ico/.icns exist."""
    import importlib.util

    from PySide6.QtGui import QImage

    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)
    for size in make_icons.PNG_SIZES:
        stored = QImage(str(make_icons.png_path(size)))
        assert stored.width() == size, f"{size} px icon missing or wrong size"
        fresh = QImage.fromData(make_icons.render_png(size), "PNG")
        assert _mean_difference(stored, fresh) < 2.0, f"rerun packaging/make_icons.py ({size} px)"
    assert (PACKAGING / "renkei.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (PACKAGING / "renkei.icns").read_bytes()[:4] == b"icns"


def test_the_app_starts_with_its_icon_and_desktop_file_name():
    """A fresh start names its desktop file (Wayland matches the window to the desktop
    entry by it) and sets the window icon (X11 and the taskbars show it)."""
    script = (
        "from renkei.ui.app import create_application\n"
        "app = create_application()\n"
        "sizes = sorted(s.width() for s in app.windowIcon().availableSizes())\n"
        "print(app.desktopFileName(), sizes)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(maxsplit=1) == [APP_ID, "[16, 24, 32, 48, 64, 128, 256, 512]\n"]
