"""The closing slide's button that records the standup as held (H does the same)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from renkei.render.slide_metrics import SlideMetrics, slide_font
from renkei.render.theme import Theme


class HeldButton(QPushButton):
    """Big and in the slide's accent, under the closing words; never takes the focus, so
    the keys keep moving through the slides."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("Standup", "Mark standup held (H)"), parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_theme(self, theme: Theme) -> None:
        self.setStyleSheet(
            f"QPushButton {{ background: {theme.selection.name()}; color: {theme.window.name()};"
            f" border: none; border-radius: 12px; padding: 12px 36px; font-weight: bold; }}"
        )

    def place(self, body: QRectF, m: SlideMetrics) -> None:
        """Centred across the slide's body, a little below its middle."""
        self.setFont(slide_font(m.item, True))
        self.adjustSize()
        hint = self.sizeHint()
        size = QSize(max(hint.width(), int(420 * m.unit)), max(hint.height(), int(80 * m.unit)))
        self.resize(size)
        self.move(int(body.center().x() - size.width() / 2), int(body.top() + body.height() * 0.55))
