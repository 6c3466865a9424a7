"""Edit → Preferences…: language, theme, default board, risk thresholds, standup.

The values live in ``LocalSettings`` (the user's config folder, never the shared board) and
are saved atomically by Apply and OK. The theme and the risk thresholds take effect at once
in every open window; the language at the next start; the standup settings at the next
standup. Tests drive the dialog through its methods: ``set_values``, ``apply``,
``restore_defaults``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from renkei.app import credentials, paths
from renkei.app.session import BoardSession
from renkei.app.settings import (
    AUTO_ADVANCE_SECONDS_RANGE,
    DUE_SOON_DAYS_RANGE,
    STALE_DAYS_RANGE,
    STANDUP_MINUTES_RANGE,
    LocalSettings,
)
from renkei.i18n import arg
from renkei.ui.text import muted_text_color
from renkei.ui.themes import apply_theme

CONTEXT = "Preferences"

# Each language is named in its own language, so anyone can find theirs.
LANGUAGES = (
    ("", QT_TRANSLATE_NOOP("Preferences", "Follow the system")),
    ("en", "English"),
    ("ja", "日本語"),
)
THEME_NAMES = (
    ("system", QT_TRANSLATE_NOOP("Preferences", "Follow the system (light or dark)")),
    ("light", QT_TRANSLATE_NOOP("Preferences", "Light")),
    ("dark", QT_TRANSLATE_NOOP("Preferences", "Dark")),
    ("high_contrast", QT_TRANSLATE_NOOP("Preferences", "High contrast")),
)
SLIDE_THEME_NAMES = (
    ("dark", QT_TRANSLATE_NOOP("Preferences", "Dark")),
    ("light", QT_TRANSLATE_NOOP("Preferences", "Light")),
)


def preferences_shortcuts() -> list[QKeySequence]:
    """The platform's Preferences key (⌘, on macOS); Linux and Windows have none: Ctrl+,."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    return list(keys) if keys else [QKeySequence("Ctrl+,")]


def apply_preferences(settings: LocalSettings) -> None:
    """Put what can change live into effect: the theme everywhere, the risk thresholds in
    every open board (each session judges risk again and its views repaint)."""
    apply_theme(settings.theme)
    thresholds = settings.risk_thresholds()
    for widget in QApplication.topLevelWidgets():
        session = getattr(widget, "session", None)
        if isinstance(session, BoardSession):
            session.set_thresholds(thresholds)


class PreferencesDialog(QDialog):
    applied = Signal()  # Apply or OK put the values into effect (and saved them)

    def __init__(self, settings: LocalSettings, parent=None, *, save: bool = True):
        """``save=False``: the values are applied but never written (a window made
        without settings, as in snapshots and some tests)."""
        super().__init__(parent)
        self.settings = settings
        self.save = save
        self.setWindowTitle(self.tr("Preferences"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs.addTab(self._appearance_tab(), self.tr("Appearance"))
        self.tabs.addTab(self._risk_tab(), self.tr("Risk"))
        self.tabs.addTab(self._standup_tab(), self.tr("Standup"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons = buttons
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.set_values(settings)
        self.setMinimumWidth(620)
        self.resize(self.sizeHint().expandedTo(QSize(620, 420)))

    # -- the tabs ----------------------------------------------------------------------------

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, muted_text_color(palette))
        label.setPalette(palette)
        return label

    @staticmethod
    def _combo(choices) -> QComboBox:
        combo = QComboBox()
        for value, label in choices:
            combo.addItem(
                QCoreApplication.translate("Preferences", label)
                if label not in ("English", "日本語")
                else label,
                value,
            )
        return combo

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = self._combo(LANGUAGES)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self._note(self.tr("The language changes the next time Renkei starts.")))

        self.default_board = QLineEdit()
        self.default_board.setMinimumWidth(320)
        self.default_board.setPlaceholderText(self.tr("The built-in board"))
        self.default_board.setClearButtonEnabled(True)
        self.default_board.textChanged.connect(self._check_default_board)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse_default_board)
        builtin = QPushButton(self.tr("Use the &built-in board"))
        builtin.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        builtin.clicked.connect(self.default_board.clear)
        row = QHBoxLayout()
        row.addWidget(self.default_board, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("&Default board:"))
        label.setBuddy(self.default_board)
        form.addRow(label, row)
        form.addRow("", builtin)
        self.default_board_note = self._note("")
        form.addRow("", self.default_board_note)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "Opened when Renkei starts without --board, in the window and on the "
                    "command line. A file path or a server address."
                )
            ),
        )
        return page

    def _appearance_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.theme = self._combo(THEME_NAMES)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "High contrast: white and yellow on black with strong edges, for bright "
                    "rooms and low vision. Risk always shows an icon and a word as well."
                )
            ),
        )
        return page

    def _spin(self, bounds: tuple[int, int], suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(*bounds)
        spin.setSuffix(suffix)
        spin.setAccelerated(True)
        spin.setMaximumWidth(160)
        return spin

    def _risk_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.stale_days = self._spin(STALE_DAYS_RANGE, self.tr(" days"))
        form.addRow(self.tr("&Stale after:"), self.stale_days)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "An unfinished task nobody has changed for this many days is “Stale” "
                    "(the backlog is left out)."
                )
            ),
        )
        self.due_soon_days = self._spin(DUE_SOON_DAYS_RANGE, self.tr(" days"))
        form.addRow(self.tr("&Due soon within:"), self.due_soon_days)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "Cards show their due date with a clock this close to it, and a task "
                    "this close to its due date with less done than time used is “Behind”."
                )
            ),
        )
        form.addRow(
            "",
            self._note(
                self.tr(
                    "Changes show at once on the board, the timeline, the standup and the "
                    "status report. They are yours: other people on the board keep theirs."
                )
            ),
        )
        return page

    def _standup_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.standup_minutes = self._spin(STANDUP_MINUTES_RANGE, self.tr(" min"))
        form.addRow(self.tr("&Time per team:"), self.standup_minutes)
        self.auto_advance = QCheckBox(self.tr("&Move on by itself when the time is up"))
        form.addRow("", self.auto_advance)
        self.auto_advance_seconds = self._spin(AUTO_ADVANCE_SECONDS_RANGE, self.tr(" s"))
        form.addRow(self.tr("&Wait before moving on:"), self.auto_advance_seconds)
        self.auto_advance.toggled.connect(self.auto_advance_seconds.setEnabled)
        form.addRow(
            "",
            self._note(self.tr("During the standup, A turns moving on by itself on and off.")),
        )
        self.slide_theme = self._combo(SLIDE_THEME_NAMES)
        form.addRow(self.tr("Slide t&heme:"), self.slide_theme)
        form.addRow("", self._note(self.tr("Takes effect at the next standup; T switches.")))
        return page

    # -- values ------------------------------------------------------------------------------

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(0, index))

    def set_values(self, values: LocalSettings) -> None:
        """Show ``values``' preferences (nothing is applied until Apply or OK)."""
        self._select(self.language, values.language)
        self.default_board.setText(values.default_board)
        self._select(self.theme, values.theme)
        self.stale_days.setValue(values.stale_days)
        self.due_soon_days.setValue(values.due_soon_days)
        self.standup_minutes.setValue(values.standup_minutes)
        self.auto_advance.setChecked(values.standup_auto_advance)
        self.auto_advance_seconds.setValue(values.standup_auto_advance_seconds)
        self.auto_advance_seconds.setEnabled(values.standup_auto_advance)
        self._select(self.slide_theme, values.standup_theme)
        self._check_default_board()

    def restore_defaults(self) -> None:
        """Every field back to its default; applied by Apply or OK like any change."""
        self.set_values(LocalSettings())

    def write_into(self, settings: LocalSettings) -> None:
        settings.language = self.language.currentData()
        settings.default_board = self.default_board.text().strip()
        settings.theme = self.theme.currentData()
        settings.stale_days = self.stale_days.value()
        settings.due_soon_days = self.due_soon_days.value()
        settings.standup_minutes = self.standup_minutes.value()
        settings.standup_auto_advance = self.auto_advance.isChecked()
        settings.standup_auto_advance_seconds = self.auto_advance_seconds.value()
        settings.standup_theme = self.slide_theme.currentData()

    def apply(self) -> None:
        """Save (atomically) and put into effect."""
        self.write_into(self.settings)
        if self.save:
            try:
                self.settings.save()
            except OSError as error:
                QMessageBox.warning(
                    self,
                    self.tr("Preferences not saved"),
                    arg(
                        self.tr("Renkei could not save your preferences in %1: %2"),
                        str(paths.settings_path().parent),
                        error.strerror or str(error),
                    ),
                )
        apply_preferences(self.settings)
        self.applied.emit()

    def accept(self) -> None:
        self.apply()
        super().accept()

    # -- the default board -------------------------------------------------------------------

    def browse_default_board(self) -> None:
        start = self.default_board.text().strip()
        folder = str(Path(start).parent) if start and "://" not in start else str(Path.home())
        path = self.choose_board_file(self, folder)
        if path:
            self.default_board.setText(path)

    @classmethod
    def choose_board_file(cls, parent, folder: str) -> str:
        """The seam tests replace: a board file's path, or "" when cancelled."""
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("PreferencesDialog", "Default board"),
            folder,
            arg(
                QCoreApplication.translate(
                    "PreferencesDialog", "Renkei boards (*%1);;All files (*)"
                ),
                paths.BOARD_SUFFIX,
            ),
        )
        return path

    def _check_default_board(self) -> None:
        """A word under the field when a file path names nothing (it is not refused: a
        share may be offline just now)."""
        text = self.default_board.text().strip()
        problem = ""
        is_file = bool(text) and not credentials.is_server_url(text) and "://" not in text
        if is_file and not Path(text).expanduser().is_file():
            problem = self.tr("There is no file at this path now.")
        self.default_board_note.setText(problem)
        self.default_board_note.setVisible(bool(problem))

    # -- the seam ----------------------------------------------------------------------------

    @classmethod
    def run(cls, parent, settings: LocalSettings, *, save: bool = True) -> bool:
        """The seam tests replace: show the dialog; True when closed with OK."""
        dialog = cls(settings, parent, save=save)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
