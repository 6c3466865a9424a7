"""Standup mode: a read-only, full-screen walk through the board, team by team."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from renkei.domain.commands import Create, set_task
from renkei.render.slide_metrics import MIN_PX
from renkei.render.slide_paint import tone_colour
from renkei.render.theme import SLIDE_DARK, SLIDE_LIGHT, SLIDE_THEMES, contrast
from renkei.ui.standup.picture import render_slide
from renkei.ui.standup.slides import DONE, OVERVIEW, TEAM, TIMELINE
from renkei.ui.standup.window import StandupWindow

FULL_HD = (1920, 1080)
SMALL = (1280, 720)


@pytest.fixture
def make_window(qtbot, app_font):
    def make(session, size=FULL_HD, **kwargs):
        window = StandupWindow(session, **kwargs)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def team_count(window) -> int:
    return sum(1 for i in range(window.slide_count) if window.slide(i).kind == TEAM)


def test_slides_walk_the_teams_then_overview_timeline_done(demo_session, make_window):
    window = make_window(demo_session)
    board = demo_session.board
    teams = [t.name for t in board.ordered_teams()]
    assert [window.slide_title(i) for i in range(len(teams))] == teams
    kinds = [window.slide(i).kind for i in range(len(teams), window.slide_count)]
    assert kinds == [OVERVIEW, TIMELINE, DONE]


def test_the_order_is_the_callers(demo_session, make_window):
    board = demo_session.board
    reversed_ids = [t.id for t in reversed(board.ordered_teams())]
    window = make_window(demo_session, order=reversed_ids)
    assert window.slide_title(0) == board.teams[reversed_ids[0]].name


def test_keys_move_through_the_slides_and_stop_at_the_ends(demo_session, make_window, qtbot):
    window = make_window(demo_session)
    last = window.slide_count - 1
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.index == 0
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.index == 1
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.index == 2
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.index == 1
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.index == 0
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert window.index == last
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.index == last
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert window.index == 0


def test_escape_closes_and_says_so(demo_session, make_window, qtbot):
    window = make_window(demo_session)
    with qtbot.waitSignal(window.closed, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_h_and_the_button_ask_to_record_the_standup(demo_session, make_window, qtbot):
    window = make_window(demo_session)
    with qtbot.waitSignal(window.heldRequested, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_H)
    window.go_to(window.slide_count - 1)
    assert window.held_button.isVisible()
    with qtbot.waitSignal(window.heldRequested, timeout=1000):
        qtbot.mouseClick(window.held_button, Qt.MouseButton.LeftButton)
    assert window.index == window.slide_count - 1  # the click did not also move on
    assert any("held at" in text for text in window.texts())


def test_the_timer_counts_down_pauses_and_shows_times_up(demo_session, make_window, qtbot):
    window = make_window(demo_session, seconds_per_team=3)
    assert window.seconds_left == 3
    assert "0:03 left" in window.texts()
    window.tick()
    assert window.seconds_left == 2
    assert "0:02 left" in window.texts()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.paused
    window.tick()
    assert window.seconds_left == 2
    assert "Paused" in window.texts()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.paused
    window.tick()
    window.tick()
    assert window.seconds_left == 0
    assert "Time's up" in window.texts()
    assert window.index == 0  # auto-advance is off: the lead decides


def test_the_timer_runs_by_itself_and_auto_advances(demo_session, make_window, qtbot):
    window = make_window(demo_session, seconds_per_team=1)
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert window.auto_advance
    qtbot.waitUntil(lambda: window.index == 1, timeout=4000)
    assert window.seconds_left == 1  # entering a slide restarts its timer


def test_entering_a_slide_restarts_its_timer(demo_session, make_window):
    window = make_window(demo_session, seconds_per_team=60)
    window.tick()
    window.tick()
    window.next_slide()
    assert window.seconds_left == 60


def test_refresh_keeps_the_team_and_lists_the_change(demo_session, make_window, qtbot):
    window = make_window(demo_session)
    board = demo_session.board
    window.go_to(1)
    team_id = window.current_slide.key[1]
    done = next(s for s in board.statuses.values() if s.is_done)
    task = next(
        t
        for t in board.tasks.values()
        if t.team_id == team_id and t.status_id != done.id and not t.archived
    )
    window.tick()
    window.toggle_pause()  # so the clock cannot move while the refresh is awaited
    before = window.seconds_left
    assert not any(t.startswith("Since last standup") for t in window.texts())
    demo_session.apply(set_task(task, status_id=done.id), "Done")
    qtbot.waitUntil(lambda: "Since last standup  (1)" in window.texts(), timeout=2000)
    assert window.index == 1
    assert window.current_slide.key == ("team", team_id)
    assert window.seconds_left == before
    texts = window.texts()
    assert "Finished" in texts
    assert task.title in texts or any(
        t.endswith("…") and task.title.startswith(t[:-1]) for t in texts
    )


def test_refresh_follows_the_team_when_the_order_changes(demo_session, make_window):
    window = make_window(demo_session)
    window.go_to(0)
    first = window.current_slide.key
    order = [t.id for t in reversed(demo_session.board.ordered_teams())]
    window.set_order(order)
    assert window.current_slide.key == first
    assert window.index == len(order) - 1


@pytest.mark.parametrize("size", [FULL_HD, SMALL])
@pytest.mark.parametrize("theme", ["dark", "light"])
def test_nothing_is_smaller_than_20px(demo_session, make_window, size, theme):
    window = make_window(demo_session, size=size)
    window.set_theme(theme)
    for index in range(window.slide_count):
        window.go_to(index)
        assert window.min_text_px() >= MIN_PX, (size, window.slide_title(index))


def test_card_titles_are_at_least_28px_at_1080p(demo_session, make_window):
    window = make_window(demo_session)
    board_titles = {t.title for t in demo_session.board.tasks.values()}
    for index in range(team_count(window)):
        window.go_to(index)
        sizes = window.text_sizes()
        shown = [(t, px) for t, px in sizes if t in board_titles or t.endswith("…")]
        assert shown
        assert all(px >= 28 for t, px in shown if t in board_titles)
        title_px = next(px for t, px in sizes if t == window.slide_title(index))
        assert title_px >= 28


@pytest.mark.parametrize("size", [FULL_HD, SMALL])
def test_every_team_slide_names_its_team(demo_session, ja_session, make_window, size):
    for session in (demo_session, ja_session):
        window = make_window(session, size=size)
        for index in range(team_count(window)):
            window.go_to(index)
            assert window.slide_title(index) in window.texts()
            assert window.current_slide.subtitle.startswith(f"Team {index + 1} of")


def test_risk_is_icon_and_word_and_sections_say_where_they_are(demo_session, make_window):
    window = make_window(demo_session, size=SMALL)
    texts = window.texts()
    assert any(t.startswith("At risk") for t in texts)
    words = {"Late", "Flagged", "Behind", "Dependency", "Slipped", "No owner", "Stale"}
    badges = [t for t in texts if t.split(" · ")[0] in words]
    assert badges, "no risk badge on the overview"
    assert not any("+" in t for t in badges), "a badge names its second reason, never '+1'"
    window.go_to(1)  # the busiest team does not fit at 720p: it says which lines show
    texts = window.texts()
    assert any(" of " in t and t.endswith("↓") for t in texts)
    assert not any(t.startswith("+") and t.endswith("more") for t in texts)


def test_themes_are_high_contrast(demo_session, make_window, qtbot):
    for theme in (SLIDE_DARK, SLIDE_LIGHT):  # window: the slide, card: a section's panel
        for text in (theme.text, theme.muted):
            assert contrast(text, theme.window) >= 7
            assert contrast(text, theme.card) >= 7
        for accent in (theme.done, theme.risk, theme.late, theme.blocked, theme.selection):
            assert contrast(accent, theme.card) >= 4.5
    window = make_window(demo_session)
    assert window.theme == "dark"
    qtbot.keyClick(window, Qt.Key.Key_T)
    assert window.theme == "light"


def test_the_timeline_slide_cannot_change_the_board(demo_session, make_window, qtbot):
    window = make_window(demo_session)
    window.go_to(next(i for i in range(window.slide_count) if window.slide(i).kind == TIMELINE))
    revision = demo_session.board.revision
    middle = window.rect().center()
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(window, middle + QPoint(200, 0))
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=middle + QPoint(200, 0))
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert demo_session.board.revision == revision
    assert window.timeline.shown_task_ids()


def test_present_goes_full_screen(demo_session, qtbot, app_font):
    window = StandupWindow(demo_session)
    qtbot.addWidget(window)
    window.present()
    qtbot.waitExposed(window)
    assert window.isFullScreen()


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("size", [FULL_HD, SMALL])
def test_render_slide_pictures(demo_session, ja_session, app_font, shots, lang, theme, size):
    session = demo_session if lang == "en" else ja_session
    for index in (0, 1):
        image = render_slide(session, index, size, theme)
        assert (image.width(), image.height()) == size
        image.save(str(shots / f"standup_{lang}_{theme}_{size[0]}_{index}.png"))
    # The bottom-left corner, under the footer and left of its words, is the slide's own.
    corner = image.copy(0, size[1] - 10, 12, 10)
    colours = {corner.pixelColor(x, y).name() for x in range(12) for y in range(10)}
    assert colours == {SLIDE_THEMES[theme].window.name()}


# -- a standup that hides nothing important ---------------------------------------------------


def add_overdue(session, count: int, team: str = "Marketing") -> list[str]:
    """``count`` overdue tasks for ``team``, one more day late each."""
    board = session.board
    team_id = board.find_team(team).id
    owner = next(p.id for p in board.people.values() if p.team_id == team_id)
    status = board.find_status("In progress").id
    titles = []
    for n in range(count):
        title = f"Late task {n:02d}"
        fields = (
            ("title", title),
            ("status_id", status),
            ("team_id", team_id),
            ("owner_id", owner),
            ("due", session.today() - timedelta(days=n + 1)),
        )
        session.apply(Create("task", fields))
        titles.append(title)
    return titles


def test_down_pages_through_a_long_section_then_moves_on(demo_session, make_window, qtbot):
    """40 more overdue tasks at 720p: ↓ (and PgDn, the clicker's button) shows the next
    ones until every one was on the slide, ↑ goes back a page, then ↓ moves to the next
    team; → always moves on at once."""
    titles = add_overdue(demo_session, 40)
    window = make_window(demo_session, size=SMALL)
    assert window.index == 0 and window.has_more()
    seen: list[str] = []
    pages = 0
    while window.index == 0:
        texts = window.texts()
        seen += [t for t in texts if t.startswith("Late task")]
        label = next(t for t in texts if t.endswith((" of 42 ↓", " of 42")))
        assert label.startswith("1–") == (pages == 0), label  # where the page is in it
        qtbot.keyClick(window, Qt.Key.Key_PageDown if pages % 2 else Qt.Key.Key_Down)
        pages += 1
        assert pages < 60
    assert window.index == 1 and window.page == 0
    # Overdue: the 40 new ones (1 to 40 days late) and the demo's 2, the latest first.
    assert sorted(set(seen)) == sorted(titles)
    assert seen.index("Late task 39") < seen.index("Late task 00")
    qtbot.keyClick(window, Qt.Key.Key_Up)
    assert window.index == 0 and window.page == 0
    window.page_down()
    window.page_down()
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert (window.index, window.page) == (0, 1)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert (window.index, window.page) == (1, 0)


def test_no_section_heading_over_nothing(demo_session, make_window):
    """Marketing has nothing blocked and nothing waiting for it: neither heading shows;
    every heading counts one line or more."""
    window = make_window(demo_session)
    assert window.slide_title(0) == "Marketing"
    texts = window.texts()
    assert not any(t.startswith("Blocked  (") for t in texts)
    for index in range(team_count(window)):
        window.go_to(index)
        assert not any(t.endswith("  (0)") for t in window.texts())


def wcag(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio, computed here from its definition."""

    def lum(c: QColor) -> float:
        def ch(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_hints_and_secondary_text_are_24px_and_7_to_1_at_1080p(demo_session, make_window, theme):
    """At 1920×1080 nothing on any slide is under 24 px (hints, details, the timeline's
    text), and every ink a word or detail uses reads at 7:1 on the slide and on a panel."""
    window = make_window(demo_session)
    window.set_theme(theme)
    for index in range(window.slide_count):
        window.go_to(index)
        assert window.min_text_px() >= 24, window.slide_title(index)
    hints = window.face().hints
    assert "↓" in hints and "↑" in hints  # the new keys are on the hint line
    slide = SLIDE_THEMES[theme]
    for tone in ("text", "muted", "accent", "done", "risk", "late", "blocked", "handoff"):
        ink = tone_colour(slide, tone)
        assert wcag(ink, slide.window) >= 7, tone
        assert wcag(ink, slide.card) >= 7, tone
    assert wcag(slide.muted, slide.window) >= 7  # the footer's hints


def test_the_dark_timeline_is_not_a_white_panel(demo_session, make_window):
    """The timeline slide in the dark theme is dark where its rows are: most of its body
    (bars and words aside) is as dark as the slide's panels."""
    window = make_window(demo_session)
    window.go_to(next(i for i in range(window.slide_count) if window.slide(i).kind == TIMELINE))
    image = window.grab().toImage()
    body = window._body(window.metrics())
    lightness = sorted(
        image.pixelColor(
            int(body.left() + body.width() * x / 40), int(body.top() + body.height() * y / 20)
        ).lightness()
        for x in range(1, 40)
        for y in range(1, 20)
    )
    assert lightness[len(lightness) // 2] < 80, "the timeline's body is light"


def test_the_timeline_pages_its_rows(demo_session, make_window, qtbot):
    """At 720p the demo's 38 tasks with dates take more than one page: ↓ shows the next
    rows, with which tasks show."""
    window = make_window(demo_session, size=SMALL)
    window.go_to(next(i for i in range(window.slide_count) if window.slide(i).kind == TIMELINE))
    assert window.has_more()
    first = window.grab().toImage()
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert window.page == 1
    assert window.grab().toImage() != first
