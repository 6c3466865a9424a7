"""The `renkei` command on real board files: what a team lead or a script sees."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date

import pytest

from renkei.app import paths
from renkei.app.settings import LocalSettings
from renkei.cli import commands
from renkei.cli.main import main
from renkei.domain.commands import SetFields
from renkei.store.board_store import BoardStore

TEAMS = ["Marketing", "Inside Sales", "Field Sales", "Customer Success"]
TASK_KEYS = {
    "id",
    "title",
    "team",
    "owner",
    "status",
    "start",
    "due",
    "progress",
    "at_risk",
    "risk_reasons",
    "project",
    "priority",
    "tags",
    "depends_on",
    "blocked",
    "archived",
    "description",
    "estimate_hours",
    "version",
    "risks",
    "updated_at",
    "updated_by",
    "owner_contact",
    "baseline_due",
    "slips",
}


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def run(capsys):
    def run(*argv: str) -> Result:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def run_process(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", *argv],
        capture_output=True,
        timeout=120,
        env=dict(os.environ),
    )


def find_task(tasks: list[dict], title_part: str) -> dict:
    return next(t for t in tasks if title_part in t["title"])


# -- version, usage, refusal ------------------------------------------------------------------


def test_version(run):
    """--version prints the package version and succeeds."""
    result = run("--version")
    assert (result.code, result.out.strip()) == (0, "renkei 0.1.0")


def test_usage_error_exits_2_without_traceback():
    """A misspelt command is a usage error (exit 2) with argparse's message, no traceback."""
    done = run_process("taskz")
    assert done.returncode == 2
    assert b"invalid choice" in done.stderr
    assert b"Traceback" not in done.stderr


def test_text_file_is_refused_untouched(tmp_path):
    """--board naming a text file: exit 1, 'not a Renkei board', every byte kept."""
    notes = tmp_path / "notes.txt"
    notes.write_bytes("meeting notes\n議事録\n".encode())
    before = notes.read_bytes()
    done = run_process("--board", str(notes), "tasks", "--json")
    assert done.returncode == 1
    stderr = done.stderr.decode("utf-8")
    assert stderr.startswith("renkei: ") and "not a Renkei board" in stderr
    assert "Traceback" not in stderr
    assert done.stdout == b""
    assert notes.read_bytes() == before


def test_missing_board_is_not_created(run, tmp_path):
    """A --board path that does not exist is an error, not a new empty board."""
    missing = tmp_path / "typo.renkei"
    result = run("--board", str(missing), "tasks")
    assert result.code == 1
    assert "There is no board" in result.err
    assert not missing.exists()


# -- demo ----------------------------------------------------------------------------------


def test_demo_en_makes_the_story_board(run, board_path):
    """demo --lang en makes four teams in handoff order and about a dozen people."""
    made = run("--board", str(board_path), "demo", "--lang", "en")
    assert made.code == 0, made.err
    every = run("--board", str(board_path), "tasks", "--json", "--all").json()
    live = [t for t in every if not t["archived"]]
    # The story's sixty tasks, and the finished work of past weeks, archived (the forecast's
    # history).
    assert len(live) == 60 and len(every) > 100
    assert str(board_path) in made.out and f"{len(every)} tasks" in made.out
    people = run("--board", str(board_path), "people", "--json").json()
    assert list(dict.fromkeys(p["team"] for p in people)) == TEAMS
    assert 10 <= len(people) <= 14
    assert {"id", "name", "team", "role", "contact"} <= set(people[0])
    assert "Haruka Aoki" in {p["name"] for p in people}


def test_demo_ja_has_japanese_titles(run, board_path):
    """demo --lang ja writes the story in Japanese, with the same four teams named in
    Japanese."""
    assert run("--board", str(board_path), "demo", "--lang", "ja").code == 0
    people = run("--board", str(board_path), "people", "--json").json()
    teams = list(dict.fromkeys(p["team"] for p in people))
    assert teams == [
        "マーケティング",
        "インサイドセールス",
        "フィールドセールス",
        "カスタマーサクセス",
    ]
    tasks = run("--board", str(board_path), "tasks", "--json", "--all").json()
    japanese = [t for t in tasks if any("\u3040" <= ch <= "\u9fff" for ch in t["title"])]
    assert len(japanese) == len(tasks) > 0


def test_demo_defaults_to_the_default_board_and_system_language(run):
    """Without --board the demo goes to the default board, in the system language (LANG=en)."""
    assert run("demo").code == 0
    assert paths.default_board_path().exists()
    assert run("people", "--json").json()[0]["name"] == "Haruka Aoki"


def test_demo_refuses_a_board_with_tasks(run, board):
    """A board that holds work is never filled with a demo; it stays as it was."""
    before = run("--board", board, "tasks", "--json", "--all").out
    result = run("--board", board, "demo", "--lang", "ja")
    assert result.code == 1
    assert f"already holds {len(json.loads(before))} tasks" in result.err
    assert run("--board", board, "tasks", "--json", "--all").out == before


def test_synthetic_demo_is_repeatable(run, tmp_path):
    """--tasks 200 --seed 3 makes 200 tasks, with the same titles every time."""
    titles = []
    for name in ("a.renkei", "b.renkei"):
        target = str(tmp_path / name)
        made = run("--board", target, "demo", "--tasks", "200", "--seed", "3")
        assert made.code == 0, made.err
        assert "Creating tasks: 200/200" in made.err
        tasks = run("--board", target, "tasks", "--json", "--all").json()
        assert len(tasks) == 200
        titles.append([t["title"] for t in tasks])
    assert titles[0] == titles[1]
    other = str(tmp_path / "c.renkei")
    run("--board", other, "demo", "--tasks", "200", "--seed", "4")
    assert [t["title"] for t in run("--board", other, "tasks", "--json").json()] != titles[0]


def test_seed_without_tasks_is_a_usage_error(run, board_path):
    """--seed only means something with --tasks."""
    result = run("--board", str(board_path), "demo", "--seed", "3")
    assert result.code == 2
    assert not board_path.exists()


# -- reading -------------------------------------------------------------------------------


def test_tasks_json_fields(run, board):
    """Each task carries names, ISO dates and its risk in sentences."""
    tasks = run("--board", board, "tasks", "--json").json()
    assert len(tasks) == 60
    assert set(tasks[0]) >= TASK_KEYS
    for task in tasks:
        assert task["at_risk"] == bool(task["risk_reasons"])
        assert task["team"] in TEAMS
        assert task["priority"] in {"low", "normal", "high", "urgent"}
        if task["due"] is not None:
            date.fromisoformat(task["due"])
    assert any(t["depends_on"] for t in tasks)
    assert {t["status"] for t in tasks} == {"Backlog", "To do", "In progress", "Waiting", "Done"}


def test_at_risk_keeps_only_tasks_at_risk(run, board):
    """--at-risk lists every task with reasons, and only those; some demo work is overdue."""
    everything = run("--board", board, "tasks", "--json").json()
    at_risk = run("--board", board, "tasks", "--json", "--at-risk").json()
    assert 0 < len(at_risk) < len(everything)
    assert all(t["at_risk"] and t["risk_reasons"] for t in at_risk)
    assert {t["id"] for t in at_risk} == {t["id"] for t in everything if t["at_risk"]}
    assert any(r.startswith("Overdue") for t in at_risk for r in t["risk_reasons"])


def test_tasks_table_is_readable(run, board):
    """Without --json: a header and one aligned line per task, with risk words."""
    result = run("--board", board, "tasks")
    lines = result.out.splitlines()
    assert lines[0].split() == ["ID", "STATUS", "TEAM", "OWNER", "DUE", "RISK", "TITLE"]
    assert len(lines) == 61
    assert "Late" in result.out
    assert "Plan autumn webinar agenda and speakers" in result.out


def test_people_table(run, board):
    """people without --json shows names, teams, roles and contacts."""
    result = run("--board", board, "people")
    assert result.code == 0
    assert "Yuki Tanaka" in result.out and "Inside Sales lead" in result.out


def test_history_of_unknown_task_fails(run, board):
    """history for an id the board does not have exits 1 and says so."""
    result = run("--board", board, "history", "999")
    assert result.code == 1
    assert "no task 999" in result.err


def test_history_json_shape(run, board):
    """History rows give UTC ISO times with Z, actor names, and names for references."""
    rows = run("--board", board, "history", "--json").json()
    assert rows and {"at", "actor", "entity", "entity_id", "field", "old", "new"} <= set(rows[0])
    assert all(r["at"].endswith("Z") for r in rows)
    status_rows = [r for r in rows if r["entity"] == "task" and r["field"] == "status"]
    assert status_rows and all(
        isinstance(r["new"], str) and not r["new"].isdigit() for r in status_rows
    )
    assert not any(r["field"].endswith("_id") for r in rows)
    deps = [r for r in rows if r["field"] == "depends_on"]
    assert deps and all(isinstance(r["new"], list) for r in deps)


# -- writing -------------------------------------------------------------------------------


def test_task_add_then_history_shows_who_created_it(run, board):
    """task add creates the task in "To do" and the history names its creator."""
    new_id = len(run("--board", board, "tasks", "--json", "--all").json()) + 1
    added = run(
        "--board",
        board,
        "--as",
        "yuki tanaka",
        "task",
        "add",
        "--title",
        "Call Minato Pharma",
        "--team",
        "inside sales",
        "--owner",
        "Daiki Sato",
        "--due",
        "2026-12-24",
        "--json",
    )
    assert added.code == 0, added.err
    task = added.json()
    assert set(task) >= TASK_KEYS
    assert (task["id"], task["status"], task["team"], task["owner"], task["due"]) == (
        new_id,
        "To do",
        "Inside Sales",
        "Daiki Sato",
        "2026-12-24",
    )
    history = run("--board", board, "history", str(new_id), "--json").json()
    assert [(r["field"], r["actor"], r["new"]) for r in history] == [
        ("created", "Yuki Tanaka", "Call Minato Pharma")
    ]
    text = run("--board", board, "history", str(new_id)).out
    assert "Yuki Tanaka  Created “Call Minato Pharma”" in text


def test_task_add_prints_a_sentence(run, board):
    """Without --json, task add says what it made."""
    new_id = len(run("--board", board, "tasks", "--json", "--all").json()) + 1
    result = run(
        "--board",
        board,
        "--as",
        "Ryo Ito",
        "task",
        "add",
        "--title",
        "Visit Aozora",
        "--team",
        "Field Sales",
        "--status",
        "in progress",
        "--priority",
        "HIGH",
    )
    assert result.code == 0, result.err
    assert result.out.startswith(
        f"Created task {new_id}: “Visit Aozora” (Field Sales · In progress"
    )


def by_id(tasks: list[dict], task_id: int) -> dict:
    return next(t for t in tasks if t["id"] == task_id)


def test_a_moved_deadline_is_a_slip_until_rebaselined(run, board):
    """task set due=… on a task whose date never moved: tasks --json says slipped, with the
    move (from, to, by whom); task rebaseline commits to the new date."""
    tasks = run("--board", board, "tasks", "--json").json()
    task = next(t for t in tasks if t["due"] and not t["slips"] and t["status"] != "Done")
    first = task["due"]
    moved = run("--board", board, "--as", "Haruka Aoki", "task", "set", str(task["id"]),
                "due=2027-02-01")  # fmt: skip
    assert moved.code == 0, moved.err
    after = by_id(run("--board", board, "tasks", "--json").json(), task["id"])
    assert after["baseline_due"] == first
    assert [(s["from"], s["to"], s["by"]) for s in after["slips"]] == [
        (first, "2027-02-01", "Haruka Aoki")
    ]
    assert "slipped" in [r["kind"] for r in after["risks"]]
    assert after["updated_by"] == "Haruka Aoki"

    result = run("--board", board, "--as", "Haruka Aoki", "task", "rebaseline", str(task["id"]))
    assert result.code == 0, result.err
    assert "baseline is now 2027-02-01" in result.out
    again = by_id(run("--board", board, "tasks", "--json").json(), task["id"])
    assert again["baseline_due"] == "2027-02-01" and again["slips"] == []
    assert "slipped" not in [r["kind"] for r in again["risks"]]

    missing = run("--board", board, "--as", "Haruka Aoki", "task", "rebaseline", "99999")
    assert missing.code != 0 and "99999" in missing.err


def test_task_set_records_old_and_new_with_names(run, board):
    """due, owner, status, progress and flag change; history shows old → new by name."""
    before = find_task(run("--board", board, "tasks", "--json").json(), "budget")
    assert before["owner"] is not None
    result = run(
        "--board",
        board,
        "--as",
        "Haruka Aoki",
        "task",
        "set",
        str(before["id"]),
        "due=2027-01-15",
        "owner=Misaki Nakamura",
        "status=Waiting",
        "progress=70",
        "flag=Customer went silent",
    )
    assert result.code == 0, result.err
    assert "2027-01-15" in result.out and "Misaki Nakamura" in result.out
    history = run("--board", board, "history", str(before["id"]), "--json").json()
    latest = {r["field"]: r for r in history[-5:]}
    assert set(latest) == {"due", "owner", "status", "progress", "flag"}
    assert all(r["actor"] == "Haruka Aoki" for r in latest.values())
    assert (latest["due"]["old"], latest["due"]["new"]) == (before["due"], "2027-01-15")
    assert (latest["owner"]["old"], latest["owner"]["new"]) == (before["owner"], "Misaki Nakamura")
    assert (latest["status"]["old"], latest["status"]["new"]) == (before["status"], "Waiting")
    assert latest["progress"]["new"] == "70"
    assert latest["flag"]["new"] == "Customer went silent"
    text = run("--board", board, "history", str(before["id"])).out
    line = next(x for x in text.splitlines() if "Misaki Nakamura" in x and "Owner" in x)
    assert re.fullmatch(
        rf"\d{{4}}-\d\d-\d\d \d\d:\d\d  Haruka Aoki +Owner: {before['owner']} → Misaki Nakamura",
        line,
    )
    after = find_task(run("--board", board, "tasks", "--json").json(), "budget")
    assert "Flagged by Haruka Aoki: Customer went silent" in after["risk_reasons"]


def test_empty_value_clears(run, board):
    """owner= and flag= clear the owner and the at-risk flag."""
    run("--board", board, "--as", "Haruka Aoki", "task", "set", "12", "flag=Waiting on legal")
    result = run(
        "--board", board, "--as", "Haruka Aoki", "task", "set", "12", "owner=", "flag=", "--json"
    )
    assert result.code == 0, result.err
    task = result.json()
    assert task["owner"] is None and task["flag"] is None
    assert not any(r.startswith("Flagged") for r in task["risk_reasons"])


def test_archived_tasks_show_only_with_all(run, board):
    """archived=true hides a task from `tasks`; --all shows it again."""
    archived = run("--board", board, "--as", "Aya Yamamoto", "task", "set", "3", "archived=true")
    assert archived.code == 0, archived.err
    assert 3 not in {t["id"] for t in run("--board", board, "tasks", "--json").json()}
    shown = run("--board", board, "tasks", "--json", "--all").json()
    assert next(t for t in shown if t["id"] == 3)["archived"] is True


@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        ("due=2026-13-01", "due=2026-13-01"),
        ("due=20261201", "due=20261201"),
        ("owner=Nobody Known", "owner=Nobody Known"),
        ("progress=150", "progress=150"),
        ("colour=red", "colour"),
        ("status=Someday", "status=Someday"),
    ],
)
def test_bad_value_changes_nothing(run, board, assignment, expected):
    """A bad value exits 1 with a message naming the field and value; the board is unchanged."""
    before = run("--board", board, "tasks", "--json", "--all").out
    result = run(
        "--board", board, "--as", "Haruka Aoki", "task", "set", "5", "title=Renamed", assignment
    )
    assert result.code == 1
    assert result.err.startswith(f"renkei: {expected}")
    assert "Traceback" not in result.err
    assert run("--board", board, "tasks", "--json", "--all").out == before


def test_rule_across_fields_is_refused(run, board):
    """A due date before the start date is refused by the store's rule, with exit 1."""
    result = run(
        "--board",
        board,
        "--as",
        "Haruka Aoki",
        "task",
        "set",
        "5",
        "start=2027-02-01",
        "due=2027-01-01",
    )
    assert result.code == 1
    assert "before the start date" in result.err


def test_write_without_actor_asks_who_you_are(run, board):
    """No --as and no remembered identity: exit 1, naming the people to choose from."""
    before = run("--board", board, "tasks", "--json").out
    result = run("--board", board, "task", "set", "5", "progress=90")
    assert result.code == 1
    assert "Say who you are with --as NAME (one of: Haruka Aoki" in result.err
    assert run("--board", board, "tasks", "--json").out == before


def test_unknown_actor_is_refused(run, board):
    """--as with a name not on the board exits 1 and lists who is."""
    result = run(
        "--board", board, "--as", "Mallory", "task", "add", "--title", "x", "--team", "Marketing"
    )
    assert result.code == 1
    assert "Mallory" in result.err and "Sofia Ramos" in result.err


def test_remembered_identity_signs_writes(run, board):
    """The identity remembered for this board on this machine is used when --as is absent."""
    settings = LocalSettings()
    settings.set_identity(board, "Takeshi Suzuki")
    settings.save()
    assert run("--board", board, "task", "set", "5", "progress=90").code == 0
    last = run("--board", board, "history", "5", "--json").json()[-1]
    assert (last["actor"], last["field"], last["new"]) == ("Takeshi Suzuki", "progress", "90")


def test_concurrent_edit_of_the_same_field_conflicts(run, board, monkeypatch):
    """Someone else changes the due date between our read and our write: exit 1, theirs kept."""
    parse = commands.parse_assignments

    def parse_then_someone_else_writes(board_snapshot, assignments, **kwargs):
        other = BoardStore.open(board)
        other.apply(SetFields("task", 5, (("due", date(2027, 3, 3)),)), None)
        other.dispose()
        return parse(board_snapshot, assignments, **kwargs)

    monkeypatch.setattr(commands, "parse_assignments", parse_then_someone_else_writes)
    result = run("--board", board, "--as", "Haruka Aoki", "task", "set", "5", "due=2027-01-01")
    assert result.code == 1
    assert "changed meanwhile (due)" in result.err
    monkeypatch.undo()
    task = next(t for t in run("--board", board, "tasks", "--json").json() if t["id"] == 5)
    assert task["due"] == "2027-03-03"


def test_json_is_utf8_with_japanese_unescaped(tmp_path):
    """Through a real process, JSON output is UTF-8 with Japanese written as itself."""
    target = str(tmp_path / "ja.renkei")
    assert run_process("--board", target, "demo", "--lang", "ja").returncode == 0
    done = run_process("--board", target, "tasks", "--json")
    assert done.returncode == 0, done.stderr
    assert b"\\u" not in done.stdout
    text = done.stdout.decode("utf-8")
    assert "ウェビナー" in text
    assert len(json.loads(text)) > 0


def test_headless_commands_never_import_qt(board):
    """Reading a board from the command line loads no Qt at all (servers have no Qt libs)."""
    script = (
        "import sys\n"
        "from renkei.cli.main import main\n"
        f"code = main(['--board', {board!r}, 'tasks', '--json', '--at-risk'])\n"
        "assert code == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
