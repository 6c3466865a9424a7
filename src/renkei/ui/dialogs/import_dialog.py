"""File → Import → Trello board… / CSV file…, and File → Export tasks as CSV….

The import is a small wizard: pick the file → map it (Trello lists → the board's statuses;
CSV columns → task fields, with the first rows and the encoding shown) → import with a
progress bar that can cancel (cancelled or failed: the board is unchanged, one transaction)
→ a summary. Reading and applying are the Qt-free functions of ``renkei.importers``; this
module only wires them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from renkei.app import paths
from renkei.app.session import BoardSession
from renkei.domain.i18n import told
from renkei.export.csv_tasks import ExportCancelled, export_csv
from renkei.i18n import arg
from renkei.i18n.words import error_text, translate_marked
from renkei.importers.apply import ImportSummary, default_status_map, run_import
from renkei.importers.csv_tasks import FIELDS, CsvPreview, preview_csv, read_csv
from renkei.importers.model import ImportCancelled, ImportPlan, ImportProblem
from renkei.importers.trello import read_trello
from renkei.ui.file_actions import TRELLO
from renkei.ui.operation import Failure, Operation, OperationFailure, ProgressDialog
from renkei.ui.write_refusal import write_error_text


def field_label(name: str) -> str:
    labels = {
        "ignore": QCoreApplication.translate("ImportDialog", "(not imported)"),
        "key": QCoreApplication.translate("ImportDialog", "Key (matches on re-import)"),
        "id": QCoreApplication.translate("ImportDialog", "Row id"),
        "title": QCoreApplication.translate("ImportDialog", "Title"),
        "description": QCoreApplication.translate("ImportDialog", "Description"),
        "status": QCoreApplication.translate("ImportDialog", "Status"),
        "owner": QCoreApplication.translate("ImportDialog", "Owner"),
        "creator": QCoreApplication.translate("ImportDialog", "Created by"),
        "team": QCoreApplication.translate("ImportDialog", "Team"),
        "project": QCoreApplication.translate("ImportDialog", "Project"),
        "priority": QCoreApplication.translate("ImportDialog", "Priority"),
        "start": QCoreApplication.translate("ImportDialog", "Start"),
        "due": QCoreApplication.translate("ImportDialog", "Due"),
        "created": QCoreApplication.translate("ImportDialog", "Created"),
        "tags": QCoreApplication.translate("ImportDialog", "Tags"),
        "progress": QCoreApplication.translate("ImportDialog", "Progress"),
        "estimate": QCoreApplication.translate("ImportDialog", "Estimate"),
        "archived": QCoreApplication.translate("ImportDialog", "Archived"),
        "comment": QCoreApplication.translate("ImportDialog", "Comment"),
    }
    return labels[name]


def summary_text(summary: ImportSummary) -> str:
    text = arg(
        QCoreApplication.translate(
            "ImportDialog", "%1 tasks added, %2 updated, %3 history entries, %4 handoffs."
        ),
        f"{summary.added:,}",
        f"{summary.updated:,}",
        f"{summary.history:,}",
        f"{summary.handoffs:,}",
    )
    made = []
    if summary.people:
        made.append(
            arg(QCoreApplication.translate("ImportDialog", "%1 new people"), str(summary.people))
        )
    if summary.statuses:
        made.append(
            arg(
                QCoreApplication.translate("ImportDialog", "%1 new statuses"), str(summary.statuses)
            )
        )
    if summary.teams:
        made.append(
            arg(QCoreApplication.translate("ImportDialog", "%1 new teams"), str(summary.teams))
        )
    if summary.projects:
        made.append(
            arg(
                QCoreApplication.translate("ImportDialog", "%1 new projects"), str(summary.projects)
            )
        )
    if summary.unchanged:
        made.append(
            arg(
                QCoreApplication.translate("ImportDialog", "%1 unchanged"), f"{summary.unchanged:,}"
            )
        )
    return text + ("\n" + ", ".join(made) + "." if made else "")


class _Progress(ProgressDialog):
    """The operation's progress dialog, also as the readers' progress callback."""

    def __init__(self, parent: QWidget, label: str):
        super().__init__(parent, label, QCoreApplication.translate("ImportDialog", "Cancel"))

    def reading(self, done: int, total: int) -> None:
        if self(done, total):
            raise ImportCancelled()


class ImportDialog(QDialog):
    """Pick the file (done by ``ask``) → map it → import → summary.

    Trello: one mapping page, lists → statuses. CSV: columns → fields (with the first rows
    and the encoding), then Next reads the file and offers its status values → statuses."""

    COLUMNS, STATUSES, RESULT = range(3)

    def __init__(self, session: BoardSession, kind: str, path: Path, parent=None):
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.path = path
        self.plan: ImportPlan | None = None
        self.preview: CsvPreview | None = None
        self.summary: ImportSummary | None = None
        self.error: str | None = None
        self.list_combos: dict[str, QComboBox] = {}
        self.field_combos: dict[str, QComboBox] = {}
        self.setWindowTitle(
            QCoreApplication.translate("ImportDialog", "Import Trello board")
            if kind == TRELLO
            else QCoreApplication.translate("ImportDialog", "Import CSV file")
        )
        self.pages = QStackedWidget(self)
        self.columns_intro, self.columns_table = self._page()
        self.statuses_intro, self.statuses_table = self._page()
        self.columns_table.setAccessibleName(self.tr("Columns of the file and their fields"))
        self.statuses_table.setAccessibleName(self.tr("Trello lists and their statuses"))
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setContentsMargins(12, 12, 12, 12)
        font = self.result_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.result_label.setFont(font)
        self.pages.addWidget(self.result_label)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            QCoreApplication.translate("ImportDialog", "Import"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.import_button.clicked.connect(self.next_step)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 520)

    def _page(self) -> tuple[QLabel, QTableWidget]:
        page = QWidget(self)
        intro = QLabel(page)
        intro.setWordWrap(True)
        table = QTableWidget(page)
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(intro)
        box.addWidget(table, 1)
        self.pages.addWidget(page)
        return intro, table

    # -- reading the file --------------------------------------------------------------------

    def load(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Read the file and fill the first mapping step; ImportProblem when it cannot be
        read."""
        if self.kind == TRELLO:
            self.plan = read_trello(self.path, progress)
            self.fill_lists(self.plan)
        else:
            self.preview = preview_csv(self.path)
            self.fill_columns(self.preview)
            self.import_button.setText(QCoreApplication.translate("ImportDialog", "Next"))
            self.pages.setCurrentIndex(self.COLUMNS)

    def status_names(self) -> list[str]:
        return [s.name for s in self.session.board.ordered_statuses()]

    def fill_lists(self, plan: ImportPlan) -> None:
        if self.kind == TRELLO:
            intro = arg(
                QCoreApplication.translate(
                    "ImportDialog",
                    "Trello board “%1”: %2 cards in %3 lists. Pick a status for each list.",
                ),
                plan.name,
                f"{len(plan.tasks):,}",
                str(len(plan.columns)),
            )
            headers = [
                QCoreApplication.translate("ImportDialog", "Trello list"),
                QCoreApplication.translate("ImportDialog", "Cards"),
            ]
        else:
            intro = arg(
                QCoreApplication.translate(
                    "ImportDialog", "%1 rows with %2 status values. Pick a status for each value."
                ),
                f"{len(plan.tasks):,}",
                str(len(plan.columns)),
            )
            headers = [
                QCoreApplication.translate("ImportDialog", "Status in the file"),
                QCoreApplication.translate("ImportDialog", "Rows"),
            ]
        self.statuses_intro.setText(intro)
        table = self.statuses_table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(
            [*headers, QCoreApplication.translate("ImportDialog", "Status")]
        )
        table.setRowCount(len(plan.columns))
        proposed = default_status_map(self.session.board, plan)
        existing = self.status_names()
        self.list_combos = {}
        for row, column in enumerate(plan.columns):
            table.setItem(row, 0, QTableWidgetItem(column.name))
            count = QTableWidgetItem(f"{column.count:,}")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 1, count)
            combo = QComboBox(table)
            for name in existing:
                combo.addItem(name, name)
            new_name = column.name[:40]
            if new_name.casefold() not in {n.casefold() for n in existing}:
                combo.addItem(
                    arg(QCoreApplication.translate("ImportDialog", "New status “%1”"), new_name),
                    new_name,
                )
            combo.setCurrentIndex(max(0, combo.findData(proposed[column.key])))
            table.setCellWidget(row, 2, combo)
            self.list_combos[column.key] = combo
        self._fit(table, stretch=0, combos=2)
        self.import_button.setText(QCoreApplication.translate("ImportDialog", "Import"))
        self.pages.setCurrentIndex(self.STATUSES)

    def fill_columns(self, preview: CsvPreview) -> None:
        kind = (
            QCoreApplication.translate("ImportDialog", "Jira export")
            if preview.jira
            else QCoreApplication.translate("ImportDialog", "CSV file")
        )
        self.columns_intro.setText(
            arg(
                QCoreApplication.translate(
                    "ImportDialog", "%1 “%2”, encoding %3. Choose the task field each column feeds."
                ),
                kind,
                self.path.name,
                preview.encoding,
            )
        )
        table = self.columns_table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportDialog", "Column"),
                QCoreApplication.translate("ImportDialog", "Field"),
                QCoreApplication.translate("ImportDialog", "First rows"),
            ]
        )
        headers = list(dict.fromkeys(preview.headers))
        table.setRowCount(len(headers))
        self.field_combos = {}
        for row, header in enumerate(headers):
            table.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox(table)
            for name in FIELDS:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(combo.findData(preview.mapping.get(header, "ignore")))
            combo.currentIndexChanged.connect(self._forget_rows)
            table.setCellWidget(row, 1, combo)
            self.field_combos[header] = combo
            indexes = [i for i, h in enumerate(preview.headers) if h == header]
            samples = [
                " ".join(r[i].split())
                for r in preview.rows[:3]
                for i in indexes
                if i < len(r) and r[i].strip()
            ]
            item = QTableWidgetItem(" · ".join(s[:40] for s in samples))
            item.setToolTip("\n".join(samples))
            table.setItem(row, 2, item)
        self._fit(table, stretch=2, combos=1)

    def _forget_rows(self) -> None:
        self.plan = None  # the mapping changed: the file is read again

    @staticmethod
    def _fit(table: QTableWidget, stretch: int, combos: int) -> None:
        """Names get the room (Trello's lists are long); the combo boxes what they need."""
        header = table.horizontalHeader()
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(combos, max(header.sectionSize(combos), 240))

    # -- the choices -------------------------------------------------------------------------

    def status_map(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self.list_combos.items()}

    def column_mapping(self) -> dict[str, str]:
        return {h: combo.currentData() for h, combo in self.field_combos.items()}

    # -- importing ---------------------------------------------------------------------------

    def read_rows(self, progress: Callable[[int, int], bool] | None = None) -> ImportPlan:
        """A CSV file read with the chosen column mapping (ImportProblem, ImportCancelled)."""

        def reading(done: int, total: int) -> None:
            if progress is not None and progress(done, total):
                raise ImportCancelled()

        self.plan = read_csv(self.path, self.column_mapping(), progress=reading)
        return self.plan

    def run(self, progress: Callable[[int, int], bool] | None = None) -> ImportSummary | None:
        """Apply with the chosen mapping (reading a CSV file first if needed) as one
        operation; raises ImportProblem or ImportCancelled. None when the board refused it or
        could not be reached (``fail`` has said so): the board is then unchanged, or, when
        the save could not be confirmed, possibly changed — importing again doubles nothing."""
        plan = self.plan if self.plan is not None else self.read_rows(progress)
        label = QCoreApplication.translate("ImportDialog", "Import")

        def work(change_id: str, report) -> ImportSummary:
            return run_import(
                self.session,
                plan,
                self.status_map(),
                progress=report,
                label=label,
                change_id=change_id,
            )

        operation = Operation(self, self.session, label, on_failure=self.fail, progress=progress)
        return operation.run(work)

    def next_step(self) -> None:
        """Next (CSV columns → its status values) or Import."""
        if self.pages.currentIndex() == self.COLUMNS:
            progress = _Progress(
                self, arg(QCoreApplication.translate("ImportDialog", "Reading %1…"), self.path.name)
            )
            try:
                plan = self.read_rows(progress)
            except ImportCancelled:
                return
            except ImportProblem as error:
                self.fail(error)
                return
            finally:
                progress.close()
            self.fill_lists(plan)
            return
        self.start_import()

    def fail(self, error: Exception | OperationFailure) -> None:
        unconfirmed = isinstance(error, OperationFailure) and error.kind is Failure.UNCONFIRMED
        if isinstance(error, OperationFailure):
            error = error.error if error.error is not None else Exception(error.reason)
        self.error = error_text(error)
        if unconfirmed:
            # Never "nothing was imported" unless it was checked. Importing the file again
            # is safe: tasks already brought in are matched by their source, not doubled.
            header = QCoreApplication.translate(
                "ImportDialog",
                "Renkei could not confirm whether the import was saved. Look at the board once "
                "it is connected again; importing the same file again adds nothing twice.",
            )
        else:
            header = QCoreApplication.translate(
                "ImportDialog", "Nothing was imported; the board was not changed."
            )
        self.show_result(header + "\n\n" + self.error)

    def start_import(self) -> None:
        progress = _Progress(self, QCoreApplication.translate("ImportDialog", "Importing…"))
        try:
            self.summary = self.run(progress)
        except ImportCancelled:
            self.show_result(
                QCoreApplication.translate(
                    "ImportDialog", "Import cancelled. The board was not changed."
                )
            )
            return
        except ImportProblem as error:
            self.fail(error)
            return
        finally:
            progress.close()
        if self.summary is None:
            return  # ``fail`` has shown why
        notes = (*self.summary.skipped, *self.summary.warnings)
        warnings = "\n".join(f"• {told(w, translate_marked)}" for w in notes[:10])
        self.show_result(
            arg(QCoreApplication.translate("ImportDialog", "Imported from “%1”."), self.path.name)
            + "\n\n"
            + summary_text(self.summary)
            + ("\n\n" + warnings if warnings else "")
        )

    def show_result(self, text: str) -> None:
        self.result_label.setText(text)
        self.pages.setCurrentIndex(self.RESULT)
        self.import_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        # The box had hidden all its buttons for a moment; lay it out again or it stays 0 high.
        self.buttons.layout().invalidate()
        self.buttons.updateGeometry()
        self.layout().activate()

    # -- the whole gesture -------------------------------------------------------------------

    @classmethod
    def choose_file(cls, parent: QWidget, kind: str) -> Path | None:
        """The seam tests replace: which file to import."""
        if kind == TRELLO:
            title, filters = (
                QCoreApplication.translate("ImportDialog", "Import Trello board"),
                QCoreApplication.translate("ImportDialog", "Trello export (*.json)"),
            )
        else:
            title, filters = (
                QCoreApplication.translate("ImportDialog", "Import CSV file"),
                QCoreApplication.translate("ImportDialog", "CSV files (*.csv *.txt)"),
            )
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filters)
        return Path(chosen) if chosen else None

    @classmethod
    def ask(cls, parent: QWidget, session: BoardSession, kind: str) -> ImportSummary | None:
        """Pick a file, map it, import it. The summary, or None when nothing was imported."""
        path = cls.choose_file(parent, kind)
        if path is None:
            return None
        dialog = cls(session, kind, path, parent)
        reading = _Progress(
            parent, arg(QCoreApplication.translate("ImportDialog", "Reading %1…"), path.name)
        )
        try:
            dialog.load(reading.reading)
        except ImportCancelled:
            dialog.deleteLater()
            return None
        except ImportProblem as error:
            dialog.deleteLater()
            title = QCoreApplication.translate("ImportDialog", "Not imported")
            QMessageBox.warning(parent, title, error_text(error))
            return None
        finally:
            reading.close()
        try:
            dialog.exec()
            return dialog.summary
        finally:
            dialog.deleteLater()


# -- export ------------------------------------------------------------------------------------


def choose_export_path(parent: QWidget, session: BoardSession) -> tuple[Path, bool] | None:
    """Where to write, and whether for Excel (UTF-8 with BOM): the seam tests replace."""
    excel_filter = QCoreApplication.translate(
        "ImportDialog", "CSV for Excel, UTF-8 with BOM (*.csv)"
    )
    plain_filter = QCoreApplication.translate("ImportDialog", "CSV, UTF-8 (*.csv)")
    name = f"{session.board.name} tasks {session.today().isoformat()}.csv"
    chosen, selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Export tasks as CSV"),
        str(paths.data_dir() / name),
        ";;".join((excel_filter, plain_filter)),
    )
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(".csv") else chosen + ".csv")
    return path, selected != plain_filter


def export_tasks(parent: QWidget, session: BoardSession, path: Path, excel: bool) -> bool:
    progress = _Progress(parent, QCoreApplication.translate("ImportDialog", "Writing the tasks…"))
    try:
        export_csv(session.board, path, excel=excel, progress=progress)
    except ExportCancelled:
        return False
    except OSError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ImportDialog", "Not exported"),
            arg(
                QCoreApplication.translate("ImportDialog", "Could not write %1: %2"),
                str(path),
                write_error_text(error),
            ),
        )
        return False
    finally:
        progress.close()
    return True
