"""The import dialog tells an import's problem (error_text) and its notes in the window's
language."""

from __future__ import annotations

from importers_data import JIRA_SJIS
from renkei.i18n.language import use_language
from renkei.ui.dialogs.import_dialog import ImportDialog
from renkei.ui.file_actions import CSV


def test_a_mapping_without_titles_is_refused_in_japanese(qtbot, demo_session):
    dialog = ImportDialog(demo_session, CSV, JIRA_SJIS)
    qtbot.addWidget(dialog)
    dialog.load()
    combo = dialog.field_combos["Summary"]
    combo.setCurrentIndex(combo.findData("ignore"))
    use_language("ja")
    try:
        dialog.next_step()
        text = dialog.result_label.text()
    finally:
        use_language("en")
    assert text.startswith("何もインポートされませんでした。ボードは変更されていません。")
    assert f"{JIRA_SJIS.name}：タスクのタイトルが入った列がありません（列：" in dialog.error
    assert "--mapping 'Column=title' で対応付けてください。" in dialog.error
    assert dialog.error in text


def test_an_imports_notes_are_shown_in_japanese(qtbot, demo_session, tmp_path):
    """The result page lists the import's notes in the window's language."""
    path = tmp_path / "tasks.csv"
    text = "Summary,Sprint,Epic,Start date,Due date\nWrite brief,S1,E1,2024-03-14,2024-03-12\n"
    path.write_text(text, encoding="utf-8")
    dialog = ImportDialog(demo_session, CSV, path)
    qtbot.addWidget(dialog)
    dialog.load()
    use_language("ja")
    try:
        dialog.next_step()  # the columns → the status values
        dialog.next_step()  # import
        text = dialog.result_label.text()
    finally:
        use_language("en")
    assert dialog.summary is not None and dialog.summary.added == 1
    assert "• インポートしなかった列：Sprint、Epic。" in text
    assert "• 2行目：開始日が期限より後のため、開始日を入れませんでした。" in text
    assert "• 行を識別する列（課題キーまたはソース ID）がありません。" in text


def test_the_same_notes_are_shown_in_english(qtbot, demo_session, tmp_path):
    path = tmp_path / "tasks.csv"
    text = "Summary,Sprint,Epic,Start date,Due date\nWrite brief,S1,E1,2024-03-14,2024-03-12\n"
    path.write_text(text, encoding="utf-8")
    dialog = ImportDialog(demo_session, CSV, path)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.next_step()
    dialog.next_step()
    text = dialog.result_label.text()
    assert "• Columns not imported: Sprint, Epic." in text
    assert "• row 2: the start date is after the due date; start left out." in text
