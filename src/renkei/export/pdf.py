"""The page sink a PDF report paints on: pages in points, header and footer on each one.

Coordinates are PDF points (1/72 inch) with the origin at the top-left corner of the page
(the writer has no margins of its own; ``body()`` leaves room for the header and footer).
Every font names the bundled family explicitly: left to fallback, Qt maps ideographs to
look-alike radicals and the text no longer copies back as written.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from renkei.i18n import arg
from renkei.render.fonts import register_fonts as register_bundled_fonts
from renkei.render.theme import FONT_FAMILY, LIGHT

RESOLUTION = 720  # device dots per inch; the painter is scaled so one unit is one point
MARGIN = 40.0  # left and right, points
HEADER_TOP = 22.0
HEADER_HEIGHT = 30.0  # from the top edge to the rule under the header
FOOTER_HEIGHT = 34.0  # from the rule over the footer to the bottom edge
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}

_registered = False


class ExportCancelled(Exception):
    """The user stopped the export (progress returned False); nothing was written."""


def ensure_application() -> None:
    """Fonts and painting need the caller's Qt application (the window's, or the one the
    CLI makes offscreen); one made here would die with this call."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("exporting a PDF needs a running Qt application")
    register_fonts()


def register_fonts() -> None:
    """Register the bundled faces once, as the window does (the Latin face first, then the
    Japanese one: render.fonts), so the report reads as the screen does."""
    global _registered
    if not _registered:
        register_bundled_fonts()
    _registered = True


def font(size: int, bold: bool = False) -> QFont:
    """The bundled family at ``size`` points (a pixel size: the painter unit is the point)."""
    f = QFont(FONT_FAMILY)
    f.setPixelSize(max(1, int(size)))
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


def line_height(f: QFont) -> float:
    return QFontMetricsF(f).height()


def draw_lines(
    painter: QPainter,
    x: float,
    y: float,
    width: float,
    lines: list[str],
    f: QFont,
    colour: QColor | None = None,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> float:
    """Draw ``lines`` from top ``y``; returns the height used."""
    metrics = QFontMetricsF(f)
    painter.setFont(f)
    painter.setPen(colour or LIGHT.text)
    h = metrics.height()
    for n, line in enumerate(lines):
        painter.drawText(
            QRectF(x, y + n * h, width, h), align | Qt.AlignmentFlag.AlignVCenter, line
        )
    return h * len(lines)


class Pages:
    """The pages of one PDF: ``painter`` paints in points on the current page, ``body()`` is
    the room between header and footer, ``new_page()`` starts the next page (landscape for
    the timeline). ``total`` is the page count, known before the first page is painted, for
    "Page N of M"."""

    def __init__(
        self,
        writer: QPdfWriter,
        board_name: str,
        title: str,
        exported: str,
        total: int,
    ):
        self.writer = writer
        self.board_name = board_name
        self.title = title
        self.exported = exported
        self.total = total
        self.page = 1
        self.landscape = False
        writer.setPageOrientation(QPageLayout.Orientation.Portrait)
        self.painter = QPainter()
        if not self.painter.begin(writer):
            raise OSError("could not start painting the PDF")
        self._start_page()

    # -- the page ------------------------------------------------------------------------

    def size(self) -> tuple[float, float]:
        """The current page's width and height in points."""
        rect = self.writer.pageLayout().fullRectPoints()
        return float(rect.width()), float(rect.height())

    def body(self) -> QRectF:
        return body_rect(*self.size())

    def new_page(self, landscape: bool = False) -> None:
        orientation = (
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        self.writer.setPageOrientation(orientation)
        if not self.writer.newPage():
            raise OSError("could not start a new PDF page")
        self.page += 1
        self.landscape = landscape
        self._start_page()

    def finish(self) -> int:
        self.painter.end()
        return self.page

    def _start_page(self) -> None:
        p = self.painter
        p.resetTransform()
        scale = self.writer.resolution() / 72.0
        p.scale(scale, scale)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._paint_header_footer()

    def _paint_header_footer(self) -> None:
        p = self.painter
        w, h = self.size()
        width = w - 2 * MARGIN
        small = font(8)
        bold = font(8, bold=True)
        metrics = QFontMetricsF(small)
        p.save()
        top = HEADER_TOP - metrics.height() + 2
        right_text = self.title
        right_w = min(width / 2, metrics.horizontalAdvance(right_text) + 2)
        left = metrics.elidedText(
            self.board_name, Qt.TextElideMode.ElideRight, width - right_w - 12
        )
        draw_lines(p, MARGIN, top, width - right_w - 12, [left], bold, LIGHT.text)
        draw_lines(
            p, MARGIN, top, width, [right_text], small, LIGHT.muted, Qt.AlignmentFlag.AlignRight
        )
        p.setPen(QPen(LIGHT.card_border, 0.6))
        p.drawLine(QPointF(MARGIN, HEADER_HEIGHT), QPointF(w - MARGIN, HEADER_HEIGHT))
        rule = h - FOOTER_HEIGHT
        p.drawLine(QPointF(MARGIN, rule), QPointF(w - MARGIN, rule))
        page_text = arg(
            QCoreApplication.translate("Report", "Page %1 of %2"),
            str(self.page),
            str(self.total),
        )
        draw_lines(p, MARGIN, rule + 6, width, [self.exported], small, LIGHT.muted)
        draw_lines(
            p, MARGIN, rule + 6, width, [page_text], small, LIGHT.muted, Qt.AlignmentFlag.AlignRight
        )
        p.restore()


def body_rect(width: float, height: float) -> QRectF:
    """The room between header and footer on a page of ``width`` × ``height`` points."""
    top = HEADER_HEIGHT + 14
    return QRectF(MARGIN, top, width - 2 * MARGIN, height - FOOTER_HEIGHT - 10 - top)


def page_body(writer: QPdfWriter, landscape: bool) -> QRectF:
    """The body of a portrait or landscape page of ``writer``'s paper, before any is painted."""
    layout = QPageLayout(writer.pageLayout())
    layout.setOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    rect = layout.fullRectPoints()
    return body_rect(float(rect.width()), float(rect.height()))


def new_writer(device: QIODevice, paper: str, title: str) -> QPdfWriter:
    """A PDF writer on ``device`` for ``paper`` ("a4" or "letter"), no margins of its own."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r} (use a4 or letter)")
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(PAPERS[paper]))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setTitle(title)
    writer.setCreator("Renkei")
    return writer


def render_to_bytes(
    paper: str,
    title: str,
    make_pages: Callable[[QPdfWriter], Pages],
    paint: Callable[[Pages], None],
) -> tuple[bytes, int]:
    """Paint the report into a PDF in memory, once; its bytes and page count. ``make_pages``
    lays the report out on the writer's paper and returns the sink with the page total."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = new_writer(buffer, paper, title)
    try:
        pages = make_pages(writer)
        try:
            paint(pages)
        finally:
            count = pages.finish()
    finally:
        del writer
        buffer.close()
    return bytes(data.data()), count
