"""The command line's board commands, questions and the store's refusals under a Japanese
locale: Japanese words, the same JSON, and English as before under an English locale."""

from __future__ import annotations

import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from renkei.cli import merge_commands, passwords, words
from renkei.cli.progress import Progress
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.store import migrate


def tear(path: Path) -> None:
    """A torn b-tree page: the board is damaged."""
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def test_board_new_in_japanese(run, tmp_path, japanese):
    target = tmp_path / "new.renkei"
    result = run("board", "new", str(target), "--name", "営業")
    assert result.code == 0, result.err
    assert result.out.strip() == f"新しいボード「営業」を {target} に作りました。"
    again = run("board", "new", str(target))
    assert again.code == 1
    refusal = "はすでにあります。新しいボードには新しいファイル名を指定してください。"
    assert f"{target} {refusal}" in again.err


def test_board_new_in_english(run, tmp_path, english):
    target = tmp_path / "new.renkei"
    result = run("board", "new", str(target), "--name", "Sales")
    assert result.out.strip() == f"Made the new board “Sales” at {target}."


def test_board_check_in_japanese(board, run, japanese):
    result = run("board", "check", board)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == f"ボード：    {board}"  # ボード： takes 10 columns; the texts line up at 12
    lock = "ボードの横のリースファイル（team.renkei.lock）。読み書きのたびに取得します"
    assert f"ロック：    {lock}" in lines
    assert f"スキーマ：  リビジョン {migrate.head_revision()}（この Renkei と同じ）" in lines
    assert "コピー：    横にはありません" in lines
    assert lines[-1] == "対応が必要なことはありません。"


def test_board_check_json_is_the_same_in_either_language(board, run, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    ja = json.loads(run("board", "check", board, "--json").out)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    en = json.loads(run("board", "check", board, "--json").out)
    assert ja == en
    lock = "a lease file beside the board (team.renkei.lock), taken for every read and write"
    assert en["lock"] == lock
    assert "said" not in en


def test_a_damaged_board_is_refused_in_japanese(board, run, japanese):
    tear(Path(board))
    result = run("--board", board, "tasks")
    assert result.code == 1
    assert "renkei: team.renkei は破損しているため、安全に開けません（" in result.err
    salvage = "`renkei board salvage team.renkei NEW.renkei` で、まだ読み取れる行をすべて"
    assert salvage in result.err
    assert "以前の版（バックアップや同期ツールの版の履歴）には" in result.err
    assert "damaged" not in result.err
    check = run("board", "check", board)
    assert check.code == 1
    assert "対応が必要：" in check.out
    assert "team.renkei は破損しているため、安全に開けません" in check.out


def test_a_damaged_board_is_refused_in_english_as_before(board, run, english):
    tear(Path(board))
    result = run("--board", board, "tasks")
    assert result.code == 1
    err = " ".join(result.err.split())  # as wrapped for the terminal
    assert "team.renkei is damaged and cannot be opened safely (" in err
    salvage = "`renkei board salvage team.renkei NEW.renkei` copies every row that can still be"
    assert salvage in err
    assert err.endswith("lacks every change made since it was taken.")  # whole, not cut short


def test_the_merge_question_names_its_keys_in_japanese(monkeypatch, capsys, japanese):
    monkeypatch.setattr(merge_commands, "describe", lambda plan, conflict: "task 2 due")
    monkeypatch.setattr("sys.stdin", io.StringIO("x\nc\n"))
    assert merge_commands._ask(None, None) == "copy"  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert err.startswith("両方で変更されています：task 2 due\n")
    question = (
        "ボードの値を残しますか、コピーの値を取りますか？"
        "（b：ボードの値を残す／c：コピーの値を取る） "
    )
    assert err.count(question) == 2  # asked again after an answer that is neither key


def test_the_merge_question_in_english(monkeypatch, capsys, english):
    monkeypatch.setattr(merge_commands, "describe", lambda plan, conflict: "task 2 due")
    monkeypatch.setattr("sys.stdin", io.StringIO("b\n"))
    assert merge_commands._ask(None, None) == "board"  # type: ignore[arg-type]
    assert capsys.readouterr().err == (
        "Changed on both sides: task 2 due\nKeep the [b]oard's value or take the [c]opy's? "
    )


def _address():
    from renkei.app import credentials

    return credentials.parse_server_url("postgresql+psycopg://ana@db.example.com:5432/team")[0]


def test_the_login_prompt_in_japanese(japanese):
    questions: list[str] = []
    passwords.ask(lambda q: questions.append(q) or "secret", "ana", _address(), again=True)
    assert questions == [
        "サーバーが渡されたパスワードを拒否しました。db.example.com:5432/team の ana のパスワード："
    ]
    with pytest.raises(passwords.PasswordProblem) as empty:
        passwords.ask(lambda q: "", "ana", _address(), again=False)
    assert words.error_text(empty.value) == "パスワードが入力されませんでした。何もしていません"
    assert str(empty.value) == "no password was given; nothing was done"


def test_the_login_prompt_in_english(english):
    questions: list[str] = []
    passwords.ask(lambda q: questions.append(q) or "secret", "ana", _address(), again=False)
    assert questions == ["Password for ana on db.example.com:5432/team: "]


def test_progress_labels_in_japanese(japanese):
    stream = io.StringIO()
    progress = Progress(stream, QT_TRANSLATE_NOOP("Cli", "Copying rows"))
    progress(5_000, 10_000)
    assert stream.getvalue() == "行をコピー中：5,000/10,000\n"


def test_progress_labels_in_english(english):
    stream = io.StringIO()
    Progress(stream, "Importing")(10, 10)
    assert stream.getvalue() == "Importing: 10/10\n"


def test_help_headings_end_with_the_full_width_colon(run, japanese):
    lines = run("board", "new", "--help").out.splitlines()
    assert "引数：" in lines and "オプション：" in lines
    assert not any(line.endswith(":") for line in lines if line and not line.startswith(" "))


def test_english_help_headings_keep_the_colon(run, english):
    lines = run("board", "new", "--help").out.splitlines()
    assert "positional arguments:" in lines and "options:" in lines


def test_a_synced_board_is_named_in_japanese(demo_template, tmp_path, run, japanese, monkeypatch):
    monkeypatch.delenv("RENKEI_QUIET_LOCATION", raising=False)
    (tmp_path / "Sync" / ".stfolder").mkdir(parents=True)
    path = tmp_path / "Sync" / "plan.renkei"
    shutil.copyfile(demo_template, path)
    result = run("--board", str(path), "tasks", "--json")
    assert result.code == 0, result.err
    [line] = [line for line in result.err.splitlines() if "RENKEI_QUIET_LOCATION" in line]
    # Where it lives and what that means, in the window's words.
    assert line.startswith("renkei: plan.renkei：Syncthing で同期されるフォルダーにあります。")
    assert "Syncthing は保存のたびにファイル全体をコピーします。" in line
    assert line.endswith("（このお知らせを止めるには RENKEI_QUIET_LOCATION=1 を設定してください）")


def _watched_line(board):
    from renkei.cli.watch_stream import RowLine
    from renkei.domain.model import Activity

    task = min(board.tasks.values(), key=lambda t: t.id)
    at = datetime(2026, 12, 3, 5, 3, 12, tzinfo=UTC)
    change = Activity(1, at, None, "task", task.id, "due", "2026-12-01", "2026-12-03", 141)
    return task, RowLine(141, "task", task.id, False, (change,), None)


def test_a_watched_change_in_japanese(demo_session, japanese):
    from renkei.cli.watch_stream import line_text

    task, line = _watched_line(demo_session.board)
    text = line_text(demo_session.board, line)
    assert text.endswith(f"  r141  （不明）  タスク{task.id}「{task.title}」  期限 → 2026-12-03")


def test_a_watched_change_in_english(demo_session, english):
    from renkei.cli.watch_stream import line_text

    task, line = _watched_line(demo_session.board)
    text = line_text(demo_session.board, line)
    assert text.endswith(f"  r141  (nobody)  task {task.id} “{task.title}”  due → 2026-12-03")


def test_a_board_with_work_and_a_conflict_copy_in_japanese(board, run, japanese):
    path = Path(board)
    copy = path.with_name("team (Kenta Mori's conflicted copy 2026-12-07).renkei")
    shutil.copyfile(path, copy)
    result = run("--board", board, "tasks", "--json")
    assert result.code == 0, result.err
    assert (
        "renkei: 警告：同期ツールが作った競合コピー1件がこのボードの横にあります"
        f"（{copy.name}）。そこに保存された変更はまだボードにありません。"
    ) in result.err
    demo = run("--board", board, "demo")
    assert demo.code == 1
    assert f"{board} にはすでにタスク194件があります。" in demo.err  # the demo's 194 tasks


def test_a_board_with_work_in_english(board, run, english):
    result = run("--board", board, "demo")
    assert result.code == 1
    err = " ".join(result.err.split())
    assert f"{board} already holds 194 tasks; the demo needs a new or empty board." in err
