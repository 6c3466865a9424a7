"""The command line under a Japanese locale: its words in Japanese (help, usage errors, table
headers, risk and state names, finding sentences, confirmations), its JSON as for a script
(keys, codes and values the same as in English), and English untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from renkei.cli.output import display_width


@pytest.fixture
def ja_board(demo_boards, board_path) -> str:
    return str(demo_boards.copy(board_path, "ja", "demo-ja"))


def test_tasks_table_speaks_japanese(run, ja_board, japanese):
    result = run("--board", ja_board, "tasks", "--at-risk")
    assert result.code == 0, result.err
    header = result.out.splitlines()[0].split()
    assert header == ["ID", "ステータス", "チーム", "担当者", "期限", "リスク", "タイトル"]
    assert "期限超過" in result.out  # the Late badge, as the window says it
    assert "マーケティング" in result.out
    assert "Late" not in result.out and "Stale" not in result.out
    assert "、" in result.out  # two risks of one task joined the Japanese way


def test_json_is_the_same_for_a_script_in_either_language(run, ja_board, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    ja = json.loads(run("--board", ja_board, "handoffs", "--json").out)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    en = json.loads(run("--board", ja_board, "handoffs", "--json").out)
    assert ja == en
    assert {e["state"] for e in ja} >= {"returned", "rejected", "accepted", "silent"}


def test_tasks_json_loads_no_translation_under_japanese(ja_board, tmp_path):
    """Headless reads stay fast: no Qt at all for `tasks --json`, Japanese locale or not."""
    code = (
        "import sys\n"
        "from renkei.cli.main import main\n"
        f"assert main(['--board', {ja_board!r}, 'tasks', '--json']) == 0\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was loaded'\n"
    )
    env = {**os.environ, "LANG": "ja_JP.UTF-8", "RENKEI_CONFIG_DIR": str(tmp_path)}
    env.pop("LANGUAGE", None)
    env.pop("LC_ALL", None)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["team"] == "マーケティング"


def test_help_is_japanese_and_fits_the_terminal(run, ja_board, japanese, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run("--help")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith("使い方：renkei")
    assert "オプション：" in lines
    assert any("タスクの一覧" in line for line in lines)
    assert any("このヘルプを表示して終了" in line for line in lines)
    assert all(display_width(line) <= 80 for line in lines), max(lines, key=display_width)
    # Wrapped by phrase: no line starts with a closing bracket or 、。
    assert not any(line.strip()[:1] in "、。）」" for line in lines if line.strip())


def test_usage_errors_are_japanese(run, ja_board, japanese):
    result = run("--board", ja_board, "tasks", "--bogus")
    assert result.code == 2
    assert "renkei: エラー：認識できない引数：--bogus" in result.err
    result = run("--board", ja_board, "snapshot", "--size", "5x5", "out.png")
    assert result.code == 2
    assert "幅と高さはそれぞれ16〜16384ピクセルで指定してください" in result.err


def test_handoffs_name_states_and_findings_in_japanese(run, ja_board, japanese):
    result = run("--board", ja_board, "handoffs", "--lost")
    assert result.code == 0, result.err
    out = result.out
    assert out.splitlines()[0].split()[:3] == ["ID", "状態", "送付日時"]
    for word in ("差し戻し", "却下", "記録なし", "未記入のまま引き継ぎ", "受領遅れ", "検出事項："):
        assert word in out
    for code in ("returned", "silent", "incomplete_at_send", "dropped"):
        assert code not in out
    assert "未受領、期限を1日超過（SLA：1営業日）" in out


def test_english_after_japanese_in_one_process(run, ja_board, monkeypatch):
    """A process that runs several commands (the tests, a shell in Python) starts each in
    its own language: Japanese leaves nothing installed behind it."""
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert "ステータス" in run("--board", ja_board, "tasks").out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    out = run("--board", ja_board, "tasks", "--at-risk").out
    assert out.splitlines()[0].split() == ["ID", "STATUS", "TEAM", "OWNER", "DUE", "RISK", "TITLE"]
    assert "Late" in out and "期限超過" not in out


def test_english_help_is_unchanged(run, english):
    result = run("--help")
    assert result.out.startswith("usage: renkei")
    assert "show this help message and exit" in result.out
