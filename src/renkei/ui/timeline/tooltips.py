"""The timeline's tooltips: a day in the header, a handoff flag, a task's summary.

A mixin of ``TimelineView``: words only, from the read model and the view's layout."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QPointF
from PySide6.QtWidgets import QToolTip

from renkei.domain.handoff import Handoff, HandoffState
from renkei.i18n import arg
from renkei.i18n.contexts import Timeline
from renkei.i18n.words import date_range_text, paren_text, parts_text
from renkei.render.bar_face import local_day
from renkei.render.timeline_geometry import LABEL_WIDTH
from renkei.ui.text import date_text, risk_sentence


class TimelineTooltips:
    """Tooltip texts for ``TimelineView``."""

    def viewportEvent(self, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        hovering = self._hover_row != -1 or self._hover_task is not None
        if kind == QEvent.Type.Leave and self._press_kind is None and hovering:
            self._hover_row, self._hover_task = -1, None
            self.viewport().update()
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPointF) -> str:
        """The tooltip at a viewport point: a day in the header, a handoff marker, a task."""
        kind, task_id = self.hit(point)
        if kind == "header":
            if point.x() < LABEL_WIDTH:
                return ""
            day = self.day_at(point.x())
            week = arg(
                QCoreApplication.translate("Timeline", "Week %1"), str(day.isocalendar().week)
            )
            return parts_text([date_text(day, self.session.today()), week])
        if task_id is None:
            return ""
        marker = self._marker_at(point, task_id)
        if marker is not None:
            return self._handoff_sentence(marker)
        return self.task_tooltip(task_id)

    def task_tooltip(self, task_id: int) -> str:
        session = self.session
        board = session.board
        task = board.tasks[task_id]
        today = session.today()
        lines = [task.title]
        span = self._layout.spans.get(task_id)
        if span is not None:
            first, last = date.fromordinal(span[0]), date.fromordinal(span[1])
            if first == last:
                lines.append(
                    arg(
                        QCoreApplication.translate("Timeline", "Milestone: %1"),
                        date_text(first, today),
                    )
                )
            else:
                days = Timeline.tr("%n day(s)", "", span[1] - span[0] + 1)
                lines.append(paren_text(date_range_text(first, last, today), days))
        owner = board.people.get(task.owner_id) if task.owner_id is not None else None
        lines.append(
            arg(QCoreApplication.translate("Timeline", "Owner: %1"), owner.name)
            if owner
            else QCoreApplication.translate("Timeline", "No owner")
        )
        face = self.face(task_id)
        if face.done:
            lines.append(QCoreApplication.translate("Timeline", "Finished"))
        else:
            lines.append(
                arg(QCoreApplication.translate("Timeline", "%1% done"), str(task.progress))
            )
        lines.extend(risk_sentence(r) for r in session.risk(task_id))
        for predecessor, overlap in self._links.conflicts.get(task_id, ()):
            other = board.tasks[predecessor].title
            lines.append(
                arg(Timeline.tr("Starts before “%1” ends (%n day(s) overlap)", "", overlap), other)
            )
        for mark in face.handoffs:
            if mark.waiting:
                lines.append(self._handoff_sentence(board.handoffs[mark.handoff_id]))
        if task_id in self._critical:
            lines.append(QCoreApplication.translate("Timeline", "On the critical path"))
        return "\n".join(lines)

    def _handoff_sentence(self, handoff: Handoff) -> str:
        board = self.session.board
        receiver = board.people.get(handoff.receiver_id)
        day = date_text(local_day(handoff.sent_at), self.session.today())
        name = receiver.name if receiver else "?"
        if handoff.state is HandoffState.SENT:
            return arg(
                QCoreApplication.translate(
                    "Timeline", "Handed to %1 on %2 — waiting: not acknowledged yet"
                ),
                name,
                day,
            )
        state = QCoreApplication.translate("Handoff", handoff.state.label)
        return arg(
            QCoreApplication.translate("Timeline", "Handed to %1 on %2 — %3"), name, day, state
        )

    def _marker_at(self, point: QPointF, task_id: int) -> Handoff | None:
        """The handoff whose flag is under ``point`` on the task's row."""
        marks = self.face(task_id).handoffs
        if not marks:
            return None
        top = self.row_top(self._layout.row_of[task_id])
        half = self._ppd() / 2
        for mark in marks:
            centre = QPointF(self._x_ord(mark.day) + half, top + self._marker_y())
            if abs(point.x() - centre.x()) <= 7 and abs(point.y() - centre.y()) <= 7:
                return self.session.board.handoffs[mark.handoff_id]
        return None

