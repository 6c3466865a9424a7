"""Importing Trello boards and CSV files into real board files, through the command line:
one transaction, nothing twice, history with its original dates, broken files refused with
the board untouched."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from importers_data import (
    GENERIC,
    JIRA,
    JIRA_SJIS,
    PNG,
    TRELLO_DECK,
    TRELLO_SAMPLE,
    deep_json,
    trello_board,
    write_json,
)
from renkei.app.session import BoardSession
from renkei.cli.main import main
from renkei.domain.handoff import HandoffState
from renkei.export.csv_tasks import export_csv
from renkei.importers.apply import run_import
from renkei.importers.csv_tasks import read_csv
from renkei.importers.model import ImportCancelled
from renkei.importers.trello import read_trello
from renkei.store.board_store import BoardStore


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys):
    def run(*argv: str) -> Result:
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def _load(path):
    store = BoardStore.open(path, create=False)
    try:
        return store.load(), store.history()
    finally:
        store.dispose()


def _fingerprint(path) -> tuple:
    """Revision and row counts: what "the board is unchanged" means."""
    with sqlite3.connect(path) as conn:
        counts = tuple(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("tasks", "people", "statuses", "teams", "activity", "handoffs")
        )
        revision = conn.execute("SELECT revision FROM board").fetchone()[0]
    conn.close()
    return (revision, *counts)


def test_trello_sample_into_the_demo_board(board, run):
    """Lists find the board's statuses by meaning, cards keep labels, checklists, archive
    state and their history with Trello's dates and authors; a second import adds nothing."""
    result = run("--board", board, "import", "trello", TRELLO_SAMPLE)
    assert result.code == 0, result.err
    assert "10 tasks added" in result.out and "1 new people" in result.out
    loaded, history = _load(board)
    imported = {t.title: t for t in loaded.tasks.values() if t.source_id}
    assert len(imported) == 10
    status = {t.title: loaded.statuses[t.status_id].name for t in imported.values()}
    assert status["✋🏿 Add what you'd like to work on below"] == "Backlog"
    assert status["✋🏿 Move anything 'ready' here"] == "To do"
    assert status["✋🏿 Move anything that is actually started here"] == "In progress"
    assert status["Inspiration for a Card 📝"] == "Done"
    assert len(loaded.statuses) == 5  # nothing new: every list found its column
    assert imported["archived card in DONE"].archived
    assert "- [x] Share with the community" in imported["Inspiration for a Card 📝"].description
    sample_user = loaded.find_person("Trello Sample User")
    comments = [a for a in history if a.field == "comment"]
    assert len(comments) == 4
    assert all(a.actor_id == sample_user.id for a in comments)
    assert min(a.at for a in comments) == datetime(2022, 11, 21, 19, 23, 46, 824000)
    created = [
        a
        for a in history
        if a.field == "created"
        and a.entity == "task"
        and a.entity_id in loaded.tasks
        and loaded.tasks[a.entity_id].source_id
    ]
    assert any(a.at.year == 2022 and a.actor_id == sample_user.id for a in created)
    before = _fingerprint(board)
    again = run("--board", board, "import", "trello", TRELLO_SAMPLE)
    assert again.code == 0 and "0 tasks added" in again.out and "10 unchanged" in again.out
    assert _fingerprint(board) == before


def test_cross_team_member_moves_become_handoffs(board, run, tmp_path):
    """Haruka (Marketing) handing a card to Daiki (Inside Sales) is recorded as an accepted
    handoff at Trello's time; a move between people of no team stays plain history."""
    export = write_json(tmp_path / "board.json", trello_board(cards=8, actions_per_card=7))
    result = run("--board", board, "--as", "Haruka Aoki", "import", "trello", export)
    assert result.code == 0, result.err
    loaded, history = _load(board)
    imported = {t.id for t in loaded.tasks.values() if t.source_id}
    handoffs = [h for h in loaded.handoffs.values() if h.task_id in imported]
    aoki, sato = loaded.find_person("Haruka Aoki"), loaded.find_person("Daiki Sato")
    assert handoffs, "a card passed from Marketing to Inside Sales"
    for h in handoffs:
        assert (h.sender_id, h.receiver_id) == (aoki.id, sato.id)
        assert h.state is HandoffState.ACCEPTED and h.sent_at.year == 2024
        assert "Imported from Trello" in h.note
    moves = [a for a in history if a.field == "status_id" and a.entity_id in imported]
    assert moves and all(a.at.year == 2024 for a in moves)
    assert loaded.find_person("中村 さくら") is not None
    assert f"{len(handoffs)} handoffs" in result.out
    before = _fingerprint(board)
    again = run("--board", board, "import", "trello", export)
    assert again.code == 0 and "0 history entries, 0 handoffs" in again.out
    assert _fingerprint(board) == before


def test_reimport_updates_what_changed(board, run, tmp_path):
    """A card renamed and moved in Trello since the last import is updated, not doubled,
    and only its new history is added."""
    data = trello_board(cards=4, actions_per_card=3)
    export = write_json(tmp_path / "board.json", data)
    assert run("--board", board, "import", "trello", export).code == 0
    card = data["cards"][0]
    card["name"] = "Renamed in Trello"
    card["idList"] = data["lists"][3]["id"]
    data["actions"].insert(
        0,
        {
            "id": "x1",
            "type": "commentCard",
            "date": "2024-06-01T10:00:00.000Z",
            "idMemberCreator": data["members"][1]["id"],
            "data": {"card": {"id": card["id"]}, "text": "Done at last"},
        },
    )
    write_json(export, data)
    result = run("--board", board, "import", "trello", export)
    assert result.code == 0, result.err
    assert "0 tasks added, 1 updated, 3 unchanged, 1 history entries" in result.out
    loaded, history = _load(board)
    task = next(t for t in loaded.tasks.values() if t.source_id == f"trello:{card['id']}")
    assert task.title == "Renamed in Trello"
    assert loaded.statuses[task.status_id].name == "Done"
    assert [a.new for a in history if a.field == "comment" and a.entity_id == task.id][-1] == (
        "Done at last"
    )


def test_map_list_and_dry_run(board, run):
    before = _fingerprint(board)
    dry = run(
        "--board",
        board,
        "import",
        "trello",
        TRELLO_SAMPLE,
        "--map-list",
        "brainstorm 🤔=Ideas",
        "--dry-run",
    )
    assert dry.code == 0 and dry.out.startswith("Would import") and "1 new statuses" in dry.out
    assert _fingerprint(board) == before
    real = run(
        "--board", board, "import", "trello", TRELLO_SAMPLE, "--map-list", "BRAINSTORM 🤔=Ideas"
    )
    assert real.code == 0
    loaded, _ = _load(board)
    ideas = loaded.find_status("Ideas")
    assert ideas is not None and sum(t.status_id == ideas.id for t in loaded.tasks.values()) == 2
    bad = run("--board", board, "import", "trello", TRELLO_SAMPLE, "--map-list", "Nope=Done")
    assert bad.code == 1 and "'Nope' is not a column" in bad.err


def test_json_output(board, run):
    result = run("--board", board, "import", "trello", TRELLO_DECK, "--json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["added"] == 1 and data["history"] == 2 and data["dry_run"] is False


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("cut.json", TRELLO_SAMPLE.read_bytes()[:5000], "is cut off"),
        ("image.json", PNG, "PNG image"),
        ("deep.json", deep_json(), "nested too deeply"),
        ("jira.json", b'[{"Summary": "x"}]', "not a Trello board export"),
        ("empty.json", b"", "is empty"),
    ],
)
def test_broken_trello_files_leave_the_board_untouched(board, run, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    before = _fingerprint(board)
    result = run("--board", board, "import", "trello", path)
    assert result.code == 1
    assert words in result.err and result.err.startswith("renkei: ")
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert _fingerprint(board) == before


def test_wrong_types_and_huge_strings_are_refused(board, run, tmp_path):
    data = trello_board(cards=3)
    data["cards"][2]["closed"] = "yes"
    path = write_json(tmp_path / "types.json", data)
    before = _fingerprint(board)
    result = run("--board", board, "import", "trello", path)
    assert result.code == 1 and "card 3" in result.err and "'closed'" in result.err
    data = trello_board(cards=3)
    data["actions"][0]["data"]["text"] = "x" * 10_000_000
    data["actions"][0]["type"] = "commentCard"
    result = run("--board", board, "import", "trello", write_json(path, data))
    assert result.code == 1 and "comment is 10,000,000 characters" in result.err
    assert _fingerprint(board) == before


def test_missing_file(board, run, tmp_path):
    result = run("--board", board, "import", "csv", tmp_path / "nope.csv")
    assert result.code == 1 and "There is no file" in result.err


def test_cancelled_import_leaves_the_board_as_it_was(board):
    """Cancelling from the progress callback rolls the one transaction back."""
    store = BoardStore.open(board)
    try:
        session = BoardSession(store, None)
        plan = read_trello(TRELLO_SAMPLE)
        before = _fingerprint(board)
        with pytest.raises(ImportCancelled):
            run_import(session, plan, progress=lambda done, total: done >= 1)
        assert _fingerprint(board) == before
    finally:
        store.dispose()


def test_jira_csv_import_and_reimport(board, run):
    """Jira's CSV in Shift_JIS: statuses by meaning (進行中 → In progress, In Review →
    Waiting), people matched to the board's by name ignoring case, comments as history; the
    UTF-8 file of the same export updates nothing."""
    result = run("--board", board, "import", "csv", JIRA_SJIS)
    assert result.code == 0, result.err
    assert "8 tasks added" in result.out
    loaded, history = _load(board)
    tasks = {t.source_id: t for t in loaded.tasks.values() if t.source_id}
    status = {key: loaded.statuses[t.status_id].name for key, t in tasks.items()}
    assert status["jira:SALES-101"] == "To do"
    assert status["jira:SALES-104"] == "In progress"
    assert status["jira:SALES-103"] == "Waiting"
    assert status["jira:MKT-55"] == "Done"
    assert status["jira:CS-7"] == "Waiting for customer"  # a new status
    assert tasks["jira:SALES-101"].owner_id == loaded.find_person("Haruka Aoki").id
    assert tasks["jira:SALES-101"].team_id == loaded.find_team("Marketing").id
    assert tasks["jira:SALES-102"].tags == ("見積", "pharma", "urgent")
    assert tasks["jira:SALES-102"].estimate_hours == 4.0
    assert loaded.projects[tasks["jira:MKT-55"].project_id].name == "マーケティング"
    comments = [a.new for a in history if a.field == "comment"]
    assert "先方の予算感を確認済み。" in comments
    before = _fingerprint(board)
    again = run("--board", board, "import", "csv", JIRA)
    assert again.code == 0 and "8 unchanged" in again.out
    assert _fingerprint(board) == before


def test_csv_mapping_show_and_override(board, run, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("Ticket,What,Who,Column\nA-1,Call back,haruka aoki,Doing\n", encoding="utf-8")
    shown = run("--board", board, "import", "csv", path, "--show-mapping")
    assert shown.code == 0 and "What → ignore" in shown.out and "Column → status" in shown.out
    refused = run("--board", board, "import", "csv", path)
    assert refused.code == 1 and "--mapping 'Column=title'" in refused.err
    bad = run("--board", board, "import", "csv", path, "--mapping", "What=heading")
    assert bad.code == 1 and "'heading' is not a field" in bad.err
    ok = run(
        "--board",
        board,
        "import",
        "csv",
        path,
        "--mapping",
        "What=title",
        "--mapping",
        "Ticket=key",
        "--mapping",
        "Who=owner",
    )
    assert ok.code == 0, ok.err
    loaded, _ = _load(board)
    task = next(t for t in loaded.tasks.values() if t.source_id == "csv:A-1")
    assert task.owner_id == loaded.find_person("Haruka Aoki").id
    assert loaded.statuses[task.status_id].name == "In progress"


@pytest.mark.parametrize(
    "content, words",
    [
        (PNG + b"\x00" * 64, "PNG image"),
        (b"Summary,Issue key,Due date\nA,K-1,someday\n", "row 2, column 'Due date'"),
        (b'Summary,Issue key,Description\nA,K-1,"never closed\n', "ends inside a quoted cell"),
    ],
)
def test_broken_csv_files_leave_the_board_untouched(board, run, tmp_path, content, words):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    before = _fingerprint(board)
    result = run("--board", board, "import", "csv", path)
    assert result.code == 1 and words in result.err, result.err
    assert _fingerprint(board) == before


def test_export_then_import_into_a_fresh_board_gives_the_same_tasks(board, run, tmp_path):
    """Every field survives export csv → import csv (the demo board, Japanese included)."""
    out = tmp_path / "tasks.csv"
    old, _ = _load(board)
    count = len(old.tasks)  # the story's 60 and past weeks' finished work, archived
    result = run("--board", board, "export", "csv", out)
    assert result.code == 0 and f"Wrote {count} tasks" in result.out
    fresh = tmp_path / "fresh.renkei"
    BoardStore.open(fresh).dispose()
    imported = run("--board", fresh, "import", "csv", out)
    assert imported.code == 0, imported.err
    assert f"{count} tasks added" in imported.out
    new, _ = _load(fresh)

    def shape(b, t):
        def name(collection, key):
            return getattr(b, collection)[key].name if key is not None else None

        return (
            t.title,
            name("statuses", t.status_id),
            name("teams", t.team_id),
            name("people", t.owner_id),
            name("projects", t.project_id),
            t.priority,
            t.start,
            t.due,
            t.estimate_hours,
            t.progress,
            t.tags,
            t.archived,
            t.description,
        )

    assert sorted(shape(old, t) for t in old.tasks.values()) == sorted(
        shape(new, t) for t in new.tasks.values()
    )
    again = run("--board", fresh, "import", "csv", out)
    assert f"{count} unchanged" in again.out


def test_excel_export_has_a_bom_and_guards_formulas(board, run, tmp_path):
    store = BoardStore.open(board)
    try:
        session = BoardSession(store, None)
        first = min(session.board.tasks)
        from renkei.domain.commands import set_task

        session.apply(set_task(session.board.tasks[first], title="=HYPERLINK(1)"))
    finally:
        store.dispose()
    out = tmp_path / "excel.csv"
    assert run("--board", board, "export", "csv", out, "--excel").code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"'=HYPERLINK(1)" in data
    plan = read_csv(out)
    assert any(t.title == "=HYPERLINK(1)" for t in plan.tasks)


def test_export_is_atomic_when_cancelled(board, tmp_path):
    store = BoardStore.open(board)
    try:
        folder = tmp_path / "exports"
        folder.mkdir()
        target = folder / "out.csv"
        target.write_text("old", encoding="utf-8")
        from renkei.export.csv_tasks import ExportCancelled

        with pytest.raises(ExportCancelled):
            export_csv(store.load(), target, progress=lambda d, t: True)
        assert target.read_text(encoding="utf-8") == "old"
        assert [p.name for p in folder.iterdir()] == ["out.csv"]
    finally:
        store.dispose()


def test_generic_csv_into_an_empty_board(tmp_path, run):
    fresh = tmp_path / "new.renkei"
    BoardStore.open(fresh).dispose()
    result = run("--board", fresh, "import", "csv", GENERIC)
    assert result.code == 0, result.err
    loaded, _ = _load(fresh)
    assert {t.name for t in loaded.teams.values()} == {"Inside Sales", "Field Sales", "Marketing"}
    call = next(t for t in loaded.tasks.values() if t.source_id == "csv:T-1")
    assert loaded.statuses[call.status_id].name == "To do"
    assert call.due == date(2024, 4, 5)


def test_importing_into_a_board_that_does_not_exist_yet_makes_it(tmp_path, run):
    """A team moving its Trello board over names a new file; it is made, named after the
    Trello board, and only when the import succeeds (not for a dry run, not for a bad file)."""
    new = tmp_path / "team.renkei"
    assert run("--board", new, "import", "trello", TRELLO_SAMPLE, "--dry-run").code == 0
    assert not new.exists()
    broken = tmp_path / "broken.json"
    broken.write_text('{"name": "x", "cards": [', encoding="utf-8")
    result = run("--board", new, "import", "trello", broken)
    assert result.code == 1 and "made the new board" not in result.err
    assert list(tmp_path.iterdir()) == [broken]
    result = run("--board", new, "import", "trello", TRELLO_SAMPLE)
    assert result.code == 0, result.err
    assert f"made the new board {new}" in result.err
    loaded, _ = _load(new)
    assert loaded.name == "Simple Project Board"
    assert len(loaded.tasks) == 10


def test_a_0003_board_migrates_and_source_ids_are_unique(board):
    """Boards from before imports gain the source index; a second task with the same source
    is refused by the database itself."""
    with sqlite3.connect(board) as conn:
        conn.execute("DROP INDEX ix_tasks_source_id")
        conn.execute("ALTER TABLE projects DROP COLUMN due")  # made by 0007
        conn.execute("DROP INDEX ix_activity_change_id")  # made by 0006
        conn.execute("ALTER TABLE activity DROP COLUMN change_id")
        conn.execute("DROP INDEX ix_people_login")  # made by 0005, with the two columns
        conn.execute("ALTER TABLE people DROP COLUMN login")
        conn.execute("ALTER TABLE activity DROP COLUMN login")
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
    conn.close()
    store = BoardStore.open(board)
    try:
        session = BoardSession(store, None)
        run_import(session, read_trello(TRELLO_DECK))
        from renkei.domain.commands import Create

        status = session.board.ordered_statuses()[0].id
        from renkei.store.database import StorageError

        first = "(?i)another import of the same file finished first"
        with pytest.raises(StorageError, match=first):
            store.apply(
                Create(
                    "task",
                    (("title", "x"), ("status_id", status), ("source_id", "trello:hashcard7")),
                ),
                None,
            )
    finally:
        store.dispose()
    with sqlite3.connect(board) as conn:
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(tasks)")}
    conn.close()
    assert "ix_tasks_source_id" in indexes


@pytest.mark.postgres
def test_trello_import_on_postgresql(pg_demo_url, run):
    """The same import on a server board: one transaction, and idempotent."""
    first = run("--board", pg_demo_url, "import", "trello", TRELLO_SAMPLE)
    assert first.code == 0, first.err
    again = run("--board", pg_demo_url, "import", "trello", TRELLO_SAMPLE)
    assert again.code == 0 and "10 unchanged, 0 history entries" in again.out
    store = BoardStore.open(pg_demo_url)
    try:
        board = store.load()
        assert sum(1 for t in board.tasks.values() if t.source_id) == 10
        assert sum(1 for a in store.history(fields=["comment"])) == 4
    finally:
        store.dispose()


def test_moves_through_a_deleted_list_are_told_by_name(board, run, tmp_path):
    """A list deleted in Trello since is no status here: moves through it are history by
    list name, and the status history keeps only ids (the standup reads them as ids)."""
    data = trello_board(cards=3, actions_per_card=7)
    data["lists"] = [lst for lst in data["lists"] if lst["name"] != "Doing"]
    for card in data["cards"]:
        if card["idList"] not in {lst["id"] for lst in data["lists"]}:
            card["idList"] = data["lists"][0]["id"]
    result = run("--board", board, "import", "trello", write_json(tmp_path / "b.json", data))
    assert result.code == 0, result.err
    _, history = _load(board)
    lists = [(a.old, a.new) for a in history if a.field == "list"]
    assert ("To Do", "Doing") in lists and ("Doing", "Review") in lists
    assert all(int(a.new) > 0 for a in history if a.field == "status_id" and a.at.year == 2024)
