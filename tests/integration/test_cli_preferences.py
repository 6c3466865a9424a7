"""The command line honours Preferences: the default board when --board is not given, and
the lead's risk thresholds in `tasks` and in the PDF report."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from renkei.app import paths
from renkei.app.settings import LocalSettings
from renkei.cli.main import main

CLI = "from renkei.cli.main import main; raise SystemExit(main())"


@pytest.fixture
def team_board(tmp_path, demo_boards):
    """A demo board somewhere else than the built-in one."""
    return demo_boards.copy(tmp_path / "share" / "team.renkei", "en", name="Team board")


def prefer(**values) -> None:
    settings = LocalSettings.load()
    for key, value in values.items():
        setattr(settings, key, value)
    settings.save()


def tasks_json(capsys, *argv: str) -> list[dict]:
    assert main([*argv, "tasks", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def stale_titles(tasks: list[dict]) -> set[str]:
    return {t["title"] for t in tasks if any("No activity" in r for r in t["risk_reasons"])}


def test_without_board_the_cli_opens_the_default_board(capsys, team_board):
    """`renkei tasks` reads the default board from Preferences, not the built-in one."""
    prefer(default_board=str(team_board))
    tasks = tasks_json(capsys)
    assert len(tasks) >= 50
    assert not paths.default_board_path().exists()  # the built-in board was never made


def test_board_option_beats_the_default_board(capsys, team_board, tmp_path):
    """--board still names the board; the default board is only the default."""
    prefer(default_board=str(tmp_path / "nowhere.renkei"))
    assert len(tasks_json(capsys, "--board", str(team_board))) >= 50


def test_an_unreachable_default_board_is_a_clear_error(capsys, tmp_path):
    """A default board that is gone: exit 1 with what and where to change it; nothing made."""
    missing = tmp_path / "gone" / "team.renkei"
    prefer(default_board=str(missing))
    assert main(["tasks"]) == 1
    err = capsys.readouterr().err
    assert "default board" in err and str(missing) in err and "Preferences" in err
    assert not missing.exists() and not paths.default_board_path().exists()


def test_thresholds_from_preferences_decide_stale_in_tasks(capsys, team_board):
    """stale_days=1 calls more tasks stale than the usual 7; 90 calls none stale."""
    board = ("--board", str(team_board))
    usual = stale_titles(tasks_json(capsys, *board))
    prefer(stale_days=1)
    strict = stale_titles(tasks_json(capsys, *board))
    prefer(stale_days=90)
    lenient = stale_titles(tasks_json(capsys, *board))
    assert usual and usual < strict
    assert lenient == set()


def test_the_pdf_report_uses_the_same_thresholds(team_board, tmp_path, poppler):
    """The status report's risk sentences follow Preferences like the screen does."""

    def stale_lines(name: str) -> int:
        out = tmp_path / name
        # In a process of its own: the export makes a QGuiApplication, which must not be
        # left behind for the widget tests.
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
        done = subprocess.run(
            [sys.executable, "-c", CLI, "--board", str(team_board), "export", "pdf", "--full"]
            + [str(out)],
            capture_output=True,
            text=True,
            env=env,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        return text.count("No activity for")  # the reasons in the appendix's team tables

    usual = stale_lines("usual.pdf")
    prefer(stale_days=90)
    assert usual > 0
    assert stale_lines("lenient.pdf") == 0
