"""The detail pane's Handoffs section: the task's hops, what each lost, and what you can do."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from renkei.app.session import BoardSession
from renkei.domain.handoff import Handoff, HandoffState, item_label
from renkei.i18n import arg, translate_marked
from renkei.i18n.words import join_list, parts_text
from renkei.render.theme import current
from renkei.ui.handoff_actions import HandoffActions, Step
from renkei.ui.text import finding_sentence, local_time_text, muted_text_color, span_text


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


class TaskHandoffsSection(QWidget):
    """Hidden when the task has no handoffs and nothing can be done; ``showAllRequested``
    asks the window for the Handoffs tab on this task."""

    showAllRequested = Signal(int)

    def __init__(self, session: BoardSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.actions: HandoffActions | None = None
        self._task_id: int | None = None
        self._steps: list[Step] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.heading = QLabel(self.tr("Handoffs"), self)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        self.hops = QVBoxLayout()
        self.hops.setSpacing(6)
        layout.addLayout(self.hops)
        self.buttons = QGridLayout()
        self.buttons.setHorizontalSpacing(6)
        self.buttons.setVerticalSpacing(4)
        layout.addLayout(self.buttons)
        self._muted = muted_text_color(self.palette()).name()

    def theme_changed(self) -> None:
        """After a theme switch (``renkei.ui.themes``): the muted words are in the HTML."""
        self._muted = muted_text_color(QApplication.palette()).name()
        self.show_task(self._task_id)

    def set_actions(self, actions: HandoffActions) -> None:
        self.actions = actions
        self.show_task(self._task_id)

    def show_task(self, task_id: int | None) -> None:
        self._task_id = task_id
        _clear(self.hops)
        _clear(self.buttons)
        board = self.session.board
        if task_id is None or task_id not in board.tasks:
            self._steps = []
            self.setVisible(False)
            return
        analysis = self.session.handoffs_for((task_id,))  # this task's, not the board's
        chain = analysis.chain(task_id)
        for number, entry in enumerate(chain, 1):
            self.hops.addWidget(_label(self._entry_html(number, entry, analysis.now), self))
        self._steps = self.actions.steps(task_id) if self.actions else []
        column = 0
        row = 0
        for step in self._steps:
            if not step.enabled:
                info = _label(
                    f'<span style="color:{self._muted}">{html.escape(step.text)}</span>', self
                )
                self.buttons.addWidget(info, row, 0, 1, 2)
                row += 1
                column = 0
                continue
            button = QPushButton(step.text, self)
            button.clicked.connect(lambda _=False, s=step: self._run(s))
            self.buttons.addWidget(button, row, column)
            column += 1
            if column == 2:
                row, column = row + 1, 0
        if chain:
            more = QPushButton(self.tr("Show on the Handoffs tab"), self)
            more.setFlat(True)
            more.clicked.connect(lambda: self.showAllRequested.emit(task_id))
            self.buttons.addWidget(more, row + (1 if column else 0), 0, 1, 2)
        self.setVisible(bool(chain or self._steps))

    def _run(self, step: Step) -> None:
        if self.actions is not None and self._task_id is not None:
            self.actions.run(step, self._task_id)

    def _entry_html(self, number: int, entry, now) -> str:
        board = self.session.board
        muted = self._muted

        def name(collection, key) -> str:
            row = collection.get(key) if key is not None else None
            return row.name if row else "—"

        hop = f"{name(board.teams, entry.from_team_id)} → {name(board.teams, entry.to_team_id)}"
        people = (
            f"{name(board.people, entry.from_person_id)} → {name(board.people, entry.to_person_id)}"
        )
        h: Handoff | None = entry.handoff
        state = (
            QCoreApplication.translate("Handoff", h.state.label)
            if h
            else self.tr("No handoff record")
        )
        facts = parts_text([people, local_time_text(entry.at), self._timing(h, now)])
        lines = [
            parts_text([f"<b>{number}. {html.escape(hop)}</b>", html.escape(state)]),
            f'<span style="color:{muted}">{html.escape(facts)}</span>',
        ]
        if h is not None and not h.packet_known:
            lines.append(html.escape(QCoreApplication.translate("Handoffs", "Packet unknown")))
        elif h is not None and h.missing_items:
            missing = join_list([item_label(i, translate_marked) for i in h.missing_items])
            lines.append(html.escape(arg(self.tr("Sent without: %1"), missing)))
        for f in entry.findings:
            colour = current().lost.name()
            lines.append(
                f'<span style="color:{colour}">⚠ {html.escape(finding_sentence(board, f))}</span>'
            )
        return "<br>".join(lines)

    def _timing(self, h: Handoff | None, now) -> str:
        if h is None:
            return ""
        if h.acknowledged_at is not None:
            return arg(self.tr("acknowledged after %1"), span_text(h.acknowledged_at - h.sent_at))
        if h.state is HandoffState.SENT:
            return arg(self.tr("waiting %1"), span_text(now - h.sent_at))
        return ""

    # -- for tests -------------------------------------------------------------------------

    def hop_texts(self) -> list[str]:
        return [_plain(w.text()) for w in _widgets(self.hops) if isinstance(w, QLabel)]

    def button(self, key: str) -> QPushButton | None:
        """The button of a step ("accept", "send", …), if shown."""
        enabled = [s for s in self._steps if s.enabled]
        buttons = [w for w in _widgets(self.buttons) if isinstance(w, QPushButton)]
        for step, button in zip(enabled, buttons, strict=False):
            if step.key == key:
                return button
        return None


def _widgets(layout) -> list[QWidget]:
    return [layout.itemAt(i).widget() for i in range(layout.count()) if layout.itemAt(i).widget()]


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def _plain(rich: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rich.replace("<br>", "\n")))
