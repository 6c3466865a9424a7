"""`renkei export pdf`: the status report from a terminal with no display; wrong input is
a clear message, a non-zero exit and no file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CLI = "from renkei.cli.main import main; raise SystemExit(main())"
pytestmark = pytest.mark.usefixtures("poppler")


def run(*args: str, lang: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    if lang:
        env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-c", CLI, *args], capture_output=True, text=True, env=env, timeout=180
    )


@pytest.fixture(scope="module")
def demo_board(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "demo.renkei"
    assert run("--board", str(path), "demo").returncode == 0
    return path


def pdfinfo(path) -> dict[str, str]:
    text = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in text.stdout.splitlines() if ":" in line)


def test_export_needs_no_display_and_says_what_it_wrote(demo_board, tmp_path):
    out = tmp_path / "status.pdf"
    done = run(
        "--board", str(demo_board), "export", "pdf", str(out), "--paper", "letter", "--full"
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote the status report" in done.stdout and str(out) in done.stdout
    info = pdfinfo(out)
    assert info["Page size"].strip().startswith("612 x 792")
    assert 3 < int(info["Pages"]) <= 8


def test_without_full_the_report_is_the_two_page_summary(demo_board, tmp_path):
    out = tmp_path / "summary.pdf"
    done = run("--board", str(demo_board), "export", "pdf", str(out))
    assert done.returncode == 0, done.stderr
    assert "(2 pages, A4)" in done.stdout
    assert int(pdfinfo(out)["Pages"]) == 2


def test_a_leads_status_line_is_on_page_one(demo_board, tmp_path):
    out = tmp_path / "status.pdf"
    done = run(
        "--board",
        str(demo_board),
        "export",
        "pdf",
        str(out),
        "--status",
        "Field Sales=Off track: waiting for legal review",
        "--status",
        "tokyo trade show=on-track",
    )
    assert done.returncode == 0, done.stderr
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(out), "-"],
        capture_output=True,
        text=True,
    ).stdout
    field = next(line for line in first.splitlines() if line.lstrip().startswith("Field Sales"))
    assert "Off track" in field and "waiting for legal review" in field
    tokyo = next(line for line in first.splitlines() if "Tokyo trade show" in line)
    assert "On track" in tokyo


def test_one_team_only(demo_board, tmp_path):
    out = tmp_path / "field.pdf"
    done = run(
        "--board",
        str(demo_board),
        "export",
        "pdf",
        str(out),
        "--team",
        "Field Sales",
        "--since",
        "2026-11-01",
    )
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Field Sales" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--team", "Legal"], "no team called 'Legal'"),
        (["--since", "yesterday"], "is not a date"),
        (["--paper", "a3"], "invalid choice: 'a3'"),
        (["--status", "Legal=At risk: x"], "no team or project called 'Legal'"),
        (["--status", "Field Sales=Fine: x"], "'Fine' is not a health"),
        (["--status", "Field Sales"], "write NAME=HEALTH"),
    ],
)
def test_wrong_input_is_refused_and_writes_nothing(demo_board, tmp_path, args, message):
    out = tmp_path / "x.pdf"
    done = run("--board", str(demo_board), "export", "pdf", str(out), *args)
    assert done.returncode != 0 and message in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_is_a_clear_error(demo_board, tmp_path):
    out = tmp_path / "no-such-folder" / "x.pdf"
    done = run("--board", str(demo_board), "export", "pdf", str(out))
    assert done.returncode == 1 and "could not write" in done.stderr
    assert not out.parent.exists()


def test_under_a_japanese_locale_the_report_is_japanese(tmp_path):
    """A Japanese lead's demo board, exported headless: the words follow the locale."""
    board = tmp_path / "ja.renkei"
    assert run("--board", str(board), "demo", lang="ja_JP.UTF-8").returncode == 0
    out = tmp_path / "status.pdf"
    done = run("--board", str(board), "export", "pdf", str(out), lang="ja_JP.UTF-8")
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "状況レポート" in text and "Status report" not in text
