"""Standup mode: the board as a full-screen presentation, team by team.

Everything is painted at sizes taken from the window's height (``unit = height / 1080``) and
never below 20 px, so the slides read from the back of a room on any screen from 1280×720
to 3840×2160. Sections that do not fit show "+N more" rather than shrinking the text. The
presentation is read-only: keys and clicks only move between slides.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QPainter,
    QPen,
    QPolygonF,
    QScreen,
)
from PySide6.QtWidgets import QPushButton, QWidget

from renkei.app.standup import Agenda, build_agenda
from renkei.render import glyphs
from renkei.render.theme import FONT_FAMILY, LIGHT
from renkei.ui.standup.slides import (
    DONE,
    OVERVIEW,
    TEAM,
    TIMELINE,
    Line,
    Section,
    Slide,
    build_slides,
    since_text,
)
from renkei.ui.timeline.rows import Zoom
from renkei.ui.timeline.view import TimelineView

MIN_PX = 20.0  # nothing on a slide is smaller


def _t(text: str) -> str:
    return QCoreApplication.translate("Standup", text)


@dataclass(frozen=True)
class Palette:
    name: str
    background: QColor
    panel: QColor
    border: QColor
    text: QColor
    muted: QColor  # secondary text, still ≥ 7:1 on the background and the panel
    accent: QColor
    done: QColor
    risk: QColor
    late: QColor
    blocked: QColor
    handoff: QColor


DARK = Palette(
    "dark",
    background=QColor("#101418"),
    panel=QColor("#1a2027"),
    border=QColor("#3a4654"),
    text=QColor("#ffffff"),
    muted=QColor("#c8d0da"),
    accent=QColor("#7cc8ff"),
    done=QColor("#4fe0a8"),
    risk=QColor("#ffc74d"),
    late=QColor("#ff9b6b"),
    blocked=QColor("#dbb0ff"),
    handoff=QColor("#7cc8ff"),
)
LIGHT_PALETTE = Palette(
    "light",
    background=QColor("#ffffff"),
    panel=QColor("#f2f4f7"),
    border=QColor("#b8c0cc"),
    text=QColor("#101418"),
    muted=QColor("#38404c"),
    accent=QColor("#00568a"),
    done=QColor("#005c44"),
    risk=QColor("#7a4c00"),
    late=QColor("#9a3505"),
    blocked=QColor("#56307a"),
    handoff=QColor("#00568a"),
)
PALETTES = {"dark": DARK, "light": LIGHT_PALETTE}

# The timeline is painted at this font size, then scaled so its smallest text (0.88 of it)
# stays at 20 px or more. It keeps the board's light theme: its weekend bands and badges
# are made for it; in the dark presentation it sits on the slide as a light panel.
TIMELINE_FONT_PX = 14
TIMELINE_SMALLEST = 0.88


@dataclass(frozen=True)
class Metrics:
    """Every size on a slide, from the window's size."""

    unit: float
    margin: float
    gap: float
    title: float  # the slide's title (team name)
    subtitle: float
    timer: float
    heading: float  # a section's heading
    item: float  # a task title
    detail: float  # the word and detail under it
    hint: float  # the footer
    big: float  # overview numbers

    @classmethod
    def for_size(cls, width: int, height: int) -> Metrics:
        unit = max(0.1, min(height / 1080, width / 1920))

        def px(size: float, least: float = MIN_PX) -> float:
            return float(max(least, round(size * unit)))

        return cls(
            unit=unit,
            margin=max(12.0, 40 * unit),
            gap=max(8.0, 24 * unit),
            title=px(60, 30),
            subtitle=px(26),
            timer=px(44, 26),
            heading=px(30, 22),
            item=px(28),
            detail=px(22),
            hint=px(20),
            big=px(56, 28),
        )


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


class _Ink:
    """A painter that remembers every text it drew and at what size."""

    def __init__(self, painter: QPainter):
        self.painter = painter
        self.drawn: list[tuple[str, float]] = []

    def text(
        self,
        rect: QRectF,
        text: str,
        pixels: float,
        colour: QColor,
        *,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    ) -> float:
        """Draw ``text`` elided to ``rect``'s width; the width it took."""
        if not text or rect.width() <= 0:
            return 0.0
        font = _font(pixels, bold)
        metrics = QFontMetricsF(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        if not shown:
            return 0.0
        self.painter.setFont(font)
        self.painter.setPen(colour)
        self.painter.drawText(rect, int(align), shown)
        self.drawn.append((shown, float(round(pixels))))
        return min(rect.width(), metrics.horizontalAdvance(shown))


def _line_height(pixels: float, bold: bool = False) -> float:
    return QFontMetricsF(_font(pixels, bold)).height()


def paint_icon(painter: QPainter, name: str, centre: QPointF, size: float, ink: QColor, bg):
    """A small glyph beside a word: meaning never rests on colour alone."""
    painter.save()
    pen = QPen(ink, max(2.0, size * 0.3))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    x, y = centre.x(), centre.y()
    if name == "risk":
        triangle = QPolygonF(
            [
                QPointF(x, y - size * 1.05),
                QPointF(x + size * 1.15, y + size * 0.9),
                QPointF(x - size * 1.15, y + size * 0.9),
            ]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawPolygon(triangle)
        painter.setPen(QPen(bg, max(2.0, size * 0.26)))
        painter.drawLine(QPointF(x, y - size * 0.4), QPointF(x, y + size * 0.25))
        painter.drawPoint(QPointF(x, y + size * 0.6))
    elif name == "blocked":
        glyphs.blocked(painter, centre, size * 0.85, ink)
    elif name == "sent":
        glyphs.handoff(painter, centre, size * 0.9, ink)
    elif name == "received":
        painter.translate(centre)
        painter.scale(-1, 1)
        glyphs.handoff(painter, QPointF(0, 0), size * 0.9, ink)
    elif name == "done":
        painter.setPen(pen)
        painter.drawPolyline(
            QPolygonF(
                [
                    QPointF(x - size * 0.8, y),
                    QPointF(x - size * 0.2, y + size * 0.6),
                    QPointF(x + size * 0.85, y - size * 0.65),
                ]
            )
        )
    elif name == "new":
        painter.setPen(pen)
        painter.drawLine(QPointF(x - size * 0.75, y), QPointF(x + size * 0.75, y))
        painter.drawLine(QPointF(x, y - size * 0.75), QPointF(x, y + size * 0.75))
    elif name == "moved":
        painter.setPen(pen)
        painter.drawLine(QPointF(x - size * 0.8, y), QPointF(x + size * 0.8, y))
        painter.drawPolyline(
            QPolygonF(
                [
                    QPointF(x + size * 0.2, y - size * 0.6),
                    QPointF(x + size * 0.8, y),
                    QPointF(x + size * 0.2, y + size * 0.6),
                ]
            )
        )
    elif name in ("clock", "deadline"):
        painter.setPen(QPen(ink, max(2.0, size * 0.22)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, size * 0.85, size * 0.85)
        painter.drawLine(centre, QPointF(x, y - size * 0.55))
        painter.drawLine(centre, QPointF(x + size * 0.45, y))
    elif name == "person":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawEllipse(QPointF(x, y - size * 0.4), size * 0.38, size * 0.38)
        painter.drawPie(
            QRectF(x - size * 0.75, y + size * 0.05, size * 1.5, size * 1.5), 0, 180 * 16
        )
    painter.restore()


class StandupWindow(QWidget):
    """The presentation. ``order``: the teams' order (the lead's choice); ``since``: the last
    standup (None: the last day)."""

    heldRequested = Signal()
    closed = Signal()

    def __init__(
        self,
        session,
        order: Sequence[int] = (),
        since: datetime | None = None,
        seconds_per_team: int = 120,
        parent=None,
        *,
        auto_advance: bool = False,
        auto_advance_seconds: int = 0,
        theme: str = "dark",
    ):
        """``seconds_per_team``, ``auto_advance`` (on at the start; A toggles it),
        ``auto_advance_seconds`` (how long past the time it waits before moving on) and
        ``theme`` come from Preferences (see ``from_settings``)."""
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(_t("Standup"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.session = session
        self._order = tuple(order)
        self._since = since
        self._seconds_per_team = max(1, int(seconds_per_team))
        self._seconds_left = self._seconds_per_team
        self._paused = False
        self._auto = bool(auto_advance)
        self._auto_delay = max(0, int(auto_advance_seconds))
        self._overtime = 0  # seconds past zero on this slide
        self._palette = PALETTES.get(theme, DARK)
        self._index = 0
        self._held_at: datetime | None = None
        self._agenda: Agenda | None = None
        self._slides: list[Slide] = []
        self._timeline_placed = False

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.refresh)

        # The timeline is drawn, not used: an offscreen TimelineView (none of its edit signals
        # connected) laid out at a smaller size and painted scaled up, so its fixed-height
        # rows and headers grow with the text. No mouse or key ever reaches it.
        self.timeline = TimelineView(session)
        self.timeline.fixed_theme = LIGHT  # a light panel on every slide theme (see above)
        self.timeline.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.timeline.setAcceptDrops(False)
        self.timeline.viewport().setAcceptDrops(False)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = QFont(FONT_FAMILY)
        font.setPixelSize(TIMELINE_FONT_PX)
        self.timeline.setFont(font)
        self.timeline.set_zoom(Zoom.WEEK)

        self.held_button = QPushButton(_t("Mark standup held (H)"), self)
        self.held_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.held_button.clicked.connect(self.mark_held)
        self.held_button.hide()

        self._build()
        self._apply_theme()
        self._subscribed = True
        session.subscribe(self._on_board_changed)
        self._ticker.start()

    @classmethod
    def from_settings(cls, session, settings, order=(), since=None, parent=None):
        """The presentation as Preferences set it up: minutes per team, auto-advance and
        its delay, the slide theme."""
        return cls(
            session,
            order,
            since,
            seconds_per_team=60 * settings.standup_minutes,
            parent=parent,
            auto_advance=settings.standup_auto_advance,
            auto_advance_seconds=settings.standup_auto_advance_seconds,
            theme=settings.standup_theme,
        )

    # -- slides ------------------------------------------------------------------------------

    def _build(self) -> None:
        self._agenda = build_agenda(self.session, self._since, self._order)
        self._slides = build_slides(self._agenda, self.session.board, self.session.today())
        board = self.session.board
        done = board.done_status_ids()
        self.timeline.set_tasks(
            [t.id for t in board.tasks.values() if not t.archived and t.status_id not in done]
        )

    @property
    def index(self) -> int:
        return self._index

    @property
    def slide_count(self) -> int:
        return len(self._slides)

    @property
    def current_slide(self) -> Slide:
        return self._slides[self._index]

    def slide(self, index: int) -> Slide:
        return self._slides[index]

    def slide_title(self, index: int) -> str:
        return self._slides[index].title

    def go_to(self, index: int) -> None:
        index = max(0, min(int(index), len(self._slides) - 1))
        if index == self._index:
            return
        self._index = index
        self._seconds_left = self._seconds_per_team  # entering a slide restarts its timer
        self._overtime = 0
        self._sync_children(entering=True)
        self.update()

    def next_slide(self) -> None:
        self.go_to(self._index + 1)

    def previous_slide(self) -> None:
        self.go_to(self._index - 1)

    def set_order(self, order: Sequence[int]) -> None:
        """The lead reordered the teams: the current slide stays."""
        self._order = tuple(order)
        self.refresh()

    def refresh(self) -> None:
        """Read the board again; the current slide stays (by team, not by position) and so
        does its timer."""
        key = self._slides[self._index].key if self._slides else None
        self._build()
        keys = [s.key for s in self._slides]
        if key in keys:
            self._index = keys.index(key)
        else:
            self._index = min(self._index, len(self._slides) - 1)
        self.timeline.refresh()
        self._sync_children(entering=False)
        self.update()

    def _on_board_changed(self, _change) -> None:
        self._debounce.start()

    # -- timer -------------------------------------------------------------------------------

    @property
    def seconds_left(self) -> int:
        return self._seconds_left

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def auto_advance(self) -> bool:
        return self._auto

    def toggle_pause(self) -> None:
        self._paused = not self._paused
        self.update()

    def set_auto_advance(self, on: bool) -> None:
        self._auto = bool(on)
        self.update()

    def _timed(self) -> bool:
        return bool(self._slides) and self.current_slide.kind == TEAM

    def tick(self) -> None:
        """One second passed: count down the team's time; at zero, maybe move on."""
        if self._paused or not self._timed():
            return
        if self._seconds_left > 0:
            self._seconds_left -= 1
        if self._seconds_left == 0 and self._auto:
            if self._overtime >= self._auto_delay:
                self.next_slide()
            else:
                self._overtime += 1
        self.update()

    # -- themes ------------------------------------------------------------------------------

    @property
    def theme(self) -> str:
        return self._palette.name

    def set_theme(self, name: str) -> None:
        if name not in PALETTES:
            raise ValueError(f"unknown theme {name!r}: dark or light")
        self._palette = PALETTES[name]
        self._apply_theme()
        self.update()

    def toggle_theme(self) -> None:
        self.set_theme("light" if self.theme == "dark" else "dark")

    def _apply_theme(self) -> None:
        p = self._palette
        self.held_button.setStyleSheet(
            f"QPushButton {{ background: {p.accent.name()}; color: {p.background.name()};"
            f" border: none; border-radius: 12px; padding: 12px 36px; font-weight: bold; }}"
        )

    # -- held, leaving, presenting -------------------------------------------------------------

    def mark_held(self) -> None:
        """The lead says the standup happened; the caller records the time."""
        self._held_at = datetime.now()
        self.heldRequested.emit()
        self.update()

    def present(self, screen: QScreen | None = None) -> None:
        """Full screen on ``screen`` (None: the primary screen)."""
        screen = screen or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus()

    def closeEvent(self, event) -> None:  # noqa: N802
        self._ticker.stop()
        self._debounce.stop()
        self.timeline.close()
        if self._subscribed:
            self._subscribed = False
            with contextlib.suppress(ValueError):
                self.session.unsubscribe(self._on_board_changed)
        super().closeEvent(event)
        self.closed.emit()

    # -- input: navigation only ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        k = Qt.Key
        if key in (k.Key_Right, k.Key_PageDown, k.Key_Down, k.Key_Return, k.Key_Enter):
            self.next_slide()
        elif key in (k.Key_Left, k.Key_PageUp, k.Key_Up, k.Key_Backspace):
            self.previous_slide()
        elif key == k.Key_Home:
            self.go_to(0)
        elif key == k.Key_End:
            self.go_to(len(self._slides) - 1)
        elif key == k.Key_Space:
            self.toggle_pause()
        elif key == k.Key_A:
            self.set_auto_advance(not self._auto)
        elif key == k.Key_T:
            self.toggle_theme()
        elif key == k.Key_H:
            self.mark_held()
        elif key == k.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.next_slide()
        elif event.button() == Qt.MouseButton.RightButton:
            self.previous_slide()

    def wheelEvent(self, event) -> None:  # noqa: N802
        event.accept()  # nothing to scroll, nothing to change

    # -- geometry ----------------------------------------------------------------------------

    def metrics(self) -> Metrics:
        return Metrics.for_size(self.width(), self.height())

    def _header_height(self, m: Metrics) -> float:
        return m.margin * 0.9 + _line_height(m.title, True) + _line_height(m.subtitle) + m.gap

    def _footer_height(self, m: Metrics) -> float:
        return _line_height(m.hint) + m.gap

    def _body(self, m: Metrics) -> QRectF:
        top = self._header_height(m) + m.gap
        bottom = self.height() - self._footer_height(m) - m.gap * 0.5
        return QRectF(m.margin, top, self.width() - 2 * m.margin, max(0.0, bottom - top))

    def _timeline_scale(self, m: Metrics) -> float:
        """How much the timeline is scaled up: its smallest text at 20 px or more."""
        least = MIN_PX / (TIMELINE_FONT_PX * TIMELINE_SMALLEST)
        return max(least, 1.75 * m.unit)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_children()

    def _place_children(self) -> None:
        m = self.metrics()
        body = self._body(m)
        scale = self._timeline_scale(m)
        size = QSize(max(1, int(body.width() / scale)), max(1, int(body.height() / scale)))
        if self.timeline.size() != size:
            self.timeline.resize(size)
        button_font = _font(m.item, True)
        self.held_button.setFont(button_font)
        self.held_button.adjustSize()
        hint = self.held_button.sizeHint()
        size = QSize(max(hint.width(), int(420 * m.unit)), max(hint.height(), int(80 * m.unit)))
        self.held_button.resize(size)
        self.held_button.move(
            int(body.center().x() - size.width() / 2), int(body.top() + body.height() * 0.55)
        )

    def _sync_children(self, *, entering: bool) -> None:
        if not self._slides:
            return
        kind = self.current_slide.kind
        self._place_children()
        self.held_button.setVisible(kind == DONE)
        if kind == TIMELINE:
            if not self.timeline.isVisible():
                self.timeline.show()  # offscreen: laid out so that it can be painted
            if entering or not self._timeline_placed:
                self.timeline.go_to_today()
                self._timeline_placed = True

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._sync_children(entering=False)

    # -- what a test (or the snapshot) reads --------------------------------------------------

    def _paint_offscreen(self) -> list[tuple[str, float]]:
        image = QImage(max(1, self.width()), max(1, self.height()), QImage.Format.Format_RGB32)
        painter = QPainter(image)
        try:
            ink = self._paint(painter)
        finally:
            painter.end()
        drawn = list(ink.drawn)
        kind = self.current_slide.kind
        if kind == DONE:
            drawn.append((self.held_button.text(), float(self.held_button.font().pixelSize())))
        if kind == TIMELINE:
            scale = self._timeline_scale(self.metrics())
            drawn.append(("", TIMELINE_FONT_PX * TIMELINE_SMALLEST * scale))
        return drawn

    def texts(self) -> list[str]:
        """Every text drawn on the current slide."""
        return [text for text, _ in self._paint_offscreen() if text]

    def text_sizes(self) -> list[tuple[str, float]]:
        return self._paint_offscreen()

    def min_text_px(self) -> float:
        """The smallest pixel size used on the current slide."""
        sizes = [px for _, px in self._paint_offscreen()]
        return min(sizes) if sizes else 0.0

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> _Ink:
        ink = _Ink(painter)
        p = self._palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(QRectF(0, 0, self.width(), self.height()), p.background)
        if not self._slides:
            return ink
        m = self.metrics()
        slide = self.current_slide
        self._paint_header(ink, slide, m)
        self._paint_footer(ink, m)
        body = self._body(m)
        if slide.kind == TEAM:
            self._paint_team(ink, slide, body, m)
        elif slide.kind == OVERVIEW:
            self._paint_overview(ink, slide, body, m)
        elif slide.kind == DONE:
            self._paint_done(ink, body, m)
        elif slide.kind == TIMELINE:
            self._paint_timeline(ink, body, m)
        return ink

    def _paint_header(self, ink: _Ink, slide: Slide, m: Metrics) -> None:
        p = self._palette
        painter = ink.painter
        height = self._header_height(m)
        painter.fillRect(QRectF(0, 0, self.width(), height), p.panel)
        painter.fillRect(
            QRectF(0, height - max(2.0, 3 * m.unit), self.width(), 3 * m.unit), p.border
        )
        painter.fillRect(QRectF(0, 0, max(6.0, 12 * m.unit), height), p.accent)
        right_w = self._paint_timer(ink, m, height) if slide.kind == TEAM else 0.0
        left = m.margin
        width = self.width() - left - m.margin - right_w - (m.gap if right_w else 0)
        title_h = _line_height(m.title, True)
        top = m.margin * 0.6
        ink.text(QRectF(left, top, width, title_h), slide.title, m.title, p.text, bold=True)
        subtitle = slide.subtitle
        if slide.kind == TEAM and self._agenda is not None:
            subtitle = f"{subtitle}  ·  {since_text(self._agenda)}"
        ink.text(
            QRectF(left, top + title_h, width, _line_height(m.subtitle)),
            subtitle,
            m.subtitle,
            p.muted,
        )

    def _paint_timer(self, ink: _Ink, m: Metrics, height: float) -> float:
        """The time left, top right; the width it took."""
        p = self._palette
        minutes, seconds = divmod(self._seconds_left, 60)
        up = self._seconds_left <= 0
        if up:
            big, colour, icon = _t("Time's up"), p.late, "risk"
        else:
            big = _t("%1 left").replace("%1", f"{minutes}:{seconds:02d}")
            colour, icon = p.text, "clock"
        state = []
        if self._paused:
            state.append(_t("Paused"))
        if self._auto:
            state.append(_t("Auto-advance on"))
        small = " · ".join(state)
        big_w = QFontMetricsF(_font(m.timer, True)).horizontalAdvance(big)
        small_w = QFontMetricsF(_font(m.subtitle, True)).horizontalAdvance(small) if small else 0
        icon_w = m.timer * 1.1
        width = max(big_w + icon_w, small_w)
        right = self.width() - m.margin
        big_h = _line_height(m.timer, True)
        top = m.margin * 0.6
        paint_icon(
            ink.painter,
            icon,
            QPointF(right - big_w - icon_w / 2, top + big_h / 2),
            m.timer * 0.38,
            colour,
            p.panel,
        )
        ink.text(QRectF(right - big_w, top, big_w + 2, big_h), big, m.timer, colour, bold=True)
        if small:
            ink.text(
                QRectF(right - width, top + big_h, width, _line_height(m.subtitle, True)),
                small,
                m.subtitle,
                p.risk if self._paused else p.accent,
                bold=True,
                align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            )
        return width

    def _paint_footer(self, ink: _Ink, m: Metrics) -> None:
        p = self._palette
        h = _line_height(m.hint)
        top = self.height() - h - m.gap * 0.6
        counter = f"{self._index + 1} / {len(self._slides)}"
        counter_w = QFontMetricsF(_font(m.hint, True)).horizontalAdvance(counter) + m.gap
        hints = _t("← → next · Space pause · A auto · T theme · H held · Esc leave")
        ink.text(
            QRectF(m.margin, top, self.width() - 2 * m.margin - counter_w, h),
            hints,
            m.hint,
            p.muted,
        )
        ink.text(
            QRectF(self.width() - m.margin - counter_w, top, counter_w, h),
            counter,
            m.hint,
            p.text,
            bold=True,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )

    # -- a team ------------------------------------------------------------------------------

    def _tone(self, name: str) -> QColor:
        p = self._palette
        return {
            "done": p.done,
            "risk": p.risk,
            "late": p.late,
            "blocked": p.blocked,
            "handoff": p.handoff,
            "accent": p.accent,
        }.get(name, p.text)

    def _paint_team(self, ink: _Ink, slide: Slide, body: QRectF, m: Metrics) -> None:
        p = self._palette
        if slide.empty:
            ink.text(
                QRectF(body.left(), body.top() + body.height() * 0.3, body.width(), m.big * 1.5),
                _t("Nothing to report"),
                m.big,
                p.text,
                bold=True,
                align=Qt.AlignmentFlag.AlignCenter,
            )
            ink.text(
                QRectF(
                    body.left(),
                    body.top() + body.height() * 0.3 + m.big * 1.6,
                    body.width(),
                    m.subtitle * 1.6,
                ),
                _t("No changes, nothing due, nobody blocked."),
                m.subtitle,
                p.muted,
                align=Qt.AlignmentFlag.AlignCenter,
            )
            return
        count = len(slide.columns)
        width = (body.width() - (count - 1) * m.gap) / count
        for n, column in enumerate(slide.columns):
            rect = QRectF(body.left() + n * (width + m.gap), body.top(), width, body.height())
            self._paint_column(ink, column, rect, m)

    def _sizes(self, m: Metrics) -> tuple[float, float, float, float]:
        pad = max(10.0, 18 * m.unit)
        heading_h = _line_height(m.heading, True) + pad * 0.6
        item_h = _line_height(m.item, True) + _line_height(m.detail) + max(6.0, 12 * m.unit)
        more_h = _line_height(m.detail)
        return pad, heading_h, item_h, more_h

    @staticmethod
    def _detail_px(section: Section, m: Metrics) -> float:
        """Task titles are never small: under a person's name they keep the title size."""
        return m.item if section.key == "people" else m.detail

    def _item_height(self, section: Section, m: Metrics) -> float:
        gap = max(6.0, 12 * m.unit)
        return _line_height(m.item, True) + _line_height(self._detail_px(section, m)) + gap

    def _fit(self, column: Sequence[Section], height: float, m: Metrics) -> list[int]:
        """How many lines of each section fit, taken in turns; the rest say "+N more"."""
        pad, heading_h, _, more_h = self._sizes(m)
        fixed = sum(2 * pad + heading_h for _ in column) + m.gap * (len(column) - 1)
        counts = [0] * len(column)

        def cost() -> float:
            total = fixed
            for section, k in zip(column, counts, strict=True):
                total += k * self._item_height(section, m) + (
                    more_h if k < len(section.lines) else 0
                )
            return total

        grew = True
        while grew:
            grew = False
            for i, section in enumerate(column):
                if counts[i] < len(section.lines):
                    counts[i] += 1
                    if cost() <= height:
                        grew = True
                    else:
                        counts[i] -= 1
        return counts

    def _paint_column(self, ink: _Ink, column: Sequence[Section], rect: QRectF, m: Metrics):
        p = self._palette
        painter = ink.painter
        pad, heading_h, _, more_h = self._sizes(m)
        counts = self._fit(column, rect.height(), m)
        y = rect.top()
        for section, shown in zip(column, counts, strict=True):
            rest = len(section.lines) - shown
            item_h = self._item_height(section, m)
            height = 2 * pad + heading_h + shown * item_h + (more_h if rest else 0)
            panel = QRectF(rect.left(), y, rect.width(), height)
            painter.setPen(QPen(p.border, max(1.0, 1.5 * m.unit)))
            painter.setBrush(p.panel)
            radius = 12 * m.unit
            painter.drawRoundedRect(panel, radius, radius)
            inner = panel.adjusted(pad, pad, -pad, -pad)
            heading = f"{section.title}  ({len(section.lines)})"
            ink.text(
                QRectF(inner.left(), inner.top(), inner.width(), heading_h - pad * 0.6),
                heading,
                m.heading,
                p.text,
                bold=True,
            )
            line_y = inner.top() + heading_h
            for line in section.lines[:shown]:
                item = QRectF(inner.left(), line_y, inner.width(), item_h)
                self._paint_line(ink, line, item, m, self._detail_px(section, m))
                line_y += item_h
            if rest:
                ink.text(
                    QRectF(inner.left(), line_y, inner.width(), more_h),
                    _t("+%1 more").replace("%1", str(rest)),
                    m.detail,
                    p.muted,
                    bold=True,
                )
            y += height + m.gap

    def _paint_line(
        self, ink: _Ink, line: Line, rect: QRectF, m: Metrics, detail_px: float
    ) -> None:
        p = self._palette
        colour = self._tone(line.tone)
        title_h = _line_height(m.item, True)
        detail_h = _line_height(detail_px)
        icon_w = m.item * 1.15
        if line.icon:
            paint_icon(
                ink.painter,
                line.icon,
                QPointF(rect.left() + icon_w * 0.42, rect.top() + title_h / 2),
                m.item * 0.34,
                colour if line.tone != "text" else p.muted,
                p.panel,
            )
        left = rect.left() + icon_w
        width = rect.right() - left
        ink.text(QRectF(left, rect.top(), width, title_h), line.title, m.item, p.text, bold=True)
        y = rect.top() + title_h
        used = 0.0
        if line.word:
            used = ink.text(
                QRectF(left, y, width, detail_h), line.word, detail_px, colour, bold=True
            )
            used += detail_px * 0.6
        if line.detail and width - used > detail_px * 2:
            ink.text(
                QRectF(left + used, y, width - used, detail_h),
                line.detail,
                detail_px,
                p.text if line.word == "" else p.muted,
            )

    # -- the overview ------------------------------------------------------------------------

    def _paint_overview(self, ink: _Ink, slide: Slide, body: QRectF, m: Metrics) -> None:
        p = self._palette
        painter = ink.painter
        heads = [
            (_t("Open"), "clock", "text"),
            (_t("Finished"), "done", "done"),
            (_t("At risk"), "risk", "risk"),
            (_t("Blocked"), "blocked", "blocked"),
            (_t("Overdue"), "clock", "late"),
        ]
        name_w = body.width() * 0.3
        col_w = (body.width() - name_w) / len(heads)
        head_h = _line_height(m.heading, True) * 1.6
        for n, (word, icon, tone) in enumerate(heads):
            x = body.left() + name_w + n * col_w
            colour = self._tone(tone) if tone != "text" else p.text
            word_w = QFontMetricsF(_font(m.heading, True)).horizontalAdvance(word)
            icon_w = m.heading * 1.2
            start = x + max(0.0, (col_w - word_w - icon_w) / 2)
            paint_icon(
                painter,
                icon,
                QPointF(start + icon_w * 0.4, body.top() + head_h / 2),
                m.heading * 0.34,
                colour,
                p.background,
            )
            ink.text(
                QRectF(start + icon_w, body.top(), col_w - icon_w, head_h),
                word,
                m.heading,
                colour,
                bold=True,
            )
        rows = slide.rows
        if not rows:
            return
        top = body.top() + head_h
        row_h = min(m.big * 2.0, (body.bottom() - top) / len(rows))
        number_px = max(MIN_PX, min(m.big, row_h * 0.62))
        name_px = max(MIN_PX, min(m.heading * 1.1, row_h * 0.5))
        for r, row in enumerate(rows):
            y = top + r * row_h
            if r % 2 == 0:
                painter.fillRect(QRectF(body.left(), y, body.width(), row_h), p.panel)
            ink.text(
                QRectF(body.left() + m.gap, y, name_w - m.gap, row_h),
                row.team,
                name_px,
                p.text,
                bold=True,
            )
            values = (row.open, row.done, row.at_risk, row.blocked, row.overdue)
            for n, (value, (_, _, tone)) in enumerate(zip(values, heads, strict=True)):
                colour = p.text if tone == "text" or not value else self._tone(tone)
                if not value and tone != "text":
                    colour = p.muted
                ink.text(
                    QRectF(body.left() + name_w + n * col_w, y, col_w, row_h),
                    str(value),
                    number_px,
                    colour,
                    bold=True,
                    align=Qt.AlignmentFlag.AlignCenter,
                )

    # -- the timeline -----------------------------------------------------------------------

    def _paint_timeline(self, ink: _Ink, body: QRectF, m: Metrics) -> None:
        painter = ink.painter
        self._sync_children(entering=False)
        scale = self._timeline_scale(m)
        painter.save()
        painter.translate(body.topLeft())
        painter.scale(scale, scale)
        self.timeline.viewport().render(painter, QPoint(0, 0))
        painter.restore()
        painter.setPen(QPen(self._palette.border, max(1.0, 2 * m.unit)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(body)

    # -- the end -----------------------------------------------------------------------------

    def _paint_done(self, ink: _Ink, body: QRectF, m: Metrics) -> None:
        p = self._palette
        y = body.top() + body.height() * 0.18
        ink.text(
            QRectF(body.left(), y, body.width(), m.big * 1.5),
            _t("Thank you, everyone"),
            m.big,
            p.text,
            bold=True,
            align=Qt.AlignmentFlag.AlignCenter,
        )
        y += m.big * 1.7
        if self._held_at is None:
            words = _t("Press H or the button to record that the standup was held.")
            colour = p.muted
        else:
            words = _t("Standup held at %1.").replace("%1", self._held_at.strftime("%H:%M"))
            colour = p.done
        ink.text(
            QRectF(body.left(), y, body.width(), m.subtitle * 1.6),
            words,
            m.subtitle,
            colour,
            bold=self._held_at is not None,
            align=Qt.AlignmentFlag.AlignCenter,
        )


def render_slide(
    session,
    index: int,
    size: QSize | tuple[int, int],
    theme: str = "dark",
    order: Sequence[int] = (),
    since: datetime | None = None,
) -> QImage:
    """One slide as a picture: the window built offscreen at ``size``, on slide ``index``."""
    if not isinstance(size, QSize):
        size = QSize(*size)
    window = StandupWindow(session, order, since)
    try:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.set_theme(theme)
        window.resize(size)
        window.show()
        window.go_to(index)
        window._sync_children(entering=True)
        QCoreApplication.processEvents()
        return window.grab().toImage()
    finally:
        window.close()
        window.deleteLater()
