"""`renkei snapshot`: every view drawn to a PNG of the size asked for, from a real process
with no display; a bad view or size is refused with a clear message."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from renkei.ui.snapshot import VIEWS

CLI = "from renkei.cli.main import main; raise SystemExit(main())"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", CLI, *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture(scope="module")
def demo_board(tmp_path_factory):
    path = tmp_path_factory.mktemp("snap") / "demo.renkei"
    assert run("--board", str(path), "demo").returncode == 0
    return path


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_draws_to_a_png_of_the_asked_size(demo_board, tmp_path, view):
    out = tmp_path / f"{view}.png"
    done = run(
        "--board", str(demo_board), "snapshot", "--view", view, "--size", "1280x720", str(out)
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
    # Not a blank picture: many distinct colours (text, badges, bars).
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 720, 16)}
    assert len(colours) > 20


def test_the_standup_holds_at_4k(demo_board, tmp_path):
    out = tmp_path / "standup-4k.png"
    done = run(
        "--board", str(demo_board), "snapshot", "--view", "standup", "--size", "3840x2160", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).size().width() == 3840


def test_an_unknown_view_is_refused(demo_board, tmp_path):
    done = run("--board", str(demo_board), "snapshot", "--view", "gantt", str(tmp_path / "x.png"))
    assert done.returncode != 0 and "invalid choice: 'gantt'" in done.stderr
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("theme", ["dark", "high_contrast"])
def test_snapshot_draws_the_board_in_a_theme(demo_board, tmp_path, theme):
    """--theme draws the whole window in it: the menu bar's empty corner is the theme's window."""
    from renkei.render.theme import THEMES

    out = tmp_path / f"kanban-{theme}.png"
    done = run("--board", str(demo_board), "snapshot", "--theme", theme, str(out))
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    right = image.width()
    corner = {image.pixelColor(x, y).name() for x in range(right - 60, right) for y in range(6)}
    assert corner == {THEMES[theme].window.name()}


def test_snapshot_refuses_an_unknown_theme(demo_board, tmp_path):
    done = run("--board", str(demo_board), "snapshot", "--theme", "purple", str(tmp_path / "x"))
    assert done.returncode == 2 and "purple" in done.stderr


def test_snapshot_draws_any_standup_slide_and_page(demo_board, tmp_path):
    """--slide N --page P draws the slide the presentation shows after N-1 → and P-1 ↓: the
    demo's timeline (slide 6) at 720p has a second page of rows; a slide past the last is
    the last; page 0 is refused."""

    def shot(name: str, *extra: str) -> QImage:
        out = tmp_path / f"{name}.png"
        args = ("--board", str(demo_board), "snapshot", "--view", "standup", "--size")
        done = run(*args, "1280x720", *extra, str(out))
        assert done.returncode == 0, done.stderr
        return QImage(str(out))

    first = shot("s1")
    assert shot("s1p1", "--slide", "1", "--page", "1") == first
    timeline = shot("s6", "--slide", "6")
    assert timeline != first
    assert shot("s6p2", "--slide", "6", "--page", "2") != timeline
    assert shot("s99", "--slide", "99") == shot("s7", "--slide", "7")
    done = run("--board", str(demo_board), "snapshot", "--view", "standup", "--page", "0", "x.png")
    assert done.returncode == 2 and "--page" in done.stderr
