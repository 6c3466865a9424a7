"""A forecast in one line of the reader's language, for the standup overview and the report's
cover: "Marketing: done by Tue 22 Dec (P85) — due Thu 24 Dec, 98% on time"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from renkei.domain.forecast import Forecast
from renkei.i18n import arg, translate_marked
from renkei.i18n.words import date_text, label_text, then_text


@dataclass(frozen=True, slots=True)
class ForecastLine:
    """One scope's forecast in words; ``late`` (P85 after the due date) says so in ``text``
    too, so it never rests on colour alone."""

    text: str
    late: bool


def forecast_line(f: Forecast, today: date, with_name: bool = True) -> ForecastLine:
    when, against = forecast_parts(f, today)
    text = label_text(f.name, when) if with_name else when
    if against:
        text = then_text(text, against)
    return ForecastLine(text, f.late)


def forecast_parts(f: Forecast, today: date) -> tuple[str, str]:
    """The two halves of ``forecast_line`` for a place that sets them on lines of their own
    (the report's health table): when it will likely be done, and how that stands against
    the deadline ("" without a deadline or odds)."""

    def day(value: date) -> str:
        return date_text(value, today)

    if f.remaining == 0:
        when = QCoreApplication.translate("Forecast", "nothing open")
    elif f.p50 is None or f.p85 is None:
        when = f.words(translate_marked)
    else:
        when = arg(
            QCoreApplication.translate("Forecast", "likely done %1, by %2 at the latest (P85)"),
            day(f.p50),
            day(f.p85),
        )
    if f.due is None or f.on_time_probability is None:
        return when, ""
    odds = round(f.on_time_probability * 100)
    if f.late:
        against = QCoreApplication.translate("Forecast", "Late: due %1, %2% chance on time")
    else:
        against = QCoreApplication.translate("Forecast", "due %1, %2% chance on time")
    return when, arg(against, day(f.due), odds)
