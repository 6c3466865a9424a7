"""TeamMatrixView: sender teams down, receiver teams across, one cell per team pair.

It answers "which team pair loses the most?": each cell that has handoffs shows how many, how
many were acknowledged in time, the median time to acknowledge, the share sent back and the
items lost most often and how many times work changed hands with no handoff at all; cells are
tinted by how much they lose, and the worst pair has a thick border and the words "Loses the
most" (never colour alone) — every pair of a tie, saying "(tie)"."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from renkei.domain.handoff import item_label
from renkei.domain.handoff_loss import MatrixCell
from renkei.domain.handoff_matrix import loss_score  # the worst pair is the warmest cell
from renkei.i18n import arg, translate_marked
from renkei.i18n.contexts import Handoffs
from renkei.i18n.words import join_list, span_text, times_text
from renkei.render import glyphs
from renkei.render.theme import LIGHT, current, mix
from renkei.ui.fonts import scaled_font

LINES_ROLE = Qt.ItemDataRole.UserRole + 1  # [(text, kind)], kind: alert, title, body, lost
PAIR_ROLE = Qt.ItemDataRole.UserRole + 2  # (from_team_id, to_team_id) of a non-empty cell
WORST_ROLE = Qt.ItemDataRole.UserRole + 3  # True on the pair that loses the most
CELL_PADDING = 9
MIN_WRAP_WIDTH = 150.0
EMPTY_TINT = QColor("#ffffff")
# The warm scale: a cell that loses nothing is near white, the one that loses most is this.
WARM_MAX = QColor("#f7c6a3")
WARM_MIN = QColor("#fdf3ec")


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def empty_tint() -> QColor:
    theme = current()
    return EMPTY_TINT if theme is LIGHT else theme.window


class TeamMatrixModel(QAbstractTableModel):
    """Rows: the teams that sent handoffs; columns: the teams that received them; both in
    board order (a team that only sends has no column, one that only receives no row)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.senders: list[int | None] = []  # rows
        self.receivers: list[int | None] = []  # columns
        self.names: dict[int | None, str] = {}
        self.cells: dict[tuple[int | None, int | None], MatrixCell] = {}
        self.worst: tuple[int | None, int | None] | None = None  # None on a tie
        self.worst_keys: set[tuple[int | None, int | None]] = set()  # every pair of a tie
        self._max_score = 0.0
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        analysis = self.session.handoff_analysis()
        board = self.session.board
        self.cells = dict(analysis.matrix)
        order = {t.id: n for n, t in enumerate(board.ordered_teams())}
        last = len(order)

        def ordered(ids: set[int | None]) -> list[int | None]:
            # Board order; teams no longer on the board next, by id; "No team" last.
            return sorted(
                ids, key=lambda t: (t is None, order.get(t, last), t if t is not None else 0)
            )

        self.senders = ordered({sender for sender, _receiver in self.cells})
        self.receivers = ordered({receiver for _sender, receiver in self.cells})
        self.names = {t.id: t.name for t in board.teams.values()}
        self.names[None] = QCoreApplication.translate("Handoffs", "No team")
        self.worst_keys = {(c.from_team_id, c.to_team_id) for c in analysis.worst_pairs()}
        self.worst = next(iter(self.worst_keys)) if len(self.worst_keys) == 1 else None
        self._max_score = max((loss_score(c) for c in self.cells.values()), default=0.0)
        self.endResetModel()

    # -- lookups ---------------------------------------------------------------------------

    def cell_at(self, index: QModelIndex) -> MatrixCell | None:
        if not index.isValid():
            return None
        key = (self.senders[index.row()], self.receivers[index.column()])
        return self.cells.get(key)

    def index_of(self, from_team_id: int | None, to_team_id: int | None) -> QModelIndex:
        """The cell of a sender and receiver team; invalid when either is not shown."""
        if from_team_id not in self.senders or to_team_id not in self.receivers:
            return QModelIndex()
        return self.index(self.senders.index(from_team_id), self.receivers.index(to_team_id))

    def team_name(self, team_id: int | None) -> str:
        return self.names.get(team_id, f"#{team_id}")

    def lines(self, cell: MatrixCell) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if (cell.from_team_id, cell.to_team_id) == self.worst:
            out.append((QCoreApplication.translate("Handoffs", "Loses the most"), "alert"))
        elif (cell.from_team_id, cell.to_team_id) in self.worst_keys:
            out.append((QCoreApplication.translate("Handoffs", "Loses the most (tie)"), "alert"))
        if cell.count == 0:  # work changed hands between these teams, never by handoff
            silent = Handoffs.tr("%n change(s) of hands with no handoff", "", cell.silent)
            return [
                *out,
                (QCoreApplication.translate("Handoffs", "No handoff"), "title"),
                (silent, "lost"),
            ]
        if cell.count == 1:
            out.append((QCoreApplication.translate("Handoffs", "1 handoff"), "title"))
        else:
            out.append(
                (arg(QCoreApplication.translate("Handoffs", "%1 handoffs"), cell.count), "title")
            )
        if cell.acknowledged_in_sla is None:
            out.append((QCoreApplication.translate("Handoffs", "— acknowledged in time"), "body"))
        else:
            share = percent(cell.acknowledged_in_sla)
            out.append(
                (
                    arg(QCoreApplication.translate("Handoffs", "%1 acknowledged in time"), share),
                    "body",
                )
            )
        if cell.median_to_acknowledge is None:
            out.append((QCoreApplication.translate("Handoffs", "median — to acknowledge"), "body"))
        else:
            span = span_text(cell.median_to_acknowledge)
            out.append(
                (
                    arg(QCoreApplication.translate("Handoffs", "median %1 to acknowledge"), span),
                    "body",
                )
            )
        share = percent(cell.returned_or_rejected)
        out.append(
            (arg(QCoreApplication.translate("Handoffs", "%1 returned or rejected"), share), "body")
        )
        if cell.lost_items:
            items = join_list(
                [times_text(item_label(name, translate_marked), n) for name, n in cell.lost_items]
            )
            out.append(
                (arg(QCoreApplication.translate("Handoffs", "Lost most: %1"), items), "lost")
            )
        if cell.silent:
            out.append(
                (
                    Handoffs.tr("%n change(s) of hands with no handoff", "", cell.silent),
                    "lost",
                )
            )
        return out

    def tooltip(self, cell: MatrixCell) -> str:
        pair = f"{self.team_name(cell.from_team_id)} → {self.team_name(cell.to_team_id)}"
        lines = [pair]
        if (cell.from_team_id, cell.to_team_id) == self.worst:
            lines.append(
                QCoreApplication.translate(
                    "Handoffs", "⚠ Loses the most information of all team pairs"
                )
            )
        elif (cell.from_team_id, cell.to_team_id) in self.worst_keys:
            lines.append(
                QCoreApplication.translate(
                    "Handoffs", "⚠ Loses the most information, tied with another team pair"
                )
            )
        lines.append(arg(QCoreApplication.translate("Handoffs", "Handoffs sent: %1"), cell.count))
        if cell.acknowledged_in_sla is None:
            lines.append(
                QCoreApplication.translate(
                    "Handoffs", "Acknowledged within the SLA: — (none due yet)"
                )
            )
        else:
            lines.append(
                arg(
                    QCoreApplication.translate(
                        "Handoffs", "Acknowledged within the SLA: %1 of those due"
                    ),
                    f"{cell.acknowledged_in_sla * 100:.1f}%",
                )
            )
        if cell.median_to_acknowledge is not None:
            lines.append(
                arg(
                    QCoreApplication.translate(
                        "Handoffs", "Median time to acknowledge: %1 (business time)"
                    ),
                    span_text(cell.median_to_acknowledge),
                )
            )
        bounced = round(cell.returned_or_rejected * cell.count)
        lines.append(
            arg(
                QCoreApplication.translate("Handoffs", "Returned or rejected: %1 of %2 (%3)"),
                bounced,
                cell.count,
                percent(cell.returned_or_rejected),
            )
        )
        if cell.lost_items:
            lines.append(
                QCoreApplication.translate("Handoffs", "Items lost (handoffs that lost each):")
            )
            for name, n in cell.lost_items:
                lines.append(f"  • {item_label(name, translate_marked)}: {n}")
        else:
            lines.append(QCoreApplication.translate("Handoffs", "No items lost"))
        if cell.silent:
            lines.append(
                Handoffs.tr("Changed hands with no handoff record: %n time(s)", "", cell.silent)
            )
        lines.append(QCoreApplication.translate("Handoffs", "Click to list these handoffs"))
        return "\n".join(lines)

    def tint(self, cell: MatrixCell) -> QColor:
        score = loss_score(cell)
        theme = current()
        if theme is LIGHT:
            if score <= 0 or self._max_score <= 0:
                return QColor("#f7f9fb")
            return mix(WARM_MAX, WARM_MIN, score / self._max_score)
        # Dark themes: the cell warms from the card's colour towards the "late" hue, kept
        # dark enough that the white text stays readable.
        if score <= 0 or self._max_score <= 0:
            return theme.card
        return mix(theme.late, theme.card, 0.08 + 0.27 * score / self._max_score)

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.senders)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.receivers)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if self.cell_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        cell = self.cell_at(index)
        if cell is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return ""
            if role == Qt.ItemDataRole.BackgroundRole:
                return empty_tint()
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(text for text, _kind in self.lines(cell))
        if role == LINES_ROLE:
            return self.lines(cell)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tooltip(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.tint(cell)
        if role == Qt.ItemDataRole.ForegroundRole:
            return current().text
        if role == PAIR_ROLE:
            return (cell.from_team_id, cell.to_team_id)
        if role == WORST_ROLE:
            return (cell.from_team_id, cell.to_team_id) in self.worst_keys
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        horizontal = orientation == Qt.Orientation.Horizontal
        teams = self.receivers if horizontal else self.senders
        if not 0 <= section < len(teams):
            return None
        name = self.team_name(teams[section])
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == Qt.ItemDataRole.ToolTipRole:
            if orientation == Qt.Orientation.Horizontal:
                return arg(QCoreApplication.translate("Handoffs", "Handoffs received by %1"), name)
            return arg(QCoreApplication.translate("Handoffs", "Handoffs sent by %1"), name)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if orientation == Qt.Orientation.Horizontal:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None


class MatrixCellDelegate(QStyledItemDelegate):
    """Paints a cell's lines: the first (count) bold, "Loses the most" with a warning badge,
    the lost items wrapped at item boundaries to the width of the other lines."""

    def _layout(self, option: QStyleOptionViewItem, lines: list[tuple[str, str]]):
        regular = scaled_font(option.font)
        bold = scaled_font(option.font, bold=True)
        metrics = QFontMetricsF(regular)
        bold_metrics = QFontMetricsF(bold)
        badge = bold_metrics.height()
        widths = []
        for text, kind in lines:
            if kind == "lost":
                continue
            if kind == "alert":
                widths.append(bold_metrics.horizontalAdvance(text) + badge + 6)
            elif kind == "title":
                widths.append(bold_metrics.horizontalAdvance(text))
            else:
                widths.append(metrics.horizontalAdvance(text))
        wrap = max([MIN_WRAP_WIDTH, *widths])
        laid: list[tuple[str, str]] = []
        for text, kind in lines:
            if kind != "lost":
                laid.append((text, kind))
                continue
            pieces = text.split(", ")
            current = ""
            for piece in pieces:
                candidate = f"{current}, {piece}" if current else piece
                if current and metrics.horizontalAdvance(candidate + ",") > wrap:
                    laid.append((current + ",", "lost"))
                    current = "   " + piece
                else:
                    current = candidate
            if current:
                laid.append((current, "lost"))
        wrap = max([wrap, *(metrics.horizontalAdvance(t) for t, k in laid if k == "lost")])
        height = sum(
            bold_metrics.height() if k in ("alert", "title") else metrics.height() for _t, k in laid
        )
        return laid, wrap, height, regular, bold

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        lines = index.data(LINES_ROLE)
        if not lines:
            base = QFontMetricsF(scaled_font(option.font))
            return QSize(int(base.horizontalAdvance("M") * 6), int(base.height() * 2))
        _laid, width, height, _r, _b = self._layout(option, lines)
        return QSize(int(width + 2 * CELL_PADDING + 6), int(height + 2 * CELL_PADDING + 4))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        painter.fillRect(rect, background if background is not None else empty_tint())
        lines = index.data(LINES_ROLE)
        if lines:
            worst = bool(index.data(WORST_ROLE))
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            view = option.widget
            has_focus = bool(option.state & QStyle.StateFlag.State_HasFocus) and (
                view is None or view.hasFocus()
            )
            if worst:
                painter.setPen(QPen(current().late, 4))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(2, 2, -2, -2))
            if selected or has_focus:
                painter.setPen(QPen(current().selection, 2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                inset = 6 if worst else 2
                painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))
            laid, _width, height, regular, bold = self._layout(option, lines)
            y = rect.top() + max(CELL_PADDING, (rect.height() - height) / 2)
            x = rect.left() + CELL_PADDING + 2
            available = rect.right() - CELL_PADDING - x
            for text, kind in laid:
                font = bold if kind in ("alert", "title") else regular
                metrics = QFontMetricsF(font)
                line_h = metrics.height()
                painter.setFont(font)
                painter.setPen(current().text)
                tx = x
                if kind == "alert":
                    radius = line_h * 0.40
                    centre = QPointF(x + radius, y + line_h / 2)
                    theme = current()
                    glyphs.on_disc(
                        painter, glyphs.warning, centre, radius, theme.late, theme.badge_ink
                    )
                    tx = x + 2 * radius + 6
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, available - tx + x)
                painter.drawText(
                    QRectF(tx, y, available - tx + x, line_h), Qt.AlignmentFlag.AlignVCenter, shown
                )
                y += line_h
        painter.restore()


class _Corner(QWidget):
    """The table's top-left corner: "To →" over the columns, "From ↓" over the rows."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def texts(self) -> tuple[str, str]:
        return QCoreApplication.translate("Handoffs", "To →"), QCoreApplication.translate(
            "Handoffs", "From ↓"
        )

    def needed_width(self) -> int:
        metrics = QFontMetricsF(scaled_font(self.font(), 1.0, bold=True))
        return int(max(metrics.horizontalAdvance(t) for t in self.texts()) * 1.6 + 16)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        painter.fillRect(rect, current().lane_header)
        painter.setPen(QPen(current().card_border, 1))
        painter.drawLine(rect.topLeft(), rect.bottomRight())
        to_text, from_text = self.texts()
        painter.setFont(scaled_font(self.font(), 1.0, bold=True))
        painter.setPen(current().text)
        inner = rect.adjusted(6, 3, -6, -3)
        painter.drawText(
            inner, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), to_text
        )
        painter.drawText(
            inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), from_text
        )
        painter.end()


class TeamMatrixView(QTableView):
    """The matrix; ``pairActivated(from_team_id, to_team_id)`` on a click or Enter on a cell
    that has handoffs."""

    pairActivated = Signal(object, object)  # noqa: N815 — Qt signal naming

    def theme_changed(self) -> None:
        """Called by ``renkei.ui.themes`` after a switch (and once here): the header and
        grid colours live in a style sheet."""
        theme = current()
        self.setStyleSheet(
            f"QTableView {{ gridline-color: {theme.card_border.name()};"
            f" background: {empty_tint().name()}; }}"
            f" QHeaderView {{ background: {empty_tint().name()}; }}"
            f" QHeaderView::section {{ background: {theme.column.name()};"
            f" color: {theme.text.name()}; font-weight: bold; padding: 4px 10px;"
            f" border: none; border-right: 1px solid {theme.card_border.name()};"
            f" border-bottom: 1px solid {theme.card_border.name()}; }}"
        )

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.matrix_model = TeamMatrixModel(session, self)
        self.setModel(self.matrix_model)
        self.setItemDelegate(MatrixCellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setCornerButtonEnabled(False)
        self.setWordWrap(True)
        self.setShowGrid(True)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        self.setMouseTracking(True)
        self.setAccessibleName(
            QCoreApplication.translate("Handoffs", "Team to team handoff matrix")
        )
        self.theme_changed()
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setHighlightSections(False)
            header.setSectionsClickable(False)
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self._corner = _Corner(self)
        self.clicked.connect(self._activate)
        self._apply_fonts()
        self._fit()

    def _apply_fonts(self) -> None:
        """The style sheet stops font propagation: give the headers and the corner the
        view's size in the bundled face explicitly, so Japanese names never fall back."""
        font = scaled_font(self.font())
        for child in (self.horizontalHeader(), self.verticalHeader(), self._corner):
            child.setFont(font)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_corner"):
            self._apply_fonts()
            self._fit()

    # -- public ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.matrix_model.refresh()
        self._fit()
        self.viewport().update()

    def cell_text(self, from_team_id: int | None, to_team_id: int | None) -> str:
        """The plain text shown in the cell ('' for an empty one or a pair not shown)."""
        index = self.matrix_model.index_of(from_team_id, to_team_id)
        if not index.isValid():
            return ""
        return self.matrix_model.data(index, Qt.ItemDataRole.DisplayRole) or ""

    def worst(self) -> tuple[int | None, int | None] | None:
        return self.matrix_model.worst

    def cell_rect(self, from_team_id: int | None, to_team_id: int | None):
        """The cell's rectangle in viewport coordinates (for tests and the owner)."""
        return self.visualRect(self.matrix_model.index_of(from_team_id, to_team_id))

    # -- layout ------------------------------------------------------------------------------

    def _header_metrics(self) -> QFontMetricsF:
        return QFontMetricsF(scaled_font(self.font(), 1.0, bold=True))

    def _fit(self) -> None:
        model = self.matrix_model
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        metrics = self._header_metrics()
        header_h = int(metrics.height() * 2 + 14)
        self.horizontalHeader().setFixedHeight(header_h)
        widest = max(
            (metrics.horizontalAdvance(model.team_name(t)) for t in model.senders), default=0.0
        )
        self.verticalHeader().setFixedWidth(max(self._corner.needed_width(), int(widest + 26)))
        # A column is never narrower than its team's name.
        for column, team in enumerate(model.receivers):
            needed = int(metrics.horizontalAdvance(model.team_name(team)) + 32)
            if self.columnWidth(column) < needed:
                self.setColumnWidth(column, needed)
        self.updateGeometries()

    def updateGeometries(self) -> None:  # noqa: N802
        super().updateGeometries()
        corner = getattr(self, "_corner", None)
        if corner is not None:
            frame = self.frameWidth()
            corner.setGeometry(
                frame, frame, self.verticalHeader().width(), self.horizontalHeader().height()
            )
            corner.raise_()

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self.verticalHeader().width() + 2 * self.frameWidth()
        width += sum(self.columnWidth(c) for c in range(self.matrix_model.columnCount()))
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.matrix_model.rowCount()))
        return QSize(width + 2, height + 2)

    # -- interaction -------------------------------------------------------------------------

    def _activate(self, index: QModelIndex) -> None:
        pair = index.data(PAIR_ROLE) if index.isValid() else None
        if pair is not None:
            self.pairActivated.emit(pair[0], pair[1])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.matrix_model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(current().muted)
            painter.setFont(scaled_font(self.font()))
            painter.drawText(
                QRectF(self.viewport().rect()),
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("Handoffs", "No handoffs between teams yet"),
            )
            painter.end()
