"""Small helpers for user-visible text: Qt's translate applied to the domain's words."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QPalette

from renkei.domain.handoff_loss import Names
from renkei.domain.handoff_loss import describe as describe_finding
from renkei.domain.model import PRIORITY_LABELS, Priority, RiskFlag
from renkei.domain.risk import RiskReason, describe
from renkei.i18n import translate_marked
from renkei.i18n.words import (  # the card's words live with the card painter; here too
    FINDING_WORDS,
    date_text,
    due_text,
    finding_word,
    risk_word,
    risk_words,
    span_text,
)

__all__ = [
    "FINDING_WORDS",
    "date_text",
    "due_text",
    "finding_word",
    "risk_word",
    "risk_words",
    "span_text",
]


def risk_sentence(reason: RiskReason) -> str:
    """'Overdue: was due 3 day(s) ago.' in the user's language."""
    return describe(reason, translate_marked, date_text)


def local_time_text(at: datetime) -> str:
    """A stored time (naive UTC) as local wall-clock time: '2026-11-20 14:03'."""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


# Activity field names (store names and the names describe_activity gives them) → labels.
FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("Field", "Title"),
    "description": QT_TRANSLATE_NOOP("Field", "Description"),
    "status": QT_TRANSLATE_NOOP("Field", "Status"),
    "team": QT_TRANSLATE_NOOP("Field", "Team"),
    "owner": QT_TRANSLATE_NOOP("Field", "Owner"),
    "project": QT_TRANSLATE_NOOP("Field", "Project"),
    "priority": QT_TRANSLATE_NOOP("Field", "Priority"),
    "start": QT_TRANSLATE_NOOP("Field", "Start"),
    "due": QT_TRANSLATE_NOOP("Field", "Due date"),
    "progress": QT_TRANSLATE_NOOP("Field", "Progress"),
    "estimate_hours": QT_TRANSLATE_NOOP("Field", "Estimate"),
    "tags": QT_TRANSLATE_NOOP("Field", "Tags"),
    "depends_on": QT_TRANSLATE_NOOP("Field", "Depends on"),
    "archived": QT_TRANSLATE_NOOP("Field", "Archived"),
    "position": QT_TRANSLATE_NOOP("Field", "Position"),
    "flag": QT_TRANSLATE_NOOP("Field", "At-risk flag"),
    "created": QT_TRANSLATE_NOOP("Field", "Created"),
    "name": QT_TRANSLATE_NOOP("Field", "Name"),
    "role": QT_TRANSLATE_NOOP("Field", "Role"),
    "contact": QT_TRANSLATE_NOOP("Field", "Contact"),
}
_ID_FIELDS = {
    "status_id": "status",
    "team_id": "team",
    "owner_id": "owner",
    "project_id": "project",
}


def field_label(name: str) -> str:
    """The translated label of an activity field ('due' → 'Due date'); unknown names as is."""
    name = _ID_FIELDS.get(name, name)
    label = FIELD_LABELS.get(name)
    return QCoreApplication.translate("Field", label) if label else name


def muted_text_color(palette: QPalette) -> QColor:
    """Secondary text that stays readable (about 7:1 on the light window, never grey-on-grey)."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    mix = 0.68
    return QColor.fromRgbF(
        text.redF() * mix + window.redF() * (1 - mix),
        text.greenF() * mix + window.greenF() * (1 - mix),
        text.blueF() * mix + window.blueF() * (1 - mix),
    )


def value_text(board, name: str, value) -> str:
    """A field's value as a person reads it, for the conflict message."""
    if value is None or value == () or value == "":
        return QCoreApplication.translate("Values", "nothing")
    if name in ("status_id", "team_id", "owner_id", "project_id"):
        collection = {
            "status_id": board.statuses,
            "team_id": board.teams,
            "owner_id": board.people,
            "project_id": board.projects,
        }[name]
        item = collection.get(value)
        return item.name if item else f"#{value}"
    if isinstance(value, Priority):
        return QCoreApplication.translate("Priority", PRIORITY_LABELS[value])
    if isinstance(value, date):
        return date_text(value)
    if isinstance(value, RiskFlag):
        return value.reason
    if name == "depends_on":
        return ", ".join(board.tasks[i].title if i in board.tasks else f"#{i}" for i in value)
    if name == "tags":
        return ", ".join(value)
    if name == "progress":
        return f"{value}%"
    return str(value)


# -- handoffs ------------------------------------------------------------------------------


def board_names(board) -> Names:
    """Team and person names for the findings' sentences."""
    return Names(
        teams={t.id: t.name for t in board.teams.values()},
        people={p.id: p.name for p in board.people.values()},
    )


def finding_sentence(board, finding) -> str:
    """A finding's full sentence in the user's language, with names from the board."""
    return describe_finding(finding, board_names(board), translate_marked)
