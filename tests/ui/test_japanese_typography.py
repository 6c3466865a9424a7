"""Japanese typography where the code builds text itself (issue 18, deliver 4): lists with 、,
the parts of a line with ／, a name's note in （）, a label's colon full-width, titles in
「」, one date style (12月8日(火)) with ranges in 〜 — and English exactly as it was.
Every expectation here is written out by hand."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from renkei.domain import fields
from renkei.domain.forecast import Basis, Forecast
from renkei.domain.handoff_findings import Finding, Names, describe
from renkei.i18n import translate_marked
from renkei.i18n.words import (
    aside_text,
    headed_text,
    label_text,
    paren_text,
    quoted,
    then_text,
    tight_range_text,
    times_text,
    wide_parts_text,
)
from renkei.render.calendar_labels import week_labels
from renkei.render.forecast_words import forecast_line
from renkei.render.timeline_forecast import group_forecasts
from renkei.render.timeline_page_layout import range_text
from renkei.ui.handoffs.chain_layout import ChainAxis
from renkei.ui.standup.faces import Clock, timer_face

TODAY = date(2026, 12, 8)


def lost_finding(items: tuple[str, ...]) -> Finding:
    return Finding(
        kind="lost_in_transit",
        handoff_id=1,
        task_id=1,
        from_team_id=1,
        to_team_id=2,
        from_person_id=None,
        to_person_id=None,
        at=datetime(2026, 12, 1, 9, 0),
        items=items,
        detail="",
        params=(("template", "lost_in_transit"),),
    )


def forecast(name: str, p50: date, p85: date, due: date, odds: float) -> Forecast:
    return Forecast("team", 1, name, 5, p50, p85, due, "project", odds, Basis(20, 6), "own")


# -- the shared words -----------------------------------------------------------------------


def test_the_joining_words_in_japanese(japanese_ui):
    assert label_text("抜け漏れ", "予算") == "抜け漏れ：予算"
    assert aside_text("森 健太", "営業、フィールドセールス") == (
        "森 健太（営業、フィールドセールス）"
    )
    assert headed_text("依存", "「提案書」の完了待ち") == "依存：「提案書」の完了待ち"
    assert then_text("完了見込み", "期限 12月24日(木)") == "完了見込み\u3000期限 12月24日(木)"
    assert paren_text("12月8日(火)〜12月20日(日)", "13日間") == (
        "12月8日(火)〜12月20日(日)（13日間）"
    )
    assert quoted("提案書") == "「提案書」"
    assert times_text("予算", 2) == "予算×2"
    assert tight_range_text("12月17日(木)", "12月21日(月)") == "12月17日(木)〜12月21日(月)"
    assert wide_parts_text(["2番目の引き継ぎ", None, "抜け漏れ：予算"]) == (
        "2番目の引き継ぎ／抜け漏れ：予算"
    )


def test_the_joining_words_in_english_are_as_before(qapp):
    assert label_text("Lost", "Budget") == "Lost: Budget"
    assert aside_text("Ryo Ito", "Account executive, Field Sales") == (
        "Ryo Ito — Account executive, Field Sales"
    )
    assert headed_text("Dependency", "Waits for “Brief”") == "Dependency — Waits for “Brief”"
    assert then_text("likely done", "due Thu 24 Dec") == "likely done — due Thu 24 Dec"
    assert paren_text("Tue 8 Dec – Sun 20 Dec", "13 days") == "Tue 8 Dec – Sun 20 Dec (13 days)"
    assert quoted("Brief") == "“Brief”"
    assert times_text("Budget", 2) == "Budget ×2"
    assert tight_range_text("17 Dec", "21 Dec") == "17 Dec–21 Dec"
    assert wide_parts_text(["Broke at hop 2", "lost: Budget"]) == "Broke at hop 2  ·  lost: Budget"


# -- the finding sentences (domain) -------------------------------------------------------------


def test_a_findings_items_are_listed_with_touten_in_japanese(japanese_ui):
    names = Names(teams={1: "マーケティング", 2: "インサイドセールス"})
    sentence = describe(lost_finding(("budget", "timeline")), names, translate_marked)
    assert "予算、導入時期" in sentence
    assert ", " not in sentence


def test_a_findings_items_in_english_keep_the_comma():
    sentence = describe(lost_finding(("budget", "timeline")), Names(teams={1: "A", 2: "B"}))
    assert sentence.startswith("A → B (— → —): Budget, Timeline marked provided")


# -- dates --------------------------------------------------------------------------------------


def test_timeline_dates_in_the_one_japanese_style(japanese_ui):
    # 2026-11-30 is the Monday of ISO week 49
    assert week_labels(date(2026, 11, 30)) == (
        "第49週・11月30日(月)",
        "第49週・11月30日",
        "第49週",
        "49",
    )
    assert range_text(date(2026, 11, 30), date(2026, 12, 27), TODAY) == (
        "11月30日(月)〜12月27日(日)"
    )
    assert range_text(date(2026, 12, 28), date(2027, 1, 24), TODAY) == (
        "12月28日(月)〜2027年1月24日(日)"
    )
    found = group_forecasts(
        [forecast("x", date(2026, 12, 17), date(2026, 12, 21), date(2026, 12, 24), 0.9)], "team"
    )
    assert found[1].words == "完了予測 12月17日(木)〜12月21日(月)・期限 12月24日(木)（間に合う）"


def test_timeline_dates_in_english_are_as_before(qapp):
    assert week_labels(date(2026, 11, 30)) == ("W49 · 30 Nov", "W49", "49")
    assert range_text(date(2026, 11, 30), date(2026, 12, 27), TODAY) == "30 Nov – 27 Dec"
    assert range_text(date(2026, 12, 28), date(2027, 1, 24), TODAY) == (
        "28 Dec 2026 – 24 Jan 2027"
    )


def test_the_handoff_chain_axis_writes_japanese_dates_not_slashes(japanese_ui):
    start = datetime(2026, 12, 1).timestamp()
    axis = ChainAxis(1600.0, start, start + 10 * 86400)
    labels = [label for _x, label in axis.ticks(lambda text: 7.0 * len(text))]
    assert labels[:3] == ["12月1日", "12月2日", "12月3日"]


def test_a_forecast_line_in_japanese_has_no_dash_and_a_full_width_colon(japanese_ui):
    line = forecast_line(
        forecast(
            "マーケティング", date(2026, 12, 17), date(2026, 12, 22), date(2026, 12, 24), 0.98
        ),
        TODAY,
    )
    assert line.text == (
        "マーケティング：12月17日(木) ごろ完了見込み、遅くとも 12月22日(火)（P85）"
        "\u3000期限 12月24日(木)、期限内に終わる確率 98%"
    )


def test_a_forecast_line_in_english_is_as_before(qapp):
    line = forecast_line(
        forecast("Marketing", date(2026, 12, 17), date(2026, 12, 22), date(2026, 12, 24), 0.98),
        TODAY,
    )
    assert line.text == (
        "Marketing: likely done Thu 17 Dec, by Tue 22 Dec at the latest (P85)"
        " — due Thu 24 Dec, 98% chance on time"
    )


# -- the standup's timer --------------------------------------------------------------------------


def test_the_timers_state_parts(japanese_ui):
    assert timer_face(Clock(90, paused=True, auto_advance=True)).state == (
        "一時停止中／自動送り オン"
    )


def test_the_timers_state_parts_in_english(qapp):
    assert timer_face(Clock(90, paused=True, auto_advance=True)).state == (
        "Paused · Auto-advance on"
    )


# -- tags typed with 、 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "ウェビナー、引き継ぎ、展示会",
        "ウェビナー，引き継ぎ, 展示会",
        "ウェビナー,引き継ぎ、 展示会",
    ],
    ids=["touten", "full-width-comma", "mixed"],
)
def test_tags_split_on_touten_and_full_width_commas(typed):
    assert fields.check_value("task", "tags", typed) == ("ウェビナー", "引き継ぎ", "展示会")


def test_the_cli_and_the_editor_checks_split_tags_the_same_way(qapp, demo_session):
    from renkei.app.field_input import parse_value
    from renkei.ui.dialogs.task_checks import tag_problems

    typed = "ウェビナー、引き継ぎ"
    assert parse_value(demo_session.board, "tags", typed) == ("tags", ("ウェビナー", "引き継ぎ"))
    too_many = "、".join(f"tag{i}" for i in range(fields.MAX_TAGS + 1))
    assert tag_problems(too_many) == [
        f"Too many tags: {fields.MAX_TAGS + 1}, at most {fields.MAX_TAGS}."
    ]
    assert tag_problems("ウェビナー、引き継ぎ") == []


# -- the detail pane on the Japanese demo -----------------------------------------------------


def test_the_detail_pane_owner_tags_and_titles_in_japanese(qtbot, japanese_ui, ja_session):
    from renkei.domain.commands import set_task
    from renkei.ui.board_events import BoardEvents
    from renkei.ui.detail_pane import TaskDetailPane

    board = ja_session.board
    task = next(
        t
        for t in board.tasks.values()
        if t.owner_id is not None
        and board.people[t.owner_id].role
        and board.people[t.owner_id].team_id is not None
        and t.depends_on
    )
    ja_session.apply(set_task(task, tags=("ウェビナー", "引き継ぎ")))
    events = BoardEvents(ja_session)
    pane = TaskDetailPane(ja_session, events)
    qtbot.addWidget(pane)
    pane.show_task(task.id)
    owner = board.people[task.owner_id]
    team = board.teams[owner.team_id]
    assert pane.fact_text("owner") == f"{owner.name}（{owner.role}、{team.name}）"
    assert pane.fact_text("tags") == "ウェビナー、引き継ぎ"
    due = pane.fact_text("due")
    assert " · " not in due and "—" not in due
    for line in pane.dependency_lines():
        assert "“" not in line and "「" in line, line
    for line in pane.risk_lines():
        assert " — " not in line, line
    events.detach()
