"""Prose and tables for the PDF report, laid out by Qt's ``QTextDocument`` and cut into pages.

A ``TextRun`` is one stretch of the report that starts on a new page: headings, paragraphs and
tables go in through a ``QTextCursor`` and Qt wraps the words and sizes the rows (long words
break anywhere; nothing is clipped or elided). Japanese is broken into lines before it goes in,
by ``render.line_breaks`` (by phrase, with kinsoku, never inside a person's name) at the width
its paragraph or cell will have, the lines joined by line separators: Qt, which would break
between any two ideographs, then only lays them out. The document is laid out once
at the width of the page body with no page height, then cut into pages between headings,
paragraphs and table rows, never inside a row unless one row is taller than a page:

- a heading keeps some of what follows on its page (no heading alone at the bottom);
- a table's header row is painted again above the rows that go on to a new page;

which Qt's own pagination does not offer (it splits rows line by line). What QTextDocument
cannot draw — the warning sign before a risk word, the rule under a heading and under a table —
is painted over the text as decorations, with the shared glyphs.

Units are points: fonts have pixel sizes and the painter is scaled so that a unit is a point.
Every font names the bundled family: left to fallback, ideographs turn into radicals in the
PDF's text layer (see DESIGN.md).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextOption,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)

from renkei.export.pdf import font, line_height
from renkei.render import glyphs
from renkei.render.line_breaks import break_lines, has_japanese
from renkei.render.theme import LIGHT

T = TypeVar("T")

ACCENT = LIGHT.selection  # headings and rules
ZEBRA = QColor("#f3f5f8")
HEAD_BACK = QColor("#e3e6eb")
CHIP_INK = QColor("#ffffff")
CELL_PADDING = 4.0
ICON = 9.0  # the room a warning sign takes before its paragraph
HEADING_KEEP = 60.0  # a heading stays with this much of what follows
EDGE = 0.25  # points: how far a page's clip stays inside its slice (Qt rounds lines)
# Points kept free at the end of a line broken here, so that Qt, which rounds a column's width
# down to a whole point, never finds it too long and breaks it again.
SLACK = 0.5
LINE_SEPARATOR = "\u2028"  # a new line in the same paragraph


@dataclass(frozen=True)
class Para:
    """One paragraph in a table cell: words, weight, ink, and a warning sign before it."""

    text: str
    bold: bool = False
    colour: QColor | None = None
    icon: bool = False
    size: int = 8
    icon_colour: QColor | None = None  # the sign's ink when it differs from the words'


@dataclass(frozen=True)
class Chip:
    """A cell filled with ``colour``, its words bold in white: a health word."""

    text: str
    colour: QColor


Cell = str | Sequence[Para] | Chip


@dataclass(frozen=True)
class Figure:
    """A big number and its words, on a tinted tile with a coloured edge."""

    number: str
    words: str
    colour: QColor | None = None


# -- pages --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """Something the pages may not cut (a heading, a paragraph, a table row), in document
    points. ``keep``: room that must follow it on its page. ``header``: the table header
    (top, bottom) to repeat above it when it starts a page."""

    top: float
    bottom: float
    keep: float = 0.0
    header: tuple[float, float] | None = None


@dataclass(frozen=True)
class Slice:
    """The part of the document one page shows, under a repeated table header if any."""

    top: float
    bottom: float
    header: tuple[float, float] | None = None

    def header_height(self) -> float:
        return self.header[1] - self.header[0] if self.header else 0.0


def paginate(units: Sequence[Unit], page_height: float, end: float) -> list[Slice]:
    """Cut a document of height ``end`` into pages of ``page_height``: before the first unit
    that does not fit with what it keeps; inside a unit only when it alone overfills a page."""
    slices: list[Slice] = []
    top, header = 0.0, None

    def bottom_of_page() -> float:
        return top + page_height - (header[1] - header[0] if header else 0.0)

    chain: list[float] = []  # the tops of the units just before that keep with what follows
    for unit in units:
        keep = min(unit.keep, max(0.0, end - unit.bottom))  # no more than there is to keep
        if unit.bottom + keep > bottom_of_page() and unit.top > top + 0.5:
            # What keeps with this unit goes with it: a heading, the line under it, a table
            # header — unless that would leave the page empty.
            cut = next((t for t in chain if t > top + 0.5), unit.top)
            slices.append(Slice(top, cut, header))
            top, header = cut, unit.header if cut == unit.top else None
        chain = chain + [unit.top] if unit.keep > 0 else []
        while unit.bottom > bottom_of_page() and bottom_of_page() > top + 1:
            cut = bottom_of_page()
            slices.append(Slice(top, cut, header))
            top, header = cut, unit.header
    slices.append(Slice(top, max(end, top), header))
    return slices


# -- one run of text ----------------------------------------------------------------------------


@dataclass
class _Table:
    table: QTextTable
    head_rows: int  # 0, or 1: the header row repeated on each page


@dataclass
class _Marks:
    blocks: list[tuple[int, float]] = field(default_factory=list)  # (position, keep)
    tables: list[_Table] = field(default_factory=list)
    rules_under: list[tuple[int, QColor, float]] = field(default_factory=list)  # heading blocks
    icons: list[tuple[int, QColor]] = field(default_factory=list)  # blocks with a sign
    table_rules: list[QTextTable] = field(default_factory=list)
    tiles: list[tuple[QTextTable, list[QColor], int, float, float]] = field(default_factory=list)


class _ByHeight(Generic[T]):
    """Things at heights down the document, found page by page in the order they were put in
    (the order they are painted): a long run has thousands, a page shows a few."""

    def __init__(self, items: Sequence[tuple[float, T]]):
        self._items = [item for _y, item in items]
        self._order = sorted(range(len(items)), key=lambda n: items[n][0])
        self._heights = [items[n][0] for n in self._order]

    def between(self, top: float, bottom: float, *, bottom_too: bool = False) -> list[T]:
        """Those at ``top <= y < bottom`` (``<= bottom`` with ``bottom_too``)."""
        first = bisect_left(self._heights, top)
        last = (bisect_right if bottom_too else bisect_left)(self._heights, bottom)
        return [self._items[n] for n in sorted(self._order[first:last])]


@dataclass
class _Geometry:
    units: list[Unit] = field(default_factory=list)
    rules: list[tuple[float, QColor, float]] = field(default_factory=list)  # y, ink, width
    icons: list[tuple[QPointF, QColor]] = field(default_factory=list)  # centre, ink
    tiles: list[tuple[QRectF, QColor]] = field(default_factory=list)  # tile, edge colour


@dataclass(frozen=True)
class _Placed:
    """The geometry's decorations, found by the page they fall on."""

    rules: _ByHeight[tuple[float, QColor, float]]
    icons: _ByHeight[tuple[QPointF, QColor]]
    tiles: _ByHeight[tuple[QRectF, QColor]]

    @classmethod
    def of(cls, found: _Geometry) -> _Placed:
        return cls(
            _ByHeight([(rule[0], rule) for rule in found.rules]),
            _ByHeight([(icon[0].y(), icon) for icon in found.icons]),
            _ByHeight([(tile[0].top(), tile) for tile in found.tiles]),
        )


class TextRun:
    """A stretch of the report that starts on a new page, ``width`` points wide."""

    def __init__(self, width: float, top_margin: float = 0.0, names: tuple[str, ...] = ()):
        self.width = width
        self.names = tuple(name for name in names if len(name) > 1)  # never broken inside
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self.doc.setUndoRedoEnabled(False)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setUseDesignMetrics(True)
        self.doc.setDefaultTextOption(option)
        self.doc.setDefaultFont(font(9))
        self.doc.setTextWidth(width)
        self.cursor = QTextCursor(self.doc)
        self._marks = _Marks()
        self._first = True
        self._last_bottom = 0.0  # the bottom margin of the paragraph last put in
        self._fresh = True  # the cursor's block is empty and may take the next paragraph
        if top_margin:
            root = self.doc.rootFrame()
            frame_format = root.frameFormat()
            frame_format.setTopMargin(top_margin)
            root.setFrameFormat(frame_format)
        self._laid_out: _Geometry | None = None
        self._placed: _Placed | None = None
        self._formats: dict[tuple[int, bool, int | None], tuple[QTextBlockFormat, QTextCharFormat]]
        self._formats = {}
        self._cell_widths: list[float] = []  # the text width of each column of the table in fill

    # -- building ---------------------------------------------------------------------------

    def _block(self, f: QFont, top: float = 0.0, bottom: float = 0.0) -> int:
        """Start a top-level block in font ``f`` (the document's first one is already there)."""
        fmt = _block_format(f)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        if self._fresh:  # the document's first block, or the one Qt keeps after a table
            self.cursor.setBlockFormat(fmt)
        else:
            self.cursor.insertBlock(fmt)
        self._first = self._fresh = False
        self._last_bottom = bottom
        return self.cursor.block().position()

    def heading(
        self, text: str, level: int = 1, keep: float = HEADING_KEEP, space_before: float = 0.0
    ) -> None:
        if level == 1 and not self._first:
            space_before += 8.0
        f = font(16 if level == 1 else 11, bold=True)
        position = self._block(f, top=space_before, bottom=8.0 if level == 1 else 3.0)
        self.cursor.insertText(self._lines(text, f, self.width), _chars(f))
        self._marks.blocks.append((position, keep))
        if level == 1:
            self._marks.rules_under.append((position, ACCENT, 1.2))

    def text(
        self,
        text: str,
        size: int = 9,
        colour: QColor | None = None,
        bold: bool = False,
        space_before: float = 0.0,
        keep: float = 0.0,
    ) -> None:
        """A paragraph; ``keep``: room that must follow it on its page (a lead-in line)."""
        f = font(size, bold)
        position = self._block(f, top=space_before, bottom=3.0)
        self.cursor.insertText(self._lines(text, f, self.width), _chars(f, colour))
        self._marks.blocks.append((position, keep))

    def table(
        self,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[Cell]],
        check: Callable[[], None] | None = None,
        padding: float = CELL_PADDING,
    ) -> None:
        """Header row (repeated on each page), zebra rows, every cell wrapped in full."""
        fmt = self._table_format([w for _name, w in columns], padding, 0.0)
        fmt.setTopMargin(self._last_bottom)  # Qt drops a paragraph's bottom margin before a table
        fmt.setBottomMargin(10.0)
        table = self._insert_table(len(rows) + 1, len(columns), fmt)
        total = sum(w for _name, w in columns)
        # Each cell's text width, as Qt will lay it out: its share of the run, in whole points.
        self._cell_widths = [
            math.floor(self.width * w / total) - 2 * padding for _name, w in columns
        ]
        for column, (name, _w) in enumerate(columns):
            self._fill(table, 0, column, [Para(name, bold=True)], HEAD_BACK)
        for n, row in enumerate(rows):
            if check is not None and n % 50 == 49:
                check()
            back = ZEBRA if n % 2 else None
            for column, cell in enumerate(row):
                if isinstance(cell, Chip):
                    chip = [Para(cell.text, bold=True, colour=CHIP_INK, size=8)]
                    self._fill(table, n + 1, column, chip, cell.colour)
                    continue
                paras = [Para(cell)] if isinstance(cell, str) else list(cell)
                self._fill(table, n + 1, column, paras, back)
        self._marks.tables.append(_Table(table, head_rows=1))
        self._marks.table_rules.append(table)

    def figures(self, figures: Sequence[Figure], per_row: int = 5, gap: float = 8.0) -> None:
        """Big numbers with their words, up to ``per_row`` a row, on tiles ``gap`` apart.
        The tiles (rounded, with a coloured edge) are painted under the table's text."""
        rows = (len(figures) + per_row - 1) // per_row
        tile = (self.width - gap * (per_row - 1)) / per_row
        # Each column holds a tile and the gap after it (the last one only the tile), and each
        # row a tile and the gap under it: Qt's cell spacing would also go round the outside.
        widths = [tile + gap] * (per_row - 1) + [tile]
        fmt = self._table_format(widths, 0.0, 0.0)
        fmt.setTopMargin(self._last_bottom)
        table = self._insert_table(rows, per_row, fmt)
        for n, figure in enumerate(figures):
            column = n % per_row
            cell = table.cellAt(n // per_row, column)
            cell_format = QTextTableCellFormat()
            cell_format.setLeftPadding(9.0)
            cell_format.setRightPadding(3.0 + (gap if column < per_row - 1 else 0.0))
            cell_format.setTopPadding(6.0)
            cell_format.setBottomPadding(10.0 + gap)
            cell.setFormat(cell_format)
            at = cell.firstCursorPosition()
            at.setBlockFormat(_block_format(font(22, True)))
            at.insertText(figure.number, _chars(font(22, True), figure.colour or LIGHT.text))
            at.insertBlock(_block_format(font(8)))
            words = self._lines(figure.words, font(8), math.floor(tile) - 12.0)
            at.insertText(words, _chars(font(8), LIGHT.muted))
        self._marks.tables.append(_Table(table, head_rows=0))
        colours = [figure.colour or ACCENT for figure in figures]
        self._marks.tiles.append((table, colours, per_row, tile, gap))

    def _table_format(self, weights: Sequence[float], padding: float, spacing: float):
        total = sum(weights)
        fmt = QTextTableFormat()
        fmt.setBorder(0.0)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        fmt.setCellPadding(padding)
        fmt.setCellSpacing(spacing)
        fmt.setMargin(0.0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 100 * w / total) for w in weights]
        )
        return fmt

    def _insert_table(self, rows: int, columns: int, fmt: QTextTableFormat) -> QTextTable:
        if self._first:  # a table cannot be the first thing: Qt keeps an empty block before it
            self._block(font(1))
        table = self.cursor.insertTable(rows, columns, fmt)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self._fresh = True
        self._last_bottom = 0.0
        return table

    def _fill(self, table: QTextTable, row: int, column: int, paras, back) -> None:
        cell = table.cellAt(row, column)
        if back is not None:
            cell_format = QTextTableCellFormat()
            cell_format.setBackground(back)
            cell.setFormat(cell_format)
        at = cell.firstCursorPosition()
        for n, para in enumerate(paras):
            block, chars = self._cell_formats(para.size, para.bold, para.colour)
            if para.icon:
                block = QTextBlockFormat(block)
                block.setLeftMargin(ICON)
            if n:
                at.insertBlock(block)
            else:
                at.setBlockFormat(block)
            if para.icon:
                ink = para.icon_colour or para.colour or LIGHT.risk
                self._marks.icons.append((at.block().position(), ink))
            width = self._cell_widths[column] - (ICON if para.icon else 0.0)
            at.insertText(self._lines(para.text, chars.font(), width), chars)

    def _lines(self, text: str, f: QFont, width: float) -> str:
        """``text`` as it goes in: Japanese broken into lines of ``width`` by phrase (Qt would
        break it between any two characters), a "\\n" a new line in the same paragraph."""
        if has_japanese(text):
            metrics = QFontMetricsF(f)
            names = tuple(name for name in self.names if name in text)
            lines = break_lines(text, metrics.horizontalAdvance, width - SLACK, None, names)
            return LINE_SEPARATOR.join(lines)
        return text.replace("\n", LINE_SEPARATOR)

    def _cell_formats(
        self, size: int, bold: bool, colour: QColor | None
    ) -> tuple[QTextBlockFormat, QTextCharFormat]:
        """A cell paragraph's formats, made once per kind: a long table has thousands of
        cells in a handful of kinds (Qt copies a format it is given)."""
        key = (size, bold, None if colour is None else colour.rgba())
        formats = self._formats.get(key)
        if formats is None:
            f = font(size, bold)
            formats = self._formats[key] = (_block_format(f), _chars(f, colour))
        return formats

    # -- layout -----------------------------------------------------------------------------

    def height(self) -> float:
        return float(self.doc.size().height())

    def units(self) -> list[Unit]:
        """What the pages may not cut, top to bottom, in document points."""
        return self._geometry().units

    def _geometry(self) -> _Geometry:
        """Where everything landed: read from the layout once, used for every page."""
        if self._laid_out is not None:
            return self._laid_out
        layout = self.doc.documentLayout()
        marks = self._marks
        found = _Geometry()
        for position, keep in marks.blocks:
            rect = layout.blockBoundingRect(self.doc.findBlock(position))
            found.units.append(Unit(rect.top(), rect.bottom(), keep))
        edges_of = {id(marked.table): self._row_edges(marked.table) for marked in marks.tables}
        for marked in marks.tables:
            edges = edges_of[id(marked.table)]
            header = (edges[0], edges[1]) if marked.head_rows else None
            rows = len(edges) - 1
            for row in range(rows):
                is_head = row < marked.head_rows
                found.units.append(
                    Unit(
                        edges[row],
                        edges[row + 1],
                        keep=_row_keep(edges, row, marked.head_rows),
                        header=None if is_head else header,
                    )
                )
        found.units.sort(key=lambda u: u.top)
        for position, colour, width in marks.rules_under:
            y = layout.blockBoundingRect(self.doc.findBlock(position)).bottom() + 2
            found.rules.append((y, colour, width))
        for table in marks.table_rules:
            found.rules.append((edges_of[id(table)][-1], LIGHT.card_border, 0.6))
        for position, ink in marks.icons:
            block = self.doc.findBlock(position)
            rect = layout.blockBoundingRect(block)
            line = block.layout().lineAt(0)
            centre = QPointF(rect.left() + 3.5, rect.top() + line.y() + line.height() / 2)
            found.icons.append((centre, ink))
        for table, colours, per_row, tile, gap in marks.tiles:
            edges = edges_of[id(table)]
            for n, colour in enumerate(colours):
                top, bottom = edges[n // per_row], edges[n // per_row + 1]
                rect = QRectF((n % per_row) * (tile + gap), top, tile, bottom - top - gap)
                found.tiles.append((rect, colour))
        self._laid_out = found
        self._placed = _Placed.of(found)
        return found

    def _decorations(self) -> _Placed:
        if self._placed is None:
            self._geometry()
        assert self._placed is not None
        return self._placed

    def _row_edges(self, table: QTextTable) -> list[float]:
        """The top of each row and the bottom of the last, in document points."""
        layout = self.doc.documentLayout()

        def padding(cell, side: QTextFormat.Property) -> float:
            cell_format = cell.format()
            if cell_format.hasProperty(side):
                return cell_format.doubleProperty(side)
            return table.format().cellPadding()

        edges = []
        for row in range(table.rows()):
            cell = table.cellAt(row, 0)
            first = layout.blockBoundingRect(cell.firstCursorPosition().block()).top()
            edges.append(first - padding(cell, QTextFormat.Property.TableCellTopPadding))
        last = table.rows() - 1
        bottoms = []
        for column in range(table.columns()):
            cell = table.cellAt(last, column)
            block = cell.lastCursorPosition().block()
            rect = layout.blockBoundingRect(block)
            line_count = block.layout().lineCount()
            # The block's rectangle rounds its last line up to a whole point; its lines do not.
            content = block.layout().lineAt(line_count - 1) if line_count else None
            bottom = rect.top() + content.y() + content.height() if content else rect.bottom()
            bottoms.append(bottom + padding(cell, QTextFormat.Property.TableCellBottomPadding))
        edges.append(max(bottoms))
        return edges

    def pages(self, page_height: float) -> list[Slice]:
        # The last page goes a little past the end: a rule under the last heading or table.
        return paginate(self.units(), page_height, self.height() + 12.0)

    # -- painting ---------------------------------------------------------------------------

    def paint(self, painter: QPainter, at: QPointF, page: Slice) -> None:
        """Paint one page's part of the run with its top-left corner at ``at``."""
        painter.save()
        painter.translate(at)
        if page.header is not None:
            top, bottom = page.header
            painter.save()
            painter.translate(0, -top)
            self.doc.drawContents(painter, _inside(top, bottom, self.width))
            painter.restore()
            painter.translate(0, bottom - top)
        painter.translate(0, -page.top)
        self._paint_tiles(painter, page.top, page.bottom)
        self.doc.drawContents(painter, _inside(page.top, page.bottom, self.width))
        self._decorate(painter, page.top, page.bottom)
        painter.restore()

    def _paint_tiles(self, painter: QPainter, top: float, bottom: float) -> None:
        for rect, colour in self._decorations().tiles.between(top, bottom):
            path = QPainterPath()
            path.addRoundedRect(rect, 4, 4)
            painter.fillPath(path, ZEBRA)
            painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), colour)

    def _decorate(self, painter: QPainter, top: float, bottom: float) -> None:
        found = self._decorations()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for y, colour, width in found.rules.between(top, bottom, bottom_too=True):
            painter.setPen(QPen(colour, width))
            painter.drawLine(QPointF(0, y), QPointF(self.width, y))
        for centre, ink in found.icons.between(top, bottom):
            glyphs.warning(painter, centre, 3.0, ink)
        painter.setPen(QPen())


def _row_keep(edges: Sequence[float], row: int, head_rows: int) -> float:
    """What must follow a table row on its page so that no row stands alone on one: the
    header keeps the first two rows (or the only one), the first row the second, the last but
    one the last. A table of one or two body rows stays whole with its header."""
    rows = len(edges) - 1
    body = rows - head_rows
    if row < head_rows:
        if body <= 0:
            return 0.0
        return edges[min(rows, head_rows + 2)] - edges[row + 1]
    index = row - head_rows
    if index + 1 < body and (index == 0 or index == body - 2):
        return edges[row + 2] - edges[row + 1]
    return 0.0


def _inside(top: float, bottom: float, width: float) -> QRectF:
    """The clip for a slice of the document. Qt draws every block that touches the clip (and
    the clip hides it from the eye, not from the PDF's text layer): a block that starts just
    where a page ends, or ends just where it starts, must not touch it, or it would be copied
    out of the PDF twice."""
    return QRectF(0, top + EDGE, width, bottom - top - 2 * EDGE)


def _block_format(f: QFont) -> QTextBlockFormat:
    """Lines exactly as high as the font's: Qt rounds them up to whole points otherwise."""
    fmt = QTextBlockFormat()
    fmt.setLineHeight(line_height(f), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    return fmt


def _chars(f: QFont, colour: QColor | None = None) -> QTextCharFormat:
    chars = QTextCharFormat()
    chars.setFont(f)
    chars.setForeground(colour or LIGHT.text)
    return chars
