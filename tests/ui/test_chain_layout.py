"""The handoff chain as plain values, without a widget: hops, the breaking one, places, axis."""

from __future__ import annotations

from itertools import pairwise

import pytest

from renkei.ui.handoffs.chain_layout import (
    MIN_ROW_HEIGHT,
    ChainAxis,
    ChainMetrics,
    build_chain,
    stamp,
)

# Line heights as a 13 px font would give them: the arithmetic, not the font, is under test.
METRICS = ChainMetrics.measure(lambda scale, bold: round(17 * scale))


def lost_budget_task(session) -> int:
    analysis = session.handoff_analysis()
    for task_id in sorted({e.task_id for e in analysis.entries}):
        for entry in analysis.chain(task_id)[1:]:
            if any(f.kind == "lost_downstream" and "budget" in f.items for f in entry.findings):
                return task_id
    raise AssertionError("the demo board has no task whose budget was lost downstream")


def test_no_task_chosen_is_an_empty_chain_that_says_so(demo_session):
    chain = build_chain(demo_session.board, demo_session.handoff_analysis(), None)
    assert chain.rows == [] and chain.title == ""
    assert chain.verdict == "Select a task to see its handoffs"
    assert chain.verdict_kind == "none"
    assert chain.content_height(METRICS) == int(METRICS.header + 14)


def test_the_chain_marks_one_breaking_hop_and_places_rows_one_under_another(demo_session):
    """One hop breaks; rows follow each other without gaps, a findings line adds height."""
    task_id = lost_budget_task(demo_session)
    chain = build_chain(demo_session.board, demo_session.handoff_analysis(), task_id)
    chain.place_rows(METRICS)
    assert chain.verdict_kind == "broke"
    assert [row.breaking for row in chain.rows].count(True) == 1
    top = METRICS.header + METRICS.axis
    for row in chain.rows:
        assert row.top == pytest.approx(top)
        assert row.main_height >= MIN_ROW_HEIGHT
        extra = METRICS.findings if row.findings_text else 0.0
        assert row.height == pytest.approx(row.main_height + extra)
        assert chain.row_at(row.top + row.height / 2) == row.index
        top += row.height
    assert chain.row_at(top + 1) is None
    assert chain.content_height(METRICS) == int(top + METRICS.legend + 14)


def test_the_axis_runs_from_the_first_hop_to_now_with_air_on_both_sides(demo_session):
    """Every event of every hop and "now" fall inside the axis; ticks are ordered and apart."""
    task_id = lost_budget_task(demo_session)
    chain = build_chain(demo_session.board, demo_session.handoff_analysis(), task_id)
    axis = ChainAxis(900.0, chain.t0, chain.t1)
    left, right = axis.span()
    assert axis.x_of(chain.t0) == pytest.approx(left)
    assert axis.x_of(chain.t1) == pytest.approx(right)
    assert left < axis.x_of(stamp(chain.rows[0].entry.at)) < axis.x_of(chain.now) < right
    for row in chain.rows:
        assert all(left < axis.x_of(moment) < right for moment in row.events)
    ticks = axis.ticks(lambda text: 7.0 * len(text))
    xs = [x for x, _label in ticks]
    assert ticks and xs == sorted(xs)
    assert all(b - a >= 7.0 * len(label) for (a, label), (b, _) in pairwise(ticks))
