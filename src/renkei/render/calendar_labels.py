"""The words of a timeline's date header, shared by the screen and the paper timeline.

Each function gives a cell's label in several lengths, longest first; the painter takes the
first that fits the cell. Japanese uses its own order (2026年12月, 13(日)), other languages
the locale's month and day names.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from renkei.i18n import arg


def japanese() -> bool:
    return QLocale().language() == QLocale.Language.Japanese


def month_name(month: int, long: bool) -> str:
    form = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().standaloneMonthName(month, form)


def month_labels(d: date, with_year: bool = True) -> tuple[str, ...]:
    """A month: "December 2026", "Dec 2026", "Dec", "D" / "2026年12月", "12月"."""
    if japanese():
        return (f"{d.year}年{d.month}月", f"{d.month}月") if with_year else (f"{d.month}月",)
    long_name, short = month_name(d.month, True), month_name(d.month, False)
    if with_year:
        return (f"{long_name} {d.year}", f"{short} {d.year}", short, short[:1])
    return (long_name, short, short[:1])


def day_labels(d: date) -> tuple[str, ...]:
    """A day: "Sun 13", "13" / "13(日)", "13"."""
    weekday = QLocale().standaloneDayName(d.isoweekday(), QLocale.FormatType.ShortFormat)
    if japanese():
        return (f"{d.day}({weekday})", str(d.day))
    return (f"{weekday} {d.day}", str(d.day))


def week_labels(monday: date) -> tuple[str, ...]:
    """An ISO week by its Monday: "W50 · 7 Dec", "W50", "50" / "第50週・12月7日(月)",
    "第50週・12月7日", "第50週", "50" (the app's one date style, never "12/7")."""
    week = monday.isocalendar().week
    short = arg(QCoreApplication.translate("Timeline", "W%1"), str(week))
    if japanese():
        weekday = QLocale().standaloneDayName(monday.isoweekday(), QLocale.FormatType.ShortFormat)
        day = f"{monday.month}月{monday.day}日"
        return (f"{short}・{day}({weekday})", f"{short}・{day}", short, str(week))
    when = f"{monday.day} {month_name(monday.month, False)}"
    return (f"{short} · {when}", short, str(week))
