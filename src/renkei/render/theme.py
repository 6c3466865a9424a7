"""Colours and metrics shared by the views and the PDF. The risk colours come from the
Okabe–Ito palette, which stays distinct for colour-blind readers; meaning is always
carried by an icon and a word as well."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

FONT_FAMILY = "Renkei Sans JP"


@dataclass(frozen=True)
class Theme:
    window: QColor
    column: QColor
    column_over_limit: QColor
    lane_header: QColor
    card: QColor
    card_done: QColor
    card_border: QColor
    selection: QColor
    text: QColor
    muted: QColor
    late: QColor
    risk: QColor
    blocked: QColor
    handoff: QColor
    lost: QColor
    done: QColor
    progress: QColor
    progress_track: QColor
    team_colours: tuple[QColor, ...]


LIGHT = Theme(
    window=QColor("#eef0f3"),
    column=QColor("#e3e6eb"),
    column_over_limit=QColor("#f6e3d3"),
    lane_header=QColor("#d5dae1"),
    card=QColor("#ffffff"),
    card_done=QColor("#f4f6f4"),
    card_border=QColor("#c4cad3"),
    selection=QColor("#0072b2"),
    text=QColor("#1d2330"),
    muted=QColor("#545d6b"),
    late=QColor("#b8460b"),  # Okabe–Ito vermillion, darkened for text contrast on white
    risk=QColor("#a66a00"),  # Okabe–Ito orange, darkened likewise
    blocked=QColor("#6b3f8f"),  # reddish purple family
    handoff=QColor("#0072b2"),  # Okabe–Ito blue: waiting on the other team
    lost=QColor("#a0306b"),  # Okabe–Ito reddish purple, darkened: a finding
    done=QColor("#00795a"),  # bluish green
    progress=QColor("#0072b2"),
    progress_track=QColor("#dfe3e8"),
    team_colours=(
        QColor("#e69f00"),
        QColor("#56b4e9"),
        QColor("#009e73"),
        QColor("#cc79a7"),
        QColor("#0072b2"),
        QColor("#d55e00"),
        QColor("#f0e442"),
        QColor("#999999"),
    ),
)
