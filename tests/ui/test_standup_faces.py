"""What a standup slide says, as plain values: the agenda turned into slides, and a slide
framed as the presentation shows it (timer, counter, closing words), on boards built by hand."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from renkei.app.standup import FINISHED, Agenda, ChangeLine, PersonWork, TeamSlide
from renkei.domain.forecast import Basis, Forecast
from renkei.domain.model import Board, Person, Status, Task, Team
from renkei.i18n.language import use_language
from renkei.render.slide_face import (
    DONE,
    OVERVIEW,
    TEAM,
    TIMELINE,
    Heading,
    Line,
    Notice,
    OverviewRow,
    Section,
    Slide,
    Timer,
)
from renkei.ui.standup.faces import Clock, slide_face, timer_face
from renkei.ui.standup.slides import build_slides

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 9, 30)
MARKETING = 1
TODO, FINISHED_STATUS = 1, 2
AOKI, TANAKA = 10, 11
NOBODY_SINCE = Agenda(since=None, teams=())


def small_board() -> Board:
    return Board(
        name="Test board",
        revision=1,
        teams={MARKETING: Team(MARKETING, "Marketing")},
        people={AOKI: Person(AOKI, "Haruka Aoki"), TANAKA: Person(TANAKA, "Yuki Tanaka")},
        statuses={
            TODO: Status(TODO, "To do", 0),
            FINISHED_STATUS: Status(FINISHED_STATUS, "Done", 1, is_done=True),
        },
        tasks={
            1: Task(1, "Write the brief", FINISHED_STATUS, owner_id=AOKI, team_id=MARKETING),
            2: Task(2, "Book the hall", TODO, owner_id=TANAKA, team_id=MARKETING, due=TODAY),
        },
    )


def marketing_agenda() -> Agenda:
    team = TeamSlide(
        team_id=MARKETING,
        changes=(ChangeLine(FINISHED, 1, NOW, AOKI, new=FINISHED_STATUS),),
        due_today=(2,),
        due_this_week=(),
        overdue=(),
        at_risk=(),
        blocked=(),
        waiting=(),
        people=(PersonWork(TANAKA, (2,)),),
    )
    return Agenda(since=None, teams=(team,))


# -- the agenda as slides --------------------------------------------------------------------


def test_a_team_slide_lists_its_sections_in_reading_order():
    """What changed, then what is due, then who does what; empty sections are left out (the
    painter flows the rest into the slide's columns)."""
    slides = build_slides(marketing_agenda(), small_board(), TODAY)
    assert [s.kind for s in slides] == [TEAM, OVERVIEW, TIMELINE, DONE]
    team = slides[0]
    assert (team.key, team.title, team.subtitle) == ((TEAM, MARKETING), "Marketing", "Team 1 of 1")
    assert team.sections == (
        Section(
            "changes",
            "Since last standup",
            (Line("Write the brief", "Finished", "Haruka Aoki", "done", "done"),),
        ),
        Section(
            "due_today",
            "Due today",
            (Line("Book the hall", "Today", "Yuki Tanaka", "clock", "risk"),),
        ),
        Section(
            "people",
            "Who is doing what",
            (Line("Yuki Tanaka", "", "Book the hall", "person", "text"),),
            big_details=True,
        ),
    )


def test_the_overview_counts_each_team():
    """One row per team: open tasks, finished since the last standup, at risk, blocked, late."""
    overview = build_slides(marketing_agenda(), small_board(), TODAY)[1]
    assert overview.rows == (OverviewRow("Marketing", 1, 1, 0, 0, 0),)
    assert overview.rows[0].values == (1, 1, 0, 0, 0)


def test_the_overview_says_when_each_team_will_be_done(qapp):
    """A team's row carries its forecast in one line; a late one says "Late" in words (English
    plural forms from the catalogue)."""
    late = Forecast(
        "team",
        MARKETING,
        "Marketing",
        1,
        date(2026, 12, 9),
        date(2026, 12, 10),
        date(2026, 12, 8),
        "tasks",
        0.1,
        Basis(20, 6),
        "own",
    )
    (row,) = build_slides(marketing_agenda(), small_board(), TODAY, [late])[1].rows
    assert row.forecast == (
        "likely done Wed 9 Dec, by Thu 10 Dec at the latest (P85)"
        " — Late: due Tue 8 Dec, 10% chance on time"
    )
    assert row.forecast_late and row.values == (1, 1, 0, 0, 0)
    thin = Forecast(
        "team",
        MARKETING,
        "Marketing",
        1,
        None,
        None,
        None,
        None,
        None,
        Basis(4, 6),
        "own",
        "thin",
    )
    (row,) = build_slides(marketing_agenda(), small_board(), TODAY, [thin])[1].rows
    assert row.forecast == "not enough history: 4 tasks finished in 6 weeks"
    assert not row.forecast_late


# -- the timer -----------------------------------------------------------------------------


def test_the_timer_says_the_time_left_with_a_clock():
    assert timer_face(Clock(119)) == Timer("1:59 left", "clock", "text", "", "accent")
    assert timer_face(Clock(5, auto_advance=True)).state == "Auto-advance on"


def test_the_timer_says_times_up_with_a_warning_and_shows_a_pause():
    assert timer_face(Clock(0)) == Timer("Time's up", "risk", "late", "", "accent")
    paused = timer_face(Clock(60, paused=True, auto_advance=True))
    assert (paused.text, paused.state, paused.state_tone) == (
        "1:00 left",
        "Paused · Auto-advance on",
        "risk",
    )


# -- a slide as the presentation frames it ---------------------------------------------------


def test_a_team_face_has_the_timer_the_counter_and_since_when():
    column = (Section("changes", "Since last standup", (Line("Write the brief"),)),)
    slide = Slide(TEAM, (TEAM, 1), "Marketing", "Team 1 of 2", column, team_number=1)
    face = slide_face(slide, NOBODY_SINCE, number=1, count=5, clock=Clock(120))
    assert (face.title, face.subtitle) == (
        "Marketing",
        "Team 1 of 2  ·  Since this time yesterday",
    )
    assert face.counter == "1 / 5"
    assert face.timer == Timer("2:00 left", "clock", "text", "", "accent")
    assert face.sections == column and face.page == 0
    assert face.notice is None and face.headings == () and face.rows == ()
    assert face.shown_range.replace("%1", "4").replace("%2", "9").replace("%3", "23") == (
        "4–9 of 23"
    )
    assert face.hints.startswith("← → slide · ↓ ↑ more")


def test_a_team_with_nothing_to_report_says_so():
    slide = Slide(TEAM, (TEAM, 1), "Marketing", "Team 1 of 1")
    face = slide_face(slide, NOBODY_SINCE, number=1, count=4, clock=Clock(120))
    assert face.notice == Notice("Nothing to report", "No changes, nothing due, nobody blocked.")
    assert face.timer is not None  # the team still has its time


def test_the_overview_face_has_its_column_heads_and_no_timer():
    row = OverviewRow("Marketing", 4, 1, 2, 0, 1)
    slide = Slide(OVERVIEW, OVERVIEW, "Overview", "The whole board", rows=(row,))
    face = slide_face(slide, NOBODY_SINCE, number=2, count=4, clock=Clock(120))
    assert face.headings == (
        Heading("Open", "clock", "text"),
        Heading("Finished since yesterday", "done", "done"),  # no standup held yet
        Heading("At risk", "risk", "risk"),
        Heading("Blocked", "blocked", "blocked"),
        Heading("Overdue", "clock", "late"),
    )
    assert face.rows == (row,)
    assert (face.timer, face.subtitle, face.counter) == (None, "The whole board", "2 / 4")


def test_the_overview_says_since_when_it_counts_finished_work():
    row = OverviewRow("Marketing", 4, 1, 2, 0, 1)
    slide = Slide(OVERVIEW, OVERVIEW, "Overview", "The whole board", rows=(row,))
    held = Agenda(since=datetime(2026, 12, 3, 12, 0), teams=())
    face = slide_face(slide, held, number=2, count=4, clock=Clock(120))
    assert face.headings[1].word.startswith("Finished since ")
    assert "Dec" in face.headings[1].word and "3" in face.headings[1].word


def test_the_closing_face_asks_to_record_the_standup_then_says_when_it_was():
    slide = Slide(DONE, DONE, "That's the standup", "End of the agenda")
    asked = slide_face(slide, NOBODY_SINCE, number=4, count=4, clock=Clock(120))
    assert asked.notice == Notice(
        "Thank you, everyone", "Press H or the button to record that the standup was held."
    )
    at = datetime(2026, 12, 7, 9, 5)
    held = slide_face(slide, NOBODY_SINCE, number=4, count=4, clock=Clock(120), held_at=at)
    assert held.notice == Notice(
        "Thank you, everyone", "Standup held at 09:05.", detail_tone="done", detail_bold=True
    )


def test_the_timeline_face_is_only_its_frame():
    slide = Slide(TIMELINE, TIMELINE, "Timeline", "The weeks around today")
    face = slide_face(slide, NOBODY_SINCE, number=3, count=4, clock=Clock(0))
    assert (face.kind, face.title) == (TIMELINE, "Timeline")
    assert face.timer is None and face.notice is None and face.sections == ()


@pytest.fixture
def utc_zone(monkeypatch):
    """Local time is UTC, so a stored time reads as written."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_team_face_says_since_when_in_the_one_date_style(qapp, utc_zone):
    """The subtitle's time is written as every date in the app, not as an ISO stamp."""
    slide = Slide(TEAM, (TEAM, 1), "Marketing", "Team 1 of 2")
    held = Agenda(since=datetime(2020, 12, 3, 23, 33), teams=())
    face = slide_face(slide, held, number=1, count=5, clock=Clock(120))
    assert face.subtitle == "Team 1 of 2  ·  Since 3 Dec 2020 23:33"


def test_a_japanese_team_face_says_since_when_in_the_japanese_date_style(qapp, utc_zone):
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    use_language("ja")
    try:
        slide = Slide(TEAM, (TEAM, 1), "マーケティング", "チーム 1/2")
        held = Agenda(since=datetime(2020, 12, 3, 23, 33), teams=())
        face = slide_face(slide, held, number=1, count=5, clock=Clock(120))
        assert face.subtitle == "チーム 1/2／2020年12月3日(木) 23:33以降"
    finally:
        use_language("en")
        QLocale.setDefault(previous)
