"""Standup mode: the board as a full-screen presentation, team by team.

The window keeps the walk (which slide, the team's timer, the theme, whether the standup was
marked held), turns keys, clicks and the clicker into moves, and emits what the lead asks
for. What a slide says comes from ``slides.build_slides`` and ``faces.slide_face``; how it
looks from ``render.slide_paint``, the painter the offscreen picture uses too. The
presentation is read-only: keys and clicks only move between slides.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QPainter, QScreen
from PySide6.QtWidgets import QWidget

from renkei.app.standup import Agenda, build_agenda
from renkei.render.slide_face import DONE, TEAM, TIMELINE, Slide, SlideFace
from renkei.render.slide_metrics import SlideMetrics, slide_body
from renkei.render.slide_paint import paint_slide
from renkei.render.slide_plan import team_has_more
from renkei.render.theme import SLIDE_THEMES, Theme
from renkei.ui.a11y import ensure_factory, register
from renkei.ui.standup import accessible
from renkei.ui.standup.faces import Clock, slide_face, with_title_names
from renkei.ui.standup.held_button import HeldButton
from renkei.ui.standup.slides import build_slides
from renkei.ui.standup.timeline_slide import TimelineSlide


class StandupWindow(QWidget):
    """The presentation. ``order``: the teams' order (the lead's choice); ``since``: the last
    standup (None: the last day)."""

    heldRequested = Signal()
    closed = Signal()
    accessibleEventPosted = Signal(object, str)  # noqa: N815 — what a screen reader was told

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
        ensure_factory()  # (Qt forgets it when an application ends)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(QCoreApplication.translate("Standup", "Standup"))
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
        self._theme_name = theme if theme in SLIDE_THEMES else "dark"
        self._index = 0
        self._page = 0  # ↓ presses on this slide: which of a long section's lines show
        self._held_at: datetime | None = None
        self._agenda: Agenda | None = None
        self._slides: list[Slide] = []

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.refresh)

        self.timeline = TimelineSlide(session, SLIDE_THEMES[self._theme_name])
        self.held_button = HeldButton(self)
        self.held_button.clicked.connect(self.mark_held)
        self.held_button.hide()

        self._build()
        self.held_button.set_theme(self.slide_theme)
        self.timeline.theme = self.slide_theme
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
        board = self.session.board
        self._slides = with_title_names(
            build_slides(self._agenda, board, self.session.today(), self.session.forecasts()),
            (person.name for person in board.people.values()),
        )
        self.timeline.show_tasks(self.session.board)

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

    def face(self) -> SlideFace:
        """The current slide as it shows now (its timer, the held time)."""
        assert self._agenda is not None
        return slide_face(
            self.current_slide,
            self._agenda,
            number=self._index + 1,
            count=len(self._slides),
            clock=Clock(self._seconds_left, self._paused, self._auto),
            held_at=self._held_at,
            page=self._page,
        )

    def go_to(self, index: int) -> None:
        index = max(0, min(int(index), len(self._slides) - 1))
        if index == self._index:
            return
        self._index = index
        self._page = 0
        self._seconds_left = self._seconds_per_team  # entering a slide restarts its timer
        self._overtime = 0
        self._sync_children()
        self.update()
        accessible.slide_changed(self)

    def next_slide(self) -> None:
        self.go_to(self._index + 1)

    def previous_slide(self) -> None:
        self.go_to(self._index - 1)

    @property
    def page(self) -> int:
        """How many times ↓ showed more of this slide's sections."""
        return self._page

    def has_more(self) -> bool:
        """Whether ↓ shows lines of this slide not shown yet (else it goes to the next)."""
        if not self._slides or self.current_slide.kind == DONE:
            return False
        if self.current_slide.kind == TIMELINE:
            return self.timeline.has_more(self._body(self.metrics()), self.metrics(), self._page)
        return team_has_more(self.face(), QRectF(self.rect()), self.metrics())

    def page_down(self) -> None:
        """The clicker's next: the next lines of the sections that have more, else the next
        slide. The team's timer runs on."""
        if self.has_more():
            self._page += 1
            self.update()
            accessible.paged(self)
        else:
            self.next_slide()

    def page_up(self) -> None:
        """The clicker's back: the lines shown before, else the previous slide."""
        if self._page > 0:
            self._page -= 1
            self.update()
            accessible.paged(self)
        else:
            self.previous_slide()

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
        self._sync_children()
        self.update()
        if key not in keys:
            accessible.slide_changed(self)

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
        return self._theme_name

    @property
    def slide_theme(self) -> Theme:
        return SLIDE_THEMES[self._theme_name]

    def set_theme(self, name: str) -> None:
        if name not in SLIDE_THEMES:
            raise ValueError(f"unknown theme {name!r}: dark or light")
        self._theme_name = name
        self.held_button.set_theme(self.slide_theme)
        self.timeline.theme = self.slide_theme
        self.update()

    def toggle_theme(self) -> None:
        self.set_theme("light" if self.theme == "dark" else "dark")

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
        if key in (k.Key_Right, k.Key_Return, k.Key_Enter):
            self.next_slide()
        elif key in (k.Key_Left, k.Key_Backspace):
            self.previous_slide()
        elif key in (k.Key_Down, k.Key_PageDown):  # a clicker's buttons: more, then onwards
            self.page_down()
        elif key in (k.Key_Up, k.Key_PageUp):
            self.page_up()
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
            self.page_down()
        elif event.button() == Qt.MouseButton.RightButton:
            self.page_up()

    def wheelEvent(self, event) -> None:  # noqa: N802
        event.accept()  # nothing to scroll, nothing to change

    # -- geometry ----------------------------------------------------------------------------

    def metrics(self) -> SlideMetrics:
        return SlideMetrics.for_size(self.width(), self.height())

    def _body(self, m: SlideMetrics) -> QRectF:
        return slide_body(QRectF(self.rect()), m)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_children()

    def _place_children(self) -> None:
        m = self.metrics()
        body = self._body(m)
        self.held_button.place(body, m)

    def _sync_children(self) -> None:
        if not self._slides:
            return
        kind = self.current_slide.kind
        self._place_children()
        self.held_button.setVisible(kind == DONE)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._sync_children()

    # -- painting, and what a test reads ---------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> list[tuple[str, float]]:
        rect = QRectF(self.rect())
        if not self._slides:
            painter.fillRect(rect, self.slide_theme.window)
            return []
        face = self.face()
        self.timeline.first_page = self._page
        self.timeline.shown_range = face.shown_range
        return paint_slide(
            painter, face, rect, self.slide_theme, self.metrics(), self.timeline.paint
        )

    def _paint_offscreen(self) -> list[tuple[str, float]]:
        image = QImage(max(1, self.width()), max(1, self.height()), QImage.Format.Format_RGB32)
        painter = QPainter(image)
        try:
            drawn = self._paint(painter)
        finally:
            painter.end()
        if self._slides and self.current_slide.kind == DONE:
            drawn.append((self.held_button.text(), float(self.held_button.font().pixelSize())))
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


register(StandupWindow, accessible.StandupAccessible)
