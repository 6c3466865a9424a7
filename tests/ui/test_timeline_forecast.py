"""The timeline's forecast markers: each team's forecast in its group header, in words, late
in the warning words when its P85 lands after its deadline; the figures are the forecasts'."""

from __future__ import annotations

from datetime import date

from renkei.domain.forecast import Basis, Forecast
from renkei.render.timeline_forecast import group_forecasts
from renkei.ui.kanban.model import LaneMode
from renkei.ui.timeline.view import TimelineView


def forecast(scope: str, scope_id: int, p50, p85, due) -> Forecast:
    return Forecast(
        scope, scope_id, "x", 5, p50, p85, due, "project", None, Basis(20, 6), "own"
    )


def test_markers_say_when_and_whether_in_time(qapp):
    dec = lambda d: date(2026, 12, d)  # noqa: E731
    found = group_forecasts(
        [
            forecast("team", 1, dec(17), dec(21), dec(24)),
            forecast("team", 2, dec(17), dec(28), dec(24)),
            forecast("team", 3, None, None, dec(24)),  # too little history: no marker
            forecast("project", 4, dec(17), dec(21), None),
        ],
        "team",
    )
    assert set(found) == {1, 2}
    assert found[1].words == "Forecast: done 17 Dec–21 Dec · due 24 Dec, in time"
    assert not found[1].late
    assert found[2].words == "Forecast: done 17 Dec–28 Dec · due 24 Dec, late"
    assert found[2].late and found[2].p85 == dec(28).toordinal()


def test_the_timeline_shows_each_teams_forecast_and_each_projects_by_project(qtbot, demo_session):
    view = TimelineView(demo_session)
    qtbot.addWidget(view)
    board = demo_session.board
    view.set_tasks([t.id for t in board.tasks.values() if not t.archived])
    teams = {f.scope_id: f for f in demo_session.forecasts() if f.scope == "team"}
    for team in board.teams.values():
        marker = view.group_forecast(team.id)
        assert marker is not None, team.name
        assert marker.p85 == teams[team.id].p85.toordinal()
    view.set_group_mode(LaneMode.PROJECT)
    pipeline = board.find_project("Enterprise pipeline FY2026")
    marker = view.group_forecast(pipeline.id)
    assert marker is not None and marker.late and marker.words.endswith(", late")
