"""File → Import ▸ and File → Export tasks as CSV…: the menu entries, with the import wizard
and the export loaded only when one is chosen (a window or snapshot that never imports does
not pay for the importers)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from renkei.i18n import arg

# The kinds of import the wizard knows (its ``kind`` argument).
TRELLO = "trello"
CSV = "csv"


def add_file_actions(window, file_menu: QMenu) -> None:
    """File → Import → Trello board… / CSV file…, and File → Export tasks as CSV…."""
    imports = file_menu.addMenu(QCoreApplication.translate("ImportDialog", "&Import"))

    def import_(kind: str) -> None:
        from renkei.ui.dialogs.import_dialog import ImportDialog, summary_text

        summary = ImportDialog.ask(window, window.session, kind)
        if summary is not None:
            window.statusBar().showMessage(summary_text(summary).splitlines()[0], 10_000)

    imports.addAction(
        QCoreApplication.translate("ImportDialog", "&Trello board…"), lambda: import_(TRELLO)
    )
    imports.addAction(
        QCoreApplication.translate("ImportDialog", "&CSV file (Jira, spreadsheet)…"),
        lambda: import_(CSV),
    )

    def export() -> None:
        from renkei.ui.dialogs.import_dialog import choose_export_path, export_tasks

        chosen = choose_export_path(window, window.session)
        if chosen is None:
            return
        path, excel = chosen
        if export_tasks(window, window.session, path, excel):
            window.statusBar().showMessage(
                arg(QCoreApplication.translate("ImportDialog", "Tasks written to %1"), str(path)),
                10_000,
            )

    file_menu.addAction(QCoreApplication.translate("ImportDialog", "Export tasks as &CSV…"), export)
