"""The slide painter draws a face it is given: every word in the face, nothing under 20 px,
"+N more" when a section does not fit, and the slide theme's colours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from renkei.render.slide_face import TEAM, TIMELINE, Line, Section, SlideFace, Timer
from renkei.render.slide_metrics import MIN_PX, SlideMetrics, slide_body
from renkei.render.slide_paint import fit_lines, paint_slide
from renkei.render.theme import SLIDE_DARK, SLIDE_LIGHT


def team_face(lines: int) -> SlideFace:
    section = Section(
        "changes",
        "Since last standup",
        tuple(Line(f"Task {n}", "New", "Yuki Tanaka", "new", "accent") for n in range(lines)),
    )
    return SlideFace(
        kind=TEAM,
        title="Marketing",
        subtitle="Team 1 of 4",
        hints="← → next",
        counter="1 / 7",
        more="+%1 more",
        timer=Timer("2:00 left", "clock", "text"),
        columns=((section,),),
    )


def paint(face: SlideFace, size=(1280, 720), theme=SLIDE_DARK, timeline=None):
    image = QImage(*size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        rect = QRectF(0, 0, *size)
        drawn = paint_slide(painter, face, rect, theme, SlideMetrics.for_size(*size), timeline)
    finally:
        painter.end()
    return image, drawn


def colours(image: QImage, x: int, y: int, w: int, h: int) -> set[str]:
    return {image.pixelColor(i, j).name() for i in range(x, x + w) for j in range(y, y + h)}


def test_a_section_that_fits_shows_every_line(app_font):
    _, drawn = paint(team_face(3))
    texts = [t for t, _ in drawn]
    assert [t for t in texts if t.startswith("Task")] == ["Task 0", "Task 1", "Task 2"]
    assert "Since last standup  (3)" in texts and "2:00 left" in texts and "1 / 7" in texts
    assert not any(t.endswith("more") for t in texts)
    assert min(px for _, px in drawn) >= MIN_PX


def test_a_section_that_does_not_fit_says_how_many_more(app_font):
    face = team_face(30)
    _, drawn = paint(face)
    m = SlideMetrics.for_size(1280, 720)
    shown = fit_lines(face.columns[0], slide_body(QRectF(0, 0, 1280, 720), m).height(), m)[0]
    assert 0 < shown < 30
    texts = [t for t, _ in drawn]
    assert len([t for t in texts if t.startswith("Task")]) == shown
    assert f"+{30 - shown} more" in texts


@pytest.mark.parametrize("theme", [SLIDE_DARK, SLIDE_LIGHT])
def test_the_slide_and_its_panels_take_the_themes_colours(app_font, theme):
    image, _ = paint(team_face(1), theme=theme)
    assert colours(image, 0, 700, 12, 20) == {theme.window.name()}  # under the footer
    assert colours(image, 200, 2, 40, 8) == {theme.card.name()}  # the header's panel
    assert colours(image, 0, 2, 6, 8) == {theme.selection.name()}  # its accent bar


def test_the_timeline_slide_frames_what_the_caller_draws(app_font):
    """The painter hands the body to the timeline's own painter and keeps its smallest size."""
    bodies = []

    def timeline(painter, body, m):
        bodies.append(body)
        painter.fillRect(body, SLIDE_LIGHT.window)
        return 24.0

    face = SlideFace(TIMELINE, "Timeline", "The weeks around today", "← → next", "6 / 7", "")
    image, drawn = paint(face, timeline=timeline)
    assert bodies == [slide_body(QRectF(0, 0, 1280, 720), SlideMetrics.for_size(1280, 720))]
    assert ("", 24.0) in drawn
    middle = bodies[0].center()
    assert colours(image, int(middle.x()), int(middle.y()), 10, 10) == {"#ffffff"}
