"""The timeline's forecast markers: in each team's (or project's) group header, when its open
work is forecast done — a band from P50 to P85 ending in a flag — against its deadline (a
tick), in the warning colour when P85 lands after it, with the dates in words beside it.

The figures are the forecasts' own (``BoardReadModel.forecasts()``, renkei forecast, the
standup and the report read the same), only drawn."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from renkei.domain.forecast import Forecast
from renkei.i18n import arg
from renkei.i18n.words import date_text, tight_range_text
from renkei.render.theme import Theme
from renkei.render.timeline_geometry import ChartGeometry
from renkei.render.timeline_paint import TimelineFonts


@dataclass(frozen=True, slots=True)
class GroupForecast:
    """One group's forecast as the chart draws it: day ordinals and its words."""

    p50: int
    p85: int
    due: int | None
    late: bool
    words: str  # "Forecast: done 17–21 Dec · due 24 Dec"


def group_forecasts(
    forecasts: Iterable[Forecast], scope: str
) -> Mapping[int | None, GroupForecast]:
    """The forecasts of ``scope`` ("team" or "project") that have dates, by group key."""
    found: dict[int | None, GroupForecast] = {}
    for f in forecasts:
        if f.scope != scope or f.p50 is None or f.p85 is None:
            continue
        span = _day(f.p50) if f.p50 == f.p85 else tight_range_text(_day(f.p50), _day(f.p85))
        words = arg(QCoreApplication.translate("Timeline", "Forecast: done %1"), span)
        if f.due is not None:
            if f.late:
                state = QCoreApplication.translate("Timeline", "late")
            else:
                state = QCoreApplication.translate("Timeline", "in time")
            pattern = QCoreApplication.translate("Timeline", "%1 · due %2, %3")
            words = arg(pattern, words, _day(f.due), state)
        due = f.due.toordinal() if f.due is not None else None
        found[f.scope_id] = GroupForecast(
            f.p50.toordinal(), f.p85.toordinal(), due, f.late, words
        )
    return found


def _day(day: date) -> str:
    """A short date for the narrow header row: "17 Dec"; Japanese keeps its one date style,
    "12月17日(木)" (``date_text``), never "12/17"."""
    locale = QLocale()
    if locale.language() == QLocale.Language.Japanese:
        return date_text(day, day)  # no year, as "17 Dec" has none
    return locale.toString(QDate(day.year, day.month, day.day), "d MMM")


def paint_group_forecast(
    painter: QPainter,
    geo: ChartGeometry,
    top: float,
    forecast: GroupForecast,
    theme: Theme,
    fonts: TimelineFonts,
) -> None:
    """The marker in the group header row at ``top``."""
    ink = theme.late if forecast.late else theme.done
    mid = top + geo.row_height / 2
    left = geo.x_of(forecast.p50)
    right = geo.x_of(forecast.p85) + geo.ppd
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    band = QRectF(left, mid - 3, max(2.0, right - left), 6)
    painter.fillRect(band, ink)
    flag = QPen(ink, 2)
    painter.setPen(flag)
    painter.drawLine(QPointF(right, mid - 8), QPointF(right, mid + 8))
    end = right
    if forecast.due is not None:
        due_x = geo.x_of(forecast.due) + geo.ppd
        tick = QPen(theme.text, 2)
        tick.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(tick)
        painter.drawLine(QPointF(due_x, top + 3), QPointF(due_x, top + geo.row_height - 3))
        end = max(end, due_x)
    painter.setFont(fonts.small_bold if forecast.late else fonts.small)
    painter.setPen(ink if forecast.late else theme.muted)
    width = fonts.metrics(painter.font()).horizontalAdvance(forecast.words) + 4
    after = geo.width - (end + 8) - 4  # room after the marker, then before it
    before = left - 8 - (geo.label_width + 8)
    if width <= after or after >= before:
        words_left, room = end + 8, max(0.0, after)
    else:
        room = before
        words_left = left - 8 - min(width, room)
    words = fonts.metrics(painter.font()).elidedText(
        forecast.words, Qt.TextElideMode.ElideRight, room
    )
    painter.drawText(
        QRectF(words_left, top, room, geo.row_height), Qt.AlignmentFlag.AlignVCenter, words
    )
    painter.restore()
