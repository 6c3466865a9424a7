"""Dates in the words a team lead uses: "3 days late", "due tomorrow"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Translate, ValueRefused, arg, untranslated

DUE_TODAY = QT_TRANSLATE_NOOP("Dates", "due today")
DUE_TOMORROW = QT_TRANSLATE_NOOP("Dates", "due tomorrow")
DUE_IN_DAYS = QT_TRANSLATE_NOOP("Dates", "due in %1 days")
DUE_ON = QT_TRANSLATE_NOOP("Dates", "due %1")
ONE_DAY_LATE = QT_TRANSLATE_NOOP("Dates", "1 day late")
DAYS_LATE = QT_TRANSLATE_NOOP("Dates", "%1 days late")


def due_words(
    due: date | None,
    today: date,
    translate: Translate = untranslated,
    fmt: Callable[[date], str] | None = None,
) -> str:
    """Relative words within two weeks, the date itself beyond (fmt formats it)."""
    if due is None:
        return ""
    days = (due - today).days
    if days < -1:
        return arg(translate("Dates", DAYS_LATE), -days)
    if days == -1:
        return translate("Dates", ONE_DAY_LATE)
    if days == 0:
        return translate("Dates", DUE_TODAY)
    if days == 1:
        return translate("Dates", DUE_TOMORROW)
    if days <= 14:
        return arg(translate("Dates", DUE_IN_DAYS), days)
    text = fmt(due) if fmt else due.isoformat()
    return arg(translate("Dates", DUE_ON), text)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


NOT_A_DATE = QT_TRANSLATE_NOOP("Refusal", "not a date: %1 (use YYYY-MM-DD)")
NOT_IN_CALENDAR = QT_TRANSLATE_NOOP("Refusal", "not a date in the calendar: %1 (use YYYY-MM-DD)")


def parse_date(text: str) -> date:
    """YYYY-MM-DD only: the one spelling that reads the same in every locale
    (``date.fromisoformat`` alone would also take 20261128 and 2026-W48-1)."""
    raw = text.strip()
    if not _ISO_DATE.fullmatch(raw):
        raise ValueRefused(NOT_A_DATE, repr(text))
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValueRefused(NOT_IN_CALENDAR, repr(text)) from None
