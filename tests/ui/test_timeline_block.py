"""The timeline painted into any rectangle (the standup slide's way): the same picture as
the screen's timeline view, and the same row painter as the PDF."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from renkei.render.bar_face import BarTone
from renkei.render.theme import DARK, FONT_FAMILY, LIGHT
from renkei.render.timeline_block import paint_timeline_block
from renkei.ui.timeline.view import TimelineView, Zoom


def open_ids(session) -> list[int]:
    board = session.board
    done = board.done_status_ids()
    return [t.id for t in board.tasks.values() if not t.archived and t.status_id not in done]


def blank(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff00ff"))
    return image


def test_a_block_is_the_views_picture_scaled(qtbot, demo_session, app_font):
    """Laid out at 14 px, week zoom, today a third across, magnified: what the view draws."""
    view = TimelineView(demo_session)
    view.fixed_theme = LIGHT
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    font = QFont(FONT_FAMILY)
    font.setPixelSize(14)
    view.setFont(font)
    qtbot.addWidget(view)
    view.set_zoom(Zoom.WEEK)
    ids = open_ids(demo_session)
    view.set_tasks(ids)
    view.resize(700, 420)
    view.show()
    view.go_to_today()
    viewport = view.viewport()
    scale = 1.5
    width, height = round(viewport.width() * scale), round(viewport.height() * scale)

    expected = blank(width, height)
    painter = QPainter(expected)
    painter.scale(scale, scale)
    viewport.render(painter, QPoint(0, 0))
    painter.end()

    painted = blank(width, height)
    painter = QPainter(painted)
    paint_timeline_block(painter, QRectF(0, 0, width, height), demo_session, ids, scale=scale)
    painter.end()

    same = sum(
        expected.pixel(x, y) == painted.pixel(x, y)
        for y in range(0, height, 2)
        for x in range(0, width, 2)
    )
    assert same / ((height + 1) // 2 * ((width + 1) // 2)) > 0.995


def test_a_block_stays_inside_its_rectangle_and_takes_the_theme(qtbot, demo_session, app_font):
    image = blank(900, 500)
    painter = QPainter(image)
    rect = QRectF(100, 50, 600, 300)
    paint_timeline_block(painter, rect, demo_session, open_ids(demo_session), theme=DARK)
    painter.end()
    # Everything around the rectangle is as it was: no row, label or line spills out of it.
    magenta = QColor("#ff00ff").rgb()
    outside = [
        (x, y)
        for y in range(0, 500, 4)
        for x in range(0, 900, 4)
        if not rect.adjusted(-1, -1, 1, 1).contains(x, y) and image.pixel(x, y) != magenta
    ]
    assert outside == []
    inside = [image.pixelColor(x, 340).name() for x in range(110, 690, 5)]
    assert DARK.card.name() in inside or DARK.weekend.name() in inside
    assert LIGHT.card.name() not in inside


def test_block_rows_are_the_faces_of_the_open_work(demo_session):
    """The rows come from BarFaces: none of the open tasks is painted as finished."""
    from renkei.render.timeline_chart import FaceCache
    from renkei.render.timeline_rows import build_rows, team_groups

    board = demo_session.board
    layout = build_rows(board, open_ids(demo_session), "team_id", team_groups(board))
    faces = FaceCache(demo_session, layout)
    tones = {faces(i).tone for i in layout.row_of}
    assert BarTone.DONE not in tones
    assert {BarTone.TEAM, BarTone.LATE} <= tones
