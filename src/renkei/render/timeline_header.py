"""A timeline's date header: the calendar units of each tier (months above weeks or days,
quarters or years above months), which label each unit gets, and the tier painted. Shared by
the screen timeline, the standup slide and the PDF's timeline pages.

Every unit of a tier gets the same form of label: the longest form that fits every unit
wholly in view; a unit cut by the chart's edge falls back to shorter forms and keeps its
label in view. Labels never overlap one another (each stays inside its unit) nor a marker
to ``avoid`` (the screen's Today box: the label moves beside it, or is left out)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from renkei.render.calendar_labels import day_labels, japanese, month_labels, week_labels
from renkei.render.theme import Theme

Unit = tuple[int, int, tuple[str, ...]]  # first day's ordinal, the day after, labels long→short


def months(first_day: int, last_day: int, with_year: bool = True) -> Iterator[Unit]:
    """Every month touching [first_day, last_day]."""
    d = date.fromordinal(first_day).replace(day=1)
    while d.toordinal() <= last_day:
        following = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        yield d.toordinal(), following.toordinal(), month_labels(d, with_year)
        d = following


def quarters(first_day: int, last_day: int) -> Iterator[Unit]:
    start = date.fromordinal(first_day)
    d = date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    while d.toordinal() <= last_day:
        following = date(d.year + (d.month == 10), (d.month + 2) % 12 + 1, 1)
        quarter = (d.month - 1) // 3 + 1
        labels: tuple[str, ...]
        if japanese():
            labels = (f"{d.year}年 第{quarter}四半期", f"{d.year}年Q{quarter}", f"Q{quarter}")
        else:
            labels = (f"Q{quarter} {d.year}", f"Q{quarter}")
        yield d.toordinal(), following.toordinal(), labels
        d = following


def years(first_day: int, last_day: int) -> Iterator[Unit]:
    year = date.fromordinal(first_day).year
    while date(year, 1, 1).toordinal() <= last_day:
        label = f"{year}年" if japanese() else str(year)
        yield date(year, 1, 1).toordinal(), date(year + 1, 1, 1).toordinal(), (label,)
        year += 1


def weeks(first_day: int, last_day: int) -> Iterator[Unit]:
    """Every ISO week (from its Monday) touching [first_day, last_day]."""
    monday = first_day - date.fromordinal(first_day).weekday()
    for w in range(monday, last_day + 1, 7):
        yield w, w + 7, week_labels(date.fromordinal(w))


def days(first_day: int, last_day: int) -> Iterator[Unit]:
    for d in range(first_day, last_day + 1):
        yield d, d + 1, day_labels(date.fromordinal(d))


@dataclass(frozen=True, slots=True)
class TierStyle:
    """A tier's spacing: ``pad`` is kept clear at both ends of a unit for its label to fit;
    ``inset`` is where a left-aligned label starts; ``centre``: labels centred in their unit
    (single days); ``crisp``: edges on whole pixels (the screen)."""

    height: float
    pad: float
    inset: float
    centre: bool = False
    crisp: bool = False


@dataclass(frozen=True, slots=True)
class Placed:
    x0: float  # the unit's edges
    x1: float
    labels: tuple[str, ...]
    whole: bool  # not cut by the chart's edges (decides the label form for all)


def place_units(
    units: Sequence[Unit], x_of, left: float, right: float
) -> list[Placed]:
    """The units whose days show between x ``left`` and ``right``, at their x."""
    shown = []
    for s, e, labels in units:
        x0, x1 = x_of(s), x_of(e)
        if x1 > left and x0 < right:
            shown.append(Placed(x0, x1, labels, x0 >= left and x1 <= right))
    return shown


def tier_labels(
    shown: Sequence[Placed],
    left: float,
    right: float,
    top: float,
    metrics: QFontMetricsF,
    style: TierStyle,
    avoid: QRectF | None = None,
) -> tuple[list[float], list[tuple[QRectF, str]]]:
    """One tier's unit edges and labels (box, text) between x ``left`` and ``right``."""
    if not shown:
        return [], []
    whole = [u for u in shown if u.whole] or list(shown)
    forms = min(len(u.labels) for u in shown)
    level = 0
    while level < forms - 1 and any(
        metrics.horizontalAdvance(u.labels[level]) > u.x1 - u.x0 - 2 * style.pad for u in whole
    ):
        level += 1
    edges: list[float] = []
    placed: list[tuple[QRectF, str]] = []
    for unit in shown:
        edges.append(round(unit.x0) + 0.5 if style.crisp else unit.x0)
        visible_left, visible_right = max(unit.x0, left), min(unit.x1, right)
        for label in unit.labels[level:]:
            text_left = _label_left(
                metrics, label, unit, visible_left, visible_right, style, avoid
            )
            if text_left is not None:
                text_width = metrics.horizontalAdvance(label)
                placed.append((QRectF(text_left, top, text_width + 1, style.height), label))
                break
    return edges, placed


def _label_left(
    metrics: QFontMetricsF,
    label: str,
    unit: Placed,
    left: float,
    right: float,
    style: TierStyle,
    avoid: QRectF | None,
) -> float | None:
    """Where a label starts inside the visible part [left, right] of its unit, clear of
    ``avoid``; None when it does not fit."""
    text_width = metrics.horizontalAdvance(label)
    pad = style.pad
    if text_width > right - left - 2 * pad:
        return None
    if style.centre:
        text_left = max(left + pad, min((unit.x0 + unit.x1 - text_width) / 2,
                                         right - pad - text_width))  # fmt: skip
    else:
        text_left = left + style.inset
    if avoid is None or not (
        text_left - 3 < avoid.right() and text_left + text_width + 3 > avoid.left()
    ):
        return text_left
    if avoid.right() + pad + text_width <= right - pad:
        return avoid.right() + pad
    if avoid.left() - pad - text_width >= left + pad:
        return avoid.left() - pad - text_width
    return None


def paint_tier(
    painter: QPainter,
    edges: Sequence[float],
    labels: Sequence[tuple[QRectF, str]],
    top: float,
    style: TierStyle,
    font: QFont,
    theme: Theme,
    line_width: float,
) -> None:
    """The unit edges (the header's strong grid colour) and their labels."""
    painter.setPen(QPen(theme.grid_strong, line_width))
    for x in edges:
        painter.drawLine(QPointF(x, top), QPointF(x, top + style.height))
    painter.setFont(font)
    painter.setPen(theme.text)
    for box, text in labels:
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, text)
