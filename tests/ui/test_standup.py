"""Standup mode: a read-only, full-screen walk through the board, team by team."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from renkei.domain.commands import set_task
from renkei.render.slide_metrics import MIN_PX
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
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.index == 2
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
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


def test_risk_is_icon_and_word_and_sections_say_more(demo_session, make_window):
    window = make_window(demo_session, size=SMALL)
    texts = window.texts()
    assert any(t.startswith("At risk") for t in texts)
    words = {"Late", "Flagged", "Behind", "Dependency", "Slipped", "No owner", "Stale"}
    badges = [t for t in texts if t.split(" · ")[0] in words]
    assert badges, "no risk badge on the overview"
    assert not any("+" in t for t in badges), "a badge names its second reason, never '+1'"
    window.go_to(1)  # the busiest team does not fit at 720p: it says so rather than shrink
    assert any(t.startswith("+") and t.endswith("more") for t in window.texts())


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
