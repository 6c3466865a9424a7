"""The selected task in full: who owns it and whom to ask, what is at risk, and its history."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from renkei.app.session import BoardSession
from renkei.domain.commands import Change
from renkei.domain.model import PRIORITY_LABELS, Activity, Priority, Task
from renkei.domain.risk import RiskKind, RiskReason
from renkei.i18n import arg
from renkei.i18n.history import HistoryEntry, history_entries
from renkei.i18n.words import aside_text, headed_text, join_list, parts_text, quoted
from renkei.render.line_breaks import phrase_joined, without_joiners
from renkei.render.theme import current
from renkei.ui.board_events import BoardEvents
from renkei.ui.detail_slips import SlipSection
from renkei.ui.handoffs.task_handoffs import TaskHandoffsSection
from renkei.ui.phrase_label import PhraseLabel
from renkei.ui.text import (
    date_text,
    due_text,
    field_label,
    muted_text_color,
    risk_sentence,
    risk_word,
)

ICON_SIZE = 16
NARROW = 300  # content width below which the pane stacks things


def risk_icon(kind: RiskKind | None, size: int = ICON_SIZE, ratio: float = 1.0) -> QPixmap:
    """A small badge: a warning triangle for a risk (``None`` draws the no-entry sign of a
    blocked task). Colours follow the cards; the sentence beside it carries the meaning."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if kind is None:
        colour = current().blocked
    elif kind is RiskKind.OVERDUE:
        colour = current().late
    else:
        colour = current().risk
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    centre = QPointF(size / 2, size / 2)
    white = current().badge_ink  # white on the light theme's badges, dark on the others
    if kind is None:
        r = size * 0.27
        painter.setPen(QPen(white, max(1.3, size * 0.11)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, r, r)
        painter.drawLine(
            QPointF(centre.x() - r * 0.7, centre.y() + r * 0.7),
            QPointF(centre.x() + r * 0.7, centre.y() - r * 0.7),
        )
    else:
        s = size * 0.30
        painter.setBrush(white)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - s * 1.15),
                    QPointF(centre.x() + s * 1.2, centre.y() + s * 0.85),
                    QPointF(centre.x() - s * 1.2, centre.y() + s * 0.85),
                ]
            )
        )
        painter.setPen(QPen(colour, max(1.0, size * 0.08)))
        painter.drawLine(
            QPointF(centre.x(), centre.y() - s * 0.45), QPointF(centre.x(), centre.y() + s * 0.2)
        )
        painter.drawPoint(QPointF(centre.x(), centre.y() + s * 0.55))
    painter.end()
    return pixmap


class TaskDetailPane(QWidget):
    """Shows one task; refreshes itself from ``BoardEvents`` and keeps its scroll position
    when the same task changes. The history is read once per change of the task."""

    editRequested = Signal(int)

    def __init__(self, session: BoardSession, events: BoardEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.events = events
        self._task_id: int | None = None
        self._history: list[Activity] = []
        self._related: set[int] = set()  # predecessors and dependents of the shown task
        self._risk: tuple[RiskReason, ...] = ()
        self._names: tuple[str, ...] = ()  # the board's people: never broken inside
        self._build()
        events.changed.connect(self._on_changed)
        events.reset.connect(self._on_reset)
        self.show_task(None)

    @property
    def task_id(self) -> int | None:
        return self._task_id

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        palette = self.palette()
        self._muted = muted_text_color(palette)

        self.empty_label = QLabel(
            self.tr("Select a card to see who owns it, what is at risk and its history."), self
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(24)
        self._set_muted(self.empty_label)

        self.title_label = PhraseLabel(self)  # Japanese wraps by phrase
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setSizePolicy(_wrapping_policy())
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setToolTip(self.tr("Change this task"))
        self.edit_button.clicked.connect(self._edit_clicked)
        self.header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.header.addWidget(self.title_label, 1)
        self.header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)

        # A pane too narrow for a value that cannot wrap (an e-mail address) puts every label
        # above its value instead of clipping it; see _fit_facts.
        self.facts = QFormLayout()
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.facts.setHorizontalSpacing(10)
        self.facts.setVerticalSpacing(4)
        self._fact_rows: dict[str, tuple[QLabel, QLabel]] = {}
        for key, label in (
            ("status", field_label("status")),
            ("team", field_label("team")),
            ("owner", field_label("owner")),
            ("contact", self.tr("Ask")),
            ("project", field_label("project")),
            ("priority", field_label("priority")),
            ("start", field_label("start")),
            ("due", field_label("due")),
            ("progress", field_label("progress")),
            ("estimate", field_label("estimate_hours")),
            ("tags", field_label("tags")),
        ):
            name = QLabel(arg(self.tr("%1:"), label), self)
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._set_muted(name)
            value = PhraseLabel(self)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(_wrapping_policy(QSizePolicy.Policy.Preferred))
            self.facts.addRow(name, value)
            self._fact_rows[key] = (name, value)

        self.risk_heading = self._heading(self.tr("At risk"))
        self.risk_box = QVBoxLayout()
        self.risk_box.setSpacing(4)
        self.depend_heading = self._heading(self.tr("Dependencies"))
        self.depend_box = QVBoxLayout()
        self.depend_box.setSpacing(4)
        self.handoffs = TaskHandoffsSection(self.session, self)
        self.slips = SlipSection(self.session, self)
        self.description_heading = self._heading(field_label("description"))
        self.description_label = PhraseLabel(self)
        self.description_label.setWordWrap(True)
        self.description_label.setTextFormat(Qt.TextFormat.PlainText)
        self.description_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description_label.setSizePolicy(_wrapping_policy())
        self.history_heading = self._heading(self.tr("History"))
        self.history_label = PhraseLabel(self)
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.RichText)
        self.history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_label.setSizePolicy(_wrapping_policy())

        content = QWidget(self)
        content.setObjectName("detailContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        layout.addLayout(self.header)
        layout.addSpacing(4)
        layout.addLayout(self.facts)
        layout.addWidget(self.risk_heading)
        layout.addLayout(self.risk_box)
        layout.addWidget(self.slips)
        layout.addWidget(self.depend_heading)
        layout.addLayout(self.depend_box)
        layout.addWidget(self.handoffs)
        layout.addWidget(self.description_heading)
        layout.addWidget(self.description_label)
        layout.addWidget(self.history_heading)
        layout.addWidget(self.history_label)
        layout.addStretch(1)

        self.scroll = QScrollArea(self)
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.viewport().installEventFilter(self)
        # A stop of its own, named, so a long history can be read with the arrow keys.
        self.scroll.setAccessibleName(self.tr("Task details"))
        self.scroll.setObjectName("detailScroll")
        self._content_margins = layout.contentsMargins()

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.setMinimumWidth(240)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_facts()
        return super().eventFilter(watched, event)

    def _fit_facts(self) -> None:
        """In a narrow pane: the Edit button under the title, labels above their values."""
        margins = self._content_margins
        available = self.scroll.viewport().width() - margins.left() - margins.right()
        top = QBoxLayout.Direction.TopToBottom
        direction = top if available < NARROW else QBoxLayout.Direction.LeftToRight
        if self.header.direction() != direction:
            self.header.setDirection(direction)
            self.header.setAlignment(
                self.edit_button,
                Qt.AlignmentFlag.AlignTop
                | (Qt.AlignmentFlag.AlignLeft if direction == top else Qt.AlignmentFlag.AlignRight),
            )
        shown = [(n, v) for n, v in self._fact_rows.values() if self.facts.isRowVisible(v)]
        if not shown:
            return
        labels = max(n.sizeHint().width() for n, _v in shown)
        values = max(v.minimumSizeHint().width() for _n, v in shown)
        narrow = labels + self.facts.horizontalSpacing() + values > available
        policy = (
            QFormLayout.RowWrapPolicy.WrapAllRows
            if narrow
            else QFormLayout.RowWrapPolicy.DontWrapRows
        )
        if self.facts.rowWrapPolicy() != policy:
            self.facts.setRowWrapPolicy(policy)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    def _set_muted(self, label: QLabel) -> None:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, self._muted)
        label.setPalette(palette)

    def _icon_row(self, icon: QPixmap, text: str) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        picture = QLabel(row)
        picture.setPixmap(icon)
        picture.setFixedSize(ICON_SIZE, max(ICON_SIZE, self.fontMetrics().height()))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        words = PhraseLabel(row)  # titles in it are joined by phrase: copied without
        words.setText(text)
        words.setWordWrap(True)
        words.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        words.setTextFormat(Qt.TextFormat.RichText)
        words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words.setSizePolicy(_wrapping_policy())
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(words, 1)
        return row

    # -- showing ---------------------------------------------------------------------------

    def show_task(self, task_id: int | None) -> None:
        """Show a task (None: the empty state). The same task again keeps the scroll place."""
        if task_id is None or task_id not in self.session.board.tasks:
            self._task_id = None
            self._history = []
            self._related = set()
            self.stack.setCurrentWidget(self.empty_label)
            return
        same = task_id == self._task_id
        self._task_id = task_id
        self._history = self.session.history(task_id)
        self._render()
        self.stack.setCurrentWidget(self.scroll)
        if not same:
            self.scroll.verticalScrollBar().setValue(0)

    def _on_changed(self, change: Change) -> None:
        task_id = self._task_id
        if task_id is None:
            return
        board = self.session.board
        if task_id not in board.tasks:
            self.show_task(None)
            return
        touched = related = False
        for row in change.rows:
            if row.entity == "handoff" and getattr(row.row, "task_id", None) == task_id:
                touched = True  # its handoff events are part of its history
            elif row.entity != "task":
                related = True  # a name, a role or a column may read differently now
            elif row.entity_id == task_id:
                touched = True
            elif row.entity_id in self._related or task_id in getattr(row.row, "depends_on", ()):
                related = True
        if touched:
            self._history = self.session.history(task_id)
            self._render()
        elif related:
            self._render()
        elif self.session.risk(task_id) != self._risk:
            self._render()  # e.g. its column went over its WIP limit

    def theme_changed(self) -> None:
        """After a theme switch (``renkei.ui.themes``): muted words and risk icons again."""
        self._muted = muted_text_color(QApplication.palette())
        self._set_muted(self.empty_label)
        if self._task_id is not None and self._task_id in self.session.board.tasks:
            self._render()

    def _on_reset(self) -> None:
        task_id = self._task_id
        self._task_id = None  # a reset may be another board: start from the top
        if task_id is not None and task_id in self.session.board.tasks:
            self._task_id = task_id
            self._history = self.session.history(task_id)
            self._render()
        else:
            self.show_task(None)

    def _edit_clicked(self) -> None:
        if self._task_id is not None:
            self.editRequested.emit(self._task_id)

    # -- rendering -------------------------------------------------------------------------

    def _render(self) -> None:
        board = self.session.board
        task = board.tasks[self._task_id]
        self._names = names = tuple(person.name for person in board.people.values())
        self.title_label.set_phrases(task.title, names)
        self._render_facts(task)
        self._fit_facts()
        self._render_risk(task)
        self._render_dependencies(task)
        self.handoffs.show_task(task.id)
        self.slips.show_task(task.id)
        self.description_label.set_phrases(task.description, names)
        self.description_heading.setVisible(bool(task.description.strip()))
        self.description_label.setVisible(bool(task.description.strip()))
        entries = self._history_entries()
        muted = self._muted.name()
        self.history_label.setText(
            "".join(
                f'<p style="margin:0 0 5px 0"><span style="color:{muted}">'
                f"{html.escape(parts_text([e.when, e.who]))}</span><br>"
                f"{html.escape(phrase_joined(e.what, names))}</p>"
                for e in entries
            )
            if entries
            else html.escape(self.tr("No changes recorded."))
        )

    def _set_fact(self, key: str, text: str) -> None:
        _name, value = self._fact_rows[key]
        value.set_phrases(text, self._names)
        self.facts.setRowVisible(value, bool(text))

    def _render_facts(self, task: Task) -> None:
        board = self.session.board
        none = self.tr("— none —")
        status = board.statuses.get(task.status_id)
        self._set_fact(
            "status", QCoreApplication.translate("Status", status.name) if status else "?"
        )
        team = board.teams.get(task.team_id) if task.team_id is not None else None
        self._set_fact("team", team.name if team else none)
        owner = board.people.get(task.owner_id) if task.owner_id is not None else None
        if owner is None:
            self._set_fact("owner", self.tr("Nobody yet"))
            self._set_fact("contact", "")
        else:
            owner_team = board.teams.get(owner.team_id) if owner.team_id is not None else None
            about = join_list([owner.role, owner_team.name if owner_team else ""])
            self._set_fact("owner", aside_text(owner.name, about) if about else owner.name)
            self._set_fact("contact", owner.contact)
        project = board.projects.get(task.project_id) if task.project_id is not None else None
        self._set_fact("project", project.name if project else "")
        self._set_fact(
            "priority",
            QCoreApplication.translate("Priority", PRIORITY_LABELS[Priority(task.priority)]),
        )
        self._set_fact("start", date_text(task.start) if task.start else "")
        if task.due is None:
            self._set_fact("due", none)
        else:
            finished = task.status_id in self.session.risk_context().done_ids
            # Finished work is not "24 days late": only its date is said.
            relative = "" if finished else due_text(task.due, self.session.today())
            shown = date_text(task.due)
            both = relative and shown not in relative
            self._set_fact("due", parts_text([shown, relative]) if both else shown)
        self._set_fact("progress", arg(self.tr("%1% done"), task.progress))
        self._set_fact(
            "estimate",
            arg(self.tr("%1 h"), f"{task.estimate_hours:g}") if task.estimate_hours else "",
        )
        self._set_fact("tags", join_list(task.tags))

    def _clear(self, box: QVBoxLayout) -> None:
        while box.count():
            item = box.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()  # gone now, not at the next turn of the event loop
                widget.deleteLater()

    def _render_risk(self, task: Task) -> None:
        self._risk = self.session.risk(task.id)
        self._clear(self.risk_box)
        ratio = self.devicePixelRatioF()
        for reason in self._risk:
            word, sentence = risk_word(reason), risk_sentence(reason)
            text = html.escape(sentence)
            if not sentence.startswith(word):  # the card's word, so the two are matched up
                text = headed_text(f"<b>{html.escape(word)}</b>", text)
            self.risk_box.addWidget(self._icon_row(risk_icon(reason.kind, ICON_SIZE, ratio), text))
        self.risk_heading.setVisible(bool(self._risk))

    def _render_dependencies(self, task: Task) -> None:
        board = self.session.board
        done = board.done_status_ids()
        predecessors = [board.tasks[i] for i in task.depends_on if i in board.tasks]
        dependents = [t for t in board.tasks.values() if task.id in t.depends_on and not t.archived]
        self._related = {t.id for t in predecessors} | {t.id for t in dependents}
        self._clear(self.depend_box)
        ratio = self.devicePixelRatioF()
        waiting = [t for t in predecessors if not t.archived and t.status_id not in done]
        finished = [t for t in predecessors if t not in waiting]
        if waiting and self.session.blocked(task.id):
            text = arg(self.tr("<b>Blocked by:</b> %1"), _titles(waiting))
            self.depend_box.addWidget(self._icon_row(risk_icon(None, ICON_SIZE, ratio), text))
        if finished:
            self.depend_box.addWidget(
                self._plain_row(arg(self.tr("Waited for (finished): %1"), _titles(finished)))
            )
        if dependents:
            self.depend_box.addWidget(
                self._plain_row(arg(self.tr("Needed by: %1"), _titles(dependents)))
            )
        self.depend_heading.setVisible(bool(predecessors or dependents))

    def _plain_row(self, rich: str) -> QLabel:
        label = PhraseLabel(self)  # for its copy without the joiners in the titles
        label.setText(rich)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(_wrapping_policy())
        return label

    # -- what is shown, as text (for the tests, and for copying into a chat) ---------------

    def fact_text(self, key: str) -> str:
        """A fact row's value as shown ('' when hidden): status, team, owner, contact…"""
        _name, value = self._fact_rows[key]
        return value.plain_text() if self.facts.isRowVisible(value) else ""

    def risk_lines(self) -> list[str]:
        return [_plain(label.text()) for label in self._row_labels(self.risk_box)]

    def dependency_lines(self) -> list[str]:
        return [_plain(label.text()) for label in self._row_labels(self.depend_box)]

    @staticmethod
    def _row_labels(box: QVBoxLayout) -> list[QLabel]:
        labels = []
        for index in range(box.count()):
            widget = box.itemAt(index).widget()
            if isinstance(widget, QLabel):
                labels.append(widget)
            elif widget is not None:
                labels.append(widget.findChildren(QLabel)[-1])
        return labels

    # -- history ---------------------------------------------------------------------------

    def history_lines(self) -> list[str]:
        """The history as shown, newest first: '2026-11-20 14:03 · Haruka Aoki · Due date: …'."""
        return [entry.text for entry in self._history_entries()]

    def _history_entries(self) -> list[HistoryEntry]:
        """The task's rows and its handoffs' events in words, newest first."""
        return list(reversed(history_entries(self.session.board, self._history)))


def _wrapping_policy(horizontal=QSizePolicy.Policy.Ignored) -> QSizePolicy:
    """Wrapped text takes the pane's width, never widens it, and grows in height to fit."""
    policy = QSizePolicy(horizontal, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    return policy


def _plain(rich: str) -> str:
    return without_joiners(html.unescape(re.sub(r"<[^>]+>", "", rich)))


def _titles(tasks: list[Task]) -> str:
    return join_list([quoted(html.escape(phrase_joined(t.title))) for t in tasks])
