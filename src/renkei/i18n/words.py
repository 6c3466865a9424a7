"""The words on a card and beside a bar, in the user's language: shared by the views, the
standup and the PDF report (which cannot reach up into the widgets)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from renkei.domain.dates import due_words
from renkei.domain.i18n import QT_TRANSLATE_NOOP, arg
from renkei.domain.risk import RiskReason, badge_word, badge_words


def translate_marked(context: str, text: str, n: int = -1) -> str:
    """Qt's translate for a text marked where it is written (``QT_TRANSLATE_NOOP``,
    ``Context.tr(text, "", PLURAL)``), such as the domain's rules' sentences, which take this
    as their ``translate``; ``n`` picks the plural form of a text with "%n" and fills it in.
    Never call it with a literal text: lupdate would not see it (write Qt's translate there)."""
    return QCoreApplication.translate(context, text, None, n)


def risk_word(reason: RiskReason) -> str:
    """The one word beside a risk icon: 'Late', 'Flagged'…"""
    return badge_word(reason, translate_marked)


def risk_words(reasons: Sequence[RiskReason]) -> str:
    """The badge of a task at risk: the words of its two most serious reasons, 'Late · Stale'."""
    return badge_words(reasons, translate_marked)


def date_text(day: date, today: date | None = None) -> str:
    """A date a person reads at a glance: "Sun 13 Dec" / "12月13日(日)", with the year only
    when it is not this year. (Qt's short formats give "13 12 2026" or "12/13/26".)"""
    locale = QLocale()
    qdate = QDate(day.year, day.month, day.day)
    same_year = day.year == (today or date.today()).year
    if locale.language() == QLocale.Language.Japanese:
        pattern = "M月d日(ddd)" if same_year else "yyyy年M月d日(ddd)"
    else:
        pattern = "ddd d MMM" if same_year else "d MMM yyyy"
    return locale.toString(qdate, pattern)


def due_text(due: date | None, today: date) -> str:
    """'due tomorrow', '3 days late', or 'due <date>' beyond two weeks; '' without a date."""
    return due_words(due, today, translate_marked, date_text)


FINDING_WORDS = {
    "dropped": QT_TRANSLATE_NOOP("Handoffs", "Dropped"),
    "incomplete_at_send": QT_TRANSLATE_NOOP("Handoffs", "Sent incomplete"),
    "lost_in_transit": QT_TRANSLATE_NOOP("Handoffs", "Info lost"),
    "lost_downstream": QT_TRANSLATE_NOOP("Handoffs", "Info lost"),
    "bounced": QT_TRANSLATE_NOOP("Handoffs", "Bounced"),
    "silent_handoff": QT_TRANSLATE_NOOP("Handoffs", "No handoff"),
    "stalled": QT_TRANSLATE_NOOP("Handoffs", "Stalled"),
}


def finding_word(kind: str) -> str:
    """The word on a card's finding badge: 'Info lost', 'Dropped'…"""
    word = FINDING_WORDS.get(kind)
    return QCoreApplication.translate("Handoffs", word) if word else kind


def span_text(span: timedelta) -> str:
    """A short duration for a badge: '12 min', '3 h', '2 d'."""
    minutes = max(0, int(span.total_seconds() // 60))
    if minutes < 60:
        return arg(QCoreApplication.translate("Handoffs", "%1 min"), max(1, minutes))
    if minutes < 24 * 60:
        return arg(QCoreApplication.translate("Handoffs", "%1 h"), minutes // 60)
    return arg(QCoreApplication.translate("Handoffs", "%1 d"), minutes // (24 * 60))
