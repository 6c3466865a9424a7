"""The status report as a PDF: cover and summary, risk, teams, timeline, board, handoffs,
changes since the last standup. Headless: Qt offscreen is enough, no window is opened.

The report is painted twice into memory, the first time only to count its pages ("Page N of
M"), then written next to the target and moved over it, so a failed or cancelled export
leaves nothing behind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPdfWriter, QPen, QPolygonF

from renkei.app.standup import (
    DEADLINE,
    FINISHED,
    HANDOFF_RECEIVED,
    HANDOFF_SENT,
    MOVED,
    NEW,
    ChangeLine,
    build_agenda,
)
from renkei.domain.dates import due_words
from renkei.domain.handoff import HandoffState, item_label
from renkei.domain.handoff_log import severity
from renkei.domain.handoff_loss import LOST_KINDS, Names, format_span
from renkei.domain.handoff_loss import describe as describe_finding
from renkei.domain.model import Task
from renkei.domain.read_model import BoardReadModel
from renkei.domain.risk import RiskReason, badge_word, describe
from renkei.export.pdf import (
    ExportCancelled,
    Pages,
    draw_lines,
    ensure_application,
    font,
    line_height,
    render_to_bytes,
    wrap,
)
from renkei.files import writable_target, write_atomically
from renkei.render.card import CARD_GAP, CARD_HEIGHT, paint_card
from renkei.render.card_face import card_face
from renkei.render.theme import LIGHT
from renkei.render.words import date_text, finding_word
from renkei.render.words import tr as translate  # Qt's, in any context

__all__ = ["ExportCancelled", "ReportOptions", "export_pdf"]

ACCENT = LIGHT.selection  # headings and rules
ZEBRA = QColor("#f3f5f8")
HEAD_BACK = QColor("#e3e6eb")
MAX_CHANGES = 60  # per team in "changes since the last standup"
CARD_SCALE = 0.6
LOST = frozenset(k.value for k in LOST_KINDS)

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class ReportOptions:
    paper: str = "a4"  # or "letter"
    team_id: int | None = None  # only this team's tasks, slide and handoffs
    since: datetime | None = None  # naive UTC; default: the last standup, else 7 days ago


def tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def local(at: datetime) -> datetime:
    """A stored time (naive UTC) in local wall-clock time."""
    return at.replace(tzinfo=UTC).astimezone() if at.tzinfo is None else at.astimezone()


def time_text(at: datetime, today: date) -> str:
    moment = local(at)
    return f"{date_text(moment.date(), today)} {moment:%H:%M}"


# -- export --------------------------------------------------------------------------------


def export_pdf(
    session: BoardReadModel,
    path: Path,
    options: ReportOptions = ReportOptions(),
    progress: Progress | None = None,
) -> int:
    """Write the status report to ``path`` (under renkei.files' rule: atomically, never over a
    folder, device or read-only file); returns its page count.
    ``progress(done, total)`` returning False stops it with ExportCancelled."""
    ensure_application()
    path = Path(path)
    writable_target(path)  # a refusal now, not after the whole report was drawn
    report = _Report(session, options, progress)
    report.total_steps = 2 * len(report.sections)
    title = tr("Status report")
    _data, count = render_to_bytes(options.paper, title, report.make_pages, report.paint)
    data, count = render_to_bytes(
        options.paper, title, report.make_pages, report.paint, total=count
    )
    write_atomically(path, data)
    return count


# -- the flow of text down the pages ------------------------------------------------------


@dataclass
class Para:
    """One paragraph in a table cell: words, weight, ink, and a warning icon before it."""

    text: str
    bold: bool = False
    colour: QColor | None = None
    icon: bool = False
    size: int = 8


Cell = str | list[Para]
ICON = 9.0  # the width an icon takes before its paragraph


class _Flow:
    """A cursor going down the body of the pages; starts a new page when the room ends."""

    def __init__(self, pages: Pages, check: Callable[[], None]):
        self.pages = pages
        self.check = check
        self.y = pages.body().top()

    @property
    def body(self) -> QRectF:
        return self.pages.body()

    def room(self) -> float:
        return self.body.bottom() - self.y

    def new_page(self, landscape: bool = False) -> None:
        self.pages.new_page(landscape=landscape)
        self.y = self.body.top()

    def ensure(self, height: float) -> None:
        if height > self.room() and self.y > self.body.top() + 1:
            self.new_page(self.pages.landscape)

    def space(self, height: float) -> None:
        self.y = min(self.y + height, self.body.bottom())

    def heading(self, text: str, level: int = 1, keep: float = 60.0) -> None:
        f = font(16 if level == 1 else 11, bold=True)
        lines = wrap(text, f, self.body.width())
        h = line_height(f) * len(lines)
        self.ensure(h + keep)
        if level == 1 and self.y > self.body.top() + 1:
            self.space(8)
        p = self.pages.painter
        self.y += draw_lines(p, self.body.left(), self.y, self.body.width(), lines, f, LIGHT.text)
        if level == 1:
            p.setPen(QPen(ACCENT, 1.2))
            p.drawLine(
                QPointF(self.body.left(), self.y + 2), QPointF(self.body.right(), self.y + 2)
            )
            self.y += 8
        else:
            self.y += 3

    def text(self, text: str, size: int = 9, colour: QColor | None = None, bold=False) -> None:
        f = font(size, bold)
        lh = line_height(f)
        for line in wrap(text, f, self.body.width()):
            self.ensure(lh)
            draw_lines(
                self.pages.painter, self.body.left(), self.y, self.body.width(), [line], f, colour
            )
            self.y += lh
        self.y += 3

    def table(self, columns: Sequence[tuple[str, float]], rows: Sequence[Sequence[Cell]]) -> None:
        """Header row (repeated on each page), zebra rows, every cell wrapped in full."""
        pad = 4.0
        total = sum(w for _, w in columns)
        widths = [self.body.width() * w / total for _, w in columns]
        head_font = font(8, bold=True)
        heads = [
            wrap(name, head_font, w - 2 * pad) for (name, _), w in zip(columns, widths, strict=True)
        ]
        head_h = max(len(lines) for lines in heads) * line_height(head_font) + 2 * pad

        def header() -> None:
            p = self.pages.painter
            x = self.body.left()
            p.fillRect(QRectF(x, self.y, self.body.width(), head_h), HEAD_BACK)
            for lines, w in zip(heads, widths, strict=True):
                draw_lines(p, x + pad, self.y + pad, w - 2 * pad, lines, head_font, LIGHT.text)
                x += w
            self.y += head_h

        self.ensure(head_h + 24)
        header()
        for n, row in enumerate(rows):
            if n % 50 == 49:
                self.check()
            laid = [_lay_cell(cell, w - 2 * pad) for cell, w in zip(row, widths, strict=True)]
            h = max(sum(part[1] for part in cell) for cell in laid) + 2 * pad
            if h > self.room():
                self.new_page(self.pages.landscape)
                header()
            p = self.pages.painter
            x = self.body.left()
            if n % 2:
                p.fillRect(QRectF(x, self.y, self.body.width(), h), ZEBRA)
            for cell, w in zip(laid, widths, strict=True):
                y = self.y + pad
                for para, height, lines in cell:
                    left = x + pad
                    if para.icon:
                        _warning_icon(
                            p,
                            QPointF(left + 3.5, y + line_height(font(para.size)) / 2),
                            para.colour or LIGHT.risk,
                        )
                        left += ICON
                    draw_lines(
                        p, left, y, w - 2 * pad, lines, font(para.size, para.bold), para.colour
                    )
                    y += height
                x += w
            self.y += h
        p = self.pages.painter
        p.setPen(QPen(LIGHT.card_border, 0.6))
        p.drawLine(QPointF(self.body.left(), self.y), QPointF(self.body.right(), self.y))
        self.y += 10


def _lay_cell(cell: Cell, width: float) -> list[tuple[Para, float, list[str]]]:
    paras = [Para(cell)] if isinstance(cell, str) else cell
    laid = []
    for para in paras:
        f = font(para.size, para.bold)
        lines = wrap(para.text, f, width - (ICON if para.icon else 0))
        laid.append((para, line_height(f) * len(lines), lines))
    return laid


def _warning_icon(painter, centre: QPointF, ink: QColor) -> None:
    """A small filled triangle with an exclamation mark: risk is never colour alone."""
    s = 7.0
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    tri = QPolygonF(
        [
            QPointF(centre.x(), centre.y() - s / 2),
            QPointF(centre.x() + s / 2, centre.y() + s / 2 - 0.5),
            QPointF(centre.x() - s / 2, centre.y() + s / 2 - 0.5),
        ]
    )
    painter.drawPolygon(tri)
    painter.setPen(QPen(QColor("#ffffff"), 0.9))
    painter.drawLine(QPointF(centre.x(), centre.y() - 1.2), QPointF(centre.x(), centre.y() + 1.3))
    painter.drawPoint(QPointF(centre.x(), centre.y() + 2.4))
    painter.restore()


# -- the report ----------------------------------------------------------------------------


class _Report:
    def __init__(self, session: BoardReadModel, options: ReportOptions, progress: Progress | None):
        self.session = session
        self.options = options
        self.progress = progress
        self.board = board = session.board
        self.today: date = session.today()
        self.now: datetime = session.now()
        self.exported_at = datetime.now().astimezone()
        team = options.team_id
        if team is not None and team not in board.teams:
            raise ValueError(f"no team with id {team}")
        self.done_ids = board.done_status_ids()
        self.tasks: list[Task] = [
            t
            for t in board.tasks.values()
            if not t.archived and (team is None or t.team_id == team)
        ]
        self.task_ids = {t.id for t in self.tasks}
        self.live = [t for t in self.tasks if t.status_id not in self.done_ids]
        last = board.last_standup()
        if options.since is not None:
            self.since = options.since
            self.since_note = ""
        elif last is not None:
            self.since = last.held_at
            self.since_note = tr("last standup")
        else:
            self.since = self.now - timedelta(days=7)
            self.since_note = tr("7 days ago")
        self.names = Names(
            teams={t.id: t.name for t in board.teams.values()},
            people={p.id: p.name for p in board.people.values()},
        )
        self.sections: list[Callable[[_Flow], None]] = [
            self._cover,
            self._risk,
            self._teams,
            self._timeline,
            self._kanban,
            self._handoffs,
            self._changes,
        ]
        self.total_steps = len(self.sections)
        self.done_steps = 0
        self._prepared = False

    def _prepare(self) -> None:
        if self._prepared:
            return
        session = self.session
        self.risk = {t.id: r for t in self.live if (r := session.risk(t.id))}
        self.overdue = [t for t in self.live if t.due is not None and t.due < self.today]
        self.analysis = session.handoff_analysis()
        agenda = build_agenda(session, self.since)
        team = self.options.team_id
        self.slides = [s for s in agenda.teams if team is None or s.team_id == team]
        self._prepared = True

    # -- progress ---------------------------------------------------------------------------

    def check(self) -> None:
        if self.progress is not None and self.progress(self.done_steps, self.total_steps) is False:
            raise ExportCancelled()

    def make_pages(self, writer: QPdfWriter, total: int | None) -> Pages:
        scope = ""
        if self.options.team_id is not None:
            scope = " — " + self.board.teams[self.options.team_id].name
        exported = tr("Exported %1").replace("%1", f"{self.exported_at:%Y-%m-%d %H:%M}")
        return Pages(writer, self.board.name + scope, tr("Status report"), exported, total)

    def paint(self, pages: Pages) -> None:
        self.check()
        self._prepare()
        flow = _Flow(pages, self.check)
        for section in self.sections:
            self.check()
            section(flow)
            self.done_steps += 1
        self.check()

    # -- words ------------------------------------------------------------------------------

    def person(self, person_id: int | None) -> str:
        person = self.board.people.get(person_id) if person_id is not None else None
        return person.name if person else tr("—")

    def team_name(self, team_id: int | None) -> str:
        team = self.board.teams.get(team_id) if team_id is not None else None
        return team.name if team else tr("No team")

    def status_name(self, status_id: Any) -> str:
        try:
            status = self.board.statuses.get(int(status_id))
        except (TypeError, ValueError):
            status = None
        return translate("Status", status.name) if status else "?"

    def due_cell(self, task: Task) -> Cell:
        if task.due is None:
            return tr("—")
        words = due_words(task.due, self.today, translate, lambda d: date_text(d, self.today))
        late = task.due < self.today and task.status_id not in self.done_ids
        return [
            Para(date_text(task.due, self.today)),
            Para(words, colour=LIGHT.late if late else LIGHT.muted, bold=late, size=7),
        ]

    def task_cell(self, task: Task, with_team: bool = True) -> Cell:
        paras = [Para(task.title, bold=True)]
        if with_team:
            paras.append(Para(self.team_name(task.team_id), colour=LIGHT.muted, size=7))
        return paras

    def reasons_cell(self, reasons: Sequence[RiskReason]) -> Cell:
        paras: list[Para] = []
        for reason in reasons:
            paras.append(
                Para(badge_word(reason, translate), bold=True, colour=LIGHT.late, icon=True)
            )
            paras.append(Para(describe(reason, translate), size=7))
        return paras

    # -- sections ---------------------------------------------------------------------------

    def _cover(self, flow: _Flow) -> None:
        p = flow.pages.painter
        body = flow.body
        flow.y = body.top() + 40
        flow.y += draw_lines(
            p,
            body.left(),
            flow.y,
            body.width(),
            wrap(self.board.name, font(28, True), body.width()),
            font(28, True),
            LIGHT.text,
        )
        flow.y += 4
        subtitle = tr("Status report")
        if self.options.team_id is not None:
            subtitle += " — " + self.board.teams[self.options.team_id].name
        flow.text(subtitle, 16, ACCENT, bold=True)
        since = tr("Since %1").replace("%1", time_text(self.since, self.today))
        if self.since_note:
            since += f" ({self.since_note})"
        flow.text(since, 11)
        flow.text(tr("As of %1").replace("%1", time_text(self.now, self.today)), 9, LIGHT.muted)
        flow.space(18)
        flow.heading(tr("Summary"), 2)
        counts = Counter(t.status_id for t in self.tasks)
        statuses = [
            (str(counts[s.id]), self.status_name(s.id), None) for s in self.board.ordered_statuses()
        ]
        self._grid(flow, [(str(len(self.tasks)), tr("Tasks"), None), *statuses])
        done_in_period = {
            line.task_id
            for slide in self.slides
            for line in slide.changes
            if line.kind == FINISHED and line.task_id in self.task_ids
        }
        waiting = [h for h in self._handoffs_in_scope() if h.state is HandoffState.SENT]
        lost_handoffs = {
            f.handoff_id
            for f in self.analysis.findings
            if f.kind in LOST and f.handoff_id is not None and f.task_id in self.task_ids
        }
        self._grid(
            flow,
            [
                (str(len(self.risk)), tr("At risk"), LIGHT.late if self.risk else None),
                (str(len(self.overdue)), tr("Overdue"), LIGHT.late if self.overdue else None),
                (str(len(done_in_period)), tr("Done in the period"), None),
                (str(len(waiting)), tr("Handoffs waiting"), None),
                (
                    str(len(lost_handoffs)),
                    tr("Handoffs that lost information"),
                    LIGHT.late if lost_handoffs else None,
                ),
            ],
        )
        worst = self.analysis.worst_pair()
        if worst is not None and self._cell_in_scope(worst.from_team_id, worst.to_team_id):
            flow.space(6)
            lost = ", ".join(item_label(i, translate) for i, _n in worst.lost_items)
            text = (
                tr("The team pair that loses the most: %1 → %2")
                .replace("%1", self.team_name(worst.from_team_id))
                .replace("%2", self.team_name(worst.to_team_id))
            )
            if lost:
                text += " — " + tr("most lost: %1").replace("%1", lost)
            flow.text(text, 9)

    def _grid(self, flow: _Flow, boxes: list[tuple[str, str, QColor | None]]) -> None:
        """Big numbers with their words, up to five a row."""
        per_row = 5
        gap = 8.0
        width = (flow.body.width() - gap * (per_row - 1)) / per_row
        p = flow.pages.painter
        big, small = font(22, True), font(8)
        for start in range(0, len(boxes), per_row):
            row = boxes[start : start + per_row]
            laid = [wrap(words, small, width - 12) for _n, words, _c in row]
            h = line_height(big) + max(len(lines) for lines in laid) * line_height(small) + 16
            flow.ensure(h)
            x = flow.body.left()
            for (number, _words, colour), lines in zip(row, laid, strict=True):
                rect = QRectF(x, flow.y, width, h)
                path = QPainterPath()
                path.addRoundedRect(rect, 4, 4)
                p.fillPath(path, ZEBRA)
                p.fillRect(QRectF(x, flow.y, 3, h), colour or ACCENT)
                draw_lines(p, x + 9, flow.y + 6, width - 12, [number], big, colour or LIGHT.text)
                draw_lines(
                    p, x + 9, flow.y + 6 + line_height(big), width - 12, lines, small, LIGHT.muted
                )
                x += width + gap
            flow.y += h + gap

    def _risk(self, flow: _Flow) -> None:
        flow.new_page()
        flow.heading(tr("At risk"))
        at_risk = sorted(
            (self.board.tasks[i] for i in self.risk),
            key=lambda t: (t.due or date.max, t.id),
        )
        if not at_risk:
            flow.text(tr("No task is at risk."), 9, LIGHT.muted)
        else:
            flow.text(
                translate("Report", "%n task(s) at risk, soonest due first.", len(at_risk)),
                8,
                LIGHT.muted,
            )
            flow.table(
                [(tr("Task"), 3), (tr("Owner"), 1.4), (tr("Due"), 1.3), (tr("Why"), 4)],
                [
                    [
                        self.task_cell(t),
                        self.person(t.owner_id),
                        self.due_cell(t),
                        self.reasons_cell(self.risk[t.id]),
                    ]
                    for t in at_risk
                ],
            )
        flow.heading(tr("Overdue"))
        overdue = sorted(self.overdue, key=lambda t: (t.due, t.id))
        if not overdue:
            flow.text(tr("Nothing is overdue."), 9, LIGHT.muted)
            return
        flow.table(
            [
                (tr("Task"), 3.2),
                (tr("Owner"), 1.5),
                (tr("Due"), 1.4),
                (tr("Status"), 1.3),
                (tr("Priority"), 1),
            ],
            [
                [
                    self.task_cell(t),
                    self.person(t.owner_id),
                    self.due_cell(t),
                    self.status_name(t.status_id),
                    translate("Priority", t.priority.label),
                ]
                for t in overdue
            ],
        )

    def _teams(self, flow: _Flow) -> None:
        flow.new_page()
        board = self.board
        for index, slide in enumerate(self.slides):
            if index % 2 == 0:
                self.check()
            flow.heading(tr("Team: %1").replace("%1", self.team_name(slide.team_id)))
            team_tasks = [t for t in self.tasks if t.team_id == slide.team_id]
            live = [t for t in team_tasks if t.status_id not in self.done_ids]
            flow.text(
                " · ".join(
                    (
                        translate("Report", "%n open task(s)", len(live)),
                        tr("%1 at risk").replace("%1", str(len(slide.at_risk))),
                        tr("%1 overdue").replace("%1", str(len(slide.overdue))),
                        tr("%1 blocked").replace("%1", str(len(slide.blocked))),
                        translate(
                            "Report", "%n handoff(s) waiting for the team", len(slide.waiting)
                        ),
                    )
                ),
                9,
            )
            due = [*slide.due_today, *slide.due_this_week]
            if due:
                flow.heading(tr("Due this week"), 2)
                flow.table(
                    [(tr("Task"), 3.5), (tr("Owner"), 1.5), (tr("Due"), 1.4), (tr("Status"), 1.4)],
                    [
                        [
                            self.task_cell(t, False),
                            self.person(t.owner_id),
                            self.due_cell(t),
                            self.status_name(t.status_id),
                        ]
                        for t in (board.tasks[i] for i in due)
                    ],
                )
            if slide.blocked:
                flow.heading(tr("Blocked"), 2)
                rows = []
                for task_id in slide.blocked:
                    t = board.tasks[task_id]
                    waits = [
                        board.tasks[o].title
                        for o in t.depends_on
                        if o in board.tasks
                        and board.tasks[o].status_id not in self.done_ids
                        and not board.tasks[o].archived
                    ]
                    rows.append(
                        [self.task_cell(t, False), self.person(t.owner_id), "\n".join(waits)]
                    )
                flow.table([(tr("Task"), 3), (tr("Owner"), 1.4), (tr("Waiting for"), 3)], rows)
            if slide.waiting:
                flow.heading(tr("Handoffs waiting for the team"), 2)
                flow.table(
                    [(tr("Task"), 3), (tr("From"), 2), (tr("To"), 1.5), (tr("Waiting"), 1.2)],
                    [
                        [
                            self.task_cell(board.tasks[w.handoff.task_id], False),
                            f"{self.team_name(w.handoff.sender_team_id)}\n"
                            f"{self.person(w.handoff.sender_id)}",
                            self.person(w.handoff.receiver_id),
                            format_span(w.waited, translate),
                        ]
                        for w in slide.waiting
                    ],
                )
            people = [w for w in slide.people if w.task_ids]
            if people:
                flow.heading(tr("Who is doing what"), 2)
                flow.table(
                    [(tr("Person"), 1.5), (tr("Current work"), 5)],
                    [
                        [
                            self.person(w.person_id),
                            "\n".join(board.tasks[i].title for i in w.task_ids[:8])
                            + (f"\n+{len(w.task_ids) - 8}" if len(w.task_ids) > 8 else ""),
                        ]
                        for w in people
                    ],
                )

    def _timeline(self, flow: _Flow) -> None:
        from renkei.render.timeline_pages import paint_timeline

        ids = [t.id for t in self.tasks]
        paint_timeline(flow.pages, self.session, ids)
        flow.y = flow.body.bottom()  # the next section starts its own page

    def _kanban(self, flow: _Flow) -> None:
        flow.new_page(landscape=True)
        flow.heading(tr("Board snapshot"), keep=0)
        body = flow.body
        statuses = self.board.ordered_statuses()
        if not statuses:
            return
        p = flow.pages.painter
        gap = 8.0
        width = (body.width() - gap * (len(statuses) - 1)) / len(statuses)
        scale = min(CARD_SCALE, width / 230.0)
        card_h = CARD_HEIGHT * scale
        head_f, more_f = font(9, True), font(8)
        head_h = line_height(head_f) * 2 + 6
        top = flow.y
        bottom = body.bottom() - line_height(more_f) - 4
        fits = max(
            0, int((bottom - top - head_h + CARD_GAP * scale) // (card_h + CARD_GAP * scale))
        )
        by_status: dict[int, list[Task]] = {s.id: [] for s in statuses}
        for t in self.tasks:
            if t.status_id in by_status:
                by_status[t.status_id].append(t)
        x = body.left()
        for status in statuses:
            tasks = by_status[status.id]
            if status.is_done:
                tasks.sort(key=lambda t: t.updated_at or datetime.min, reverse=True)
            else:
                tasks.sort(key=lambda t: (not self.risk.get(t.id), t.due or date.max, t.position))
            column = QRectF(x, top, width, body.bottom() - top)
            p.fillRect(column, LIGHT.window)
            name = self.status_name(status.id)
            count = str(len(tasks))
            if status.wip_limit is not None:
                count += " / " + str(status.wip_limit)
            draw_lines(
                p,
                x + 5,
                top + 3,
                width - 10,
                [_elide(name, head_f, width - 10), count],
                head_f,
            )
            y = top + head_h
            for t in tasks[:fits]:
                paint_card(
                    p,
                    QRectF(x + 4, y, width - 8, card_h),
                    card_face(self.session, t.id),
                    scale=scale,
                )
                y += card_h + CARD_GAP * scale
            if len(tasks) > fits:
                draw_lines(
                    p,
                    x + 5,
                    bottom,
                    width - 10,
                    [tr("+%1 more").replace("%1", str(len(tasks) - fits))],
                    more_f,
                    LIGHT.muted,
                )
            x += width + gap
        flow.y = body.bottom()

    def _handoffs_in_scope(self):
        team = self.options.team_id
        return [
            h
            for h in self.board.handoffs.values()
            if h.task_id in self.board.tasks
            and (team is None or team in (h.sender_team_id, h.receiver_team_id))
        ]

    def _cell_in_scope(self, from_team: int | None, to_team: int | None) -> bool:
        team = self.options.team_id
        return team is None or team in (from_team, to_team)

    def _handoffs(self, flow: _Flow) -> None:
        flow.new_page()
        flow.heading(tr("Handoffs"))
        cells = [
            c
            for c in self.analysis.matrix.values()
            if self._cell_in_scope(c.from_team_id, c.to_team_id)
        ]
        cells.sort(key=lambda c: (-sum(n for _i, n in c.lost_items), -c.count))
        flow.heading(tr("Team to team"), 2)
        if not cells:
            flow.text(tr("No handoffs yet."), 9, LIGHT.muted)
        else:
            rows = []
            for c in cells:
                in_sla = "—" if c.acknowledged_in_sla is None else f"{c.acknowledged_in_sla:.0%}"
                median = (
                    "—"
                    if c.median_to_acknowledge is None
                    else format_span(c.median_to_acknowledge, translate)
                )
                lost: Cell = [
                    Para(f"{item_label(i, translate)} × {n}", colour=LIGHT.lost, bold=True)
                    for i, n in c.lost_items
                ] or tr("—")
                rows.append(
                    [
                        f"{self.team_name(c.from_team_id)} → {self.team_name(c.to_team_id)}",
                        str(c.count),
                        in_sla,
                        median,
                        f"{c.returned_or_rejected:.0%}",
                        lost,
                    ]
                )
            flow.table(
                [
                    (tr("Pair"), 3),
                    (tr("Handoffs"), 1.1),
                    (tr("Acknowledged in time"), 1.5),
                    (tr("Median to acknowledge"), 1.6),
                    (tr("Returned or rejected"), 1.5),
                    (tr("Most lost items"), 2.4),
                ],
                rows,
            )
        flow.heading(tr("Worst chains"), 2)
        worst = []
        for task_id in self.analysis.by_task:
            if task_id not in self.task_ids:
                continue
            f = self.analysis.breaking_finding(task_id)
            if f is not None:
                worst.append((severity(f.kind), f.at, task_id, f))
        worst.sort(key=lambda w: (w[0], w[1]))
        if not worst:
            flow.text(tr("No handoff chain broke."), 9, LIGHT.muted)
            return
        flow.text(
            tr("The five tasks whose handoffs went worst, and the hop where each broke."),
            8,
            LIGHT.muted,
        )
        rows = []
        for _sev, _at, task_id, f in worst[:5]:
            task = self.board.tasks[task_id]
            hops = len(self.analysis.chain(task_id))
            word = finding_word(f.kind)
            rows.append(
                [
                    [
                        Para(task.title, bold=True),
                        Para(translate("Report", "%n hop(s)", hops), colour=LIGHT.muted, size=7),
                    ],
                    [
                        Para(word, bold=True, colour=LIGHT.lost, icon=True),
                        Para(describe_finding(f, self.names, translate), size=7),
                    ],
                    ", ".join(item_label(i, translate) for i in f.items) or tr("—"),
                ]
            )
        flow.table([(tr("Task"), 2.5), (tr("Where it broke"), 4), (tr("Items lost"), 2)], rows)

    def _changes(self, flow: _Flow) -> None:
        flow.new_page()
        heading = tr("Changes since %1").replace("%1", time_text(self.since, self.today))
        flow.heading(heading)
        for slide in self.slides:
            self.check()
            lines = [c for c in slide.changes if c.task_id in self.board.tasks]
            flow.heading(self.team_name(slide.team_id), 2)
            if not lines:
                flow.text(tr("No changes."), 9, LIGHT.muted)
                continue
            rows = [
                [
                    time_text(c.at, self.today),
                    self._change_word(c),
                    self.task_cell(self.board.tasks[c.task_id], False),
                    self._change_detail(c),
                ]
                for c in lines[:MAX_CHANGES]
            ]
            flow.table(
                [(tr("When"), 1.4), (tr("What"), 1.3), (tr("Task"), 3), (tr("Detail"), 2.3)], rows
            )
            if len(lines) > MAX_CHANGES:
                flow.text(
                    translate("Report", "…and %n older change(s).", len(lines) - MAX_CHANGES),
                    8,
                    LIGHT.muted,
                )

    def _change_word(self, c: ChangeLine) -> str:
        return {
            FINISHED: tr("Finished"),
            NEW: tr("New"),
            MOVED: tr("Moved"),
            DEADLINE: tr("Due date changed"),
            HANDOFF_SENT: tr("Handed off"),
            HANDOFF_RECEIVED: tr("Received"),
        }.get(c.kind, c.kind)

    def _change_detail(self, c: ChangeLine) -> str:
        if c.kind in (MOVED, FINISHED):
            old = self.status_name(c.old) if c.old is not None else "—"
            return f"{old} → {self.status_name(c.new)}"
        if c.kind == DEADLINE:
            old = date_text(c.old, self.today) if c.old else "—"
            new = date_text(c.new, self.today) if c.new else "—"
            return f"{old} → {new}"
        if c.kind == HANDOFF_SENT:
            return tr("to %1").replace("%1", self.team_name(c.other_team_id))
        if c.kind == HANDOFF_RECEIVED:
            return tr("from %1").replace("%1", self.team_name(c.other_team_id))
        return self.person(c.actor_id)


def _elide(text: str, f: QFont, width: float) -> str:
    return QFontMetricsF(f).elidedText(text, Qt.TextElideMode.ElideRight, width)
