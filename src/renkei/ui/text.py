"""Small helpers for user-visible text: Qt's translate applied to the domain's words."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from renkei.domain.handoff_loss import Names
from renkei.domain.handoff_loss import describe as describe_finding
from renkei.domain.risk import RiskReason, describe
from renkei.i18n import translate_marked
from renkei.i18n.history import domain_value_words, field_label, local_time_text
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
    "field_label",
    "finding_word",
    "local_time_text",
    "risk_word",
    "risk_words",
    "span_text",
]


def risk_sentence(reason: RiskReason) -> str:
    """'Overdue: was due 3 day(s) ago.' in the user's language."""
    return describe(reason, translate_marked, date_text)


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
    """A field's value (as a command carries it) as a person reads it: the history's words."""
    return domain_value_words(board, name, value)


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
