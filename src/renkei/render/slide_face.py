"""A standup slide as plain values: every word, icon and tone the slide shows, nothing drawn.

``ui/standup/slides.py`` turns the agenda into ``Slide`` values (what a team has to report),
``ui/standup/faces.py`` adds what the presentation shows around them (the timer, the
counter, the hints) to make a ``SlideFace``, and ``render/slide_paint.py`` draws a face at
any size. Every line carries an icon name and a word next to its tone, so meaning never
rests on colour alone.

Tones name a colour of the slide's theme: text, muted, accent, done, risk, late, blocked,
handoff. Icons name a glyph: done, new, moved, deadline, clock, sent, received, risk,
blocked, person.
"""

from __future__ import annotations

from dataclasses import dataclass

TEAM = "team"
OVERVIEW = "overview"
TIMELINE = "timeline"
DONE = "done"


@dataclass(frozen=True, slots=True)
class Line:
    """One item: an icon and a coloured word, the task's title, and a detail underneath."""

    title: str
    word: str = ""  # beside the icon: "Finished", "Late", "Blocked"…
    detail: str = ""  # who, why, how long
    icon: str = ""
    tone: str = "text"
    title_names: tuple[str, ...] = ()  # people's names in the title: never broken across lines


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    lines: tuple[Line, ...]
    big_details: bool = False  # the details are task titles: never smaller than a title


@dataclass(frozen=True, slots=True)
class OverviewRow:
    team: str
    open: int
    done: int
    at_risk: int
    blocked: int
    overdue: int
    # Will the team's open work be done in time? (render/forecast_words.py); "" for none.
    forecast: str = ""
    forecast_late: bool = False

    @property
    def values(self) -> tuple[int, int, int, int, int]:
        """In the order of the overview's columns."""
        return (self.open, self.done, self.at_risk, self.blocked, self.overdue)


@dataclass(frozen=True, slots=True)
class Slide:
    """What one slide has to say, from the agenda (before the presentation frames it)."""

    kind: str  # TEAM, OVERVIEW, TIMELINE, DONE
    key: object  # what keeps the slide across refreshes: ("team", id), or the kind
    title: str
    subtitle: str = ""
    # TEAM: the sections with lines, in reading order (the painter flows them into columns)
    sections: tuple[Section, ...] = ()
    rows: tuple[OverviewRow, ...] = ()  # OVERVIEW
    team_number: int = 0  # TEAM: 1-based

    @property
    def empty(self) -> bool:
        return self.kind == TEAM and not self.sections


@dataclass(frozen=True, slots=True)
class Heading:
    """An overview column's head: a word with its icon, in its tone."""

    word: str
    icon: str
    tone: str


@dataclass(frozen=True, slots=True)
class Timer:
    """A team's time, top right: "1:59 left" or "Time's up", and what the clock is doing."""

    text: str
    icon: str  # clock; risk when the time is up
    tone: str  # text; late when the time is up
    state: str = ""  # "Paused · Auto-advance on", or nothing
    state_tone: str = "accent"


@dataclass(frozen=True, slots=True)
class Notice:
    """A large centred sentence with a smaller one under it (an empty team, the end)."""

    title: str
    detail: str
    detail_tone: str = "muted"
    detail_bold: bool = False


@dataclass(frozen=True, slots=True)
class SlideFace:
    """Everything one slide shows, in words: the painter only places and colours them."""

    kind: str
    title: str
    subtitle: str
    hints: str  # the footer: the keys
    counter: str  # "2 / 7"
    # Beside a section's heading when it shows only some of its lines: "%1–%2 of %3"
    # (first, last, all); ↓ shows the next ones.
    shown_range: str = "%1–%2 of %3"
    shown_one: str = "%1 of %2"  # the same when the page shows one line of a section
    counted: str = "%1  (%2)"  # a section's heading and how many lines it has
    timer: Timer | None = None  # TEAM only
    sections: tuple[Section, ...] = ()  # TEAM
    page: int = 0  # TEAM: how many times ↓ was pressed on the slide (0: its first lines)
    headings: tuple[Heading, ...] = ()  # OVERVIEW: one per value of a row
    rows: tuple[OverviewRow, ...] = ()  # OVERVIEW
    notice: Notice | None = None  # an empty TEAM slide, DONE
