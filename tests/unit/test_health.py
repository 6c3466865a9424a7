"""The health word of a team or project (domain/health.py), pinned with scenarios a lead
would recognise. Every expectation is written by hand from the rule in the module's docstring."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from renkei.domain.forecast import Basis, Forecast
from renkei.domain.health import (
    Health,
    HealthFact,
    HealthReason,
    StatusLine,
    StatusLineError,
    Verdict,
    health,
    overruled,
    parse_status,
)
from renkei.domain.model import Task
from renkei.domain.risk import RiskKind, RiskReason
from renkei.domain.slips import DueMove, Slips

DUE = date(2026, 12, 24)
LATE = RiskReason(RiskKind.OVERDUE, (("days", 2),))
STALE = RiskReason(RiskKind.STALE, (("days", 9),))


def tasks(n: int) -> list[Task]:
    return [Task(i, f"Task {i}", 2, team_id=1, due=DUE) for i in range(1, n + 1)]


def forecast(chance: float | None, p85: date | None = date(2026, 12, 22), remaining=10):
    return Forecast(
        "team", 1, "Field Sales", remaining, p85, p85, DUE, "tasks", chance, Basis(30, 6), "own"
    )


def slipped_by(days: int) -> Slips:
    """A task due on DUE whose due date was moved there from ``days`` earlier."""
    baseline = date(2026, 12, 24 - days)
    return Slips(baseline, (DueMove(datetime(2026, 12, 1), baseline, DUE, None),))


def test_nothing_wrong_is_on_track():
    assert health(tasks(10), {}, {}, forecast(0.98)) == Verdict(Health.ON_TRACK, ())


def test_nothing_open_is_on_track_whatever_the_history():
    assert health([], {}, {}, forecast(None, None, remaining=0)).health is Health.ON_TRACK


def test_a_forecast_under_an_even_chance_is_off_track():
    verdict = health(tasks(10), {}, {}, forecast(0.03, date(2027, 1, 18)))
    assert verdict == Verdict(Health.OFF_TRACK, (HealthReason(HealthFact.FORECAST_MISSES, 3),))


def test_a_forecast_at_exactly_half_is_at_risk_not_off_track():
    verdict = health(tasks(10), {}, {}, forecast(0.50))
    assert verdict == Verdict(Health.AT_RISK, (HealthReason(HealthFact.FORECAST_LATE, 50),))


def test_a_p85_after_the_deadline_is_at_risk_even_with_good_odds():
    verdict = health(tasks(10), {}, {}, forecast(0.90, date(2026, 12, 28)))
    assert verdict.health is Health.AT_RISK
    assert verdict.reasons == (HealthReason(HealthFact.FORECAST_LATE, 90),)


def test_one_overdue_task_is_at_risk():
    verdict = health(tasks(10), {3: (LATE,)}, {}, forecast(0.98))
    assert verdict == Verdict(Health.AT_RISK, (HealthReason(HealthFact.OVERDUE, 1, 10),))


def test_a_quarter_overdue_is_off_track():
    late = {1: (LATE,), 2: (LATE,)}
    verdict = health(tasks(8), late, {}, forecast(0.98))
    assert verdict.health is Health.OFF_TRACK
    # Two of eight are at risk too: a quarter is more than the fifth that makes "at risk".
    assert verdict.reasons == (
        HealthReason(HealthFact.MANY_OVERDUE, 2, 8),
        HealthReason(HealthFact.MANY_AT_RISK, 2, 8),
    )


def test_one_late_task_of_three_is_not_yet_off_track():
    verdict = health(tasks(3), {1: (LATE,)}, {}, None)
    assert verdict.health is Health.AT_RISK


def test_two_overdue_of_ten_is_at_risk_not_off_track():
    verdict = health(tasks(10), {1: (LATE,), 2: (LATE,)}, {}, forecast(0.98))
    assert verdict.health is Health.AT_RISK
    assert verdict.reasons == (
        HealthReason(HealthFact.OVERDUE, 2, 10),
        HealthReason(HealthFact.MANY_AT_RISK, 2, 10),
    )


def test_a_slipped_deadline_is_at_risk_a_deadline_moved_earlier_is_not():
    assert health(tasks(10), {}, {4: slipped_by(3)}, None) == Verdict(
        Health.AT_RISK, (HealthReason(HealthFact.SLIPPED, 1, 10),)
    )
    assert health(tasks(10), {}, {4: slipped_by(-3)}, None).health is Health.ON_TRACK


def test_a_slip_of_a_task_outside_the_scope_does_not_count():
    assert health(tasks(10), {}, {99: slipped_by(3)}, None).health is Health.ON_TRACK


def test_a_fifth_at_risk_for_any_reason_is_at_risk_fewer_is_on_track():
    assert health(tasks(10), {1: (STALE,), 2: (STALE,)}, {}, None).health is Health.AT_RISK
    assert health(tasks(11), {1: (STALE,), 2: (STALE,)}, {}, None).health is Health.ON_TRACK


def test_without_a_forecast_date_the_other_facts_decide():
    thin = forecast(None, None)
    assert health(tasks(10), {}, {}, thin).health is Health.ON_TRACK
    assert health(tasks(10), {1: (LATE,)}, {}, thin).health is Health.AT_RISK


def test_the_lead_overrules_the_rule_and_keeps_its_facts():
    rule = health(tasks(10), {}, {}, forecast(0.03))
    line = StatusLine("Field Sales", Health.AT_RISK, "waiting for legal review")
    assert overruled(rule, line) == Verdict(
        Health.AT_RISK, rule.reasons, "waiting for legal review", by_hand=True
    )
    assert overruled(rule, None) is rule


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Field Sales=At risk: waiting for legal review",
            StatusLine("Field Sales", Health.AT_RISK, "waiting for legal review"),
        ),
        ("Marketing = off track", StatusLine("Marketing", Health.OFF_TRACK, "")),
        (
            "Tokyo trade show=on-track: booth booked",
            StatusLine("Tokyo trade show", Health.ON_TRACK, "booth booked"),
        ),
        (
            "フィールドセールス=要注意：法務確認待ち",
            StatusLine("フィールドセールス", Health.AT_RISK, "法務確認待ち"),
        ),
    ],
)
def test_status_lines_parse(text, expected):
    assert parse_status(text, [("要注意", Health.AT_RISK)]) == expected


@pytest.mark.parametrize("text", ["Field Sales", "=At risk: x", "Field Sales=Fine: all good"])
def test_a_status_line_without_a_name_or_a_health_is_refused(text):
    with pytest.raises(StatusLineError):
        parse_status(text)
