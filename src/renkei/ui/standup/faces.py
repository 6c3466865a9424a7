"""A slide's face: what ``build_slides`` says, framed the way the presentation shows it.

A pure function of plain values (the slide, the agenda, where the walk is, the team timer,
when the standup was marked held): the window and the offscreen picture both build faces
here and hand them to ``render.slide_paint``, which only places and colours the words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from renkei.app.standup import Agenda
from renkei.i18n import arg
from renkei.i18n.words import parts_text, wide_parts_text
from renkei.render.slide_face import (
    DONE,
    OVERVIEW,
    TEAM,
    Heading,
    Notice,
    Section,
    Slide,
    SlideFace,
    Timer,
)
from renkei.ui.standup.slides import since_text


@dataclass(frozen=True, slots=True)
class Clock:
    """A team's timer as the window keeps it."""

    seconds_left: int
    paused: bool = False
    auto_advance: bool = False


def timer_face(clock: Clock) -> Timer:
    """The time left with a clock ("1:59 left"), or "Time's up" with a warning; and whether
    the timer is paused or moves on by itself."""
    if clock.seconds_left <= 0:
        text = QCoreApplication.translate("Standup", "Time's up")
        icon, tone = "risk", "late"
    else:
        minutes, seconds = divmod(clock.seconds_left, 60)
        text = arg(QCoreApplication.translate("Standup", "%1 left"), f"{minutes}:{seconds:02d}")
        icon, tone = "clock", "text"
    state = []
    if clock.paused:
        state.append(QCoreApplication.translate("Standup", "Paused"))
    if clock.auto_advance:
        state.append(QCoreApplication.translate("Standup", "Auto-advance on"))
    return Timer(text, icon, tone, parts_text(state), "risk" if clock.paused else "accent")


def overview_headings(since: datetime | None = None) -> tuple[Heading, ...]:
    """The overview's columns, in the order of ``OverviewRow.values``. "Finished" counts the
    tasks finished since the last standup (this time yesterday when none was held): the
    heading says since when, or a Done column of 17 reads as a contradiction of "0"."""
    if since is None:
        finished = QCoreApplication.translate("Standup", "Finished since yesterday")
    else:
        from renkei.ui.text import date_text

        day = since.replace(tzinfo=UTC).astimezone().date()
        finished = arg(QCoreApplication.translate("Standup", "Finished since %1"), date_text(day))
    return (
        Heading(QCoreApplication.translate("Standup", "Open"), "clock", "text"),
        Heading(finished, "done", "done"),
        Heading(QCoreApplication.translate("Standup", "At risk"), "risk", "risk"),
        Heading(QCoreApplication.translate("Standup", "Blocked"), "blocked", "blocked"),
        Heading(QCoreApplication.translate("Standup", "Overdue"), "clock", "late"),
    )


def closing_notice(held_at: datetime | None) -> Notice:
    """The last slide's words: thanks, and whether the standup is recorded as held."""
    thanks = QCoreApplication.translate("Standup", "Thank you, everyone")
    if held_at is None:
        words = QCoreApplication.translate(
            "Standup", "Press H or the button to record that the standup was held."
        )
        return Notice(thanks, words)
    words = arg(
        QCoreApplication.translate("Standup", "Standup held at %1."), held_at.strftime("%H:%M")
    )
    return Notice(thanks, words, detail_tone="done", detail_bold=True)


def with_title_names(slides: Sequence[Slide], names: Iterable[str]) -> list[Slide]:
    """``slides`` with each line that names a person knowing it (its title then never breaks
    inside the name); a slide or section without one is the same object as before."""
    names = tuple(name for name in names if len(name) > 1)
    found = []
    for slide in slides:
        sections = tuple(_named_section(section, names) for section in slide.sections)
        changed = any(a is not b for a, b in zip(sections, slide.sections, strict=True))
        found.append(replace(slide, sections=sections) if changed else slide)
    return found


def _named_section(section: Section, names: tuple[str, ...]) -> Section:
    lines = []
    for line in section.lines:
        named = tuple(name for name in names if name in line.title)
        lines.append(replace(line, title_names=named) if named else line)
    if all(a is b for a, b in zip(lines, section.lines, strict=True)):
        return section
    return replace(section, lines=tuple(lines))


def slide_face(
    slide: Slide,
    agenda: Agenda,
    *,
    number: int,
    count: int,
    clock: Clock,
    held_at: datetime | None = None,
    page: int = 0,
) -> SlideFace:
    """Slide ``number`` (1-based) of ``count`` as the presentation shows it, after ↓ was
    pressed ``page`` times on it."""
    face = SlideFace(
        kind=slide.kind,
        title=slide.title,
        subtitle=slide.subtitle,
        hints=QCoreApplication.translate(
            "Standup",
            "← → slide · ↓ ↑ more · Space pause · A auto · T theme · H held · Esc leave",
        ),
        counter=f"{number} / {count}",
        shown_range=QCoreApplication.translate("Standup", "%1–%2 of %3"),
        shown_one=QCoreApplication.translate("Standup", "%1 of %2"),
        counted=QCoreApplication.translate("Standup", "%1  (%2)"),
        page=max(0, page),
    )
    if slide.kind == TEAM:
        notice = None
        if slide.empty:
            notice = Notice(
                QCoreApplication.translate("Standup", "Nothing to report"),
                QCoreApplication.translate("Standup", "No changes, nothing due, nobody blocked."),
            )
        return replace(
            face,
            subtitle=wide_parts_text([slide.subtitle, since_text(agenda)]),
            timer=timer_face(clock),
            sections=slide.sections,
            notice=notice,
        )
    if slide.kind == OVERVIEW:
        return replace(face, headings=overview_headings(agenda.since), rows=slide.rows)
    if slide.kind == DONE:
        return replace(face, notice=closing_notice(held_at))
    return face
