"""The timeline's date header tiers (shared by the screen, the standup slide and the PDF):
which units show, which form of label each gets, and where it goes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from renkei.render.theme import FONT_FAMILY
from renkei.render.timeline_header import (
    Placed,
    TierStyle,
    months,
    place_units,
    tier_labels,
    weeks,
)

STYLE = TierStyle(height=23, pad=4, inset=5)


def metrics(app_font) -> QFontMetricsF:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(13)
    return QFontMetricsF(font)


def test_weeks_start_on_monday_and_months_on_the_first():
    first = date(2026, 12, 9).toordinal()  # a Wednesday
    found = list(weeks(first, first + 10))
    assert [date.fromordinal(s) for s, _, _ in found] == [date(2026, 12, 7), date(2026, 12, 14)]
    assert all(e - s == 7 for s, e, _ in found)
    spans = [(date.fromordinal(s), date.fromordinal(e)) for s, e, _ in months(first, first + 30)]
    assert spans == [(date(2026, 12, 1), date(2027, 1, 1)), (date(2027, 1, 1), date(2027, 2, 1))]


def test_units_cut_by_the_chart_edge_are_shown_but_not_whole():
    units = [(0, 10, ("a",)), (10, 20, ("b",)), (20, 30, ("c",)), (30, 40, ("d",))]
    shown = place_units(units, lambda day: day * 10.0, left=50, right=250)
    assert [(u.labels[0], u.whole) for u in shown] == [("a", False), ("b", True), ("c", False)]


def test_every_unit_takes_the_longest_form_that_fits_all_whole_units(app_font):
    m = metrics(app_font)
    labels = ("December 2026", "Dec 2026", "Dec")
    roomy = m.horizontalAdvance(labels[0]) + 2 * STYLE.pad + 1
    tight = m.horizontalAdvance(labels[1]) + 2 * STYLE.pad + 1
    units = [Placed(100, 100 + roomy, labels, True), Placed(100 + roomy, 100 + roomy + tight,
                                                              labels, True)]  # fmt: skip
    _, placed = tier_labels(units, 0, 2000, 0, m, STYLE)
    assert [text for _, text in placed] == ["Dec 2026", "Dec 2026"]
    _, placed = tier_labels(units[:1], 0, 2000, 0, m, STYLE)
    assert [text for _, text in placed] == ["December 2026"]
    box = placed[0][0]
    assert box.left() == 100 + STYLE.inset


def test_a_label_moves_beside_the_marker_it_would_cover(app_font):
    m = metrics(app_font)
    unit = Placed(100, 400, ("W50",), True)
    avoid = QRectF(103, 0, 40, 20)  # where the label would start
    _, placed = tier_labels([unit], 0, 2000, 0, m, STYLE, avoid)
    box = placed[0][0]
    assert box.left() == avoid.right() + STYLE.pad
    assert not box.adjusted(0, 0, -1, 0).intersects(avoid)


def test_crisp_edges_sit_on_pixel_centres_and_paper_edges_where_the_unit_starts(app_font):
    m = metrics(app_font)
    units = [Placed(100.3, 200.7, ("x",), True)]
    crisp = TierStyle(height=23, pad=4, inset=5, crisp=True)
    assert tier_labels(units, 0, 500, 0, m, crisp)[0] == [100.5]
    assert tier_labels(units, 0, 500, 0, m, STYLE)[0] == [100.3]
