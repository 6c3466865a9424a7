"""File → Export status as PDF…: which team, which paper, whether to add the appendix, a
lead's word on each team's and project's health (over the computed one), where; then the
export with a progress bar that can cancel (nothing is left behind when cancelled)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from renkei.app import paths
from renkei.app.session import BoardSession
from renkei.domain.health import Health, StatusLine
from renkei.export.pdf import ExportCancelled
from renkei.export.report import ReportOptions, export_pdf
from renkei.i18n import arg, translate_marked
from renkei.ui.write_refusal import write_error_text


def default_paper() -> str:
    """Letter where it is the norm (the US, Canada and a few others), A4 elsewhere."""
    letter = {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Philippines,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
    }
    return "letter" if QLocale().territory() in letter else "a4"


class ExportOptionsDialog(QDialog):
    def __init__(self, session: BoardSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export status as PDF"))
        self.team_combo = QComboBox(self)
        self.team_combo.addItem(self.tr("All teams"), None)
        for team in session.board.ordered_teams():
            self.team_combo.addItem(team.name, team.id)
        self.paper_combo = QComboBox(self)
        self.paper_combo.addItem("A4", "a4")
        self.paper_combo.addItem(self.tr("Letter"), "letter")
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(default_paper()))
        self.full_check = QCheckBox(
            self.tr("Add the appendix (team tables, timeline, board, handoffs)"), self
        )
        self.status_rows: list[tuple[str, int, str, QComboBox, QLineEdit]] = []
        statuses = QGroupBox(self.tr("Health, in your words (leave on Computed to use the rule)"))
        grid = QFormLayout(statuses)
        board = session.board
        scopes = [("team", t.id, t.name) for t in board.ordered_teams()]
        scopes += [
            ("project", p.id, p.name)
            for p in sorted(board.projects.values(), key=lambda p: (p.name.casefold(), p.id))
        ]
        for kind, ident, name in scopes:
            combo = QComboBox(statuses)
            combo.addItem(self.tr("Computed"), None)
            for level in Health:
                combo.addItem(level.word(translate_marked), level)
            line = QLineEdit(statuses)
            line.setPlaceholderText(self.tr("What is happening, in one line"))
            line.setMinimumWidth(line.fontMetrics().averageCharWidth() * 36)
            line.setEnabled(False)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, e=line: e.setEnabled(c.currentData() is not None)
            )
            row = QHBoxLayout()
            row.addWidget(combo)
            row.addWidget(line, 1)
            label = QLabel(name, statuses)
            grid.addRow(label, row)
            self.status_rows.append((kind, ident, name, combo, line))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Teams:"), self.team_combo)
        form.addRow(self.tr("Paper:"), self.paper_combo)
        form.addRow(self.full_check)
        form.addRow(statuses)
        form.addRow(buttons)

    def statuses(self) -> tuple[tuple[str, int, StatusLine], ...]:
        """The health a lead chose for a team or project, with the line written beside it."""
        found = []
        for kind, ident, name, combo, line in self.status_rows:
            level = combo.currentData()
            if level is not None:
                found.append((kind, ident, StatusLine(name, level, line.text().strip())))
        return tuple(found)

    def options(self) -> ReportOptions:
        return ReportOptions(
            paper=self.paper_combo.currentData(),
            team_id=self.team_combo.currentData(),
            full=self.full_check.isChecked(),
            statuses=self.statuses(),
        )


def export_with_progress(
    parent: QWidget, session: BoardSession, path: Path, options: ReportOptions
) -> bool:
    """Export, showing progress; True when written, False when cancelled or failed (said)."""
    progress = QProgressDialog(
        QCoreApplication.translate("ExportPdf", "Writing the status report…"),
        QCoreApplication.translate("ExportPdf", "Cancel"),
        0,
        100,
        parent,
    )
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def step(done: int, total: int) -> bool:
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, total))
        QApplication.processEvents()
        return not progress.wasCanceled()

    try:
        export_pdf(session, path, options, step)
    except ExportCancelled:
        return False
    except OSError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ExportPdf", "Not exported"),
            arg(
                QCoreApplication.translate("ExportPdf", "Could not write %1: %2"),
                str(path),
                write_error_text(error),
            ),
        )
        return False
    finally:
        progress.close()
        progress.deleteLater()
    return True


def ask_and_export(parent: QWidget, session: BoardSession) -> Path | None:
    """The whole gesture: options, where to save, the export. The written path or None."""
    dialog = ExportOptionsDialog(session, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        options = dialog.options()
    finally:
        dialog.deleteLater()
    name = arg(
        QCoreApplication.translate("ExportPdf", "%1 status %2.pdf"),
        session.board.name,
        session.today().isoformat(),
    )
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExportPdf", "Export status as PDF"),
        str(paths.data_dir() / name),
        QCoreApplication.translate("ExportPdf", "PDF files (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
    return path if export_with_progress(parent, session, path, options) else None
