"""The status report as a PDF: cover and summary, risk, teams, timeline, board, handoffs,
changes since the last standup. Headless: Qt offscreen is enough, no window is opened.

What the report says is built once as plain values (``report_sections``); the prose and tables
are laid out by Qt's text engine (``report_document`` on ``report_text``), the pictures — the
timeline and the cards — painted by the shared painters in ``render``. The pages are painted
twice into memory, the first time only to count them ("Page N of M"), then written next to the
target and moved over it, so a failed or cancelled export leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPdfWriter

from renkei.domain.read_model import BoardReadModel
from renkei.export import report_document as document
from renkei.export.pdf import ExportCancelled, Pages, ensure_application, render_to_bytes
from renkei.export.report_board import paint_board
from renkei.export.report_sections import ReportSections, build_sections
from renkei.export.report_text import TextRun
from renkei.files import writable_target, write_atomically
from renkei.i18n import arg

__all__ = ["ExportCancelled", "ReportOptions", "export_pdf"]

Progress = Callable[[int, int], bool]
SECTIONS = 7  # cover, risk, teams, timeline, board, handoffs, changes: a step each per pass
BOARD_HEADING_GAP = 8.0  # between the board's heading rule and its columns


@dataclass(frozen=True)
class ReportOptions:
    paper: str = "a4"  # or "letter"
    team_id: int | None = None  # only this team's tasks, slide and handoffs
    since: datetime | None = None  # naive UTC; default: the last standup, else 7 days ago


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
    _data, count = render_to_bytes(options.paper, title, report.make_pages, report.paint)
    data, count = render_to_bytes(
        options.paper, title, report.make_pages, report.paint, total=count
    )
    write_atomically(path, data)
    return count


class _Report:
    """One export: the sections, built once and laid out once, painted in each pass."""

    def __init__(self, model: BoardReadModel, options: ReportOptions, progress: Progress | None):
        self.model = model
        self.options = options
        self.progress = progress
        self.exported_at = datetime.now().astimezone()
        if options.team_id is not None and options.team_id not in model.board.teams:
            raise ValueError(f"no team with id {options.team_id}")
        self.total_steps = 2 * SECTIONS
        self.done_steps = 0
        self.sections: ReportSections | None = None
        self.runs: dict[str, TextRun] = {}

    def check(self) -> None:
        if self.progress is not None and self.progress(self.done_steps, self.total_steps) is False:
            raise ExportCancelled()

    def step(self) -> None:
        self.done_steps += 1
        self.check()

    def make_pages(self, writer: QPdfWriter, total: int | None) -> Pages:
        board_name = self._sections().board_name
        exported = arg(
            QCoreApplication.translate("Report", "Exported %1"),
            f"{self.exported_at:%Y-%m-%d %H:%M}",
        )
        title = QCoreApplication.translate("Report", "Status report")
        return Pages(writer, board_name, title, exported, total)

    def _sections(self) -> ReportSections:
        if self.sections is None:
            self.check()
            self.sections = build_sections(
                self.model, self.options.team_id, self.options.since, self.check
            )
        return self.sections

    def _text_runs(self, width: float) -> dict[str, TextRun]:
        """The portrait runs, laid out at the body's ``width`` (the same in both passes)."""
        if not self.runs:
            s = self._sections()
            check = self.check
            self.runs = {
                "cover": document.cover_run(s.cover, width),
                "risk": document.risk_run(s.risk, width, check),
                "teams": document.teams_run(s.teams, width, check),
                "handoffs": document.handoffs_run(s.handoffs, width, check),
                "changes": document.changes_run(s.changes, width, check),
            }
        return self.runs

    def paint(self, pages: Pages) -> None:
        self.check()
        sections = self._sections()
        runs = self._text_runs(pages.body().width())
        self._paint_run(pages, runs["cover"], on_new_page=False)
        self.step()
        self._paint_run(pages, runs["risk"])
        self.step()
        self._paint_run(pages, runs["teams"])
        self.step()
        from renkei.render.timeline_pages import paint_timeline

        paint_timeline(pages, self.model, sections.timeline)
        self.step()
        self._paint_board(pages)
        self.step()
        self._paint_run(pages, runs["handoffs"])
        self.step()
        self._paint_run(pages, runs["changes"])
        self.step()

    def _paint_run(self, pages: Pages, run: TextRun, on_new_page: bool = True) -> None:
        """The run on as many portrait pages as it takes, the first one new unless told."""
        for n, part in enumerate(run.pages(pages.body().height())):
            if n or on_new_page:
                pages.new_page()
            if n % 10 == 9:
                self.check()
            run.paint(pages.painter, pages.body().topLeft(), part)

    def _paint_board(self, pages: Pages) -> None:
        pages.new_page(landscape=True)
        body = pages.body()
        heading = document.board_heading_run(body.width())
        (part,) = heading.pages(body.height())
        heading.paint(pages.painter, body.topLeft(), part)
        top = body.top() + heading.units()[0].bottom + BOARD_HEADING_GAP
        area = QRectF(body.left(), top, body.width(), body.bottom() - top)
        paint_board(pages.painter, area, self._sections().board, self.model)
