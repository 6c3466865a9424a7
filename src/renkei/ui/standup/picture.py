"""One standup slide as a picture, with no window: ``renkei snapshot --view standup``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from renkei.app.standup import build_agenda
from renkei.render.slide_face import DONE, TEAM, TIMELINE
from renkei.render.slide_metrics import SlideMetrics, slide_body
from renkei.render.slide_paint import paint_slide
from renkei.render.slide_plan import team_has_more
from renkei.render.theme import SLIDE_THEMES
from renkei.ui.standup.faces import Clock, slide_face, with_title_names
from renkei.ui.standup.held_button import HeldButton
from renkei.ui.standup.slides import build_slides
from renkei.ui.standup.timeline_slide import TimelineSlide

SECONDS_PER_TEAM = 120  # the timer a picture shows, as a fresh presentation's


def render_slide(
    session,
    index: int,
    size: QSize | tuple[int, int],
    theme: str = "dark",
    order: Sequence[int] = (),
    since: datetime | None = None,
    page: int = 0,
) -> QImage:
    """Slide ``index`` at ``size`` in the slide theme ``theme`` (dark or light), as the
    presentation shows it when it reaches that slide and ↓ was pressed ``page`` times."""
    if isinstance(size, QSize):
        size = (size.width(), size.height())
    if theme not in SLIDE_THEMES:
        raise ValueError(f"unknown theme {theme!r}: dark or light")
    agenda = build_agenda(session, since, order)
    slides = with_title_names(
        build_slides(agenda, session.board, session.today(), session.forecasts()),
        (person.name for person in session.board.people.values()),
    )
    index = max(0, min(int(index), len(slides) - 1))
    slide = slides[index]
    face = slide_face(
        slide,
        agenda,
        number=index + 1,
        count=len(slides),
        clock=Clock(SECONDS_PER_TEAM),
        page=page,
    )
    rect = QRectF(0, 0, *size)
    m = SlideMetrics.for_size(*size)
    body = slide_body(rect, m)
    timeline = None
    if slide.kind == TIMELINE:
        timeline = TimelineSlide(session, SLIDE_THEMES[theme])
        timeline.show_tasks(session.board)
        timeline.first_page = page
        timeline.shown_range = face.shown_range
    image = QImage(*size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        paint_slide(
            painter, face, rect, SLIDE_THEMES[theme], m, timeline.paint if timeline else None
        )
        if slide.kind == DONE:
            button = HeldButton()
            button.set_theme(SLIDE_THEMES[theme])
            button.place(body, m)
            # Its rounded corners show the slide, as over the window.
            flags = QWidget.RenderFlag.DrawChildren
            button.render(painter, button.pos(), QRegion(), flags)
            button.deleteLater()
    finally:
        painter.end()
    return image


def slide_pages(
    session,
    size: QSize | tuple[int, int],
    order: Sequence[int] = (),
    since: datetime | None = None,
) -> list[int]:
    """How many pages (↓ presses plus one) each slide has at ``size``: what it takes to
    picture every line of a standup."""
    if isinstance(size, QSize):
        size = (size.width(), size.height())
    agenda = build_agenda(session, since, order)
    slides = with_title_names(
        build_slides(agenda, session.board, session.today(), session.forecasts()),
        (person.name for person in session.board.people.values()),
    )
    rect = QRectF(0, 0, *size)
    m = SlideMetrics.for_size(*size)
    body = slide_body(rect, m)
    counts = []
    for index, slide in enumerate(slides):
        pages = 1
        if slide.kind == TIMELINE:
            timeline = TimelineSlide(session)
            timeline.show_tasks(session.board)
            while timeline.has_more(body, m, pages - 1):
                pages += 1
        elif slide.kind == TEAM:
            clock = Clock(SECONDS_PER_TEAM)
            while True:
                face = slide_face(
                    slide, agenda, number=index + 1, count=len(slides), clock=clock, page=pages - 1
                )
                if not team_has_more(face, rect, m):
                    break
                pages += 1
        counts.append(pages)
    return counts
