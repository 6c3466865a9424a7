"""HandoffChainView: one task's handoffs as hops on a shared time axis, the breaking hop marked.

It answers "where did this lead's information get lost?" at a glance: one row per hop (oldest
first, changes of hands without a handoff record too), a bar per hop from sending through
acknowledging to the receiver's decision, and the hop where the chain broke on a warm band
with the words "Lost here" / "Broke here" (never colour alone). Everything is painted; row
geometry is fixed-height arithmetic, so hit-testing needs no child widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from renkei.domain.handoff import STATE_LABELS, HandoffState, item_label, reason_label
from renkei.domain.handoff_log import SILENT, HandoffAnalysis, HandoffEntry
from renkei.domain.handoff_loss import (
    LOST_KINDS,
    Finding,
    FindingKind,
    Names,
    describe,
    format_span,
)
from renkei.render import glyphs
from renkei.render.theme import Theme, current
from renkei.ui.fonts import scaled_font
from renkei.ui.text import board_names, local_time_text, span_text, tr

MARGIN = 14
MIN_ROW_HEIGHT = 44
LEFT_SHARE = 0.38  # of the widget's width, for the "N. Team → Team" column
MIN_LEFT_WIDTH = 150
AXIS_GAP = 18
RIGHT_PAD = 22
_LOST = frozenset(kind.value for kind in LOST_KINDS)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Handoffs", text)


def _stamp(at: datetime) -> float:
    """A stored (naive UTC) time as seconds since the epoch."""
    return at.replace(tzinfo=UTC).timestamp()


def _midnight_stamp(day: date) -> float:
    """Local midnight of ``day`` as seconds since the epoch."""
    return datetime(day.year, day.month, day.day).astimezone().timestamp()


def short_finding_text(finding: Finding) -> str:
    """A few words for a non-lost finding: 'Dropped — acknowledged 2 day(s) late'."""
    params = dict(finding.params)
    key = params.get("template", "")
    kind = finding.kind
    if kind == FindingKind.DROPPED.value:
        late = params.get("late")
        span = format_span(late, tr) if isinstance(late, timedelta) else ""
        if key == "dropped_late":
            return _tr("Dropped — acknowledged {late} late").format(late=span)
        return _tr("Dropped — not acknowledged, {late} overdue").format(late=span)
    if kind == FindingKind.BOUNCED.value:
        reason = reason_label(str(params.get("reason") or ""), tr)
        word = _tr("Rejected") if key == "bounced_rejected" else _tr("Returned")
        return f"{word} ({reason})" if reason else word
    if kind == FindingKind.SILENT_HANDOFF.value:
        return _tr("Changed hands without a handoff record")
    if kind == FindingKind.STALLED.value:
        days = int(params.get("days") or 0)
        return tr("Handoffs", "Stalled — no activity for %n business day(s)", days)
    if kind in _LOST:
        items = ", ".join(item_label(i, tr) for i in finding.items)
        return _tr("Lost: {items}").format(items=items)
    return kind


@dataclass
class _Row:
    index: int
    entry: HandoffEntry
    label: str
    people: str
    state: str
    lost: tuple[str, ...]
    breaking: bool
    lost_here: bool
    findings_text: str
    tooltip: str
    top: float = 0.0
    main_height: float = 0.0
    height: float = 0.0
    events: list[float] = field(default_factory=list)

    @property
    def handoff_id(self) -> int | None:
        return self.entry.handoff.id if self.entry.handoff is not None else None


class HandoffChainView(QWidget):
    """The chain of one task; ``refresh()`` re-reads the session's analysis."""

    handoffActivated = Signal(int)  # noqa: N815 — Qt signal naming

    @property
    def theme(self) -> Theme:
        return current()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._task_id: int | None = None
        self._analysis: HandoffAnalysis | None = None
        self._rows: list[_Row] = []
        self._title = ""
        self._verdict = ""
        self._verdict_kind = "none"  # "none", "ok", "broke"
        self._hover: int | None = None
        self._current: int | None = None
        self._pressed: int | None = None
        self._t0 = 0.0
        self._t1 = 1.0
        self._now = 0.0
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAutoFillBackground(False)
        self.setAccessibleName(_tr("Handoff chain"))
        self.refresh()

    # -- public ----------------------------------------------------------------------------

    @property
    def task_id(self) -> int | None:
        return self._task_id

    def show_task(self, task_id: int | None) -> None:
        if task_id != self._task_id:
            self._current = None
            self._hover = None
        self._task_id = task_id
        self.refresh()

    def refresh(self) -> None:
        self._analysis = self.session.handoff_analysis()
        self._build()
        self.updateGeometry()
        self.update()

    def verdict(self) -> str:
        return self._verdict

    def hop_rows(self) -> list[dict]:
        return [
            {
                "label": row.label,
                "people": row.people,
                "state": row.state,
                "findings": [f.kind for f in row.entry.findings],
                "lost": list(row.lost),
                "breaking": row.breaking,
                "handoff_id": row.handoff_id,
                "findings_text": row.findings_text,
            }
            for row in self._rows
        ]

    def row_rect(self, index: int) -> QRect:
        """The whole row (hop band and its findings line), in widget coordinates."""
        row = self._rows[index]
        return QRectF(0, row.top, self.width(), row.height).toRect()

    def row_at(self, y: float) -> int | None:
        for row in self._rows:
            if row.top <= y < row.top + row.height:
                return row.index
        return None

    # -- fonts and fixed metrics -----------------------------------------------------------

    def _font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        return scaled_font(self.font(), scale, bold)

    def _metrics(self) -> dict[str, float]:
        title = QFontMetricsF(self._font(1.3, bold=True)).height()
        label = QFontMetricsF(self._font(1.05, bold=True)).height()
        small = QFontMetricsF(self._font(0.92)).height()
        base = QFontMetricsF(self._font(1.0, bold=True)).height()
        return {
            "title": title,
            "verdict": base,
            "header": MARGIN + title + 4 + base + 12,
            "axis": small + 10,
            "main": max(float(MIN_ROW_HEIGHT), label + small + 16),
            "findings": small + 10,
            "small": small,
            "legend": small + 16,
        }

    def _content_height(self) -> int:
        m = self._metrics()
        height = m["header"]
        if self._rows:
            height += m["axis"] + sum(row.height for row in self._rows) + m["legend"]
        return int(height + MARGIN)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(760, self._content_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(340, self._content_height())

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._build()
            self.updateGeometry()
        super().changeEvent(event)

    # -- model -----------------------------------------------------------------------------

    def _build(self) -> None:
        analysis = self._analysis
        board = self.session.board
        task_id = self._task_id
        self._rows = []
        if task_id is None or analysis is None:
            self._title = ""
            self._set_verdict(_tr("Select a task to see its handoffs"), "none")
            return
        task = board.tasks.get(task_id)
        self._title = task.title if task is not None else f"#{task_id}"
        chain = analysis.chain(task_id)
        if not chain:
            self._set_verdict(_tr("No handoffs yet"), "none")
            return
        breaking = analysis.breaking_finding(task_id)
        breaking_index = self._breaking_index(chain, breaking)
        names = board_names(board)
        for index, entry in enumerate(chain):
            self._rows.append(
                self._make_row(index, entry, index == breaking_index, breaking, names)
            )
        if breaking is None or breaking_index is None:
            self._set_verdict(_tr("No information lost on this chain"), "ok")
        else:
            row = self._rows[breaking_index]
            text = _tr("Broke at hop {n}: {hop}").format(
                n=breaking_index + 1, hop=self._team_pair(row.entry)
            )
            if row.lost:
                labels = ", ".join(item_label(i, tr) for i in row.lost)
                text += "  ·  " + _tr("lost: {items}").format(items=labels)
            else:
                text += "  ·  " + short_finding_text(breaking)
            self._set_verdict(text, "broke")
        self._compute_axis(analysis.now)
        self._place_rows()

    def _set_verdict(self, text: str, kind: str) -> None:
        self._verdict = text
        self._verdict_kind = kind
        self.setAccessibleDescription(text)

    @staticmethod
    def _breaking_index(chain: list[HandoffEntry], breaking: Finding | None) -> int | None:
        if breaking is None:
            return None
        for index, entry in enumerate(chain):
            if breaking.handoff_id is not None:
                if entry.handoff is not None and entry.handoff.id == breaking.handoff_id:
                    return index
            elif entry.state == SILENT and breaking in entry.findings:
                return index
        return None

    def _team_name(self, team_id: int | None, person_id: int | None) -> str:
        """The team's name; without a team on the hop (an owner-only change), the person's
        own team; "No team" when neither is known."""
        board = self.session.board
        if team_id is None and person_id is not None:
            person = board.people.get(person_id)
            team_id = person.team_id if person is not None else None
        if team_id is None:
            return _tr("No team")
        team = board.teams.get(team_id)
        return team.name if team is not None else f"#{team_id}"

    def _person_name(self, person_id: int | None) -> str:
        if person_id is None:
            return _tr("nobody")
        person = self.session.board.people.get(person_id)
        return person.name if person is not None else f"#{person_id}"

    def _team_pair(self, entry: HandoffEntry) -> str:
        sender = self._team_name(entry.from_team_id, entry.from_person_id)
        receiver = self._team_name(entry.to_team_id, entry.to_person_id)
        return f"{sender} → {receiver}"

    def _make_row(
        self,
        index: int,
        entry: HandoffEntry,
        breaking: bool,
        breaking_finding: Finding | None,
        names: Names,
    ) -> _Row:
        label = f"{index + 1}. {self._team_pair(entry)}"
        sender = self._person_name(entry.from_person_id)
        receiver = self._person_name(entry.to_person_id)
        people = f"{sender} → {receiver}"
        if entry.handoff is None:
            state = _tr("No handoff record")
        else:
            state = tr("Handoff", STATE_LABELS[entry.handoff.state])
        lost = entry.lost_items
        parts: list[str] = []
        if lost:
            labels = ", ".join(item_label(i, tr) for i in lost)
            parts.append(_tr("Lost: {items}").format(items=labels))
        for finding in entry.findings:
            if finding.kind not in _LOST:
                parts.append(short_finding_text(finding))
        lost_here = breaking and breaking_finding is not None and breaking_finding.kind in _LOST
        return _Row(
            index=index,
            entry=entry,
            label=label,
            people=people,
            state=state,
            lost=lost,
            breaking=breaking,
            lost_here=lost_here,
            findings_text="  ·  ".join(parts),
            tooltip=self._tooltip(label, people, state, entry, names),
        )

    def _tooltip(
        self, label: str, people: str, state: str, entry: HandoffEntry, names: Names
    ) -> str:
        lines = [label, f"{people} · {state}"]
        h = entry.handoff
        if h is None:
            lines.append(_tr("Changed hands: {at}").format(at=local_time_text(entry.at)))
        else:
            lines.append(_tr("Sent: {at}").format(at=local_time_text(h.sent_at)))
            if h.acknowledged_at is not None:
                lines.append(
                    _tr("Acknowledged: {at}").format(at=local_time_text(h.acknowledged_at))
                )
            if h.resolved_at is not None:
                word = tr("Handoff", STATE_LABELS[h.state])
                lines.append(f"{word}: {local_time_text(h.resolved_at)}")
            if h.reason:
                lines.append(_tr("Reason: {reason}").format(reason=reason_label(h.reason, tr)))
        for finding in entry.findings:
            lines.append("⚠ " + describe(finding, names, tr))
        if h is not None:
            lines.append(_tr("Click to open this handoff"))
        return "\n".join(lines)

    def _compute_axis(self, now: datetime) -> None:
        stamps: list[float] = []
        for row in self._rows:
            h = row.entry.handoff
            if h is None:
                row.events = [_stamp(row.entry.at)]
            else:
                row.events = [
                    _stamp(at) for at in (h.sent_at, h.acknowledged_at, h.resolved_at) if at
                ]
            stamps.extend(row.events)
        self._now = _stamp(now)
        start = _stamp(self._rows[0].entry.at)
        end = max([self._now, *stamps])
        span = max(end - start, 3600.0)
        pad = max(span * 0.04, 1800.0)
        self._t0 = start - pad
        self._t1 = end + pad

    def _place_rows(self) -> None:
        m = self._metrics()
        y = m["header"] + m["axis"]
        for row in self._rows:
            row.top = y
            row.main_height = m["main"]
            row.height = m["main"] + (m["findings"] if row.findings_text else 0.0)
            y += row.height

    # -- geometry ----------------------------------------------------------------------------

    def _left_width(self) -> float:
        return max(float(MIN_LEFT_WIDTH), self.width() * LEFT_SHARE)

    def _axis_span(self) -> tuple[float, float]:
        left = MARGIN + self._left_width() + AXIS_GAP
        right = max(left + 40.0, self.width() - MARGIN - RIGHT_PAD)
        return left, right

    def x_of(self, stamp: float) -> float:
        left, right = self._axis_span()
        share = (stamp - self._t0) / (self._t1 - self._t0)
        return left + share * (right - left)

    def x_of_time(self, at: datetime) -> float:
        """The axis x of a stored (naive UTC) time; for tests and the owner."""
        return self.x_of(_stamp(at))

    def _date_format(self) -> str:
        locale = QLocale()
        if locale.language() in (QLocale.Language.Japanese, QLocale.Language.Chinese):
            return "M/d"
        short = locale.dateFormat(QLocale.FormatType.ShortFormat).lower()
        return "d MMM" if short.startswith("d") else "MMM d"

    def ticks(self) -> list[tuple[float, str]]:
        """Date ticks (x, label) at local midnights, spaced so labels never overlap."""
        if not self._rows:
            return []
        metrics = QFontMetricsF(self._font(0.92))
        fmt = self._date_format()
        locale = QLocale()
        first = datetime.fromtimestamp(self._t0).date()
        last = datetime.fromtimestamp(self._t1).date()

        def label(day: date) -> str:
            return locale.toString(QDate(day.year, day.month, day.day), fmt)

        def days_from(start: date, step: int) -> list[date]:
            out, day = [], start
            while day <= last:
                out.append(day)
                day += timedelta(days=step)
            return out

        def months() -> list[date]:
            out, year, month = [], first.year, first.month
            while date(year, month, 1) <= last:
                out.append(date(year, month, 1))
                month += 1
                if month == 13:
                    year, month = year + 1, 1
            return out

        monday = first + timedelta(days=(7 - first.weekday()) % 7)
        candidates = [
            (1, days_from(first, 1)),
            (2, days_from(first, 2)),
            (7, days_from(monday, 7)),
            (14, days_from(monday, 14)),
            (30, months()),
        ]
        per_day = self.x_of(self._t0 + 86400) - self.x_of(self._t0)
        chosen: list[date] = candidates[-1][1]
        for step, days in candidates:
            widest = max((metrics.horizontalAdvance(label(d)) for d in days), default=0.0)
            if step * per_day >= widest + 14:
                chosen = days
                break
        left, right = self._axis_span()
        out = []
        for day in chosen:
            x = self.x_of(_midnight_stamp(day))
            if left - 0.5 <= x <= right + 0.5:
                out.append((x, label(day)))
        return out

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        theme = self.theme
        painter.fillRect(self.rect(), theme.card)
        m = self._metrics()
        self._paint_header(painter, m)
        if self._rows:
            for row in self._rows:
                self._paint_row_background(painter, row)
            self._paint_axis(painter, m)
            for row in self._rows:
                self._paint_row(painter, row, m)
            self._paint_now(painter, m)
            self._paint_legend(painter, m)
        painter.end()

    def _paint_header(self, painter: QPainter, m: dict[str, float]) -> None:
        theme = self.theme
        width = self.width() - 2 * MARGIN
        y = float(MARGIN)
        if self._title:
            painter.setFont(self._font(1.3, bold=True))
            painter.setPen(theme.text)
            text = QFontMetricsF(painter.font()).elidedText(
                self._title, Qt.TextElideMode.ElideRight, width
            )
            painter.drawText(
                QRectF(MARGIN, y, width, m["title"]), Qt.AlignmentFlag.AlignVCenter, text
            )
            y += m["title"] + 4
        painter.setFont(self._font(1.0, bold=self._verdict_kind != "none"))
        x = float(MARGIN)
        rect_h = m["verdict"]
        if self._verdict_kind == "broke":
            radius = rect_h * 0.36
            self._paint_warning_icon(painter, QPointF(x + radius, y + rect_h / 2), radius)
            x += 2 * radius + 8
            painter.setPen(theme.late)
        elif self._verdict_kind == "ok":
            radius = rect_h * 0.36
            self._paint_check_icon(painter, QPointF(x + radius, y + rect_h / 2), radius)
            x += 2 * radius + 8
            painter.setPen(theme.done)
        else:
            painter.setPen(theme.muted)
        text = QFontMetricsF(painter.font()).elidedText(
            self._verdict, Qt.TextElideMode.ElideRight, self.width() - MARGIN - x
        )
        painter.drawText(
            QRectF(x, y, self.width() - MARGIN - x, rect_h), Qt.AlignmentFlag.AlignVCenter, text
        )

    def _now_label_rect(self, m: dict[str, float]) -> QRectF:
        painter_font = self._font(0.92, bold=True)
        width = QFontMetricsF(painter_font).horizontalAdvance(_tr("Now")) + 8
        x = self.x_of(self._now)
        _left, right = self._axis_span()
        x = min(x, right + RIGHT_PAD - width / 2)
        return QRectF(x - width / 2, m["header"], width, m["axis"] - 4)

    def _paint_axis(self, painter: QPainter, m: dict[str, float]) -> None:
        theme = self.theme
        top = m["header"]
        left, right = self._axis_span()
        painter.setFont(self._font(0.92))
        metrics = QFontMetricsF(painter.font())
        now_rect = self._now_label_rect(m)
        taken: list[QRectF] = [now_rect.adjusted(-10, 0, 10, 0)]
        grid = QPen(theme.progress_track, 1)
        rows_top = top + m["axis"]
        painter.setPen(QPen(theme.card_border, 1))
        painter.drawLine(QPointF(left, rows_top - 0.5), QPointF(right, rows_top - 0.5))
        for x, label in self.ticks():
            width = metrics.horizontalAdvance(label)
            rect = QRectF(x - width / 2, top, width, m["axis"] - 4)
            if rect.left() < left - AXIS_GAP / 2:
                rect.moveLeft(left - AXIS_GAP / 2)
            if rect.right() > self.width() - 2:
                rect.moveRight(self.width() - 2)
            painter.setPen(grid)
            for row in self._rows:  # grid lines only behind the bars, never through text
                painter.drawLine(QPointF(x, row.top + 2), QPointF(x, row.top + row.main_height - 2))
            painter.setPen(QPen(theme.card_border, 1))
            painter.drawLine(QPointF(x, rows_top - 5), QPointF(x, rows_top))
            if any(rect.intersects(other) for other in taken):
                continue
            taken.append(rect.adjusted(-6, 0, 6, 0))
            painter.setPen(theme.muted)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_now(self, painter: QPainter, m: dict[str, float]) -> None:
        theme = self.theme
        x = self.x_of(self._now)
        rect = self._now_label_rect(m)
        painter.setFont(self._font(0.92, bold=True))
        painter.setPen(theme.selection)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, _tr("Now"))
        pen = QPen(theme.selection, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for row in self._rows:
            painter.drawLine(QPointF(x, row.top + 1), QPointF(x, row.top + row.main_height - 1))

    def _row_background(self, row: _Row) -> QColor:
        """Opaque, so text drawn on it can cover the grid: a warm band on the breaking hop."""
        theme = self.theme
        if row.breaking:
            share = 0.13
            card, late = theme.card, theme.late
            return QColor.fromRgbF(
                card.redF() + (late.redF() - card.redF()) * share,
                card.greenF() + (late.greenF() - card.greenF()) * share,
                card.blueF() + (late.blueF() - card.blueF()) * share,
            )
        if row.index == self._hover and row.handoff_id is not None:
            return theme.window
        return theme.card

    def _paint_row_background(self, painter: QPainter, row: _Row) -> None:
        rect = QRectF(0, row.top, self.width(), row.height)
        painter.fillRect(rect, self._row_background(row))
        if row.breaking:
            painter.fillRect(QRectF(0, row.top, 5, row.height), self.theme.late)

    def _paint_row(self, painter: QPainter, row: _Row, m: dict[str, float]) -> None:
        theme = self.theme
        width = self.width()
        rect = QRectF(0, row.top, width, row.height)
        if row.index == self._current and self.hasFocus():
            painter.setPen(QPen(theme.selection, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        # Left column: "N. Team → Team" and, smaller, "Person → Person · State".
        left_w = self._left_width()
        x = float(MARGIN)
        label_font = self._font(1.05, bold=True)
        small_font = self._font(0.92)
        label_h = QFontMetricsF(label_font).height()
        small_h = QFontMetricsF(small_font).height()
        block = label_h + small_h + 2
        y = row.top + (row.main_height - block) / 2
        painter.setFont(label_font)
        painter.setPen(theme.text)
        text = QFontMetricsF(label_font).elidedText(row.label, Qt.TextElideMode.ElideRight, left_w)
        painter.drawText(QRectF(x, y, left_w, label_h), Qt.AlignmentFlag.AlignVCenter, text)
        painter.setFont(small_font)
        painter.setPen(theme.muted)
        text = QFontMetricsF(small_font).elidedText(
            f"{row.people} · {row.state}", Qt.TextElideMode.ElideRight, left_w
        )
        painter.drawText(
            QRectF(x, y + label_h + 2, left_w, small_h), Qt.AlignmentFlag.AlignVCenter, text
        )
        self._paint_bar(painter, row)
        if row.findings_text:
            self._paint_findings(painter, row, m)
        painter.setPen(QPen(theme.progress_track, 1))
        bottom = row.top + row.height - 0.5
        painter.drawLine(QPointF(0, bottom), QPointF(width, bottom))

    def _paint_bar(self, painter: QPainter, row: _Row) -> None:
        theme = self.theme
        centre = row.top + row.main_height / 2
        h = row.entry.handoff
        if h is None:
            x = self.x_of(_stamp(row.entry.at))
            size = 7.0
            diamond = QPolygonF(
                [
                    QPointF(x, centre - size),
                    QPointF(x + size, centre),
                    QPointF(x, centre + size),
                    QPointF(x - size, centre),
                ]
            )
            painter.setPen(QPen(theme.blocked, 2.2))
            painter.setBrush(theme.card)
            painter.drawPolygon(diamond)
            return
        bar_h = 12.0
        sent = self.x_of(_stamp(h.sent_at))
        now = self.x_of(self._now)
        ack = self.x_of(_stamp(h.acknowledged_at)) if h.acknowledged_at else None
        resolved = self.x_of(_stamp(h.resolved_at)) if h.resolved_at else None
        if h.state is HandoffState.ACCEPTED:
            decided = theme.done
        elif h.state in (HandoffState.RETURNED, HandoffState.REJECTED):
            decided = theme.late
        else:
            decided = theme.progress
        # Waiting for acknowledgement: hatched, dashed outline; up to now while still open.
        wait_end = ack if ack is not None else (now if h.state.is_open else resolved or sent)
        self._hatched(painter, sent, wait_end, centre, bar_h, theme.muted)
        if ack is not None:
            end = resolved if resolved is not None else now
            colour = QColor(decided)
            if resolved is None:
                colour.setAlpha(150)  # acknowledged, decision still open
            left = ack
            right = max(end, left + 3)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(left, centre - bar_h / 2, right - left, bar_h), 3, 3)
        if ack is None and h.state.is_open or (ack is not None and resolved is None):
            self._open_end(painter, now, centre, bar_h)
        self._dot(painter, sent, centre, theme.muted)
        if ack is not None:
            self._dot(painter, ack, centre, decided)
        if resolved is not None and (ack is None or abs(resolved - ack) > 0.5):
            self._dot(painter, resolved, centre, decided)
        right_end = max(x for x in (sent, ack, resolved, wait_end) if x is not None)
        if h.state.is_open:
            right_end = max(right_end, now + 4)
        self._paint_span_label(painter, row, sent, right_end, centre)

    def _paint_span_label(
        self, painter: QPainter, row: _Row, start: float, end: float, centre: float
    ) -> None:
        """'acknowledged in 1 h' / 'waiting 3 d' beside the bar, where there is room."""
        h = row.entry.handoff
        if h is None:
            return
        if h.acknowledged_at is not None:
            text = _tr("acknowledged in {span}").format(
                span=span_text(h.acknowledged_at - h.sent_at)
            )
        elif h.state.is_open:
            moment = datetime.fromtimestamp(self._now, UTC).replace(tzinfo=None)
            text = _tr("waiting {span}").format(span=span_text(moment - h.sent_at))
        else:
            return
        font = self._font(0.85)
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(text) + 2
        left, right = self._axis_span()
        now = self.x_of(self._now)
        limit = now - 8 if end < now - 8 else right + RIGHT_PAD
        if end + 10 + width <= limit:
            x = end + 10
        elif start - 10 - width >= left:
            x = start - 10 - width
        else:
            return
        painter.setFont(font)
        height = metrics.height()
        painter.fillRect(
            QRectF(x - 3, centre - height / 2 - 6, width + 6, height + 12),
            self._row_background(row),
        )
        painter.setPen(self.theme.muted)
        painter.drawText(
            QRectF(x, centre - height / 2, width, height), Qt.AlignmentFlag.AlignVCenter, text
        )

    def _hatched(
        self, painter: QPainter, x1: float, x2: float, centre: float, bar_h: float, colour: QColor
    ) -> None:
        left, right = min(x1, x2), max(x1, x2)
        right = max(right, left + 3)
        rect = QRectF(left, centre - bar_h / 2, right - left, bar_h)
        fill = QColor(colour)
        fill.setAlpha(36)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRect(rect)
        brush = QBrush(colour, Qt.BrushStyle.BDiagPattern)
        painter.setBrush(brush)
        painter.drawRect(rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 1.2, Qt.PenStyle.DashLine))
        painter.drawRect(rect)

    def _open_end(self, painter: QPainter, x: float, centre: float, bar_h: float) -> None:
        """A small chevron at 'now': the hop is still waiting."""
        painter.setPen(QPen(self.theme.text, 1.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = bar_h / 2 + 2
        painter.drawPolyline(
            QPolygonF(
                [
                    QPointF(x - 2, centre - half),
                    QPointF(x + 4, centre),
                    QPointF(x - 2, centre + half),
                ]
            )
        )

    def _dot(self, painter: QPainter, x: float, centre: float, colour: QColor) -> None:
        painter.setPen(QPen(self.theme.card, 1.5))
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(x, centre), 5.5, 5.5)

    def _paint_findings(self, painter: QPainter, row: _Row, m: dict[str, float]) -> None:
        theme = self.theme
        top = row.top + row.main_height - 4
        line_h = m["findings"]
        centre_y = top + line_h / 2
        x = float(MARGIN) + 6
        small = self._font(0.92)
        bold = self._font(0.92, bold=True)
        if row.breaking:
            word = _tr("Lost here") if row.lost_here else _tr("Broke here")
            word_w = QFontMetricsF(bold).horizontalAdvance(word)
            radius = m["small"] * 0.32
            pill = QRectF(x, top + 2, word_w + 2 * radius + 20, line_h - 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.late)
            painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            glyphs.warning(
                painter, QPointF(pill.left() + 8 + radius, centre_y), radius, theme.badge_ink
            )
            painter.setFont(bold)
            painter.setPen(theme.badge_ink)
            painter.drawText(
                QRectF(pill.left() + 2 * radius + 12, pill.top(), word_w + 2, pill.height()),
                Qt.AlignmentFlag.AlignVCenter,
                word,
            )
            x = pill.right() + 8
        else:
            radius = m["small"] * 0.36
            self._paint_warning_icon(painter, QPointF(x + radius, centre_y), radius)
            x += 2 * radius + 6
        painter.setFont(small)
        painter.setPen(theme.text)
        available = self.width() - MARGIN - x
        text = QFontMetricsF(small).elidedText(
            row.findings_text, Qt.TextElideMode.ElideRight, available
        )
        painter.drawText(QRectF(x, top, available, line_h), Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_legend(self, painter: QPainter, m: dict[str, float]) -> None:
        theme = self.theme
        last = self._rows[-1]
        top = last.top + last.height + 6
        centre = top + (m["legend"] - 6) / 2
        painter.setFont(self._font(0.92))
        metrics = QFontMetricsF(painter.font())
        x = float(MARGIN)
        entries = [
            ("wait", _tr("Waiting for acknowledgement")),
            ("solid", _tr("Acknowledged → decided")),
            ("diamond", _tr("No handoff record")),
            ("now", _tr("Now")),
        ]
        for kind, text in entries:
            needed = 30 + metrics.horizontalAdvance(text) + 18
            if x + needed > self.width() - MARGIN:
                break
            if kind == "wait":
                self._hatched(painter, x, x + 22, centre, 10, theme.muted)
            elif kind == "solid":
                painter.setPen(Qt.PenStyle.NoPen)
                for part, colour in enumerate((theme.done, theme.late, theme.progress)):
                    painter.setBrush(colour)
                    painter.drawRect(QRectF(x + part * 22 / 3, centre - 5, 22 / 3 + 0.3, 10))
            elif kind == "diamond":
                c = x + 11
                painter.setPen(QPen(theme.blocked, 2))
                painter.setBrush(theme.card)
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(c, centre - 6),
                            QPointF(c + 6, centre),
                            QPointF(c, centre + 6),
                            QPointF(c - 6, centre),
                        ]
                    )
                )
            else:
                painter.setPen(QPen(theme.selection, 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x + 11, centre - 7), QPointF(x + 11, centre + 7))
            painter.setPen(theme.muted)
            painter.drawText(
                QRectF(x + 28, top, metrics.horizontalAdvance(text) + 4, m["legend"] - 6),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            x += needed

    def _paint_warning_icon(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.late)
        painter.drawEllipse(centre, radius, radius)
        glyphs.warning(painter, centre, radius * 0.56)
        painter.restore()

    def _paint_check_icon(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.done)
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(QPen(self.theme.badge_ink, max(1.5, radius * 0.28)))
        painter.drawPolyline(
            QPolygonF(
                [
                    QPointF(centre.x() - radius * 0.45, centre.y()),
                    QPointF(centre.x() - radius * 0.1, centre.y() + radius * 0.38),
                    QPointF(centre.x() + radius * 0.5, centre.y() - radius * 0.4),
                ]
            )
        )
        painter.restore()

    # -- interaction ---------------------------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.row_at(event.pos().y())
            if index is None:
                QToolTip.hideText()
                event.ignore()
                return True
            tip = self._rows[index].tooltip
            QToolTip.showText(event.globalPos(), tip, self, self.row_rect(index))
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.row_at(event.position().y())
        if index != self._hover:
            self._hover = index
            clickable = index is not None and self._rows[index].handoff_id is not None
            if clickable:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self.unsetCursor()
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        self._hover = None
        self.unsetCursor()
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self.row_at(event.position().y())
            if self._pressed is not None:
                self._current = self._pressed
                self.update()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pressed, self._pressed = self._pressed, None
        left = event.button() == Qt.MouseButton.LeftButton
        if left and pressed is not None and self.row_at(event.position().y()) == pressed:
            self._activate(pressed)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if self._rows and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            start = self._current if self._current is not None else (-1 if step > 0 else 0)
            self._current = max(0, min(len(self._rows) - 1, start + step))
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            self._activate(self._current)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)

    def _activate(self, index: int) -> None:
        if 0 <= index < len(self._rows):
            handoff_id = self._rows[index].handoff_id
            if handoff_id is not None:
                self.handoffActivated.emit(handoff_id)
