"""How long something took or has waited, said one way everywhere: the Handoffs tab, the cards,
the standup, the PDF report and the CLI all call ``duration_text`` (medians of handoff waits,
how long a handoff has waited), so they never disagree ("1.2 h" on screen, "1 hour" on paper).

Two figures at most: under an hour in whole minutes ("40 min"), under ten hours with one
decimal ("1.2 h", "3 h"), under two days in whole hours ("14 h"), beyond in days with one
decimal ("2.5 d"). Japanese: "40分", "1.2時間", "14時間", "2.5日"."""

from __future__ import annotations

from datetime import timedelta

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Translate, arg, untranslated

MINUTES = QT_TRANSLATE_NOOP("Handoffs", "%1 min")
HOURS = QT_TRANSLATE_NOOP("Handoffs", "%1 h")
DAYS = QT_TRANSLATE_NOOP("Handoffs", "%1 d")


def _one_decimal(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def duration_text(span: timedelta, translate: Translate = untranslated) -> str:
    """'40 min', '1.2 h', '14 h', '2.5 d' (``translate``: Qt's in the app, English by default)."""
    minutes = max(0.0, span.total_seconds() / 60)
    if minutes < 59.5:
        return arg(translate("Handoffs", MINUTES), max(1, round(minutes)))
    hours = minutes / 60
    if round(hours, 1) < 10:
        return arg(translate("Handoffs", HOURS), _one_decimal(hours))
    if round(hours) < 48:
        return arg(translate("Handoffs", HOURS), round(hours))
    return arg(translate("Handoffs", DAYS), _one_decimal(hours / 24))
