"""The import dialog tells an import's problem in the window's language (error_text)."""

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
