"""`renkei import` under a Japanese locale: a file it cannot read is refused in Japanese (where
in the file and what is wrong, as one sentence), its summary and `export csv` speak Japanese,
and the same runs under an English locale say exactly what they said before."""

from __future__ import annotations

import json
from pathlib import Path

DATE_HINT = "2024-03-12, 2024/03/12 or Jira's 12/Mar/24 10:15 AM"


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def unknown_date(tmp_path: Path) -> str:
    text = "Summary,Due date\nWrite brief,2024-03-12\nCall,next week\n"
    return write(tmp_path, "tasks.csv", text)


def test_an_unknown_date_is_told_in_japanese(run, tmp_path, japanese):
    result = run("--board", str(tmp_path / "b.renkei"), "import", "csv", unknown_date(tmp_path))
    assert result.code == 1
    assert result.err.strip() == (
        "renkei: tasks.csv の3行目、列 'Due date'：'next week' は日付ではありません"
        "（2024-03-12、2024/03/12、Jira の 12/Mar/24 10:15 AM のように書いてください）。"
    )
    assert not (tmp_path / "b.renkei").exists()


def test_the_same_date_in_english_is_unchanged(run, tmp_path, english):
    result = run("--board", str(tmp_path / "b.renkei"), "import", "csv", unknown_date(tmp_path))
    assert result.code == 1
    assert result.err.strip() == (
        "renkei: tasks.csv, row 3, column 'Due date': 'next week' is not a date "
        f"(write it like {DATE_HINT})."
    )


def test_a_bad_row_is_told_in_japanese(run, tmp_path, japanese):
    csv = write(tmp_path, "tasks.csv", "Summary,Owner\nWrite brief,Aoki\nCall, the client,Tanaka\n")
    result = run("--board", str(tmp_path / "b.renkei"), "import", "csv", csv)
    assert result.code == 1
    assert result.err.strip() == (
        "renkei: tasks.csv の3行目はセルが3個ありますが、見出し行は2個です。"
        "カンマを引用符で囲み忘れていませんか？"
    )


def test_a_wrong_file_is_told_in_japanese(run, tmp_path, japanese):
    picture = tmp_path / "picture.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = run("--board", str(tmp_path / "b.renkei"), "import", "csv", str(picture))
    assert result.err.strip() == "renkei: picture.csv：CSV ファイルではありません。PNG 画像です。"

    not_trello = write(tmp_path, "board.json", '{"name": "x"}')
    result = run("--board", str(tmp_path / "b.renkei"), "import", "trello", not_trello)
    assert result.code == 1
    assert result.err.strip() == (
        "renkei: board.json は JSON ですが、Trello ボードのエクスポートではありません"
        "（'cards' と 'lists' の一覧がありません）。Trello のメニューから"
        "「印刷、エクスポート、共有」→「JSON としてエクスポート」で書き出してください。"
    )


def test_a_trello_card_with_a_broken_field_names_the_card_in_japanese(run, tmp_path, japanese):
    export = write(
        tmp_path,
        "board.json",
        '{"name": "B", "lists": [], "cards": [{"id": "c1", "name": "Call", "due": 5}]}',
    )
    result = run("--board", str(tmp_path / "b.renkei"), "import", "trello", export)
    assert result.err.strip() == (
        "renkei: 1番目のカード（'Call'）：フィールド 'due' はテキストのはずですが、数値です。"
    )


def test_an_import_and_an_export_say_what_they_did_in_japanese(run, tmp_path, japanese):
    text = "Summary,Due date\nWrite brief,2024-03-12\nCall,2024/03/14\n"
    csv = write(tmp_path, "tasks.csv", text)
    board = tmp_path / "new.renkei"
    result = run("--board", str(board), "import", "csv", csv)
    assert result.code == 0, result.err
    assert f"renkei: 新しいボード {board} を作成しました" in result.err
    line = result.out.strip()
    assert line.startswith("CSV 'tasks' をインポートしました：タスク2件を追加、0件を更新、")
    assert "変更なし0件、履歴0件、引き継ぎ0件" in line and line.endswith("秒）")

    out = tmp_path / "out.csv"
    result = run("--board", str(board), "export", "csv", str(out))
    assert result.out.strip() == f"タスク2件を {out} に書き出しました（UTF-8）。"


def test_the_english_summary_is_unchanged(run, tmp_path, english):
    csv = write(tmp_path, "tasks.csv", "Summary,Due date\nWrite brief,2024-03-12\n")
    board = tmp_path / "new.renkei"
    result = run("--board", str(board), "import", "csv", csv, "--dry-run")
    assert result.code == 0, result.err
    assert result.out.strip().startswith(
        "Would import CSV 'tasks': 1 tasks added, 0 updated, 0 unchanged, 0 history entries, "
        "0 handoffs"
    )


def noted(tmp_path: Path) -> str:
    """A file whose import notes two things: a column it does not know, a start after due."""
    text = "Summary,Sprint,Epic,Start date,Due date\nWrite brief,S1,E1,2024-03-14,2024-03-12\n"
    return write(tmp_path, "tasks.csv", text)


def notes(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith(("renkei: note:", "renkei: 注意"))]


def test_an_imports_notes_are_told_in_japanese(run, tmp_path, japanese):
    result = run("--board", str(tmp_path / "b.renkei"), "import", "csv", noted(tmp_path))
    assert result.code == 0, result.err
    assert notes(result.err) == [
        "renkei: 注意：行を識別する列（課題キーまたはソース ID）がありません。"
        "このファイルをもう一度インポートすると、同じ行がもう一度追加されます。",
        "renkei: 注意：インポートしなかった列：Sprint、Epic。",
        "renkei: 注意：2行目：開始日が期限より後のため、開始日を入れませんでした。",
    ]


def test_the_same_notes_in_english_are_unchanged(run, tmp_path, english):
    result = run("--board", str(tmp_path / "b.renkei"), "import", "csv", noted(tmp_path))
    assert result.code == 0, result.err
    assert notes(result.err) == [
        "renkei: note: No column identifies the rows (an issue key or source id): importing "
        "this file again will add its rows again.",
        "renkei: note: Columns not imported: Sprint, Epic.",
        "renkei: note: row 2: the start date is after the due date; start left out.",
    ]


def test_the_json_notes_stay_english_under_a_japanese_locale(run, tmp_path, japanese):
    result = run(
        "--board", str(tmp_path / "b.renkei"), "import", "csv", noted(tmp_path), "--json"
    )
    data = json.loads(result.out)
    assert data["warnings"][1:] == [
        "Columns not imported: Sprint, Epic.",
        "row 2: the start date is after the due date; start left out.",
    ]


def skipping_trello(tmp_path: Path) -> str:
    """One card; three actions the import cannot use: two about a card the export lacks, one
    with no data."""
    at = '"date": "2024-03-01T09:00:00.000Z"'
    gone = f'{{"type": "commentCard", {at}, "data": {{"card": {{"id": "gone"}}, "text": "hi"}}}}'
    return write(
        tmp_path,
        "board.json",
        '{"name": "B", "lists": [{"id": "l1", "name": "To do"}], '
        '"cards": [{"id": "c1", "name": "Call", "idList": "l1"}], '
        f'"actions": [{gone}, {gone}, {{"type": "updateCard", {at}}}]}}',
    )


def test_what_a_trello_import_skipped_is_told_in_japanese(run, tmp_path, japanese):
    board = str(tmp_path / "b.renkei")
    result = run("--board", board, "import", "trello", skipping_trello(tmp_path), "--dry-run")
    assert result.code == 0, result.err
    assert result.out.strip().endswith(
        "引き継ぎ0件。アクション2件をインポートしませんでした：エクスポートにないカードのアクションです。"
        "アクション1件をインポートしませんでした：updateCard に data がありません。"
    )


def test_what_a_trello_import_skipped_in_english_is_unchanged(run, tmp_path, english):
    board = str(tmp_path / "b.renkei")
    result = run("--board", board, "import", "trello", skipping_trello(tmp_path), "--dry-run")
    assert result.code == 0, result.err
    assert result.out.strip().endswith(
        "0 handoffs. 2 actions skipped: about a card that is not in the export. "
        "1 action skipped: updateCard with no data."
    )
