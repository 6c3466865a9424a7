"""The words on a card and beside a bar, in the user's language: shared by the views, the
standup and the PDF report (which cannot reach up into the widgets)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from renkei.domain.dates import due_words
from renkei.domain.durations import duration_text
from renkei.domain.handoff import item_label, reason_label
from renkei.domain.i18n import QT_TRANSLATE_NOOP, arg, told
from renkei.domain.i18n import join_list as domain_join_list
from renkei.domain.risk import RiskReason, badge_word, badge_words


def translate_marked(context: str, text: str, n: int = -1) -> str:
    """Qt's translate for a text marked where it is written (``QT_TRANSLATE_NOOP``,
    ``Context.tr(text, "", PLURAL)``), such as the domain's rules' sentences, which take this
    as their ``translate``; ``n`` picks the plural form of a text with "%n" and fills it in.
    Never call it with a literal text: lupdate would not see it (write Qt's translate there)."""
    return QCoreApplication.translate(context, text, None, n)


def error_text(error: BaseException) -> str:
    """What a refused edit or a storage problem says to the person, in their language (the
    error's marked sentence, ``renkei.domain.i18n.Sentence``; any other error as it is)."""
    return told(error, translate_marked)


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


def date_range_text(first: date, last: date, today: date | None = None) -> str:
    """Two dates as a span: "Tue 8 Dec – Sun 20 Dec" / "12月8日(火)〜12月20日(日)" (Japanese
    writes a range with 〜 and no spaces); the same day once."""
    if first == last:
        return date_text(first, today)
    return arg(
        QCoreApplication.translate("Words", "%1 – %2"),
        date_text(first, today),
        date_text(last, today),
    )


def moment_words(at: datetime) -> str:
    """A local wall-clock time as a person reads it: "2026-11-20 14:03" in English (a log's
    sortable stamp), "11月20日(金) 14:03" in Japanese (its one date style)."""
    if QLocale().language() == QLocale.Language.Japanese:
        return f"{date_text(at.date())} {at.strftime('%H:%M')}"
    return at.strftime("%Y-%m-%d %H:%M")


def tight_range_text(first: str, last: str) -> str:
    """Two dates already written, as a span in a narrow place: "17 Dec–21 Dec" (an en dash,
    no spaces) / "12月17日(木)〜12月21日(月)"."""
    return arg(QCoreApplication.translate("Words", "%1–%2"), first, last)


def join_list(items: Sequence[str]) -> str:
    """Items as the language lists them: "Budget, Need" / "予算、ニーズ"."""
    return domain_join_list(items, translate_marked)


def parts_text(parts: Sequence[str | None]) -> str:
    """The parts of one line of facts: "Inside Sales · To do · Yuki Tanaka" in English;
    Japanese, which has no "·", sets them apart with ／ (a full-width slash)."""
    return QCoreApplication.translate("Words", " · ").join(p for p in parts if p)


def wide_parts_text(parts: Sequence[str | None]) -> str:
    """``parts_text`` with more air, for a line that holds whole phrases:
    "Broke at hop 2: …  ·  lost: Budget" / "…／抜け漏れ：予算"."""
    return QCoreApplication.translate("Words", "  ·  ").join(p for p in parts if p)


def times_text(label: str, count: int) -> str:
    """How often an item was lost: "Budget ×2" / "予算×2" (no space in Japanese)."""
    return arg(QCoreApplication.translate("Words", "%1 ×%2"), label, count)


def label_text(label: str, value: str) -> str:
    """A label and its value: "Lost: Budget" / "抜け漏れ：予算" (a full-width colon, no space)."""
    return arg(QCoreApplication.translate("Words", "%1: %2"), label, value)


def aside_text(text: str, aside: str) -> str:
    """A name and a note about it: "Aiko Mori — Manager, Field Sales" in English;
    "森 愛子（マネージャー、フィールドセールス）" in Japanese, which has no "—"."""
    pattern = QCoreApplication.translate("Words", "%1 — %2", "a name and a note on it")
    return arg(pattern, text, aside)


def headed_text(word: str, sentence: str) -> str:
    """A word and the sentence that explains it: "Dependency — Waits for “Brief”" /
    "依存：「ブリーフ」の完了待ち" (a full-width colon)."""
    pattern = QCoreApplication.translate("Words", "%1 — %2", "a word and the sentence on it")
    return arg(pattern, word, sentence)


def then_text(first: str, second: str) -> str:
    """Two clauses of one line: "Marketing: done by Tue 22 Dec — due Thu 24 Dec…" in English;
    Japanese, which has no "—", sets them apart with a full-width space."""
    pattern = QCoreApplication.translate("Words", "%1 — %2", "two clauses of a line")
    return arg(pattern, first, second)


def paren_text(text: str, note: str) -> str:
    """A remark in parentheses: "Tue 8 Dec – Sun 20 Dec (13 days)" / "…（13日間）" (full-width
    parentheses, no space, in Japanese)."""
    return arg(QCoreApplication.translate("Words", "%1 (%2)"), text, note)


def quoted(text: str) -> str:
    """A title quoted: "“Webinar follow-up”" / "「ウェビナーのフォロー」"."""
    return arg(QCoreApplication.translate("Words", "“%1”"), text)


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


def bounce_word(state: str, reason: str, missing: Sequence[str] = ()) -> str:
    """A handoff sent back, as the standup and the report say it: 'Returned: missing Budget',
    'Returned: Wrong team', 'Rejected: No budget'."""
    if state == "rejected":
        return arg(
            QCoreApplication.translate("Handoffs", "Rejected: %1"),
            reason_label(reason, translate_marked),
        )
    if missing:
        items = join_list([item_label(i, translate_marked) for i in missing])
        return arg(QCoreApplication.translate("Handoffs", "Returned: missing %1"), items)
    return arg(
        QCoreApplication.translate("Handoffs", "Returned: %1"),
        reason_label(reason, translate_marked),
    )


def span_text(span: timedelta) -> str:
    """A short duration for a badge, a median, a wait: '40 min', '1.2 h', '2.5 d' — the one
    format of ``renkei.domain.durations`` that the CLI and the report use too."""
    return duration_text(span, translate_marked)
