"""Colours and metrics shared by the views and the PDF. The risk colours come from the
Okabe–Ito palette, which stays distinct for colour-blind readers; meaning is always
carried by an icon and a word as well.

Three themes: LIGHT (also the PDF's, always), DARK and HIGH_CONTRAST (black, white and
yellow, strong borders, text at 7:1 or more: WCAG AAA). The painted views read
``current()`` when they paint; ``renkei.ui.themes`` sets it with the Qt palette."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtGui import QColor

# The bundled faces (resources/fonts, registered by render.fonts): a Latin face named first,
# so English reads in a Latin font ("…" on the baseline, real quotes), and the Japanese face
# behind it for everything the Latin one lacks. Code names FONT_FAMILY; Qt goes on to the
# Japanese face through a font substitution, before any font of the machine's.
LATIN_FONT_FAMILY = "Renkei Sans Latin"
JP_FONT_FAMILY = "Renkei Sans JP"
FONT_FAMILIES = (LATIN_FONT_FAMILY, JP_FONT_FAMILY)
FONT_FAMILY = LATIN_FONT_FAMILY


def _colour(*spec):
    return field(default_factory=lambda: QColor(*spec))


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
    # Added with the dark and high-contrast themes; LIGHT keeps the colours it always had.
    name: str = "light"
    badge_ink: QColor = _colour("#ffffff")  # icon and word on a filled badge
    border_width: float = 1.0  # cards, columns' and lanes' edges
    column_border: QColor | None = None  # None: columns have no edge (fill only)
    grid: QColor = _colour("#e6e9ee")  # the timeline's day lines
    grid_strong: QColor = _colour("#b9c0ca")  # week lines, header and label edges
    weekend: QColor = _colour("#eef0f3")
    header: QColor = _colour("#e3e6eb")  # the timeline's date header
    highlight: QColor = _colour(0, 114, 178, 44)  # a current row, a drop target
    hover: QColor = _colour(0, 114, 178, 22)
    critical: QColor = _colour("#111111")  # the critical path's outline
    label_back: QColor = _colour(255, 255, 255, 210)  # under words drawn across grid lines
    no_team: QColor = _colour("#8a96a8")  # a timeline bar of a task without a team

    @property
    def dark(self) -> bool:
        return self.window.lightness() < 128


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


DARK = Theme(
    name="dark",
    window=QColor("#15191e"),
    column=QColor("#1f252c"),
    column_over_limit=QColor("#3d2b1e"),
    lane_header=QColor("#2b323b"),
    card=QColor("#262d36"),
    card_done=QColor("#1f252c"),
    card_border=QColor("#4a5563"),
    selection=QColor("#56b4e9"),
    text=QColor("#eef1f5"),
    muted=QColor("#b4bdc9"),
    # Light tints of the same hues: readable as text on the dark cards, and filled badges
    # carry dark ink (badge_ink) instead of white.
    late=QColor("#ff9b6b"),
    risk=QColor("#ffc74d"),
    blocked=QColor("#dbb0ff"),
    handoff=QColor("#7cc8ff"),
    lost=QColor("#ff8fc8"),
    done=QColor("#4fe0a8"),
    progress=QColor("#56b4e9"),
    progress_track=QColor("#3a434f"),
    team_colours=LIGHT.team_colours,
    badge_ink=QColor("#111418"),
    grid=QColor("#2c333c"),
    grid_strong=QColor("#4a5563"),
    weekend=QColor("#1b2026"),
    header=QColor("#1f252c"),
    highlight=QColor(86, 180, 233, 60),
    hover=QColor(86, 180, 233, 30),
    critical=QColor("#ffffff"),
    label_back=QColor(38, 45, 54, 220),
)

HIGH_CONTRAST = Theme(
    name="high_contrast",
    window=QColor("#000000"),
    column=QColor("#000000"),
    column_over_limit=QColor("#2b1a00"),
    lane_header=QColor("#000000"),
    card=QColor("#000000"),
    card_done=QColor("#000000"),
    card_border=QColor("#ffffff"),
    selection=QColor("#ffff00"),
    text=QColor("#ffffff"),
    muted=QColor("#e6e6e6"),  # 17:1 on black: "muted" only by name
    # Every colour below is at least 7:1 on black, as text and as a badge behind black ink.
    late=QColor("#ff9e80"),
    risk=QColor("#ffd600"),
    blocked=QColor("#e0b8ff"),
    handoff=QColor("#80d8ff"),
    lost=QColor("#ffa8d8"),
    done=QColor("#69f0ae"),
    progress=QColor("#ffff00"),
    progress_track=QColor("#5c5c5c"),
    team_colours=(
        QColor("#ffb000"),
        QColor("#80d8ff"),
        QColor("#69f0ae"),
        QColor("#ffa8d8"),
        QColor("#ffffff"),
        QColor("#ff9e80"),
        QColor("#ffff00"),
        QColor("#c0c0c0"),
    ),
    badge_ink=QColor("#000000"),
    border_width=2.0,
    column_border=QColor("#ffffff"),
    grid=QColor("#5c5c5c"),
    grid_strong=QColor("#ffffff"),
    weekend=QColor("#1a1a1a"),
    header=QColor("#000000"),
    highlight=QColor(255, 255, 0, 70),
    hover=QColor(255, 255, 0, 36),
    critical=QColor("#ffff00"),
    label_back=QColor(0, 0, 0, 230),
)

THEMES = {t.name: t for t in (LIGHT, DARK, HIGH_CONTRAST)}

# The standup's slides, projected in a room: the board's themes with deeper text and inks,
# so text reads at 7:1 and marks at 4.5:1 or more on the slide's panels from the back row.
# On a slide, ``window`` is the background, ``card`` a section's panel, ``card_border`` its
# edge and ``selection`` the accent (the header's bar, the timer's state, "New").
SLIDE_DARK = replace(
    DARK,
    name="slide_dark",
    window=QColor("#101418"),
    card=QColor("#1a2027"),
    card_border=QColor("#3a4654"),
    text=QColor("#ffffff"),
    muted=QColor("#c8d0da"),
    selection=QColor("#7cc8ff"),
)
SLIDE_LIGHT = replace(
    LIGHT,
    name="slide_light",
    window=QColor("#ffffff"),
    card=QColor("#f2f4f7"),
    card_border=QColor("#b8c0cc"),
    text=QColor("#101418"),
    muted=QColor("#38404c"),
    selection=QColor("#00568a"),
    done=QColor("#005c44"),
    risk=QColor("#7a4c00"),
    late=QColor("#9a3505"),
    blocked=QColor("#56307a"),
    handoff=QColor("#00568a"),
)
SLIDE_THEMES = {"dark": SLIDE_DARK, "light": SLIDE_LIGHT}  # the standup's choice: T switches

_current = LIGHT


def current() -> Theme:
    """The theme the screen's painted views use now (the PDF always uses LIGHT)."""
    return _current


def set_current(theme: Theme) -> None:
    global _current
    _current = theme


def mix(colour: QColor, other: QColor, share: float) -> QColor:
    """``share`` (0 to 1) of ``colour`` and the rest of ``other``: tints and faded inks."""
    share = max(0.0, min(1.0, share))
    return QColor.fromRgbF(
        colour.redF() * share + other.redF() * (1 - share),
        colour.greenF() * share + other.greenF() * (1 - share),
        colour.blueF() * share + other.blueF() * (1 - share),
    )


def luminance(colour: QColor) -> float:
    """WCAG relative luminance (0 black to 1 white)."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
