"""The Handoffs tab: which team pair loses the most (matrix), where this task's information
got lost (its chain on a time axis), and every handoff (the log).

Selection is shared with the board: choosing a log row or a hop makes its task the window's
current task (``taskChosen``), and the window's current task is drawn as the chain."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from renkei.app.session import BoardSession
from renkei.domain.handoff import item_label
from renkei.domain.handoff_log import HandoffEntry
from renkei.i18n import arg, translate_marked
from renkei.i18n.words import aside_text, join_list, times_text
from renkei.ui.handoffs.chain_view import HandoffChainView
from renkei.ui.handoffs.log_view import HandoffLog
from renkei.ui.handoffs.matrix_view import TeamMatrixView


def _titled(title: str, body: QWidget, parent: QWidget, note: QLabel | None = None) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(8, 6, 8, 4)
    layout.setSpacing(4)
    heading = QLabel(title, box)
    font = QFont(heading.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    heading.setFont(font)
    layout.addWidget(heading)
    if note is not None:
        layout.addWidget(note)
    layout.addWidget(body, 1)
    return box


class HandoffsTab(QWidget):
    taskChosen = Signal(int)

    def __init__(self, session: BoardSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._task_id: int | None = None
        self._stale = True  # refreshed when shown: the tab costs nothing while hidden
        self._built = False  # its views are made when first shown, not when the window opens
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def _build(self) -> None:
        self._built = True
        session = self.session
        self.matrix = TeamMatrixView(session, self)
        self.worst_label = QLabel(self)
        self.worst_label.setWordWrap(True)
        self.worst_label.setTextFormat(Qt.TextFormat.RichText)
        self.chain = HandoffChainView(session, self)
        chain_scroll = QScrollArea(self)
        chain_scroll.setWidget(self.chain)
        chain_scroll.setWidgetResizable(True)
        chain_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # The chain fits its width (labels elide, the axis shrinks); it only scrolls down.
        chain_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chain_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chain inside takes it
        self.log = HandoffLog(session, self)
        # Tab moves on from the matrix (its cells are walked with the arrows), in the order
        # the tab is read: matrix, chain, the log's search and filters, the log.
        self.matrix.setTabKeyNavigation(False)
        self._stops = [self.matrix, self.chain, *self.log.focus_stops()]

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(
            _titled(self.tr("Team to team: who loses what"), self.matrix, top, self.worst_label)
        )
        top.addWidget(_titled(self.tr("This task's handoffs over time"), chain_scroll, top))
        top.setStretchFactor(0, 0)
        top.setStretchFactor(1, 1)
        self.top_splitter = top
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(top)
        outer.addWidget(_titled(self.tr("Handoff log"), self.log, outer))
        outer.setStretchFactor(0, 1)
        outer.setStretchFactor(1, 1)
        self.splitter = outer
        self.layout().addWidget(outer)

        self.matrix.pairActivated.connect(self.log.show_pair)
        self.log.entryChosen.connect(self._entry_chosen)
        self.chain.handoffActivated.connect(self._hop_chosen)

    def order_after(self, first: QWidget) -> None:
        """Tab from ``first`` (the window's tab bar) goes through this tab in reading order:
        the matrix, the chain, the log's search and filters, the log."""
        if not self._built:
            self._build()
        stops = [first, *self._stops]
        for before, after in zip(stops, stops[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def focus_main(self) -> None:
        """Keyboard focus on the tab's main view, the matrix (Ctrl+3)."""
        if not self._built:
            self._build()
        self.matrix.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.matrix.isVisible():  # just built: its layout shows it on the next pass
            QTimer.singleShot(0, self.matrix, lambda: self.matrix.setFocus())

    # -- following the board ------------------------------------------------------------------

    def board_changed(self) -> None:
        """The board changed: refresh now if visible, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if not self._built:
            self._build()
        self._stale = False
        self.matrix.refresh()
        self._fit_matrix()
        self.log.refresh()
        self.chain.refresh()
        self._show_worst()

    def _fit_matrix(self) -> None:
        """Give the matrix the width it needs, leaving the chain the width it must have;
        the matrix scrolls when both do not fit."""
        total = sum(self.top_splitter.sizes()) or self.width()
        wanted = self.matrix.sizeHint().width() + 20  # the titled box's margins
        chain = self.chain.minimumSizeHint().width() + 40  # its box's margins, a scroll bar
        matrix = max(total // 3, min(wanted, total - chain))
        self.top_splitter.setSizes([matrix, max(0, total - matrix)])

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        first = not self._built
        if self._stale:
            self.refresh()
        if self._task_id is None:
            self._start_somewhere()
        elif first:  # chosen on the board before the tab was ever shown
            self.chain.show_task(self._task_id)
            self.log.select(None, self._task_id, signal=False)
        # Laid out for the first time, the scroll area decides on its bars before the chain
        # knows its height: ask again, or a useless vertical bar stays.
        QTimer.singleShot(0, self.chain.updateGeometry)

    def show_task(self, task_id: int | None) -> None:
        """The window's current task changed: draw its chain, select its latest log row."""
        if task_id == self._task_id:
            return
        self._task_id = task_id
        if not self._built:
            return  # drawn when first shown
        self.chain.show_task(task_id)
        if task_id is not None:
            self.log.select(None, task_id, signal=False)

    def _start_somewhere(self) -> None:
        """Nothing chosen yet: show the chain where the worst pair lost the most."""
        analysis = self.session.handoff_analysis()
        worst = {(c.from_team_id, c.to_team_id) for c in analysis.worst_pairs()}
        for entry in reversed(analysis.entries):
            if not entry.lost_items:
                continue
            if not worst or (entry.from_team_id, entry.to_team_id) in worst:
                self.show_task(entry.task_id)
                self.taskChosen.emit(entry.task_id)  # the detail pane shows it too
                return

    def _show_worst(self) -> None:
        pairs = self.session.handoff_analysis().worst_pairs()
        board = self.session.board
        if not pairs:
            self.worst_label.setText(self.tr("No team pair has lost information yet."))
            return

        def team(team_id) -> str:
            found = board.teams.get(team_id) if team_id is not None else None
            return found.name if found else "—"

        if len(pairs) > 1:  # a tie: name every pair, none above the others
            names = [f"{team(c.from_team_id)} → {team(c.to_team_id)}" for c in pairs]
            text = arg(self.tr("Lose the most, tied: <b>%1</b>"), html.escape(join_list(names)))
            self.worst_label.setText(text)
            return
        worst = pairs[0]
        pair = f"{team(worst.from_team_id)} → {team(worst.to_team_id)}"
        items = join_list(
            [times_text(item_label(i, translate_marked), n) for i, n in worst.lost_items]
        )
        text = arg(self.tr("Loses the most: <b>%1</b>"), html.escape(pair))
        if items:
            text = aside_text(text, html.escape(arg(self.tr("most often lost: %1"), items)))
        elif worst.silent:
            silent = self.tr("%n change(s) of hands with no handoff", "", worst.silent)
            text = aside_text(text, html.escape(silent))
        self.worst_label.setText(text)

    # -- choosing ---------------------------------------------------------------------------

    def _entry_chosen(self, entry: HandoffEntry) -> None:
        self._task_id = entry.task_id
        self.chain.show_task(entry.task_id)
        self.taskChosen.emit(entry.task_id)

    def _hop_chosen(self, handoff_id: int) -> None:
        self.log.select(handoff_id)

    @property
    def task_id(self) -> int | None:
        return self._task_id
