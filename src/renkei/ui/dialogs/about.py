"""Help → About Renkei: the version, what it runs on, where the board is, and the licences
of what ships inside it (the Japanese font under the SIL OFL 1.1, the icons, Qt)."""

from __future__ import annotations

import platform
import sys
from importlib import resources

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from renkei import __version__
from renkei.app import paths
from renkei.i18n import arg
from renkei.render.theme import JP_FONT_FAMILY, LATIN_FONT_FAMILY
from renkei.ui.icons import app_icon
from renkei.ui.text import muted_text_color

FONT_LICENCE_FILE = "OFL.txt"  # Renkei Sans JP's
LATIN_FONT_LICENCE_FILE = "OFL-Latin.txt"  # Renkei Sans Latin's


def font_licence_text(name: str = FONT_LICENCE_FILE) -> str:
    """A bundled font's licence file as shipped (copyright lines, then the OFL 1.1)."""
    item = resources.files("renkei.resources") / "fonts" / name
    try:
        return item.read_text(encoding="utf-8")
    except OSError:
        return ""


def font_copyright(licence: str) -> str:
    """The copyright line at the top of OFL.txt ("Copyright 2014-2021 Adobe …")."""
    for line in licence.splitlines():
        if line.strip().lower().startswith("copyright"):
            return line.strip().rstrip(".")
    return ""


class AboutDialog(QDialog):
    def __init__(self, board_location: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Renkei"))
        muted = muted_text_color(self.palette()).name()

        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(arg(self.tr("Renkei %1"), __version__), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tagline = QLabel(
            self.tr(
                "連携 — working hand in hand. Cross-team work at a glance, and where "
                "information got lost between teams."
            ),
            self,
        )
        tagline.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(tagline)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(12)
        top.addLayout(heading, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._about_page(board_location, muted), self.tr("Renkei"))
        self.licence_text = font_licence_text()
        self.latin_licence_text = font_licence_text(LATIN_FONT_LICENCE_FILE)
        self.tabs.addTab(self._licences_page(muted), self.tr("Licences"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        about_qt = QPushButton(self.tr("About Qt"), self)
        about_qt.clicked.connect(lambda: QApplication.aboutQt())
        buttons.addButton(about_qt, QDialogButtonBox.ButtonRole.HelpRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def _about_page(self, board_location: str | None, muted: str) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.facts: dict[str, str] = {}

        def fact(key: str, label: str, value: str) -> None:
            self.facts[key] = value
            shown = QLabel(value, page)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, shown)

        fact("version", self.tr("Version:"), __version__)
        fact(
            "runtime",
            self.tr("Runs on:"),
            arg(
                self.tr("Qt %1, PySide6 %2, Python %3"),
                qVersion(),
                PySide6.__version__,
                platform.python_version(),
            ),
        )
        frozen = getattr(sys, "frozen", False)
        fact(
            "system",
            self.tr("System:"),
            f"{platform.system()} {platform.release()} ({platform.machine()}), "
            + QGuiApplication.platformName()
            + (", " + self.tr("installed app") if frozen else ""),
        )
        fact("board", self.tr("This board:"), board_location or self.tr("none open"))
        fact("data", self.tr("Your boards folder:"), str(paths.data_dir()))
        fact("settings", self.tr("Settings file:"), str(paths.settings_path()))
        hint = QLabel(
            self.tr(
                "Settings on this computer (who you are on each board, recent boards, the "
                "window's layout) stay in the settings file, never inside a shared board."
            ),
            page,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {muted}")
        form.addRow(hint)
        return page

    def _licences_page(self, muted: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        families = QFontDatabase.families()
        font_ok = JP_FONT_FAMILY in families and LATIN_FONT_FAMILY in families
        summary = QLabel(page)
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.RichText)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        summary.setOpenExternalLinks(True)
        parts = [
            self.tr("<b>Renkei</b> is free software under the MIT License."),
            self.tr(
                "<b>Application icon</b>: drawn for Renkei; part of Renkei, under the MIT License."
            ),
            arg(
                self.tr(
                    "<b>Font: %1</b> (Regular and Bold), a Modified Version of Noto Sans CJK JP, "
                    "used for Japanese text on screen and in PDF reports. %2. Licensed under the "
                    "SIL Open Font License 1.1, printed below."
                ),
                JP_FONT_FAMILY,
                font_copyright(self.licence_text) or "Copyright 2014-2021 Adobe",
            ),
            arg(
                self.tr(
                    "<b>Font: %1</b> (Regular and Bold), a Modified Version of Noto Sans, used "
                    "for Latin text (English words, names, digits) on screen and in PDF "
                    "reports. %2. Licensed under the SIL Open Font License 1.1, printed below."
                ),
                LATIN_FONT_FAMILY,
                font_copyright(self.latin_licence_text) or "Copyright 2015-2020 Google LLC",
            ),
            arg(
                self.tr(
                    "<b>Qt %1 and PySide6</b>: under the GNU Lesser General Public License v3 "
                    "(About Qt tells more)."
                ),
                qVersion(),
            ),
        ]
        if getattr(sys, "frozen", False):
            parts.append(
                self.tr(
                    "Python, SQLAlchemy, Alembic, psycopg, keyring and the other libraries "
                    "inside this app keep their licence files beside them, in the app "
                    "folder's <i>_internal</i> folder (<i>licenses</i> and <i>*.dist-info</i>)."
                )
            )
        summary.setText("".join(f"<p>{p}</p>" for p in parts))
        layout.addWidget(summary)
        if not font_ok:
            missing = QLabel(self.tr("The bundled font is not loaded in this session."), page)
            missing.setStyleSheet(f"color: {muted}")
            layout.addWidget(missing)
        self.licence_view = QPlainTextEdit(page)
        self.licence_view.setReadOnly(True)
        texts = [
            self.licence_text or self.tr("OFL.txt is missing."),
            self.latin_licence_text or arg(self.tr("%1 is missing."), LATIN_FONT_LICENCE_FILE),
        ]
        self.licence_view.setPlainText(f"\n{'=' * 59}\n\n".join(texts))
        self.licence_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(8.0, self.font().pointSizeF() * 0.9))
        self.licence_view.setFont(mono)
        layout.addWidget(self.licence_view, 1)
        return page

    @classmethod
    def run(cls, parent: QWidget | None, board_location: str | None) -> None:
        dialog = cls(board_location, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
