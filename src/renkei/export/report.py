"""The status report as a PDF: a summary a manager reads in two minutes — page 1 the state
(health, forecasts, top risks, stuck handoffs, moved deadlines), page 2 the changes since the
last standup and the decisions needed — and, with ``full``, the appendix behind it: per-team
tables, the timeline, the board, the handoffs. Headless: Qt offscreen is enough,
no window is opened.

What the report says is built once as plain values (``report_sections``); the prose and tables
are laid out by Qt's text engine (``report_document`` on ``report_text``), the pictures — the
timeline and the cards — painted by the shared painters in ``render``. The whole report is
laid out before its first page is painted — the text cut into pages, the timeline's pages
counted by its layout — so the page total ("Page N of M") is known and every page is painted
once, into memory; then written next to the target and moved over it, so a failed or cancelled
export leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPdfWriter

from renkei.domain.health import StatusLine
from renkei.domain.read_model import BoardReadModel
from renkei.export import report_document as document
from renkei.export.pdf import (
    ExportCancelled,
    Pages,
    ensure_application,
    page_body,
    render_to_bytes,
)
from renkei.export.report_board import paint_board
from renkei.export.report_sections import ReportSections, build_sections
from renkei.export.report_summary import MAX_STUCK
from renkei.export.report_text import Slice, TextRun
from renkei.files import writable_target, write_atomically
from renkei.i18n import arg
from renkei.i18n.words import moment_words
from renkei.render.theme import LIGHT
from renkei.render.timeline_page_layout import page_count as timeline_page_count
from renkei.render.timeline_page_paint import ROW_HEIGHT
from renkei.render.timeline_pages import paint_timeline

__all__ = ["ExportCancelled", "ReportOptions", "export_pdf"]

Progress = Callable[[int, int], bool]
SECTIONS = 6  # summary, changes and decisions; with the appendix teams, timeline, board,
# handoffs: a step each to lay out and a step each to paint
SECOND_PAGE_CHANGES = 12  # at most this many of each team's changes on page 2
BOARD_HEADING_GAP = 8.0  # between the board's heading rule and its columns


@dataclass(frozen=True)
class ReportOptions:
    paper: str = "a4"  # or "letter"
    team_id: int | None = None  # only this team's tasks, slide and handoffs
    since: datetime | None = None  # naive UTC; default: the last standup, else 7 days ago
    full: bool = False  # the appendix after the two summary pages
    # The lead's written status lines: ("team" | "project", id, line), over the rule's health.
    statuses: tuple[tuple[str, int, StatusLine], ...] = ()


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
    title = QCoreApplication.translate("Report", "Status report")
    data, count = render_to_bytes(options.paper, title, report.lay_out, report.paint)
    write_atomically(path, data)
    return count


@dataclass(frozen=True)
class _Part:
    """One section on paper: how many pages it takes, and how to paint them."""

    pages: int
    paint: Callable[[Pages], None]


class _Report:
    """One export: the sections built once, laid out once, painted once."""

    def __init__(self, model: BoardReadModel, options: ReportOptions, progress: Progress | None):
        self.model = model
        self.options = options
        self.progress = progress
        self.exported_at = datetime.now().astimezone()
        if options.team_id is not None and options.team_id not in model.board.teams:
            raise ValueError(f"no team with id {options.team_id}")
        self.total_steps = 2 * (SECTIONS if options.full else 2)
        self.done_steps = 0
        self.parts: list[_Part] = []
        # People's names: the report's Japanese never breaks a line inside one.
        self.names = tuple(person.name for person in model.board.people.values())

    def check(self) -> None:
        if self.progress is not None and self.progress(self.done_steps, self.total_steps) is False:
            raise ExportCancelled()

    def step(self) -> None:
        self.done_steps += 1
        self.check()

    def lay_out(self, writer: QPdfWriter) -> Pages:
        """Every section's pages on ``writer``'s paper, counted; the sink, told the total."""
        self.check()
        o = self.options
        s = build_sections(self.model, o.team_id, o.since, self.check, o.statuses, o.full)
        portrait = page_body(writer, landscape=False)
        landscape = page_body(writer, landscape=True)
        width, check = portrait.width(), self.check
        names = self.names
        first = self._text(self._first_page(s, width, portrait.height()), portrait, first=True)
        second = self._text(self._second_page(s, width, portrait.height()), portrait)
        self.parts = [first, second]
        if o.full:
            teams = self._text(document.teams_run(s.teams, width, check, names), portrait)
            timeline = self._timeline(s, landscape)
            board = _Part(1, lambda pages: self._paint_board(pages, s))
            self.step()
            # Cut at the height of the page before it, the board's landscape page.
            handoffs = self._text(document.handoffs_run(s.handoffs, width, check, names), landscape)
            self.parts += [teams, timeline, board, handoffs]
        exported = arg(
            QCoreApplication.translate("Report", "Exported %1"),
            moment_words(self.exported_at),  # "2026-12-08 01:40" / "12月8日(火) 01:40"
        )
        title = QCoreApplication.translate("Report", "Status report")
        total = sum(part.pages for part in self.parts)
        return Pages(writer, s.board_name, title, exported, total)

    def _first_page(self, s: ReportSections, width: float, height: float) -> TextRun:
        """Page 1 on one page where it can be: fewer handoffs stuck and deadlines moved (the
        rest counted, at the last only counted) until it fits; a board with more teams and
        projects than a page holds goes on to a second."""
        rows = MAX_STUCK
        while True:
            run = document.summary_run(
                s.summary, width, self.check, self.options.full, rows, self.names
            )
            if rows == 0 or len(run.pages(height)) == 1:
                return run
            rows -= 1

    def _second_page(self, s: ReportSections, width: float, height: float) -> TextRun:
        """Page 2 on one page: as many of each team's newest changes as fit (the rest
        counted), found by laying it out with fewer until it fits."""
        most = max((len(team.rows) for team in s.changes.teams), default=0)
        per_team = min(most, SECOND_PAGE_CHANGES)
        while True:
            run = document.second_page_run(
                s.second, s.changes, width, self.check, per_team, self.names
            )
            if per_team == 0 or len(run.pages(height)) == 1:
                return run
            per_team -= 1

    def _text(self, run: TextRun, body: QRectF, first: bool = False) -> _Part:
        """A run cut into pages ``body`` high, the first one new unless it is the report's."""
        parts = run.pages(body.height())
        self.step()
        return _Part(len(parts), lambda pages: self._paint_run(pages, run, parts, not first))

    def _timeline(self, sections: ReportSections, body: QRectF) -> _Part:
        count = timeline_page_count(self.model, sections.timeline, body, ROW_HEIGHT, LIGHT)
        self.step()

        def paint(pages: Pages) -> None:
            painted = paint_timeline(pages, self.model, sections.timeline)
            if painted != count:  # the layout's count and the painter's cuts disagree
                raise RuntimeError(f"the timeline took {painted} pages, not {count}")

        return _Part(count, paint)

    def paint(self, pages: Pages) -> None:
        for part in self.parts:
            part.paint(pages)
            self.step()
        if pages.page != pages.total:
            raise RuntimeError(f"the report took {pages.page} pages, not {pages.total}")

    def _paint_run(self, pages: Pages, run: TextRun, parts: list[Slice], on_new_page: bool) -> None:
        """The run's pages, the first one new unless told."""
        for n, part in enumerate(parts):
            if n or on_new_page:
                pages.new_page()
            if n % 10 == 9:
                self.check()
            run.paint(pages.painter, pages.body().topLeft(), part)

    def _paint_board(self, pages: Pages, sections: ReportSections) -> None:
        pages.new_page(landscape=True)
        body = pages.body()
        heading = document.board_heading_run(body.width())
        (part,) = heading.pages(body.height())
        heading.paint(pages.painter, body.topLeft(), part)
        top = body.top() + heading.units()[0].bottom + BOARD_HEADING_GAP
        area = QRectF(body.left(), top, body.width(), body.bottom() - top)
        paint_board(pages.painter, area, sections.board, self.model)
