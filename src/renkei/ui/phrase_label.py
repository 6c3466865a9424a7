"""A word-wrapped label whose Japanese breaks by phrase, as readers expect.

QLabel wraps Japanese between any two characters (ナーチャリン|グ). ``PhraseLabel`` shows its
text with WORD JOINERs inside phrases (``render.line_breaks.phrase_joined``), worked out again
when its width changes, so that Qt's wrapping breaks only between phrases, and never inside one
of the names it is given. The joiners are for the eye only: ``plain_text()`` is the text as set,
and what is copied out of the label (Ctrl+C, the context menu, a mouse selection) has them taken
out. English is shown as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from renkei.render.line_breaks import WORD_JOINER, phrase_joined, without_joiners


class PhraseLabel(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._plain = ""
        self._names: tuple[str, ...] = ()

    def set_phrases(self, text: str, names: Iterable[str] = ()) -> None:
        """Show ``text`` (plain text), never broken inside one of ``names``."""
        self._plain = text
        self._names = tuple(name for name in names if len(name) > 1 and name in text)
        self._join()

    def plain_text(self) -> str:
        """The text as set, without the joiners it is shown with."""
        return self._plain

    def _join(self) -> None:
        width = self.contentsRect().width() - 2 * self.margin()
        joined = phrase_joined(
            self._plain,
            self._names,
            self.fontMetrics().horizontalAdvance,
            float(width) if width > 0 and self.isVisible() else None,
        )
        if joined != self.text():
            self.setText(joined)

    # -- what changes the joins: the width and the font ----------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self._plain:
            self._join()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._plain:
            self._join()

    # -- copying out: without the joiners ------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        super().keyPressEvent(event)
        self._clean_clipboard()

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        self._clean_clipboard()

    def contextMenuEvent(self, event) -> None:
        super().contextMenuEvent(event)  # the menu runs here; its Copy has copied by now
        self._clean_clipboard()

    def _clean_clipboard(self) -> None:
        """The clipboard (and the X11 selection) without the joiners, when what it holds is
        this label's selection."""
        clipboard = QGuiApplication.clipboard()
        modes = [QClipboard.Mode.Clipboard]
        if clipboard.supportsSelection():
            modes.append(QClipboard.Mode.Selection)
        selected = self.selectedText()
        for mode in modes:
            held = clipboard.text(mode)
            if WORD_JOINER in held and held == selected:
                clipboard.setText(without_joiners(held), mode)
