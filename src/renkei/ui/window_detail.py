"""Where the main window's detail pane is: docked beside the board on a wide window when a
card is chosen, floating over the board's right edge on a narrow one when asked for, or
closed. A room of MainWindow (ui/main_window.py), which owns the widgets it moves."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import QWidget

# Below this window width a docked detail pane would push the board's fifth column off screen
# (five columns of 200 px need ~1,090 px, the pane 340 more): the pane floats over the board
# instead, and opens only when asked.
NARROW_WINDOW = 1440
DETAIL_WIDTH = 360  # the docked pane's first width; then the width the user left it at
DETAIL_WIDTH_RANGE = (240, 720)
FLOAT_SHARE = 0.6  # a floating pane covers at most this share of the board's width


class PaneEdge(QWidget):
    """A soft shadow along a floating pane's left edge: where the board ends and the pane,
    which covers it, begins."""

    WIDTH = 8

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        gradient = QLinearGradient(0, 0, self.width(), 0)
        gradient.setColorAt(0.0, QColor(0, 0, 0, 0))
        gradient.setColorAt(1.0, QColor(0, 0, 0, 70))
        painter.fillRect(self.rect(), gradient)
        painter.end()



class WindowDetail:
    """The detail pane's placement. Expects of the window: ``detail`` (the pane), ``splitter``
    (board | docked pane), ``_central`` (the floating pane's parent), ``_pane_edge``, ``tabs``,
    ``detail_button``, ``detail_action``, ``board_view``, and the state set in its __init__:
    ``pane_open``, ``_float_open``, ``_pane_forced``, ``_detail_width``."""

    def narrow(self) -> bool:
        return self.width() < NARROW_WINDOW

    def pane_floating(self) -> bool:
        return self.detail.parent() is self._central

    def pane_shown(self) -> bool:
        return not self.detail.isHidden()

    def toggle_detail(self, checked: bool | None = None) -> None:
        """The View menu's and the toolbar's Detail pane (Ctrl+I): open or close it."""
        want = not self.pane_shown() if checked is None else bool(checked)
        if self.narrow():
            self._float_open = want
        else:
            self.pane_open = want
            self._pane_forced = want and self.detail.task_id is None
        self._place_detail()
        if not want and self.tabs.currentWidget() is not None:
            self.tabs.currentWidget().setFocus()

    def _escape_pane(self) -> None:
        if self.pane_floating() and self.pane_shown():
            self.toggle_detail(False)
            self.board_view.setFocus()

    def _chosen_for_pane(self, _task_id=None) -> None:
        self._pane_forced = False
        self._place_detail()

    def _place_detail(self) -> None:
        """Dock, float, show or hide the pane as the window's width and the choice say."""
        narrow = self.narrow()
        chosen = self.detail.task_id is not None
        show = self._float_open if narrow else self.pane_open and (chosen or self._pane_forced)
        if narrow and show and not self.pane_floating():
            self.detail.hide()
            self.detail.setParent(self._central)
            self.detail.setAutoFillBackground(True)
            self.detail.setProperty("floating", True)
        elif not narrow and self.pane_floating():
            self.detail.hide()
            self.detail.setProperty("floating", False)
            self.splitter.insertWidget(1, self.detail)
            self.splitter.setCollapsible(1, False)
        if self.pane_floating():
            self._float_geometry()
            self._pane_edge.raise_()
            self.detail.raise_()
        self.detail.setVisible(show)
        self._pane_edge.setVisible(show and self.pane_floating())
        if show and not self.pane_floating():
            total = sum(self.splitter.sizes())
            width = min(self._detail_width, max(0, total - 400))
            with QSignalBlocker(self.splitter):
                self.splitter.setSizes([total - width, width])
        with QSignalBlocker(self.detail_action):
            self.detail_action.setChecked(show)

    def _float_geometry(self) -> None:
        # Over the page, under the tab row: the tabs and the pane's own button stay in reach.
        area = self.splitter.geometry()
        area.setTop(area.top() + max(self.tabs.tabBar().height(), self.detail_button.height()))
        width = int(min(self._detail_width, area.width() * FLOAT_SHARE))
        width = max(width, min(DETAIL_WIDTH_RANGE[0], area.width()))
        left = area.right() - width + 1
        self.detail.setGeometry(QRect(left, area.top(), width, area.height()))
        self._pane_edge.setGeometry(
            QRect(left - PaneEdge.WIDTH, area.top(), PaneEdge.WIDTH, area.height())
        )

    def _pane_resized(self, *_args) -> None:
        if self.pane_shown() and not self.pane_floating():
            self._detail_width = self.splitter.sizes()[1]

