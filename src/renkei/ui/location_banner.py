"""Where the board lives, in the window: the words for the sync indicator's tooltip, and a
bar at the top of the board, shown until the person answers "Got it", when the board is on a
network share or in a synced folder (what that means, and a way to move it to a server)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QWidget,
)

from renkei.app.places import (
    LOCK_TAKEOVER_SECONDS,
    BoardLocation,
)
from renkei.domain.i18n import told
from renkei.i18n import arg, translate_marked


def place_headline(place: BoardLocation) -> str:
    """Where, in a few words: "On a network share (sshfs)" (the store's words, translated)."""
    return told(place.said_headline(), translate_marked)


def place_meaning(place: BoardLocation, takeover_seconds: int = LOCK_TAKEOVER_SECONDS) -> str:
    """What that means for a team, in one sentence (the store's sentence, translated)."""
    return told(place.said_meaning(takeover_seconds), translate_marked)


class LocationBanner(QFrame):
    """ "plan.renkei is in a folder synced by Dropbox. …" with [Move this board to a server…]
    and [Got it]. ``moveRequested`` / ``dismissed``; the window remembers the dismissal."""

    moveRequested = Signal()
    dismissed = Signal()

    def __init__(self, place: BoardLocation, parent: QWidget | None = None):
        super().__init__(parent)
        self.place = place
        self.setObjectName("locationBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._colour()
        self.setAccessibleName(
            QCoreApplication.translate("BoardLocation", "Where this board lives")
        )

        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style()
            .standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            .pixmap(QSize(size, size))
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        icon.setAccessibleName(QCoreApplication.translate("BoardLocation", "Information"))

        name = Path(place.location).name or place.location
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setText(
            arg(
                QCoreApplication.translate("BoardLocation", "%1 — %2. %3"),
                name,
                place_headline(place),
                place_meaning(place),
            )
        )

        self.move_button = QPushButton(
            QCoreApplication.translate("BoardLocation", "Move this board to a server…"), self
        )
        self.move_button.setAccessibleName(self.move_button.text())
        self.move_button.setAccessibleDescription(
            QCoreApplication.translate(
                "BoardLocation", "Copies the board with its whole history to a PostgreSQL server."
            )
        )
        self.move_button.clicked.connect(self.moveRequested)
        self.dismiss_button = QPushButton(
            QCoreApplication.translate("BoardLocation", "Got it"), self
        )
        self.dismiss_button.setAccessibleName(self.dismiss_button.text())
        self.dismiss_button.setAccessibleDescription(
            QCoreApplication.translate(
                "BoardLocation", "Hides this note; it is not shown again for this board."
            )
        )
        self.dismiss_button.clicked.connect(self._dismiss)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.setSpacing(10)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.move_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def _colour(self) -> None:
        """A calm information bar (not a warning): blue, light on a light theme and deep on
        a dark one, its text dark or light to match (contrast above 10:1 in both)."""
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        background, border, text = (
            ("#1c3049", "#3f6690", "#e8f0fa") if dark else ("#e8f1fb", "#9cbde0", "#10243a")
        )
        sheet = (
            f"#locationBanner {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 3px; }}"
            f" #locationBanner QLabel {{ color: {text}; background: transparent; }}"
        )
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed in Preferences
            self._colour()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
