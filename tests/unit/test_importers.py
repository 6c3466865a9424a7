"""Reading import files is a pure function: real and realistic files become plain data, and
every broken file is refused with one message that names the problem and where it is."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from importers_data import (
    GENERIC,
    JIRA,
    JIRA_BOM,
    JIRA_SJIS,
    PNG,
    TRELLO_DECK,
    TRELLO_SAMPLE,
    deep_json,
    trello_board,
    write_json,
)
from renkei.domain.i18n import told
from renkei.domain.model import Priority
from renkei.importers import files, model
from renkei.importers.csv_tasks import parse_moment, preview_csv, read_csv
from renkei.importers.model import ImportProblem
from renkei.importers.trello import parse_trello, read_trello

# -- Trello: the real exports ------------------------------------------------------------------


def test_real_trello_export_reads_lists_cards_labels_checklists_and_history():
    """The trello2planka sample: its lists, ten cards, labels as tags, checklists kept in the
    description, the archived card, and comments and edits with their original dates."""
    plan = read_trello(TRELLO_SAMPLE)
    assert plan.source == "Trello" and plan.name == "Simple Project Board"
    # The archived list holds no card, so it is not offered as a status.
    assert [c.name for c in plan.columns] == ["BRAINSTORM 🤔", "TODO 📚", "DOING ⚙️", "DONE! 🙌🏽"]
    assert len(plan.tasks) == 10
    by_title = {t.title: t for t in plan.tasks}
    nice = by_title["wow, that's a nice simple project board"]
    assert set(nice.tags) == {"green label", "label without color"}
    two = by_title["a card with two checklists - this could look weird in planka"]
    assert "**first checklist**" in two.description
    assert "- [x] another item of the second checklist" in two.description
    assert by_title["archived card in DONE"].archived
    attachments = by_title["attachments? comments too??"]
    comments = [e for e in attachments.events if e.kind == "comment"]
    assert len(comments) == 3
    assert comments[0].at == datetime(2022, 11, 21, 19, 23, 46, 824000)
    assert plan.person(comments[0].actor).name == "Trello Sample User"
    assert [e.kind for e in attachments.events if e.kind != "comment"][:2] == [
        "title",
        "description",
    ]
    assert attachments.created_at == datetime(2022, 11, 20, 10, 25, 17, 538000)
    assert all(t.source_id.startswith("trello:") for t in plan.tasks)


def test_real_trello_member_added_then_removed_is_two_owner_changes():
    """The Nextcloud Deck fixture: John Doe joins the card, then leaves it."""
    plan = read_trello(TRELLO_DECK)
    (task,) = plan.tasks
    owner_events = [(e.old, e.new) for e in task.events if e.kind == "owner"]
    assert owner_events == [(None, "fakeidmemberhash"), ("fakeidmemberhash", None)]
    assert plan.person("fakeidmemberhash").name == "John Doe"
    assert task.owner is None


def test_generated_board_moves_due_changes_and_handovers():
    """A member leaving and another joining minutes later is one move between people."""
    plan = parse_trello(json.dumps(trello_board(cards=3, actions_per_card=7)).encode())
    task = plan.tasks[0]
    kinds = [e.kind for e in task.events]
    assert kinds.count("status") == 2 and "due" in kinds
    moves = [e for e in task.events if e.kind == "owner"]
    assert len(moves) == 1 and moves[0].old and moves[0].new and moves[0].old != moves[0].new
    assert task.due is not None and task.tags == ("lead",)
    # Unknown fields Trello may add later are ignored, not refused.
    assert plan.warnings == ()


# -- Trello: broken files ----------------------------------------------------------------------


def _refused(data: bytes, *words: str) -> str:
    with pytest.raises(ImportProblem) as caught:
        parse_trello(data, "board.json")
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert "\n" not in message
    return message


def test_truncated_export_says_it_is_cut_off():
    data = TRELLO_SAMPLE.read_bytes()
    _refused(data[: len(data) // 2], "ends early", "cut off")


def test_png_renamed_json_is_named_for_what_it_is():
    _refused(PNG, "PNG image")


def test_not_utf8_is_refused():
    _refused(b'{"name": "\xff\xfe\xfa"}', "not UTF-8", "byte")


def test_invalid_json_names_line_and_column():
    _refused(b'{"cards": [],\n "lists": [}', "not valid JSON", "line 2")


def test_json_that_is_not_a_trello_board():
    _refused(b'[{"Summary": "a Jira issue"}]', "not a Trello board export")
    _refused(b'{"cards": {}, "lists": []}', "not a Trello board export")


def test_wrong_type_names_the_card_and_field():
    board = trello_board(cards=3)
    board["cards"][1]["name"] = 42
    _refused(json.dumps(board).encode(), "card 2", "'name'", "should be text", "a number")
    board = trello_board(cards=3)
    board["cards"][2]["idMembers"] = "not a list"
    _refused(json.dumps(board).encode(), "card 3", "'idMembers'", "should be a list")
    board = trello_board(cards=3)
    board["cards"][0]["due"] = "next Tuesday"
    _refused(json.dumps(board).encode(), "card 1", "not a date")


def test_deep_nesting_is_refused():
    _refused(deep_json(), "nested too deeply")


def test_huge_string_is_refused_naming_card_and_field():
    board = trello_board(cards=2)
    board["cards"][1]["desc"] = "x" * 10_000_000
    _refused(json.dumps(board).encode(), "card 2", "description", "10,000,000 characters")


def test_long_title_is_shortened_and_kept_in_the_description():
    board = trello_board(cards=1)
    board["cards"][0]["name"] = "Long " * 100
    (task,) = parse_trello(json.dumps(board).encode()).tasks
    assert len(task.title) == 200 and task.title.endswith("…")
    assert task.description.startswith("Long Long")


def test_files_over_the_cap_are_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    path = write_json(tmp_path / "big.json", trello_board(cards=5))
    with pytest.raises(ImportProblem, match="limited to"):
        read_trello(path)
    with pytest.raises(ImportProblem, match="is empty"):
        read_trello(write_json(tmp_path / "empty.json", "")) if False else files.read_bytes(
            _empty(tmp_path)
        )
    assert model.MAX_FILE_BYTES >= 50 * 1024 * 1024


def _empty(tmp_path):
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    return path


# -- CSV: Jira and generic ---------------------------------------------------------------------


@pytest.mark.parametrize("path", [JIRA, JIRA_BOM, JIRA_SJIS], ids=["utf8", "bom", "sjis"])
def test_jira_csv_in_every_encoding_reads_the_same(path):
    """UTF-8, UTF-8 with BOM and Shift_JIS (Japanese Excel) give the same tasks."""
    plan = read_csv(path)
    assert plan.source == "Jira CSV"
    assert len(plan.tasks) == 8
    first, japanese = plan.tasks[0], plan.tasks[1]
    assert first.source_id == "jira:SALES-101"
    assert first.title == "Qualify inbound lead from Minato Pharma"
    assert first.tags == ("lead", "pharma")  # repeated Labels headers
    assert first.due == date(2024, 3, 22) and first.start == date(2024, 3, 15)
    assert first.priority is Priority.HIGH
    assert first.estimate_hours == 2.0  # Jira exports seconds
    assert plan.person(first.owner).name == "Haruka Aoki"
    assert plan.person(first.creator).name == "Yuki Tanaka"
    assert japanese.title == "ミナト製薬 見積書の作成"
    assert japanese.tags == ("見積", "pharma", "urgent")
    assert japanese.priority is Priority.URGENT
    assert "決裁者：購買部長" in japanese.description
    assert [e.new for e in japanese.events] == [
        "先方の予算感を確認済み。",
        "決裁者の名前を追記しました。",
    ]
    assert {c.name for c in plan.columns} >= {"To Do", "In Progress", "完了", "進行中"}


def test_preview_shows_encoding_headers_and_proposed_mapping():
    preview = preview_csv(JIRA_SJIS)
    assert preview.encoding == "cp932" and preview.jira
    assert preview.headers.count("Labels") == 3
    assert preview.mapping["Summary"] == "title" and preview.mapping["Issue id"] == "ignore"
    assert preview.rows[1][0] == "ミナト製薬 見積書の作成"
    assert preview_csv(JIRA_BOM).encoding == "utf-8"


def test_generic_csv_with_japanese_headers():
    plan = read_csv(GENERIC)
    assert plan.source == "CSV"
    call, review, case, seminar = plan.tasks
    assert call.title == "新規リードの電話フォロー" and call.source_id == "csv:T-1"
    assert call.tags == ("lead", "phone") and call.priority is Priority.HIGH
    assert call.due == date(2024, 4, 5) and call.start == date(2024, 4, 1)
    assert review.progress == 40 and case.team == "Marketing"
    assert seminar.column is None


def test_mapping_overrides_the_proposal(tmp_path):
    path = tmp_path / "tasks.csv"
    path.write_text("Ticket,What,Who\nA-1,Call back,Ken\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match="no column holds the task titles"):
        read_csv(path)
    plan = read_csv(path, {"What": "title", "Ticket": "key", "Who": "owner"})
    assert plan.tasks[0].source_id == "csv:A-1" and plan.person(plan.tasks[0].owner).name == "Ken"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12/Mar/24 10:15 AM", datetime(2024, 3, 12, 10, 15)),
        ("01/Feb/2024 12:05 PM", datetime(2024, 2, 1, 12, 5)),
        ("22/Mar/24 12:00 AM", datetime(2024, 3, 22, 0, 0)),
        ("2024-03-12", datetime(2024, 3, 12)),
        ("2024/03/12 18:30", datetime(2024, 3, 12, 18, 30)),
        ("24/03/12 9:00", datetime(2024, 3, 12, 9, 0)),
        ("12/Foo/24", None),
        ("31/Feb/24", None),
        ("soon", None),
    ],
)
def test_dates_as_jira_and_spreadsheets_write_them(text, expected):
    assert parse_moment(text) == expected


def _csv_refused(tmp_path, content: bytes, *words: str, name: str = "tasks.csv") -> str:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportProblem) as caught:
        read_csv(path)
    message = str(caught.value)
    for word in words:
        assert word in message, message
    return message


def test_csv_that_is_really_a_png(tmp_path):
    _csv_refused(tmp_path, PNG + b"\x00" * 100, "PNG image")


def test_csv_that_is_an_excel_workbook(tmp_path):
    _csv_refused(tmp_path, b"PK\x03\x04" + b"\x00" * 100, "Excel workbook", "save the sheet as CSV")


def test_truncated_csv_inside_quotes(tmp_path):
    data = JIRA.read_bytes()
    cut = data[: data.index(b"Budget not confirmed")]
    _csv_refused(tmp_path, cut, "ends inside a quoted cell")


def test_csv_bad_date_names_line_and_column(tmp_path):
    text = JIRA.read_text(encoding="utf-8").replace("01/Mar/24 12:00 AM", "first of March")
    _csv_refused(tmp_path, text.encode(), "row 5 (line 7)", "'Due date'", "not a date")


def test_csv_wrong_types_name_line_and_column(tmp_path):
    head = "Title,Progress,Archived\n"
    _csv_refused(tmp_path, (head + "A,lots,no\n").encode(), "row 2", "'Progress'")
    _csv_refused(tmp_path, (head + "A,150,no\n").encode(), "row 2", "0 to 100")
    _csv_refused(tmp_path, (head + "A,10,maybe\n").encode(), "row 2", "'Archived'")


def test_csv_row_with_more_cells_than_headers(tmp_path):
    _csv_refused(tmp_path, b"Title,Status\nA,To do\nB,To do,extra,cells\n", "row 3", "4 cells")


def test_csv_huge_cell_is_refused_with_its_line(tmp_path):
    huge = "x" * 10_000_000
    _csv_refused(tmp_path, f"Title,Description\nA,{huge}\n".encode(), "row 2", "longer than")
    long_text = "y" * 30_000
    _csv_refused(tmp_path, f"Title,Description\nA,{long_text}\n".encode(), "row 2", "'Description'")


def test_csv_empty_and_headers_only(tmp_path):
    _csv_refused(tmp_path, b"", "is empty")
    path = tmp_path / "head.csv"
    path.write_bytes(b"Title,Status\n")
    assert read_csv(path).tasks == ()


def test_csv_with_empty_title_names_the_line(tmp_path):
    _csv_refused(tmp_path, b"Title,Status\nA,To do\n,Done\n", "row 3", "title", "empty")


def test_json_given_as_csv_has_no_title_column(tmp_path):
    _csv_refused(tmp_path, TRELLO_DECK.read_bytes(), "no column holds the task titles")


# -- notes: marked sentences, told in the person's language --------------------------------


JAPANESE = {
    ("History", ", "): "、",
    ("Import", "Columns not imported: %1."): "インポートしなかった列：%1。",
    ("Import", "%1 action skipped: %2."): "アクション%1件をインポートしませんでした：%2。",
    ("Import", "%1 actions skipped: %2."): "アクション%1件をインポートしませんでした：%2。",
    ("Import", "%1 with no data"): "%1 に data がありません",
}


def japanese(context: str, text: str, n: int = -1) -> str:
    return JAPANESE.get((context, text), text)


def test_a_list_of_names_in_a_note_joins_the_languages_way():
    names = ["Sprint", "Epic", "Story points", "Rank", "Team"]
    note = model.said("Columns not imported: %1.", model.listed(names))
    assert str(note) == "Columns not imported: Sprint, Epic, Story points, Rank, Team."
    assert told(note, japanese) == (
        "インポートしなかった列：Sprint、Epic、Story points、Rank、Team。"
    )
    one = model.said("Columns not imported: %1.", model.listed(["100%1"]))
    assert told(one, japanese) == "インポートしなかった列：100%1。"
    assert told("a plain note", japanese) == "a plain note"


def test_counted_notes_say_one_and_many_and_come_most_frequent_first():
    no_data = model.said("%1 with no data", "updateCard")
    notes = model.counted(
        {no_data: 1, "about a card that is not in the export": 1_204},
        "%1 action skipped: %2.",
        "%1 actions skipped: %2.",
    )
    assert [str(n) for n in notes] == [
        "1,204 actions skipped: about a card that is not in the export.",
        "1 action skipped: updateCard with no data.",
    ]
    assert told(notes[1], japanese) == (
        "アクション1件をインポートしませんでした：updateCard に data がありません。"
    )
